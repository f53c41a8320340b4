"""The whole pipeline, one stage after another.

    data/*.yaml --load--> Inputs --compute--> Figures --render--> .docx --write--> output/


docxtpl and the charts are imported only by `build`, so that `check` (which fills the
template's tags with the data in Jinja alone, and writes nothing) starts fast
(benchmarks/RESULTS.md measures it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reportgen.core.config import (
    DEFAULT_DATA,
    DEFAULT_OUTPUT,
    DEFAULT_TEMPLATE,
    built_languages,
    output_for,
    template_for,
)
from reportgen.core.memo import Memo
from reportgen.core.problems import InputError, Problem, in_order
from reportgen.documents.report.kind import KIND
from reportgen.inputs.load import (
    CAMPAIGNS_FILE,
    DATA_FILES,
    NAMES_FILE,
    NamesCheck,
    load,
    load_with_warnings,
    locate,
)
from reportgen.inputs.models import Inputs

if TYPE_CHECKING:
    from reportgen.core.replacing import Replaced
    from reportgen.documents.kinds import DocumentKind
    from reportgen.figures.compute import Figures


@dataclass(frozen=True)
class Built:
    """What a build made, and the warnings its inputs raised.

    `written` is False when `output` held the same report already (it is then left as it
    was); `kept` is where the report it replaced was kept (output/previous/report.docx),
    None when there was none or none was to be kept.
    """

    output: Path
    inputs: Inputs
    figures: Figures
    warnings: tuple[Problem, ...]
    pdf: Path | None = None
    lang: str = "en"
    written: bool = True
    kept: Path | None = None
    pdf_moved: Path | None = None


@dataclass(frozen=True)
class Target:
    """One report of a build: its language, its template and where it is written."""

    lang: str
    template: Path
    output: Path


def targets(langs: Sequence[str] | None = None) -> list[Target]:
    """The default template and output of each language in `langs`; by default of every
    language that has a template in templates/ (`reportgen.core.config.built_languages`)."""
    chosen = built_languages() if langs is None else langs
    return [Target(lang, template_for(lang), output_for(lang)) for lang in chosen]


def build(
    data: Path = DEFAULT_DATA,
    template: Path = DEFAULT_TEMPLATE,
    output: Path = DEFAULT_OUTPUT,
    *,
    strict: bool = False,
    pdf: bool = False,
    lang: str = "en",
    kind: DocumentKind = KIND,
    keep_previous: bool = True,
    today: dt.date | None = None,
) -> Built:
    """Generate the report in `lang` from `data` through `template` into `output`.

    Raises `InputError` with every problem of the inputs (warnings too when `strict`), of
    the template, or of the output path; the previous output is then left as it was.
    With `pdf`, also writes the PDF beside the output through LibreOffice, whose absence
    (`reportgen.review.pdf.PdfError`) is found before anything is written. The report it
    replaces is kept in previous/ beside it unless `keep_previous` is False.
    """
    (built,) = build_all(
        data,
        [Target(lang, template, output)],
        strict=strict,
        pdf=pdf,
        kind=kind,
        keep_previous=keep_previous,
        today=today,
    )
    return built


def build_all(
    data: Path = DEFAULT_DATA,
    chosen: Sequence[Target] | None = None,
    *,
    strict: bool = False,
    pdf: bool = False,
    kind: DocumentKind = KIND,
    keep_previous: bool = True,
    today: dt.date | None = None,
) -> list[Built]:
    """Generate the report of each target (by default every language with a template,
    `targets()`) from `data`, in this one process, and write them together.

    Every target is rendered before any is written: when one has problems, InputError
    lists the problems of all of them (each once) and no report is replaced. The reports
    are then replaced all or none (`reportgen.core.replacing`), each replaced one kept in
    previous/ beside it unless `keep_previous` is False. With `pdf`, the PDFs of all of
    them are made by one start of LibreOffice, whose absence is found before anything is
    written. The narrative's warnings (`DocumentKind.warnings`) compare the as-of day with
    `today`, by default the clock's (read here, never by the stages below).
    """
    from reportgen.core.replacing import replace_reports
    from reportgen.review.pdf import find_soffice

    if pdf:
        find_soffice()
    made = render_all(data, chosen, strict=strict, kind=kind, today=today)
    replaced = replace_reports(
        {each.target.output: each.document for each in made}, keep=keep_previous
    )
    return finish(made, replaced, pdf=pdf)


@dataclass(frozen=True)
class Rendered:
    """One report rendered and not yet written: its target, what it was made from, its
    warnings and its bytes."""

    target: Target
    inputs: Inputs
    figures: Figures
    warnings: tuple[Problem, ...]
    document: bytes


def render_all(
    data: Path = DEFAULT_DATA,
    chosen: Sequence[Target] | None = None,
    *,
    strict: bool = False,
    kind: DocumentKind = KIND,
    today: dt.date | None = None,
) -> list[Rendered]:
    """Render the document of each target (`build_all`'s first half), writing nothing;
    InputError lists the problems of all of them, each once."""
    from reportgen.core.limits import from_environment
    from reportgen.figures.compute import compute
    from reportgen.templating.render import render

    chosen = targets() if chosen is None else list(chosen)
    limits = from_environment()
    made: list[Rendered] = []
    problems: list[Problem] = []
    for target in chosen:
        found = check_template(target.template, target.lang, kind)
        try:
            inputs, warnings = load(
                data, strict=strict, lang=target.lang, names_check=_names_check()
            )
        except InputError as error:
            problems += [*error.problems, *_failing(found, strict)]
            continue
        if _failing(found, strict):
            problems += _failing(found, strict)
            continue
        if problems:  # another language failed: nothing will be written, nor rendered
            continue
        figures = compute(inputs)
        narrative = locate(data, kind.warnings(inputs, figures, today or dt.date.today()))
        if _failing(narrative, strict):
            problems += _failing(narrative, strict)
            continue
        warnings = [*warnings, *narrative]
        document = render(kind.document(inputs, figures), target.template, limits)
        made.append(Rendered(target, inputs, figures, (*warnings, *found), document))
    if problems:
        raise InputError(list(dict.fromkeys(problems)))
    return made


def finish(
    made: Sequence[Rendered], replaced: Mapping[Path, Replaced], *, pdf: bool = False
) -> list[Built]:
    """What became of reports `made` once written (`replaced`), with their PDFs made by one
    start of LibreOffice when `pdf`."""
    from reportgen.review.pdf import convert_all_to_pdf

    pdfs = convert_all_to_pdf([each.target.output for each in made]) if pdf else []
    return [
        Built(
            each.target.output,
            each.inputs,
            each.figures,
            each.warnings,
            pdfs[index] if pdf else None,
            each.target.lang,
            replaced[each.target.output].written,
            replaced[each.target.output].kept,
            replaced[each.target.output].pdf_moved,
        )
        for index, each in enumerate(made)
    ]


_WORD_DOCUMENTS: Memo[bytes, bool] = Memo(16)
"""The SHA-256 of each template found to be a Word document in this process."""


def check(
    data: Path = DEFAULT_DATA,
    template: Path | None = DEFAULT_TEMPLATE,
    lang: str = "en",
    kind: DocumentKind = KIND,
    today: dt.date | None = None,
) -> list[Problem]:
    """Every problem (errors and warnings) of the inputs in `data` for a report in `lang`,
    and of `template` and its catalogue, without writing anything.

    When the data and the template have no error, the template is filled with the data
    (`templating.dry_run`): what only the data shows (a field the records lack, a sentence
    the catalogue cannot write) is found as `build` finds it, in the same words, and so
    are the narrative's warnings (with `today`, by default the clock's: see `build_all`)."""
    from reportgen.core.limits import from_environment

    inputs, problems, _ = load_with_warnings(data, lang=lang, names_check=_names_check())
    found = check_template(template, lang, kind) if template is not None else []
    if inputs is not None:
        from reportgen.figures.compute import compute

        figures = compute(inputs)
        found += locate(data, kind.warnings(inputs, figures, today or dt.date.today()))
        if template is not None and not _failing(found, False):
            from reportgen.templating.dry_run import rendering_problems

            document = kind.document(inputs, figures)
            found += rendering_problems(document, template, from_environment())
    return in_order([*problems, *found])


def check_languages(
    data: Path,
    templates: Mapping[str, Path],
    kind: DocumentKind = KIND,
    today: dt.date | None = None,
) -> list[Problem]:
    """Every problem of the data and of each language's template (`templates`, by
    language), all languages in one run: a problem several languages share is said once."""
    found: dict[Problem, None] = {}
    for lang, template in templates.items():
        found.update(dict.fromkeys(check(data, template, lang, kind, today)))
    return in_order(found)


def _names_check() -> NamesCheck:
    """What the language stage finds wrong with a State's names (imported when asked)."""
    from reportgen.language.naming import name_problems

    return name_problems


