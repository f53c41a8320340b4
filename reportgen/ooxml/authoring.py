"""Making a template: the pieces of `w:tbl`, `w:numbering`, `w:styles`, fields and charts
that python-docx cannot make, for tools/make_template.py.

A build never calls these: it fills what the template holds. Word rejects a document whose
property elements are out of schema order, so each element is inserted before the first of
the elements that must follow it (ECMA-376 Part 1).
"""

from __future__ import annotations

import html

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Length
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from lxml import etree

from reportgen.ooxml import docx_private
from reportgen.ooxml.numbering import add_single_level_list
from reportgen.ooxml.workbook import WORKBOOK_CT
from reportgen.ooxml.xml import (
    A_NS,
    C_NS,
    R_NS,
    WP_NS,
    insert_before,
    parse,
    parse_strictly,
    qn,
    serialise,
)

# --- Tables -----------------------------------------------------------------------------------

_AFTER_TBL_BORDERS = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
_AFTER_CANT_SPLIT = ("trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del")
_AFTER_TBL_HEADER = ("tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange")
_AFTER_SHD = ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")


def repeat_as_header(row: _Row) -> None:
    """Repeat this table row at the top of every page the table runs onto."""
    properties = docx_private.row_element(row).get_or_add_trPr()
    if properties.find(qn("w:tblHeader")) is None:
        insert_before(properties, etree.Element(qn("w:tblHeader")), _AFTER_TBL_HEADER)


def keep_row_together(row: _Row) -> None:
    """Do not split this row across pages."""
    properties = docx_private.row_element(row).get_or_add_trPr()
    if properties.find(qn("w:cantSplit")) is None:
        insert_before(properties, etree.Element(qn("w:cantSplit")), _AFTER_CANT_SPLIT)


def shade(cell: _Cell, fill: str) -> None:
    """Fill a table cell with a colour (hex RGB such as "D9D9D9")."""
    properties = docx_private.cell_element(cell).get_or_add_tcPr()
    shading = etree.Element(qn("w:shd"))
    insert_before(properties, shading, _AFTER_SHD)
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)


def remove_borders(table: Table) -> None:
    """Draw a table without borders (a layout table)."""
    properties = docx_private.table_element(table).tblPr
    borders = etree.Element(qn("w:tblBorders"))
    insert_before(properties, borders, _AFTER_TBL_BORDERS)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, qn(f"w:{side}")).set(qn("w:val"), "nil")


# --- Fields -----------------------------------------------------------------------------------


