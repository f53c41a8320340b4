"""Read the depositary's status of a treaty: the UN Treaty Collection (UNTC) status table.

Two forms of the same table are read:

- the XML export (`XXVI-6.en.xml`, declared ISO-8859-1): the column titles are
  `Treaty/Participants/Table/TGroup/Thead/Row/Entry` and each participant is a
  `Treaty/Participants/Table/TGroup/Tbody/Rows/Row` of `Entry` cells; names carry footnote
  markers as escaped `<superscript>1</superscript>` text;
- the status page as a browser saves it (HTML): the "STATUS AS AT : dd-mm-yyyy hh:mm:ss"
  line, the "Signatories : 108. Parties : 112" line, and the table whose id ends in
  `tblgrid`, one `<tr>` a participant, footnote markers in `<sup>`.

The columns are found by their titles and the legend in them ("Approval(AA), Acceptance(A),
Accession(a), Ratification"), never by position. Every cell that cannot be read is a
located problem naming its row and column; the counts of the header are checked against
the rows. Nothing here knows data/: `reportgen.importing` compares the result with it.

A participant that withdrew (Article 20) is read from its row in brackets ("[Lithuania]")
and from a footnote of the page that says it notified its withdrawal: the footnote's first
date is the day of the notification, and the date after "effect" the day it takes effect.
The form of the UN's page after a withdrawal is not confirmed: the header's counts may
count a withdrawn participant or not; which one a file does is said (`Status.count_notes`).
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from lxml import etree, html

from reportgen.core.problems import InputError, Problem
from reportgen.core.reading import Unreadable, read_regular

MAX_SOURCE_BYTES = 8 * 1024 * 1024
"""A source larger than this is refused: the CCM's status page is about 300 kB."""

PUBLISHER = "United Nations Treaty Collection"

Action = Literal[
    "signature",
    "provisional_application",
    "ratification",
    "acceptance",
    "approval",
    "accession",
    "succession",
    "formal_confirmation",
    "withdrawal_notified",
    "withdrawal_effective",
]

