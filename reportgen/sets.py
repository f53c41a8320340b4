"""Sets of documents from the same data: the status annex and a campaign's letters, beside
the report (`reportgen build report annex letters`).

The annex is built like the report (`app.build_all` with its kind). The letters of a
campaign are one .docx per recipient, in the language it corresponds in, a CSV list and,
when LibreOffice is present, one PDF holding every letter in order: all rendered in this
one process (each template's compiled form reused), written into a temporary folder
beside the campaign's, which then takes its place. A failure or Ctrl-C leaves the previous
batch as it was, and no partial new one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.app import (
    Built,
    Rendered,
    Target,
    _names_check,
    build_all,
    check_template,
    finish,
    render_all,
    targets,
)
from reportgen.core.config import (
    DEFAULT_DATA,
    LETTERS_FOLDER,
    built_languages,
    output_for,
    template_for,
)
from reportgen.core.folders import (
    keep_replaced,
    output_problems,
    swap_back,
    swap_in,
    uninterrupted,
)
from reportgen.core.languages import LANGUAGES
from reportgen.core.problems import InputError, Problem
from reportgen.core.writing import output_problem, scratch_folder
from reportgen.inputs.load import CAMPAIGNS_FILE, load, load_with_warnings, locate
from reportgen.inputs.withdrawals import Finding

if TYPE_CHECKING:
    from reportgen.inputs.campaign import Campaign, CampaignsFile
    from reportgen.inputs.models import Inputs

Progress = Callable[[int, int], None]
"""Told (letters made, letters in all) as a batch goes."""


# --- The annex ---------------------------------------------------------------------------


def annex_targets(langs: Sequence[str] | None = None) -> list[Target]:
    """The annex in each language of `langs`, by default each with a template."""
    chosen = built_languages(kind="annex") if langs is None else langs
    return [
        Target(lang, template_for(lang, kind="annex"), output_for(lang, kind="annex"))
        for lang in chosen
    ]


def build_annex(
    data: Path = DEFAULT_DATA,
    chosen: Sequence[Target] | None = None,
    *,
    strict: bool = False,
    pdf: bool = False,
) -> list[Built]:
    """The status annex in each language (`annex_targets()`), like the report."""
    from reportgen.documents.annex.kind import KIND

    targets = annex_targets() if chosen is None else list(chosen)
    return build_all(data, targets, strict=strict, pdf=pdf, kind=KIND)


# --- The letters -------------------------------------------------------------------------


@dataclass(frozen=True)
class Sent:
    """One letter: its rank, its recipient (named as in states.yaml), code and language,
    and its file."""

    rank: int
    state: str
    iso3: str
    lang: str
    file: Path


@dataclass(frozen=True)
class LettersBuilt:
    """What a campaign's build made: its folder, the letters, the CSV list (None when no
    State is written to: nothing was written) and the PDF (None without --pdf), the
    warnings of the data, and where the batch it replaced is kept (None: there was none)."""

    campaign: str
    folder: Path
    letters: tuple[Sent, ...]
    csv: Path | None
    pdf: Path | None
    warnings: tuple[Problem, ...]
    kept: Path | None = None


def letters_folder(key: str, root: Path = LETTERS_FOLDER) -> Path:
    """output/letters/<campaign>/."""
    return root / key


@dataclass
class Batch:
    """A campaign's letters made and not yet in place: each letter written into `scratch`
    (a folder beside the campaign's; None when no State is written to, and nothing is to
    be written), with what they were made from; `kept`, once in place, where the batch it
    replaced went."""

    campaign: str
    folder: Path
    scratch: Path | None
    made: list[Sent]
    warnings: tuple[Problem, ...]
    kept: Path | None = None


def build_letters(
    data: Path = DEFAULT_DATA,
    key: str | None = None,
    *,
    templates: Path | None = None,
    root: Path = LETTERS_FOLDER,
    strict: bool = False,
    pdf: bool = False,
    progress: Progress | None = None,
    converting: Callable[[int], None] | None = None,
    converted: Progress | None = None,
    keep_previous: bool = True,
    today: dt.date | None = None,
) -> LettersBuilt:
    """The letters of campaign `key` (by default the latest with recipients) into
    `root`/<key>/: NN-<ISO3>-<lang>.docx each, letters.csv, and with `pdf` letters.pdf.

    Raises InputError with every problem at once (a recipient with no language of
    correspondence, no name in it or no template for it; errors of the data and templates),
    nothing written. `templates` is the folder of letter*.docx (default templates/).
    `progress` hears each letter made, `converting` when the PDF's conversion starts and
    `converted` how far it is (PDFs made, letters in all). The batch it replaces is kept
    in output/previous/letters/<key>/ (`keep_previous`); `today` dates the data's warnings
    (a reply in the future), by default the clock's.
    """
    if pdf:
        from reportgen.review.pdf import find_soffice

        find_soffice()
    batch = prepare_letters(
        data, key, templates=templates, root=root, strict=strict, progress=progress, today=today
    )
    if batch.scratch is None:
        return _built(batch, pdf)
    try:
        finish_batch(batch, pdf=pdf, converting=converting, converted=converted)
        with uninterrupted():  # the previous batch kept too: no Ctrl-C leaves it aside
            old = swap_in(batch.scratch, batch.folder)
            batch.kept = keep_replaced(old, batch.folder, root, keep=keep_previous)
    finally:
        shutil.rmtree(batch.scratch, ignore_errors=True)
    return _built(batch, pdf)


def _built(batch: Batch, pdf: bool) -> LettersBuilt:
    folder = batch.folder
    if batch.scratch is None:  # no State written to: nothing written
        return LettersBuilt(batch.campaign, folder, (), None, None, batch.warnings)
    return LettersBuilt(
        batch.campaign,
        folder,
        tuple(
            Sent(sent.rank, sent.state, sent.iso3, sent.lang, folder / sent.file)
            for sent in batch.made
        ),
        folder / "letters.csv",
        folder / "letters.pdf" if pdf and batch.made else None,
        batch.warnings,
        batch.kept,
    )


def prepare_letters(
    data: Path = DEFAULT_DATA,
    key: str | None = None,
    *,
    templates: Path | None = None,
    root: Path = LETTERS_FOLDER,
    strict: bool = False,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Batch:
    """Render every letter of campaign `key` into a scratch folder beside its own, and its
    CSV list; nothing in the campaign's folder changes. InputError says every problem at
    once: those of data/campaigns.yaml do not hide the recipients' own (a recipient with no
    language, no name in it, no template for it) where the recipients can still be read,
    and errors never hide warnings. The warnings of campaigns.yaml are this campaign's
    only. A rule that selects no State is a warning, and nothing is written."""
    from reportgen.core.limits import from_environment
    from reportgen.documents.letter.kind import KIND
    from reportgen.inputs.campaign import campaign_findings, recipients
    from reportgen.language.naming import Naming
    from reportgen.templating.render import render

    inputs, loaded, _ = load_with_warnings(
        data, lang="en", names_check=_names_check(), despite_campaigns=True
    )
    if inputs is None:
        raise InputError(loaded)
    try:
        campaign = _campaign(data, inputs, key)
    except InputError as error:
        raise InputError(list(dict.fromkeys([*loaded, *error.problems]))) from None
    own = campaign_findings(inputs, [campaign.key], today or dt.date.today())
    loaded += locate(data, [f for f in own if f.severity == "warning"])
    chosen = recipients(inputs, campaign)
    if not chosen:
        index = inputs.campaigns.index(campaign.key) if inputs.campaigns is not None else None
        at: tuple[str | int, ...] = ("campaigns", index or 0, "recipients")
        reason = f"no State is written to: the rule selects none on {campaign.day.isoformat()}"
        loaded += locate(data, [Finding(CAMPAIGNS_FILE, at, reason, "warning")])
    problems = [p for p in loaded if p.severity == "error" or strict]
    warnings = [p for p in loaded if p not in problems]
    file = inputs.campaigns
    assert file is not None
    template_of = {
        lang: (templates / template_for(lang, kind="letter").name)
        if templates is not None
        else template_for(lang, kind="letter")
        for lang in LANGUAGES
    }
    findings, langs = _language_findings(inputs, file, chosen, template_of)
    problems += locate(data, findings)
    for lang in dict.fromkeys(langs.values()):
        found = check_template(template_of[lang], lang, KIND)
        problems += [p for p in found if p.severity == "error" or strict]
    folder = letters_folder(campaign.key, root)
    problems += output_problems(folder, root, OURS)
    if problems:
        raise InputError(list(dict.fromkeys([*problems, *warnings])))
    if not chosen:
        return Batch(campaign.key, folder, None, [], tuple(warnings))
    documents = {}
    for lang in dict.fromkeys(langs.values()):
        language_inputs = inputs if lang == "en" else _load(data, lang, strict)
        for document in KIND.letters(language_inputs, campaign):
            documents[document.letter.recipient] = document
    limits = from_environment()
    total = len(chosen)
    width = max(2, len(str(total)))
    naming = Naming(inputs, "en", campaign.day)  # the names the letters use, on their day
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        scratch = scratch_folder(folder.parent, f".{campaign.key}.new-")
    except OSError as error:
        raise InputError([output_problem(folder.parent, error), *warnings]) from None
    made: list[Sent] = []
    try:
        for rank, recipient in enumerate(chosen, start=1):
            state = inputs.state(recipient.name)
            lang = langs[recipient.name]
            name = f"{rank:0{width}d}-{state.iso3}-{lang}.docx"
            content = render(documents[recipient.name], template_of[lang], limits)
            (scratch / name).write_bytes(content)  # one letter in memory at a time
            made.append(Sent(rank, naming.listed(recipient.name), state.iso3, lang, Path(name)))
            if progress is not None:
                progress(rank, total)
        (scratch / "letters.csv").write_text(_csv(made), encoding="utf-8", newline="")
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return Batch(campaign.key, folder, scratch, made, tuple(warnings))


def finish_batch(
    batch: Batch,
    *,
    pdf: bool = False,
    converting: Callable[[int], None] | None = None,
    converted: Progress | None = None,
) -> None:
    """With `pdf`, letters.pdf in the batch's scratch folder: every letter converted by
    one LibreOffice process, then joined in order by pypdf. `converted` hears how far the
    conversion is while LibreOffice runs, and (M, M) once it has exited: its last word is
    always every letter converted."""
    from reportgen.review.pdf import convert_all_to_pdf, merge_pdfs

    if not pdf or not batch.made or batch.scratch is None:
        return
    if converting is not None:
        converting(len(batch.made))
    sources = [batch.scratch / sent.file for sent in batch.made]
    pages = convert_all_to_pdf(
        sources,
        [batch.scratch / "pdf" / s.with_suffix(".pdf").name for s in sources],
        progress=converted,
    )
    if converted is not None:  # LibreOffice has exited: every PDF is made, whatever was polled
        converted(len(batch.made), len(batch.made))
    merge_pdfs(pages, batch.scratch / "letters.pdf")
    shutil.rmtree(batch.scratch / "pdf")


def _load(data: Path, lang: str, strict: bool) -> Inputs:
    return load(data, strict=strict, lang=lang, names_check=_names_check())[0]


def _campaign(data: Path, inputs: Inputs, key: str | None) -> Campaign:
    """The campaign `key`, or the latest with recipients; InputError when there is none."""
    path = str(data / f"{CAMPAIGNS_FILE}.yaml")
    file = inputs.campaigns
    if file is None:
        raise InputError(
            [Problem.about(path, "campaigns", "is missing: docs/letters.md says how to write it")]
        )
    if key is None:
        latest = file.latest()
        if latest is None:
            reason = "has no campaign with recipients: (a rule over the data) to write letters for"
            raise InputError([Problem.about(path, "campaigns", reason)])
        return latest
    try:
        campaign = file.campaign(key)
    except KeyError:
        from reportgen.inputs.campaign_checks import cut

        listed = [c.key for c in file.campaigns]
        keys = ", ".join(listed[:10]) + (
            f" and {len(listed) - 10:,} more" if len(listed) > 10 else ""
        )
        reason = f"has no campaign {cut(key)} (its campaigns: {keys or 'none'})"
        raise InputError([Problem.about(path, "campaigns", reason)]) from None
    if campaign.recipients is None:
        at = ("campaigns", file.index(campaign.key) or 0, "reported")
        found = Finding(CAMPAIGNS_FILE, at, "is known by its count only: there is no list to write")
        raise InputError(locate(data, [found]))
    return campaign


def _language_findings(
    inputs: Inputs,
    file: CampaignsFile,
    chosen: Sequence[object],
    template_of: dict[str, Path],
) -> tuple[list[Finding], dict[str, str]]:
    """Each recipient with no language of correspondence, no name in it, or no template
    for it, located in data/campaigns.yaml; and the language of each of the others."""
    findings: list[Finding] = []
    langs: dict[str, str] = {}
    for recipient in chosen:
        name: str = recipient.name  # type: ignore[attr-defined]
        origin = recipient.origin  # type: ignore[attr-defined]
        code = inputs.state(name).iso3
        entry = file.correspondence.get(code)
        if entry is None:
            findings.append(
                Finding(
                    CAMPAIGNS_FILE,
                    origin,
                    f"{name} ({code}) has no language of correspondence: add "
                    f"`{code}: {{language: en, source: ...}}` (or fr, es) under correspondence",
                )
            )
            continue
        at = ("correspondence", code, "language")
        wanted = LANGUAGES[entry.language]
        names = inputs.names.get(code)
        given = names.in_language(entry.language) if names is not None else None
        if entry.language != "en" and (given is None or given[0] is None):
            findings.append(
                Finding(
                    CAMPAIGNS_FILE,
                    at,
                    f"{name} corresponds in {wanted}, and names.yaml gives no {wanted} name "
                    f"for it (`{code}:` `{entry.language}:`)",
                )
            )
            continue
        if not template_of[entry.language].is_file():
            findings.append(
                Finding(
                    CAMPAIGNS_FILE,
                    at,
                    f"{name} corresponds in {wanted}, and {template_of[entry.language]} "
                    "is missing (tools/make_letter_template.py makes one)",
                )
            )
            continue
        langs[name] = entry.language
    return findings, langs


OURS = re.compile(r"[0-9]+-[A-Z]{3}-(en|fr|es)\.docx|letters\.csv|letters\.pdf")
"""The files a campaign's build writes in its folder."""


