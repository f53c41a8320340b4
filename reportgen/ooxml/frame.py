"""A rendered report reframed as a UN working paper: its first page and numbered paragraphs.

`documents.report.frame` says what the first page holds, in the report's language (a
`WorkingPaperPage` of plain texts); this module lays it out in Word's XML, as the UN lays
out a working paper's first page (CCM/MSP/2012/5, say):

    Convention on Cluster Munitions                           CCM/MSP/2013/WP.2
    ─────────────────────────────────────────────────────────────────────────────
                                                              Distr.: General
                                                              30 August 2013
                                                              Original: English
    Fourth Meeting of States Parties
    Lusaka, 10\u201313 September 2013
    Item 10 of the provisional agenda
    Review of the status and operation of the Convention

    Universalisation
    Submitted by Portugal and Ghana

    1.   For the past two years, ...

The template's own title block (its leading Title and Subtitle paragraphs and the centred
line after them) gives way to this; the first page's header (the letterhead) and footer (the
page number) are emptied;
the symbol heads every other page. Every paragraph of the body in the Normal style that
holds text is numbered 1., 2., ... by Word's own numbering (a list definition of the
document, so that Word and LibreOffice renumber it when a paragraph is added), and nothing
else: headings, list items, captions, tables, charts and footnotes are not.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.document import Document
from lxml import etree

from reportgen.ooxml.numbering import add_single_level_list
from reportgen.ooxml.xml import W_NS, insert_before, parse, qn


@dataclass(frozen=True)
class WorkingPaperPage:
    """What the first page of a working paper prints, each text in the report's language."""

    body: str
    """The Convention's name, top left: Convention on Cluster Munitions."""
    symbol: str
    """Top right, and at the top of every other page: CCM/MSP/2013/WP.2."""
    distribution: str
    """Distr.: General."""
    date: str
    """30 August 2013."""
    original: str
    """Original: English."""
    meeting: str
    """Fourth Meeting of States Parties."""
    place_and_dates: str
    """Lusaka, 10\u201313 September 2013."""
    item: str
    """Item 10 of the provisional agenda."""
    item_title: str
    """The agenda item's title."""
    title: str
    """The working paper's title."""
    submitted_by: str
    """Submitted by Portugal and Ghana."""


PARAGRAPH_NUMBER = "%1."
"""How a numbered paragraph's number is written (Word's level text): 1., 2., ..."""

_TEXT_WIDTH = 9072
"""The width of an A4 page's text between 2.5 cm margins, in twentieths of a point."""
_SYMBOL_WIDTH = 3402  # 6 cm: the right-hand column, under the symbol


def frame_as_working_paper(document: Document, page: WorkingPaperPage) -> int:
    """Reframe a rendered report as a working paper; return how many paragraphs it numbered."""
    body = document.element.body
    styles = _style_names(document)
    _drop_title_block(body, styles)
    numbered = _number_paragraphs(document, body, styles)
    for element in reversed(_first_page(page)):
        body.insert(0, element)
    _empty_first_page(document)
    _symbol_on_other_pages(document, page.symbol)
    return numbered


def _style_names(document: Document) -> dict[str, str]:
    """Each paragraph style's name by its id; the default paragraph style also under ""."""
    names = {}
    for style in document.styles.element.findall(qn("w:style")):
        if style.get(qn("w:type")) != "paragraph":
            continue
        name = style.find(qn("w:name"))
        shown = name.get(qn("w:val")) if name is not None else style.get(qn("w:styleId"))
        names[style.get(qn("w:styleId")) or ""] = (shown or "").lower()
        if style.get(qn("w:default")) in ("1", "true", "on"):
            names[""] = (shown or "").lower()
    return names


def _style(paragraph: etree._Element, styles: dict[str, str]) -> str:
    """A paragraph's style, by its name in lower case ("normal", "title", "heading 1")."""
    found = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    key = "" if found is None else found.get(qn("w:val")) or ""
    return styles.get(key, key.lower())


def _centred(paragraph: etree._Element) -> bool:
    found = paragraph.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    return found is not None and found.get(qn("w:val")) == "center"


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _drop_title_block(body: etree._Element, styles: dict[str, str]) -> None:
    """Remove the template's title block: its leading Title and Subtitle paragraphs, and
    the centred line after them ("Report by ..."): the working paper's title replaces it."""
    removed = False
    for child in list(body):
        if child.tag != qn("w:p"):
            break
        if _style(child, styles) in ("title", "subtitle"):
            body.remove(child)
            removed = True
            continue
        if removed and _centred(child) and _style(child, styles) == styles.get(""):
            body.remove(child)
        break


def _run(text: str, *, bold: bool = False, size: int | None = None) -> str:
    properties = ("<w:b/>" if bold else "") + (
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else ""
    )
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r><w:rPr>{properties}</w:rPr><w:t{space}>{escape(text)}</w:t></w:r>"


def _paragraph(
    text: str = "",
    *,
    bold: bool = False,
    size: int | None = None,
    before: int = 0,
    after: int = 0,
    align: str = "left",
) -> str:
    spacing = f'<w:spacing w:before="{before}" w:after="{after}" w:line="240" w:lineRule="auto"/>'
    return (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:keepNext/>{spacing}<w:jc w:val="{align}"/></w:pPr>'
        f"{_run(text, bold=bold, size=size) if text else ''}</w:p>"
    )


