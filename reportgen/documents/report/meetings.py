"""The meetings as the report names them: their names in its language, derived from their
kind and number by the language's rules, and the parts they were held in.

A meeting of report.yaml gives its kind and number (msp, 4); its names ("4th Meeting of
States Parties", "quatrième Assemblée des États parties", "Cuarta Reunión de los Estados
Partes") are the language's (`Language.meeting_name`). A name still typed (the release
before kinds: `name:`, `short_name:`) is printed as typed, with a warning located on it:
that it can go when it equals the derived one, that it differs otherwise
(`name_warnings`). A name typed in some languages only is derived in the others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportgen.core.languages import LANGUAGES
from reportgen.figures.compute import Appointment, Coordination
from reportgen.inputs.models import Inputs, Meeting, MeetingPart
from reportgen.inputs.withdrawals import Finding
from reportgen.language.fluent import Sentences
from reportgen.language.formats import Formats
from reportgen.language.naming import Naming
from reportgen.language.registry import language_for


def report_formats(inputs: Inputs) -> Formats:
    """The formats of a report in its language: report.yaml's locale when it is of that
    language (en_GB), else the language's own (fr, es); States named in that language."""
    locale = inputs.report.locale
    if locale.split("_")[0].split("-")[0] != inputs.lang:
        locale = inputs.lang
    return Formats(locale, Naming(inputs, inputs.lang, inputs.report.as_of))


def derived_names(meeting: Meeting, formats: Formats) -> tuple[str, str] | None:
    """The full and short names of `meeting` by the language's rules; None without kind."""
    if meeting.kind is None or meeting.number is None:
        return None
    language = formats.language
    return (
        language.meeting_name(meeting.kind, meeting.number),
        language.meeting_name(meeting.kind, meeting.number, short=True),
    )


def names(meeting: Meeting, formats: Formats) -> tuple[str, str]:
    """The full and short names the report prints: as typed, else derived."""
    derived = derived_names(meeting, formats)
    if derived is None:
        return meeting.name, meeting.short_name  # validated: both typed
    return meeting.typed_name or derived[0], meeting.typed_short_name or derived[1]


def place(meeting: Meeting, say: Sentences) -> str:
    """Where a meeting closed, in a word: the city of its last part held in one, else
    (online) the message `meeting_online`."""
    return meeting.city or say.say("meeting_online")


def places(meeting: Meeting, formats: Formats, say: Sentences) -> str:
    """Where each part was held, as a list ("online and in Geneva"): `meeting_place`."""
    said = [
        say.say("meeting_place", {"online": "yes" if p.city is None else "no", "city": p.city})
        for p in meeting.held
    ]
    return formats.language.join(list(dict.fromkeys(said)))  # a place said once


def held(meeting: Meeting, formats: Formats, say: Sentences) -> str:
    """When and where each part was held, as a list ("in September 2011 in Beirut,
    Lebanon"; "in November 2020 online and in September 2021 in Geneva, Switzerland"):
    `meeting_part`."""
    return formats.language.join(
        [
            say.say(
                "meeting_part",
                {
                    "month": formats.month_year(p.start),
                    "online": "yes" if p.city is None else "no",
                    "city": p.city,
                    "country": formats.name(p.country) if p.country else None,
                },
            )
            for p in meeting.held
        ]
    )


@dataclass(frozen=True)
class MeetingView:
    """A meeting as the template sees it: `{{ since.name }}`, `{{ meeting.short_name }}`,
    `{{ period_start.start|year }}`; `parts` are its parts (one for a meeting held once)."""

    key: str
    name: str
    short_name: str
    start: dt.date
    end: dt.date
    city: str | None
    country: str | None
    parts: tuple[MeetingPart, ...]


def view(meeting: Meeting, formats: Formats) -> MeetingView:
    """`meeting` named in the report's language."""
    name, short_name = names(meeting, formats)
    return MeetingView(
        key=meeting.key,
        name=name,
        short_name=short_name,
        start=meeting.start,
        end=meeting.end,
        city=meeting.city,
        country=meeting.country,
        parts=meeting.held,
    )


@dataclass(frozen=True)
class AppointmentView:
    """A coordinator who joined later, and the meeting that appointed it."""

    state: str
    meeting: MeetingView


@dataclass(frozen=True)
class CoordinationView:
    """`figures.coordination` with its meetings named in the report's language."""

    issuer: str
    appointed_at: MeetingView
    appointed_with: tuple[str, ...]
    joined: tuple[str, ...]
    joined_by: tuple[AppointmentView, ...]
    authors: tuple[str, ...]
    meetings_served: tuple[MeetingView, ...]
    intersessional_periods: int
    years: int


def coordination_view(coordination: Coordination, formats: Formats) -> CoordinationView:
    """The coordination, its meetings named."""

    def joined(appointment: Appointment) -> AppointmentView:
        return AppointmentView(appointment.state, view(appointment.meeting, formats))

    return CoordinationView(
        issuer=coordination.issuer,
        appointed_at=view(coordination.appointed_at, formats),
        appointed_with=coordination.appointed_with,
        joined=coordination.joined,
        joined_by=tuple(joined(a) for a in coordination.joined_by),
        authors=coordination.authors,
        meetings_served=tuple(view(m, formats) for m in coordination.meetings_served),
        intersessional_periods=coordination.intersessional_periods,
        years=coordination.years,
    )


def name_warnings(inputs: Inputs) -> list[Finding]:
    """A typed name: deprecated when it equals the derived one, kept (and said) when it
    differs, to be replaced by kind and number when the meeting has none. One warning for
    each typed field, naming the languages it concerns: the same whatever the language the
    report is checked in, so that `reportgen check` says it once."""
    findings = []
    for index, meeting in enumerate(inputs.report.meetings):
        for position, field in enumerate(("name", "short_name")):
            typed = meeting.typed_texts(field)
            if not typed:
                continue
            if meeting.kind is None or meeting.number is None:
                message = (
                    "is typed: give the meeting `kind:` (msp, review_conference or "
                    "extraordinary_msp) and `number:` instead, and its names are derived in "
                    "every language (deprecated; docs/data.md)"
                )
            else:
                message = _typed_name_message(meeting.kind, meeting.number, position, typed)
            findings.append(Finding("report", ("meetings", index, field), message, "warning"))
    return findings


def _typed_name_message(kind: str, number: int, position: int, typed: dict[str, str]) -> str:
    """What a name typed in some languages (`typed`) is, against those derived in each."""
    same, differ, derived_in = [], [], []
    for lang, language in LANGUAGES.items():
        derived = language_for(lang).meeting_name(kind, number, short=position == 1)
        if lang not in typed:
            derived_in.append(language)
        elif typed[lang] == derived:
            same.append(language)
        else:
            differ.append(f"{language}, {typed[lang]!r} for {derived!r}")
    join = _join
    if not differ:
        message = f"is the name derived from kind and number in {join(same)}: remove it"
        if derived_in:
            message += f" (in {join(derived_in)} the derived name is printed already)"
        return message + " (deprecated; docs/data.md)"
    message = f"is printed instead of the name derived from kind and number in {join(differ)}"
    if same:
        message += f"; in {join(same)} it is the derived one"
    if derived_in:
        message += f"; in {join(derived_in)}, not typed, the derived name is printed"
    return message + ": remove it unless the meeting is really named so"


def _join(items: list[str]) -> str:
    """English, French and Spanish."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
