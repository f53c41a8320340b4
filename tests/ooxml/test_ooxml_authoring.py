"""reportgen.ooxml.authoring: what tools/make_template.py adds that python-docx cannot."""

from __future__ import annotations

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from lxml import etree

from reportgen.ooxml import docx_private
from reportgen.ooxml.authoring import (
    add_list_definition,
    add_page_number,
    add_sequence_number,
    keep_row_together,
    remove_borders,
    repeat_as_header,
    shade,
    use_list,
)
from reportgen.ooxml.xml import qn


def _names(element: etree._Element) -> list[str]:
    return [etree.QName(child).localname for child in element]


def test_row_properties_are_added_once_in_schema_order() -> None:
    table = docx.Document().add_table(rows=1, cols=1)
    row = table.rows[0]
    properties = docx_private.row_element(row).get_or_add_trPr()
    properties.append(etree.Element(qn("w:jc")))  # already there: both go before it
    repeat_as_header(row)
    keep_row_together(row)
    repeat_as_header(row)
    assert _names(properties) == ["cantSplit", "tblHeader", "jc"]


def test_shading_goes_before_the_vertical_alignment_of_a_cell() -> None:
    cell = docx.Document().add_table(rows=1, cols=1).cell(0, 0)
    # w:vAlign, which the schema puts after w:shd
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    shade(cell, "D9D9D9")
    properties = docx_private.cell_element(cell).get_or_add_tcPr()
    assert _names(properties)[-2:] == ["shd", "vAlign"]
    assert properties.find(qn("w:shd")).get(qn("w:fill")) == "D9D9D9"


def test_a_table_without_borders_has_every_side_set_to_nil() -> None:
    table = docx.Document().add_table(rows=1, cols=1)
    remove_borders(table)
    borders = docx_private.table_element(table).tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert len(borders) == 6


def test_sequence_numbers_count_the_fields_of_their_sequence_only() -> None:
    document = docx.Document()
    assert add_sequence_number(document.add_paragraph("Figure ")) == 1
    assert add_sequence_number(document.add_paragraph("Table "), "Table") == 1
    assert add_sequence_number(document.add_paragraph("Figure ")) == 2
    add_page_number(document.add_paragraph())
    fields = document.element.body.iter(qn("w:fldSimple"))
    assert [f.get(qn("w:instr")) for f in fields] == [
        " SEQ Figure \\* ARABIC ",
        " SEQ Table \\* ARABIC ",
        " SEQ Figure \\* ARABIC ",
        " PAGE ",
    ]


def test_list_definitions_escape_their_text_and_number_on() -> None:
    document = docx.Document()
    first = add_list_definition(document, "lowerRoman", "%1)")
    second = add_list_definition(document, "decimal", '<%1> & "%1"')
    assert second == first + 1
    numbering = document.part.numbering_part.element
    texts = [t.get(qn("w:val")) for t in numbering.iter(qn("w:lvlText"))]
    assert texts[-2:] == ["%1)", '<%1> & "%1"']
    # Every w:abstractNum comes before every w:num (ECMA-376 Part 1, 17.9.16).
    names = _names(numbering)
    assert max(i for i, n in enumerate(names) if n == "abstractNum") < names.index("num")
    paragraph = document.add_paragraph("item")
    use_list(paragraph, second)
    found = docx_private.paragraph_element(paragraph).find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    assert found.find(qn("w:numId")).get(qn("w:val")) == str(second)
