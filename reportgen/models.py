"""The inputs of a report, as validated pydantic models: one model per file of data/.

The models check each value on its own (types, formats, characters Word cannot hold);
how values relate across records and files is checked in `reportgen.checks`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    RootModel,
)

# --- Scalar types ------------------------------------------------------------------------

_WHITESPACE = re.compile(r"\s+")


def _forbidden_character(char: str) -> bool:
    """True for characters a Word document cannot hold (XML 1.0) or that Word mangles."""
    code = ord(char)
    return (
        code < 0x20  # C0 controls (tab and newlines are folded to spaces before this check)
        or 0x7F <= code <= 0x9F  # DEL and the C1 controls
        or 0xD800 <= code <= 0xDFFF  # lone surrogates (YAML "\ud800" escapes)
        or code in (0xFFFE, 0xFFFF)
    )


def clean_text(value: str) -> str:
    """Fold runs of white space (YAML line breaks) into one space and refuse control characters."""
    folded = _WHITESPACE.sub(" ", value).strip()
    for char in folded:
        if _forbidden_character(char):
            name = unicodedata.name(char, "a control character")
            raise ValueError(
                f"holds U+{ord(char):04X} ({name}), which a Word document cannot hold; remove it"
            )
    if not folded:
        raise ValueError("is empty")
    return folded


Text = Annotated[str, AfterValidator(clean_text)]
"""One line of text as the report prints it."""


def _key(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}", value):
        raise ValueError(
            f"{value!r} should be a short identifier: letters, digits, '-', '_' or '.' (2MSP)"
        )
    return value


Key = Annotated[str, AfterValidator(_key)]
"""A short identifier that other records refer to (a meeting key such as `2MSP`)."""


def _iso3(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise ValueError(f"{value!r} should be three capital letters (ISO 3166-1 alpha-3: PRT)")
    return value


ISO3 = Annotated[str, AfterValidator(_iso3)]

Count = Annotated[int, Field(ge=0, strict=True)]

_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d %B %Y")
DATE_FORMATS_HELP = "2008-12-03, 03.12.2008 or 3 December 2008"


def _parse_date(value: object) -> object:
    """Accept the date formats a delegate is likely to type; anything else is an error.

    YAML timestamps are not resolved by the loader, so dates arrive here as text and an
    impossible date (2010-02-30) becomes a located message rather than a crash.
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise ValueError(f"should be a date such as {DATE_FORMATS_HELP}")
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}", text):
        raise ValueError(f"{text!r} is not a day of the calendar")
    raise ValueError(f"{text!r} is not a date; write it as {DATE_FORMATS_HELP}")


Date = Annotated[dt.date, BeforeValidator(_parse_date)]


class Model(BaseModel):
    """Base of every input record: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# --- data/states.yaml ------------------------------------------------------------------

Instrument = Literal["ratification", "accession", "succession"]
INSTRUMENTS: tuple[Instrument, ...] = ("ratification", "accession", "succession")


class State(Model):
    """A State as the report names it, with its signature and instrument dates."""

    name: Text
    iso3: ISO3
    region: Text
    signature: Date | None = None
    ratification: Date | None = None
    accession: Date | None = None
    succession: Date | None = None

    @property
    def instrument(self) -> Instrument | None:
        """Which instrument the State deposited, if any (the first one given)."""
        for kind in INSTRUMENTS:
            if getattr(self, kind) is not None:
                return kind
        return None

    @property
    def deposit(self) -> dt.date | None:
        """The date the State deposited its instrument of ratification, accession or succession."""
        kind = self.instrument
        return None if kind is None else getattr(self, kind)

    def is_party_on(self, day: dt.date) -> bool:
        """True when the State had deposited its instrument by `day` (Article 17 aside)."""
        return self.deposit is not None and self.deposit <= day

    def is_signatory_on(self, day: dt.date) -> bool:
        """True when the State had signed by `day`."""
        return self.signature is not None and self.signature <= day


class StatesFile(RootModel[list[State]]):
    """data/states.yaml: every State the report names."""


# --- data/report.yaml ------------------------------------------------------------------


class Convention(Model):
    """The treaty the report is about."""

    name: Text
    short_name: Text
    opened_for_signature: Date
    entry_into_force: Date


class Region(Model):
    """A region the report groups States by; `in_prose` is how a sentence names it."""

    name: Text
    in_prose: Text | None = None

    @property
    def prose(self) -> str:
        """The region's name inside a sentence ("the Americas")."""
        return self.in_prose or self.name


