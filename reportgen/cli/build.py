"""The commands that make the report: build (and build --watch), check, schema.

Each command's options are declared beside its handler; `reportgen.cli.main` assembles
the parser. The template and output of a language are chosen by `reportgen.core.config`.
"""

from __future__ import annotations

import argparse
import contextlib
import time
import traceback
from pathlib import Path

from reportgen.cli.console import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    Commands,
    Messages,
    add_command,
    data_option,
    failed,
    internal,
    lang_option,
    strict_option,
    template_option,
)
from reportgen.core.config import DEFAULT_SCHEMAS, output_for, template_for
from reportgen.core.languages import LANGUAGES
from reportgen.core.problems import InputError

# --- build -----------------------------------------------------------------------------------


def add_build(commands: Commands) -> None:
    """`reportgen build`."""
    build = add_command(
        commands,
        "build",
        "write the report from the data and the Word template",
        "reportgen build --data data --output output/report.docx",
        _build,
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


def _build(args: argparse.Namespace, say: Messages) -> int:
    from reportgen.app import build

    template = template_for(args.lang, args.template)
    output = output_for(args.lang, args.output)
    if args.watch:
        return _watch(args, template, output, say)
    started = time.perf_counter()
    built = build(args.data, template, output, strict=args.strict, pdf=args.pdf, lang=args.lang)
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


def _watch(args: argparse.Namespace, template: Path, output: Path, say: Messages) -> int:
    """build --watch: build on each save until Ctrl-C, saying how each build went."""
    from reportgen.app import Built, watch

    def report(outcome: Built | Exception, seconds: float) -> None:
        clock = time.strftime("%H:%M:%S")
        if isinstance(outcome, Built):
            say.problems(outcome.warnings)
            say.info(f"{clock} wrote {outcome.output} in {seconds:.2f} s")
            if outcome.pdf is not None:
                say.info(f"{clock} wrote {outcome.pdf}")
            return
        if args.debug and internal(outcome):
            traceback.print_exception(outcome)
        else:
            failed(outcome, say)
        if isinstance(outcome, InputError):
            say.info(f"{clock} not built; {output} is left as it was")
        else:
            say.info(f"{clock} the build failed; watching goes on")

    say.info(f"watching {args.data}/, {template} and its catalogue; Ctrl-C stops")
    with contextlib.suppress(KeyboardInterrupt):  # how watching ends
        watch(
            args.data,
            template,
            output,
            report=report,
            strict=args.strict,
            pdf=args.pdf,
            lang=args.lang,
        )
    return EXIT_OK


# --- check -----------------------------------------------------------------------------------


def add_check(commands: Commands) -> None:
    """`reportgen check`."""
    check = add_command(
        commands,
        "check",
        "validate the data and the template without building, with one line per problem",
        "reportgen check --data data --template templates/report.docx --strict",
        _check,
    )
    data_option(check)
    template_option(check)
    check.add_argument(
        "--lang",
        action="append",
        choices=sorted(LANGUAGES),
        default=None,
        help="a language to check (again for several: --lang fr --lang es); by default "
        "every language whose template is in templates/ (English only with --template)",
    )
    strict_option(check)


def _check(args: argparse.Namespace, say: Messages) -> int:
    from reportgen.app import check_languages

    languages = args.lang or (
        ["en"]
        if args.template is not None
        else [lang for lang in LANGUAGES if template_for(lang).exists()] or ["en"]
    )
    templates = {lang: template_for(lang, args.template) for lang in dict.fromkeys(languages)}
    problems = check_languages(args.data, templates)
    say.problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors or (warnings and args.strict):
        return EXIT_BAD_INPUT
    checked = ", ".join(str(t) for t in dict.fromkeys(templates.values()))
    say.info(f"{args.data}/ and {checked}: no errors, {warnings} warning(s)")
    return EXIT_OK


# --- schema ----------------------------------------------------------------------------------


def add_schema(commands: Commands) -> None:
    """`reportgen schema`."""
    schema = add_command(
        commands,
        "schema",
        "write the JSON Schema of each data file, which editors check the YAML against",
        "reportgen schema --output schemas",
        _schema,
    )
    schema.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_SCHEMAS,
        help="folder for states.json, report.json... (default: schemas)",
    )


def _schema(args: argparse.Namespace, say: Messages) -> int:
    from reportgen.core.problems import InputError
    from reportgen.core.writing import output_problem
    from reportgen.inputs.schema import write_schemas

    try:
        written = write_schemas(args.output)
    except OSError as error:  # a folder in the way, a read-only or full disk: exit 2
        raise InputError([output_problem(args.output, error)]) from None
    for path in written:
        say.info(f"wrote {path}")
    return EXIT_OK
