"""Cleaning a rendered report of what only its template's editors should see: comments
(`w:comments` and their anchors), "Track Changes" (`w:trackRevisions`), bookmarks
(`w:bookmarkStart`, `w:bookmarkEnd`) that rendering left half-paired, and the picture and
chart parts the rendered body no longer shows; and the package relationship to the core
properties made standard, whichever program saved the template.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from lxml import etree

from reportgen.ooxml import docx_private
from reportgen.ooxml.xml import parse, qn, serialise

_COMMENT_MARKERS = ("commentRangeStart", "commentRangeEnd", "commentReference")
_COMMENT_RELS = (
    "/comments",
    "/commentsExtended",
    "/commentsIds",
    "/commentsExtensible",
    "/people",
)


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
            yield rel.target_part, parse(rel.target_part.blob)


def _store(part: Part, root: etree._Element) -> None:
    """Write an edited tree back into a part python-docx keeps as bytes."""
    if not hasattr(part, "element"):
        docx_private.replace_blob(part, serialise(root))


# LibreOffice 7.4's "Word 2007-365" filter types the package's relationship to
# docProps/core.xml with the officeDocument namespace; python-docx knows only the package
# namespace's type, so it would add a second core-properties part of the same name, and the
# report would hold two zip entries docProps/core.xml (a package Word may refuse).
_CORE_PROPERTIES_ALIAS = (
    "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
)


def standardise_core_properties(document: Document) -> None:
    """Give the package's relationship to its core properties the standard type, so that
    the document's own core properties part is the one set and written."""
    for relationship in document.part.package.rels.values():
        if relationship.reltype.lower() == _CORE_PROPERTIES_ALIAS.lower():
            docx_private.set_reltype(relationship, RT.CORE_PROPERTIES)


def drop_comments(document: Document) -> int:
    """Remove every comment, its anchors and its parts; return how many anchors were removed.

    A template's comments are notes between its editors ("check this number"): they must
    never travel inside a circulated report.
    """
    removed = 0
    for part, root in _editable_parts(document):
        markers = list(root.iter(*(qn(f"w:{m}") for m in _COMMENT_MARKERS)))
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
        for marker in root.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd")):
            seen = starts if marker.tag == qn("w:bookmarkStart") else ends
            key = marker.get(qn("w:id"), "")
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
