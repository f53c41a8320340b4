"""The command line: a thin layer over the library (`reportgen.build`, `reportgen.check`...).

Results go to stdout, messages to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from reportgen.app import DEFAULT_DATA, DEFAULT_SCHEMAS
from reportgen.core.languages import LANGUAGES
from reportgen.core.problems import InputError, Problem, printable
from reportgen.review.pdf import PdfError

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_BAD_INPUT = 2
EXIT_MISSING_TOOL = 3
EXIT_INTERNAL = 70
EXIT_BROKEN_PIPE = 141  # what a shell shows for a process that SIGPIPE ended (128 + 13)

EXIT_STATUSES = """\
exit status:
  0   success (diff: the documents read the same)
  1   differences found (diff)
  2   bad input or usage: every problem is printed, one line each
  3   a missing or failing external tool (LibreOffice, the redline extra)
  70  an internal error: run again with --debug and report the traceback
  141 the reader of the output went away (| head); 143 stopped by SIGTERM
limits on what an input may cost: see the README's "Limits" (REPORTGEN_* variables)"""


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


def run() -> NoReturn:
    """The `reportgen` program: `main`, then an exit that skips the last garbage collection.

    At exit the interpreter runs a full collection over every object still alive: with
    the Word stack imported, a good part of a short command's time
    (benchmarks/RESULTS.md). gc.freeze() moves them all out of the collector's reach.
    Everything else of a normal exit still happens: atexit handlers, flushing stdout and
    stderr, clearing the modules. The report is written and closed before this point.
    """
    status = main()
    gc.freeze()
    raise SystemExit(status)


def main(argv: Sequence[str] | None = None) -> int:
    """Run `reportgen` with `argv`; return the exit status."""
    args = _parser().parse_args(argv)
    messages = _Messages(args.verbose - args.quiet)
    command: Callable[[argparse.Namespace, _Messages], int] = args.run
    try:
        return command(args, messages)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`reportgen diff a b | head -1`)
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as error:
        if args.debug and _internal(error):
            raise
        return _failed(error, messages)


def _discard_stdout() -> None:
    """Send what stdout still holds nowhere, so that the exit's own flush cannot fail too."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _output(text: str) -> None:
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
        _discard_stdout()
        reason = error.strerror or str(error)
        raise InputError(
            [Problem.about("standard output", "output", f"cannot be written ({reason})")]
        ) from None


def _internal(error: Exception) -> bool:
    """Whether `error` is reportgen's own fault, not the inputs' nor a missing tool's."""
    return not isinstance(error, (InputError, PdfError))


