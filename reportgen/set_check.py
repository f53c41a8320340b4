"""`reportgen check` over a set: the report, its annex and the letters, checked as `build`
would build them, without writing anything.

The report's and the annex's templates are checked by `app.check_languages` (each with its
catalogue, then filled with the data in Jinja alone). The letters add: each letter template
present and its catalogue; every campaign with a list of recipients read on its day (each
recipient's language of correspondence, its name in that language, the template of that
language), the first letter of each language filled without writing; and, when no letter
template is there at all, one line that says so (a warning for a folder from before the
letters, an error when a campaign has recipients to write to, or when the letters are named).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.app import _names_check, check_languages, check_template
from reportgen.core.config import DEFAULT_DATA, DEFAULT_TEMPLATE, template_for
from reportgen.core.languages import LANGUAGES
from reportgen.core.problems import InputError, Problem, in_order
from reportgen.inputs.load import load_with_warnings, locate
from reportgen.sets import _campaign, _language_findings

if TYPE_CHECKING:
    from reportgen.inputs.campaign import Campaign

DOCUMENTS = ("report", "annex", "letters")
"""The documents `reportgen check` and `reportgen build` name."""


@dataclass(frozen=True)
class Checked:
    """What a check looked at (for its last line), and every problem it found."""

    problems: list[Problem]
    templates: list[Path]


def check_set(
    data: Path = DEFAULT_DATA,
    documents: Sequence[str] = DOCUMENTS,
    *,
    reports: Mapping[str, Path] | None = None,
    annexes: Mapping[str, Path] | None = None,
    letters: Path | None = None,
    named: bool = True,
    today: dt.date | None = None,
) -> Checked:
    """Every problem (errors and warnings) of the `documents` ("report", "annex",
    "letters") built from `data`, each said once, in order; nothing is written.

    `reports` and `annexes` give each language's template (by default every language with
    a template in templates/); `letters` is the folder of letter*.docx (default
    templates/). `named` is False when the user named no document (`reportgen check`
    alone): a folder without letter templates is then said once as a warning, unless a
    campaign has recipients to write to.
    """
    from reportgen.documents.annex.kind import KIND as ANNEX

    found: dict[Problem, None] = {}
    checked: list[Path] = []
    if "report" in documents:
        chosen = _present("report") if reports is None else dict(reports)
        found.update(dict.fromkeys(check_languages(data, chosen, today=today)))
        checked += chosen.values()
    if "annex" in documents:
        chosen = _present("annex") if annexes is None else dict(annexes)
        found.update(dict.fromkeys(check_languages(data, chosen, ANNEX, today)))
        checked += chosen.values()
    if "letters" in documents:
        found.update(dict.fromkeys(letter_problems(data, letters, named=named, today=today)))
    return Checked(in_order(found), list(dict.fromkeys(checked)))


def _present(kind: str) -> dict[str, Path]:
    """The template of each language that has one in templates/; English when none has."""
    chosen = {lang: template_for(lang, kind=kind) for lang in LANGUAGES}
    return {lang: path for lang, path in chosen.items() if path.is_file()} or {"en": chosen["en"]}


def annex_templates() -> dict[str, Path]:
    """The annex's template of each language that has one in templates/; none when there
    is none (a folder from before the annex)."""
    return {lang: path for lang, path in _present("annex").items() if path.is_file()}


def letter_problems(
    data: Path,
    templates: Path | None = None,
    *,
    named: bool = True,
    today: dt.date | None = None,
) -> list[Problem]:
    """What `reportgen build letters` would refuse or warn about, for every campaign with
    recipients (not only the latest), and every letter template present with its catalogue.

    The data's own problems (campaigns.yaml's duplicates and State Party warnings among
    them) are said too: `check_set` says each once, with the report's; the warnings of
    every campaign (a build says only its campaign's), a rule selecting no State among
    them; `today` (by default the clock's) finds replies dated in the future."""
    from reportgen.documents.letter.kind import KIND
    from reportgen.inputs.campaign import FILE, campaign_findings, recipients
    from reportgen.inputs.withdrawals import Finding

    folder = DEFAULT_TEMPLATE.parent if templates is None else templates
    template_of = {lang: folder / template_for(lang, kind="letter").name for lang in LANGUAGES}
    present = [lang for lang in LANGUAGES if template_of[lang].is_file()]
    inputs, loaded, _ = load_with_warnings(
        data, lang="en", names_check=_names_check(), despite_campaigns=True
    )
    problems = list(loaded)
    failing: set[str] = set()  # the languages whose template or catalogue has an error
    for lang in present:
        template = check_template(template_of[lang], lang, KIND)
        failing.update(lang for p in template if p.severity == "error")
        problems += template
    file = inputs.campaigns if inputs is not None else None
    listed = [c for c in file.campaigns if c.recipients is not None] if file is not None else []
    if inputs is None:
        return problems
    if not listed:
        if not present:
            problems.append(_no_template(template_of["en"], named))
        elif named:  # build letters would say why it has nothing to write
            try:
                _campaign(data, inputs, None)
            except InputError as error:
                problems += error.problems
        return problems
    assert file is not None
    warnings = [
        f
        for f in campaign_findings(inputs, None, today or dt.date.today())
        if f.severity != "error"
    ]
    langs: dict[str, str] = {}
    for campaign in listed:
        chosen = recipients(inputs, campaign)
        if not chosen:
            at = ("campaigns", file.index(campaign.key) or 0, "recipients")
            reason = f"no State is written to: the rule selects none on {campaign.day.isoformat()}"
            warnings.append(Finding(FILE, at, reason, "warning"))
        findings, found = _language_findings(inputs, file, chosen, template_of)
        problems += locate(data, findings)
        langs.update(found)
    problems += locate(data, warnings)
    for lang in dict.fromkeys(langs.values()):
        if lang not in failing:
            problems += _dry_run(data, lang, listed, template_of[lang])
    return problems


def _no_template(template: Path, named: bool) -> Problem:
    reason = (
        "is missing, and so are the French and Spanish letter templates: letters to States "
        "not party cannot be built (tools/make_letter_template.py makes them; docs/letters.md)"
    )
    return Problem(str(template), 0, 0, "template", reason, "error" if named else "warning")


def _dry_run(data: Path, lang: str, listed: Sequence[Campaign], template: Path) -> list[Problem]:
    """The first letter in `lang` of each campaign, filled without writing: what only the
    data shows (a sentence the catalogue cannot write) is found as `build` finds it."""
    from reportgen.core.limits import from_environment
    from reportgen.documents.letter.kind import KIND
    from reportgen.templating.dry_run import rendering_problems

    inputs = load_with_warnings(
        data, lang=lang, names_check=_names_check(), despite_campaigns=True
    )[0]
    if inputs is None:
        return []
    problems: list[Problem] = []
    seen: set[tuple[object, ...]] = set()
    for campaign in listed:
        letters = KIND.letters(inputs, campaign)
        if letters:
            genders = tuple(signer.gender for signer in campaign.signed_by)  # signer_title's
            shape = (*_shape(letters[0].values(None)), genders)  # type: ignore[arg-type]
            if shape in seen:  # its sentences choose as a letter filled already did
                continue
            seen.add(shape)
            try:
                problems += rendering_problems(letters[0], template, from_environment())
            except InputError as error:  # its catalogue, read again: said by its check too
                problems += error.problems
    return problems


def _shape(values: Mapping[str, object]) -> tuple[object, ...]:
    """What a letter's catalogue selects on (a State's gender, a date given or none, how
    many sign...): two letters of one shape choose the same variants, so filling one finds
    what filling the other would; thousands of campaigns are filled a few times only."""
    from reportgen.documents.letter.values import SENTENCES

    chosen = sorted(set(SENTENCES.choices) | SENTENCES.absent | SENTENCES.counts)
    return tuple(
        (name, values.get(name) is None if name in SENTENCES.absent else values.get(name))
        for name in chosen
        if "." not in name
    )
