"""Messages that cannot be forged, outputs that are checked, and inputs that are files.

A value is shown in a message escaped, so one problem is one line whatever it holds; a
write that fails or falls short is an error and leaves the previous output; a data file
that is a FIFO or a device is refused at once; a killed build's temporary file is removed
by the next one.
"""

from __future__ import annotations

import errno
import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportgen.app import build, check
from reportgen.cli.main import main
from reportgen.core.problems import InputError
from reportgen.core.writing import write_atomically
from tests.conftest import ROOT, TEMPLATE
from tests.hostile_docx import run_measured, small_docx


def _rename(data: Path, old: str, new_yaml: str) -> None:
    states = data / "states.yaml"
    states.write_text(
        states.read_text(encoding="utf-8").replace(f"- name: {old}", f"- name: {new_yaml}", 1),
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    ("written", "code"),
    [('"Ango\\nla"', "U+000A"), ('"Ango\\rla"', "U+000D"), ('"Ango\\tla"', "U+0009")],
)
def test_a_name_holding_a_line_break_is_refused_where_it_stands(
    written: str, code: str, data_copy: Path
) -> None:
    _rename(data_copy, "Angola", written)
    problems = [p for p in check(data_copy, TEMPLATE) if p.where.endswith(".name")]
    (problem,) = problems
    assert problem.file.endswith("states.yaml") and problem.line > 1
    assert problem.message.startswith(f"holds {code} (a tab or a line break)")
    assert "\n" not in str(problem) and "\t" not in str(problem) and "\r" not in str(problem)


@pytest.mark.parametrize(
    "char", ["\u202e", "\u2066", "\u2028", "\u2029", "\x85"], ids=["rlo", "lri", "ls", "ps", "nel"]
)
def test_a_reordering_or_line_separating_character_is_refused_on_load(
    char: str, data_copy: Path
) -> None:
    _rename(data_copy, "Afghanistan", f'"\\u{ord(char):04x}Afghanistan"')
    (problem,) = [p for p in check(data_copy, TEMPLATE) if p.severity == "error"]
    assert problem.where.startswith("states[0]") and f"U+{ord(char):04X}" in problem.message
    assert char not in str(problem)


def test_a_value_cannot_forge_a_problem_line_or_reach_the_terminal(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forged = "Ang\\x1b[31mola\\a\\n/etc/passwd:1:1: forged"
    categories = data_copy / "categories.yaml"
    categories.write_text(
        categories.read_text(encoding="utf-8").replace("    - Angola", f'    - "{forged}"', 1),
        encoding="utf-8",
    )
    _rename(data_copy, "Angola", '"Ango\\nla"')  # the label other problems print
    assert main(["check", "--data", str(data_copy), "--template", str(TEMPLATE)]) == 2
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == len(check(data_copy, TEMPLATE))
    assert all(line.startswith(str(data_copy)) for line in lines)
    assert "\x1b" not in err and "\x07" not in err
    assert any("states[4] (Ango\\nla).name" in line for line in lines)


def test_a_file_name_with_a_line_feed_stays_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.docx"
    path.write_text("not a document", encoding="utf-8")
    result = run_measured("text", str(path), tmp_path=tmp_path)
    assert result.status == 2
    assert result.lines == [
        f"{tmp_path}/two\\nlines.docx: not a Word document (.docx): the file is not a zip package"
    ]


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_data_file_that_is_not_a_regular_file_is_refused_at_once(
    kind: str, data_copy: Path
) -> None:
    lessons = data_copy / "lessons.yaml"
    lessons.unlink()
    if kind == "fifo":
        os.mkfifo(lessons)
    else:
        lessons.symlink_to("/dev/zero")
    started = time.monotonic()
    messages = [f"{p.where}: {p.message}" for p in check(data_copy, TEMPLATE)]
    assert messages == ["file: is not a regular file (a device, a pipe or a folder)"]
    assert time.monotonic() - started < 30  # a FIFO used to wait forever


def test_text_to_a_full_disk_is_an_error_not_a_truncated_success(tmp_path: Path) -> None:
    document = tmp_path / "doc.docx"
    document.write_bytes(small_docx(*(f"Paragraph {n} " * 20 for n in range(2000))))
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reportgen", "text", str(document)],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "standard output: output: cannot be written (No space left on device)"
    ]


def test_a_reader_that_goes_away_ends_diff_quietly(tmp_path: Path) -> None:
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    old.write_bytes(small_docx(*(f"Old paragraph {n}" for n in range(20000))))
    new.write_bytes(small_docx(*(f"New paragraph {n}" for n in range(20000))))
    process = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "diff", str(old), str(new)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    err = process.stderr.read()
    status = process.wait(timeout=120)
    assert first.startswith(b"--- ")
    assert err == b"" and status == 141


def test_a_short_write_is_completed_and_a_write_of_nothing_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.docx"
    real_write = os.write
    monkeypatch.setattr(
        "reportgen.core.writing.os.write", lambda fd, data: real_write(fd, data[:7])
    )
    write_atomically(b"0123456789" * 100, target)
    assert target.read_bytes() == b"0123456789" * 100
    monkeypatch.setattr("reportgen.core.writing.os.write", lambda fd, data: 0)
    with pytest.raises(OSError) as failed:
        write_atomically(b"new", target)
    assert failed.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"0123456789" * 100
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_an_output_whose_folder_is_a_file_says_so(data_copy: Path, tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("a file", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build(data_copy, TEMPLATE, tmp_path / "notes" / "report.docx")
    (problem,) = caught.value.problems
    assert problem.message == f"cannot be written ({tmp_path / 'notes'} is a file, not a folder)"


def test_a_killed_builds_temporary_file_is_removed_by_the_next_build(
    data_copy: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out" / "report.docx"
    output.parent.mkdir()
    stale = output.parent / ".report.docx.k1ll3d.tmp"
    stale.write_bytes(b"")  # what a SIGKILL during fsync leaves
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    live = output.parent / ".report.docx.wr1t1ng.tmp"  # another build, writing now
    live.write_bytes(b"")
    os.utime(live, (an_hour_ago, an_hour_ago))
    with open(live, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        build(data_copy, TEMPLATE, output)
        assert live.exists()
    assert not stale.exists()
    assert sorted(p.name for p in output.parent.iterdir()) == [live.name, "report.docx"]