# The legend of a column title, word by word: "Accession(a)" means the code `a`.
_ACTIONS_BY_WORD: dict[str, Action] = {
    "signature": "signature",
    "definitive signature": "signature",
    "provisional application": "provisional_application",
    "ratification": "ratification",
    "acceptance": "acceptance",
    "approval": "approval",
    "accession": "accession",
    "succession": "succession",
    "formal confirmation": "formal_confirmation",
}

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS = {
    form.casefold(): number
    for number, name in enumerate(_MONTH_NAMES, start=1)
    for form in (name, name[:3], *(["Sept"] if name == "September" else []))
}
"""The month forms the depositary writes ("Jun", "June", "Sept"), and no others: a misspelt
month ("Junk") is an error, not the month its first letters spell."""
_CELL = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})(?: ([A-Za-z]{1,2}))?")
# Every pattern here runs on text from outside: each is linear in its input. A marker is
# matched up to the next "<" only (its spaces are stripped after), never with a lazy `.*?`
# between two `\s*`, which backtracks in cubic time when the closing tag is missing.
_SUPERSCRIPT = re.compile(r"<superscript>([^<]*)</superscript>", re.IGNORECASE)
_UNCLOSED_SUPERSCRIPT = re.compile(r"</?superscript>", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0]+")
_AS_AT = re.compile(
    r"STATUS\s+AS\s+AT\s*:\s*(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?"
    r"(?:\s+([A-Z]{2,5})\b)?",
    re.IGNORECASE,
)
_AS_AT_WORDS = re.compile(r"STATUS\s+AS\s+AT", re.IGNORECASE)
_NUMBERED_TITLE = re.compile(r"\d{1,3}\s*\.\s+\S.*")
_COUNT = re.compile(r"(Signatories|Parties)\s*(?::\s*)?(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class Column:
    """A column of the status table: its title and what its cells record."""

    title: str
    role: Literal["participant", "signature", "provisional_application", "deposit"]
    codes: dict[str, Action]
    """The codes its legend names (`a` accession), and "" for the action without a code."""


@dataclass(frozen=True)
class Entry:
    """One dated action of a participant, as the depositary records it."""

    action: Action
    day: dt.date
    column: str
    line: int


@dataclass(frozen=True)
class Footnote:
    """A footnote of the page: its mark ("3"), its text and its line."""

    mark: str
    text: str
    line: int


@dataclass(frozen=True)
class WithdrawalNote:
    """What a footnote says of a participant's withdrawal: the day the depositary received it
    and, when the footnote gives it, the day it takes effect."""

    notified: dt.date
    effective: dt.date | None
    footnote: Footnote


@dataclass(frozen=True)
class Participant:
    """One row of the status table."""

    row: int
    line: int
    name: str
    footnotes: tuple[str, ...]
    withdrawn: bool
    """In brackets, or named by a footnote that says it withdrew."""
    signature: Entry | None
    provisional_application: Entry | None
    deposit: Entry | None
    withdrawal: WithdrawalNote | None = None
    bracketed: bool = False
    """Its name or a date of its row is in brackets, as the UN marks a withdrawn participant."""


@dataclass(frozen=True)
class Status:
    """The depositary's status of one treaty, as one file gives it."""

    file: str
    form: Literal["xml", "html"]
    title: str
    as_at: dt.date | None
    as_at_time: str | None
    signatories: int | None
    parties: int | None
    participants: tuple[Participant, ...]
    sha256: str
    count_lines: tuple[int, int] = (1, 1)
    """The lines of the header's counts of Signatories and Parties."""
    as_at_line: int = 1
    """The line of "STATUS AS AT", where the file says it."""
    footnotes: tuple[Footnote, ...] = ()
    count_notes: tuple[str, ...] = ()
    """For each count of the header that a withdrawn participant changes, whether the header
    counts it or leaves it out (the form of the UN's page after a withdrawal is not confirmed)."""

    def counted(self, *, withdrawn: bool = False) -> tuple[int, int]:
        """Signatories and Parties as the rows give them, withdrawn participants left out
        (or counted, `withdrawn`)."""
        listed = [p for p in self.participants if withdrawn or not p.withdrawn]
        return (
            sum(p.signature is not None for p in listed),
            sum(p.deposit is not None for p in listed),
        )


@dataclass
class _Reader:
    """What reading one file found: its display name and every problem so far."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, max(line, 1), 1, where, message))


def read_status(path: Path, *, treaty: str, display: str | None = None) -> Status:
    """The status table of `path` (XML export or saved HTML page) of the treaty `treaty`.

    Raises InputError with every problem: a file that is not one of the two forms, a page
    of another treaty, a cell that cannot be read, header counts that disagree with the rows.
    """
    name = display or str(path)
    reader = _Reader(name)
    data = _read_bounded(path, name)
    if not data.strip():
        raise InputError([Problem(name, 1, 1, "file", "is empty")])
    status = _read_xml(reader, data) if _is_xml(data) else _read_html(reader, data)
    if status is not None and not status.participants and not reader.problems:
        # header counts of 0 would agree with it, and every date of the data would go
        reader.problem(1, "table", "has no participants: the file is cut or is not the status")
    if status is not None:
        status = _with_withdrawals(status)
        unreadable = bool(reader.problems)  # rows left out: the counts cannot agree
        _check_treaty(reader, status, treaty)
        if not unreadable:
            status = _check_counts(reader, status)
    if reader.problems or status is None:
        raise InputError(reader.problems)
    return status


def _read_bounded(path: Path, name: str) -> bytes:
    """The bytes of `path`, a regular file of at most MAX_SOURCE_BYTES; InputError otherwise.

    The size is what reading gives, not what stat() says: a device (/dev/zero) or a pipe
    has no size and never ends, so it is refused before it is read, and a file is read only
    up to one byte past the limit.
    """
    try:
        data = read_regular(path, MAX_SOURCE_BYTES)
    except Unreadable as unread:
        if unread.why == "special":
            reason = (
                "is not a regular file (a device, a pipe or a socket); save the status to a "
                "file and give its path"
            )
            raise InputError([Problem(name, 1, 1, "file", reason)]) from None
        reason = {"missing": "is missing", "folder": "is a folder, not a file"}.get(
            unread.why, f"cannot be read ({unread.detail})"
        )
        raise InputError([Problem.about(name, "file", reason)]) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise InputError(
            [Problem(name, 1, 1, "file", f"is over {MAX_SOURCE_BYTES} bytes: refused")]
        )
    return data


_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_DECLARED = re.compile(rb"\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._-]{1,40})")
_SINGLE_BYTE = {"iso8859-1", "iso8859-15", "cp1252"}
"""Encodings of one byte a character: any bytes decode, so UTF-8 read as one of them gives
two wrong letters for each accented one ("Côte d'Ivoire" garbled) rather than an error."""


def _is_xml(data: bytes) -> bool:
    """Whether `data` opens with an XML declaration, after a byte-order mark if any."""
    head = data[:4096]
    if head.startswith(_UTF16_BOMS):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.removeprefix(_UTF8_BOM).decode("latin-1")
    text = text.lstrip().lower()
    return text.startswith("<?xml") and "<html" not in text


def _encoding_problem(reader: _Reader, data: bytes) -> bool:
    """Record a problem when the XML's bytes are not in the encoding it declares (the
    export declares ISO-8859-1; an editor may have saved it as UTF-8). True if one was."""
    if data.startswith(_UTF16_BOMS):
        return False  # lxml reads UTF-16 by its mark
    bom = data.startswith(_UTF8_BOM)
    body = data.removeprefix(_UTF8_BOM)
    found = _DECLARED.match(body[:1024])
    if found is None:
        return False
    declared = found.group(1).decode("ascii")
    try:
        single_byte = codecs.lookup(declared).name in _SINGLE_BYTE
    except LookupError:
        reader.problem(1, "file", f"declares the encoding {declared!r}, which is not one")
        return True
    if not single_byte:
        return False
    try:
        body.decode("utf-8")
        utf8 = True
    except UnicodeDecodeError:
        utf8 = False
    first = next((i for i, byte in enumerate(body) if byte > 0x7F), None)
    if bom and not utf8:
        reader.problem(
            1,
            "file",
            f"opens with a UTF-8 byte-order mark but is written in {declared}, as it "
            "declares: the encoding is wrong; remove the mark (its first 3 bytes) or save "
            "the export again",
        )
        return True
    if not bom and utf8 and first is not None:
        line = body[:first].count(b"\n") + 1
        text = body.splitlines()[line - 1].decode("utf-8").strip()
        reader.problem(
            line,
            "file",
            f"declares the encoding {declared} but is written in UTF-8 ({text!r} would read "
            f"{text.encode('utf-8').decode('latin-1')!r}): the encoding is wrong; save the "
            'export again, or change its declaration to encoding="UTF-8"',
        )
        return True
    return False


# --- XML export ------------------------------------------------------------------------


def _read_xml(reader: _Reader, data: bytes) -> Status | None:
    if _encoding_problem(reader, data):
        return None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (1, 1)
        message = str(error.msg or error).split(" (line ")[0]
        reader.problems.append(
            Problem(
                reader.file,
                max(line, 1),
                max(column, 1),
                "file",
                f"is not well-formed XML ({message}); save the export again",
            )
        )
        return None
    treaty = root if root.tag == "Treaty" else root.find("Treaty")
    if treaty is None:
        reader.problem(root.sourceline or 1, "file", "has no Treaty element: not a UNTC export")
        return None
    group = treaty.find("Participants/Table/TGroup")
    if group is None:
        reader.problem(treaty.sourceline or 1, "Treaty", "has no Participants/Table/TGroup")
        return None
    titles = group.findall("Thead/Row/Entry")
    rows = group.findall("Tbody/Rows/Row")
    columns = _columns(reader, [(_text(e), e.sourceline or 1) for e in titles])
    participants: list[Participant] = []
    for number, row in enumerate(rows, start=1):
        cells = [(_text(e), e.sourceline or row.sourceline or 1) for e in row.findall("Entry")]
        found = _participant(reader, columns, number, row.sourceline or 1, cells)
        if found is not None:
            participants.append(found)
    header = [e for e in treaty.iter() if not _inside(e, group)]
    title = next((_text(e) for e in header if e.tag == "Title"), "")
    counts: dict[str, tuple[int, int]] = {}
    for element in header:
        if isinstance(element.tag, str) and element.tag in ("Signatories", "Parties"):
            digits = re.findall(r"\d+", _text(element))
            if digits:
                counts[element.tag.lower()] = (int(digits[-1]), element.sourceline or 1)
    header_text = " ".join(e.text for e in header if isinstance(e.tag, str) and e.text)
    for word, number_text in _COUNT.findall(header_text):  # "Signatories 108", when not nested
        counts.setdefault(word.lower(), (int(number_text), treaty.sourceline or 1))
    as_at_line = _line_of(_AS_AT_WORDS, header)
    footnotes = tuple(_xml_footnotes(header))
    return _status(
        reader,
        "xml",
        data,
        title,
        header_text,
        counts,
        columns,
        participants,
        as_at_line,
        footnotes,
    )


_NOTE_TAGS = frozenset({"endnote", "footnote", "note"})
_LEADING_MARK = re.compile(
    r"\s*(?:<superscript>\s*([0-9]{1,3})\s*</superscript>|([0-9]{1,3})[.)]?\s)"
)


def _xml_footnotes(elements: Any) -> Iterator[Footnote]:
    """The export's footnotes: `<EndNote Number="3">` (or Footnote, Note), or an element of
    those names whose text opens with its mark."""
    for element in elements:
        if not isinstance(element.tag, str) or element.tag.casefold() not in _NOTE_TAGS:
            continue
        text = _text(element)
        mark = element.get("Number") or element.get("number") or element.get("No")
        if mark is None:
            found = _LEADING_MARK.match(text)
            if found is None:
                continue
            mark, text = found.group(1) or found.group(2), text[found.end() :]
        yield Footnote(mark.strip(), _spaced(_SUPERSCRIPT.sub(" ", text)), element.sourceline or 1)


def _line_of(words: re.Pattern[str], elements: Any) -> int:
    """The line of the first element whose own text (or the text after it) has `words`."""
    for element in elements:
        if not isinstance(element.tag, str):
            continue
        for text in (element.text, element.tail):
            if text and words.search(text):
                return int(element.sourceline or 1)
    return 1


def _inside(element: Any, ancestor: Any) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


def _text(element: Any) -> str:
    """An element's text, every descendant's included, with its spaces as written; a
    footnote mark written as an element (`<superscript>3</superscript>`, not escaped text)
    is written back as the escaped text the export uses, so that it is read as a mark."""
    parts = [element.text or ""]
    for child in element:
        if child.tag is etree.Entity:  # never resolved: kept as written, "&x;"
            parts.append(child.text or "")
        elif not isinstance(child.tag, str):  # a comment or processing instruction
            pass
        elif child.tag.casefold() == "superscript":
            parts.append(f"<superscript>{''.join(child.itertext())}</superscript>")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


# --- Saved HTML page -------------------------------------------------------------------


def _read_html(reader: _Reader, data: bytes) -> Status | None:
    try:
        document = html.document_fromstring(data, parser=html.HTMLParser(no_network=True))
    except (etree.ParserError, ValueError) as error:
        reader.problem(1, "file", f"is neither the UNTC XML export nor an HTML page ({error})")
        return None
    table = next(
        iter(document.xpath('//table[substring(@id, string-length(@id) - 6) = "tblgrid"]')), None
    )
    if table is None:
        reader.problem(
            1,
            "file",
            "has no status table (an HTML table whose id ends in 'tblgrid'); save the "
            "treaty's status page from treaties.un.org, or its XML export",
        )
        return None
    rows = [r for r in table.iter("tr")]
    if not rows:
        reader.problem(table.sourceline or 1, "table", "has no rows")
        return None
    columns = _columns(
        reader, [(_html_text(c), c.sourceline or 1) for c in rows[0] if c.tag in ("th", "td")]
    )
    participants: list[Participant] = []
    for number, row in enumerate(rows[1:], start=1):
        cells = [(_html_text(c), c.sourceline or 1) for c in row if c.tag in ("td", "th")]
        found = _participant(reader, columns, number, row.sourceline or 1, cells)
        if found is not None:
            participants.append(found)
    title_cell = next(iter(document.xpath('//*[contains(@id, "tcTreaty")]')), None)
    title = _spaced(_html_text(title_cell)) if title_cell is not None else ""
    if not title:  # a page saved otherwise: the numbered title line before the table
        for text in table.xpath("preceding::text()"):
            if _NUMBERED_TITLE.fullmatch(_spaced(text)):
                title = _spaced(text)
                break
    counts: dict[str, tuple[int, int]] = {}
    status_cell = next(iter(document.xpath('//*[contains(@id, "rptStatus")]')), None)
    if status_cell is not None:
        for word, number_text in _COUNT.findall(_html_text(status_cell)):
            counts[word.lower()] = (int(number_text), status_cell.sourceline or 1)
    body_text = " ".join(t for t in document.itertext() if t.strip())
    as_at_line = _line_of(_AS_AT_WORDS, document.iter())
    footnotes = tuple(_html_footnotes(document, table))
    return _status(
        reader,
        "html",
        data,
        title,
        body_text,
        counts,
        columns,
        participants,
        as_at_line,
        footnotes,
    )


def _html_footnotes(document: Any, table: Any) -> Iterator[Footnote]:
    """The page's footnotes: each element outside the status table that opens with a mark
    (`<p><sup>3</sup> On 6 September 2024, ...</p>`)."""
    for sup in document.iter("sup"):
        parent = sup.getparent()
        if parent is None or _inside(sup, table) or (parent.text or "").strip():
            continue
        children: list[Any] = list(parent)
        if children[0] is not sup:
            continue
        mark = _spaced(sup.text_content())
        if not re.fullmatch(r"[0-9]{1,3}", mark):
            continue
        rest = (_spaced(c.text_content()) + " " + _spaced(c.tail or "") for c in children[1:])
        text = _spaced(sup.tail or "") + " " + " ".join(rest)
        yield Footnote(mark, _spaced(text), parent.sourceline or 1)


def _html_text(element: Any) -> str:
    """A cell's text, with each footnote mark (`<sup>`) written as the XML export writes it."""
    parts: list[str] = []
    if element.text:
        parts.append(element.text)
    for child in element:
        if not isinstance(child.tag, str):  # a comment
            pass
        elif child.tag == "sup":
            parts.append(f"<superscript>{child.text_content()}</superscript>")
        elif child.tag == "br":
            parts.append(" ")
        else:
            parts.append(_html_text(child))
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)


