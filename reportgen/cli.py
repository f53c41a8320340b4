"""The command line: a thin layer over the library (`reportgen.build`, `reportgen.check`).

Results go to stdout, messages to stderr. Exit statuses: 0 success, 1 differences found,
2 bad input or usage, 3 a missing external tool, 70 an internal error (a bug: run again
with --debug and report the traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reportgen.pipeline import DEFAULT_DATA, DEFAULT_OUTPUT, DEFAULT_TEMPLATE
from reportgen.problems import InputError, Problem

EXIT_OK, EXIT_DIFFERENT, EXIT_BAD_INPUT, EXIT_MISSING_TOOL, EXIT_INTERNAL = 0, 1, 2, 3, 70


def main(argv: Sequence[str] | None = None) -> int:
    """Run `reportgen` with `argv`; return the exit status."""
    args = _parser().parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.run
    try:
        return command(args)
    except InputError as error:
        _print_problems(error.problems)
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


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _build(args: argparse.Namespace) -> int:
    from reportgen.pipeline import build

    built = build(args.data, args.template, args.output, strict=args.strict)
    _print_problems(built.warnings)
    print(f"wrote {built.output}", file=sys.stderr)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from reportgen.pipeline import check

    problems = check(args.data)
    _print_problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors or (warnings and args.strict):
        return EXIT_BAD_INPUT
    print(f"{args.data}: no errors, {warnings} warning(s)", file=sys.stderr)
    return EXIT_OK


def _text(args: argparse.Namespace) -> int:
    from reportgen.text import rendition

    sys.stdout.write(rendition(args.file))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportgen",
        description="Generate the CCM co-coordinators' universalisation report from data.",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show a traceback when reportgen itself fails"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def data_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--data", type=Path, default=DEFAULT_DATA, help="data folder (default: data)"
        )

    def strict_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--strict", action="store_true", help="fail on warnings as well as on errors"
        )

    build = commands.add_parser("build", help="write the report from the data and the template")
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
        help="where to write (default: output/report.docx)",
    )
    strict_option(build)
    build.set_defaults(run=_build)

    check = commands.add_parser("check", help="validate the data without building")
    data_option(check)
    strict_option(check)
    check.set_defaults(run=_check)

    text = commands.add_parser("text", help="print the plain-text rendition of a .docx")
    text.add_argument("file", type=Path, help="a .docx file")
    text.set_defaults(run=_text)
    return parser
