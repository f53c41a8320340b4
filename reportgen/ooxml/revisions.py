"""The Word layer of a redline: what reportgen does around the comparison engine.

The engine (docxodus) compares words. Left alone, it reads a table as one stream of words,
so that a two-column list reflowed by one more name comes out as splices across cells
("[inserted: Czech][deleted: Dominican] Republic"), and it shows a changed chart twice, the
new one inserted and the old one deleted, which LibreOffice prints as two charts. So:

- `set_tables_aside` replaces each table of both documents by a paragraph holding a token
  (paired tables, by position and shape, share theirs) before the engine runs;
  `put_tables_back` puts each table back in the engine's output, compared by reportgen
  cell by cell: rows aligned by their text, then each changed cell shown as its old
  content deleted and its new content inserted, whole. A table holding anything but text
  (a picture, a note, a field, a link, a nested table) is left to the engine.
- `show_changed_charts_once` keeps, of a chart the engine shows deleted and inserted, only
  the new one, as an insertion: a chart is not text, and Word's revisions cannot say "the
  same chart with other data"; accepting keeps it, rejecting removes it.
- `complete_row_properties` gives a row marked inserted or deleted the row property that
  the schema requires before the mark (ECMA-376 Part 1, 17.4.82 CT_TrPr: a choice of at
  least one of cnfStyle ... jc precedes ins and del). The engine writes `<w:trPr><w:ins/>`
  alone; openxml-audit (Open XML SDK's schema) reports each such row.
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass, field

from lxml import etree

from reportgen.ooxml.xml import NS, R_NS, W_NS, parse, qn, serialise

_TOKEN = "reportgenTable"
_TOKEN_RE = re.compile(rf"{_TOKEN}(\d+)([PON])")

# What a cell may hold for reportgen to compare it: text and its formatting. Inside a
# property element (tcPr, pPr, rPr...) anything goes.
_TEXT_ONLY = frozenset(
    {
        "tr", "trPr", "tblPrEx", "tc", "tcPr", "p", "pPr", "r", "rPr", "t", "tab", "br", "cr",
        "noBreakHyphen", "softHyphen", "bookmarkStart", "bookmarkEnd", "proofErr",
        "lastRenderedPageBreak",
    }
)  # fmt: skip
_PROPERTIES = frozenset({"trPr", "tblPrEx", "tcPr", "pPr", "rPr"})
_ROW_BASE = frozenset(
    {
        "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "trHeight",
        "hidden", "cantSplit", "tblHeader", "tblCellSpacing", "jc",
    }
)  # fmt: skip
_REVISION_MARKS = ("ins", "del", "trPrChange")


@dataclass(frozen=True)
class Revision:
    """Who made the changes, and when (w:author, w:date)."""

    author: str
    date: str
    ids: list[int] = field(default_factory=lambda: [0])

    def mark(self, kind: str) -> etree._Element:
        """A new w:ins or w:del element with the next free w:id."""
        self.ids[0] += 1
        element = etree.Element(qn(f"w:{kind}"))
        element.set(qn("w:id"), str(self.ids[0]))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        return element


@dataclass(frozen=True)
class SetAside:
    """The tables taken out of both documents, by token."""

    old: dict[str, etree._Element]
    new: dict[str, etree._Element]


def _body(root: etree._Element) -> etree._Element | None:
    return root.find(qn("w:body"))


def _top_tables(root: etree._Element) -> list[etree._Element]:
    """The tables of the body that are not inside another table or a paragraph."""
    body = _body(root)
    if body is None:
        return []
    found = []
    for table in body.iter(qn("w:tbl")):
        outer = [a for a in table.iterancestors() if a.tag in (qn("w:tbl"), qn("w:p"))]
        if not outer:
            found.append(table)
    return found


def _text_only(table: etree._Element) -> bool:
    """Whether the table holds only rows of cells of formatted text (see _TEXT_ONLY)."""
    for row in table:
        if row.tag in (qn("w:tblPr"), qn("w:tblGrid")):
            continue
        stack = [row]
        while stack:
            element = stack.pop()
            if not isinstance(element.tag, str):
                continue
            name = etree.QName(element)
            if name.namespace != W_NS or name.localname not in _TEXT_ONLY:
                return False
            if any(attribute.startswith(f"{{{R_NS}}}") for attribute in element.attrib):
                return False
            if name.localname not in _PROPERTIES:
                stack.extend(element)
    return True


def _shape(table: etree._Element) -> tuple[int, str]:
    """What pairs a table of the old document with one of the new: its number of columns
    and its style."""
    columns = len(table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    style = table.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    return columns, "" if style is None else style.get(qn("w:val"), "")


def _placeholder(token: str) -> etree._Element:
    paragraph = etree.Element(qn("w:p"))
    run = etree.SubElement(paragraph, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = token
    return paragraph


def set_tables_aside(old: bytes, new: bytes) -> tuple[bytes, bytes, SetAside]:
    """The two main document parts with each table that holds only text replaced by a
    token paragraph, and the tables set aside. Unchanged parts when either already holds
    the token's text."""
    if _TOKEN.encode() in old or _TOKEN.encode() in new:
        return old, new, SetAside({}, {})
    try:
        old_root, new_root = parse(old), parse(new)
    except etree.XMLSyntaxError:  # the engine says what it cannot read, in its words
        return old, new, SetAside({}, {})
    old_tables, new_tables = _top_tables(old_root), _top_tables(new_root)
    matcher = difflib.SequenceMatcher(
        None, [_shape(t) for t in old_tables], [_shape(t) for t in new_tables], autojunk=False
    )
    tokens_old: dict[int, str] = {}
    tokens_new: dict[int, str] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            tokens_old[block.a + k] = tokens_new[block.b + k] = f"{_TOKEN}{block.b + k}P"
    aside = SetAside({}, {})
    for tables, tokens, kept, lone in (
        (old_tables, tokens_old, aside.old, "O"),
        (new_tables, tokens_new, aside.new, "N"),
    ):
        for index, table in enumerate(tables):
            token = tokens.get(index, f"{_TOKEN}{index}{lone}")
            kept[token] = table
    # A pair is set aside only when both tables hold only text; a lone table when it does.
    for token in list(aside.old) + list(aside.new):
        tables = [t for t in (aside.old.get(token), aside.new.get(token)) if t is not None]
        if not all(_text_only(t) for t in tables):
            aside.old.pop(token, None)
            aside.new.pop(token, None)
    for kept in (aside.old, aside.new):
        for token, table in kept.items():
            table.addprevious(_placeholder(token))
            table.getparent().remove(table)
    return serialise(old_root), serialise(new_root), aside


