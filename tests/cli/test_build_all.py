"""`reportgen build` of every language in one process, one file per language, the previous
build kept; `reportgen` alone; `make`'s user targets as one reportgen command each."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.app import build
from reportgen.cli.main import main
from reportgen.core import replacing, writing
from tests.conftest import DATA, ROOT, TEMPLATES, template_of

CANADA = "- name: Canada\n  iso3: CAN\n  region: Americas\n  signature: 2008-12-03\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder laid out as the repository is, with the frozen data and templates, under a
    name with a space and accents (as a Windows user's "Rapport été" folder), where
    reportgen runs."""
    where = tmp_path / "Rapport été 2013"
    shutil.copytree(DATA, where / "data")
    shutil.copytree(TEMPLATES, where / "templates")
    monkeypatch.chdir(where)
    return where


def _ratify_canada(data: Path) -> None:
    states = data / "states.yaml"
    text = states.read_text(encoding="utf-8")
    assert CANADA in text
    states.write_text(text.replace(CANADA, CANADA + "  ratification: 2013-05-02\n"), "utf-8")


def _outputs(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in (folder / "output").rglob("*.docx"))


# --- reportgen alone, python -m reportgen ----------------------------------------------------


def _command_names() -> list[str]:
    import argparse

    from reportgen.cli.main import _parser

    parser = _parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(subparsers.choices)


def test_reportgen_alone_lists_the_commands_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    for name in _command_names():
        assert f"\n    {name} " in out, name


