"""The corpus of broken inputs: each case breaks a copy of data/ and names its messages.

A case (tests/bad_inputs/NN-what.yaml) holds `why`, the `patch` it applies to data/ (find
and replace the first occurrence, append, replace the whole content, or delete a file), and
the problems it must give, all of them, in order. A problem's line is given by `at`, the
text that stands on that line of the patched file (`TEXT|N` for the Nth occurrence), so the
cases do not break when a comment is added to a data file; `{line:TEXT|N}` in a message
stands for such a line number too.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from reportgen.app import check
from reportgen.cli.main import main
from tests.conftest import DATA, TEMPLATE

CASES = sorted((Path(__file__).parents[1] / "bad_inputs").glob("*.yaml"))


def _apply(data: Path, patch: dict[str, Any]) -> None:
    target = data / patch["file"]
    if patch.get("delete"):
        target.unlink()
        return
    encoding = patch.get("encoding", "utf-8")
    if "content" in patch:
        target.write_text(patch["content"], encoding=encoding)
        return
    text = target.read_text(encoding="utf-8")
    if "append" in patch:
        text += patch["append"]
    else:
        assert patch["find"] in text, f"the case's find text is not in {patch['file']}"
        text = text.replace(patch["find"], patch["replace"], 1)
    target.write_text(text, encoding=encoding)


def _line_of(path: Path, anchor: str) -> int:
    text, _, nth = anchor.rpartition("|") if re.search(r"\|\d+$", anchor) else (anchor, "", "1")
    seen = 0
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()  # 09-not-utf8
    for number, line in enumerate(lines, start=1):
        if text in line or (text.startswith(line) and "\n" in text and line):
            seen += 1
            if seen == int(nth):
                return number
    raise AssertionError(f"{anchor!r} not found in {path}")


def _expected(data: Path, entry: dict[str, Any]) -> str:
    path = data / entry["file"]
    name = str(path)
    message = re.sub(
        r"\{line:(.+?)\}",
        lambda m: str(_line_of(path, m.group(1))),
        " ".join(entry["message"].split()),
    )
    severity = "warning: " if entry.get("severity") == "warning" else ""
    if "at" in entry or "line" in entry:
        line = entry["line"] if "line" in entry else _line_of(path, entry["at"])
        place = f"{name}:{line}:"
        if "column" in entry:
            place += f"{entry['column']}:"
        return f"{place}*: {entry['where']}: {severity}{message}"
    return f"{name}: {entry['where']}: {severity}{message}"


def _matches(actual: str, expected: str) -> bool:
    pattern = re.escape(expected).replace(r":\*:", r"(:\d+)?:").replace(r"\*", r"\d+")
    return re.fullmatch(pattern, actual) is not None


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_input_gives_its_messages(case: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for patch in spec["patch"]:
        _apply(data, patch)
    actual = [str(p) for p in check(data, TEMPLATE)]
    expected = [_expected(data, entry) for entry in spec["expect"]]
    assert len(actual) == len(expected), "\n".join(actual)
    for got, want in zip(actual, expected, strict=True):
        assert _matches(got, want), f"\n got: {got}\nwant: {want}"


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES[:3] + CASES[-3:], ids=lambda c: c.stem)
def test_check_exits_2_on_errors_and_0_on_warnings(
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for patch in spec["patch"]:
        _apply(data, patch)
    errors = [e for e in spec["expect"] if e.get("severity", "error") == "error"]
    checked = ["check", "--data", str(data), "--template", str(TEMPLATE)]
    status = main(checked)
    assert status == (2 if errors else 0)
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr
    if not errors:
        assert main([*checked, "--strict"]) == 2
