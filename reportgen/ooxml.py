"""Every piece of raw WordprocessingML reportgen needs, behind a small API.

python-docx has no footnotes, fields, repeated table headers or list definitions, and
docxtpl rewrites XML text in ways data must survive. What reportgen must do at the XML level
lives here and nowhere else; the rest of the code never imports lxml.
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import html
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
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


class MalformedXML(ValueError):
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


def drop_unplaced_pictures(document: Document) -> list[str]:
    """Remove the image parts the rendered body does not show; return their relationship ids.

    A chart whose placeholder was deleted from the template is then not carried, unseen,
    inside the .docx.
    """
    shown = set(document.element.xpath("//@r:embed | //@r:link | //@r:id"))
    dropped = []
    for rId, rel in list(document.part.rels.items()):
        if rel.reltype == RT.IMAGE and not rel.is_external and rId not in shown:
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

# Pictures are compressed already: deflating them again costs time and saves nothing.
_STORED_SUFFIXES = (".png", ".jpeg", ".jpg", ".gif")


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


class UnreadablePackage(ValueError):
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
