"""The command line: `reportgen build` over the library, exit statuses, no tracebacks."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.cli.main import main
from reportgen.core.errors import ReportgenError
from reportgen.ooxml.package import NotADocx
from reportgen.ooxml.xml import MalformedXML
from reportgen.review.pdf import PdfError
from tests.conftest import DATA, ROOT, TEMPLATE, TEMPLATES


def _paths(data: Path, output: Path) -> list[str]:
    """The build options naming a data folder, the frozen template and an output."""
    return ["--data", str(data), "--template", str(TEMPLATE), "--output", str(output)]


def test_build_writes_the_report(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out" / "report.docx"
    assert main(["build", *_paths(data_copy, output)]) == 0
    assert output.read_bytes()[:2] == b"PK"
    assert str(output) in capsys.readouterr().err


def test_build_defaults_are_data_templates_and_output(tmp_path: Path) -> None:
    # In a folder laid out as the repository is, with the frozen data and templates: the
    # defaults are relative to where reportgen runs, and the user's data/ is not read.
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "report.docx").read_bytes()[:2] == b"PK"


def test_bad_input_exits_2_without_traceback_and_keeps_the_last_output(
    data_copy: Path, tmp_path: Path
) -> None:
    output = tmp_path / "report.docx"
    assert main(["build", *_paths(data_copy, output)]) == 0
    good = output.read_bytes()
    states = data_copy / "states.yaml"
    states.write_text(
        states.read_text().replace("signature: 2008-12-03", "signature: 2008-13-03", 1)
    )
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", *_paths(data_copy, output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{states}:")
    assert "states[0] (Afghanistan).signature" in lines[0]
    assert output.read_bytes() == good


def test_text_prints_the_rendition(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["text", str(report)]) == 0
    assert "[Heading1] I. Latest figures" in capsys.readouterr().out


def test_check_reports_warnings_and_fails_on_them_only_when_strict(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    states = data_copy / "states.yaml"
    states.write_text(states.read_text() + "\n- name: Tuvalu\n  iso3: TUV\n  region: Pacific\n")
    checked = ["check", "--data", str(data_copy), "--template", str(TEMPLATE)]
    assert main(checked) == 0
    err = capsys.readouterr().err
    assert "warning: Tuvalu has no dates" in err
    assert "no errors, 1 warning(s)" in err
    assert main([*checked, "--strict"]) == 2


def test_build_prints_warnings_and_strict_refuses_them(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    states = data_copy / "states.yaml"
    states.write_text(states.read_text() + "\n- name: Tuvalu\n  iso3: TUV\n  region: Pacific\n")
    output = tmp_path / "report.docx"
    common = _paths(data_copy, output)
    assert main(["build", *common]) == 0
    assert "warning: Tuvalu" in capsys.readouterr().err
    output.unlink()
    assert main(["build", *common, "--strict"]) == 2
    assert not output.exists()


def test_an_internal_error_is_one_line_unless_debug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("reportgen.app.check", broken)
    assert main(["check"]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: RuntimeError: simulated bug" in err
    with pytest.raises(RuntimeError):
        main(["--debug", "check"])


def test_a_missing_data_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = ["check", "--data", str(tmp_path / "nowhere"), "--template", str(TEMPLATE)]
    assert main(nowhere) == 2
    assert capsys.readouterr().err.strip().endswith("data: is not a folder")


def _commands() -> list[str]:
    from reportgen.cli.main import _parser

    parser = _parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(subparsers.choices)


def test_help_lists_every_command_with_a_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for name in _commands():
        assert re.search(rf"^    {name}\s+\S", out, re.MULTILINE), name
    assert "exit status:" in out


@pytest.mark.parametrize("name", _commands())
def test_each_command_help_shows_an_example(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([name, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert f"example:\n  reportgen {name}" in out


def test_version_and_loudness(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportgen import __version__

    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"reportgen {__version__}"
    common = _paths(data_copy, tmp_path / "r.docx")
    assert main(["--quiet", "build", *common]) == 0
    quiet = capsys.readouterr()
    assert quiet.err == "" and quiet.out == ""
    assert main(["--verbose", "build", *common]) == 0
    loud = capsys.readouterr()
    assert "States Parties as of" in loud.err and loud.out == ""


def test_a_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["build", "--no-such-option"])
    assert exited.value.code == 2


def test_schema_writes_the_committed_schemas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "--output", str(tmp_path / "schemas")]) == 0
    written = sorted((tmp_path / "schemas").iterdir())
    assert [p.name for p in written] == sorted(p.name for p in (ROOT / "schemas").glob("*.json"))
    for path in written:
        assert path.read_bytes() == (ROOT / "schemas" / path.name).read_bytes(), path.name
    assert f"wrote {tmp_path / 'schemas' / 'states.json'}" in capsys.readouterr().err


def _build_pdf(data: Path, output: Path) -> int:
    return main(["build", *_paths(data, output), "--pdf"])


def test_build_pdf_without_libreoffice_exits_3_names_the_package_and_writes_nothing(
    data_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    output = tmp_path / "out" / "report.docx"
    assert _build_pdf(data_copy, output) == 3
    err = capsys.readouterr().err
    assert "libreoffice-writer-nogui" in err and "Traceback" not in err
    assert not output.exists() and not output.with_suffix(".pdf").exists()


def test_build_pdf_when_libreoffice_fails_exits_3(
    data_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    assert _build_pdf(data_copy, tmp_path / "report.docx") == 3
    assert "could not be loaded" in capsys.readouterr().err
    assert not (tmp_path / "report.pdf").exists()


def test_build_pdf_writes_the_pdf_beside_the_docx(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        if os.environ.get("REPORTGEN_REQUIRE_SOFFICE") == "1":
            pytest.fail("soffice not on PATH, and REPORTGEN_REQUIRE_SOFFICE=1 requires it")
        pytest.skip("soffice not on PATH (Debian: libreoffice-writer-nogui)")
    output = tmp_path / "out" / "report.docx"
    assert _build_pdf(data_copy, output) == 0
    assert output.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")
    assert f"wrote {output.with_suffix('.pdf')}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("error", "status", "said"),
    [
        (PdfError("LibreOffice failed"), 3, "reportgen: LibreOffice failed\n"),
        (NotADocx("x.docx: not a .docx\x1b"), 2, "x.docx: not a .docx\\x1b\n"),
        (MalformedXML("bad"), 70, "reportgen: internal error: MalformedXML: bad "),
    ],
)
def test_each_error_says_its_own_exit_status(
    error: Exception,
    status: int,
    said: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def failing(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr("reportgen.app.check", failing)
    assert main(["check"]) == status
    assert capsys.readouterr().err.startswith(said)
    assert isinstance(error, ReportgenError)
    if status == 70:
        with pytest.raises(type(error)):
            main(["--debug", "check"])
    else:
        assert main(["--debug", "check"]) == status
