"""The raw-XML helpers the template and the package rely on."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docxtpl import DocxTemplate
from lxml import etree

from reportgen.documents.report.kind import KIND
from reportgen.figures.compute import Figures
from reportgen.inputs.models import Inputs
from reportgen.ooxml import authoring as ooxml_authoring
from reportgen.ooxml import text as ooxml_text
from reportgen.ooxml import xml as ooxml_xml
from reportgen.templating.render import render
from tests.conftest import TEMPLATE


def _table_style_ids(document: docx.document.Document) -> set[str]:
    return {s.style_id for s in document.styles if s.type == WD_STYLE_TYPE.TABLE}


def test_unused_table_styles_go_and_used_ones_stay_with_what_they_build_on() -> None:
    document = docx.Document()  # python-docx's blank document: a hundred table styles
    table = document.add_table(rows=1, cols=1)
    table.style = document.styles["Light Grid Accent 1"]
    header = document.sections[0].header.add_table(rows=1, cols=1, width=docx.shared.Cm(5))
    header.style = document.styles["Medium List 1"]
    assert len(_table_style_ids(document)) > 50

    dropped = ooxml_authoring.drop_unused_table_styles(document)

    kept = _table_style_ids(document)
    assert {"LightGrid-Accent1", "MediumList1", "TableNormal"} <= kept  # TableNormal: the default
    assert "TableGrid" in dropped and "TableGrid" not in kept
    assert kept.isdisjoint(dropped)
    assert len(kept) + len(dropped) > 50


def test_the_template_defines_no_table_style_it_does_not_use() -> None:
    # Every report carries the template's styles: python-docx's blank document would add
    # 340 kB of unused table styles to each (tools/make_template.py drops them).
    assert ooxml_authoring.drop_unused_table_styles(docx.Document(str(TEMPLATE))) == []


def test_chart_workbooks_are_stored_and_xml_is_compressed(report: Path) -> None:
    # An .xlsx is a zip already: deflating it again costs time and saves nothing.
    with zipfile.ZipFile(report) as package:
        methods = {info.filename: info.compress_type for info in package.infolist()}
    workbooks = {name for name in methods if name.endswith(".xlsx")}
    assert len(workbooks) == 2
    assert {methods[name] for name in workbooks} == {zipfile.ZIP_STORED}
    assert {methods[name] for name in set(methods) - workbooks} == {zipfile.ZIP_DEFLATED}


def test_text_with_a_tab_or_line_break_is_left_for_docxtpl_to_turn_into_elements() -> None:
    # render skips docxtpl's per-run rewrite when no text element holds these characters.
    for character in "\t\n\a\f":
        assert ooxml_text.has_listing_characters(
            f'<w:p><w:r><w:t xml:space="preserve">a{character}b</w:t></w:r></w:p>'
        )
    assert ooxml_text.has_listing_characters("<w:r><w:t>\n</w:t></w:r>")
    assert not ooxml_text.has_listing_characters(
        "<w:p>\n<w:r><w:tab/><w:t>a&#9;b</w:t></w:r></w:p>"
    )
    assert not ooxml_text.has_listing_characters(
        "<w:tbl>\n<w:tr><w:tc><w:t>text</w:t></w:tc></w:tr>"
    )


def _table(grid: int, *rows: tuple[int, ...]) -> str:
    """A body with one table: `grid` columns, each row's cells given by their spans."""
    cells = [
        "".join(
            f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr></w:tc>' if span > 1 else "<w:tc/>"
            for span in row
        )
        for row in rows
    ]
    return (
        f'<w:body xmlns:w="{ooxml_xml.W_NS}"><w:tbl><w:tblGrid>'
        + '<w:gridCol w:w="1000"/>' * grid
        + "</w:tblGrid>"
        + "".join(f"<w:tr>{row}</w:tr>" for row in cells)
        + "</w:tbl></w:body>"
    )


def test_a_table_fits_its_grid_when_its_widest_row_fills_it_exactly() -> None:
    fits = ooxml_text.tables_fit_their_grids
    assert fits(ooxml_xml.parse_strictly(_table(2, (1, 1), (1, 1))))
    assert fits(ooxml_xml.parse_strictly(_table(3, (2, 1), (1,))))  # a span counts its columns
    assert not fits(ooxml_xml.parse_strictly(_table(2, (1, 1, 1))))  # a column loop added a cell
    assert not fits(ooxml_xml.parse_strictly(_table(3, (1, 1), (1,))))  # a column left unused
    assert not fits(ooxml_xml.parse_strictly(_table(1).replace("<w:tblGrid></w:tblGrid>", "")))


def test_the_rendered_body_fits_and_docxtpls_table_fix_would_not_change_it(
    monkeypatch: pytest.MonkeyPatch, inputs: Inputs, figures: Figures
) -> None:
    # render then parses the body once; docxtpl's fix_tables, if it ran, must agree.
    bodies: list[bytes] = []
    original = DocxTemplate.fix_tables

    def spy(self: DocxTemplate, xml: str | bytes) -> Any:
        bodies.append(xml.encode("utf-8") if isinstance(xml, str) else xml)
        return original(self, xml)

    monkeypatch.setattr(DocxTemplate, "fix_tables", spy)
    captured: list[bytes] = []
    strictly = ooxml_xml.parse_strictly

    def keep(xml: str | bytes) -> Any:
        captured.append(xml.encode("utf-8") if isinstance(xml, str) else xml)
        return strictly(xml)

    monkeypatch.setattr(ooxml_xml, "parse_strictly", keep)
    render(KIND.document(inputs, figures), TEMPLATE)
    assert bodies == []  # the 4th MSP template's tables fit: docxtpl's pass was skipped
    (body,) = [xml for xml in captured if xml.startswith(b"<w:body")]  # not the footnotes
    fixed = original(DocxTemplate(str(TEMPLATE)), body)
    assert etree.tostring(fixed) == etree.tostring(strictly(body))
