"""The commands that make the report: build (and build --watch), check, schema.

Each command's options are declared beside its handler; `reportgen.cli.main` assembles
the parser. The template and output of a language are chosen by `reportgen.core.config`.
"""

from __future__ import annotations

import argparse
import contextlib
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.cli.console import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    Commands,
    Messages,
    add_command,
    data_option,
    failed,
    internal,
    strict_option,
    template_option,
)
from reportgen.core.config import DEFAULT_SCHEMAS, output_for, template_for
from reportgen.core.languages import LANGUAGES
from reportgen.core.problems import InputError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from reportgen.app import Built, Target
    from reportgen.sets import SetBuilt

# --- build -----------------------------------------------------------------------------------


DOCUMENTS = ("report", "annex", "letters")
"""The documents `reportgen build` names."""


def _document(name: str) -> str:
    """A document `reportgen build` names (argparse's choices would refuse naming none)."""
    if name not in DOCUMENTS:
        raise argparse.ArgumentTypeError(
            f"invalid choice: {name!r} (choose from {', '.join(DOCUMENTS)})"
        )
    return name


def add_build(commands: Commands) -> None:
    """`reportgen build`."""
    build = add_command(
        commands,
        "build",
        "write the report (and its annex, a campaign's letters) in every language it needs",
        "reportgen build report annex letters --pdf",
        _build,
    )
    build.add_argument(
        "documents",
        nargs="*",
        type=_document,
        metavar="DOCUMENT",
        help="what to build: report, annex (the status table as a document of its own), "
        "letters (a campaign's letters to States not party, in output/letters/CAMPAIGN/); "
        "default: report",
    )
    build.add_argument(
        "--campaign",
        default=None,
        help="the campaign of data/campaigns.yaml whose letters to build (default: the "
        "latest with recipients)",
    )
    data_option(build)
    template_option(build)
    build.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default=None,
        help="build the report in this language only: en, fr or es (default: every language "
        "whose template is in templates/; English alone with --template or --output)",
    )
    build.add_argument(
        "--output",
        type=Path,
        default=None,
        help="the .docx to write (default: output/report.docx, report.fr.docx for --lang fr); "
        "the report it replaces is kept in previous/ beside it",
    )
    strict_option(build)
    build.add_argument(
        "--pdf",
        action="store_true",
        help="also write the PDF beside each .docx (output/report.pdf...) through LibreOffice",
    )
    build.add_argument(
        "--watch",
        action="store_true",
        help="stay running and build again each time a data file or a template is saved",
    )


def _targets(args: argparse.Namespace) -> list[Target]:
    """What `reportgen build` builds: every language with a template, or one language,
    English when a template or an output is named without --lang."""
    from reportgen.app import Target, targets

    if args.lang is None and args.template is None and args.output is None:
        return targets()
    lang = "en" if args.lang is None else args.lang
    return [Target(lang, template_for(lang, args.template), output_for(lang, args.output))]


def _inapplicable(args: argparse.Namespace, documents: Sequence[str]) -> None:
    """InputError, one line per option given that none of the `documents` reads: never an
    option silently ignored."""
    from reportgen.core.problems import Problem

    problems = []
    named = " ".join(documents)
    if "letters" not in documents and args.campaign is not None:
        problems.append(
            Problem.about(
                "--campaign",
                "option",
                f"names the campaign whose letters to build; `build {named}` builds no "
                f"letters (build letters --campaign {args.campaign[:40]})",
            )
        )
    if "report" not in documents:
        for option, value in (("--output", args.output), ("--template", args.template)):
            if value is not None:
                problems.append(
                    Problem.about(
                        option,
                        "option",
                        f"names the report's file; `build {named}` builds no report (the "
                        "letters go to output/letters/CAMPAIGN/, the annex to output/annex.docx)",
                    )
                )
    if set(documents) == {"letters"} and args.lang is not None:
        problems.append(
            Problem.about(
                "--lang",
                "option",
                "limits the report and the annex; letters are in each recipient's language",
            )
        )
    if problems:
        raise InputError(problems)


def _build(args: argparse.Namespace, say: Messages) -> int:
    documents = list(dict.fromkeys(args.documents or ["report"]))
    _inapplicable(args, documents)
    chosen = _targets(args)
    if args.watch and documents != ["report"]:
        return _watch_set(args, documents, chosen, say)
    if args.watch:
        return _watch(args, chosen, say)
    started = time.perf_counter()
    if documents == ["report"]:
        from reportgen.app import build_all

        _said(args, build_all(args.data, chosen, strict=args.strict, pdf=args.pdf), say)
    else:
        _said_set(args, _build_set(args, documents, chosen, say), say)
    say.detail(f"in {time.perf_counter() - started:.2f} s")
    return EXIT_OK


