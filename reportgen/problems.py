"""Problems found in the inputs, reported one line each in the data's own terms."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


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
        prefix = "warning: " if self.severity == "warning" else ""
        place = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{place}: {self.where}: {prefix}{self.message}"

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


class InputError(Exception):
    """The inputs cannot make a report; `problems` says every reason at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(in_order(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
