"""`w:t` and `w:r`: text from data inside docxtpl's output, and runs of formatted text.

A value printed by a placeholder becomes the content of a `w:t`, escaped so that Word shows
it literally whatever characters it holds; formatted text becomes runs placed with docxtpl's
`{{r value }}`. Also here: the two checks on docxtpl's output that let the render stage skip
docxtpl's passes that would change nothing.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree
from markupsafe import Markup

from reportgen.ooxml.xml import qn

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


# What docxtpl's resolve_listing rewrites: a tab, line feed, \a or \f inside a <w:t>.
_LISTING_CHARACTERS = re.compile(r"<w:t(?:\s[^>]*)?>[^<]*[\t\n\a\f]")


def has_listing_characters(xml: str) -> bool:
    """Whether any text element of `xml` holds a character docxtpl turns into an element."""
    return _LISTING_CHARACTERS.search(xml) is not None


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
