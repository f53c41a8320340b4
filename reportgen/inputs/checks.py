"""Checks across records and files that a single field's type cannot express.

Each check yields a `Finding`: the data file (by stem), the path of the offending value in
it, and what is wrong in the words of the Convention and of the report. The load stage
turns findings into located problems; nothing here knows line numbers or Word.
"""

from __future__ import annotations

import collections
import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pycountry
from babel import Locale, UnknownLocaleError

from reportgen.inputs.frame import frame_findings
from reportgen.inputs.meetings import check_coordinators, check_meetings
from reportgen.inputs.models import INSTRUMENTS, Category, EventsFile, ReportFrame, State
from reportgen.inputs.narrative import check_meeting_words, check_narrative
from reportgen.inputs.references import check_plans, check_references
from reportgen.inputs.withdrawals import Finding, PathT, check_withdrawals

TEMPLATE_LANGUAGE = "en"
"""The language of templates/report.docx's prose, which numbers in words and dates join."""


@dataclass(frozen=True)
class Parts:
    """The inputs that validated, file by file; None for a file that did not.

    The checks run on whatever is there, so that a broken file does not hide the problems
    of the others. The records of a list file come with their index in the file.
    `also_known` names States whose records are invalid (and reported as such): a
    reference to them is not reported again. `also_named` names the members of invalid
    categories: a State they name is not reported as unused.
    """

    report: ReportFrame | None
    states: list[tuple[int, State]] | None
    categories: list[tuple[int, Category]] | None
    events: EventsFile | None
    also_known: frozenset[str] = frozenset()
    also_named: frozenset[str] = frozenset()

    @functools.cached_property
    def by_name(self) -> dict[str, State]:
        """The valid State records, by name."""
        return {s.name: s for _, s in self.states or ()}


def check(parts: Parts) -> list[Finding]:
    """Every cross-record problem that the inputs which validated allow to check."""
    names = _StateNames(parts)
    report, states, categories, events = parts.report, parts.states, parts.categories, parts.events
    findings: list[Finding] = []
    frame_ok = False
    if report is not None:
        framing = list(_check_report(report, names))
        frame_ok = not any(f.severity == "error" for f in framing)
        findings += framing
        findings += frame_findings(report)  # the working paper's fields (inputs/frame.py)
        findings += check_plans(report)  # the action plans (inputs/references.py)
        if states is not None:
            findings += _check_states(report, states)
        if categories is not None:
            findings += _check_categories(parts, report, categories, names)
            findings += check_meeting_words(report, categories)
    if events is not None:
        findings += _check_events(events, report, names)
        if report is not None and frame_ok:  # else the period it covers is not sure
            findings += check_narrative(report, events)
        if report is not None:
            findings += check_references(report, events, names.unknown)
    if None not in (report, states, events) and categories:  # no category is reported above
        findings += _check_unused(parts)
    return findings


class _StateNames:
    """Checks that a name refers to a State of data/states.yaml, suggesting the closest."""

    def __init__(self, parts: Parts) -> None:
        self._checkable = parts.states is not None  # else every name would look unknown
        self._names = list(parts.by_name)
        self._known = set(self._names) | parts.also_known

    def unknown(self, name: str, file: str, path: PathT) -> Iterator[Finding]:
        """A finding when `name` is not a State's name, with the closest one suggested."""
        if name in self._known or not self._checkable:
            return
        hint = self.closest(name)
        yield Finding(
            file,
            path,
            f"{name!r} is not a State of states.yaml"
            + (f"; did you mean {hint!r}?" if hint else ""),
        )

    def closest(self, name: str) -> str | None:
        """The State most likely meant: same letters but for accents and case, a name the
        text contains ("Republic of Ghana"), or else the most similar spelling."""
        folded = fold_name(name)
        by_fold = {fold_name(n): n for n in self._names}
        if folded in by_fold:
            return by_fold[folded]
        words = f" {folded} "
        inside = [n for f, n in by_fold.items() if f and f" {f} " in words]
        if inside:
            return max(inside, key=len)
        close = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=0.6)
        return by_fold[close[0]] if close else None


# --- data/states.yaml -----------------------------------------------------------------