class Meeting(Model):
    """A Meeting of States Parties (or Review Conference) the report refers to."""

    key: Key
    name: Text
    short_name: Text
    city: Text
    country: Text
    start: Date
    end: Date


class Coordinator(Model):
    """A State that coordinated universalisation, from one meeting until another."""

    state: Text
    appointed_at: Key | None = None
    until: Key | None = None


class Period(Model):
    """The intersessional period between two meetings, named by their keys."""

    after: Key
    before: Key


class ReportFrame(Model):
    """data/report.yaml: who issues the report, to which meeting, as of which date."""

    title: Text
    letterhead: list[Text]
    issuer: Text
    locale: Text
    as_of: Date
    convention: Convention
    regions: list[Region] = Field(min_length=1)
    meetings: list[Meeting] = Field(min_length=1)
    presented_to: Key
    counting_since: Key
    highlight: Period
    coordinators: list[Coordinator] = Field(min_length=1)


# --- data/categories.yaml --------------------------------------------------------------


class Category(Model):
    """A group of non-party States by their stated position towards joining."""

    key: Key
    title: Text
    summary: Text
    description: list[Text] = Field(min_length=1)
    members: list[Text]


class CategoriesFile(RootModel[list[Category]]):
    """data/categories.yaml: the categories, in the order the report presents them."""


# --- data/events.yaml ------------------------------------------------------------------


class Initiative(Model):
    """A regional or bilateral initiative the report recalls; `text` may mark *italics*."""

    id: Key | None = None
    text: Text
    place: Text | None = None
    host: Text | None = None
    start: Date | None = None
    end: Date | None = None
    states: list[Text] = []


class Demarches(Model):
    """The joint demarches in capitals, and what came back."""

    by: list[Text] = Field(min_length=1)
    period: Text
    states_approached: Count
    replies: Count
    replies_approximate: bool = False
    reporting_ongoing_processes: Count
    joined_since: Count


class Letter(Model):
    """The letter to the missions in Geneva of States not yet Parties."""

    signed_by: list[Text] = Field(min_length=1)
    states_addressed: Count


class Strategy(Model):
    """A regional universalisation strategy and the meeting that adopted it."""

    name: Text
    adopted_at: Key
    participants: Count
    measures: list[Text] = Field(min_length=1)


class EventsFile(Model):
    """data/events.yaml: outreach the report recounts, with the figures no table can give."""

    initiatives: list[Initiative]
    demarches: Demarches
    letter: Letter
    strategy: Strategy


# --- data/lessons.yaml -----------------------------------------------------------------


class LessonsFile(Model):
    """data/lessons.yaml: the lines of action and the recommendations."""

    lines_of_action: list[Text] = Field(min_length=1)
    recommendations: list[Text] = Field(min_length=1)


# --- All of it -------------------------------------------------------------------------


class Inputs(Model):
    """Everything one report is made from, validated."""

    report: ReportFrame
    states: list[State]
    categories: list[Category]
    events: EventsFile
    lessons: LessonsFile

    _states_by_name: dict[str, State] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object, /) -> None:
        """Index the States by name once; the model is immutable."""
        self._states_by_name.update((s.name, s) for s in self.states)

    def state(self, name: str) -> State:
        """The State of that name (names are checked to exist when loading)."""
        return self._states_by_name[name]

    def has_state(self, name: str) -> bool:
        """True when data/states.yaml has a State of that name."""
        return name in self._states_by_name

    def meeting(self, key: str) -> Meeting:
        """The meeting of that key (keys are checked to exist when loading)."""
        for meeting in self.report.meetings:
            if meeting.key == key:
                return meeting
        raise KeyError(key)
