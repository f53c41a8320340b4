"""What an import's changes to data/states.yaml ask of the other data files.

A State that becomes a Party leaves the categories of non-party States (categories.yaml):
the import removes it with the rest of its changes, line by line so that every other byte
of the file a person maintains is kept. A State the import adds needs its French and
Spanish names (names.yaml) before a report in those languages builds: names.yaml holds them
for every State the depositary may list, so this is by data. For a State it still lacks (a
new State), the import never writes a name that is not UNTERM's: it says exactly what to
add, with the names ISO 3166 gives (pycountry's translations) as a starting point to check.
"""

from __future__ import annotations

import dataclasses
import gettext
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pycountry
from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from reportgen.core.languages import LANGUAGES
from reportgen.core.problems import Problem
from reportgen.inputs.models import Names, ReportFrame, State
from reportgen.inputs.yaml import SourceFile

if TYPE_CHECKING:
    from reportgen.depositary.importing import Plan

NAMED_LANGUAGES = tuple(code for code in LANGUAGES if Names.FIELDS.get(code, (None,))[0])
"""The languages whose names of States names.yaml gives (French, Spanish): a report in one
of them refuses a State without its name there."""


@dataclass(frozen=True)
class Removal:
    """A member of a category of non-party States that the import makes a State Party."""

    state: str
    category: str
    """The category's key (II)."""
    instrument: str
    deposit: str
    file: str
    line: int
    removable: bool
    """False when the member is not alone on its line, or is the category's last one: the
    import then leaves it to the person, and the written data would be refused."""

    def line_text(self, *, written: bool) -> str:
        """The line the import prints: what it does (`written`) or would do."""
        said = f"{self.file}:{self.line}: {self.state}: now a State Party ({self.instrument} "
        said += f"{self.deposit})"
        if not self.removable:
            return (
                f"{said}: remove it from category {self.category} by hand (it is not alone on "
                "its line, or the category's last member: a category lists at least one State)"
            )
        if written:
            return f"{said}: removed from category {self.category}"
        return f"{said}: --write removes it from category {self.category}"


def follow(
    plan: Plan,
    sources: Mapping[str, SourceFile],
    frame: ReportFrame,
    states: Sequence[Mapping[str, Any]],
    data: Path,
) -> None:
    """Add to `plan` the categories' members it makes States Parties (and categories.yaml's
    new text), and a warning for each new State whose names names.yaml lacks."""
    _categories(plan, sources["categories"], frame, states, data / "categories.yaml")
    plan.warnings += _names(plan, sources.get("names"), data / "names.yaml")


def _after(record: Mapping[str, Any], plan: Plan) -> State | None:
    """The State of `record` as the import leaves it (None if it would not be valid: the
    write's validation says why)."""
    updated = dict(record)
    for change in plan.changes:
        if change.state == record.get("name"):
            if change.new is None:
                updated.pop(change.field, None)
            else:
                updated[change.field] = change.new
    try:
        return State.model_validate(updated, context={"lang": "en"})
    except ValidationError:
        return None


def _categories(
    plan: Plan,
    source: SourceFile,
    frame: ReportFrame,
    states: Sequence[Mapping[str, Any]],
    path: Path,
) -> None:
    text = path.read_text(encoding="utf-8")
    plan.originals["categories"] = text
    changed = {c.state for c in plan.changes}
    by_name = {str(r.get("name")): r for r in states if str(r.get("name")) in changed}
    categories = source.data if isinstance(source.data, list) else []
    found: list[tuple[tuple[int, str, int], Removal]] = []
    for index, category in enumerate(categories):
        members = category.get("members") if isinstance(category, dict) else None
        if not isinstance(members, list):
            continue
        leaving = []
        for position, name in enumerate(members):
            record = by_name.get(str(name))
            state = None if record is None else _after(record, plan)
            membership = None if state is None else state.membership_on(frame.as_of)
            if membership is not None:
                leaving.append((position, name, membership))
        for position, name, membership in leaving:
            line, column = source.locate((index, "members", position))
            alone = re.fullmatch(r"\s*-\s+", _line(text, line)[: column - 1])
            removal = Removal(
                str(name),
                str(category.get("key")),
                membership.instrument,
                membership.deposit.isoformat(),
                source.name,
                line,
                bool(alone) and len(leaving) < len(members),
            )
            found.append(((index, "members", position), removal))
    if not found:
        return
    removable = [r for _, r in found if r.removable]
    new_text = _without_lines(text, {r.line for r in removable})
    if removable and not _same_but(text, new_text, [p for p, r in found if r.removable]):
        # a member written over several lines, an anchor...: left to the person
        found = [(p, dataclasses.replace(r, removable=False)) for p, r in found]
        new_text = text
    plan.removals += [r for _, r in found]
    if new_text != text:
        plan.texts["categories"] = new_text


