"""A template as its editors see it: each `w:p` of the body, headers, footers and notes,
located as a reader finds it again, with its tracked changes (`w:ins`, `w:del`...) and the
comments (`w:comments`) anchored to it.

`read_paragraphs` is what the template check reads; `WordParts` and `read_comments` are
shared with the text rendition, which reads the same parts.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lxml import etree

from reportgen.core.errors import ReportgenError
from reportgen.ooxml.xml import MalformedXML, parse_strictly, qn

_P, _TR, _TC, _TBL = qn("w:p"), qn("w:tr"), qn("w:tc"), qn("w:tbl")
_MC_FALLBACK = qn("mc:Fallback")
_NOTES = (qn("w:footnote"), qn("w:endnote"))


def _is_separator(element: etree._Element) -> bool:
    """Whether `element` is one of the notes that only draw the line above the notes."""
    return element.tag in _NOTES and element.get(qn("w:type")) not in (None, "normal")


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
_REVISION_TAGS = {qn(f"w:{name}") for name in _REVISIONS}


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
        parts = WordParts(package)
        comments: dict[str, Comment] = {}
        for name in parts.comments:
            comments.update(read_comments(parts.read(name)))
        paragraphs = []
        anchored: set[str] = set()
        for shown, name in parts.text_parts:
            root = parts.read(name)
            if root is not None:
                paragraphs += _paragraphs(shown, name, root, comments, anchored)
    unanchored = tuple(c for k, c in comments.items() if k not in anchored)
    return WordDocument(tuple(paragraphs), unanchored)


class WordParts:
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
        """The root of part `name`, None if the package lacks it; UnreadablePackage if it
        is not well-formed."""
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
    for reference in body.iter(qn("w:headerReference"), qn("w:footerReference")):
        kinds[reference.get(qn("r:id"), "")] = _HEADER_KINDS.get(
            reference.get(qn("w:type"), "default"), ""
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


def read_comments(root: etree._Element | None) -> dict[str, Comment]:
    """The comments of a comments part, by id."""
    if root is None:
        return {}
    return {
        comment.get(qn("w:id"), ""): Comment(
            author=comment.get(qn("w:author"), ""),
            date=comment.get(qn("w:date"), ""),
            text=" ".join(
                " ".join(_shown_text(p).split()) for p in comment.iter(_P) if _shown_text(p).strip()
            ),
        )
        for comment in root.iter(qn("w:comment"))
    }


def _own(node: etree._Element, paragraph: etree._Element) -> bool:
    """Whether `node` belongs to `paragraph` itself, not to one nested in it (a text box)."""
    return next(node.iterancestors(_P), None) is paragraph


_SHOWN = (qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen"))
# What holds runs inside a paragraph: a tag whose runs sit in two of them cannot be joined.
# (Tracked changes hold runs too, but a template holding them is refused anyway.)
_RUN_HOLDERS = {
    qn(f"w:{name}")
    for name in ("hyperlink", "sdtContent", "smartTag", "customXml", "fldSimple", "p")
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
        f.get(qn("w:instr"), "") for f in paragraph.iter(qn("w:fldSimple")) if _own(f, paragraph)
    ]
    complex_ = "".join(
        t.text or "" for t in paragraph.iter(qn("w:instrText")) if _own(t, paragraph)
    )
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
        author=element.get(qn("w:author"), ""),
        date=element.get(qn("w:date"), ""),
        text="".join(t.text or "" for t in element.iter(qn(f"w:{text_tag}"))),
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
    starts = {c.get(qn("w:id")): c for c in root.iter(qn("w:commentRangeStart"))}
    for reference in root.iter(qn("w:commentReference")):
        starts.setdefault(reference.get(qn("w:id")), reference)
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
