"""What every command shares: its messages on stderr, its results on stdout through one
writer, the exit statuses with the one mapping from an error to its status, and the
pieces of the parser that several commands use.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeAlias

from reportgen.core import errors
from reportgen.core.config import DEFAULT_DATA
from reportgen.core.errors import ReportgenError
from reportgen.core.languages import LANGUAGES
from reportgen.core.problems import InputError, Problem, printable

EXIT_OK = errors.OK
EXIT_DIFFERENT = errors.DIFFERENT
EXIT_BAD_INPUT = errors.BAD_INPUT
EXIT_MISSING_TOOL = errors.MISSING_TOOL
EXIT_INTERNAL = errors.INTERNAL
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as a shell shows it
EXIT_BROKEN_PIPE = 141  # what a shell shows for a process that SIGPIPE ended (128 + 13)
EXIT_TERMINATED = 143  # SIGTERM: 128 + 15


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that every clean-up on the way out runs
    (a build's reports put back as they were, a redline engine stopped), as Ctrl-C does."""


@contextlib.contextmanager
def terminating() -> Iterator[None]:
    """Within the block, SIGTERM raises `Terminated`."""

    def stop(signum: int, frame: object) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: signals stay as they are
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


EXIT_STATUSES = """\
exit status:
  0   success (diff: the documents read the same)
  1   differences found (diff)
  2   bad input or usage: every problem is printed, one line each
  3   a missing or failing external tool (LibreOffice, the redline extra)
  70  an internal error: run again with --debug and report the traceback
  141 the reader of the output went away (| head); 143 stopped by SIGTERM
limits on what an input may cost: see the README's "Limits" (REPORTGEN_* variables)"""


def tolerant_streams() -> None:
    """Let stdout and stderr write any text in whatever encoding they have.

    On Windows, output redirected to a file (`reportgen text report.docx > report.txt`) is
    written in the system's code page (cp1252 in Western Europe), which has no "→" nor
    "Ş": each such character is written as its escape (\\u2192) instead of ending the
    command with an encoding error. UTF-8 (Python's UTF-8 mode, PYTHONUTF8=1) writes
    everything as it is, and is left alone."""
    for stream in (sys.stdout, sys.stderr):
        try:
            encoding = codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
        except LookupError:
            encoding = ""
        if encoding not in ("utf-8", "utf-16", "utf-32") and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):  # closed, or not a text file
                stream.reconfigure(errors="backslashreplace")


class Messages:
    """Where the commands say what they did: stderr, as loud as the user asked."""

    def __init__(self, verbosity: int) -> None:
        self.verbosity = verbosity

    def info(self, text: str) -> None:
        """What a command did (silenced by --quiet)."""
        if self.verbosity >= 0:
            print(text, file=sys.stderr)

    def detail(self, text: str) -> None:
        """How it went (shown with --verbose)."""
        if self.verbosity > 0:
            print(text, file=sys.stderr)

    def problems(self, problems: Sequence[Problem]) -> None:
        """Errors and warnings: always shown."""
        for problem in problems:
            print(problem, file=sys.stderr)

    def error(self, text: str) -> None:
        """Why a command failed: always shown, on one line whatever `text` holds."""
        print(printable(text), file=sys.stderr)


Handler = Callable[[argparse.Namespace, Messages], int]
"""A command: what it was given and where to say what it did, to its exit status."""


def output(text: str) -> None:
    """Write a command's result to stdout, flushed: a short write (a full disk) is an error."""
    try:
        # In pieces: a single write of megabytes to a pipe can end without an error when
        # the reader has gone after the first of them; the next piece then says so.
        for start in range(0, len(text), 1 << 16):
            sys.stdout.write(text[start : start + (1 << 16)])
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        discard_stdout()
        reason = error.strerror or str(error)
        raise InputError(
            [Problem.about("standard output", "output", f"cannot be written ({reason})")]
        ) from None


def discard_stdout() -> None:
    """Send what stdout still holds nowhere, so that the exit's own flush cannot fail too."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def internal(error: BaseException) -> bool:
    """Whether `error` is reportgen's own fault, not the inputs' nor a missing tool's."""
    return not isinstance(error, ReportgenError) or error.internal


def failed(error: Exception, say: Messages) -> int:
    """Say why a command failed, without a traceback; return its exit status.

    The one place an error becomes an exit status: each family of `reportgen.core.errors`
    carries its own (2 bad input, 3 a missing tool); anything else is internal (70).
    """
    if isinstance(error, ReportgenError) and not error.internal:
        for line in error.lines():
            say.error(line)
        return error.exit_status
    say.error(
        f"reportgen: internal error: {type(error).__name__}: {error} "
        "(run again with --debug for the traceback)"
    )
    return EXIT_INTERNAL


# --- The parser's common pieces ------------------------------------------------------------


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' and exit statuses' line breaks; wider columns for options."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)


Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""Where each group of commands adds its own (`reportgen.cli.main` assembles them)."""


def add_command(
    commands: Commands,
    name: str,
    summary: str,
    example: str,
    run: Handler | None = None,
) -> argparse.ArgumentParser:
    """A subcommand `name` run by `run` (None: by one of its own subcommands), its help
    made of `summary`, `example` and the exit statuses."""
    parser = commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=f"example:\n  {example}\n\n{EXIT_STATUSES}",
        formatter_class=Formatter,
    )
    if run is not None:
        parser.set_defaults(run=run)
    return parser


def data_option(sub: argparse.ArgumentParser) -> None:
    """--data: the folder of the data files."""
    sub.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data folder (default: data)")


def strict_option(sub: argparse.ArgumentParser) -> None:
    """--strict: warnings fail too."""
    sub.add_argument("--strict", action="store_true", help="fail on warnings as well as on errors")


def template_option(sub: argparse.ArgumentParser) -> None:
    """--template: the Word template; by default the one of --lang (`core.config`)."""
    sub.add_argument(
        "--template",
        type=Path,
        default=None,
        help="Word template (default: templates/report.docx, report.fr.docx for --lang fr)",
    )


def lang_option(sub: argparse.ArgumentParser) -> None:
    """--lang: the report's language."""
    sub.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default="en",
        help="the report's language: en, fr or es (default: en)",
    )