def _line(text: str, number: int) -> str:
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _without_lines(text: str, numbers: set[int]) -> str:
    kept = text.splitlines(keepends=True)
    return "".join(line for number, line in enumerate(kept, 1) if number not in numbers)


def _same_but(text: str, new_text: str, removed: list[tuple[int, str, int]]) -> bool:
    """Whether `new_text` holds the data of `text` without exactly the members `removed`."""
    yaml = YAML(typ="safe", pure=True)
    try:
        before, after = yaml.load(text), yaml.load(new_text)
    except YAMLError:
        return False
    try:
        for index, _, position in sorted(removed, reverse=True):
            del before[index]["members"][position]
    except (LookupError, TypeError):  # the file changed since it was read
        return False
    return bool(before == after)


def _names(plan: Plan, source: SourceFile | None, path: Path) -> list[Problem]:
    """A warning for each State the import adds that names.yaml lacks in a language."""
    warnings = []
    entries = source.data if source is not None and isinstance(source.data, dict) else {}
    codes = sorted(str(code) for code in entries)
    for new in plan.new_states:
        entry = entries.get(new.iso3)
        given = entry if isinstance(entry, dict) else {}
        missing = [lang for lang in NAMED_LANGUAGES if not given.get(lang)]
        if not missing:
            continue
        fields = " and ".join(f"`{lang}:`" for lang in missing)
        if entry is None:
            after = next((code for code in codes if code > new.iso3), None)
            what = f"add `{new.iso3}:` with {fields}" + (f" (before `{after}:`)" if after else "")
        else:
            after = new.iso3
            what = f"add {fields} to `{new.iso3}:`"
        languages = " or ".join(LANGUAGES[lang] for lang in missing)
        message = (
            f"{what}: {new.name} is new in states.yaml, and a report in {languages} "
            f"(`reportgen check --lang {missing[0]}`) is refused until names.yaml gives its UN "
            "short name (UNTERM) with its article"
        )
        proposed = _iso_names(new.iso3, missing)
        if proposed:
            message += (
                "; ISO 3166's names (pycountry), not written, a starting point to check against "
                "UNTERM: " + ", ".join(f"{lang}: {name}" for lang, name in proposed.items())
            )
        if source is None or source.data is None:
            warnings.append(Problem(str(path), 0, 0, new.iso3, message, "warning"))
            continue
        line = source.locate((after,))[0] if after is not None else _end(path)
        warnings.append(Problem(source.name, line, 1, new.iso3, message, "warning"))
    return warnings


def _end(path: Path) -> int:
    """The line after the last of a data file (a SourceFile keeps its values, not its text)."""
    try:
        return len(path.read_text(encoding="utf-8").splitlines()) + 1
    except (OSError, UnicodeDecodeError):
        return 1


class _Untranslated(gettext.NullTranslations):
    """The fallback of a catalogue: says that it has no translation, rather than giving
    back the English name as if it were one."""

    def gettext(self, message: str) -> str:
        return ""


def _iso_names(code: str, languages: Sequence[str]) -> dict[str, str]:
    """The country's name in each language, from the ISO 3166 translations pycountry ships
    (iso-codes' catalogues): not UNTERM's, and without its article."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return {}
    names = {}
    for lang in languages:
        try:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
        catalogue.add_fallback(_Untranslated())
        translated = catalogue.gettext(country.name)
        if translated:
            names[lang] = translated
    return names