def _check_states(frame: ReportFrame, states: list[tuple[int, State]]) -> Iterator[Finding]:
    regions = {r.name for r in frame.regions}
    first_seen: dict[str, int] = {}
    codes: dict[str, tuple[int, str]] = {}
    for index, state in states:
        at: PathT = (index,)
        if state.name in first_seen:
            yield Finding(
                "states",
                (*at, "name"),
                f"{state.name!r} is listed twice (also states[{first_seen[state.name]}]); "
                "keep one record per State",
            )
        first_seen.setdefault(state.name, index)
        if state.iso3 in codes:
            first, name = codes[state.iso3]
            yield Finding(
                "states",
                (*at, "iso3"),
                f"{state.iso3} is also the code of states[{first}] ({name})",
            )
        codes.setdefault(state.iso3, (index, state.name))
        yield from _check_code(state, at)
        if state.region not in regions:
            yield Finding(
                "states",
                (*at, "region"),
                f"{state.region!r} is not a region of report.yaml "
                f"(one of: {', '.join(sorted(regions))})",
            )
        yield from _check_dates(state, at, frame)


def _check_code(state: State, at: PathT) -> Iterator[Finding]:
    country = _country(state.iso3)
    if country is None:
        yield Finding("states", (*at, "iso3"), f"{state.iso3} is not an ISO 3166-1 alpha-3 code")
        return
    named = name_forms(state.name)
    if named & _code_forms(state.iso3):
        return
    # The name is not one of the code's names: an error only when it is another State's
    # name; UN names that ISO does not use (Swaziland, Turkey) pass.
    others = {code for form in named for code in iso_names_index().get(form, ())} - {state.iso3}
    if len(others) == 1:
        other = others.pop()
        yield Finding(
            "states",
            (*at, "iso3"),
            f"{state.iso3} is the code of {country.name}; {state.name} is {other}",
        )


# The lookups below are pure functions of a name or a code, asked again for every State at
# every load: each is cached, by the name or code alone (never by anything of a file).


@functools.cache  # one entry per code asked; there are at most 26**3
def _country(code: str) -> Any:
    """The ISO 3166-1 country of an alpha-3 code, or None."""
    return pycountry.countries.get(alpha_3=code)


@functools.lru_cache(maxsize=4096)
def fold_name(text: str) -> str:
    """`text` as names are compared: without accents, case, punctuation or a leading "the"."""
    if text.isascii():  # nothing to decompose (most names): the same result, sooner
        plain = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = _NOT_ALNUM.sub(" ", plain).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=4096)
def name_forms(name: str, *, iso: bool = False) -> frozenset[str]:
    """A State's name in the other forms it is written in: the UN's "Bolivia (Plurinational
    State of)" is also "Plurinational State of Bolivia" and "Bolivia"; ISO's "Bolivia,
    Plurinational State of" (`iso`) is too."""
    forms = {fold_name(name)}
    separators = [("(", ")"), (",", "")] if iso else [("(", ")")]
    for opening, closing in separators:
        if opening in name:
            outer, inner = name.split(opening, 1)
            inner = inner.rstrip(closing) if closing else inner
            forms |= {fold_name(outer), fold_name(f"{inner} {outer}")}
    return frozenset(forms - {""})


def _country_forms(country: Any) -> set[str]:
    """Every form of an ISO country's names (name, official and common)."""
    forms: set[str] = set()
    for attribute in ("name", "official_name", "common_name"):
        value = getattr(country, attribute, None)
        if value:
            forms |= name_forms(value, iso=True)
    return forms


@functools.cache  # one entry per code asked; there are at most 26**3
def _code_forms(code: str) -> frozenset[str]:
    """Every form of the names of the country of an ISO alpha-3 code (none if unknown)."""
    country = _country(code)
    return frozenset() if country is None else frozenset(_country_forms(country))


@functools.cache
def iso_names_index() -> dict[str, frozenset[str]]:
    """Every form of every ISO country name, with the codes it may stand for."""
    index: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for form in _country_forms(country):
            index.setdefault(form, set()).add(country.alpha_3)
    return {form: frozenset(codes) for form, codes in index.items()}