def _failed(error: Exception, say: _Messages) -> int:
    """Say why a command failed, without a traceback; return its exit status."""
    if isinstance(error, InputError):
        say.problems(error.problems)
        return EXIT_BAD_INPUT
    if isinstance(error, PdfError):  # LibreOffice missing (SofficeNotFoundError), failed or hung
        print(f"reportgen: {printable(str(error))}", file=sys.stderr)
        return EXIT_MISSING_TOOL
    print(
        f"reportgen: internal error: {type(error).__name__}: {printable(str(error))} "
        "(run again with --debug for the traceback)",
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def _build(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.app import build

    if args.watch:
        _by_language(args)
        return _watch(args, say)
    started = time.perf_counter()
    _by_language(args)
    built = build(
        args.data, args.template, args.output, strict=args.strict, pdf=args.pdf, lang=args.lang
    )
    say.problems(built.warnings)
    say.detail(
        f"{len(built.inputs.states)} States, {len(built.inputs.categories)} categories, "
        f"{len(built.inputs.events.initiatives)} initiatives from {args.data}/; "
        f"{built.figures.states_parties.count} States Parties as of {built.figures.as_of}"
    )
    say.info(f"wrote {built.output}")
    if built.pdf is not None:
        say.info(f"wrote {built.pdf}")
    say.detail(f"in {time.perf_counter() - started:.2f} s")
    return EXIT_OK


def _watch(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.app import Built, watch

    def report(outcome: Built | Exception, seconds: float) -> None:
        clock = time.strftime("%H:%M:%S")
        if isinstance(outcome, Built):
            say.problems(outcome.warnings)
            say.info(f"{clock} wrote {outcome.output} in {seconds:.2f} s")
            if outcome.pdf is not None:
                say.info(f"{clock} wrote {outcome.pdf}")
            return
        if args.debug and _internal(outcome):
            traceback.print_exception(outcome)
        else:
            _failed(outcome, say)
        if isinstance(outcome, InputError):
            say.info(f"{clock} not built; {args.output} is left as it was")
        else:
            say.info(f"{clock} the build failed; watching goes on")

    say.info(f"watching {args.data}/, {args.template} and its catalogue; Ctrl-C stops")
    with contextlib.suppress(KeyboardInterrupt):  # how watching ends
        watch(
            args.data,
            args.template,
            args.output,
            report=report,
            strict=args.strict,
            pdf=args.pdf,
            lang=args.lang,
        )
    return EXIT_OK


def _schema(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.inputs.schema import write_schemas

    for path in write_schemas(args.output):
        say.info(f"wrote {path}")
    return EXIT_OK


def _by_language(args: argparse.Namespace) -> None:
    """The template, output and file a command reads or writes by default, in its language."""
    from reportgen.app import output_for, template_for

    if getattr(args, "template", "") is None:
        args.template = template_for(args.lang)
    if getattr(args, "output", "") is None:
        args.output = output_for(args.lang)
    if getattr(args, "file", "") is None:
        args.file = output_for(args.lang)


def _check(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.app import check

    _by_language(args)
    problems = check(args.data, args.template, args.lang)
    say.problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors or (warnings and args.strict):
        return EXIT_BAD_INPUT
    say.info(f"{args.data}/ and {args.template}: no errors, {warnings} warning(s)")
    return EXIT_OK


def _text(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.review.rendition import NotADocx, rendition

    _by_language(args)
    try:
        text = rendition(args.file)
    except NotADocx as error:
        print(printable(str(error)), file=sys.stderr)
        return EXIT_BAD_INPUT
    _output(text)
    return EXIT_OK


def _diff(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.review.diff import colourise, diff_documents, wants_colour
    from reportgen.review.rendition import NotADocx

    try:
        lines = diff_documents(args.old, args.new, context=args.unified)
    except NotADocx as error:
        print(printable(str(error)), file=sys.stderr)
        return EXIT_BAD_INPUT
    if wants_colour(sys.stdout):
        lines = list(colourise(lines))
    _output("".join(f"{line}\n" for line in lines))
    return EXIT_DIFFERENT if lines else EXIT_OK


def _redline(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.review import diff as compare
    from reportgen.review.rendition import NotADocx

    author = compare.DEFAULT_REDLINE_AUTHOR if args.author is None else args.author
    date = compare.DEFAULT_REDLINE_DATE if args.date is None else args.date
    try:
        written = compare.redline(args.old, args.new, args.output, author=author, date=date)
    except (NotADocx, compare.RedlineFailed) as error:
        print(printable(str(error)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except compare.RedlineUnavailable as error:
        print(printable(str(error)), file=sys.stderr)
        return EXIT_MISSING_TOOL
    say.info(f"wrote {written}")
    return EXIT_OK


def _import_untc(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.depositary.importing import plan_import, write_plan

    plan = plan_import(args.file, args.data, regions=dict(args.region), as_at=args.as_at)
    for line in plan.lines():
        print(line)
    for note in plan.notes:
        say.info(note)
    status = plan.status
    day = args.as_at or status.as_at
    if args.write:
        for path in write_plan(plan, args.data):
            say.info(f"wrote {path}")
    say.info(plan.summary(args.data, day, written=args.write))
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


def _context_lines(text: str) -> int:
    """-U: a number of lines, 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of lines (0 or more)")
    return int(text)


def _revision_date(text: str) -> dt.datetime:
    """--date: an ISO 8601 date or date and time, as a usage error when it is not one."""
    from reportgen.review.diff import parse_revision_date

    try:
        return parse_revision_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _figures(args: argparse.Namespace, say: _Messages) -> int:
    from reportgen.review.trace import as_json, as_table, figures_of

    figures = figures_of(args.data, args.lang)
    if args.format == "json":
        _output(as_json(figures))
    else:
        _output(as_table(figures, width=shutil.get_terminal_size().columns))
    return EXIT_OK


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' and exit statuses' line breaks; wider columns for options."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)


class _Version(argparse.Action):
    """--version, reading the installed version only when asked (it costs an import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from reportgen import __version__

        print(f"reportgen {__version__}")  # on stdout, as argparse's own version action
        parser.exit()


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
    parser.add_argument("--version", action=_Version)
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

    def two_documents(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("old", type=Path, metavar="OLD", help="the earlier .docx")
        sub.add_argument("new", type=Path, metavar="NEW", help="the later .docx")

    def strict_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--strict", action="store_true", help="fail on warnings as well as on errors"
        )

    def template_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--template",
            type=Path,
            default=None,
            help="Word template (default: templates/report.docx, report.fr.docx for --lang fr)",
        )

    def lang_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--lang",
            choices=sorted(LANGUAGES),
            default="en",
            help="the report's language: en, fr or es (default: en)",
        )

    build = command(
        "build",
        "write the report from the data and the Word template",
        "reportgen build --data data --output output/report.docx",
    )
    data_option(build)
    template_option(build)
    lang_option(build)
    build.add_argument(
        "--output",
        type=Path,
        default=None,
        help="the .docx to write (default: output/report.docx, report.fr.docx for --lang fr)",
    )
    strict_option(build)
    build.add_argument(
        "--pdf",
        action="store_true",
        help="also write the PDF beside the .docx (output/report.pdf) through LibreOffice",
    )
    build.add_argument(
        "--watch",
        action="store_true",
        help="stay running and build again each time a data file or the template is saved",
    )
    build.set_defaults(run=_build)

    check = command(
        "check",
        "validate the data and the template without building, with one line per problem",
        "reportgen check --data data --template templates/report.docx --strict",
    )
    data_option(check)
    template_option(check)
    lang_option(check)
    strict_option(check)
    check.set_defaults(run=_check)

    text = command(
        "text",
        "print the plain-text rendition of a .docx (for review and git diff)",
        "reportgen text output/report.docx | less",
    )
    text.add_argument(
        "file",
        type=Path,
        nargs="?",
        default=None,
        help="a .docx file (default: the report of --lang, output/report.docx)",
    )
    lang_option(text)
    text.set_defaults(run=_text)

    diff = command(
        "diff",
        "show what changed between two .docx files, as a unified diff of their text",
        "reportgen diff previous/report.docx output/report.docx",
    )
    two_documents(diff)
    diff.add_argument(
        "-U",
        "--unified",
        type=_context_lines,
        default=3,
        metavar="N",
        help="lines of context around each change (default: 3)",
    )
    diff.set_defaults(run=_diff)

    redline = command(
        "redline",
        "write a Word document showing the changes from OLD to NEW as tracked changes",
        "reportgen redline previous/report.docx output/report.docx --output changes.docx",
    )
    two_documents(redline)
    redline.add_argument(
        "--output", type=Path, required=True, help="the .docx of tracked changes to write"
    )
    redline.add_argument("--author", help="who the tracked changes are by (default: reportgen)")
    redline.add_argument(
        "--date",
        type=_revision_date,
        metavar="ISO",
        help="when they were made, as 2013-09-01 or 2013-09-01T10:00:00Z "
        "(default: 1980-01-01T00:00:00Z, so that the same inputs give the same file)",
    )
    redline.set_defaults(run=_redline)

    figures = command(
        "figures",
        "list every figure the report prints, with its definition and the States it counts",
        "reportgen figures --format json > figures.json",
    )
    data_option(figures)
    lang_option(figures)
    figures.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table for reading, json for programs (default: table)",
    )
    figures.set_defaults(run=_figures)

    importing = command(
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
            "saved as HTML) with data/states.yaml and print each change, one line each.\n"
            "Nothing is written unless --write is given."
        ),
        epilog="example:\n  reportgen import untc XXVI-6.html --write\n\n" + EXIT_STATUSES,
        formatter_class=_Formatter,
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

    schema = command(
        "schema",
        "write the JSON Schema of each data file, which editors check the YAML against",
        "reportgen schema --output schemas",
    )
    schema.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_SCHEMAS,
        help="folder for states.json, report.json... (default: schemas)",
    )
    schema.set_defaults(run=_schema)
    return parser