# --- Putting the tables back, compared cell by cell -----------------------------------------


def _text(element: etree._Element) -> str:
    return "".join(
        t.text or "" for t in element.iter(qn("w:t"), qn("w:delText"), qn("w:tab"), qn("w:br"))
    )


def _cells(row: etree._Element) -> list[etree._Element]:
    cells: list[etree._Element] = row.findall(qn("w:tc"))
    return cells


def _canonical(element: etree._Element) -> bytes:
    """The content of a cell or row, without the attributes Word adds on each save."""
    clone = copy.deepcopy(element)
    for node in clone.iter():
        for name in [a for a in node.attrib if "rsid" in a]:
            del node.attrib[name]
    return bytes(etree.tostring(clone, method="c14n"))


def _revise_runs(paragraph: etree._Element, kind: str, revision: Revision) -> None:
    """Wrap the runs of `paragraph` in w:ins or w:del, one for each stretch of runs next to
    each other (one change per cell for Word to list); a deleted run's text is w:delText."""
    mark: etree._Element | None = None
    for child in list(paragraph):
        if child.tag != qn("w:r"):
            mark = None
            continue
        if kind == "del":
            for text in child.iter(qn("w:t")):
                text.tag = qn("w:delText")
        if mark is None:
            mark = revision.mark(kind)
            child.addprevious(mark)
        mark.append(child)


