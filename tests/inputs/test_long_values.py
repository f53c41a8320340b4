"""Long values (issue 21, defects 11 and 12): no hidden limit below the README's. A
paragraph of data builds; a value over the documented limit is refused at its line by
`check` as by `build`; a title too long for Word's core properties is cut there, not a crash.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from reportgen.cli.main import main
from reportgen.inputs.yaml import MAX_VALUE_CHARS
from tests.conftest import DATA

WORDS = "the landmark features of this legally binding instrument, relevant to disarmament "


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def _with_lines_of_action(data: Path, lines: list[str]) -> None:
    lessons = data / "lessons.yaml"
    text = lessons.read_text(encoding="utf-8")
    start, end = text.index("lines_of_action:\n"), text.index("recommendations:\n")
    items = "".join(f"  - en: '{line}'\n    fr: '{line}'\n    es: '{line}'\n" for line in lines)
    lessons.write_text(text[:start] + "lines_of_action:\n" + items + "\n" + text[end:], "utf-8")


def _document_xml(output: Path) -> str:
    with zipfile.ZipFile(io.BytesIO(output.read_bytes())) as package:
        return package.read("word/document.xml").decode("utf-8")


def test_nine_long_lines_of_action_are_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Defect 11: fails before the fix (exit 2: "Too many characters in placeable (3,4xx,
    # max allowed is 1000)", a limit of fluent.runtime no README names).
    data = _data(tmp_path)
    lines = [f"line {n}: " + WORDS * 4 + f"end of line {n}" for n in range(1, 10)]
    _with_lines_of_action(data, lines)
    assert sum(len(line) for line in lines) > 2500
    output = tmp_path / "report.docx"
    assert main(["build", "--data", str(data), "--output", str(output)]) == 0, (
        capsys.readouterr().err
    )
    assert "end of line 9" in _document_xml(output)


def test_a_value_over_the_limit_is_refused_at_its_line_by_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Defect 11: fails before the fix (check passed; build failed at the catalogue).
    data = _data(tmp_path)
    long = ("x" * 99 + " ") * (MAX_VALUE_CHARS // 100) + "over"
    _with_lines_of_action(data, [long, "target approach"])
    lessons = data / "lessons.yaml"
    line = lessons.read_text(encoding="utf-8").splitlines().index(f"  - en: '{long}'") + 1
    for command in ("check", "build"):
        output = tmp_path / "report.docx"
        argv = [command, "--data", str(data)] + (["--output", str(output)] * (command == "build"))
        assert main(argv) == 2
        errors = capsys.readouterr().err.splitlines()
        assert len(errors) == 3, errors  # en, fr and es
        assert errors[0] == (
            f"{lessons}:{line}:9: lines_of_action[0].en: is {len(long):,} characters long; "
            f"text values over {MAX_VALUE_CHARS:,} characters are refused"
        )
        assert not output.exists()


def test_a_title_too_long_for_the_core_properties_is_cut_there_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Defect 12: fails before the fix (exit 70: python-docx refuses a property over 255).
    data = _data(tmp_path)
    report = data / "report.yaml"
    title = "Universalisation " + "and further universalisation " * 8 + "of the Convention"
    assert len(title) > 223
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("  en: Universalisation\n", f"  en: {title}\n", 1), "utf-8")
    output = tmp_path / "report.docx"
    assert main(["build", "--data", str(data), "--output", str(output)]) == 0, (
        capsys.readouterr().err
    )
    with zipfile.ZipFile(output) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
    found = re.search(r"<dc:title>(.*?)</dc:title>", core)
    assert found is not None
    assert len(found.group(1)) == 255 and found.group(1).endswith("…")
    assert found.group(1)[:-1] in f"{title}: Convention on Cluster Munitions"
    assert title in _document_xml(output)


def test_lines_of_action_of_a_megabyte_together_build_as_the_data_file_allows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hostile review of issue 21: eleven lines of 99,000 characters (one text for every
    # language, 1.09 MB, a data file within its 2 MB) passed `check`, then `build` refused
    # the sentence listing them, quoting fluent.runtime's "max allowed is 1000".
    data = _data(tmp_path)
    line = (WORDS * (MAX_VALUE_CHARS // len(WORDS)))[: MAX_VALUE_CHARS - 1000]
    lines = [f"{n}: {line}" for n in range(1, 12)]
    lessons = data / "lessons.yaml"
    text = lessons.read_text(encoding="utf-8")
    start, end = text.index("lines_of_action:\n"), text.index("recommendations:\n")
    items = "".join(f"  - '{item}'\n" for item in lines)
    lessons.write_text(text[:start] + "lines_of_action:\n" + items + "\n" + text[end:], "utf-8")
    assert sum(map(len, lines)) > 1_000_000
    assert main(["check", "--lang", "en", "--data", str(data)]) == 0, capsys.readouterr().err
    output = tmp_path / "report.docx"
    assert main(["build", "--data", str(data), "--output", str(output)]) == 0, (
        capsys.readouterr().err
    )
    assert "11: the landmark" in _document_xml(output)