def _check_dates(state: State, at: PathT, frame: ReportFrame) -> Iterator[Finding]:
    opened, as_of = frame.convention.opened_for_signature, frame.as_of
    in_force = frame.convention.entry_into_force
    if state.signature is not None and state.signature > in_force:
        yield Finding(
            "states",
            (*at, "signature"),
            f"{state.signature.isoformat()} is after the entry into force "
            f"({in_force.isoformat()}); from then on States join by accession (Article 15)",
        )
    given = [kind for kind in INSTRUMENTS if getattr(state, kind) is not None]
    for extra in given[1:]:
        yield Finding(
            "states",
            (*at, extra),
            f"a State deposits one instrument; {given[0]} is already given",
        )
    for field in ("signature", *given):
        day: dt.date | None = getattr(state, field)
        if day is None:
            continue
        if day > as_of:
            yield Finding(
                "states",
                (*at, field),
                f"{day.isoformat()} is after the report's as-of date {as_of.isoformat()} "
                "(report.yaml as_of)",
            )
        if day < opened:
            yield Finding(
                "states",
                (*at, field),
                f"{day.isoformat()} is before the Convention was opened for signature "
                f"on {opened.isoformat()}",
            )
    if state.signature is not None and state.accession is not None:
        yield Finding(
            "states",
            (*at, "accession"),
            "a State that signed joins by ratification, not accession (Article 16)",
        )
    if state.signature is None and state.ratification is not None:
        yield Finding(
            "states",
            (*at, "ratification"),
            "a State that did not sign joins by accession; give the signature date or "
            "write accession:",
        )
    if state.signature and state.ratification and state.ratification < state.signature:
        yield Finding(
            "states",
            (*at, "ratification"),
            f"ratified {state.ratification.isoformat()}, before signing "
            f"{state.signature.isoformat()}",
        )
    yield from check_withdrawals(state, at, as_of)


# --- data/report.yaml -----------------------------------------------------------------


def _check_report(frame: ReportFrame, names: _StateNames) -> Iterator[Finding]:
    try:
        language = Locale.parse(frame.locale).language
    except (UnknownLocaleError, ValueError):
        yield Finding("report", ("locale",), f"{frame.locale!r} is not a locale (try en_GB)")
    else:
        if language != TEMPLATE_LANGUAGE:
            yield Finding(
                "report",
                ("locale",),
                f"{frame.locale!r} would write numbers and dates in another language than "
                f"the template's English; use an English locale (en_GB, en_US)",
            )
    yield from names.unknown(frame.issuer, "report", ("issuer",))
    yield from check_meetings(frame, names.unknown)  # inputs/meetings.py
    keys: dict[str, int] = {}
    for index, meeting in enumerate(frame.meetings):
        keys.setdefault(meeting.key, index)
    seen_regions: set[str] = set()
    for index, region in enumerate(frame.regions):
        if region.name in seen_regions:
            yield Finding("report", ("regions", index, "name"), f"{region.name!r} is listed twice")
        seen_regions.add(region.name)
    references: list[tuple[PathT, str]] = [
        (("presented_to",), frame.presented_to),
        (("counting_since",), frame.counting_since),
        (("highlight", "after"), frame.highlight.after),
        (("highlight", "before"), frame.highlight.before),
    ]
    for index, coordinator in enumerate(frame.coordinators):
        at = ("coordinators", index)
        yield from names.unknown(coordinator.state, "report", (*at, "state"))
        for field in ("appointed_at", "until"):
            key = getattr(coordinator, field)
            if key is not None:
                references.append(((*at, field), key))
    unknown = False
    for path, key in references:
        if key not in keys:
            unknown = True
            yield Finding(
                "report",
                path,
                f"{key!r} is not a meeting of report.yaml (one of: {', '.join(keys)})",
            )
    if unknown:
        return
    order = {key: index for index, key in enumerate(keys)}
    if order[frame.counting_since] >= order[frame.presented_to]:
        yield Finding(
            "report",
            ("counting_since",),
            f"must be a meeting before the one the report is presented to ({frame.presented_to})",
        )
    after, before = frame.highlight.after, frame.highlight.before
    if order[after] >= order[before]:
        yield Finding("report", ("highlight",), f"{after} must come before {before}")
    elif order[before] != order[after] + 1:
        yield Finding(
            "report",
            ("highlight", "before"),
            f"an intersessional period runs between two consecutive meetings; after {after} "
            f"comes {frame.meetings[order[after] + 1].key}",
        )
    elif order[before] > order[frame.presented_to]:
        yield Finding(
            "report",
            ("highlight", "before"),
            f"the period cannot end after the meeting the report is for ({frame.presented_to})",
        )
    if order[after] < order[frame.counting_since]:
        yield Finding(
            "report",
            ("highlight", "after"),
            f"the highlighted period must fall within the period counted since "
            f"{frame.counting_since}, whose new States Parties it highlights",
        )
    if frame.as_of < frame.meetings[order[after]].end:
        yield Finding(
            "report",
            ("as_of",),
            f"is before the highlighted period starts (after {after})",
        )
    issuer = [c for c in frame.coordinators if c.state == frame.issuer]
    if issuer:
        yield from _check_letterhead(frame, frame.coordinators.index(issuer[0]))
    if not issuer:
        yield Finding("report", ("issuer",), "must be one of the coordinators")
    elif issuer[0].appointed_at is None:
        index = frame.coordinators.index(issuer[0])
        yield Finding(
            "report",
            ("coordinators", index),
            "the issuer's record needs appointed_at: the report counts its years from it",
        )
    elif order[issuer[0].appointed_at] >= order[frame.presented_to]:
        index = frame.coordinators.index(issuer[0])
        yield Finding(
            "report",
            ("coordinators", index, "appointed_at"),
            f"must be a meeting before the one the report is presented to ({frame.presented_to})",
        )
    for index, coordinator in enumerate(frame.coordinators):
        if (
            coordinator.appointed_at is not None
            and coordinator.until is not None
            and order[coordinator.until] <= order[coordinator.appointed_at]
        ):
            yield Finding("report", ("coordinators", index, "until"), "is not after appointed_at")
    if issuer:
        yield from check_coordinators(frame, order)


