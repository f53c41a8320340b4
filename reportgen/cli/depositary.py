"""The commands that bring the depositary's record into the data: import untc.

The UN Treaty Collection's status of the Convention (its XML export, or the status page
saved as HTML) is compared with data/states.yaml; each change is printed, and written only
when asked. The options are declared beside the handler; `reportgen.cli.main` assembles
the parser.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from reportgen.cli.console import (
    EXIT_OK,
    EXIT_STATUSES,
    Commands,
    Formatter,
    Messages,
    add_command,
    data_option,
    output,
)
from reportgen.core.problems import InputError


def add_import(commands: Commands) -> None:
    """`reportgen import SOURCE`, with one source today: untc."""
    importing = add_command(
        commands,
        "import",
        "import the depositary's status of the treaty into data/states.yaml",
        "reportgen import untc XXVI-6.en.xml --as-at 2013-09-01",
    )
    sources = importing.add_subparsers(dest="source", required=True, metavar="SOURCE")
    untc = sources.add_parser(
        "untc",
        help="the UN Treaty Collection's status: its XML export or the saved status page",
        description=(
            "Compare the UN Treaty Collection's status (the XML export or the status page\n"
            "saved as HTML) with data/states.yaml and print each change, one line each,\n"
            "with each State of categories.yaml that became a Party (--write removes it)\n"
            "and each new State that names.yaml lacks (a warning: add its UNTERM names).\n"
            "Nothing is written unless --write is given."
        ),
        epilog="example:\n  reportgen import untc XXVI-6.html --write\n\n" + EXIT_STATUSES,
        formatter_class=Formatter,
    )
    untc.add_argument("file", type=Path, help="XXVI-6.en.xml or the saved status page (.html)")
    data_option(untc)
    untc.add_argument(
        "--write", action="store_true", help="apply the changes to data/ (default: only list them)"
    )
    untc.add_argument(
        "--as-at",
        type=_day,
        metavar="YYYY-MM-DD",
        help="the day of the status, when the file does not say it (the XML export)",
    )
    untc.add_argument(
        "--region",
        type=_region,
        action="append",
        default=[],
        metavar="NAME=REGION",
        help="the region of a participant that data/states.yaml lacks (repeatable)",
    )
    untc.set_defaults(run=_import_untc)


def _import_untc(args: argparse.Namespace, say: Messages) -> int:
    from reportgen.depositary.importing import plan_import, write_plan

    plan = plan_import(args.file, args.data, regions=dict(args.region), as_at=args.as_at)
    written: list[Path] = []
    if args.write:
        try:
            written = write_plan(plan, args.data)
        except InputError:
            output("".join(f"{line}\n" for line in plan.lines()))  # what it would have done
            raise
    output("".join(f"{line}\n" for line in plan.lines(written=args.write)))
    for note in plan.notes:
        say.info(note)
    for path in written:
        say.info(f"wrote {path}")
    day = args.as_at or plan.status.as_at
    say.info(plan.summary(args.data, day, written=args.write))
    say.problems(plan.warnings)  # what the data still lacks: a warning, not a failure
    return EXIT_OK


def _region(text: str) -> tuple[str, str]:
    """--region: NAME=REGION, the region of a participant the data lacks."""
    name, equals, region = text.partition("=")
    if not equals or not name.strip() or not region.strip():
        raise argparse.ArgumentTypeError(
            f"{text!r} should be NAME=REGION ('State of Palestine=Asia')"
        )
    return name.strip(), region.strip()


def _day(text: str) -> dt.date:
    """--as-at: a day written 2013-09-01."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day written YYYY-MM-DD") from None