def check_template(template: Path, lang: str = "en", kind: DocumentKind = KIND) -> list[Problem]:
    """Every problem of a Word template and its catalogue (errors, and warnings for its
    comments), found without rendering it; the same template file is checked once in a
    process."""
    from reportgen.language.formats import Formats
    from reportgen.ooxml.package import NotADocx, read_docx
    from reportgen.templating import check as templates

    if not template.is_file():
        reason = "is missing" if not template.exists() else "is not a file"
        return [Problem.about(str(template), "template", reason)]
    try:
        checked = hashlib.sha256(template.read_bytes()).digest()
    except OSError:
        checked = b""
    if checked not in _WORD_DOCUMENTS:  # the template as built before: checked then
        try:
            read_docx(template)
        except NotADocx as error:
            reason = str(error).removeprefix(f"{template}: ")
            reason = f"is {reason}" if reason.startswith("not ") else reason
            return [Problem.about(str(template), "template", reason)]
        if checked:
            _WORD_DOCUMENTS.put(checked, True)
    found = templates.check_template(template, Formats("en").filters(), kind.names)
    language = _language_problems(template, lang)
    return [*found, *language, *_catalogue_problems(template, lang, kind)]


def _language_problems(template: Path, lang: str) -> list[Problem]:
    """A template whose text is marked in another language than the report's: built, it
    would mix the two (French data in English prose)."""
    from reportgen.core.languages import LANGUAGES
    from reportgen.ooxml import rendition as ooxml_rendition
    from reportgen.ooxml.package import NotADocx, open_docx

    try:
        package = open_docx(template)
    except NotADocx:  # the template check says why
        return []
    marked = ooxml_rendition.text_language(package.parts, package.main)
    wanted = LANGUAGES.get(lang, lang)
    if marked is None:
        if lang == "en":
            return []  # a template that names no language is taken for English
        reason = (
            f"names no language (Word's Review > Language marks none of its text), so it is "
            f"taken for English, not {wanted}: mark its text {wanted} (select all, Review > "
            f"Language), or give --template {template_for(lang)} for a report in {wanted}"
        )
        return [Problem.about(str(template), "template", reason)]
    if marked.split("-")[0].lower() == lang:
        return []
    if marked.split("-")[0].lower() not in LANGUAGES:  # Czech, say: no --lang builds it
        built = ", ".join(f"{name} (--lang {code})" for code, name in LANGUAGES.items())
        reason = (
            f"is marked {marked} (Word's Review > Language), a language reportgen does not "
            f"build reports in: it builds {built}. To build this template in {wanted}, mark "
            f"its text {wanted} (select all, Review > Language); a report in another "
            'language needs its rules first (docs/architecture.md, "How to add a language")'
        )
        return [Problem.about(str(template), "template", reason)]
    language = LANGUAGES.get(marked.split("-")[0].lower(), marked)
    return [
        Problem.about(
            str(template),
            "template",
            f"is a template in {language} (its text is marked {marked}), not in {wanted}: "
            f"build with --lang {marked.split('-')[0].lower()}, or give --template "
            f"{template_for(lang)} for a report in {wanted}",
        )
    ]