def _check_letterhead(frame: ReportFrame, issuer: int) -> Iterator[Finding]:
    """The letterhead is the issuer's (coordinators[issuer].letterhead); the top-level
    `letterhead:` of the release before is still printed when the issuer has none. Whose
    ministry those lines are cannot be known (the release before had no issuer's record):
    they are another coordinator's when they are its own letterhead (an error, never
    printed), and otherwise the user is asked to check that they are the issuer's."""
    own = frame.coordinators[issuer].letterhead
    if frame.letterhead is not None:
        other = next(
            (
                c.state
                for c in frame.coordinators
                if c.state != frame.issuer and c.letterhead and c.letterhead == frame.letterhead
            ),
            None,
        )
        if other is not None and not own:
            yield Finding(
                "report",
                ("letterhead",),
                f"these are {other}'s lines (its record under coordinators has the same "
                f"letterhead), not those of the issuer, {frame.issuer}: give {frame.issuer}'s "
                f"record its own `letterhead:` and remove these",
            )
            return
        yield Finding(
            "report",
            ("letterhead",),
            (
                "is not printed: the issuer's own letterhead is (coordinators, "
                f"{frame.issuer}); remove this one"
                if own
                else f"is deprecated, and printed on {frame.issuer}'s report: check that "
                f"these lines are {frame.issuer}'s ministry's; then move them under its record "
                f"(coordinators, state: {frame.issuer}) as `letterhead:` (docs/data.md)"
            ),
            "warning",
        )
    elif not own:
        yield Finding(
            "report",
            ("coordinators", issuer),
            f"the issuer ({frame.issuer}) has no letterhead: add `letterhead:`, the lines at "
            "the top of its report's first page (its ministry and State), in each language",
        )


# --- data/categories.yaml -------------------------------------------------------------


