"""The command line: a thin layer over the library (`reportgen.build`, `reportgen.check`...).

Results go to stdout, messages to stderr.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from reportgen.pipeline import DEFAULT_DATA, DEFAULT_OUTPUT, DEFAULT_TEMPLATE
from reportgen.problems import InputError, Problem

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_BAD_INPUT = 2
EXIT_MISSING_TOOL = 3
EXIT_INTERNAL = 70

EXIT_STATUSES = """\
exit status:
  0   success (diff: the documents read the same)
  1   differences found (diff)
  2   bad input or usage: every problem is printed, one line each
  3   a missing external tool (LibreOffice, the redline extra)
  70  an internal error: run again with --debug and report the traceback"""


class _Messages:
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run `reportgen` with `argv`; return the exit status."""
    args = _parser().parse_args(argv)
    messages = _Messages(args.verbose - args.quiet)
    command: Callable[[argparse.Namespace, _Messages], int] = args.run
    try:
        return command(args, messages)
    except InputError as error:
        messages.problems(error.problems)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if args.debug:
            raise
        print(
            f"reportgen: internal error: {type(error).__name__}: {error} "
            "(run again with --debug for the traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _build(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.pipeline import build

    started = time.perf_counter()
    built = build(args.data, args.template, args.output, strict=args.strict)
    say.problems(built.warnings)
    say.detail(
        f"{len(built.inputs.states)} States, {len(built.inputs.categories)} categories, "
        f"{len(built.inputs.events.initiatives)} initiatives from {args.data}/; "
        f"{built.figures.states_parties.count} States Parties as of {built.figures.as_of}"
    )
    say.info(f"wrote {built.output}")
    say.detail(f"in {time.perf_counter() - started:.2f} s")
    return EXIT_OK


def _check(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.pipeline import check

    problems = check(args.data)
    say.problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors or (warnings and args.strict):
        return EXIT_BAD_INPUT
    say.info(f"{args.data}: no errors, {warnings} warning(s)")
    return EXIT_OK


def _text(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.text import rendition

    sys.stdout.write(rendition(args.file))
    return EXIT_OK


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' and exit statuses' line breaks; wider columns for options."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)


def _version() -> str:
    from reportgen import __version__

    return f"reportgen {__version__}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportgen",
        description=(
            "Generate the CCM co-coordinators' universalisation report from data/*.yaml "
            "and a Word template."
        ),
        epilog="example:\n  reportgen check && reportgen build\n\n" + EXIT_STATUSES,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("-q", "--quiet", action="count", default=0, help="say less on stderr")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="say more on stderr")
    parser.add_argument(
        "--debug", action="store_true", help="show a traceback when reportgen itself fails"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, example: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=summary,
            description=summary[0].upper() + summary[1:] + ".",
            epilog=f"example:\n  {example}\n\n{EXIT_STATUSES}",
            formatter_class=_Formatter,
        )

    def data_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--data", type=Path, default=DEFAULT_DATA, help="data folder (default: data)"
        )

    def strict_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--strict", action="store_true", help="fail on warnings as well as on errors"
        )

    build = command(
        "build",
        "write the report from the data and the Word template",
        "reportgen build --data data --output output/report.docx",
    )
    data_option(build)
    build.add_argument(
        "--template",
        type=Path,
        default=DEFAULT_TEMPLATE,
        help="Word template (default: templates/report.docx)",
    )
    build.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="the .docx to write (default: output/report.docx)",
    )
    strict_option(build)
    build.set_defaults(run=_build)

    check = command(
        "check",
        "validate the data without building, with one line per problem",
        "reportgen check --data data --strict",
    )
    data_option(check)
    strict_option(check)
    check.set_defaults(run=_check)

    text = command(
        "text",
        "print the plain-text rendition of a .docx (for review and git diff)",
        "reportgen text output/report.docx | less",
    )
    text.add_argument("file", type=Path, help="a .docx file")
    text.set_defaults(run=_text)
    return parser
