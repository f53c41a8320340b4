"""The commands that read reports for review: text, diff, redline, figures.

Each command's options are declared beside its handler; `reportgen.cli.main` assembles
the parser. A document that is not a .docx, or that the redline engine cannot compare,
ends the command through the one mapping of errors to exit statuses (`cli.console`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from pathlib import Path

from reportgen.cli.console import (
    EXIT_DIFFERENT,
    EXIT_OK,
    Commands,
    Messages,
    add_command,
    data_option,
    lang_option,
    output,
)
from reportgen.core.config import changes_for, output_for, previous_of
from reportgen.core.problems import InputError, Problem


def _two_documents(sub: argparse.ArgumentParser) -> None:
    """OLD and NEW, both optional: by default the previous build of the report of --lang
    (output/previous/report.docx) and the last one (output/report.docx)."""
    sub.add_argument(
        "old",
        type=Path,
        nargs="?",
        default=None,
        metavar="OLD",
        help="the earlier .docx (default: the previous build, output/previous/report.docx)",
    )
    sub.add_argument(
        "new",
        type=Path,
        nargs="?",
        default=None,
        metavar="NEW",
        help="the later .docx (default: the last build, output/report.docx)",
    )
    lang_option(sub)


def _documents(args: argparse.Namespace) -> tuple[Path, Path]:
    """The two documents to compare: those given, or the previous and the last build of
    the report in --lang; a previous build that is not there is said in words."""
    new = output_for(args.lang, args.new)
    lang = "" if args.lang == "en" else f" --lang {args.lang}"
    if args.new is None and not new.exists():
        reason = f"is missing: build the report first (reportgen build{lang})"
        raise InputError([Problem.about(str(new), "last build", reason)])
    if args.old is not None:
        return args.old, new
    old = previous_of(new)
    if not old.exists():
        reason = (
            f"is missing: each build keeps there the report it replaces, so there is one "
            f"once a build has changed {new}; or name the earlier report (OLD.docx)"
        )
        raise InputError([Problem.about(str(old), "previous build", reason)])
    return old, new


# --- text ------------------------------------------------------------------------------------


def add_text(commands: Commands) -> None:
    """`reportgen text`."""
    text = add_command(
        commands,
        "text",
        "print the plain-text rendition of a .docx (for review and git diff)",
        "reportgen text output/report.docx | less",
        _text,
    )
    text.add_argument(
        "file",
        type=Path,
        nargs="?",
        default=None,
        help="a .docx file (default: the report of --lang, output/report.docx)",
    )
    lang_option(text)


def _text(args: argparse.Namespace, say: Messages) -> int:
    from reportgen.review.rendition import rendition

    output(rendition(output_for(args.lang, args.file)))
    return EXIT_OK


# --- diff ------------------------------------------------------------------------------------


def add_diff(commands: Commands) -> None:
    """`reportgen diff`."""
    diff = add_command(
        commands,
        "diff",
        "show what changed since the previous build (or between two .docx files) as text",
        "reportgen diff --lang fr",
        _diff,
    )
    _two_documents(diff)
    diff.add_argument(
        "-U",
        "--unified",
        type=_context_lines,
        default=3,
        metavar="N",
        help="lines of context around each change (default: 3)",
    )


def _context_lines(text: str) -> int:
    """-U: a number of lines, 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of lines (0 or more)")
    return int(text)


def _diff(args: argparse.Namespace, say: Messages) -> int:
    from reportgen.review.diff import colourise, diff_documents, wants_colour

    old, new = _documents(args)
    lines = diff_documents(old, new, context=args.unified)
    if wants_colour(sys.stdout):
        lines = list(colourise(lines))
    output("".join(f"{line}\n" for line in lines))
    return EXIT_DIFFERENT if lines else EXIT_OK


# --- redline ---------------------------------------------------------------------------------


def add_redline(commands: Commands) -> None:
    """`reportgen redline`."""
    redline = add_command(
        commands,
        "redline",
        "write a Word document showing the changes since the previous build (or from OLD "
        "to NEW) as tracked changes",
        "reportgen redline --lang fr",
        _redline,
    )
    _two_documents(redline)
    redline.add_argument(
        "--output",
        type=Path,
        default=None,
        help="the .docx of tracked changes to write "
        "(default: output/changes.docx, changes.fr.docx for --lang fr)",
    )
    redline.add_argument("--author", help="who the tracked changes are by (default: reportgen)")
    redline.add_argument(
        "--date",
        type=_revision_date,
        metavar="ISO",
        help="when they were made, as 2013-09-01 or 2013-09-01T10:00:00Z "
        "(default: 1980-01-01T00:00:00Z, so that the same inputs give the same file)",
    )


def _revision_date(text: str) -> dt.datetime:
    """--date: an ISO 8601 date or date and time, as a usage error when it is not one."""
    from reportgen.review.redline import parse_revision_date

    try:
        return parse_revision_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _redline(args: argparse.Namespace, say: Messages) -> int:
    from reportgen.core.limits import from_environment
    from reportgen.review import redline as engine

    limits = from_environment()
    author = engine.DEFAULT_REDLINE_AUTHOR if args.author is None else args.author
    date = engine.DEFAULT_REDLINE_DATE if args.date is None else args.date
    old, new = _documents(args)
    written = engine.redline(
        old, new, changes_for(args.lang, args.output), author=author, date=date, limits=limits
    )
    say.info(f"wrote {written}")
    return EXIT_OK


# --- figures ---------------------------------------------------------------------------------


def add_figures(commands: Commands) -> None:
    """`reportgen figures`."""
    figures = add_command(
        commands,
        "figures",
        "list every figure the report prints, with its definition and the States it counts",
        "reportgen figures --format json > figures.json",
        _figures,
    )
    data_option(figures)
    lang_option(figures)
    figures.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table for reading, json for programs (default: table)",
    )


def _figures(args: argparse.Namespace, say: Messages) -> int:
    from reportgen.review.trace import as_json, as_table, figures_of

    figures = figures_of(args.data, args.lang)
    if args.format == "json":
        output(as_json(figures))
    else:
        output(as_table(figures, width=shutil.get_terminal_size().columns))
    return EXIT_OK
