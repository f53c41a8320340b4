"""What every module of the Word layer shares: the namespaces, `qn`, and the one XML parser.

python-docx has no footnotes, fields, repeated table headers or list definitions, and
docxtpl rewrites XML text in ways data must survive. What reportgen must do at the XML level
lives in `reportgen.ooxml` and nowhere else; the rest of the code never imports lxml.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from reportgen.core.errors import ReportgenError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

NS = {
    "w": W_NS,
    "r": R_NS,
    "c": C_NS,
    "a": A_NS,
    "wp": WP_NS,
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
}
"""Every namespace reportgen writes or reads, by the prefix this code gives it. "r" is also
the start of every relationship type of Office documents ("r" + "/officeDocument")."""


def qn(tag: str) -> str:
    """A prefixed name ("w:p") in Clark notation ("{http://...}p"), from `NS`."""
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


class MalformedXML(ReportgenError, ValueError):
    """Rendering produced XML that Word could not open."""


def _parser(*, huge_tree: bool) -> etree.XMLParser:
    """The one parser configuration of the Word layer.

    Entities are never resolved, no DTD is loaded and nothing is fetched from the network:
    a part cannot expand or name other files (`open_docx` refuses a part with a DTD before
    any parser sees it). `huge_tree` is the policy on libxml2's own caps (a text node of
    10 MB, nesting 256 deep): they are lifted for the parts of a document, whose size
    `reportgen.core.limits` bounds before they are read (or which reportgen wrote), so that
    the caps a user can set are the ones that apply; they are kept for the package's small
    indexes ([Content_Types].xml, the relationship parts), which no real package nears.
    A parser is cheap to make: one is made for each parse, and shares no state with another.
    """
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=huge_tree
    )


def parse(xml: str | bytes, *, huge_tree: bool = True) -> etree._Element:
    """`xml` parsed with the one configuration; lxml's XMLSyntaxError if it is not well-formed.

    For XML reportgen writes itself, and parts python-docx already opened.
    """
    return etree.fromstring(xml, _parser(huge_tree=huge_tree))


def parse_strictly(xml: str | bytes) -> etree._Element:
    """`xml` parsed without recovery or entities; MalformedXML if it is not well-formed."""
    try:
        return parse(xml.encode("utf-8") if isinstance(xml, str) else xml)
    except etree.XMLSyntaxError as error:
        raise MalformedXML(f"the rendered document is not well-formed XML: {error}") from error


def check_well_formed(xml: str | bytes) -> None:
    """Raise MalformedXML unless `xml` parses strictly (no recovery, no entities)."""
    parse_strictly(xml)


def serialise(root: etree._Element) -> bytes:
    """A part's root as the bytes of the part: UTF-8, with a standalone declaration."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def insert_before(parent: etree._Element, child: etree._Element, successors: Iterable[str]) -> None:
    """Put `child` into `parent` before the first element named in `successors`.

    Word rejects a document whose elements are out of schema order, so an element is put
    before the first of those that must follow it (ECMA-376 Part 1).
    """
    names = set(successors)
    for existing in parent:
        if etree.QName(existing).localname in names:
            existing.addprevious(child)
            return
    parent.append(child)