def _mark_paragraph(paragraph: etree._Element, kind: str, revision: Revision) -> None:
    """Mark the paragraph mark of `paragraph` inserted or deleted (pPr/rPr/w:ins|w:del)."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = etree.Element(qn("w:pPr"))
        paragraph.insert(0, properties)
    marks = properties.find(qn("w:rPr"))
    if marks is None:
        marks = etree.Element(qn("w:rPr"))
        successors = [properties.find(qn(f"w:{n}")) for n in ("sectPr", "pPrChange")]
        following = next((s for s in successors if s is not None), None)
        if following is None:
            properties.append(marks)
        else:
            following.addprevious(marks)
    position = 1 if kind == "del" and marks.find(qn("w:ins")) is not None else 0
    marks.insert(position, revision.mark(kind))


def _revise_row(row: etree._Element, kind: str, revision: Revision) -> etree._Element:
    """A copy of `row` marked inserted or deleted as a whole."""
    row = copy.deepcopy(row)
    properties = row.find(qn("w:trPr"))
    if properties is None:
        properties = etree.Element(qn("w:trPr"))
        exception = row.find(qn("w:tblPrEx"))
        row.insert(0 if exception is None else 1, properties)
    following = next((c for c in properties if etree.QName(c).localname in _REVISION_MARKS), None)
    if following is None:
        properties.append(revision.mark(kind))
    else:
        following.addprevious(revision.mark(kind))
    _complete(properties)
    for paragraph in row.iter(qn("w:p")):
        _revise_runs(paragraph, kind, revision)
        _mark_paragraph(paragraph, kind, revision)
    return row


def _replace_cell(old: etree._Element, new: etree._Element, revision: Revision) -> etree._Element:
    """`new` cell whose content is the old content deleted and the new inserted, whole:
    accepting gives the new cell's paragraphs, rejecting the old cell's text."""
    cell = copy.deepcopy(new)
    old_paragraphs = [copy.deepcopy(p) for p in old.findall(qn("w:p"))]
    new_paragraphs = cell.findall(qn("w:p"))
    for paragraph in new_paragraphs:
        cell.remove(paragraph)
    for paragraph in old_paragraphs[:-1]:
        _revise_runs(paragraph, "del", revision)
        _mark_paragraph(paragraph, "del", revision)
        cell.append(paragraph)
    for paragraph in new_paragraphs[:-1]:
        _revise_runs(paragraph, "ins", revision)
        _mark_paragraph(paragraph, "ins", revision)
        cell.append(paragraph)
    last = new_paragraphs[-1] if new_paragraphs else etree.Element(qn("w:p"))
    if old_paragraphs:
        deleted = old_paragraphs[-1]
        _revise_runs(deleted, "del", revision)
        _revise_runs(last, "ins", revision)
        anchor = last.find(qn("w:pPr"))
        content = [c for c in deleted if c.tag != qn("w:pPr")]
        for position, element in enumerate(content):
            last.insert(position + (0 if anchor is None else 1), element)
    else:
        _revise_runs(last, "ins", revision)
    cell.append(last)
    return cell


def _compare_rows(
    old: etree._Element, new: etree._Element, revision: Revision
) -> list[etree._Element]:
    """The new row with each changed cell replaced whole; rows of another number of cells
    are the old row deleted and the new one inserted."""
    old_cells, new_cells = _cells(old), _cells(new)
    if len(old_cells) != len(new_cells):
        return [_revise_row(old, "del", revision), _revise_row(new, "ins", revision)]
    row = copy.deepcopy(new)
    for was, now, cell in zip(old_cells, new_cells, _cells(row), strict=True):
        if _canonical(was) != _canonical(now):
            cell.addprevious(_replace_cell(was, now, revision))
            row.remove(cell)
    return [row]


def compare_tables(old: etree._Element, new: etree._Element, revision: Revision) -> etree._Element:
    """The new table, with the changes from the old one as revisions, cell by cell.

    Rows are aligned by their text (difflib, no junk): a row only in the new table is
    inserted, one only in the old deleted; where rows differ they are paired in order and
    each changed cell shows its old content deleted and its new content inserted.
    """
    table = copy.deepcopy(new)
    old_rows, new_rows = old.findall(qn("w:tr")), table.findall(qn("w:tr"))
    for row in new_rows:
        table.remove(row)
    keys_old = [[_text(c) for c in _cells(r)] for r in old_rows]
    keys_new = [[_text(c) for c in _cells(r)] for r in new_rows]
    matcher = difflib.SequenceMatcher(
        None, ["\x1f".join(k) for k in keys_old], ["\x1f".join(k) for k in keys_new],
        autojunk=False,
    )  # fmt: skip
    rows: list[etree._Element] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        paired = min(i2 - i1, j2 - j1) if tag in ("equal", "replace") else 0
        for k in range(paired):
            rows += _compare_rows(old_rows[i1 + k], new_rows[j1 + k], revision)
        rows += [_revise_row(r, "del", revision) for r in old_rows[i1 + paired : i2]]
        rows += [_revise_row(r, "ins", revision) for r in new_rows[j1 + paired : j2]]
    table.extend(rows)
    return table


def _revised_table(table: etree._Element, kind: str, revision: Revision) -> etree._Element:
    table = copy.deepcopy(table)
    for row in table.findall(qn("w:tr")):
        row.addprevious(_revise_row(row, kind, revision))
        table.remove(row)
    return table


def put_tables_back(document: bytes, aside: SetAside, revision: Revision) -> bytes:
    """The engine's output with each token paragraph replaced by its table(s): a pair
    compared cell by cell, a table of one document only inserted or deleted whole."""
    if not aside.old and not aside.new:
        return document
    root = parse(document)
    _reserve_ids(root, revision)
    shown: set[str] = set()
    for paragraph in list(root.iter(qn("w:p"))):
        tokens = [
            (match.group(0), _status(text))
            for text in _texts(paragraph)
            for match in _TOKEN_RE.finditer(text.text or "")
        ]
        if not tokens:
            continue
        tables = []
        for token, status in tokens:
            old, new = aside.old.get(token), aside.new.get(token)
            if old is not None and new is not None:
                if status == "del" or token in shown:
                    continue  # a pair the engine moved: shown once, where it now stands
                tables.append(compare_tables(old, new, revision))
            elif new is not None:
                tables.append(_revised_table(new, "ins", revision))
            elif old is not None:
                tables.append(_revised_table(old, "del", revision))
            shown.add(token)
        for position, table in enumerate(tables):
            if position:
                paragraph.addprevious(etree.Element(qn("w:p")))  # Word would join the two
            paragraph.addprevious(table)
        _drop_tokens(paragraph)
    return serialise(root)


def _texts(paragraph: etree._Element) -> list[etree._Element]:
    found: list[etree._Element] = list(paragraph.iter(qn("w:t"), qn("w:delText")))
    return found


def _status(text: etree._Element) -> str:
    for ancestor in text.iterancestors():
        name = etree.QName(ancestor).localname
        if name in ("ins", "moveTo"):
            return "ins"
        if name in ("del", "moveFrom"):
            return "del"
        if name == "p":
            break
    return ""


def _drop_tokens(paragraph: etree._Element) -> None:
    """Remove the token paragraph, or only its tokens when the engine joined other text
    to it."""
    for text in _texts(paragraph):
        text.text = _TOKEN_RE.sub("", text.text or "")
    if not _text(paragraph).strip() and paragraph.find(f".//{qn('w:drawing')}") is None:
        parent = paragraph.getparent()
        if parent is not None:
            parent.remove(paragraph)


def _reserve_ids(root: etree._Element, revision: Revision) -> None:
    """Start the new revisions' w:id after every id the engine used."""
    used = [0]
    for element in root.iter():
        value = element.get(qn("w:id")) if isinstance(element.tag, str) else None
        if value is not None and value.lstrip("-").isdigit():
            used.append(int(value))
    revision.ids[0] = max(revision.ids[0], *used)