def _cell(width: int, paragraphs: list[str], *, rule: bool = False) -> str:
    border = (
        '<w:tcBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="000000"/>'
        "</w:tcBorders>"
        if rule
        else ""
    )
    inner = "".join(p.replace(f' xmlns:w="{W_NS}"', "") for p in paragraphs)
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{border}</w:tcPr>{inner}</w:tc>'


def _first_page(page: WorkingPaperPage) -> list[etree._Element]:
    """The first page's block: the symbol table, the meeting, the title."""
    left = _TEXT_WIDTH - _SYMBOL_WIDTH
    table = (
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="{_TEXT_WIDTH}" w:type="dxa"/>'
        '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
        '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{left}"/><w:gridCol w:w="{_SYMBOL_WIDTH}"/></w:tblGrid>'
        "<w:tr>"
        + _cell(left, [_paragraph(page.body, bold=True, size=28, after=120)], rule=True)
        + _cell(
            _SYMBOL_WIDTH,
            [_paragraph(page.symbol, bold=True, size=28, after=120, align="right")],
            rule=True,
        )
        + "</w:tr><w:tr>"
        + _cell(left, [_paragraph()])
        + _cell(
            _SYMBOL_WIDTH,
            [
                _paragraph(page.distribution, size=20, before=160),
                _paragraph(page.date, size=20),
                _paragraph(),
                _paragraph(page.original, size=20, after=240),
            ],
        )
        + "</w:tr></w:tbl>"
    )
    blocks = [
        table,
        _paragraph(page.meeting, bold=True),
        _paragraph(page.place_and_dates, size=20),
        _paragraph(page.item, size=20),
        _paragraph(page.item_title, bold=True, size=20),
        _paragraph(page.title, bold=True, size=28, before=480, after=120),
        _paragraph(page.submitted_by, after=360),
    ]
    return [parse(block) for block in blocks]


def _empty_first_page(document: Document) -> None:
    """The first page's header and footer empty (one empty paragraph each): no letterhead,
    and no page number, as a UN first page has none. The first section is given a first page
    of its own (`w:titlePg`) and an empty first-page header or footer where it has none.

    Found through the document's relationships, not python-docx's sections: docxtpl puts
    the header it rendered in place of the template's there, which python-docx's cached
    parts do not see."""
    section = document.sections[0]
    first = next(document.element.body.iter(qn("w:sectPr")))
    for kind in ("header", "footer"):
        references = [
            r for r in first.findall(qn(f"w:{kind}Reference")) if r.get(qn("w:type")) == "first"
        ]
        if not references:  # a part of its own, which python-docx makes with one empty paragraph
            part = section.first_page_header if kind == "header" else section.first_page_footer
            part.is_linked_to_previous = False
            continue
        for reference in references:
            root = document.part.rels[reference.get(qn("r:id"))].target_part.element
            for child in list(root):
                root.remove(child)
            etree.SubElement(root, qn("w:p"))
    section.different_first_page_header_footer = True


def _symbol_on_other_pages(document: Document, symbol: str) -> None:
    """The symbol at the top right of every page but the first, as the UN prints it: in the
    first section's header (made when it has none)."""
    header = document.sections[0].header
    if header.is_linked_to_previous:
        header.is_linked_to_previous = False  # a header part of its own, empty
    first = next(document.element.body.iter(qn("w:sectPr")))
    for reference in first.findall(qn("w:headerReference")):
        if reference.get(qn("w:type")) == "default":
            root = document.part.rels[reference.get(qn("r:id"))].target_part.element
            if not _text(root).strip():  # python-docx's empty paragraph: the symbol's place
                for child in list(root):
                    root.remove(child)
            root.append(_header_paragraph(symbol))


def _header_paragraph(symbol: str) -> etree._Element:
    return parse(
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:jc w:val="right"/></w:pPr>{_run(symbol, bold=True)}</w:p>'
    )


def _numbered(paragraph: etree._Element, styles: dict[str, str]) -> bool:
    """A paragraph of the text: in the default paragraph style, holding text, not already
    in a list, not a picture or chart."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is not None and properties.find(qn("w:numPr")) is not None:
        return False
    if _style(paragraph, styles) != styles.get(""):
        return False
    if next(paragraph.iter(qn("w:drawing"), qn("w:pict"), qn("w:object")), None) is not None:
        return False
    return bool(_text(paragraph).strip())


def _number_paragraphs(document: Document, body: etree._Element, styles: dict[str, str]) -> int:
    """Number the text's paragraphs 1., 2., ... with one list of Word's numbering."""
    chosen = [p for p in body.findall(qn("w:p")) if _numbered(p, styles)]
    if not chosen:
        return 0
    num_id = _paragraph_list(document)
    for paragraph in chosen:
        properties = paragraph.find(qn("w:pPr"))
        if properties is None:
            properties = etree.Element(qn("w:pPr"))
            paragraph.insert(0, properties)
        numbering = parse(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
        insert_before(properties, numbering, _AFTER_NUMBERING)
    return len(chosen)


_AFTER_NUMBERING = (
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
)  # fmt: skip
"""What follows `w:numPr` in a paragraph's properties (ECMA-376 Part 1, CT_PPrBase)."""


def _paragraph_list(document: Document) -> int:
    """A list definition for the numbered paragraphs: "1." at the margin, a tab to 1 cm,
    the text then wrapping to the margin, as UN documents number theirs. Its numId."""
    return add_single_level_list(
        document,
        f'<w:numFmt w:val="decimal"/><w:suff w:val="tab"/><w:lvlText w:val="{PARAGRAPH_NUMBER}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="567"/></w:tabs>'
        '<w:ind w:left="0" w:firstLine="0"/></w:pPr>',
    )
