"""A stable plain-text rendition of any .docx, for golden tests, reviews and `git diff`.

One paragraph per line, in document order:

    [header] MINISTRY OF FOREIGN AFFAIRS     header and footer paragraphs
    [footer] {PAGE}                          a field, as its instruction
    [Heading1] I. Latest figures             a paragraph style other than Normal / lists
    - 5 from Africa                          a bullet, however the list is stored
    i) the benefits ...                      numbered lists, with Word's number
    | **Andorra** | Iraq |                   a table row; **bold**, *italic*
    Category I: 23 States[^1]                a footnote reference, numbered as Word shows it
    See [the site](https://example.org)      a hyperlink
    ![Bar chart: new States Parties by region]   a picture, by its alternative text
    [^1]: Angola, Brunei Darussalam, ...     the footnotes, at the end
    [^i]: ...                                then the endnotes

Notes are numbered as Word and LibreOffice display them: in the order the text first refers
to them, 1, 2, 3 for footnotes and i, ii, iii for endnotes (Word's default formats), never
by their raw XML ids; a note's text is the note whose id the reference names
(ECMA-376 Part 1, 17.11.14). Tracked changes show as [inserted by AUTHOR: text] and
[deleted by AUTHOR: text], comments as [comment by AUTHOR: text] where they are anchored;
a style goes by the name Word shows ("caption" is [Caption] whatever its id). What
Word and LibreOffice store differently for the same document (a field's cached result,
list numbering on the paragraph or its style, a style's id) reads the same.

Text is extracted with docx2python; the rendition is a pure function of the document, so
two builds of the same inputs give the same text on any machine.
"""

from __future__ import annotations

import html
import io
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportgen.ooxml import charts as ooxml_charts
from reportgen.ooxml import rendition as ooxml_rendition
from reportgen.ooxml.package import NotADocx, open_docx, without_advice

__all__ = ["NotADocx", "rendition"]

_NOTE_REFERENCE = re.compile(r"----(footnote|endnote)(-?\d+)----")
_NOTE_LABEL = re.compile(r"^(?:footnote|endnote)(-?\d+)\)\s*")
# docx2python marks a hyperlink with an HTML <a> (its text escaped, its address not) and a
# picture with its alternative text followed by the image's name inside the package. The
# name is left out: writers name the same picture differently (media/image1.png in one,
# /word/media/P26de....png in another), and the alternative text says what it shows.
_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)
_PICTURE = re.compile(r"(?:----Image alt text---->(.*?)<)?----([^\s<>]+?\.\w+)----", re.DOTALL)
# A chart shows as its alternative text alone, numbered by ooxml_charts.mark_charts.
_CHART = re.compile(rf"----Image alt text---->(.*?){ooxml_charts.CHART_MARK}(\d+)<", re.DOTALL)
_PLAIN_STYLES = {"", "Normal", "BodyText", "TableText", "Header", "Footer", "FootnoteText"}
_LIST_STYLES = {"ListBullet": "- ", "ListBullet2": "  - ", "ListBullet3": "    - "}
_MARKS = {"b": "**", "i": "*"}


class _Notes:
    """Numbers notes in the order the text first refers to them, as Word does."""

    def __init__(self, charts: list[list[list[str]]] | None = None) -> None:
        self.numbers: dict[str, dict[str, int]] = {"footnote": {}, "endnote": {}}
        self.charts = charts or []  # the data of each chart of the body, in order

    def mark(self, match: re.Match[str]) -> str:
        kind, note_id = match.group(1), match.group(2)
        numbers = self.numbers[kind]
        return f"[^{_label(kind, numbers.setdefault(note_id, len(numbers) + 1))}]"


def rendition(source: Path | bytes | str) -> str:
    """The text rendition of a .docx given as a path or as bytes.

    Raises NotADocx, with a one-line reason, for anything that is not a readable .docx.
    """
    package = open_docx(source)  # only the parts Word reads, within reportgen.limits
    data, name = package.sanitised(), package.name
    marked, charts = ooxml_charts.mark_charts(ooxml_rendition.readable_package(data))
    content = _extract(marked, name)
    styles = ooxml_rendition.style_names(data)
    notes = _Notes(charts)
    properties = content["properties"]
    header = [f"[header] {t}" for t in _plain_lines(content["header"], notes)]
    body = list(_body_lines(content["body"], notes, styles))
    footer = [f"[footer] {t}" for t in _plain_lines(content["footer"], notes)]
    lines = [
        f"[properties] title: {properties.get('title') or ''}",
        f"[properties] author: {properties.get('creator') or ''}",
        *header,
        *footer,
        "",
        *body,
    ]
    for kind in ("footnote", "endnote"):
        numbers = notes.numbers[kind]
        if not numbers:
            continue
        texts = _note_texts(content[f"{kind}s"])
        lines.append("")
        for note_id, number in sorted(numbers.items(), key=lambda item: item[1]):
            text = texts.get(note_id, f"(missing {kind} {note_id})")
            lines.append(f"[^{_label(kind, number)}]: {text}")
    return "\n".join(_squeeze(lines)).strip("\n") + "\n"


