"""A redline a reviewer can read: tables compared cell by cell, each chart shown once.

The pair: the frozen 4th MSP data, and a copy where two more States accede, each of a name
that sorts before most of the list of new States Parties, so that the two-column list
reflows down both its columns, and the status table gains two rows. The comparison engine
alone spliced names across that list's cells and showed each chart twice, new then old.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from reportgen.app import build
from reportgen.core.collation import collation_key
from reportgen.figures.compute import compute
from reportgen.inputs.load import load_inputs
from reportgen.review.redline import redline_bytes
from tests.conftest import DATA, TEMPLATE
from tests.review.test_text import libreoffice_convert, needs_libreoffice

# (name, iso3, region, date of accession): between the 3rd MSP and the 4th MSP data's as_of
ACCESSIONS = [
    ("Bahamas", "BHS", "Americas", "2013-06-03"),
    ("Barbados", "BRB", "Americas", "2013-06-04"),
]
"""Two names before "Czech Republic": the list's first column shifts down one cell and
"Dominican Republic"'s cell now holds "Czech Republic", which the engine alone showed as
"[inserted: Czech][deleted: Dominican] Republic"."""


@pytest.fixture(scope="module")
def reflowed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, bytes]:
    """The 4th MSP report, the report with ACCESSIONS, and their redline."""
    pytest.importorskip("python_redlines", reason="the extra reportgen[redline] is not installed")
    folder = tmp_path_factory.mktemp("reflowed")
    data = folder / "data"
    shutil.copytree(DATA, data)
    states = data / "states.yaml"
    records = "".join(
        f"\n- name: {name}\n  iso3: {iso3}\n  region: {region}\n  accession: {date}\n"
        for name, iso3, region, date in ACCESSIONS
    )
    states.write_text(states.read_text(encoding="utf-8") + records, encoding="utf-8")
    old, new = folder / "old.docx", folder / "new.docx"
    build(DATA, TEMPLATE, old)
    build(data, TEMPLATE, new)
    return old, new, redline_bytes(old, new)


def _part(docx: Path | bytes, name: str) -> str:
    source = io.BytesIO(docx) if isinstance(docx, bytes) else docx
    with zipfile.ZipFile(source) as package:
        return package.read(name).decode("utf-8")


_TABLE = re.compile(r"<w:tbl>.*?</w:tbl>", re.DOTALL)
_ROW = re.compile(r"<w:tr\b.*?</w:tr>", re.DOTALL)
_CELL = re.compile(r"<w:tc>.*?</w:tc>", re.DOTALL)
_TEXT = re.compile(r"<w:(t|delText)\b[^>]*?(?:/>|>(.*?)</w:\1>)", re.DOTALL)
_REVISION = re.compile(r"<w:(ins|del|moveFrom|moveTo)\b[^>]*(?<!/)>(.*?)</w:\1>", re.DOTALL)


def _texts(xml: str) -> str:
    return "".join(match.group(2) or "" for match in _TEXT.finditer(xml))


def _views(cell: str) -> dict[str, str]:
    """A cell's text as accepted and as rejected, and its inserted and deleted text."""
    marked = {"ins": "", "del": ""}
    for match in _REVISION.finditer(cell):
        kind = "ins" if match.group(1) in ("ins", "moveTo") else "del"
        marked[kind] += _texts(match.group(2))
    plain = _texts(_REVISION.sub("", cell))
    # Text is either plain or marked, and in the document's order: a cell's own content
    # is either all plain, or (when changed) deletions before insertions.
    return {
        "accepted": plain + marked["ins"],
        "rejected": marked["del"] + plain,
        **marked,
    }


def _row_mark(row: str) -> str:
    properties = re.search(r"<w:trPr>(.*?)</w:trPr>", row, re.DOTALL)
    found = re.search(r"<w:(ins|del)\b", properties.group(1)) if properties else None
    return found.group(1) if found else ""


def _table_cells(xml: str) -> list[list[list[str]]]:
    """Each table's rows, each a list of its cells' texts."""
    return [
        [[_texts(cell) for cell in _CELL.findall(row)] for row in _ROW.findall(table)]
        for table in _TABLE.findall(xml)
    ]


def test_every_cell_shows_its_whole_old_text_deleted_and_its_whole_new_text_inserted(
    reflowed: tuple[Path, Path, bytes],
) -> None:
    old, new, changes = reflowed
    xml = _part(changes, "word/document.xml")
    old_tables = _table_cells(_part(old, "word/document.xml"))
    new_tables = _table_cells(_part(new, "word/document.xml"))
    tables = _TABLE.findall(xml)
    assert len(tables) == len(new_tables) == len(old_tables)
    for table, was, now in zip(tables, old_tables, new_tables, strict=True):
        accepted, rejected = [], []
        for row in _ROW.findall(table):
            views = [_views(cell) for cell in _CELL.findall(row)]
            for view in views:
                # never a splice: what is inserted is the cell's whole new text, what is
                # deleted its whole old text
                assert view["ins"] in ("", view["accepted"]), view
                assert view["del"] in ("", view["rejected"]), view
            if _row_mark(row) != "del":
                accepted.append([view["accepted"] for view in views])
            if _row_mark(row) != "ins":
                rejected.append([view["rejected"] for view in views])
        assert accepted == now
        assert rejected == was