# --- Charts, and row properties --------------------------------------------------------------


@dataclass(frozen=True)
class ChangedChart:
    """A chart shown once: its comment's id, and its description before and after."""

    comment: int
    before: str
    after: str


def show_changed_charts_once(document: bytes) -> tuple[bytes, list[str], list[ChangedChart]]:
    """The engine's output where a chart shown deleted beside its new version (the same
    drawing name in the same paragraph) is removed, the new one, inserted, carrying a
    comment; the relationship ids of the removed charts, which the package no longer
    needs; and the changed charts, for the comments part (`comments_part`)."""
    root = parse(document)
    removed: list[str] = []
    changed: list[ChangedChart] = []
    for paragraph in root.iter(qn("w:p")):
        inserted = {_chart_name(d): d for d in _charts_in(paragraph, "ins")}
        for drawing in _charts_in(paragraph, "del"):
            new = inserted.get(_chart_name(drawing))
            run = drawing.getparent()
            deletion = None if run is None else run.getparent()
            if new is None or run is None or deletion is None:
                continue
            chart = drawing.find(f".//{qn('c:chart')}")
            if chart is not None and chart.get(qn("r:id")):
                removed.append(chart.get(qn("r:id"), ""))
            deletion.remove(run)
            if len(deletion) == 0 and deletion.getparent() is not None:
                deletion.getparent().remove(deletion)
            note = ChangedChart(len(changed), _description(drawing), _description(new))
            changed.append(note)
            _anchor_comment(new, note.comment)
    return (serialise(root) if removed else document), removed, changed


def _description(drawing: etree._Element) -> str:
    properties = drawing.find(f".//{qn('wp:docPr')}")
    if properties is None:
        return ""
    described: str = properties.get("descr") or properties.get("title") or ""
    return described


