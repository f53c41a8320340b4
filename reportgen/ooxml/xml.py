"""Every piece of raw WordprocessingML reportgen needs, behind a small API.

python-docx has no footnotes, fields, repeated table headers or list definitions, and
docxtpl rewrites XML text in ways data must survive. What reportgen must do at the XML level
lives here and nowhere else; the rest of the code never imports lxml.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import decimal
import html
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from lxml import etree
from markupsafe import Markup

from reportgen.core.errors import ReportgenError

__all__ = ["CT", "RT"]  # re-exported: the render stage matches parts by content type

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NSMAP = {"w": W_NS}


def _insert(parent: etree._Element, child: etree._Element, successors: Iterable[str]) -> None:
    """Put `child` into `parent` before the first element named in `successors`."""
    names = set(successors)
    for existing in parent:
        if etree.QName(existing).localname in names:
            existing.addprevious(child)
            return
    parent.append(child)


# --- Text from data, inside docxtpl's output ------------------------------------------------

_TEXT_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    # docxtpl turns "{_{" into "{{" (and the like) in the rendered XML, and tabs, line feeds,
    # \a and \f into runs and paragraphs: as character references they reach Word unchanged.
    "_": "&#95;",
    "\t": "&#9;",
    "\n": "&#10;",
    "\r": "&#13;",
}
_TEXT_TABLE = str.maketrans(_TEXT_ESCAPES)


def text_markup(value: object) -> Markup:
    """`value` as the content of a `<w:t>`: literal in Word whatever characters it holds.

    Used as the Jinja `finalize` hook, so every `{{ value }}` of the template passes here;
    values that are already markup (runs built below) pass through unchanged.
    """
    if hasattr(value, "__html__"):
        return Markup(value)
    if value is None or isinstance(value, bool) or not isinstance(value, _PRINTABLE):
        kind = "nothing (None)" if value is None else f"a {type(value).__name__}"
        raise UnprintableValue(
            f"a placeholder prints {kind}, not text; give one of its fields (such as .count) "
            "or guard it with {% if %}"
        )
    return Markup(str(value).translate(_TEXT_TABLE))


_PRINTABLE = (str, int, float, decimal.Decimal, dt.date)


class UnprintableValue(TypeError):
    """A placeholder whose value is a record, a list or None: printing it would be wrong."""


def plain_text(xml: str) -> str:
    """The text of a piece of WordprocessingML, without its tags and entities."""
    return html.unescape(re.sub(r"<[^>]+>", "", xml))


def replace_part_xml(part: Part, xml: str) -> None:
    """Give a part that python-docx keeps as bytes (footnotes, say) new XML."""
    part._blob = xml.encode("utf-8")


# What docxtpl's resolve_listing rewrites: a tab, line feed, \a or \f inside a <w:t>.
_LISTING_CHARACTERS = re.compile(r"<w:t(?:\s[^>]*)?>[^<]*[\t\n\a\f]")


def has_listing_characters(xml: str) -> bool:
    """Whether any text element of `xml` holds a character docxtpl turns into an element."""
    return _LISTING_CHARACTERS.search(xml) is not None


class MalformedXML(ReportgenError, ValueError):
    """Rendering produced XML that Word could not open."""


def parse_strictly(xml: str | bytes) -> etree._Element:
    """`xml` parsed without recovery or entities; MalformedXML if it is not well-formed."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml, parser)
    except etree.XMLSyntaxError as error:
        raise MalformedXML(f"the rendered document is not well-formed XML: {error}") from error


def check_well_formed(xml: str | bytes) -> None:
    """Raise MalformedXML unless `xml` parses strictly (no recovery, no entities)."""
    parse_strictly(xml)