def _csv(made: Sequence[Sent]) -> str:
    """letters.csv: one row per letter, in order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["number", "state", "iso3", "language", "file"])
    for sent in made:
        writer.writerow([sent.rank, cell(sent.state), sent.iso3, sent.lang, sent.file.name])
    return out.getvalue()


def cell(text: str) -> str:
    """A CSV cell a spreadsheet reads as text, never as a formula: one that begins with
    = + - @, a tab or a carriage return is prefixed with ' (OWASP's CSV injection)."""
    return f"'{text}" if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


# --- A set: all or none ------------------------------------------------------------------


@dataclass(frozen=True)
class SetBuilt:
    """What a set's build wrote: the reports, the annexes (each as `app.build_all` says)
    and the letters (None when not asked for)."""

    reports: list[Built]
    annexes: list[Built]
    letters: LettersBuilt | None


def build_set(
    data: Path = DEFAULT_DATA,
    documents: Sequence[str] = ("report",),
    *,
    reports: Sequence[Target] | None = None,
    annexes: Sequence[Target] | None = None,
    campaign: str | None = None,
    templates: Path | None = None,
    root: Path = LETTERS_FOLDER,
    strict: bool = False,
    pdf: bool = False,
    keep_previous: bool = True,
    progress: Progress | None = None,
    converting: Callable[[int], None] | None = None,
    converted: Progress | None = None,
    today: dt.date | None = None,
) -> SetBuilt:
    """Build the `documents` named ("report", "annex", "letters") all or none.

    Every document of every kind and language, and every letter, is rendered and checked
    before any is written: InputError then says the problems of all of them at once, and
    the previous report, annex and letters stay as they were. The letters (and their PDF)
    are made in a scratch folder first; then, Ctrl-C held back, the campaign's folder is
    swapped and the reports and annexes replaced (`core.replacing`), the folder swapped
    back if they cannot be. `reports`/`annexes` are the targets (default: every language
    with a template); `templates` the folder of letter*.docx (default templates/).
    """
    from reportgen.core.replacing import replace_reports
    from reportgen.documents.annex.kind import KIND as ANNEX

    if pdf:
        from reportgen.review.pdf import find_soffice

        find_soffice()
    problems: list[Problem] = []
    rendered: dict[str, list[Rendered]] = {"report": [], "annex": []}
    chosen = {
        "report": targets() if reports is None else list(reports),
        "annex": annex_targets() if annexes is None else list(annexes),
    }
    for name, kind in (("report", None), ("annex", ANNEX)):
        if name not in documents:
            continue
        try:
            if kind is None:
                rendered[name] = render_all(data, chosen[name], strict=strict)
            else:
                rendered[name] = render_all(data, chosen[name], strict=strict, kind=kind)
        except InputError as error:
            problems += error.problems
    batch = None
    if "letters" in documents:
        try:
            batch = prepare_letters(
                data,
                campaign,
                templates=templates,
                root=root,
                strict=strict,
                progress=progress,
                today=today,
            )
        except InputError as error:
            problems += error.problems
    try:
        if problems:
            raise InputError(list(dict.fromkeys(problems)))
        writing = batch if batch is not None and batch.scratch is not None else None
        if writing is not None:
            finish_batch(writing, pdf=pdf, converting=converting, converted=converted)
        files = {
            each.target.output: each.document for each in (*rendered["report"], *rendered["annex"])
        }
        old = None
        with uninterrupted():
            if writing is not None:
                old = swap_in(writing.scratch, writing.folder)  # type: ignore[arg-type]
            try:
                replaced = replace_reports(files, keep=keep_previous)
            except BaseException:
                if writing is not None:
                    swap_back(old, writing.folder)
                raise
            if writing is not None:  # the set is in place: its previous batch kept
                writing.kept = keep_replaced(old, writing.folder, root, keep=keep_previous)
    finally:
        if batch is not None and batch.scratch is not None:
            shutil.rmtree(batch.scratch, ignore_errors=True)
    return SetBuilt(
        finish(rendered["report"], replaced, pdf=pdf),
        finish(rendered["annex"], replaced, pdf=pdf),
        _built(batch, pdf) if batch is not None else None,
    )


def watched(
    documents: Sequence[str],
    reports: Sequence[Target],
    annexes: Sequence[Target],
    templates: Path | None = None,
) -> list[Path]:
    """The templates a set's build reads (each with its catalogue, `app.snapshot`): the
    reports' and annexes' named, and the letters' of every language, there or not yet."""
    folder = Path("templates") if templates is None else templates
    paths = [t.template for t in reports] if "report" in documents else []
    paths += [t.template for t in annexes] if "annex" in documents else []
    if "letters" in documents:
        paths += [folder / template_for(lang, kind="letter").name for lang in LANGUAGES]
    return list(dict.fromkeys(paths))