def _anchor_comment(drawing: etree._Element, comment: int) -> None:
    """Anchor comment `comment` on the insertion that holds `drawing`."""
    insertion = drawing.getparent().getparent()  # w:drawing < w:r < w:ins
    start, end = etree.Element(qn("w:commentRangeStart")), etree.Element(qn("w:commentRangeEnd"))
    reference = etree.Element(qn("w:r"))
    etree.SubElement(reference, qn("w:commentReference"))
    for element in (start, end, reference[0]):
        element.set(qn("w:id"), str(comment))
    insertion.addprevious(start)
    insertion.addnext(end)
    end.addnext(reference)


COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_RELATIONSHIP = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
)


def comments_part(changed: list[ChangedChart], revision: Revision) -> bytes:
    """The comments on the changed charts: the description before, struck through, then
    the description now. Descriptions are the charts' alternative texts, written in the
    report's language, so the comments need no words of their own."""
    root = etree.Element(qn("w:comments"), nsmap={"w": W_NS})
    for chart in changed:
        comment = etree.SubElement(root, qn("w:comment"))
        comment.set(qn("w:id"), str(chart.comment))
        comment.set(qn("w:author"), revision.author)
        comment.set(qn("w:date"), revision.date)
        for position, (text, struck) in enumerate(((chart.before, True), (chart.after, False))):
            paragraph = etree.SubElement(comment, qn("w:p"))
            if position == 0:
                etree.SubElement(etree.SubElement(paragraph, qn("w:r")), qn("w:annotationRef"))
            run = etree.SubElement(paragraph, qn("w:r"))
            if struck:
                etree.SubElement(etree.SubElement(run, qn("w:rPr")), qn("w:strike"))
            words = etree.SubElement(run, qn("w:t"))
            words.text = text
            words.set(qn("xml:space"), "preserve")
    return serialise(root)


def _charts_in(paragraph: etree._Element, kind: str) -> list[etree._Element]:
    return [
        drawing
        for drawing in paragraph.iterfind(f"{qn(f'w:{kind}')}/{qn('w:r')}/{qn('w:drawing')}")
        if drawing.find(f".//{qn('c:chart')}") is not None
    ]


def _chart_name(drawing: etree._Element) -> tuple[str, str]:
    properties = drawing.find(f".//{qn('wp:docPr')}")
    if properties is None:
        return "", ""
    return properties.get("name", ""), properties.get("title", "")


def relink(relationships: bytes, dropped: list[str], added: dict[str, str]) -> bytes:
    """A relationship part without the relationships `dropped`, and with one to each
    target of `added` (target: type) that it does not have yet."""
    if not dropped and not added:
        return relationships
    root = parse(relationships, huge_tree=False)
    for relationship in list(root):
        if relationship.get("Id") in dropped:
            root.remove(relationship)
    ids = {r.get("Id") for r in root}
    targets = {r.get("Target", "").lstrip("/").removeprefix("word/") for r in root}
    for target, kind in added.items():
        if target in targets:
            continue
        number = 1 + len(ids)
        while f"rId{number}" in ids:
            number += 1
        ids.add(f"rId{number}")
        link = etree.SubElement(root, f"{{{NS['pr']}}}Relationship")
        link.set("Id", f"rId{number}")
        link.set("Type", kind)
        link.set("Target", target)
    return serialise(root)


def with_content_type(types: bytes, part: str, kind: str) -> bytes:
    """[Content_Types].xml with an Override giving `part` (/word/comments.xml) `kind`."""
    root = parse(types, huge_tree=False)
    for override in root.iter(f"{{{NS['ct']}}}Override"):
        if override.get("PartName") == part:
            override.set("ContentType", kind)
            return serialise(root)
    override = etree.SubElement(root, f"{{{NS['ct']}}}Override")
    override.set("PartName", part)
    override.set("ContentType", kind)
    return serialise(root)


def complete_row_properties(document: bytes) -> bytes:
    """Give each w:trPr that holds only revision marks the neutral property the schema
    requires before them: w:wBefore of 0, the width every row has before its first cell
    when nothing says otherwise (ECMA-376 Part 1, 17.4.86)."""
    root = parse(document)
    changed = False
    for properties in root.iter(qn("w:trPr")):
        changed |= _complete(properties)
    return serialise(root) if changed else document


def _complete(properties: etree._Element) -> bool:
    if any(etree.QName(c).localname in _ROW_BASE for c in properties if isinstance(c.tag, str)):
        return False
    neutral = etree.Element(qn("w:wBefore"))
    neutral.set(qn("w:w"), "0")
    neutral.set(qn("w:type"), "dxa")
    properties.insert(0, neutral)
    return True