def _catalogue_problems(template: Path, lang: str, kind: DocumentKind) -> list[Problem]:
    """The problems of the template's catalogue, and each `{{ sentence.NAME }}` of the
    template that names no message of it."""
    from reportgen.language.fluent import read_catalogue
    from reportgen.templating import locate

    path = kind.catalogue(template, lang)
    try:
        catalogue = read_catalogue(path, lang, kind.sentences)
    except InputError as error:
        return list(error.problems)
    return locate.unknown_sentences(template, catalogue.messages, str(path))


def _failing(problems: list[Problem], strict: bool) -> list[Problem]:
    return [p for p in problems if p.severity == "error" or strict]


T = TypeVar("T")

Snapshot = tuple[tuple[str, int, int], ...]
"""Each input file with its modification time and size (-1, -1 when it is missing)."""


def snapshot(data: Path = DEFAULT_DATA, template: Path = DEFAULT_TEMPLATE, *more: Path) -> Snapshot:
    """The state of every file a build reads (the data, and each template given with its
    catalogue): a change to any of them changes this."""
    files = [data / f"{stem}.yaml" for stem in [*DATA_FILES, NAMES_FILE, CAMPAIGNS_FILE]]
    for each in (template, *more):
        files += [each, each.with_suffix(".ftl")]  # the template and its catalogue
    state = []
    for path in files:
        try:
            found = path.stat()
            state.append((str(path), found.st_mtime_ns, found.st_size))
        except OSError:
            state.append((str(path), -1, -1))
    return tuple(state)