def test_python_m_reportgen_of_the_environment_runs_the_commands(tmp_path: Path) -> None:
    # sys.executable is the environment's Python, as .venv/bin/python (.venv\Scripts\python)
    result = subprocess.run(
        [sys.executable, "-m", "reportgen"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "build" in result.stdout and "redline" in result.stdout


# --- Every language in one process, one file each ------------------------------------------


def test_build_writes_every_language_with_a_template_one_file_each(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build"]) == 0
    assert _outputs(folder) == [
        "output/report.docx",
        "output/report.es.docx",
        "output/report.fr.docx",
    ]  # no report.en.docx that could disagree with report.docx
    err = capsys.readouterr().err
    for name in ("report.docx", "report.fr.docx", "report.es.docx"):
        assert f"wrote {Path('output') / name}" in err
    # each is the report of its language, as a build of that language alone writes it
    for lang in ("en", "fr", "es"):
        alone = build(DATA, template_of(lang), folder / f"alone.{lang}.docx", lang=lang)
        name = "report.docx" if lang == "en" else f"report.{lang}.docx"
        assert (folder / "output" / name).read_bytes() == alone.output.read_bytes(), lang


def test_build_skips_a_language_without_a_template(folder: Path) -> None:
    (folder / "templates" / "report.es.docx").unlink()
    assert main(["build"]) == 0
    assert _outputs(folder) == ["output/report.docx", "output/report.fr.docx"]


def test_build_lang_builds_that_language_only(folder: Path) -> None:
    assert main(["build", "--lang", "fr"]) == 0
    assert _outputs(folder) == ["output/report.fr.docx"]


def test_a_template_or_an_output_named_without_lang_is_one_english_report(
    folder: Path, tmp_path: Path
) -> None:
    output = tmp_path / "sortie" / "mon rapport.docx"
    assert main(["build", "--output", str(output)]) == 0
    assert output.exists() and not (folder / "output").exists()


def test_a_problem_in_one_language_builds_none(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build"]) == 0
    before = {name: (folder / name).read_bytes() for name in _outputs(folder)}
    _ratify_canada(folder / "data")
    catalogue = folder / "templates" / "report.es.ftl"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "\nbroken = {\n", "utf-8")
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert str(Path("templates") / "report.es.ftl") in err
    assert {name: (folder / name).read_bytes() for name in _outputs(folder)} == before
    assert not (folder / "output" / "previous").exists()


def test_the_problems_of_the_data_are_said_once_for_all_languages(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    states = folder / "data" / "states.yaml"
    states.write_text(
        states.read_text(encoding="utf-8").replace(
            "signature: 2008-12-03", "signature: 2008-13-03", 1
        ),
        "utf-8",
    )
    assert main(["build"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines  # not once per language
    assert ".signature" in lines[0]
    assert not (folder / "output").exists()


def test_pdf_of_every_language_from_one_start_of_libreoffice(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    starts: list[list[str]] = []

    def run(command: list[str], timeout: float) -> None:
        starts.append(command)
        out = Path(command[command.index("--outdir") + 1])
        out.mkdir()
        for argument in command:
            if argument.endswith(".docx"):
                (out / Path(argument).with_suffix(".pdf").name).write_bytes(b"%PDF-")

    monkeypatch.setattr("reportgen.review.pdf._run", run)
    monkeypatch.setattr("reportgen.review.pdf.find_soffice", lambda: "soffice")
    assert main(["build", "--pdf"]) == 0
    assert len(starts) == 1
    assert sum(argument.endswith(".docx") for argument in starts[0]) == 3
    pdfs = sorted(p.name for p in (folder / "output").glob("*.pdf"))
    assert pdfs == ["report.es.pdf", "report.fr.pdf", "report.pdf"]


# --- The previous build kept ----------------------------------------------------------------


def test_the_report_a_build_replaces_is_kept_in_previous(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build"]) == 0
    first = {name: (folder / name).read_bytes() for name in _outputs(folder)}
    assert main(["build"]) == 0  # nothing changed: nothing replaced, nothing kept
    assert f"{Path('output') / 'report.docx'} is unchanged" in capsys.readouterr().err
    assert not (folder / "output" / "previous").exists()
    _ratify_canada(folder / "data")
    assert main(["build"]) == 0
    assert "(the one it replaced is now output/previous/report.docx)" in capsys.readouterr().err
    for name, content in first.items():
        kept = folder / "output" / "previous" / Path(name).name
        assert kept.read_bytes() == content, name
        assert (folder / name).read_bytes() != content, name
    assert main(["build"]) == 0  # built again unchanged: the previous one is still the first
    assert (folder / "output" / "previous" / "report.docx").read_bytes() == first[
        "output/report.docx"
    ]


def test_a_failed_build_leaves_the_report_and_the_previous_one_untouched(
    folder: Path,
) -> None:
    assert main(["build"]) == 0
    _ratify_canada(folder / "data")
    assert main(["build"]) == 0
    both = {p: p.read_bytes() for p in (folder / "output").rglob("*.docx")}
    states = folder / "data" / "states.yaml"
    states.write_text(states.read_text(encoding="utf-8") + "- name: [\n", "utf-8")
    assert main(["build"]) == 2
    assert {p: p.read_bytes() for p in (folder / "output").rglob("*.docx")} == both


def test_a_report_that_cannot_be_replaced_puts_every_other_back(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As on Windows when Word holds output/report.fr.docx open: its replacement fails
    # after the English one was written. The English report and the previous ones are put
    # back, so that a second build, once Word is closed, still keeps the first build.
    assert main(["build"]) == 0
    _ratify_canada(folder / "data")
    assert main(["build"]) == 0
    both = {p: p.read_bytes() for p in (folder / "output").rglob("*.docx")}
    text = (folder / "data" / "states.yaml").read_text(encoding="utf-8")
    (folder / "data" / "states.yaml").write_text(
        text.replace("ratification: 2013-05-02", "ratification: 2013-05-03"),
        "utf-8",
    )
    real = writing.write_atomically

    def held_open(data: bytes, target: Path) -> None:
        if target.name == "report.fr.docx" and target.parent.name == "output":
            raise PermissionError(13, "Permission denied", str(target))
        real(data, target)

    monkeypatch.setattr(replacing, "write_atomically", held_open)
    capsys.readouterr()
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert f"{Path('output') / 'report.fr.docx'}: output: cannot be written" in err
    assert {p: p.read_bytes() for p in (folder / "output").rglob("*.docx")} == both


def test_paths_with_spaces_and_accents_for_data_and_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "Données 2013" / "data"
    shutil.copytree(DATA, data)
    output = tmp_path / "Résultats du comité" / "rapport final.docx"
    command = ["build", "--data", str(data), "--template", str(template_of("en"))]
    assert main([*command, "--output", str(output)]) == 0
    assert f"wrote {output}" in capsys.readouterr().err
    _ratify_canada(data)
    assert main([*command, "--output", str(output)]) == 0
    assert (output.parent / "previous" / "rapport final.docx").exists()
    # and in a process, where the arguments come through the command line's encoding
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", *command, "--output", str(output)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert f"{output} is unchanged" in result.stderr


# --- make: each user target is one reportgen command ----------------------------------------


@pytest.mark.parametrize(
    ("target", "command"),
    [
        ("report", ".venv/bin/reportgen build --data data"),
        ("pdf", ".venv/bin/reportgen build --data data --pdf"),
        ("watch", ".venv/bin/reportgen build --watch --data data"),
        ("diff", ".venv/bin/reportgen diff"),
        ("diff OLD=old/my report.docx", '.venv/bin/reportgen diff "old/my report.docx"'),
        ("redline", ".venv/bin/reportgen redline"),
    ],
)
def test_each_make_target_a_user_runs_is_one_reportgen_command(target: str, command: str) -> None:
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    stamps = [".venv/.installed-stamp", ".venv/.installed-redline-stamp"]
    name, *variables = target.split(" ", 1)
    options = ["--dry-run", "--no-print-directory", *(f"--old-file={s}" for s in stamps)]
    result = subprocess.run(
        [make, *options, name, *variables],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line for line in result.stdout.splitlines() if "reportgen" in line]
    assert len(lines) == 1, result.stdout
    assert command in lines[0]


# --- diff and redline: by default the previous build against the last ----------------------


@pytest.fixture
def rebuilt(folder: Path) -> Path:
    """The folder after two builds: Canada ratified between them."""
    assert main(["build"]) == 0
    _ratify_canada(folder / "data")
    assert main(["build"]) == 0
    return folder


@pytest.mark.parametrize(("lang", "name"), [("en", "report.docx"), ("fr", "report.fr.docx")])
def test_diff_alone_shows_what_changed_since_the_previous_build(
    rebuilt: Path, lang: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "--lang", lang]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"--- {Path('output') / 'previous' / name}"
    assert out[1] == f"+++ {Path('output') / name}"
    assert any(line.startswith("+") and "Canada" in line for line in out[2:])


def test_diff_of_one_file_compares_it_with_the_last_build(
    rebuilt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = rebuilt / "kept by hand.docx"
    shutil.copyfile(rebuilt / "output" / "report.docx", earlier)
    assert main(["diff", str(earlier)]) == 0
    assert capsys.readouterr().out == ""


def test_diff_without_a_previous_build_says_why_in_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{Path('output') / 'report.docx'}: last build: is missing")
    assert main(["build"]) == 0
    capsys.readouterr()
    assert main(["diff"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{Path('output') / 'previous' / 'report.docx'}: previous build:")


@pytest.mark.parametrize(("lang", "name"), [("en", "changes.docx"), ("fr", "changes.fr.docx")])
def test_redline_alone_writes_the_changes_since_the_previous_build(
    rebuilt: Path, lang: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("python_redlines", reason="the extra reportgen[redline] is not installed")
    from reportgen.review.rendition import rendition

    assert main(["redline", "--lang", lang]) == 0
    changes = rebuilt / "output" / name
    assert f"wrote {Path('output') / name}" in capsys.readouterr().err
    text = rendition(changes)
    assert "[inserted by reportgen: " in text and "[deleted by reportgen: " in text


def test_sigterm_while_the_reports_are_replaced_puts_every_one_back(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hostile review of issue 20: SIGTERM between two replacements left the English report
    # of the new build beside the French and Spanish of the old, and previous/ overwritten.
    assert main(["build"]) == 0
    _ratify_canada(folder / "data")
    assert main(["build"]) == 0
    both = {p: p.read_bytes() for p in (folder / "output").rglob("*.docx")}
    text = (folder / "data" / "states.yaml").read_text(encoding="utf-8")
    (folder / "data" / "states.yaml").write_text(
        text.replace("ratification: 2013-05-02", "ratification: 2013-05-03"), "utf-8"
    )
    real = writing.write_atomically
    written: list[Path] = []

    def terminated_midway(data: bytes, target: Path) -> None:
        real(data, target)
        written.append(target)
        if len(written) == 3:  # previous English, English, previous French: then SIGTERM
            os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(replacing, "write_atomically", terminated_midway)
    assert main(["build"]) == 143
    assert len(written) >= 3
    assert {p: p.read_bytes() for p in (folder / "output").rglob("*.docx")} == both
    assert not [p for p in (folder / "output").rglob("*.tmp")]


def test_a_pdf_made_from_the_replaced_report_goes_to_previous_with_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hostile review of issue 20: `build --pdf`, a change, then `build` left report.pdf
    # saying the old dates beside a report.docx saying the new ones.
    assert main(["build"]) == 0
    (folder / "output" / "report.pdf").write_bytes(b"%PDF of the first build")
    _ratify_canada(folder / "data")
    capsys.readouterr()
    assert main(["build"]) == 0
    assert not (folder / "output" / "report.pdf").exists()
    assert (folder / "output" / "previous" / "report.pdf").read_bytes() == (
        b"%PDF of the first build"
    )
    captured = capsys.readouterr()
    said = captured.err + captured.out
    assert (
        f"its PDF, made from the report it replaced, is now {Path('output/previous/report.pdf')}"
        in said
    )


def test_a_previous_folder_that_is_a_link_is_refused_and_nothing_is_written(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hostile review of issue 20: output/previous -> ../archive overwrote archive/report.docx.
    assert main(["build"]) == 0
    archive = folder / "archive"
    archive.mkdir()
    (archive / "report.docx").write_bytes(b"a file of the user's")
    (folder / "output" / "previous").symlink_to(Path("..") / "archive")
    before = {p: p.read_bytes() for p in (folder / "output").glob("*.docx")}
    _ratify_canada(folder / "data")
    capsys.readouterr()
    assert main(["build"]) == 2
    assert "is a symbolic link, not the folder reportgen keeps" in capsys.readouterr().err
    assert (archive / "report.docx").read_bytes() == b"a file of the user's"
    assert {p: p.read_bytes() for p in (folder / "output").glob("*.docx")} == before
