"""The same inputs give the same bytes, in one process and across processes."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from reportgen.app import build
from tests.conftest import DATA, TEMPLATE, build_in_a_process


def test_two_builds_give_identical_bytes(report: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.docx"
    build(DATA, TEMPLATE, again)
    assert again.read_bytes() == report.read_bytes()


def test_a_build_in_another_process_gives_identical_bytes(report: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.docx"
    build_in_a_process(other)
    assert (
        hashlib.sha256(other.read_bytes()).digest() == hashlib.sha256(report.read_bytes()).digest()
    )


def test_zip_entries_carry_a_fixed_time(report: Path) -> None:
    with zipfile.ZipFile(report) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.namelist()[0] == "[Content_Types].xml"
