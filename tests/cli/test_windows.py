"""What Windows does to reportgen's inputs and outputs, simulated on Linux (issue 20, item 2).

- Notepad saves data files and catalogues with CRLF line breaks and, as "UTF-8 with BOM",
  a byte order mark: both are read as if they were not there, every line and column the
  same. Saved as "ANSI" (cp1252) a file is refused at its first bad byte: save as UTF-8.
- A console or a redirection in the system's code page (cp1252) cannot encode every
  character: `text`, `figures`, `diff` and the messages write its escape (\\u2192), never
  a traceback.
- Windows refuses to replace a file that Word has open (PermissionError, errno 13): the
  build exits 2 and says to close it; the previous report stays as it was.
- Folders with spaces and accents in their names.

What is not simulated (and so not tested on Windows itself) is in docs/windows-files.md.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from reportgen.app import build
from reportgen.cli.main import main
from reportgen.core import writing
from reportgen.review.rendition import rendition
from tests.conftest import DATA, ROOT, TEMPLATE, copy_template

# --- Data files saved by Notepad ----------------------------------------------------------------


def _notepad(data: Path, target: Path, *, bom: bool = True) -> Path:
    """A copy of `data` with every YAML file as Notepad saves it: CRLF, and a BOM."""
    shutil.copytree(data, target)
    for path in target.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return target


def test_data_saved_by_notepad_gives_the_same_report(tmp_path: Path) -> None:
    notepad = _notepad(DATA, tmp_path / "data")
    assert (notepad / "states.yaml").read_bytes().startswith(b"\xef\xbb\xbf")
    build(notepad, TEMPLATE, tmp_path / "notepad.docx")
    build(DATA, TEMPLATE, tmp_path / "original.docx")
    assert rendition(tmp_path / "notepad.docx") == rendition(tmp_path / "original.docx")


def test_a_mistake_in_a_notepad_file_is_at_the_same_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unix = tmp_path / "unix"
    shutil.copytree(DATA, unix)
    states = unix / "states.yaml"
    text = states.read_text(encoding="utf-8")
    assert "  iso3: AFG\n" in text
    states.write_text(text.replace("  iso3: AFG\n", "  iso3: AFGX\n", 1), encoding="utf-8")
    for name in ("notepad", "notepad-without-bom"):
        _notepad(unix, tmp_path / name, bom=name == "notepad")
    printed = {}
    for name in ("unix", "notepad", "notepad-without-bom"):
        assert main(["check", "--lang", "en", "--data", str(tmp_path / name)]) == 2
        printed[name] = capsys.readouterr().err.replace(str(tmp_path / name), "DATA")
    line = text[: text.index("  iso3: AFG\n")].count("\n") + 1
    assert f"DATA/states.yaml:{line}:3: states[0] (Afghanistan).iso3: 'AFGX'" in printed["unix"]
    assert printed["notepad"] == printed["unix"]
    assert printed["notepad-without-bom"] == printed["unix"]


def test_a_data_file_saved_as_ansi_is_refused_at_its_first_bad_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    events = data / "events.yaml"
    text = events.read_text(encoding="utf-8")
    first = next(c for c in text if ord(c) > 127)  # where "ANSI" and UTF-8 differ
    events.write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    before = text[: text.index(first)]
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    assert main(["check", "--lang", "en", "--data", str(data)]) == 2
    (problem,) = capsys.readouterr().err.splitlines()
    assert problem.startswith(
        f"{events}:{line}:{column}: file: is not UTF-8 text: byte "
        f"0x{first.encode('cp1252')[0]:02x} here ("
    )
    assert problem.endswith("); save the file as UTF-8")


# --- A console in cp1252 -------------------------------------------------------------------------

_UNENCODABLE = "Afghanistan \u2192 \u0130stanbul"
"""A State's name no Windows-1252 console can write: an arrow, a dotted capital I."""