def watch(
    data: Path = DEFAULT_DATA,
    template: Path = DEFAULT_TEMPLATE,
    output: Path = DEFAULT_OUTPUT,
    *,
    report: Callable[[Built | Exception, float], None],
    strict: bool = False,
    pdf: bool = False,
    lang: str = "en",
    chosen: Sequence[Target] | None = None,
    interval: float = 0.3,
    stop: Callable[[], bool] = lambda: False,
) -> None:
    """Build now, then again whenever a data file or a template changes, until `stop()`.

    What is built is the report of `template` in `lang` into `output`, or, when `chosen`
    is given, the report of each of those targets (`build_all`). `report` hears each
    outcome and the seconds the build took: each report built, or why they could not be:
    the InputError of inputs that cannot be built (the previous outputs then stay as they
    were), a PdfError, or any other error of the build (a template's expression that
    fails, say). Watching goes on after each; only `stop()` or an interrupt ends it. In one
    process a rebuild reuses the compiled template and every chart whose values did not
    change, so it takes a fraction of a cold build.

    The report replaced by the first build that writes is kept in previous/ beside it;
    later builds of the same watch do not keep theirs, so that previous/ holds the report
    as it was before watching started, not the one of the save before.
    """
    jobs = [Target(lang, template, output)] if chosen is None else list(chosen)
    templates = [job.template for job in jobs]

    def rebuild(keep_previous: bool) -> list[Built]:
        return build_all(data, jobs, strict=strict, pdf=pdf, keep_previous=keep_previous)

    def each(outcome: list[Built] | Exception, seconds: float) -> None:
        for built in [outcome] if isinstance(outcome, Exception) else outcome:
            report(built, seconds)

    rebuilding(
        lambda: snapshot(data, *templates),
        rebuild,
        each,
        lambda built: any(one.written for one in built),
        interval=interval,
        stop=stop,
    )


def rebuilding(
    state: Callable[[], Snapshot],
    rebuild: Callable[[bool], T],
    report: Callable[[T | Exception, float], None],
    wrote: Callable[[T], bool],
    *,
    interval: float = 0.3,
    stop: Callable[[], bool] = lambda: False,
) -> None:
    """`watch`'s loop for any build: `rebuild(keep_previous)` now, then again whenever
    `state()` changes and settles, until `stop()`; `report` hears what each made (or the
    exception it raised) and the seconds it took. `keep_previous` is True until a build
    `wrote` something, so that previous/ keeps what was there before watching began."""
    seen: Snapshot | None = state()
    keep_previous = True
    while seen is not None and not stop():
        started = time.perf_counter()
        try:
            made = rebuild(keep_previous)
        except Exception as error:  # reported; the next save builds again
            report(error, time.perf_counter() - started)
        else:
            keep_previous = keep_previous and not wrote(made)
            report(made, time.perf_counter() - started)
        seen = _next_change(seen, state, interval, stop)


def _next_change(
    seen: Snapshot, state: Callable[[], Snapshot], interval: float, stop: Callable[[], bool]
) -> Snapshot | None:
    """The files' state once it differs from `seen` and has settled, or None once stopped.

    Settled means unchanged for one `interval`, so that an editor saving in several
    steps (a temporary file, then a rename) gives one build, of the finished file.
    """
    changed = None
    while not stop():
        time.sleep(interval)
        now = state()
        if changed is not None and now == changed:
            return now
        changed = None if now == seen else now
    return None
