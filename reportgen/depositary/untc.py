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
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
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
class Participant:
    """One row of the status table."""

    row: int
    line: int
    name: str
    footnotes: tuple[str, ...]
    withdrawn: bool
    signature: Entry | None
    provisional_application: Entry | None
    deposit: Entry | None


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

    def counted(self) -> tuple[int, int]:
        """Signatories and Parties as the rows give them (withdrawn participants aside)."""
        listed = [p for p in self.participants if not p.withdrawn]
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
        unreadable = bool(reader.problems)  # rows left out: the counts cannot agree
        _check_treaty(reader, status, treaty)
        if not unreadable:
            _check_counts(reader, status)
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
    return _status(
        reader, "xml", data, title, header_text, counts, columns, participants, as_at_line
    )


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
    return _status(
        reader, "html", data, title, body_text, counts, columns, participants, as_at_line
    )


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
    )


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


def _check_counts(reader: _Reader, status: Status) -> None:
    """The header's counts must be those of the rows: a cut or edited file shows here."""
    signatories, parties = status.counted()
    for word, said, found, line in (
        ("Signatories", status.signatories, signatories, status.count_lines[0]),
        ("Parties", status.parties, parties, status.count_lines[1]),
    ):
        if said is None:
            reader.problem(1, "header", f"gives no count of {word}")
        elif said != found:
            reader.problem(
                line,
                "header",
                f"says {word} : {said}, but {found} rows give "
                + ("a signature" if word == "Signatories" else "an instrument")
                + "; the file is cut or was edited",
            )
