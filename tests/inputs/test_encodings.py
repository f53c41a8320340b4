"""Data files and catalogues that are not UTF-8 (issue 21, defect 19): refused at the line
and column of their first bad byte, asking to save the file as UTF-8; exit 2, and the
previous report left as it was.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from reportgen.cli.main import main
from reportgen.core.reading import NotUtf8, decode_utf8
from tests.conftest import CATALOGUE, DATA, TEMPLATE


def _line_and_column(text: str, found: str) -> tuple[int, int]:
    before = text[: text.index(found)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_data_file_in_latin_1_is_refused_at_its_first_bad_byte(
    tmp_path: Path, newline: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Fails before the fix: the problem was at line 1, column 1, without the byte.
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    states = data / "states.yaml"
    text = states.read_text(encoding="utf-8")
    line, column = _line_and_column(text, "ôte d'Ivoire")
    states.write_bytes(text.replace("\n", newline).encode("latin-1"))
    output = tmp_path / "report.docx"
    output.write_bytes(b"the previous report")
    status = main(["build", "--data", str(data), "--output", str(output)])
    assert status == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{states}:{line}:{column}: file: is not UTF-8 text: byte 0xf4 here (invalid "
        "continuation byte); save the file as UTF-8"
    ]
    assert output.read_bytes() == b"the previous report"


def test_a_catalogue_in_latin_1_is_refused_at_its_first_bad_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Fails before the fix: the problem named no line at all.
    template = tmp_path / "report.docx"
    shutil.copy(TEMPLATE, template)
    text = CATALOGUE.read_text(encoding="utf-8")
    message = next(m for m in re.finditer(r"^([a-z][a-z0-9_-]*) = ", text, re.MULTILINE))
    at = message.end(1) - 1  # the last letter of the first message's name, typed in Latin-1
    line, column = _line_and_column(text, text[at:])
    edited = text[:at].encode() + "é".encode("latin-1") + text[at + 1 :].encode()
    template.with_suffix(".ftl").write_bytes(edited)
    assert line > 1
    assert main(["check", "--data", str(DATA), "--template", str(template)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{template.with_suffix('.ftl')}:{line}:{column}: catalogue: is not UTF-8 text: byte "
        "0xe9 here (invalid continuation byte); save the file as UTF-8"
    ]


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"\xe9", (1, 1)),
        (b"ab\ncd\xc3", (2, 3)),  # a sequence cut at the end
        ("é\r\nà\r".encode() + b"x\x80", (3, 2)),  # counted in characters, as editors do
    ],
)
def test_the_first_bad_byte_is_located_in_characters(data: bytes, where: tuple[int, int]) -> None:
    with pytest.raises(NotUtf8) as bad:
        decode_utf8(data)
    assert (bad.value.line, bad.value.column) == where


@pytest.mark.parametrize("control", ["\x0b", "\x01", "\x7f"], ids=["vertical-tab", "soh", "del"])
def test_a_raw_control_character_is_refused_at_its_line_and_column(
    tmp_path: Path, control: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Fails before the fix: it was located at 1:1 with PyYAML's "position N" (in bytes, after
    # the accented names above it), which a user cannot find in the file.
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    assert "É" in text[: text.index("city: Lusaka")]  # bytes and characters differ before it
    report.write_text(text.replace("city: Lusaka", f"city: Lusaka{control}"), encoding="utf-8")
    line, column = _line_and_column(text, "city: Lusaka")
    status = main(["check", "--data", str(data)])
    assert status == 2
    (message,) = capsys.readouterr().err.splitlines()[:1]
    assert message.startswith(f"{report}:{line}:{column + len('city: Lusaka')}: YAML syntax: ")
    assert f"U+{ord(control):04X}" in message and "position" not in message