def _check_categories(
    parts: Parts, frame: ReportFrame, categories: list[tuple[int, Category]], names: _StateNames
) -> Iterator[Finding]:
    placed: dict[str, str] = {}
    keys: set[str] = set()
    if not categories and not parts.also_named:
        yield Finding("categories", (), "lists no category; the report groups non-party States")
    for index, category in categories:
        at: PathT = (index,)
        if category.key in keys:
            yield Finding("categories", (*at, "key"), f"{category.key!r} is used twice")
        keys.add(category.key)
        if not category.members:
            yield Finding(
                "categories", (*at, "members"), "is empty; list the States of this category"
            )
        for position, name in enumerate(category.members):
            here = (*at, "members", position)
            unknown = list(names.unknown(name, "categories", here))
            yield from unknown
            if unknown:
                continue
            if name in placed:
                yield Finding(
                    "categories",
                    here,
                    f"{name} is already in category {placed[name]}; a State has one category",
                )
                continue
            placed[name] = category.key
            state = parts.by_name.get(name)
            if state is None:
                continue  # its own record is invalid, and reported
            if state.is_party_on(frame.as_of):
                yield Finding(
                    "categories",
                    here,
                    f"{name} is a State Party (deposited {state.deposit}); "
                    "categories group States not yet Parties",
                )


# --- data/events.yaml -----------------------------------------------------------------


def _check_events(
    events: EventsFile, frame: ReportFrame | None, names: _StateNames
) -> Iterator[Finding]:
    ids: dict[str, int] = {}
    for index, initiative in enumerate(events.initiatives):
        at = ("initiatives", index)
        if initiative.id is not None:
            if initiative.id in ids:
                yield Finding("events", (*at, "id"), f"{initiative.id!r} is used twice")
            ids.setdefault(initiative.id, index)
        if initiative.host is not None:
            yield from names.unknown(initiative.host, "events", (*at, "host"))
        for position, name in enumerate(initiative.states):
            yield from names.unknown(name, "events", (*at, "states", position))
        if initiative.end is not None and initiative.start is None:
            yield Finding("events", (*at, "end"), "an end date needs a start date")
        if initiative.start and initiative.end and initiative.end < initiative.start:
            yield Finding("events", (*at, "end"), "is before the start")
        if frame is not None and initiative.start and initiative.start > frame.as_of:
            yield Finding(
                "events",
                (*at, "start"),
                f"is after the report's as-of date ({frame.as_of.isoformat()}); a planned event?",
                "warning",
            )
        if initiative.host is not None and initiative.place is None:
            yield Finding("events", (*at, "host"), "a host State goes with a place (the city)")
    yield from _names_in(events.demarches.by, ("demarches", "by"), names)
    if events.letter is not None:
        yield from _names_in(events.letter.signed_by, ("letter", "signed_by"), names)
    if events.demarches.replies > events.demarches.states_approached:
        yield Finding(
            "events",
            ("demarches", "replies"),
            "more replies than States approached",
        )
    if events.strategy.adopted_at not in ids:
        yield Finding(
            "events",
            ("strategy", "adopted_at"),
            f"{events.strategy.adopted_at!r} is not the id of an initiative",
        )
    else:
        meeting = events.initiatives[ids[events.strategy.adopted_at]]
        if meeting.place is None or meeting.start is None:
            yield Finding(
                "events",
                ("strategy", "adopted_at"),
                f"the initiative {meeting.id!r} needs a place and a start date",
            )


def _check_unused(parts: Parts) -> Iterator[Finding]:
    """A State without dates that no file names is printed nowhere: odd, but harmless."""
    frame, events = parts.report, parts.events
    assert frame is not None and events is not None and parts.categories is not None
    named = {frame.issuer, *(c.state for c in frame.coordinators)}
    named |= {p.country for m in frame.meetings for p in m.held if p.country}
    named |= {name for _, c in parts.categories for name in c.members} | parts.also_named
    for initiative in events.initiatives:
        named |= {*initiative.states, *([initiative.host] if initiative.host else [])}
    named |= {*events.demarches.by, *(events.letter.signed_by if events.letter else [])}
    named |= {r.categories_paper.by for r in [events.references] if r and r.categories_paper}
    counts = collections.Counter(s.name for _, s in parts.states or ())
    for index, state in parts.states or ():
        if counts[state.name] > 1:
            continue  # reported as listed twice
        if state.signature is None and state.deposit is None and state.name not in named:
            yield Finding(
                "states",
                (index, "name"),
                f"{state.name} has no dates and no other file names it, so the report "
                "never prints it",
                "warning",
            )


def _names_in(values: Iterable[str], at: PathT, names: _StateNames) -> Iterator[Finding]:
    for position, name in enumerate(values):
        yield from names.unknown(name, "events", (*at, position))