def tables_fit_their_grids(root: etree._Element) -> bool:
    """Whether no table's grid would change under docxtpl's fix_tables.

    fix_tables adds grid columns for rows with more cells than the grid, and removes those
    that no row reaches (cells and their spans counted), as a column loop ({%tc %}) may
    leave them; it finds tables and rows as here, nested ones included. When every table
    fits, it changes nothing. A table without a grid is left to it too.
    """
    for table in root.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        if grid is None:
            return False
        columns = len(grid.findall(qn("w:gridCol")))
        widest = 0
        for row in table.iter(qn("w:tr")):
            cells = row.findall(qn("w:tc"))
            if len(cells) > columns:
                return False
            spans = (cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") for cell in cells)
            widest = max(widest, sum(1 if s is None else int(s.get(qn("w:val"))) for s in spans))
        if widest < columns:
            return False
    return True


# --- Runs: formatted text placed with docxtpl's {{r value }} ---------------------------------


@dataclass(frozen=True)
class Span:
    """A piece of text and how it is set."""

    text: str
    bold: bool = False
    italic: bool = False


def runs(spans: Iterable[Span]) -> Markup:
    """Runs of formatted text, to be placed with `{{r value }}` in the template.

    Written as text rather than built with lxml: a list of two hundred initiatives is a
    thousand runs, and the text is escaped exactly as `text_markup` escapes a value.
    """
    out = []
    for span in spans:
        properties = ""
        if span.bold or span.italic:
            properties = (
                f"<w:rPr>{'<w:b/>' if span.bold else ''}{'<w:i/>' if span.italic else ''}</w:rPr>"
            )
        text = span.text.translate(_TEXT_TABLE)
        out.append(f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r>')
    return Markup("".join(out))


def _fragment(element: etree._Element) -> str:
    """An element as XML text without its namespace declaration (docxtpl's body has it)."""
    xml = str(etree.tostring(element, encoding="unicode"))
    return xml.replace(f' xmlns:w="{W_NS}"', "").replace("_", "&#95;")


# --- Pictures: charts placed with docxtpl's {{r value }} --------------------------------------


def picture(
    document: Document,
    image: bytes,
    width: Length,
    height: Length,
    *,
    title: str,
    description: str,
) -> Markup:
    """A run holding an inline picture, to be placed with `{{r value }}` in the template.

    The image becomes a part of the document; `title` and `description` are its alternative
    text (`wp:docPr`), which Word shows under Alt Text and screen readers read out.
    """
    inline = document.part.new_pic_inline(io.BytesIO(image), width, height)
    properties = inline.docPr
    properties.set("name", title)
    properties.set("title", title)
    properties.set("descr", description)
    run = etree.Element(qn("w:r"), nsmap=_NSMAP)
    etree.SubElement(run, qn("w:drawing")).append(inline)
    return Markup(_fragment(run))


def drop_unplaced_parts(document: Document) -> list[str]:
    """Remove the picture and chart parts the rendered body does not show; return their
    relationship ids.

    A chart or picture whose paragraph was deleted from the template then leaves nothing
    (neither its part nor a chart's workbook) carried, unseen, inside the report.
    """
    shown = set(document.element.xpath("//@r:embed | //@r:link | //@r:id"))
    dropped = []
    for rId, rel in list(document.part.rels.items()):
        placed = rel.reltype in (RT.IMAGE, RT.CHART)
        if placed and not rel.is_external and rId not in shown:
            document.part.rels.pop(rId)
            dropped.append(rId)
    return dropped


# --- Captions -------------------------------------------------------------------------------


def add_sequence_number(paragraph: Paragraph, sequence: str = "Figure") -> int:
    """Append a SEQ field numbering `sequence` ("Figure 1", "Figure 2"...); return its number.

    Word and LibreOffice renumber the fields when figures are added or moved; the number
    shown until then is this field's rank among the fields of `sequence` already written.
    """
    root = paragraph._p.getroottree().getroot()
    instructions = [
        *(f.get(qn("w:instr"), "") for f in root.iter(qn("w:fldSimple"))),
        *(t.text or "" for t in root.iter(qn("w:instrText"))),
    ]
    number = 1 + sum(1 for i in instructions if i.split()[:2] == ["SEQ", sequence])
    field = etree.SubElement(paragraph._p, qn("w:fldSimple"))
    field.set(qn("w:instr"), f" SEQ {sequence} \\* ARABIC ")
    run = etree.SubElement(field, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = str(number)
    return number


# --- Footnotes ------------------------------------------------------------------------------

_SINGLE_SPACED = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
_FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
    f'<w:footnote w:type="separator" w:id="-1"><w:p>{_SINGLE_SPACED}'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{_SINGLE_SPACED}'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)

# Word's built-in styles for footnotes: ids and names as Word writes them, so that Word
# recognises them as its own (ECMA-376 Part 1, 17.7.4.9; names are lower case).
_FOOTNOTE_STYLES = (
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    f'{_SINGLE_SPACED}<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference">'
    '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    "</w:styles>"
)

# Elements that follow w:footnotePr in CT_Settings (ECMA-376 Part 1, 17.15.1.78).
_AFTER_FOOTNOTE_PR = (
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def footnote_reference(note_id: int) -> Markup:
    """The run that marks footnote `note_id` in the text, placed with `{{r value }}`."""
    return Markup(
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:footnoteReference w:id="{int(note_id)}"/></w:r>'
    )


def enable_footnotes(document: Document) -> None:
    """Give the document what Word needs before it holds footnotes (once; idempotent).

    A footnotes part with the separator notes -1 and 0, `w:footnotePr` naming them in the
    settings, and the built-in styles "footnote text" and "footnote reference".
    """
    if _footnotes_part(document) is None:
        part = Part(
            PackURI("/word/footnotes.xml"),
            CT.WML_FOOTNOTES,
            _FOOTNOTES_XML.encode("utf-8"),
            document.part.package,
        )
        document.part.relate_to(part, RT.FOOTNOTES)
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is None:
        properties = etree.fromstring(
            f'<w:footnotePr xmlns:w="{W_NS}"><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
            "</w:footnotePr>"
        )
        _insert(settings, properties, _AFTER_FOOTNOTE_PR)
    styles = document.styles.element
    present = {s.get(qn("w:styleId")) for s in styles.findall(qn("w:style"))}
    for style in etree.fromstring(_FOOTNOTE_STYLES):
        if style.get(qn("w:styleId")) not in present:
            styles.append(style)


def next_footnote_id(document: Document) -> int:
    """The first free footnote id (after any footnotes the template holds)."""
    root = _footnotes_root(document)
    ids = (
        [int(n.get(qn("w:id"))) for n in root.findall(qn("w:footnote"))] if root is not None else []
    )
    return max([0, *ids]) + 1


def add_footnotes(document: Document, notes: Mapping[int, str]) -> list[int]:
    """Write the notes the body refers to into the footnotes part; return their ids.

    A note the rendered body does not refer to (its placeholder was removed from the
    template) is left out, so that Word never holds an orphan footnote.
    """
    enable_footnotes(document)
    part = _footnotes_part(document)
    assert part is not None
    root = etree.fromstring(part.blob)
    referenced = [int(i) for i in document.element.xpath("//w:footnoteReference/@w:id")]
    added = []
    for note_id in referenced:
        if note_id not in notes:
            continue
        note = etree.SubElement(root, qn("w:footnote"))
        note.set(qn("w:id"), str(note_id))
        paragraph = etree.SubElement(note, qn("w:p"))
        properties = etree.SubElement(paragraph, qn("w:pPr"))
        etree.SubElement(properties, qn("w:pStyle")).set(qn("w:val"), "FootnoteText")
        mark = etree.SubElement(paragraph, qn("w:r"))
        etree.SubElement(etree.SubElement(mark, qn("w:rPr")), qn("w:rStyle")).set(
            qn("w:val"), "FootnoteReference"
        )
        etree.SubElement(mark, qn("w:footnoteRef"))
        run = etree.SubElement(paragraph, qn("w:r"))
        text = etree.SubElement(run, qn("w:t"))
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        text.text = " " + notes[note_id]
        added.append(note_id)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return added


def _footnotes_part(document: Document) -> Part | None:
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return rel.target_part  # type: ignore[no-any-return]
    return None


def _footnotes_root(document: Document) -> etree._Element | None:
    part = _footnotes_part(document)
    return None if part is None else etree.fromstring(part.blob)


def footnote_texts(document: Document) -> dict[int, str]:
    """The text of each real note (not the separators), by id."""
    root = _footnotes_root(document)
    if root is None:
        return {}
    return {
        int(n.get(qn("w:id"))): "".join(n.itertext()).strip()
        for n in root.findall(qn("w:footnote"))
        if n.get(qn("w:type")) in (None, "normal")
    }


# --- Pieces a template needs that python-docx cannot make -----------------------------------

# Word rejects a document whose property elements are out of schema order, so each element
# is inserted before the first of the elements that must follow it (ECMA-376 Part 1).
_AFTER_TBL_BORDERS = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
_AFTER_CANT_SPLIT = ("trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del")
_AFTER_TBL_HEADER = ("tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange")
_AFTER_SHD = ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")


def repeat_as_header(row: _Row) -> None:
    """Repeat this table row at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn("w:tblHeader")) is None:
        _insert(properties, etree.Element(qn("w:tblHeader")), _AFTER_TBL_HEADER)


def keep_row_together(row: _Row) -> None:
    """Do not split this row across pages."""
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn("w:cantSplit")) is None:
        _insert(properties, etree.Element(qn("w:cantSplit")), _AFTER_CANT_SPLIT)


def shade(cell: _Cell, fill: str) -> None:
    """Fill a table cell with a colour (hex RGB such as "D9D9D9")."""
    properties = cell._tc.get_or_add_tcPr()
    shading = etree.Element(qn("w:shd"))
    _insert(properties, shading, _AFTER_SHD)
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)


def remove_borders(table: Table) -> None:
    """Draw a table without borders (a layout table)."""
    properties = table._tbl.tblPr
    borders = etree.Element(qn("w:tblBorders"))
    _insert(properties, borders, _AFTER_TBL_BORDERS)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, qn(f"w:{side}")).set(qn("w:val"), "nil")


def add_page_number(paragraph: Paragraph) -> None:
    """Append a PAGE field, which Word and LibreOffice fill with the page's number."""
    field = etree.SubElement(paragraph._p, qn("w:fldSimple"))
    field.set(qn("w:instr"), " PAGE ")
    run = etree.SubElement(field, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "1"


def add_list_definition(document: Document, number_format: str, level_text: str) -> int:
    """Add a one-level numbered list definition ("lowerRoman", "%1)"); return its numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
    ]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max([-1, *abstract_ids]) + 1, max([0, *num_ids]) + 1
    abstract = etree.fromstring(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{number_format}"/><w:lvlText w:val="{level_text}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    existing = numbering.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    number = etree.Element(qn("w:num"))
    _insert(numbering, number, ("numIdMacAtCleanup",))
    number.set(qn("w:numId"), str(num_id))
    etree.SubElement(number, qn("w:abstractNumId")).set(qn("w:val"), str(abstract_id))
    return num_id


def use_list(paragraph: Paragraph, num_id: int) -> None:
    """Number this paragraph with list definition `num_id`."""
    properties = paragraph._p.get_or_add_pPr()
    numbering = properties.get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = num_id


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


# --- The package ------------------------------------------------------------------------------

# The prefixes declare_prefixes adds where a part lacks them, and the root element's start
# tag, found in the bytes (the part may not even parse as the document it claims to be).
_PREFIXES = {b"w": W_NS.encode(), b"r": R_NS.encode()}
_ROOT_START_TAG = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*"  # declaration, comments
    rb"<([^\s/>!?]+)"  # the root element's name
    rb"((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*/?>",  # its attributes
    re.DOTALL,
)


def declare_prefixes(data: bytes) -> bytes:
    """The package with w: and r: declared on the root of every word/*.xml part.

    docx2python looks the prefixes up in each element's own namespace map and fails
    (KeyError 'r') on a part that never declares them, as some writers leave out xmlns:r
    in footnotes.xml. Declaring them on the root element changes nothing else.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {
            info.filename: package.read(info)
            for info in package.infolist()
            if info.filename.startswith("word/") and info.filename.endswith(".xml")
        }
        patched = {name: _with_prefixes(xml) for name, xml in parts.items()}
        if patched == parts:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in package.infolist():
                body = patched[info.filename] if info.filename in patched else package.read(info)
                target.writestr(info, body)
    return out.getvalue()


def _with_prefixes(xml: bytes) -> bytes:
    """One part with the missing prefixes declared on its root element."""
    root = _ROOT_START_TAG.match(xml)
    if root is None:
        return xml
    missing = b"".join(
        b' xmlns:%s="%s"' % (prefix, uri)
        for prefix, uri in _PREFIXES.items()
        if not re.search(rb"\sxmlns:" + prefix + rb"\s*=", root.group(2))
    )
    return xml[: root.end(1)] + missing + xml[root.end(1) :] if missing else xml


_FIXED_TIME = (1980, 1, 1, 0, 0, 0)

# Pictures and embedded workbooks are compressed already: deflating them again costs time
# and saves nothing.
_STORED_SUFFIXES = (".png", ".jpeg", ".jpg", ".gif", ".xlsx")


def _write_entry(target: zipfile.ZipFile, name: str, data: bytes) -> None:
    """One zip entry with a fixed time and permissions, so that its bytes depend on `data` only."""
    entry = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    stored = name.lower().endswith(_STORED_SUFFIXES)
    entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    entry.create_system = 0
    entry.external_attr = 0o644 << 16
    target.writestr(entry, data, compresslevel=None if stored else 6)


class _FixedZipWriter:
    """python-docx's physical package writer, with `_write_entry`'s fixed entries."""

    def __init__(self, target: zipfile.ZipFile) -> None:
        self._target = target

    def write(self, uri: PackURI, blob: bytes) -> None:
        _write_entry(self._target, uri.membername, blob)

    def close(self) -> None:
        self._target.close()


def package_bytes(document: Document) -> bytes:
    """The document as .docx bytes that depend on its content only.

    python-docx's own save stamps every zip entry with the current time. This writes the
    same parts in the same order ([Content_Types].xml first, as python-docx does) in one
    pass, each entry with a fixed time, permissions and compression.
    """
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    writer = _FixedZipWriter(zipfile.ZipFile(out, "w"))
    # PackageWriter.write's three steps, given our writer (it takes any object with write()).
    PackageWriter._write_content_types_stream(writer, parts)  # type: ignore[no-untyped-call]
    PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
    PackageWriter._write_parts(writer, parts)  # type: ignore[arg-type]
    writer.close()
    return out.getvalue()


def normalise_package(data: bytes) -> bytes:
    """Rewrite a .docx written by another tool so that the same document has the same bytes.

    Each entry gets a fixed time, permissions and compression, keeping the order
    ([Content_Types].xml first).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            _write_entry(target, info.filename, source.read(info.filename))
    return out.getvalue()


# --- A template as its editors see it: paragraphs, tracked changes, comments -----------------

_W = f"{{{W_NS}}}"
_P, _TR, _TC, _TBL = _W + "p", _W + "tr", _W + "tc", _W + "tbl"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _is_separator(element: etree._Element) -> bool:
    """Whether `element` is one of the notes that only draw the line above the notes."""
    return element.tag in (_W + "footnote", _W + "endnote") and element.get(_W + "type") not in (
        None,
        "normal",
    )


_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEADER_KINDS = {"default": "", "first": "first-page ", "even": "even-page "}
# Tracked changes (ECMA-376 Part 1, 17.13.5), in the words of Word's Review pane.
_REVISIONS = {
    "ins": "insertion",
    "del": "deletion",
    "moveFrom": "move (from here)",
    "moveTo": "move (to here)",
    "rPrChange": "formatting change",
    "pPrChange": "paragraph formatting change",
    "sectPrChange": "page layout change",
    "tblPrChange": "table formatting change",
    "tblGridChange": "table formatting change",
    "trPrChange": "table formatting change",
    "tcPrChange": "table formatting change",
    "cellIns": "cell insertion",
    "cellDel": "cell deletion",
    "cellMerge": "cell merge",
    "numberingChange": "numbering change",
}
_REVISION_TAGS = {_W + name for name in _REVISIONS}
_COMMENT_MARKERS = ("commentRangeStart", "commentRangeEnd", "commentReference")
_COMMENT_RELS = (
    "/comments",
    "/commentsExtended",
    "/commentsIds",
    "/commentsExtensible",
    "/people",
)


@dataclass(frozen=True)
class Revision:
    """A tracked change: what kind, by whom, when, and the text it inserts or deletes."""

    kind: str
    author: str
    date: str
    text: str


@dataclass(frozen=True)
class Comment:
    """A comment of Word's Review pane."""

    author: str
    date: str
    text: str


@dataclass(frozen=True)
class WordParagraph:
    """A paragraph as Word shows it, located the way a reader finds it again.

    `number` counts the paragraphs of its part (body, header...) from 1, table cells
    included; `text` holds what Word shows (inserted text, not deleted text). `table`, `row`
    and `cell` number the innermost table, row and cell it sits in within the part (None
    outside tables); `source` is the part's name inside the package (word/document.xml).
    `boundaries` are the places in `text` where the runs change container (a hyperlink, a
    content control, a field): a tag cannot cross one. `fields` are the instructions of its
    fields (" PAGE "), which Word does not show.
    """

    part: str
    number: int
    text: str
    source: str = ""
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    boundaries: tuple[int, ...] = ()
    fields: tuple[str, ...] = ()
    revisions: tuple[Revision, ...] = ()
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class WordDocument:
    """Every paragraph of a document's parts, and the comments anchored nowhere."""

    paragraphs: tuple[WordParagraph, ...]
    unanchored: tuple[Comment, ...] = ()


class UnreadablePackage(ReportgenError, ValueError):
    """A .docx whose parts cannot be read as WordprocessingML; says which and why."""


def read_paragraphs(data: bytes) -> WordDocument:
    """The paragraphs of a .docx as its editors see them, with their changes and comments.

    Parts are those the main document relates: the body, then headers, footers,
    footnotes and endnotes, each under the name a user knows it by.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = _WordParts(package)
        comments: dict[str, Comment] = {}
        for name in parts.comments:
            comments.update(_comments(parts.read(name)))
        paragraphs = []
        anchored: set[str] = set()
        for shown, name in parts.text_parts:
            root = parts.read(name)
            if root is not None:
                paragraphs += _paragraphs(shown, name, root, comments, anchored)
    unanchored = tuple(c for k, c in comments.items() if k not in anchored)
    return WordDocument(tuple(paragraphs), unanchored)


class _WordParts:
    """The parts of a Word package that hold text, found through its relationships."""

    def __init__(self, package: zipfile.ZipFile) -> None:
        self.package = package
        self.names = set(package.namelist())
        main = _main_part_name(self.read("_rels/.rels"))
        body = self.read(main)
        if body is None:
            raise UnreadablePackage(f"it has no main document ({main})")
        folder, _, base = main.rpartition("/")
        related = _related_parts(self.read(f"{folder}/_rels/{base}.rels"), folder)
        kinds = _header_footer_kinds(body)
        found = [("body", main)]
        for kind in ("header", "footer", "footnotes", "endnotes"):
            found += [(f"{kinds.get(i, '')}{kind}", n) for i, n in related.get(kind, [])]
        self.text_parts = _numbered_names(found)
        self.comments = [name for _, name in related.get("comments", [])]
        self.styles = [name for _, name in related.get("styles", [])]

    def read(self, name: str) -> etree._Element | None:
        if name not in self.names:
            return None
        try:
            return parse_strictly(self.package.read(name))
        except MalformedXML as error:
            raise UnreadablePackage(f"its part {name} is not well-formed XML") from error


def _main_part_name(rels: etree._Element | None) -> str:
    """The main document's name in the package (word/document.xml for every usual writer)."""
    if rels is not None:
        for rel in rels:
            if rel.get("Type", "").endswith("/officeDocument"):
                return str(rel.get("Target", "")).lstrip("/")
    return "word/document.xml"


def _related_parts(rels: etree._Element | None, folder: str) -> dict[str, list[tuple[str, str]]]:
    """The parts related from the main document, by kind (header, footer, footnotes,
    endnotes, comments, settings): each as its relationship id and its name, in order."""
    found: dict[str, list[tuple[str, str]]] = {}
    for rel in rels if rels is not None else ():
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        found.setdefault(kind, []).append((rel.get("Id", ""), name))
    return found


def _header_footer_kinds(body: etree._Element) -> dict[str, str]:
    """'first-page ' or 'even-page ' for the headers and footers of those pages, by rel id."""
    kinds = {}
    for reference in body.iter(_W + "headerReference", _W + "footerReference"):
        kinds[reference.get(f"{{{R_NS}}}id", "")] = _HEADER_KINDS.get(
            reference.get(_W + "type", "default"), ""
        )
    return kinds


def _numbered_names(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Parts named alike (two sections' headers) told apart: 'header', 'header 2'."""
    seen: dict[str, int] = {}
    out = []
    for shown, name in parts:
        seen[shown] = seen.get(shown, 0) + 1
        out.append((shown if seen[shown] == 1 else f"{shown} {seen[shown]}", name))
    return out


def _comments(root: etree._Element | None) -> dict[str, Comment]:
    if root is None:
        return {}
    return {
        comment.get(_W + "id", ""): Comment(
            author=comment.get(_W + "author", ""),
            date=comment.get(_W + "date", ""),
            text=" ".join(
                " ".join(_shown_text(p).split()) for p in comment.iter(_P) if _shown_text(p).strip()
            ),
        )
        for comment in root.iter(_W + "comment")
    }


def _own(node: etree._Element, paragraph: etree._Element) -> bool:
    """Whether `node` belongs to `paragraph` itself, not to one nested in it (a text box)."""
    return next(node.iterancestors(_P), None) is paragraph


_SHOWN = (_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen")
# What holds runs inside a paragraph: a tag whose runs sit in two of them cannot be joined.
# (Tracked changes hold runs too, but a template holding them is refused anyway.)
_RUN_HOLDERS = {
    _W + name for name in ("hyperlink", "sdtContent", "smartTag", "customXml", "fldSimple", "p")
}


def _shown_text(paragraph: etree._Element) -> str:
    """What Word shows of a paragraph: its text and inserted text, without deleted text."""
    return "".join(text for text, _ in _shown_pieces(paragraph))


def _shown_pieces(paragraph: etree._Element) -> Iterable[tuple[str, etree._Element]]:
    """Each piece of shown text, with the element that holds its run."""
    for node in paragraph.iter(*_SHOWN):
        if not _own(node, paragraph) or _deleted(node):
            continue
        name = etree.QName(node).localname
        text = node.text or "" if name == "t" else "-" if name == "noBreakHyphen" else " "
        holder = next(a for a in node.iterancestors() if a.tag in _RUN_HOLDERS)
        yield text, holder


def _boundaries(pieces: list[tuple[str, etree._Element]]) -> tuple[int, ...]:
    """The offsets in the text where one piece's holder differs from the previous one's."""
    out, offset, previous = [], 0, None
    for text, holder in pieces:
        if not text:
            continue
        if previous is not None and holder is not previous:
            out.append(offset)
        offset += len(text)
        previous = holder
    return tuple(out)


def _field_codes(paragraph: etree._Element) -> tuple[str, ...]:
    """The instructions of a paragraph's fields: simple ones, and its complex ones' text."""
    simple = [
        f.get(_W + "instr", "") for f in paragraph.iter(_W + "fldSimple") if _own(f, paragraph)
    ]
    complex_ = "".join(t.text or "" for t in paragraph.iter(_W + "instrText") if _own(t, paragraph))
    return tuple(simple + ([complex_] if complex_ else []))


def _deleted(node: etree._Element) -> bool:
    return any(etree.QName(a).localname in ("del", "moveFrom") for a in node.iterancestors())


def _revision(element: etree._Element) -> Revision:
    name = etree.QName(element).localname
    kind = _REVISIONS[name]
    parent = element.getparent()
    if name in ("ins", "del") and parent is not None:
        where = etree.QName(parent).localname
        if where == "rPr":  # the mark of a paragraph (its end) inserted or deleted
            kind = f"paragraph {kind}"
        elif where == "trPr":
            kind = f"table row {kind}"
    text_tag = "delText" if name in ("del", "moveFrom") else "t"
    return Revision(
        kind=kind,
        author=element.get(_W + "author", ""),
        date=element.get(_W + "date", ""),
        text="".join(t.text or "" for t in element.iter(_W + text_tag)),
    )


def _paragraphs(
    part: str,
    source: str,
    root: etree._Element,
    comments: Mapping[str, Comment],
    anchored_ids: set[str],
) -> list[WordParagraph]:
    """The paragraphs of one part. A text box's paragraphs are counted once (not again in
    the copy kept for older programs), and the separators of notes not at all."""
    paragraphs = [
        p
        for p in root.iter(_P)
        if not any(a.tag == _MC_FALLBACK or _is_separator(a) for a in p.iterancestors())
    ]
    index = {p: n for n, p in enumerate(paragraphs)}
    numbers = {
        kind: {element: n for n, element in enumerate(root.iter(kind), start=1)}
        for kind in (_TBL, _TR, _TC)
    }
    revisions: dict[int, list[Revision]] = {}
    anchored: dict[int, list[Comment]] = {}

    def home(node: etree._Element) -> int:
        """The paragraph a marker or a change belongs to: its own, or else the first one of
        its table cell, row or table, or else the next one."""
        owner = next(node.iterancestors(_P), None)
        if owner is None:
            container = next(node.iterancestors(_TC, _TR, _TBL), None)
            if container is not None:
                owner = next(container.iter(_P), None)
            else:
                for sibling in node.itersiblings():
                    owner = next(sibling.iter(_P), None)
                    if owner is not None:
                        break
        return index.get(owner, len(paragraphs) - 1) if owner is not None else len(paragraphs) - 1

    for element in root.iter(*_REVISION_TAGS):
        revisions.setdefault(home(element), []).append(_revision(element))
    starts = {c.get(_W + "id"): c for c in root.iter(_W + "commentRangeStart")}
    for reference in root.iter(_W + "commentReference"):
        starts.setdefault(reference.get(_W + "id"), reference)
    for comment_id, marker in starts.items():
        if comment_id in comments:
            anchored.setdefault(home(marker), []).append(comments[comment_id])
            anchored_ids.add(comment_id)

    def innermost(paragraph: etree._Element, kind: str) -> int | None:
        element = next(paragraph.iterancestors(kind), None)
        return numbers[kind].get(element) if element is not None else None

    out = []
    for n, paragraph in enumerate(paragraphs):
        pieces = list(_shown_pieces(paragraph))
        out.append(
            WordParagraph(
                part=part,
                number=n + 1,
                text="".join(text for text, _ in pieces),
                source=source,
                table=innermost(paragraph, _TBL),
                row=innermost(paragraph, _TR),
                cell=innermost(paragraph, _TC),
                boundaries=_boundaries(pieces),
                fields=_field_codes(paragraph),
                revisions=tuple(revisions.get(n, ())),
                comments=tuple(anchored.get(n, ())),
            )
        )
    return out


# --- Making a rendered report clean of what only its template's editors should see ----------


def _editable_parts(document: Document) -> Iterable[tuple[Part, etree._Element]]:
    """The body, headers, footers, footnotes and endnotes, as trees that can be edited.

    Parts python-docx keeps as bytes (footnotes, endnotes) are parsed; `_store` writes
    them back.
    """
    yield document.part, document.element
    for rel in list(document.part.rels.values()):
        if rel.is_external:
            continue
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind in ("header", "footer"):
            yield rel.target_part, rel.target_part.element
        elif kind in ("footnotes", "endnotes"):
            yield rel.target_part, etree.fromstring(rel.target_part.blob)


def _store(part: Part, root: etree._Element) -> None:
    if not hasattr(part, "element"):
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def drop_comments(document: Document) -> int:
    """Remove every comment, its anchors and its parts; return how many anchors were removed.

    A template's comments are notes between its editors ("check this number"): they must
    never travel inside a circulated report.
    """
    removed = 0
    for part, root in _editable_parts(document):
        markers = list(root.iter(*(_W + m for m in _COMMENT_MARKERS)))
        for marker in markers:
            parent = marker.getparent()
            parent.remove(marker)
            if etree.QName(parent).localname == "r" and not [
                c for c in parent if etree.QName(c).localname != "rPr"
            ]:
                parent.getparent().remove(parent)
        removed += len(markers)
        if markers:
            _store(part, root)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith(_COMMENT_RELS):
            document.part.rels.pop(rel_id)
    for rel_id, rel in list(document.part.package.rels.items()):
        if rel.reltype.endswith(_COMMENT_RELS):
            document.part.package.rels.pop(rel_id)
    return removed


def stop_tracking_changes(document: Document) -> None:
    """Switch off "Track Changes", so that a reader's edits to the report are not recorded,
    and lift a protection that would switch it on again (editing allowed only as tracked
    changes)."""
    settings = document.settings.element
    for element in settings.findall(qn("w:trackRevisions")):
        settings.remove(element)
    for element in settings.findall(qn("w:documentProtection")):
        if element.get(qn("w:edit")) == "trackedChanges":
            settings.remove(element)


def pair_bookmarks(document: Document) -> int:
    """Keep each bookmark whole: drop a start without its end, an end without its start, and
    a repeated bookmark (a loop repeats its paragraphs); return how many markers were dropped.

    docxtpl joins the runs of a tag and, with them, drops any marker that sat inside the tag.
    """
    dropped = 0
    for part, root in _editable_parts(document):
        starts: dict[str, etree._Element] = {}
        ends: dict[str, etree._Element] = {}
        doomed = []
        for marker in root.iter(_W + "bookmarkStart", _W + "bookmarkEnd"):
            seen = starts if marker.tag == _W + "bookmarkStart" else ends
            key = marker.get(_W + "id", "")
            if key in seen:
                doomed.append(marker)
            else:
                seen[key] = marker
        doomed += [m for k, m in starts.items() if k not in ends]
        doomed += [m for k, m in ends.items() if k not in starts]
        for marker in doomed:
            marker.getparent().remove(marker)
        dropped += len(doomed)
        if doomed:
            _store(part, root)
    return dropped


# --- What the text rendition reads: fields, changes and comments made visible ----------------

_FORMAT_SWITCH = re.compile(r"\\\*\s*\S+")  # \* ARABIC, \* MERGEFORMAT: how a result looks
_SHOWN_CHANGES = {
    "ins": "inserted",
    "del": "deleted",
    "moveTo": "moved here",
    "moveFrom": "moved away",
}


def readable_package(data: bytes) -> bytes:
    """The package as the text rendition reads it: what a reviewer must see, the same way
    whichever program saved the document.

    - A field shows as its instruction, `{PAGE}` or `{SEQ Figure}`, never its cached result,
      which Word and LibreOffice refresh whenever they like (a page count, say).
    - A paragraph numbered through its style is numbered on the paragraph, as LibreOffice
      stores it ("List Number"); `numId` 0, Word's "no numbering", is no numbering.
    - A tracked change shows as `[inserted by AUTHOR: text]`, `[deleted by AUTHOR: text]`.
    - A comment shows where it is anchored, as `[comment by AUTHOR: text]`.
    - The prefixes w: and r: are declared on every part (see `declare_prefixes`).
    """
    data = declare_prefixes(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        try:
            parts = _WordParts(package)
            comments: dict[str, Comment] = {}
            for name in parts.comments:
                comments.update(_comments(parts.read(name)))
            numbering = _style_numbering(parts.read(parts.styles[0]) if parts.styles else None)
        except UnreadablePackage:
            return data  # docx2python says what is wrong with it
        rewritten = {}
        for _, name in parts.text_parts:
            try:
                root = parts.read(name)
            except UnreadablePackage:
                continue
            if root is None:
                continue
            changed = [
                _show_fields(root),
                _number_through_styles(root, numbering),
                _show_changes(root),
                _show_comments(root, comments),
            ]
            if any(changed):
                rewritten[name] = etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True
                )
        if not rewritten:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in package.infolist():
                target.writestr(info, rewritten.get(info.filename) or package.read(info))
    return out.getvalue()


def _style_numbering(styles: etree._Element | None) -> dict[str, etree._Element]:
    """The numbering (`w:numPr`) each paragraph style gives, its own or its base's."""
    if styles is None:
        return {}
    own, bases = {}, {}
    for style in styles.iter(_W + "style"):
        style_id = style.get(_W + "styleId", "")
        numbering = style.find(f"{_W}pPr/{_W}numPr")
        if numbering is not None:
            own[style_id] = numbering
        based = style.find(_W + "basedOn")
        if based is not None:
            bases[style_id] = based.get(_W + "val", "")
    found = {}
    for style_id in set(own) | set(bases):
        seen, current = set(), style_id
        while current and current not in own and current not in seen:
            seen.add(current)
            current = bases.get(current, "")
        if current in own:
            found[style_id] = own[current]
    return found


def _number_through_styles(root: etree._Element, numbering: Mapping[str, etree._Element]) -> bool:
    """Give each paragraph the numbering its style gives it, and drop numbering that
    numbers nothing (numId 0); return whether any paragraph changed."""
    changed = False
    for properties in root.iter(_W + "pPr"):
        direct = properties.find(_W + "numPr")
        if direct is None:
            style = properties.find(_W + "pStyle")
            inherited = numbering.get(style.get(_W + "val", "")) if style is not None else None
            if inherited is None:
                continue
            direct = copy.deepcopy(inherited)
            if direct.find(_W + "ilvl") is None:  # a style's list level is 0 unless it says
                level = etree.Element(_W + "ilvl")
                level.set(_W + "val", "0")
                direct.insert(0, level)
            properties.append(direct)
            changed = True
        number = direct.find(_W + "numId")
        if number is not None and number.get(_W + "val") == "0":
            properties.remove(direct)
            changed = True
    return changed


def _text_run(text: str) -> etree._Element:
    run = etree.Element(_W + "r")
    element = etree.SubElement(run, _W + "t")
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    element.text = text
    return run


def _field_text(instruction: str) -> str:
    return "{" + " ".join(_FORMAT_SWITCH.sub("", instruction).split()) + "}"


def _show_fields(root: etree._Element) -> bool:
    """Replace each field's cached result by its instruction, a nested field's as {INNER};
    return whether any field was found. A field whose end is missing is left as it is."""
    changed = False
    for field in list(root.iter(_W + "fldSimple")):
        field.getparent().replace(field, _text_run(_field_text(field.get(_W + "instr", ""))))
        changed = True
    phases: list[str] = []  # per open field: "instruction" until its separator, then "result"
    starts: list[int] = []  # where each open nested field's instruction starts
    instruction, runs = "", []
    for run in list(root.iter(_W + "r")):
        char = run.find(_W + "fldChar")
        kind = char.get(_W + "fldCharType") if char is not None else None
        if not phases and kind != "begin":
            continue
        runs.append(run)
        reading = all(phase == "instruction" for phase in phases)
        if kind == "begin":
            starts.append(len(instruction))
            phases.append("instruction")
        elif kind == "separate":
            phases[-1] = "result"
        elif kind == "end":
            phases.pop()
            start = starts.pop()
            if not phases:
                runs[0].getparent().replace(runs[0], _text_run(_field_text(instruction)))
                for other in runs[1:]:
                    other.getparent().remove(other)
                instruction, runs, changed = "", [], True
            elif all(phase == "instruction" for phase in phases):
                instruction = instruction[:start] + _field_text(instruction[start:])
        elif reading:
            instruction += "".join(t.text or "" for t in run.iter(_W + "instrText"))
    return changed


def _show_changes(root: etree._Element) -> bool:
    """Unwrap tracked insertions and deletions into marked text; return whether any was found."""
    changed = False
    for change in list(root.iter(*(_W + name for name in _SHOWN_CHANGES))):
        parent = change.getparent()
        if parent is None or etree.QName(parent).localname in ("rPr", "trPr"):
            continue
        for deleted in change.iter(_W + "delText"):
            deleted.tag = _W + "t"
        author = change.get(_W + "author") or "someone"
        what = _SHOWN_CHANGES[etree.QName(change).localname]
        position = parent.index(change)
        pieces = [_text_run(f"[{what} by {author}: "), *change, _text_run("]")]
        parent.remove(change)
        for offset, piece in enumerate(pieces):
            parent.insert(position + offset, piece)
        changed = True
    return changed


def _show_comments(root: etree._Element, comments: Mapping[str, Comment]) -> bool:
    """Put each comment's text where it is referred to; return whether any was found."""
    changed = False
    for reference in list(root.iter(_W + "commentReference")):
        comment = comments.get(reference.get(_W + "id", ""))
        run = reference.getparent()
        if comment is None or run is None or run.getparent() is None:
            continue
        author = comment.author or "someone"
        run.getparent().replace(run, _text_run(f" [comment by {author}: {comment.text}]"))
        changed = True
    return changed


def style_names(data: bytes) -> dict[str, str]:
    """Each paragraph style's id, as its built-in identity: the name it shows in Word, in
    one word (LibreOffice's "Caption1", named "caption", is "Caption")."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/styles.xml" not in package.namelist():
            return {}
        try:
            root = parse_strictly(package.read("word/styles.xml"))
        except MalformedXML:
            return {}
    names = {}
    for style in root.iter(_W + "style"):
        name = style.find(_W + "name")
        style_id = style.get(_W + "styleId")
        if name is not None and style_id:
            names[style_id] = "".join(
                w[:1].upper() + w[1:] for w in name.get(_W + "val", "").split()
            )
    return names


def default_language(data: bytes) -> str | None:
    """The language a document's text is marked in by default (its styles' document
    defaults: "en-GB", "fr-FR"), or None when it names none."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/styles.xml" not in package.namelist():
            return None
        try:
            root = parse_strictly(package.read("word/styles.xml"))
        except MalformedXML:
            return None
    found = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
    value = found.get(_W + "val") if found is not None else None
    return value or None


# --- Native charts: designed in the template, filled from the figures -------------------------

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WORKBOOK_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_SHEET = "Sheet1"
_DATE_FORMAT = "dd.mm.yyyy"  # the report's short date, in Excel's format codes
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 0 of Excel's 1900 date system
CHART_PLACEHOLDER = re.compile(r"\{\{[-r\s]*charts\.(\w+)[-\s]*\}\}")
"""`{{ charts.NAME }}` (or docxtpl's `{{r charts.NAME }}`): the chart of its paragraph."""
CHART_MARK = "\ue000"
"""A private-use character: `mark_charts` numbers a chart's alternative text after it."""

# What may follow c:tx, and c:cat / c:val, in a series (ECMA-376 Part 1, 21.2.2: CT_LineSer,
# CT_BarSer, CT_AreaSer...): each is inserted before the first of these it finds.
_AFTER_VALUES = ("smooth", "shape", "explosion", "bubble3D", "extLst")
_AFTER_CAT = ("val", *_AFTER_VALUES)
_AFTER_TX = (
    *("spPr", "invertIfNegative", "pictureOptions", "marker", "dPt", "dLbls"),
    *("trendline", "errBars", "cat", *_AFTER_CAT),
)
_C16_UNIQUE_ID = "{C3380CC4-5D6E-409C-BE32-E72D297353CC}"  # Word's id of a series: not copied

ChartSeries = tuple[str, Sequence[int | None], int, bool]
"""A series to fill a chart with: its name, a value per category (None: no point), its style,
and whether it keeps the labels of its design."""


class ChartDesignError(ReportgenError, ValueError):
    """A chart of the template that cannot take data (no series, or not a category chart)."""


def _c(name: str) -> str:
    return f"{{{C_NS}}}{name}"


def chart_placeholders(document: Document) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The charts of the body that a build fills, and the placeholders that have no chart.

    A chart is bound to the data by a placeholder in its own paragraph, such as
    `{{ charts.states_parties_over_time }}` (it prints nothing): the chart and its
    placeholder move, and are deleted, together. Returns the relationship id of each
    bound chart with the name its placeholder gives, and (name, paragraph text) for each
    placeholder whose paragraph holds no chart. A chart without a placeholder is left as
    the template has it. Alternative text would be the natural place, but LibreOffice
    7.4 drops a chart's title and description when it saves a .docx; text it keeps.
    """
    bound: dict[str, str] = {}
    chartless = []
    for paragraph in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        named = CHART_PLACEHOLDER.search(text)
        if named is None:
            continue
        charts = paragraph.findall(f".//{{{A_NS}}}graphicData/{_c('chart')}")
        for chart in charts:
            bound[chart.get(f"{{{R_NS}}}id")] = named.group(1)
        if not charts:
            chartless.append((named.group(1), text))
    return bound, chartless


def describe_charts(document: Document, words: Mapping[str, tuple[str, str]]) -> None:
    """Give each chart related as a key of `words` its (title, description): its alternative
    text, which Word shows under Alt Text and screen readers read out."""
    for properties in document.element.body.iter(f"{{{WP_NS}}}docPr"):
        chart = properties.getparent().find(
            f"{{{A_NS}}}graphic/{{{A_NS}}}graphicData/{_c('chart')}"
        )
        if chart is not None and chart.get(f"{{{R_NS}}}id") in words:
            title, description = words[chart.get(f"{{{R_NS}}}id")]
            properties.set("title", title)
            properties.set("descr", description)


def chart_parts(document: Document, rId: str) -> tuple[Part, Part | None]:
    """The chart part related as `rId` from the body, and its embedded workbook if any."""
    part = document.part.related_parts[rId]
    workbook = next(
        (
            rel.target_part
            for rel in part.rels.values()
            if rel.reltype == RT.PACKAGE and not rel.is_external
        ),
        None,
    )
    return part, workbook


def replace_part_blob(part: Part, data: bytes) -> None:
    """Give a part python-docx keeps as bytes (a chart, an embedded workbook) new content."""
    part._blob = data


def fill_chart(
    design: bytes, categories: Sequence[dt.date | str], series: Sequence[ChartSeries]
) -> bytes:
    """The chart part `design` holding new data, and every other setting as it was.

    Each series takes the look of a series of the design: the last style the data use
    takes the design's last series, and every other style n its n-th series (or the last
    before that one when the design has fewer; a series in between whose labels were left
    out goes to the next one that shows them). So a design of the timeline with a line, a
    meeting and the latest count styles every meeting of the data like its one meeting, and
    a template already filled with many meetings keeps working the same way. A series not
    `labelled` has its design's labels deleted: where names would run into each other.
    Each series gets the categories and its values as cached values (what Word and
    LibreOffice draw) and as references to the cells of the workbook that `workbook`
    writes from the same data (what Word's Edit Data opens). Its name, values and
    categories are all that change: colours, fonts, labels and axes stay the design's.
    """
    root = parse_strictly(design)
    plot = root.find(f"{_c('chart')}/{_c('plotArea')}")
    patterns = [] if plot is None else plot.findall(f"*/{_c('ser')}")
    if plot is None or not patterns:
        raise ChartDesignError("the chart has no series to take the data's look from")
    if any(p.find(_c("xVal")) is not None or p.find(_c("yVal")) is not None for p in patterns):
        raise ChartDesignError("the chart plots x and y values; make it a line or bar chart")
    groups = [pattern.getparent() for pattern in patterns]
    anchors = {group: group.findall(_c("ser"))[-1].getnext() for group in groups}
    for pattern, group in zip(patterns, groups, strict=True):
        group.remove(pattern)
    rows = len(categories)
    dates = rows > 0 and all(isinstance(c, dt.date) for c in categories)
    last_style = max((style for _, _, style, _ in series), default=0)
    for index, (name, values, style, labelled) in enumerate(series):
        if style == last_style:
            pattern = len(patterns) - 1
        else:
            pattern = min(style, max(0, len(patterns) - 2))
            if 0 < pattern < len(patterns) - 1:  # a meeting: one whose labels show, if any
                pattern = next(
                    (i for i in range(pattern, len(patterns) - 1) if _labels_shown(patterns[i])),
                    pattern,
                )
        ser = _series_like(patterns[pattern], index, rows)
        if not labelled:
            for labels in ser.findall(_c("dLbls")):
                for setting in list(labels):
                    labels.remove(setting)
                etree.SubElement(labels, _c("delete")).set("val", "1")
        column = _column(index + 1)
        tx = etree.fromstring(
            f'<c:tx xmlns:c="{C_NS}"><c:strRef><c:f>{_SHEET}!${column}$1</c:f>'
            f'<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{html.escape(name)}</c:v>'
            "</c:pt></c:strCache></c:strRef></c:tx>"
        )
        _insert(ser, tx, _AFTER_TX)
        first, last = 2, rows + 1
        if dates:
            cat = _numbers("cat", f"$A${first}:$A${last}", _DATE_FORMAT, map(_serial, categories))
        else:
            cat = _strings("cat", f"$A${first}:$A${last}", [str(c) for c in categories])
        _insert(ser, cat, _AFTER_CAT)
        _insert(
            ser,
            _numbers("val", f"${column}${first}:${column}${last}", "General", values),
            _AFTER_VALUES,
        )
        anchor = anchors[groups[pattern]]
        if anchor is None:
            groups[pattern].append(ser)
        else:
            anchor.addprevious(ser)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _labels_shown(ser: etree._Element) -> bool:
    """Whether a series' data labels are not deleted (`fill_chart` deletes crowded ones)."""
    return ser.find(f"{_c('dLbls')}/{_c('delete')}[@val='1']") is None


def _series_like(pattern: etree._Element, index: int, rows: int) -> etree._Element:
    """A copy of `pattern` numbered `index`, without its data, and without the settings of
    points beyond the last (`rows`) or Word's id of the series it was copied from."""
    ser = etree.fromstring(etree.tostring(pattern))
    for tag in ("order", "idx"):
        element = ser.find(_c(tag))
        if element is None:
            element = etree.Element(_c(tag))
            ser.insert(0, element)
        element.set("val", str(index))
    for tag in ("tx", "cat", "val"):
        for old in ser.findall(_c(tag)):
            ser.remove(old)
    for point in [*ser.findall(_c("dPt")), *ser.findall(f"{_c('dLbls')}/{_c('dLbl')}")]:
        number = point.find(_c("idx"))
        if number is None or int(number.get("val", "0")) >= rows:
            point.getparent().remove(point)
    for extension in ser.findall(f"{_c('extLst')}/{_c('ext')}"):
        if extension.get("uri") == _C16_UNIQUE_ID:
            extension.getparent().remove(extension)
    return ser


def _serial(day: dt.date | str) -> int:
    """A day as Excel's serial number (days since 30 December 1899), as charts store dates."""
    assert isinstance(day, dt.date)
    return (day - _EXCEL_EPOCH).days


def _column(index: int) -> str:
    """The letters of the 0-based spreadsheet column `index`: A, B ... Z, AA, AB..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _numbers(
    tag: str, cells: str, number_format: str, values: Iterable[int | None]
) -> etree._Element:
    """`<c:cat>` or `<c:val>`: a reference to the workbook's cells, and their cached numbers."""
    listed = list(values)
    points = "".join(
        f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(listed) if v is not None
    )
    return etree.fromstring(
        f'<c:{tag} xmlns:c="{C_NS}"><c:numRef><c:f>{_SHEET}!{cells}</c:f><c:numCache>'
        f"<c:formatCode>{html.escape(number_format)}</c:formatCode>"
        f'<c:ptCount val="{len(listed)}"/>{points}</c:numCache></c:numRef></c:{tag}>'
    )


def _strings(tag: str, cells: str, values: Sequence[str]) -> etree._Element:
    """`<c:cat>`: a reference to the workbook's cells, and their cached text."""
    points = "".join(
        f'<c:pt idx="{i}"><c:v>{html.escape(v)}</c:v></c:pt>' for i, v in enumerate(values)
    )
    return etree.fromstring(
        f'<c:{tag} xmlns:c="{C_NS}"><c:strRef><c:f>{_SHEET}!{cells}</c:f><c:strCache>'
        f'<c:ptCount val="{len(values)}"/>{points}</c:strCache></c:strRef></c:{tag}>'
    )


# A workbook Excel, Word and LibreOffice open: one sheet of inline strings and numbers, and
# the styles that show a date as a date. No shared strings, no document properties, no time.
_SML_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKBOOK_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PKG_RELS_NS}">'
        f'<Relationship Id="rId1" Type="{_OFFICE_RT}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_SML_NS}" xmlns:r="{R_NS}"><sheets>'
        f'<sheet name="{_SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PKG_RELS_NS}">'
        f'<Relationship Id="rId1" Type="{_OFFICE_RT}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_OFFICE_RT}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (
        f'<styleSheet xmlns="{_SML_NS}">'
        f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{_DATE_FORMAT}"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
        'xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}


def workbook(
    category_title: str, categories: Sequence[dt.date | str], series: Sequence[ChartSeries]
) -> bytes:
    """The .xlsx embedded in a chart: the categories down column A, a series per column.

    The cells are those `fill_chart` refers to. The same data give the same bytes: fixed
    entry times, and nothing in the workbook records when or by what it was written.
    """

    def text(reference: str, value: str) -> str:
        escaped = html.escape(value, quote=False)
        return (
            f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{escaped}</t></is></c>'
        )

    header = [text("A1", category_title)] + [
        text(f"{_column(i + 1)}1", name) for i, (name, _, _, _) in enumerate(series)
    ]
    rows = [f'<row r="1">{"".join(header)}</row>']
    for row, category in enumerate(categories, start=2):
        if isinstance(category, dt.date):
            cells = [f'<c r="A{row}" s="1"><v>{_serial(category)}</v></c>']
        else:
            cells = [text(f"A{row}", category)]
        for i, (_, values, _, _) in enumerate(series):
            value = values[row - 2]
            if value is not None:
                cells.append(f'<c r="{_column(i + 1)}{row}"><v>{value}</v></c>')
        rows.append(f'<row r="{row}">{"".join(cells)}</row>')
    sheet = (
        f'<worksheet xmlns="{_SML_NS}"><cols><col min="1" max="1" width="16" customWidth="1"/>'
        f"</cols><sheetData>{''.join(rows)}</sheetData></worksheet>"
    )
    parts = {**_WORKBOOK_PARTS, "xl/worksheets/sheet1.xml": sheet}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, xml in parts.items():
            declared = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml
            _write_entry(package, name, declared.encode("utf-8"))
    return out.getvalue()


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

    For making templates: a build fills the chart with data and keeps its design.
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
    for old in root.findall(_c("externalData")):
        root.remove(old)
    external = etree.SubElement(root, _c("externalData"))
    external.set(f"{{{R_NS}}}id", sheet_rId)
    etree.SubElement(external, _c("autoUpdate")).set("val", "0")
    _insert(root, external, ("printSettings", "userShapes", "extLst"))
    chart._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    rId = document.part.relate_to(chart, RT.CHART)
    inline = etree.fromstring(
        f'<wp:inline xmlns:wp="{WP_NS}" xmlns:a="{A_NS}" xmlns:c="{C_NS}" xmlns:r="{R_NS}" '
        'distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{int(width)}" cy="{int(height)}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{document.part.next_id}" name="Chart {number}"/>'
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic><a:graphicData uri="{C_NS}"><c:chart r:id="{rId}"/></a:graphicData>'
        "</a:graphic></wp:inline>"
    )
    properties = inline.find(f"{{{WP_NS}}}docPr")
    properties.set("title", title)
    properties.set("descr", description)
    run = paragraph.add_run()
    etree.SubElement(run._r, qn("w:drawing")).append(inline)


# --- Charts in the text rendition -------------------------------------------------------------


def mark_charts(data: bytes) -> tuple[bytes, list[list[list[str]]]]:
    """The package with each chart of the body numbered in its alternative text, and the
    table of each chart's data (a header of series names, then a row per category).

    The rendition reads the body through docx2python, which shows a chart as its
    alternative text alone; the number appended after a private-use character pairs
    that text with the chart's data.
    """
    try:
        return _mark_charts(data)
    except (MalformedXML, KeyError, ValueError, zipfile.BadZipFile):
        return data, []  # the rendition says what is wrong with the package


CHART_PART_LIMIT = 4 * 1024 * 1024
"""The largest chart part whose data the rendition reads (a chart of the report is 40 kB):
a larger one, from a .docx given to `reportgen text`, shows its alternative text alone."""


def _mark_charts(data: bytes) -> tuple[bytes, list[list[list[str]]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        if "word/document.xml" not in names or "word/_rels/document.xml.rels" not in names:
            return data, []
        body = parse_strictly(package.read("word/document.xml"))
        rels = parse_strictly(package.read("word/_rels/document.xml.rels"))
        targets = {
            rel.get("Id"): rel.get("Target", "")
            for rel in rels
            if rel.get("Type") == RT.CHART and rel.get("TargetMode") != "External"
        }
        tables: list[list[list[str]]] = []
        for properties in body.iter(f"{{{WP_NS}}}docPr"):
            chart = properties.getparent().find(
                f"{{{A_NS}}}graphic/{{{A_NS}}}graphicData/{_c('chart')}"
            )
            if chart is None:
                continue
            target = targets.get(chart.get(f"{{{R_NS}}}id", ""), "")
            name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
            name = re.sub(r"[^/]+/\.\./", "", name)
            table = []
            if name in names and package.getinfo(name).file_size <= CHART_PART_LIMIT:
                with contextlib.suppress(MalformedXML, ValueError):  # a damaged chart: no data
                    table = _chart_table(package.read(name))
            properties.set("descr", f"{properties.get('descr', '')}{CHART_MARK}{len(tables)}")
            tables.append(table)
        if not tables:
            return data, []
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target_package:
            for info in package.infolist():
                content = (
                    etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
                    if info.filename == "word/document.xml"
                    else package.read(info)
                )
                target_package.writestr(info, content)
    return out.getvalue(), tables


def _chart_table(xml: bytes) -> list[list[str]]:
    """A chart's data from its cached values: series names, then a row per category."""
    root = parse_strictly(xml)
    series = root.findall(f"{_c('chart')}/{_c('plotArea')}/*/{_c('ser')}")
    names = ["".join(s.xpath("./c:tx//c:v/text()", namespaces=_C)) for s in series]
    columns = [_cached(s.find(_c("val"))) for s in series]
    categories = _cached(series[0].find(_c("cat"))) if series else {}
    indices = sorted(set(categories).union(*columns))  # those a point has: bounded by the part
    rows = [["", *names]]
    for index in indices:
        rows.append([categories.get(index, ""), *(c.get(index, "") for c in columns)])
    return rows


_C = {"c": C_NS, "a": A_NS, "r": R_NS}


def _cached(data: etree._Element | None) -> dict[int, str]:
    """The cached points of a `c:cat`, `c:val` (or `c:tx`), by index; dates as dd.mm.yyyy."""
    if data is None:
        return {}
    cache = data.find(f".//{_c('numCache')}")
    if cache is None:
        cache = data.find(f".//{_c('strCache')}")
    if cache is None:
        cache = data.find(f".//{_c('strLit')}")
    if cache is None:
        cache = data.find(f".//{_c('numLit')}")
    if cache is None:
        return {}
    number_format = cache.findtext(_c("formatCode")) or ""
    # A date's format writes its year ("dd.mm.yyyy"; LibreOffice saves the axis's "mmm yyyy").
    is_date = "yy" in number_format.lower()
    points = {}
    for point in cache.findall(_c("pt")):
        value = point.findtext(_c("v")) or ""
        if is_date:
            with contextlib.suppress(ValueError, OverflowError):
                day = _EXCEL_EPOCH + dt.timedelta(days=int(float(value)))
                value = day.strftime("%d.%m.%Y")
        with contextlib.suppress(ValueError):
            points[int(point.get("idx", "0"))] = value
    return points


# --- Packages from outside: what reportgen.package reads before anything else -------------

_PACKAGE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _package_root(xml: bytes) -> etree._Element:
    try:
        return etree.fromstring(xml, _PACKAGE_PARSER)
    except etree.XMLSyntaxError as error:
        raise MalformedXML(f"not well-formed XML: {error}") from None


def content_types(xml: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """[Content_Types].xml: the type of each extension, and of each part named (no "/")."""
    root = _package_root(xml)
    defaults = {
        (d.get("Extension") or "").lower(): d.get("ContentType") or ""
        for d in root.iter(f"{_CT_NS}Default")
    }
    overrides = {
        (o.get("PartName") or "").lstrip("/"): o.get("ContentType") or ""
        for o in root.iter(f"{_CT_NS}Override")
    }
    return defaults, overrides


def relationships(xml: bytes) -> list[tuple[str, str, bool]]:
    """A relationships part: each relationship's type, target, and whether it is external."""
    root = _package_root(xml)
    return [
        (r.get("Type") or "", r.get("Target") or "", r.get("TargetMode") == "External")
        for r in root.iter(f"{_REL_NS}Relationship")
    ]
