"""The status annex: the report's status table, with its footnotes, as a document of its own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from reportgen.app import Target, build_all
from reportgen.documents.annex.kind import KIND
from reportgen.review.rendition import rendition
from tests.conftest import DATA, ROOT, template_of

TEMPLATES = ROOT / "tests" / "fixtures" / "campaign" / "templates"


def _status_table(text: str) -> list[str]:
    """The rows of the table whose first row starts with the States' column, each footnote
    mark replaced by its note's text (the annex numbers its notes from 1, the report after
    the categories' notes)."""
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", text, re.M))
    lines = [
        re.sub(r"\[\^(\d+)\]", lambda m: f"[{notes[m.group(1)]}]", line)
        for line in text.splitlines()
    ]
    heads = ("| **States**", "| **États**", "| **Estados**")
    start = next(i for i, line in enumerate(lines) if line.startswith(heads))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def _withdrawn(folder: Path) -> Path:
    """The 4th MSP data where a State Party notified its withdrawal: its row has a note."""
    data = folder / "data"
    shutil.copytree(DATA, data)
    states = data / "states.yaml"
    text = states.read_text(encoding="utf-8")
    old = (
        "- name: Albania\n  iso3: ALB\n  region: Europe\n  signature: 2008-12-03\n"
        "  ratification: 2009-06-16\n"
    )
    assert old in text
    new = old + "  withdrawal_notified: 2013-03-01\n  withdrawal_effective: 2013-09-01\n"
    states.write_text(text.replace(old, new), encoding="utf-8")
    return data


@pytest.mark.parametrize(("lang", "withdrawal"), [("en", False), ("fr", True), ("es", True)])
def test_the_annex_table_is_the_report_table(tmp_path: Path, lang: str, withdrawal: bool) -> None:
    suffix = "" if lang == "en" else f".{lang}"
    data = _withdrawn(tmp_path) if withdrawal else DATA
    (report,) = build_all(
        data, [Target(lang, template_of(lang), tmp_path / f"report{suffix}.docx")]
    )
    (annex,) = build_all(
        data,
        [Target(lang, TEMPLATES / f"annex{suffix}.docx", tmp_path / f"annex{suffix}.docx")],
        kind=KIND,
    )
    ours, theirs = rendition(annex.output), rendition(report.output)
    table = _status_table(ours)
    assert len(table) == len(annex.figures.status_table.states) + 2  # the heading and total
    assert table == _status_table(theirs)
    assert any("[" in row for row in table) == withdrawal  # a withdrawal's note, in both
