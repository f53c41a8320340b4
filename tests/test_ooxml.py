"""The raw-XML helpers the template and the package rely on."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE

from reportgen import ooxml
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

    dropped = ooxml.drop_unused_table_styles(document)

    kept = _table_style_ids(document)
    assert {"LightGrid-Accent1", "MediumList1", "TableNormal"} <= kept  # TableNormal: the default
    assert "TableGrid" in dropped and "TableGrid" not in kept
    assert kept.isdisjoint(dropped)
    assert len(kept) + len(dropped) > 50


def test_the_template_defines_no_table_style_it_does_not_use() -> None:
    # Every report carries the template's styles: python-docx's blank document would add
    # 340 kB of unused table styles to each (tools/make_template.py drops them).
    assert ooxml.drop_unused_table_styles(docx.Document(str(TEMPLATE))) == []


def test_pictures_are_stored_and_xml_is_compressed(report: Path) -> None:
    with zipfile.ZipFile(report) as package:
        methods = {info.filename: info.compress_type for info in package.infolist()}
    pictures = {name for name in methods if name.endswith(".png")}
    assert len(pictures) == 2
    assert {methods[name] for name in pictures} == {zipfile.ZIP_STORED}
    assert {methods[name] for name in set(methods) - pictures} == {zipfile.ZIP_DEFLATED}


def test_text_with_a_tab_or_line_break_is_left_for_docxtpl_to_turn_into_elements() -> None:
    # render skips docxtpl's per-run rewrite when no text element holds these characters.
    for character in "\t\n\a\f":
        assert ooxml.has_listing_characters(
            f'<w:p><w:r><w:t xml:space="preserve">a{character}b</w:t></w:r></w:p>'
        )
    assert ooxml.has_listing_characters("<w:r><w:t>\n</w:t></w:r>")
    assert not ooxml.has_listing_characters("<w:p>\n<w:r><w:tab/><w:t>a&#9;b</w:t></w:r></w:p>")
    assert not ooxml.has_listing_characters("<w:tbl>\n<w:tr><w:tc><w:t>text</w:t></w:tc></w:tr>")
