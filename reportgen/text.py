"""A stable plain-text rendition of any .docx, for golden tests, reviews and `git diff`.

One paragraph per line, in document order:

    [header] MINISTRY OF FOREIGN AFFAIRS     header and footer paragraphs
    [Heading1] I. Latest figures             a paragraph style other than Normal / lists
    - 5 from Africa                          List Bullet
    i) the benefits ...                      numbered lists, with Word's number
    | **Andorra** | Iraq |                   a table row; **bold**, *italic*
    Category I: 23 States[^1]                a footnote reference, numbered as Word shows it
    [^1]: Angola, Brunei Darussalam, ...     the footnotes, at the end

Text is extracted with docx2python; the rendition is a pure function of the document, so
two builds of the same inputs give the same text on any machine.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable
from pathlib import Path

from docx2python import docx2python

_FOOTNOTE_REFERENCE = re.compile(r"----footnote(-?\d+)----")
_FOOTNOTE_LABEL = re.compile(r"^footnote(-?\d+)\)\s*")
_PLAIN_STYLES = {"", "Normal", "BodyText", "TableText", "Header", "Footer", "FootnoteText"}
_LIST_STYLES = {"ListBullet": "- ", "ListBullet2": "  - ", "ListBullet3": "    - "}
_MARKS = {"b": "**", "i": "*"}


class _Notes:
    """Numbers footnotes in the order the text first refers to them, as Word does."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def number(self, match: re.Match[str]) -> str:
        note_id = match.group(1)
        number = self.numbers.setdefault(note_id, len(self.numbers) + 1)
        return f"[^{number}]"


def rendition(source: Path | bytes | str) -> str:
    """The text rendition of a .docx given as a path or as bytes."""
    opened = io.BytesIO(source) if isinstance(source, bytes) else str(source)
    notes = _Notes()
    with docx2python(opened, html=True) as content:
        properties = content.core_properties
        header = [f"[header] {t}" for t in _plain_lines(content.header_pars, notes)]
        body = list(_body_lines(content.body_pars, notes))
        footer = [f"[footer] {t}" for t in _plain_lines(content.footer_pars, notes)]
        texts = _footnote_texts(content.footnotes_pars, notes)
    lines = [
        f"[properties] title: {properties.get('title') or ''}",
        f"[properties] author: {properties.get('creator') or ''}",
        *header,
        *footer,
        "",
        *body,
    ]
    if notes.numbers:
        lines.append("")
        for note_id, number in sorted(notes.numbers.items(), key=lambda item: item[1]):
            lines.append(f"[^{number}]: {texts.get(note_id, '(missing footnote ' + note_id + ')')}")
    return "\n".join(_squeeze(lines)).strip("\n") + "\n"


def _body_lines(tables: list, notes: _Notes) -> Iterable[str]:  # type: ignore[type-arg]
    for table in tables:
        if _is_table(table):
            yield ""
            for row in table:
                cells = [" ".join(t for t in (_text(p, notes) for p in cell) if t) for cell in row]
                yield "| " + " | ".join(cells) + " |"
            yield ""
            continue
        for row in table:
            for cell in row:
                for paragraph in cell:
                    line = _paragraph(paragraph, notes)
                    if line is None:
                        continue
                    if line.startswith("[Heading") or line.startswith("[Title"):
                        yield ""
                    yield line


def _is_table(table: list) -> bool:  # type: ignore[type-arg]
    for row in table:
        for cell in row:
            for paragraph in cell:
                return "tbl" in paragraph.lineage
    return False


def _paragraph(paragraph: object, notes: _Notes) -> str | None:
    text = _text(paragraph, notes)
    if not text:
        return None
    style = getattr(paragraph, "style", "") or ""
    if style in _LIST_STYLES:
        return _LIST_STYLES[style] + text
    if style in _PLAIN_STYLES or style.startswith("ListNumber"):
        return text
    return f"[{style}] {text}"


def _text(paragraph: object, notes: _Notes) -> str:
    """A paragraph's runs, with bold and italic marked and footnote references numbered."""
    pieces = []
    for run in getattr(paragraph, "runs", []):
        text = html.unescape(run.text)
        if not text:
            continue
        marks = "".join(_MARKS[s] for s in run.html_style if s in _MARKS)
        if marks and text.strip():
            lead, core, trail = _split_space(text)
            text = f"{lead}{marks}{core}{marks[::-1]}{trail}"
        pieces.append(text)
    joined = "".join(pieces).replace("\t", " ")
    joined = _FOOTNOTE_REFERENCE.sub(notes.number, joined)
    return " ".join(joined.split())


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return lead, core, trail


def _plain_lines(tables: list, notes: _Notes) -> list[str]:  # type: ignore[type-arg]
    lines = []
    for table in tables:
        for row in table:
            for cell in row:
                for paragraph in cell:
                    text = _text(paragraph, notes)
                    if text:
                        lines.append(text)
    return lines


def _footnote_texts(tables: list, notes: _Notes) -> dict[str, str]:  # type: ignore[type-arg]
    texts: dict[str, str] = {}
    current: str | None = None
    for text in _plain_lines(tables, _Notes()):
        label = _FOOTNOTE_LABEL.match(text)
        if label:
            current = label.group(1)
            text = text[label.end() :]
        if current is not None and text:
            texts[current] = f"{texts[current]} {text}" if current in texts else text
    return texts


def _squeeze(lines: list[str]) -> list[str]:
    """No more than one blank line in a row."""
    out: list[str] = []
    for line in lines:
        if line == "" and out and out[-1] == "":
            continue
        out.append(line)
    return out
