"""The command line: a thin layer over the library (`reportgen.build`, `reportgen.check`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reportgen.pipeline import DEFAULT_DATA, DEFAULT_OUTPUT, DEFAULT_TEMPLATE
from reportgen.problems import InputError

EXIT_OK, EXIT_DIFFERENT, EXIT_BAD_INPUT, EXIT_MISSING_TOOL = 0, 1, 2, 3


def main(argv: Sequence[str] | None = None) -> int:
    """Run `reportgen` with `argv`; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except InputError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT


def _build(args: argparse.Namespace) -> int:
    from reportgen.pipeline import build

    built = build(args.data, args.template, args.output)
    print(f"wrote {built.output}", file=sys.stderr)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from reportgen.pipeline import check

    problems = check(args.data)
    for problem in problems:
        print(problem, file=sys.stderr)
    return EXIT_BAD_INPUT if any(p.severity == "error" for p in problems) else EXIT_OK


def _text(args: argparse.Namespace) -> int:
    from reportgen.text import rendition

    sys.stdout.write(rendition(args.file))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportgen",
        description="Generate the CCM co-coordinators' universalisation report from data.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="write the report from the data and the template")
    build.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="data folder (default: data)"
    )
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
    build.set_defaults(run=_build)

    check = commands.add_parser("check", help="validate the data without building")
    check.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="data folder (default: data)"
    )
    check.set_defaults(run=_check)

    text = commands.add_parser("text", help="print the plain-text rendition of a .docx")
    text.add_argument("file", type=Path, help="a .docx file")
    text.set_defaults(run=_text)
    return parser