@pytest.fixture(scope="module")
def unencodable(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Data naming a State in characters cp1252 lacks, and reports built from it."""
    folder = tmp_path_factory.mktemp("cp1252")
    data = folder / "data"
    shutil.copytree(DATA, data)
    for stem in ("states", "categories"):
        path = data / f"{stem}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Afghanistan", f'"{_UNENCODABLE}"'), encoding="utf-8")
    build(data, TEMPLATE, folder / "new.docx")
    build(DATA, TEMPLATE, folder / "old.docx")
    return folder


@pytest.mark.parametrize(
    ("arguments", "status"),
    [
        (["text", "new.docx"], 0),
        (["figures", "--data", "data"], 0),
        (["diff", "old.docx", "new.docx"], 1),
    ],
    ids=["text", "figures", "diff"],
)
def test_output_redirected_in_cp1252_escapes_what_it_cannot_encode(
    unencodable: Path, arguments: list[str], status: int
) -> None:
    with (unencodable / "out.txt").open("wb") as out:
        run = subprocess.run(
            [sys.executable, "-m", "reportgen", *arguments],
            cwd=unencodable,
            env={**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONPATH": str(ROOT)},
            stdout=out,
            stderr=subprocess.PIPE,
        )
    assert (run.returncode, run.stderr.decode("cp1252")) == (status, "")
    written = (unencodable / "out.txt").read_bytes().decode("cp1252")
    assert "Afghanistan \\u2192 \\u0130stanbul" in written


def test_a_message_in_cp1252_escapes_what_it_cannot_encode(unencodable: Path) -> None:
    states = unencodable / "data" / "states.yaml"
    text = states.read_text(encoding="utf-8")
    states.write_text(text + '\n- name: "Nowhere \u2192 land"\n  iso3: NWL\n', encoding="utf-8")
    try:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "reportgen",
                "check",
                "--data",
                "data",
                "--template",
                str(TEMPLATE),
            ],
            cwd=unencodable,
            env={**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONPATH": str(ROOT)},
            capture_output=True,
        )
    finally:
        states.write_text(text, encoding="utf-8")
    assert run.returncode == 2
    printed = run.stderr.decode("cp1252")
    assert "Traceback" not in printed and "internal error" not in printed
    assert "Nowhere \\u2192 land" in printed


# --- The report open in Word ---------------------------------------------------------------------


def test_a_report_open_in_word_is_left_as_it_was_and_the_user_told_to_close_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "output" / "report.docx"
    output.parent.mkdir()
    output.write_bytes(b"the report as Word has it open")
    replace = os.replace

    def as_windows_does(source: str, target: object) -> None:
        if Path(str(target)) == output:  # Windows: "used by another process"
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", as_windows_does)
    arguments = ["build", "--data", str(DATA), "--template", str(TEMPLATE)]
    assert main([*arguments, "--output", str(output)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{output}: output: cannot be replaced (Permission denied): close report.docx in Word "
        f"(or LibreOffice) and build again; if it is not open, check that you may write in "
        f"{output.parent}"
    ]
    assert output.read_bytes() == b"the report as Word has it open"
    assert sorted(p.name for p in output.parent.iterdir()) == ["report.docx"]  # no leftover


def test_a_folder_that_cannot_be_written_is_not_said_to_be_open_in_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writing, "tempfile", SimpleNamespace(mkstemp=refused))
    output = tmp_path / "report.docx"
    arguments = ["build", "--data", str(DATA), "--template", str(TEMPLATE)]
    assert main([*arguments, "--output", str(output)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{output}: output: cannot be written (Permission denied)"
    ]


# --- Paths with spaces and accents ---------------------------------------------------------------


def test_folders_with_spaces_and_accents(tmp_path: Path) -> None:
    folder = tmp_path / "Rapport année 2013" / "Données de l'UAI"
    shutil.copytree(DATA, folder / "data")
    template = copy_template(folder / "modèles" / "rapport final.docx")
    output = folder / "sortie élaborée" / "rapport final.docx"
    arguments = ["--quiet", "build", "--data", str(folder / "data"), "--template", str(template)]
    assert main([*arguments, "--output", str(output)]) == 0
    assert (
        main(["--quiet", "check", "--data", str(folder / "data"), "--template", str(template)]) == 0
    )
    build(DATA, TEMPLATE, tmp_path / "plain.docx")
    assert rendition(output) == rendition(tmp_path / "plain.docx")


# --- What Windows' Python lacks ------------------------------------------------------------------

# Loaded at start-up through PYTHONPATH: fcntl cannot be imported, os has none of the POSIX
# flags and calls Windows' Python lacks, and msvcrt.locking is there (made of flock, which
# this stand-in saves before hiding it). Processes are still started the POSIX way.
_WINDOWS_PYTHON = """
import fcntl as _flock, os, sys, types
import subprocess  # it probes for msvcrt when imported: keep it the POSIX one it is here
def _locking(fd, mode, nbytes):
    _flock.flock(fd, _flock.LOCK_EX | (_flock.LOCK_NB if mode == 2 else 0))
sys.modules["msvcrt"] = types.SimpleNamespace(LK_LOCK=1, LK_NBLCK=2, locking=_locking)
sys.modules["fcntl"] = None
for name in ("O_NOFOLLOW", "O_DIRECTORY", "O_NONBLOCK", "killpg", "fchown", "fchmod",
             "geteuid", "getuid"):
    if hasattr(os, name):
        delattr(os, name)
"""


def _on_windows_python(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    site = tmp_path / "windows-python"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(_WINDOWS_PYTHON, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "reportgen", *arguments],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_build_import_and_schema_run_without_what_windows_python_lacks(tmp_path: Path) -> None:
    # Issue 20: `reportgen build` ended in "No module named 'fcntl'" on Windows; the
    # import's folder lock, the cache and the data files' modes used POSIX calls too.
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    output = tmp_path / "out" / "report.docx"
    common = ["--data", str(data), "--template", str(TEMPLATE)]
    built = _on_windows_python(tmp_path, "build", *common, "--output", str(output))
    assert built.returncode == 0, built.stderr
    assert rendition(output) == rendition(build(DATA, TEMPLATE, tmp_path / "posix.docx").output)
    again = _on_windows_python(tmp_path, "build", *common, "--output", str(output))
    assert again.returncode == 0, again.stderr  # an unchanged report, or one replaced
    page = ROOT / "tests" / "fixtures" / "untc" / "XXVI-6.html"
    imported = _on_windows_python(
        tmp_path, "import", "untc", str(page), "--data", str(data), "--write"
    )
    assert imported.returncode == 0, imported.stderr
    schemas = _on_windows_python(tmp_path, "schema", "--output", str(tmp_path / "schemas"))
    assert schemas.returncode == 0, schemas.stderr
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir())


def test_a_report_is_moved_into_place_only_once_closed_as_windows_requires(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hostile review of issue 20: the finished file was renamed while still open; Windows
    # refuses that (a sharing violation), so every build there would have said "close
    # report.docx in Word". Here os.replace refuses as Windows does when the file is open.
    real = os.replace

    def as_on_windows(source: str | Path, target: str | Path) -> None:
        opened = {os.path.realpath(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")}
        if os.path.realpath(source) in opened:
            raise PermissionError(13, "The process cannot access the file", str(source))
        real(source, target)

    monkeypatch.setattr("reportgen.core.writing.os.replace", as_on_windows)
    target = tmp_path / "report.docx"
    writing.write_atomically(b"the report", target)
    assert target.read_bytes() == b"the report"