def test_the_list_of_new_states_parties_is_compared_cell_by_cell(
    reflowed: tuple[Path, Path, bytes],
) -> None:
    _, new, changes = reflowed
    figures = compute(load_inputs(new.parent / "data"))
    names = sorted(figures.new_states_parties.states, key=collation_key)
    listing = next(
        table for table in _TABLE.findall(_part(changes, "word/document.xml"))
        if names[0] in _texts(table) and names[-1] in _texts(table)
        and "Signature" not in _texts(table)
    )  # fmt: skip
    inserted = [_views(cell)["ins"] for row in _ROW.findall(listing) for cell in _CELL.findall(row)]
    for name, _, _, _ in ACCESSIONS:
        assert name in inserted  # each new State is a whole cell inserted
    # the names each cell held before and holds now are all names of States: no splice
    deleted = [_views(cell)["del"] for row in _ROW.findall(listing) for cell in _CELL.findall(row)]
    assert {n for n in inserted + deleted if n} <= set(names)


def _charts(xml: str) -> list[str]:
    """The drawing names (Chart 1...) of the charts in a document part, each time shown."""
    chart = r'<wp:docPr\b[^>]*\bname="([^"]*)"[^>]*/>(?=(?:(?!</w:drawing>).)*<c:chart\b)'
    return re.findall(chart, xml, re.DOTALL)


def test_a_changed_chart_appears_once_as_an_insertion_with_a_comment(
    reflowed: tuple[Path, Path, bytes],
) -> None:
    old, new, changes = reflowed
    xml = _part(changes, "word/document.xml")
    names = _charts(_part(new, "word/document.xml"))
    assert names and _charts(xml) == names  # each once, in the new report's order
    deleted = "".join(m.group(2) for m in _REVISION.finditer(xml) if m.group(1) == "del")
    assert "<w:drawing>" not in deleted
    # each chart changed (the accessions are in both), so each is an insertion, commented
    # with its description before (struck through) and now
    inserted = "".join(m.group(2) for m in _REVISION.finditer(xml) if m.group(1) == "ins")
    assert len(_charts(inserted)) == len(names)
    comments = _part(changes, "word/comments.xml")
    descriptions = {
        source: re.findall(r'<wp:docPr\b[^>]*\bdescr="([^"]*)"', _part(source, "word/document.xml"))
        for source in (old, new)
    }
    for before, after in zip(descriptions[old], descriptions[new], strict=True):
        assert before != after
        assert re.search(
            rf"<w:strike/></w:rPr><w:t[^>]*>{re.escape(before)}</w:t>.*?"
            rf"<w:t[^>]*>{re.escape(after)}</w:t>",
            comments,
            re.DOTALL,
        )
    assert xml.count("<w:commentReference ") == len(names)
    # the old charts' parts are gone with them: only the new charts' parts are left
    with zipfile.ZipFile(io.BytesIO(changes)) as package:
        charts = [n for n in package.namelist() if re.fullmatch(r"word/charts/[^/]+\.xml", n)]
    assert len(charts) == len(names)


@needs_libreoffice
def test_libreoffice_prints_each_chart_once(
    reflowed: tuple[Path, Path, bytes], tmp_path: Path
) -> None:
    _, new, changes = reflowed
    source = tmp_path / "changes.docx"
    source.write_bytes(changes)
    pdf = libreoffice_convert(source, tmp_path, "pdf", tmp_path / "profile")
    lines = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    # every category label of every chart (the regions) is printed as often as in the
    # new report: once per chart that has it
    new_pdf = libreoffice_convert(new, tmp_path, "pdf", tmp_path / "profile")
    expected = subprocess.run(
        ["pdftotext", str(new_pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    for chart in re.findall(r'Target="(charts/[^"]+)"', _part(new, "word/_rels/document.xml.rels")):
        categories = "".join(re.findall(r"<c:cat>.*?</c:cat>", _part(new, f"word/{chart}"), re.S))
        labels = set(re.findall(r"<c:pt\b[^>]*><c:v>([^<]+)</c:v>", categories))
        labels = {label for label in labels if not re.fullmatch(r"[\d.]+", label)}
        for label in labels:
            assert lines.count(label) == expected.count(label), label
    region = ACCESSIONS[0][2]  # a bar of the chart by region
    assert expected.count(region) == 1 and lines.count(region) == 1


def test_a_report_against_itself_has_no_revision_and_keeps_its_tables(
    reflowed: tuple[Path, Path, bytes],
) -> None:
    old, _, _ = reflowed
    xml = _part(redline_bytes(old, old), "word/document.xml")
    assert not re.search(r"<w:(ins|del|moveFrom|moveTo)\b", xml)
    assert _table_cells(xml) == _table_cells(_part(old, "word/document.xml"))
    assert "reportgenTable" not in xml
