"""The review commands on the command line: text, diff, redline, figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from reportgen.cli.main import main
from reportgen.figures.compute import Figures
from reportgen.review.rendition import rendition
from reportgen.review.trace import as_json
from tests.conftest import DATA, ROOT


def _document(path: Path, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    """Two small documents one figure apart."""
    old = _document(tmp_path / "old.docx", "Heading", "from 63 to 83 States Parties", "End")
    new = _document(tmp_path / "new.docx", "Heading", "from 63 to 84 States Parties", "End")
    return old, new


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reportgen", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_text_of_a_file_that_is_not_a_docx_is_one_line_and_status_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.docx"
    notes.write_text("not a document", encoding="utf-8")
    result = _run("text", str(notes))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{notes}: not a Word document (.docx): the file is not a zip package"
    ]


def test_diff_exits_0_when_the_same_and_1_when_different(
    drafts: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = drafts
    assert main(["diff", str(old), str(old)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == [f"--- {old}", f"+++ {new}"]
    assert "-from 63 to 83 States Parties\n+from 63 to 84 States Parties\n" in out
    assert "\x1b[" not in out  # captured output is not a terminal


def test_diff_of_a_file_that_is_not_a_docx_exits_2(
    drafts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.docx"
    assert main(["diff", str(drafts[0]), str(missing)]) == 2
    assert capsys.readouterr().err == f"{missing}: no such file\n"


def _diff_on_a_terminal(old: Path, new: Path, environment: dict[str, str]) -> bytes:
    """What `reportgen diff` writes when its stdout is a terminal (a pseudo-terminal)."""
    leader, follower = os.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "reportgen", "diff", str(old), str(new)],
            cwd=ROOT,
            stdout=follower,
            stderr=subprocess.DEVNULL,
            env=environment,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 1
    finally:
        os.close(leader)
    return b"".join(chunks)


def test_diff_is_coloured_on_a_terminal_unless_no_color(drafts: tuple[Path, Path]) -> None:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    coloured = _diff_on_a_terminal(*drafts, environment)
    assert b"\x1b[31m-from 63 to \x1b[7m83\x1b[27m States Parties" in coloured
    plain = _diff_on_a_terminal(*drafts, {**environment, "NO_COLOR": "1"})
    assert b"\x1b[" not in plain and b"+from 63 to 84 States Parties" in plain


def test_redline_writes_the_tracked_changes(
    drafts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("python_redlines", reason="the extra reportgen[redline] is not installed")
    output = tmp_path / "changes.docx"
    args = ["redline", *map(str, drafts), "--output", str(output), "--author", "Ghana"]
    assert main([*args, "--date", "2013-09-01"]) == 0
    assert capsys.readouterr().err == f"wrote {output}\n"
    document = Document(str(output)).element.body
    assert document.xpath("//w:ins/@w:author") and document.xpath("//w:del/@w:author")
    assert set(document.xpath("//w:ins/@w:author | //w:del/@w:author")) == {"Ghana"}
    assert set(document.xpath("//w:ins/@w:date | //w:del/@w:date")) == {"2013-09-01T00:00:00Z"}


def test_redline_without_the_extra_exits_3_and_names_it(
    drafts: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "python_redlines", None)
    output = tmp_path / "changes.docx"
    assert main(["redline", *map(str, drafts), "--output", str(output)]) == 3
    (line,) = capsys.readouterr().err.splitlines()
    assert "pip install 'reportgen[redline]'" in line
    assert not output.exists()


def test_redline_date_that_is_not_iso_is_a_usage_error(
    drafts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = str(tmp_path / "changes.docx")
    with pytest.raises(SystemExit) as exited:
        main(["redline", *map(str, drafts), "--output", output, "--date", "1 September 2013"])
    assert exited.value.code == 2
    assert "not an ISO 8601 date" in capsys.readouterr().err


def test_figures_json_is_the_librarys_listing(
    figures: Figures, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["figures", "--data", str(DATA), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(as_json(figures))


def test_figures_table_is_the_default(figures: Figures, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--data", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Figures as of {figures.as_of.isoformat()}\n")
    heading = next(line for line in out.splitlines() if line.startswith("signatories "))
    assert heading.split() == ["signatories", str(figures.signatories.count)]


def test_figures_of_bad_data_exits_2(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_copy / "states.yaml").write_text("- name: [unclosed\n", encoding="utf-8")
    assert main(["figures", "--data", str(data_copy)]) == 2
    assert str(data_copy / "states.yaml") in capsys.readouterr().err


def test_a_long_result_reaches_a_pipe_whole(report: Path) -> None:
    # `python -m reportgen` ends through cli.run (gc.freeze(), then exit): stdout is still
    # flushed in full, and the status is main's.
    result = _run("text", str(report))
    assert result.returncode == 0
    assert result.stdout == rendition(report)
    assert len(result.stdout) > 20_000