def add_page_number(paragraph: Paragraph) -> None:
    """Append a PAGE field, which Word and LibreOffice fill with the page's number."""
    field = etree.SubElement(docx_private.paragraph_element(paragraph), qn("w:fldSimple"))
    field.set(qn("w:instr"), " PAGE ")
    run = etree.SubElement(field, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "1"


def add_sequence_number(paragraph: Paragraph, sequence: str = "Figure") -> int:
    """Append a SEQ field numbering `sequence` ("Figure 1", "Figure 2"...); return its number.

    Word and LibreOffice renumber the fields when figures are added or moved; the number
    shown until then is this field's rank among the fields of `sequence` already written.
    """
    element = docx_private.paragraph_element(paragraph)
    root = element.getroottree().getroot()
    instructions = [
        *(f.get(qn("w:instr"), "") for f in root.iter(qn("w:fldSimple"))),
        *(t.text or "" for t in root.iter(qn("w:instrText"))),
    ]
    number = 1 + sum(1 for i in instructions if i.split()[:2] == ["SEQ", sequence])
    field = etree.SubElement(element, qn("w:fldSimple"))
    field.set(qn("w:instr"), f" SEQ {sequence} \\* ARABIC ")
    run = etree.SubElement(field, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = str(number)
    return number


# --- Lists ------------------------------------------------------------------------------------


def add_list_definition(document: Document, number_format: str, level_text: str) -> int:
    """Add a one-level numbered list definition ("lowerRoman", "%1)"); return its numId."""
    return add_single_level_list(
        document,
        f'<w:numFmt w:val="{html.escape(number_format)}"/>'
        f'<w:lvlText w:val="{html.escape(level_text)}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr>',
    )


def use_list(paragraph: Paragraph, num_id: int) -> None:
    """Number this paragraph with list definition `num_id`."""
    properties = docx_private.paragraph_element(paragraph).get_or_add_pPr()
    numbering = properties.get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = num_id


# --- Styles -----------------------------------------------------------------------------------


def set_default_font(document: Document, font: str, language: str) -> None:
    """Make `font` and `language` the document defaults, in place of the theme's fonts."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    properties = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = etree.SubElement(properties, qn("w:rFonts"))
        properties.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), font)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = etree.SubElement(properties, qn("w:lang"))
    lang.set(qn("w:val"), language)


def plain_style(style: object) -> None:
    """Drop a style's theme fonts and borders, so that the document defaults show through."""
    element = style.element  # type: ignore[attr-defined]
    for fonts in element.findall(f"{qn('w:rPr')}/{qn('w:rFonts')}"):
        fonts.getparent().remove(fonts)
    for border in element.findall(f"{qn('w:pPr')}/{qn('w:pBdr')}"):
        border.getparent().remove(border)


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
"""Word 2010's copy of the styles part, which later Words neither need nor write."""


def drop_unused_table_styles(document: Document) -> list[str]:
    """Remove the table styles no table uses, keeping the default and the styles they build on.

    python-docx's blank document defines a hundred of Word's table styles: nine-tenths of
    its styles part, carried by every report. Word keeps its built-in styles itself and
    writes a definition back when one is applied, so an unused definition is dead weight.
    """
    styles = document.styles.element
    table_styles = {
        style.get(qn("w:styleId")): style
        for style in styles.findall(qn("w:style"))
        if style.get(qn("w:type")) == "table"
    }
    wanted: list[str] = []
    for part in document.part.package.iter_parts():  # the body, headers, footers, notes
        element = getattr(part, "element", None)
        if element is not None:
            wanted += element.xpath(".//w:tblStyle/@w:val")
    wanted += [i for i, s in table_styles.items() if s.get(qn("w:default")) in ("1", "true")]
    kept: set[str] = set()
    while wanted:
        style_id = wanted.pop()
        if style_id in kept or style_id not in table_styles:
            continue
        kept.add(style_id)
        wanted += table_styles[style_id].xpath("./w:basedOn/@w:val")
    dropped = sorted(set(table_styles) - kept)
    for style_id in dropped:
        styles.remove(table_styles[style_id])
    return dropped


def drop_parts(document: Document, *reltypes: str) -> None:
    """Remove parts related from the package or the main part (thumbnails, customXml)."""
    for owner in (document.part.package, document.part):
        for rId, rel in list(owner.rels.items()):
            if rel.reltype in reltypes:
                owner.rels.pop(rId)


# --- Charts -----------------------------------------------------------------------------------


def add_chart(
    document: Document,
    paragraph: Paragraph,
    chart_xml: bytes,
    embedded: bytes,
    width: Length,
    height: Length,
    *,
    title: str,
    description: str,
) -> None:
    """Append to `paragraph` a native chart: a chart part with its embedded workbook.

    A build fills the chart with data and keeps its design.
    """
    package = document.part.package
    number = 1 + sum(1 for p in package.iter_parts() if p.content_type == CT.DML_CHART)
    chart = Part(PackURI(f"/word/charts/chart{number}.xml"), CT.DML_CHART, b"", package)
    sheet = Part(
        PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"),
        WORKBOOK_CT,
        embedded,
        package,
    )
    sheet_rId = chart.relate_to(sheet, RT.PACKAGE)
    root = parse_strictly(chart_xml)
    for old in root.findall(qn("c:externalData")):
        root.remove(old)
    external = etree.SubElement(root, qn("c:externalData"))
    external.set(qn("r:id"), sheet_rId)
    etree.SubElement(external, qn("c:autoUpdate")).set("val", "0")
    insert_before(root, external, ("printSettings", "userShapes", "extLst"))
    docx_private.replace_blob(chart, serialise(root))
    rId = document.part.relate_to(chart, RT.CHART)
    inline = parse(
        f'<wp:inline xmlns:wp="{WP_NS}" xmlns:a="{A_NS}" xmlns:c="{C_NS}" xmlns:r="{R_NS}" '
        'distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{int(width)}" cy="{int(height)}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{document.part.next_id}" name="Chart {number}"/>'
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic><a:graphicData uri="{C_NS}"><c:chart r:id="{rId}"/></a:graphicData>'
        "</a:graphic></wp:inline>"
    )
    properties = inline.find(qn("wp:docPr"))
    properties.set("title", title)
    properties.set("descr", description)
    run = paragraph.add_run()
    etree.SubElement(docx_private.run_element(run), qn("w:drawing")).append(inline)
