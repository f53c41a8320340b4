"""A catalogue's mistakes in a translator's words, at the line and column of the mistake.

Fluent's parser says where it gave up ("Expected token: }" at the next message) and names
what it expected in a grammar's terms. A translator needs the place of the mistake itself
(the `{` that is not closed, not the message it was in) and what to type: this module
turns each piece of text the parser could not read (a `Junk` entry) into that, and offers
"did you mean" for a misspelt value or message.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from fluent.syntax import ast

from reportgen.core.problems import Problem

_NAME = re.compile(r"-?[A-Za-z][A-Za-z0-9_-]*")
_CHOICE = re.compile(r"\{[^{}\n]*->")


def position(text: str, offset: int) -> tuple[int, int]:
    """The line and column (both from 1, the column in characters, as an editor shows
    them) of `offset` in `text`; a CRLF line break counts once."""
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def did_you_mean(name: str, known: Iterable[str], prefix: str = "") -> str:
    """ " (did you mean $yet_before?)" for the known name closest to a misspelt `name`, or ""."""
    near = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.7)
    return f" (did you mean {prefix}{near[0]}?)" if near else ""


def _unclosed(text: str, start: int, end: int) -> list[int]:
    """The offsets of the `{` opened between `start` and `end` and not closed before
    `end`, outermost first (a brace in quotes, `{"{"}`, is text)."""
    stack: list[int] = []
    quoted = False
    i = start
    while i < end:
        char = text[i]
        if quoted:
            if char == "\\":
                i += 1
            elif char == '"' or char == "\n":
                quoted = False
        elif char == '"' and stack:
            quoted = True
        elif char == "{":
            stack.append(i)
        elif char == "}" and stack:
            stack.pop()
        i += 1
    return stack


def _snippet(text: str, offset: int, width: int = 40) -> str:
    line_end = text.find("\n", offset)
    shown = text[offset : len(text) if line_end < 0 else line_end].rstrip("\r").rstrip()
    return shown if len(shown) <= width else shown[: width - 3].rstrip() + "..."


def _owner(text: str, junk: ast.Junk) -> str:
    """The name of the message the unreadable text belongs to, or "catalogue"."""
    start = junk.span.start if junk.span else 0
    found = _NAME.match(text, start)
    if found and text[found.end() :].lstrip(" ").startswith("="):
        return found.group()
    return "catalogue"


def junk_problem(text: str, junk: ast.Junk, path: str) -> Problem:
    """What is wrong with a piece of text the parser could not read, at the mistake."""
    start = junk.span.start if junk.span else 0
    end = junk.span.end if junk.span else len(text)
    annotation = junk.annotations[0] if junk.annotations else None
    at = annotation.span.start if annotation and annotation.span else start
    name = _owner(text, junk)
    opened = _unclosed(text, start, end)
    if opened:  # more `{` than `}`: the one open where the parser gave up is the mistake
        before = _unclosed(text, start, at)
        brace = (before or opened)[-1]
        line, column = position(text, brace)
        shown = _snippet(text, brace)
        reason = (
            f'this "{{" is not closed: "{shown}" needs a "}}" where its value ends '
            '(as in "{ $new }")'
        )
        if _CHOICE.match(text, brace):  # its "}", or that of a choice inside it, is lost
            nested = _CHOICE.search(text, brace + 1, end)
            inner = " (or one of the choices inside it lost its own)" if nested else ""
            reason = (
                f'this choice is not closed: "{shown}" needs a "}}" on a line of its own '
                f"after its last variant{inner}"
            )
        return Problem(path, line, column, name, reason)
    line, column = position(text, at)
    code = annotation.code if annotation else ""
    arguments = annotation.arguments if annotation else []
    reason = _REASONS.get(code, "")
    if code == "E0003" and arguments and arguments[0] == "=":
        reason = (
            "this line starts at the margin, so it is read as a new message, and it has no "
            '"name =": indent it with spaces to continue the message above, or start a '
            "comment with #"
        )
    elif code == "E0003" and arguments and arguments[0] in ("\n", "\u2424"):
        reason = 'nothing may follow "->" on its line: each variant starts a line of its own'
    elif code == "E0003" and arguments:
        reason = f'"{arguments[0]}" is missing here'
    elif code == "E0005":
        reason = (
            f"{name} has no text: write it after the = on the same line, or on the next "
            "lines, indented"
        )
    if not reason:
        reason = (annotation.message if annotation else None) or "this is not Fluent"
    shown = _snippet(text, at)
    return Problem(path, line, column, name, f'{reason} (at "{shown}")' if shown else reason)


_REASONS = {
    "E0002": (
        "this line is not a message: a message is written name = text, a comment starts "
        "with #, and a message's text continues on lines that start with spaces"
    ),
    "E0004": ("a message's name is made of letters a-z, digits, - and _, and starts with a letter"),
    "E0010": 'this choice has no default: mark one of its variants with "*", as in *[other]',
    "E0011": 'no variant after "->": write each on a line of its own, as in *[other] text',
    "E0013": "a variant's key is a number or a word in brackets: [one], [other], [0]",
    "E0014": "a variant's key is a number or a word in brackets: [one], [other], [0]",
    "E0015": 'only one variant of a choice can be the default: remove the other "*"',
    "E0020": 'this text in quotes is not closed: end it with "',
    "E0025": 'an unknown escape in quotes: write \\\\ for a backslash, \\" for a quote',
    "E0026": "an unknown escape in quotes: write a character as \\u00E9 (four hex digits)",
    "E0027": 'this "}" closes nothing: remove it (to print a brace, write {"}"})',
    "E0028": '"{ }" holds nothing: put a value in it, as in { $new }, or remove it',
}
"""Fluent's syntax errors, by code, in a translator's words."""