def _build_set(
    args: argparse.Namespace,
    documents: list[str],
    chosen: list[Target],
    say: Messages,
    *,
    keep_previous: bool = True,
) -> SetBuilt:
    """The documents named, all or none (`reportgen.sets.build_set`), with a progress line
    for the letters and their PDF past the first second."""
    from reportgen.sets import annex_targets, build_set

    hooks = _progress(say)
    return build_set(
        args.data,
        documents,
        reports=chosen,
        annexes=annex_targets(None if args.lang is None else [args.lang]),
        campaign=args.campaign,
        strict=args.strict,
        pdf=args.pdf,
        keep_previous=keep_previous,
        progress=hooks.made,
        converting=hooks.converting,
        converted=hooks.converted,
    )


@dataclass(frozen=True)
class Hooks:
    """What a batch of letters tells as it goes (`reportgen.sets.build_set`)."""

    made: Callable[[int, int], None]
    converting: Callable[[int], None]
    converted: Callable[[int, int], None]


def _progress(say: Messages) -> Hooks:
    """The progress lines of a batch of letters, from its first second on: `letters: N of
    M made`, then `letters: N of M converted to PDF`, each ending at M of M, none twice."""
    started = [time.perf_counter()]
    shown = [0.0]
    said: set[str] = set()

    def counting(what: str) -> Callable[[int, int], None]:
        def progress(done: int, total: int) -> None:
            if what == "made" and done == 1:  # a new batch (build --watch makes several)
                started[0], shown[0] = time.perf_counter(), 0.0
                said.clear()
            now = time.perf_counter() - started[0]
            line = f"letters: {done} of {total} {what}"
            if now > 1.0 and (now - shown[0] > 1.0 or done == total) and line not in said:
                shown[0] = now
                said.add(line)
                say.info(line)

        return progress

    def converting(count: int) -> None:
        say.info(f"letters: making the PDF of {count} letters through LibreOffice")

    return Hooks(counting("made"), converting, counting("converted to PDF"))


def _said(args: argparse.Namespace, built: Sequence[Built], say: Messages) -> None:
    """What each report (or annex) built says: its warnings, where it was written."""
    say.problems(list(dict.fromkeys(p for each in built for p in each.warnings)))
    for each in built:  # the report's, then the annex's
        say.detail(
            f"{each.lang}: {len(each.inputs.states)} States, {len(each.inputs.categories)} "
            f"categories, {len(each.inputs.events.initiatives)} initiatives from {args.data}/; "
            f"{each.figures.states_parties.count} States Parties as of {each.figures.as_of}"
        )
        say.info(_written(each))
        if each.pdf is not None:
            say.info(f"wrote {each.pdf}")


def _said_set(args: argparse.Namespace, built: SetBuilt, say: Messages) -> None:
    _said(args, [*built.reports, *built.annexes], say)
    made = built.letters
    if made is None:
        return
    said = {p for each in [*built.reports, *built.annexes] for p in each.warnings}
    say.problems([p for p in made.warnings if p not in said])
    langs = ", ".join(
        f"{sum(s.lang == lang for s in made.letters)} in {LANGUAGES[lang]}"
        for lang in LANGUAGES
        if any(s.lang == lang for s in made.letters)
    )
    if made.csv is None:
        say.info(f"wrote no letters of {made.campaign}: no State is written to")
        return
    count = len(made.letters)
    letters = "letter" if count == 1 else "letters"
    line = f"wrote {count} {letters} of {made.campaign} ({langs}) in {made.folder}"
    if made.kept is not None:
        line += f" (the letters it replaced are now in {made.kept})"
    say.info(line)
    say.info(f"wrote {made.csv}")
    if made.pdf is not None:
        say.info(f"wrote {made.pdf}")


def _written(built: Built) -> str:
    """What became of one report: written (and where the one it replaced is kept), or not
    written because it held the same report already."""
    if not built.written:
        return f"{built.output} is unchanged"
    said = f"wrote {built.output}"
    if built.kept is not None:
        said += f" (the one it replaced is now {built.kept})"
    if built.pdf_moved is not None and built.pdf is None:
        said += f"; its PDF, made from the report it replaced, is now {built.pdf_moved}"
    return said


def _watch(args: argparse.Namespace, chosen: list[Target], say: Messages) -> int:
    """build --watch: build on each save until Ctrl-C, saying how each build went."""
    from reportgen.app import Built, watch

    def report(outcome: Built | Exception, seconds: float) -> None:
        clock = time.strftime("%H:%M:%S")
        if isinstance(outcome, Built):
            say.problems(outcome.warnings)
            say.info(f"{clock} {_written(outcome)} in {seconds:.2f} s")
            if outcome.pdf is not None:
                say.info(f"{clock} wrote {outcome.pdf}")
            return
        if args.debug and internal(outcome):
            traceback.print_exception(outcome)
        else:
            failed(outcome, say)
        if isinstance(outcome, InputError):
            outputs = ", ".join(str(target.output) for target in chosen)
            say.info(f"{clock} not built; {outputs} left as they were")
        else:
            say.info(f"{clock} the build failed; watching goes on")

    templates = ", ".join(str(target.template) for target in chosen)
    say.info(f"watching {args.data}/, {templates} and their catalogues; Ctrl-C stops")
    with contextlib.suppress(KeyboardInterrupt):  # how watching ends
        watch(args.data, report=report, strict=args.strict, pdf=args.pdf, chosen=chosen)
    return EXIT_OK


