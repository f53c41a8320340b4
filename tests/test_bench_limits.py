"""The benchmark's build without the limits builds the same report: what it times differs
from a real build only by the limits' checks."""

from __future__ import annotations

from pathlib import Path

from benchmarks.bench import _limits_off
from reportgen.app import build
from tests.conftest import DATA, TEMPLATE


def test_a_build_without_the_limits_writes_the_same_bytes(tmp_path: Path) -> None:
    build(DATA, TEMPLATE, tmp_path / "limited.docx")
    with _limits_off():
        build(DATA, TEMPLATE, tmp_path / "unlimited.docx")
    assert (tmp_path / "limited.docx").read_bytes() == (tmp_path / "unlimited.docx").read_bytes()