def _extract(data: bytes, name: str) -> dict[str, Any]:
    """docx2python's paragraphs of each kind of part, and the core properties."""
    from docx2python import docx2python  # not for NotADocx alone (the command line)

    try:
        with warnings.catch_warnings():
            # a package without docProps/core.xml (Google Docs) is fine: no title, no author
            warnings.simplefilter("ignore")
            with docx2python(io.BytesIO(data), html=True) as content:
                return {
                    "properties": dict(content.core_properties),
                    "header": content.header_pars,
                    "body": content.body_pars,
                    "footer": content.footer_pars,
                    "footnotes": content.footnotes_pars,
                    "endnotes": content.endnotes_pars,
                }
    except (KeyError, SyntaxError, ValueError) as error:
        raise NotADocx(
            f"{name}: a Word document whose content cannot be read "
            f"({type(error).__name__}: {without_advice(str(error))})"
        ) from None


def _label(kind: str, number: int) -> str:
    return str(number) if kind == "footnote" else _roman(number)


def _roman(number: int) -> str:
    """Lower-case Roman numerals (i, ii, iii, iv), Word's default for endnotes."""
    out = ""
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        count, number = divmod(number, value)
        out += letters * count
    return out


def _body_lines(
    tables: list,  # type: ignore[type-arg]
    notes: _Notes,
    styles: dict[str, str],
) -> Iterable[str]:
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
                    line = _paragraph(paragraph, notes, styles)
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


def _paragraph(paragraph: object, notes: _Notes, styles: dict[str, str]) -> str | None:
    marker, label = _list_marker(paragraph)
    text = _text(paragraph, notes, skip=label)
    if not text:
        return None
    style = getattr(paragraph, "style", "") or ""
    style = styles.get(style, style)
    if style in _LIST_STYLES and (marker is None or marker.endswith("- ")):
        return _LIST_STYLES[style] + text
    if marker is not None:
        return marker + text
    if style in _PLAIN_STYLES or style.startswith("ListNumber"):
        return text
    return f"[{style}] {text}"


def _list_marker(paragraph: object) -> tuple[str | None, int]:
    """The list marker of a paragraph numbered in its own properties, however the writer
    stored it: "- " for a bullet (indented by level), Word's number ("i) ") otherwise; and
    the index of the run holding it.

    docx2python writes the number (or "--" for any bullet) as the paragraph's first run
    with text.
    """
    numbered, levels = getattr(paragraph, "list_position", (None, []))
    runs = getattr(paragraph, "runs", [])
    if numbered is None or not levels:  # no level: docx2python wrote no number
        return None, 0
    index = next((n for n, run in enumerate(runs) if run.text), None)
    if index is None:
        return None, 0
    label = _unescape(runs[index].text).strip()
    indent = "  " * max(0, len(levels) - 1)
    return (f"{indent}- " if label == "--" else f"{indent}{label} "), index + 1


def _text(paragraph: object, notes: _Notes, skip: int = 0) -> str:
    """A paragraph's runs (after the first `skip`), with bold and italic marked and
    footnote references numbered."""
    pieces = []
    for run in getattr(paragraph, "runs", [])[skip:]:
        text = _unescape(run.text)
        if not text:
            continue
        marks = "".join(_MARKS[s] for s in run.html_style if s in _MARKS)
        if marks and text.strip():
            lead, core, trail = _split_space(text)
            text = f"{lead}{marks}{core}{marks[::-1]}{trail}"
        pieces.append(text)
    joined = "".join(pieces).replace("\t", " ")
    joined = _NOTE_REFERENCE.sub(notes.mark, joined)
    joined = _PICTURE.sub(lambda m: f"![{m.group(1) or ''}]", joined)
    shown = [int(chart.group(2)) for chart in _CHART.finditer(joined)]
    joined = _CHART.sub(lambda m: f"![{m.group(1)}]", joined)
    return " ".join(joined.split()) + "".join(_chart_data(notes, number) for number in shown)


def _chart_data(notes: _Notes, number: int) -> str:
    """A chart's data as table rows below its paragraph: a column per series."""
    table = notes.charts[number] if number < len(notes.charts) else []
    return "".join("\n| " + " | ".join(row) + " |" for row in table)


def _unescape(text: str) -> str:
    """A run's text as written: docx2python's HTML entities decoded, its links as Markdown."""
    out, last = [], 0
    for link in _LINK.finditer(text):
        out.append(html.unescape(text[last : link.start()]))
        out.append(f"[{html.unescape(link.group(2))}]({link.group(1)})")
        last = link.end()
    out.append(html.unescape(text[last:]))
    return "".join(out)


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


def _note_texts(tables: list) -> dict[str, str]:  # type: ignore[type-arg]
    """The text of each note, by its raw id (`footnote3)` and `endnote3)` labels removed)."""
    texts: dict[str, str] = {}
    current: str | None = None
    for text in _plain_lines(tables, _Notes()):
        label = _NOTE_LABEL.match(text)
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