def _watch_set(
    args: argparse.Namespace, documents: list[str], chosen: list[Target], say: Messages
) -> int:
    """build DOCUMENT... --watch: the set built all or none on each save until Ctrl-C; a
    failing build says its problems and leaves the previous set."""
    from reportgen.sets import SetBuilt, annex_targets, watch_set, watched

    annexes = annex_targets(None if args.lang is None else [args.lang])

    def report(outcome: SetBuilt | Exception, seconds: float) -> None:
        clock = time.strftime("%H:%M:%S")
        if isinstance(outcome, SetBuilt):
            _said_set(args, outcome, say)
            say.info(f"{clock} built {' '.join(documents)} in {seconds:.2f} s")
            return
        if args.debug and internal(outcome):
            traceback.print_exception(outcome)
        else:
            failed(outcome, say)
        if isinstance(outcome, InputError):
            say.info(f"{clock} not built; the previous {' '.join(documents)} left as they were")
        else:
            say.info(f"{clock} the build failed; watching goes on")

    templates = ", ".join(str(path) for path in watched(documents, chosen, annexes))
    say.info(f"watching {args.data}/, {templates} and their catalogues; Ctrl-C stops")
    hooks = _progress(say)
    with contextlib.suppress(KeyboardInterrupt):  # how watching ends
        watch_set(
            args.data,
            documents,
            report=report,
            reports=chosen,
            annexes=annexes,
            campaign=args.campaign,
            strict=args.strict,
            pdf=args.pdf,
            progress=hooks.made,
            converting=hooks.converting,
            converted=hooks.converted,
        )
    return EXIT_OK


# --- check -----------------------------------------------------------------------------------


def add_check(commands: Commands) -> None:
    """`reportgen check`."""
    check = add_command(
        commands,
        "check",
        "validate the data and the templates (report, annex, letters) without building, "
        "with one line per problem",
        "reportgen check report letters --data data --strict",
        _check,
    )
    check.add_argument(
        "documents",
        nargs="*",
        type=_document,
        metavar="DOCUMENT",
        help="what to check, as build names it: report, annex, letters (every campaign with "
        "recipients); default: everything the folder can build (the report alone with "
        "--template)",
    )
    data_option(check)
    template_option(check)
    check.add_argument(
        "--lang",
        action="append",
        choices=sorted(LANGUAGES),
        default=None,
        help="a language to check (again for several: --lang fr --lang es); by default "
        "every language whose template is in templates/ (English only with --template); "
        "letters are checked in each recipient's language",
    )
    strict_option(check)


def _check(args: argparse.Namespace, say: Messages) -> int:
    from reportgen.set_check import annex_templates, check_set

    named = bool(args.documents)
    documents = list(dict.fromkeys(args.documents)) if named else list(DOCUMENTS)
    if not named and args.template is not None:
        documents = ["report"]  # a report's template given: that template is checked
    languages = args.lang or (
        ["en"]
        if args.template is not None
        else [lang for lang in LANGUAGES if template_for(lang).exists()] or ["en"]
    )
    templates = {lang: template_for(lang, args.template) for lang in dict.fromkeys(languages)}
    annexes = {lang: template_for(lang, kind="annex") for lang in dict.fromkeys(languages)}
    if not named:  # the annex of each language that has a template; none in an older folder
        annexes = {lang: path for lang, path in annexes.items() if path.is_file()}
    elif not args.lang:
        annexes = annex_templates() or {"en": template_for("en", kind="annex")}
    if "annex" in documents and not annexes:
        documents.remove("annex")  # a folder from before the annex: it builds none
    checked = check_set(args.data, documents, reports=templates, annexes=annexes, named=named)
    say.problems(checked.problems)
    errors = sum(p.severity == "error" for p in checked.problems)
    warnings = len(checked.problems) - errors
    if errors or (warnings and args.strict):
        return EXIT_BAD_INPUT
    said = [str(t) for t in dict.fromkeys(templates.values())] if "report" in documents else []
    also = [str(t) for t in annexes.values()] if "annex" in documents else []
    also += ["the letters' templates and campaigns"] if "letters" in documents else []
    if not said:  # the report not checked: the line names what was
        said, also = also, []
    if also:  # the report's line as it was before the annex and letters were checked
        say.detail(f"also checked: {', '.join(also)}")
    say.info(f"{args.data}/ and {', '.join(said)}: no errors, {warnings} warning(s)")
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
