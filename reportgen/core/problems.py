"""Problems found in the inputs, reported one line each in the data's own terms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from reportgen.core.errors import BadInput

Severity = Literal["error", "warning"]

# Control characters (tab, line feed, ESC, BEL...), line and paragraph separators, and the
# format characters that reorder text on display (bidi marks, embeddings, overrides, isolates).
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str) -> str:
    """`text` with every character that could break or forge a line of a message escaped.

    A value holding a line feed would otherwise split one problem into two, the second
    with a "file:line:" of the sender's choosing; ESC and BEL would reach the terminal.
    Each such character is shown as a Python escape (\\n, \\x1b, \\u202e).
    """
    return _UNPRINTABLE.sub(_escaped, text) if _UNPRINTABLE.search(text) else text


def _escaped(found: re.Match[str]) -> str:
    char = found.group()
    named = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
    if char in named:
        return named[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the inputs, located in the file a delegate edits."""

    file: str
    line: int
    column: int
    where: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        """One line, whatever characters the file name, the data or the template hold."""
        prefix = "warning: " if self.severity == "warning" else ""
        file = printable(self.file)
        place = f"{file}:{self.line}:{self.column}" if self.line else file
        return f"{place}: {printable(self.where)}: {prefix}{printable(self.message)}"

    @classmethod
    def about(cls, file: str, where: str, message: str) -> Problem:
        """A problem with a whole file (a template, an output path): it has no line."""
        return cls(file, 0, 0, where, message)


def in_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems by file, then by line; those of a whole file or of a template (no line)
    keep the order they were found in, which for a template is the document's order."""
    return sorted(
        problems,
        key=lambda p: (p.file, p.line, p.column, p.where, p.message) if p.line else (p.file, 0),
    )


class InputError(BadInput):
    """The inputs cannot make a report; `problems` says every reason at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(in_order(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        """One line per problem."""
        return [str(p) for p in self.problems]