def watch_set(
    data: Path = DEFAULT_DATA,
    documents: Sequence[str] = ("report",),
    *,
    report: Callable[[SetBuilt | Exception, float], None],
    reports: Sequence[Target] | None = None,
    annexes: Sequence[Target] | None = None,
    templates: Path | None = None,
    interval: float = 0.3,
    stop: Callable[[], bool] = lambda: False,
    **options: Any,
) -> None:
    """`build_set` now, then again whenever a data file (campaigns.yaml too) or a template
    or catalogue of the set changes, until `stop()` (`app.watch`'s loop). A failing build
    is reported and leaves the previous set as it was; watching goes on. `options` are
    `build_set`'s (campaign, root, strict, pdf, progress...)."""
    from reportgen.app import rebuilding, snapshot

    chosen_reports = targets() if reports is None else list(reports)
    chosen_annexes = annex_targets() if annexes is None else list(annexes)
    paths = watched(documents, chosen_reports, chosen_annexes, templates)

    def rebuild(keep_previous: bool) -> SetBuilt:
        return build_set(
            data,
            documents,
            reports=chosen_reports,
            annexes=chosen_annexes,
            templates=templates,
            keep_previous=keep_previous,
            **options,
        )

    def wrote(built: SetBuilt) -> bool:
        written = any(each.written for each in (*built.reports, *built.annexes))
        return written or built.letters is not None

    rebuilding(lambda: snapshot(data, *paths), rebuild, report, wrote, interval=interval, stop=stop)
