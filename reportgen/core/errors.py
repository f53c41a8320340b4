"""The errors reportgen raises on purpose, each family with the exit status it ends a command with.

A command that fails says why on stderr and ends with its error's `exit_status`: 2 for bad
input (the data, a template, a document, a path), 3 for a missing or failing external tool
(LibreOffice, the redline engine). Any other error is reportgen's own fault: status 70, and
a traceback with --debug. The command line maps an error to its status in one place
(`reportgen.cli.console.failed`).
"""

from __future__ import annotations

from typing import ClassVar

OK = 0
DIFFERENT = 1
BAD_INPUT = 2
MISSING_TOOL = 3
INTERNAL = 70


class ReportgenError(Exception):
    """An error reportgen knows of; unless a family below says otherwise, its own fault."""

    exit_status: ClassVar[int] = INTERNAL
    said_by: ClassVar[str] = ""
    """Who speaks, for a message that names no file ("reportgen: LibreOffice is not ...")."""

    @property
    def internal(self) -> bool:
        """Whether this is reportgen's own fault, not the inputs' nor a missing tool's."""
        return self.exit_status == INTERNAL

    def lines(self) -> list[str]:
        """What a command prints about it, one line each (before escaping for the terminal)."""
        return [f"{self.said_by}: {self}" if self.said_by else str(self)]


class BadInput(ReportgenError):
    """Something given cannot be used (data, a template, a document, a path): status 2."""

    exit_status = BAD_INPUT


class MissingTool(ReportgenError):
    """An external tool is missing, failed or hung (LibreOffice, the redline engine): status 3."""

    exit_status = MISSING_TOOL