# --- Both forms ------------------------------------------------------------------------


def _spaced(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _columns(reader: _Reader, titles: list[tuple[str, int]]) -> list[Column | None]:
    """What each column records, read from its title and legend."""
    columns: list[Column | None] = []
    for index, (raw, line) in enumerate(titles, start=1):
        title = _spaced(raw)
        where = f"column {index} ({title!r})" if title else f"column {index}"
        if title.casefold().startswith("participant"):
            columns.append(Column(title, "participant", {}))
            continue
        codes: dict[str, Action] = {}
        unknown = []
        for part in re.split(r",|\band\b", title):
            part = part.strip()
            if not part:
                continue
            found = re.fullmatch(r"(.+?)\s*(?:\(\s*([A-Za-z]{1,2})\s*\))?", part)
            word, code = (found.group(1), found.group(2) or "") if found else (part, "")
            action = _ACTIONS_BY_WORD.get(_spaced(word).casefold())
            if action is None:
                unknown.append(word)
            elif code in codes:
                reader.problem(line, where, f"names the code {code!r} twice in its legend")
            else:
                codes[code] = action
        if unknown or not codes:
            reader.problem(
                line,
                where,
                f"is not a column reportgen reads ({', '.join(map(repr, unknown)) or 'no action'}"
                "); it reads signature, provisional application and the instruments of "
                "ratification, acceptance, approval, accession, succession",
            )
            columns.append(None)
            continue
        actions = set(codes.values())
        role: Literal["signature", "provisional_application", "deposit"]
        if actions == {"signature"}:
            role = "signature"
        elif actions == {"provisional_application"}:
            role = "provisional_application"
            codes.setdefault("", "provisional_application")
        else:
            role = "deposit"
        columns.append(Column(title, role, codes))
    roles = [c.role for c in columns if c is not None]
    line = titles[0][1] if titles else 1
    if "participant" not in roles:
        reader.problem(line, "table", "has no 'Participant' column")
    if "deposit" not in roles:
        reader.problem(line, "table", "has no column of instruments (Ratification, Accession...)")
    for kind in ("participant", "signature", "provisional_application", "deposit"):
        if roles.count(kind) > 1:
            reader.problem(line, "table", f"has {roles.count(kind)} columns of {kind}")
    return columns


def _participant(
    reader: _Reader,
    columns: list[Column | None],
    number: int,
    line: int,
    cells: list[tuple[str, int]],
) -> Participant | None:
    """One row of the table, or None (its problems recorded) when it cannot be read."""
    if len(cells) != len(columns):
        reader.problem(
            line,
            f"row {number}",
            f"has {len(cells)} cells where the table has {len(columns)} columns",
        )
        return None
    name, footnotes, withdrawn = "", (), False
    entries: dict[str, Entry] = {}
    before = len(reader.problems)
    unclosed: list[tuple[str, int]] = []
    for column, (raw, cell_line) in zip(columns, cells, strict=True):
        if column is None:
            continue
        marks = tuple(m.strip() for m in _SUPERSCRIPT.findall(raw))
        text = _spaced(_SUPERSCRIPT.sub(" ", raw))
        if _UNCLOSED_SUPERSCRIPT.search(text):
            unclosed.append((column.title, cell_line))
            text = _spaced(_UNCLOSED_SUPERSCRIPT.sub(" ", text))
        if column.role == "participant":
            name, footnotes = text, marks
            if name.startswith("[") and name.endswith("]"):
                name, withdrawn = name[1:-1].strip(), True
            continue
        if not text:
            continue
        if text.startswith("[") and text.endswith("]"):
            text, withdrawn = text[1:-1].strip(), True
        where = f"row {number} ({name or '?'}), column {column.title!r}"
        entry = _entry(reader, column, text, cell_line, where)
        if entry is not None:
            entries[column.role] = entry
    if not name:
        reader.problem(line, f"row {number}", "has no participant's name")
    for title, cell_line in unclosed:
        reader.problem(
            cell_line,
            f"row {number} ({name or '?'}), column {title!r}",
            "has a footnote marker <superscript> that is not closed: the file was cut or edited",
        )
    if len(reader.problems) > before:
        return None
    return Participant(
        row=number,
        line=line,
        name=name,
        footnotes=footnotes,
        withdrawn=withdrawn,
        bracketed=withdrawn,
        signature=entries.get("signature"),
        provisional_application=entries.get("provisional_application"),
        deposit=entries.get("deposit"),
    )


def _entry(reader: _Reader, column: Column, text: str, line: int, where: str) -> Entry | None:
    found = _CELL.fullmatch(text)
    if found is None:
        reader.problem(line, where, f"{text!r} cannot be read as a date such as '3 Dec 2008 a'")
        return None
    day_text, month_text, year_text, code = found.groups()
    code = code or ""
    month = _MONTHS.get(month_text.casefold())
    if month is None:
        reader.problem(line, where, f"{text!r}: {month_text!r} is not a month")
        return None
    try:
        day = dt.date(int(year_text), month, int(day_text))
    except ValueError:
        reader.problem(line, where, f"{text!r} is not a day of the calendar")
        return None
    action = column.codes.get(code)
    if action is None:
        legend = ", ".join(
            f"{k or '(none)'} {v.replace('_', ' ')}" for k, v in column.codes.items()
        )
        reader.problem(
            line,
            where,
            f"{text!r} has the code {code!r}, which the column's legend does not give ({legend})",
        )
        return None
    return Entry(action, day, column.title, line)


def _status(
    reader: _Reader,
    form: Literal["xml", "html"],
    data: bytes,
    title: str,
    header_text: str,
    counts: dict[str, tuple[int, int]],
    columns: list[Column | None],
    participants: list[Participant],
    as_at_line: int = 1,
    footnotes: tuple[Footnote, ...] = (),
) -> Status:
    as_at: dt.date | None = None
    as_at_time: str | None = None
    found = _AS_AT.search(header_text)
    if found is not None:
        day, month, year, time, zone = found.groups()
        try:
            as_at = dt.date(int(year), int(month), int(day))
        except ValueError:
            reader.problem(
                as_at_line, "status as at", f"{found.group(0)!r} is not a day of the calendar"
            )
        as_at_time = " ".join(t for t in (time, zone) if t) or None
    signatories, parties = counts.get("signatories"), counts.get("parties")
    return Status(
        file=reader.file,
        form=form,
        title=_spaced(title),
        as_at=as_at,
        as_at_time=as_at_time,
        signatories=None if signatories is None else signatories[0],
        parties=None if parties is None else parties[0],
        participants=tuple(participants),
        sha256=hashlib.sha256(data).hexdigest(),
        count_lines=(
            1 if signatories is None else signatories[1],
            1 if parties is None else parties[1],
        ),
        as_at_line=as_at_line,
        footnotes=footnotes,
    )


_WITHDRAWAL_WORDS = re.compile(
    r"\bwithdr[ae]w(?:al|s|n)?\s+from\b|\bdenunciation\b|\bdenounce[sd]?\b", re.IGNORECASE
)
"""A footnote about the participant's withdrawal from the treaty ("notified the
Secretary-General of its decision to withdraw from the Convention"), not the withdrawal of a
reservation or a declaration."""
_NOTE_DATE = re.compile(r"\b(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})\b")
_EFFECT = re.compile(r"\beffect", re.IGNORECASE)


def withdrawal_of(note: Footnote) -> WithdrawalNote | None:
    """What a footnote says of a withdrawal: its first date is the day of the notification,
    the first date after the word "effect" the day it takes effect; None when the footnote
    is not about a withdrawal from the treaty or gives no date."""
    if not _WITHDRAWAL_WORDS.search(note.text):
        return None
    dates: list[tuple[int, dt.date]] = []
    for found in _NOTE_DATE.finditer(note.text):
        day, month_text, year = found.groups()
        month = _MONTHS.get(month_text.casefold())
        if month is None:
            continue
        try:
            dates.append((found.start(), dt.date(int(year), month, int(day))))
        except ValueError:
            continue
    if not dates:
        return None
    effect = _EFFECT.search(note.text, dates[0][0])
    effective = None
    if effect is not None:
        effective = next((day for at, day in dates if at > effect.start()), None)
    return WithdrawalNote(dates[0][1], effective, note)


def _with_withdrawals(status: Status) -> Status:
    """Each participant with the withdrawal its footnotes give, if any: a participant whose
    footnote says it withdrew is withdrawn even when its row is not in brackets, unless the
    withdrawal takes effect after the day of the status."""
    notes = {n.mark: n for n in status.footnotes}
    participants = []
    for participant in status.participants:
        found = None
        for mark in participant.footnotes:
            note = notes.get(mark)
            found = found or (withdrawal_of(note) if note is not None else None)
        if found is not None:
            # pending on the day of the status (it says when it "will take effect"): still a
            # Party, counted as one
            pending = (
                found.effective is not None
                and status.as_at is not None
                and found.effective > status.as_at
            )
            participant = dataclasses.replace(
                participant, withdrawn=participant.withdrawn or not pending, withdrawal=found
            )
        participants.append(participant)
    return dataclasses.replace(status, participants=tuple(participants))


def _check_treaty(reader: _Reader, status: Status, treaty: str) -> None:
    """A status of another treaty is refused: its title must be the treaty's name."""
    title = re.sub(r"^\d+\s*\.?\s*", "", status.title)
    wanted = _spaced(treaty).casefold()
    if not title:
        reader.problem(1, "title", f"gives no treaty title; expected {treaty!r}")
    elif title.casefold().rstrip(" .") != wanted:
        reader.problem(
            1,
            "title",
            f"is {status.title!r}, not {treaty!r} (report.yaml convention.name): "
            "this is the status of another treaty",
        )


def _check_counts(reader: _Reader, status: Status) -> Status:
    """The header's counts must be those of the rows: a cut or edited file shows here. A
    count may leave out the withdrawn participants or count them; the status returned says
    which, for each count they change."""
    without = status.counted()
    with_withdrawn = status.counted(withdrawn=True)
    withdrawn = [p.name for p in status.participants if p.withdrawn]
    notes: list[str] = []
    for index, (word, said, line) in enumerate(
        (
            ("Signatories", status.signatories, status.count_lines[0]),
            ("Parties", status.parties, status.count_lines[1]),
        )
    ):
        left_out, counted_in = without[index], with_withdrawn[index]
        what = "a signature" if word == "Signatories" else "an instrument"
        if said is None:
            reader.problem(1, "header", f"gives no count of {word}")
        elif left_out == counted_in:
            if said != left_out:
                reader.problem(
                    line,
                    "header",
                    f"says {word} : {said}, but {left_out} rows give {what}; the file is cut "
                    "or was edited",
                )
        elif said in (left_out, counted_in):
            how = "leaves out" if said == left_out else "counts"
            notes.append(
                f"{status.file}:{line}: header: {word} : {said} {how} the withdrawn "
                f"participant(s) {', '.join(withdrawn)} ({counted_in} rows give {what}, "
                f"{left_out} without them)"
            )
        else:
            reader.problem(
                line,
                "header",
                f"says {word} : {said}, but {counted_in} rows give {what} ({left_out} without "
                f"the withdrawn participant(s) {', '.join(withdrawn)}); the file is cut or was "
                "edited",
            )
    return dataclasses.replace(status, count_notes=tuple(notes))
