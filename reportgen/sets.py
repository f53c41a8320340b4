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
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.app import Built, Target, _names_check, build_all, check_template
from reportgen.core.config import (
    DEFAULT_DATA,
    LETTERS_FOLDER,
    built_languages,
    output_for,
    template_for,
)
from reportgen.core.languages import LANGUAGES
from reportgen.core.problems import InputError, Problem
from reportgen.inputs.load import CAMPAIGNS_FILE, load, locate
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
    """What a campaign's build made: its folder, the letters, the CSV list and the PDF (None
    without --pdf), and the warnings of the data."""

    campaign: str
    folder: Path
    letters: tuple[Sent, ...]
    csv: Path
    pdf: Path | None
    warnings: tuple[Problem, ...]


def letters_folder(key: str, root: Path = LETTERS_FOLDER) -> Path:
    """output/letters/<campaign>/."""
    return root / key


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
) -> LettersBuilt:
    """The letters of campaign `key` (by default the latest with recipients) into
    `root`/<key>/: NN-<ISO3>-<lang>.docx each, letters.csv, and with `pdf` letters.pdf.

    Raises InputError with every problem at once (a recipient with no language of
    correspondence, no name in it or no template for it; errors of the data and templates),
    nothing written. `templates` is the folder of letter*.docx (default templates/).
    `progress` hears each letter made, `converting` when the PDF's conversion starts.
    """
    from reportgen.core.limits import from_environment
    from reportgen.documents.letter.kind import KIND
    from reportgen.inputs.campaign import recipients
    from reportgen.review.pdf import convert_all_to_pdf, find_soffice
    from reportgen.templating.render import render

    if pdf:
        find_soffice()
        _pdfunite()
    inputs, warnings = load(data, strict=strict, lang="en", names_check=_names_check())
    campaign = _campaign(data, inputs, key)
    chosen = recipients(inputs, campaign)
    file = inputs.campaigns
    assert file is not None
    template_of = {
        lang: (templates / template_for(lang, kind="letter").name)
        if templates is not None
        else template_for(lang, kind="letter")
        for lang in LANGUAGES
    }
    findings, langs = _language_findings(inputs, file, chosen, template_of)
    problems = locate(data, findings)
    for lang in dict.fromkeys(langs.values()):
        found = check_template(template_of[lang], lang, KIND)
        problems += [p for p in found if p.severity == "error" or strict]
    if problems:
        raise InputError(list(dict.fromkeys(problems)))
    documents = {}
    for lang in dict.fromkeys(langs.values()):
        language_inputs = inputs if lang == "en" else _load(data, lang, strict)
        for document in KIND.letters(language_inputs, campaign):
            documents[document.letter.recipient] = document
    limits = from_environment()
    total = len(chosen)
    width = max(2, len(str(total)))
    made: list[tuple[Sent, bytes]] = []
    for rank, recipient in enumerate(chosen, start=1):
        state = inputs.state(recipient.name)
        lang = langs[recipient.name]
        name = f"{rank:0{width}d}-{state.iso3}-{lang}.docx"
        sent = Sent(rank, recipient.name, state.iso3, lang, Path(name))
        made.append((sent, render(documents[recipient.name], template_of[lang], limits)))
        if progress is not None:
            progress(rank, total)
    folder = letters_folder(campaign.key, root)
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{campaign.key}.new-", dir=folder.parent))
    try:
        for sent, content in made:
            (scratch / sent.file).write_bytes(content)
        (scratch / "letters.csv").write_text(_csv(made), encoding="utf-8", newline="")
        if pdf and made:
            if converting is not None:
                converting(len(made))
            sources = [scratch / sent.file for sent, _ in made]
            pages = convert_all_to_pdf(
                sources, [scratch / "pdf" / s.with_suffix(".pdf").name for s in sources]
            )
            _unite(pages, scratch / "letters.pdf")
            shutil.rmtree(scratch / "pdf")
        _swap(scratch, folder)
    finally:
        if scratch.exists():
            shutil.rmtree(scratch, ignore_errors=True)
    return LettersBuilt(
        campaign.key,
        folder,
        tuple(
            sent.__class__(sent.rank, sent.state, sent.iso3, sent.lang, folder / sent.file)
            for sent, _ in made
        ),
        folder / "letters.csv",
        folder / "letters.pdf" if pdf and made else None,
        tuple(warnings),
    )


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
        keys = ", ".join(c.key for c in file.campaigns) or "none"
        reason = f"has no campaign {key!r} (its campaigns: {keys})"
        raise InputError([Problem.about(path, "campaigns", reason)]) from None
    if campaign.recipients is None:
        at = ("campaigns", file.campaigns.index(campaign), "reported")
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


def _csv(made: Sequence[tuple[Sent, bytes]]) -> str:
    """letters.csv: one row per letter, in order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["number", "state", "iso3", "language", "file"])
    for sent, _ in made:
        writer.writerow([sent.rank, sent.state, sent.iso3, sent.lang, sent.file.name])
    return out.getvalue()


def _swap(new: Path, folder: Path) -> None:
    """`new` takes the place of `folder`; the previous batch is removed only once the new
    one is in place."""
    old = None
    if folder.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old-", dir=folder.parent))
        os.replace(folder, old / folder.name)
    try:
        os.replace(new, folder)
    except BaseException:
        if old is not None:
            os.replace(old / folder.name, folder)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


PDFUNITE_PACKAGE = "poppler-utils"
"""The Debian package of `pdfunite`, which joins the letters' PDFs into one."""


def _pdfunite() -> str:
    from reportgen.review.pdf import PdfError

    found = shutil.which("pdfunite")
    if found is None:
        raise PdfError(
            f"pdfunite is not installed (it joins the letters' PDFs into one); on Debian or "
            f"Ubuntu: apt-get install {PDFUNITE_PACKAGE}"
        )
    return found


def _unite(pages: Sequence[Path], target: Path) -> None:
    """One PDF of `pages` in order, by pdfunite (one process)."""
    from reportgen.review.pdf import PdfError

    result = subprocess.run(
        [_pdfunite(), *map(str, pages), str(target)],
        capture_output=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0 or not target.is_file():
        said = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PdfError("pdfunite failed" + (f": {said[-1]}" if said else ""))
