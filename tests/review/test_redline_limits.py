"""The redline engine runs under limits and dies with reportgen; what it writes is sanitised,
and every failure to write the output is exit 2 with the previous file intact."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from reportgen.cli.main import main
from tests.conftest import ROOT
from tests.hostile_docx import rezip, small_docx

# A stand-in for the engine: it says who it is, then takes its time.
_SLOW_ENGINE = (
    "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(120)"
)

_DRIVER = textwrap.dedent(
    """
    import sys
    from reportgen.cli import main as cli
    from reportgen.review import redline as compare

    class Slow:
        def _build_command(self, author, original, modified, target, *, date_time):
            return [sys.executable, "-c", {engine!r}, {pid_file!r}]

    compare._engine = lambda: Slow()
    sys.exit(cli.main(sys.argv[1:]))
    """
)


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    old.write_bytes(small_docx("from 63 to 83 States Parties"))
    new.write_bytes(small_docx("from 63 to 84 States Parties"))
    return old, new


def _start_with_slow_engine(
    drafts: tuple[Path, Path], tmp_path: Path, environment: dict[str, str]
) -> tuple[subprocess.Popen[str], Path, Path]:
    pid_file, scratch = tmp_path / "engine.pid", tmp_path / "scratch"
    scratch.mkdir()
    driver = _DRIVER.format(engine=_SLOW_ENGINE, pid_file=str(pid_file))
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            driver,
            "redline",
            *map(str, drafts),
            "--output",
            str(tmp_path / "changes.docx"),
        ],
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(scratch), **environment},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, pid_file, scratch


def _wait_for(path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not (path.exists() and path.read_text()):
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_sigterm_stops_the_engine_too_and_leaves_nothing_behind(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    process, pid_file, scratch = _start_with_slow_engine(drafts, tmp_path, {})
    _wait_for(pid_file)
    engine = int(pid_file.read_text())
    process.send_signal(signal.SIGTERM)
    status = process.wait(timeout=60)
    assert status == 143
    assert _gone(engine)
    assert list(scratch.iterdir()) == []  # no temporary .docx, no scratch folder
    assert not (tmp_path / "changes.docx").exists()


def test_an_engine_that_runs_too_long_is_killed_at_the_limit(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    started = time.monotonic()
    process, pid_file, scratch = _start_with_slow_engine(
        drafts, tmp_path, {"REPORTGEN_REDLINE_SECONDS": "2"}
    )
    _, err = process.communicate(timeout=120)
    assert process.returncode == 2
    old, new = drafts
    assert err.splitlines() == [
        f"the redline engine could not compare {old} and {new}: it ran for more than 2 s; "
        "refused (raise REPORTGEN_REDLINE_SECONDS, now 2, to allow it)"
    ]
    assert time.monotonic() - started < 60
    assert _gone(int(pid_file.read_text()))
    assert list(scratch.iterdir()) == []


needs_engine = pytest.mark.skipif(
    __import__("importlib").util.find_spec("python_redlines") is None,
    reason="the extra reportgen[redline] is not installed",
)


@needs_engine
def test_the_redline_holds_only_the_parts_a_word_document_needs(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = drafts
    old.write_bytes(
        rezip(
            old.read_bytes(),
            add={"../../../tmp/x": b"escape", "/tmp/x": b"escape", "word/junk.xml": b"<junk/>"},
        )
    )
    output = tmp_path / "changes.docx"
    assert main(["redline", str(old), str(new), "--output", str(output)]) == 0
    with zipfile.ZipFile(output) as archive:
        names = archive.namelist()
        parts = {name: archive.read(name) for name in names}
    assert "word/document.xml" in names and "[Content_Types].xml" in names
    assert not any(n.startswith(("/", "..")) or "tmp/x" in n or "junk" in n for n in names)
    assert not any(b"<!DOCTYPE" in body for body in parts.values())


@needs_engine
@pytest.mark.parametrize("kind", ["directory", "parent is a file", "full disk", "read-only folder"])
def test_a_redline_that_cannot_be_written_is_exit_2_and_keeps_the_previous_file(
    kind: str,
    drafts: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    output = tmp_path / "changes.docx"
    previous = b"the previous redline"
    if kind == "directory":
        output.mkdir()
        reason = "Is a directory"
    elif kind == "parent is a file":
        (tmp_path / "notes").write_bytes(previous)
        output = tmp_path / "notes" / "changes.docx"
        reason = f"{tmp_path / 'notes'} is a file, not a folder"
    elif kind == "full disk":
        output.write_bytes(previous)
        monkeypatch.setattr("reportgen.core.writing.os.write", lambda fd, data: 0)
        reason = "No space left on device"
    else:  # the tests may run as root, whom a folder's mode does not stop: say it is so
        output.write_bytes(previous)

        def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("reportgen.core.writing.tempfile.mkstemp", read_only)
        reason = "Permission denied"
    assert main(["redline", *map(str, drafts), "--output", str(output)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{output}: output: cannot be written ({reason})"
    ]
    if kind in ("full disk", "read-only folder"):
        assert output.read_bytes() == previous
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            ["changes.docx", "new.docx", "old.docx"]
        )


def test_the_sanitised_input_is_what_the_engine_reads(drafts: tuple[Path, Path]) -> None:
    from reportgen.ooxml.package import open_docx

    old, _ = drafts
    hostile = rezip(old.read_bytes(), add={"/tmp/x": b"escape"})
    with zipfile.ZipFile(io.BytesIO(open_docx(hostile).sanitised())) as archive:
        assert "/tmp/x" not in archive.namelist()


@needs_engine
def test_an_engine_over_its_memory_limit_is_one_line_and_exit_2(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    output = tmp_path / "changes.docx"
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "redline", *map(str, drafts), "--output", str(output)],
        cwd=ROOT,
        env={**os.environ, "REPORTGEN_REDLINE_MEMORY_MB": "8"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("the redline engine could not compare ")
    assert "it needed more than 8 MB of memory" in line
    assert line.endswith("refused (raise REPORTGEN_REDLINE_MEMORY_MB, now 8, to allow it)")
    assert not output.exists()


def test_an_old_document_with_a_doctype_never_reaches_the_engine(
    drafts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = drafts
    with zipfile.ZipFile(old) as archive:
        xml = archive.read("word/document.xml")
    xml = xml.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
    old.write_bytes(rezip(old.read_bytes(), replace={"word/document.xml": xml}))
    output = tmp_path / "changes.docx"
    assert main(["redline", str(old), str(new), "--output", str(output)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{old}: word/document.xml: holds a document type declaration (<!DOCTYPE>), which "
        "Word never writes and which can expand entities or name other files; refused"
    ]
    assert not output.exists()


@pytest.mark.skipif(sys.platform != "linux", reason="the parent-death signal is Linux's")
def test_sigkill_of_reportgen_takes_the_engine_with_it(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    process, pid_file, scratch = _start_with_slow_engine(drafts, tmp_path, {})
    _wait_for(pid_file)
    engine = int(pid_file.read_text())
    process.kill()
    process.wait(timeout=60)
    deadline = time.monotonic() + 30
    while not _gone(engine) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(engine)
    # What the killed redline worked in stays until the next redline removes it.
    (left,) = scratch.iterdir()
    an_hour_ago = time.time() - 3600
    os.utime(left, (an_hour_ago, an_hour_ago))
    pid_file.unlink()
    again = subprocess.run(
        [
            sys.executable,
            "-c",
            _DRIVER.format(engine=_SLOW_ENGINE, pid_file=str(pid_file)),
            "redline",
            *map(str, drafts),
            "--output",
            str(tmp_path / "changes.docx"),
        ],
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(scratch), "REPORTGEN_REDLINE_SECONDS": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 2
    assert list(scratch.iterdir()) == []
