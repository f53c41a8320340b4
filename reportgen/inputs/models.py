"""The inputs of a report, as validated pydantic models: one model per file of data/.

The models check each value on its own (types, formats, characters Word cannot hold);
how values relate across records and files is checked in `reportgen.checks`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from num2words import num2words
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    RootModel,
    StrictBool,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from reportgen.core.languages import LANGUAGES

if TYPE_CHECKING:  # resolved at the end of this module (inputs/frame.py uses its types)
    from reportgen.inputs.frame import FrameName, WorkingPaper

FRAME_HELP = "letterhead (the default) or working-paper, with working_paper (docs/frame.md)"
PAPER_HELP = "The report as a UN working paper: its symbol, date, agenda item (docs/frame.md)."

# --- Scalar types ------------------------------------------------------------------------

_WHITESPACE = re.compile(r"[ \t\n\r]+")
"""What YAML folds into one space: ordinary spaces, tabs and line breaks. A no-break space
(U+00A0, which French puts before ";" and ":") or a narrow one is kept as typed."""


_FORBIDDEN = re.compile(
    r"[\x00-\x1f"  # C0 controls (tab and newlines are folded to spaces before this check)
    r"\x7f-\x9f"  # DEL and the C1 controls
    r"\ud800-\udfff"  # lone surrogates (YAML "\ud800" escapes)
    r"\ufffe\uffff]"
)
"""Characters a Word document cannot hold (XML 1.0) or that Word mangles.

One regular expression rather than a test per character: every text of data/ passes here.
"""


_NOT_FOLDED = re.compile(
    r"[\x0b\x0c\x1c-\x1f\x85\u2028\u2029]"  # line and page breaks YAML never writes as such
    r"|[\u202a-\u202e\u2066-\u2069]"  # bidi embeddings, overrides and isolates
)
"""Characters refused before white space is folded: a break typed as an escape, or a control
that makes text display in another order than it is stored ("Afghanistan" that sorts last)."""


def clean_text(value: str) -> str:
    """Fold runs of white space (YAML line breaks) into one space and refuse control characters."""
    odd = _NOT_FOLDED.search(value)
    if odd is not None:
        char = odd.group()
        name = unicodedata.name(char, "a control character")
        effect = (
            "which makes the text display in another order than it is written"
            if "\u202a" <= char <= "\u2069"
            else "a line break that only a YAML line break may stand for"
        )
        raise ValueError(f"holds U+{ord(char):04X} ({name}), {effect}; remove it")
    folded = _WHITESPACE.sub(" ", value).strip()  # no space of any kind at either end
    found = _FORBIDDEN.search(folded)
    if found is not None:
        char = found.group()
        name = unicodedata.name(char, "a control character")
        raise ValueError(
            f"holds U+{ord(char):04X} ({name}), which a Word document cannot hold; remove it"
        )
    if not folded:
        raise ValueError("is empty")
    return folded


def clean_unmarked(value: str) -> str:
    """`clean_text`, and no marker (`{this meeting}`) where none is written out: it would
    print as typed."""
    value = clean_text(value)
    found = _MARKER_ANYWHERE.search(value)
    if found is not None:
        raise ValueError(
            f"{found.group()} is written out only in a category's description; here, write "
            "the words themselves"
        )
    return value


Text = Annotated[str, AfterValidator(clean_unmarked)]
"""One line of text as the report prints it."""

UN_LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
"""The codes a text may be given in: the six official languages of the United Nations."""


def language_of(info: ValidationInfo) -> str:
    """The language the data is being read for (`model_validate(..., context={"lang": ...})`)."""
    context = info.context if isinstance(info.context, dict) else {}
    lang = context.get("lang", "en")
    return lang if isinstance(lang, str) else "en"


def _in_language(value: object, info: ValidationInfo) -> object:
    """A text given in several languages (`{en: ..., fr: ...}`): the one being built."""
    if not isinstance(value, dict):
        return value  # one text for every language (a city, a name)
    unknown = [str(key) for key in value if key not in UN_LANGUAGES]
    if unknown:
        raise ValueError(
            f"{unknown[0]!r} is not a language code: write the text under "
            f"{', '.join(c + ':' for c in UN_LANGUAGES)} (en: English, fr: French, es: Spanish)"
        )
    lang = language_of(info)
    if lang not in value:
        given = ", ".join(f"{key}:" for key in value)
        raise ValueError(
            f"has no {LANGUAGES.get(lang, lang)} text: add `{lang}:` beside {given} "
            f"(or build in another language with --lang)"
        )
    chosen = value[lang]
    if not isinstance(chosen, str):
        raise ValueError("should be text")
    return chosen


Prose = Annotated[
    str,
    BeforeValidator(_in_language),
    AfterValidator(clean_unmarked),
]
"""Text the report prints in its language: one text for all languages (a city's name), or
one per language, `{en: ..., fr: ..., es: ...}`; the data is read for one language at a time,
and a text missing in that language is an error where it stands."""


PROSE_MARKERS: dict[str, str] = {
    "this meeting": "the meeting the report is presented to, as a sentence says 'this' of it "
    "(this Meeting, this Conference; la présente Assemblée; la presente Conferencia)",
}
"""The markers a category's paragraphs may hold, written `{this meeting}` (`{This meeting}`
to begin a sentence): the report's catalogue writes what each stands for (message
this_meeting), so that a 2013 paragraph reads right in a report to a Review Conference."""

PROSE_MARKER = re.compile(r"\{([^{}]*)\}")
"""A marker in a category's paragraph: `{this meeting}`."""

_MARKER_ANYWHERE = re.compile(
    r"\{\s*(?:" + "|".join(r"\s+".join(m.split()) for m in PROSE_MARKERS) + r")\s*\}",
    re.IGNORECASE,
)
"""A marker, however spaced or capitalised, in a text that writes none out (`clean_unmarked`)."""


_LOOK_ALIKE_BRACES = "\uff5b\uff5d\u2774\u2775\ufe5b\ufe5c\u2983\u2984"
"""Characters that look like braces (fullwidth, ornamental, small): a marker typed with them
would print as typed, so they are refused in a paragraph that may hold markers."""

_MAX_SHOWN = 5
"""How many mistyped markers one error line lists (the count says if there are more)."""


def _shown(text: str) -> str:
    return repr(text if len(text) <= 30 else text[:30] + "...")


def _strange(name: str) -> str:
    """ " (it holds U+00A0, NO-BREAK SPACE)" when a marker's name holds a character beyond
    ASCII (a space from Word, a letter of another script), which looks right and is wrong."""
    odd = next((c for c in name if not c.isascii()), None)
    if odd is None:
        return ""
    return f" (it holds U+{ord(odd):04X}, {unicodedata.name(odd, 'an unnamed character')})"


def _markers(value: str) -> str:
    """Each `{...}` a known marker (PROSE_MARKERS), and no other brace nor look-alike: data
    never reads as a template's tag, and a mistyped marker is not printed as it is. Every
    mistyped one is said at once."""
    known = ", ".join(f"{{{m}}}" for m in PROSE_MARKERS)
    wrong: list[str] = []
    for braced in re.finditer(r"\{+[^{}]*\}*|\}+", value):
        marker = PROSE_MARKER.fullmatch(braced.group())
        if marker is None:
            wrong.append(
                f"{_shown(braced.group())}: braces only surround a marker, one on each side"
            )
            continue
        name = marker.group(1)
        if name[:1].lower() + name[1:] not in PROSE_MARKERS:
            wrong.append(f"{braced.group()} is not a marker{_strange(name)}")
    look_alike = sorted({c for c in value if c in _LOOK_ALIKE_BRACES})
    if look_alike:
        shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in look_alike)
        wrong.append(f"{shown} only look like braces: type {{ and }}")
    if wrong:
        more = f" (and {len(wrong) - _MAX_SHOWN} more)" if len(wrong) > _MAX_SHOWN else ""
        raise ValueError(
            "; ".join(wrong[:_MAX_SHOWN]) + more + f": a paragraph may hold {known} (the "
            "meeting the report is presented to: this Meeting, this Conference), written as here"
        )
    return value


MarkedProse = Annotated[
    str,
    BeforeValidator(_in_language),
    AfterValidator(clean_text),
    AfterValidator(_markers),
]
"""Prose that may hold markers (PROSE_MARKERS) the report writes out in its language."""


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

DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d %B %Y")
DATE_FORMATS_HELP = "2008-12-03, 03.12.2008 or 3 December 2008"


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


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
    if _ISO_DATE.fullmatch(text):  # the usual form, read without strptime's slow machinery
        try:
            return dt.date(int(text[:4]), int(text[5:7]), int(text[8:]))
        except ValueError:
            pass  # not a day of the calendar: the message below says so
    if any(c.isdecimal() and not c.isascii() for c in text):  # strptime would read them
        raise ValueError(f"{text!r} is not a date; write it as {DATE_FORMATS_HELP}")
    for fmt in DATE_FORMATS:
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

_NOTIFIED = (
    "The day the depositary received its instrument of withdrawal (Article 20(1)), as the "
    "depositary's notification gives it; leave it out unless the State withdrew."
)
_EFFECTIVE = (
    "The day the withdrawal takes effect: six months after withdrawal_notified (Article "
    "20(2)), or later when the State is then engaged in an armed conflict; required with "
    "withdrawal_notified. From this day on the State is not a State Party; before it, it "
    "still is."
)


@dataclass(frozen=True)
class Membership:
    """One span of a State's membership: the instrument that began it and, if the State
    withdrew, the withdrawal that ends it."""

    instrument: Instrument
    deposit: dt.date
    withdrawal_notified: dt.date | None
    withdrawal_effective: dt.date | None

    def in_force_on(self, day: dt.date) -> bool:
        """True when the State had deposited by `day` and its withdrawal had not taken effect."""
        if self.deposit > day:
            return False
        return self.withdrawal_effective is None or day < self.withdrawal_effective


class Rejoining(Model):
    """A State's new instrument after its withdrawal took effect, and its own withdrawal."""

    accession: Date = Field(
        description=(
            "The day it deposited its new instrument (accession: its signature was used by "
            "its first ratification), after its earlier withdrawal took effect."
        ),
    )
    withdrawal_notified: Date | None = Field(default=None, description=_NOTIFIED)
    withdrawal_effective: Date | None = Field(default=None, description=_EFFECTIVE)


class State(Model):
    """A State as the report names it, with its signature and instrument dates."""

    name: Text = Field(
        description=(
            "The name as the report prints it (UN usage); every other file refers to the "
            "State by exactly this name."
        ),
    )
    iso3: ISO3 = Field(
        description="Its ISO 3166-1 alpha-3 code, in capitals (PRT); checked against ISO 3166.",
    )
    region: Text = Field(description="One of the regions of report.yaml.")
    signature: Date | None = Field(
        default=None,
        description="The day it signed the Convention; leave it out if it did not sign.",
    )
    provisional_application: Date | None = Field(
        default=None,
        description=(
            "The day it declared it would apply the Convention provisionally (Article 18), "
            "as the depositary records it (code n); this does not make it a State Party."
        ),
    )
    ratification: Date | None = Field(
        default=None,
        description=(
            "The day it deposited its instrument of ratification (a State that signed). Give "
            "at most one of ratification, accession and succession."
        ),
    )
    accession: Date | None = Field(
        default=None,
        description=(
            "The day it deposited its instrument of accession (a State that did not sign). "
            "Give at most one of ratification, accession and succession."
        ),
    )
    succession: Date | None = Field(
        default=None,
        description=(
            "The day it deposited its instrument of succession. Give at most one of "
            "ratification, accession and succession."
        ),
    )
    withdrawal_notified: Date | None = Field(default=None, description=_NOTIFIED)
    withdrawal_effective: Date | None = Field(default=None, description=_EFFECTIVE)
    rejoined: list[Rejoining] = Field(
        default_factory=list,
        description=(
            "For a State that withdrew and joined again: each later instrument, in order, "
            "with its own withdrawal if any. The State is a State Party on the days of any "
            "of its memberships."
        ),
    )

    @property
    def instrument(self) -> Instrument | None:
        """Which instrument the State deposited first, if any (the first one given)."""
        for kind in INSTRUMENTS:
            if getattr(self, kind) is not None:
                return kind
        return None

    @property
    def deposit(self) -> dt.date | None:
        """The date the State first deposited its instrument of ratification, accession or
        succession (its later ones, after a withdrawal, are in `rejoined`)."""
        kind = self.instrument
        return None if kind is None else getattr(self, kind)

    @property
    def memberships(self) -> tuple[Membership, ...]:
        """Each span of its membership, in order: its first instrument, then each rejoining."""
        kind, deposit = self.instrument, self.deposit
        if kind is None or deposit is None:
            return ()  # a rejoining without a first instrument is refused by the checks
        first = Membership(kind, deposit, self.withdrawal_notified, self.withdrawal_effective)
        later = tuple(
            Membership(
                "accession",
                again.accession,
                again.withdrawal_notified,
                again.withdrawal_effective,
            )
            for again in self.rejoined
        )
        return (first, *later)

    def membership_on(self, day: dt.date) -> Membership | None:
        """The membership in force on `day`, if any."""
        for membership in self.memberships:
            if membership.in_force_on(day):
                return membership
        return None

    def is_party_on(self, day: dt.date) -> bool:
        """True when the State had deposited an instrument by `day` and no withdrawal from
        it had taken effect by then (Article 17's six months aside: the report's usage)."""
        return self.membership_on(day) is not None

    def withdrawn_on(self, day: dt.date) -> dt.date | None:
        """The day its withdrawal took effect (its latest, when it withdrew more than once),
        when it is not a State Party on `day` because it withdrew; None when it never joined,
        is a State Party on `day`, or its withdrawal has not yet taken effect. Such a State
        can join again only by accession (`rejoined: - accession: DATE`)."""
        if self.is_party_on(day):
            return None
        left = [
            m.withdrawal_effective
            for m in self.memberships
            if m.withdrawal_effective is not None and m.withdrawal_effective <= day
        ]
        return max(left, default=None)

    def has_deposited_by(self, day: dt.date) -> bool:
        """True when the State had deposited an instrument by `day`, withdrawn since or not."""
        return self.deposit is not None and self.deposit <= day

    def is_signatory_on(self, day: dt.date) -> bool:
        """True when the State had signed by `day`."""
        return self.signature is not None and self.signature <= day


class StatesFile(RootModel[list[State]]):
    """data/states.yaml: every State the report names."""


# --- data/names.yaml -------------------------------------------------------------------

_UN_SHORT = (
    "The UN short name (UNTERM), with the article it takes in running text in parentheses "
    "after it: Pays-Bas (les), Afghanistan (l'), Cuba."
)
_RUNNING_TEXT = (
    "Where the short name's words are reordered in running text, that form, with its "
    "article: l'État plurinational de Bolivie."
)


class Names(Model):
    """A State's names in French and Spanish (English is the name of states.yaml), and
    its English name in running text when it takes "the"."""

    en_text: Text | None = Field(
        default=None,
        description=(
            'English: the name in running text when it takes an article (UNTERM\'s "(the)"): '
            "the Netherlands, the United Kingdom of Great Britain and Northern Ireland."
        ),
    )
    fr: Text | None = Field(default=None, description="French: " + _UN_SHORT)
    fr_text: Text | None = Field(default=None, description="French: " + _RUNNING_TEXT)
    fr_gender: Literal["m", "f"] | None = Field(
        default=None,
        description=(
            "The gender of a French name whose article hides it (l', les or none): m or f "
            "(« les Philippines »: f)."
        ),
    )
    es: Text | None = Field(default=None, description="Spanish: " + _UN_SHORT)
    es_text: Text | None = Field(default=None, description="Spanish: " + _RUNNING_TEXT)

    FIELDS: ClassVar[dict[str, tuple[str | None, str | None, str | None]]] = {
        "en": (None, "en_text", None),
        "fr": ("fr", "fr_text", "fr_gender"),
        "es": ("es", "es_text", None),
    }
    """The fields of each language, by code: its UN short name (English's is states.yaml's),
    its form in running text, and the gender of its article."""

    def in_language(
        self, code: str
    ) -> tuple[str | None, str | None, Literal["m", "f"] | None] | None:
        """The State's names in the language `code`: (short name, running text, gender),
        each None when not given; None for a language this file holds no names in."""
        fields = self.FIELDS.get(code)
        if fields is None:
            return None
        short, running, gender = (getattr(self, f) if f else None for f in fields)
        return short, running, gender


class Renaming(Names):
    """A State's new names from the day the United Nations took them."""

    on: Date = Field(description="The day the new names were taken.")
    en: Text | None = Field(default=None, description="The new English short name.")


class StateNames(Names):
    """A State's names, and its renamings."""

    renamed: list[Renaming] = Field(
        default_factory=list,
        description="Later names, each from its day: a report dated on or after it uses them.",
    )


class NamesFile(RootModel[dict[ISO3, StateNames]]):
    """data/names.yaml: each State's names in French and Spanish, by ISO 3166-1 alpha-3 code."""


# --- data/report.yaml ------------------------------------------------------------------


class Convention(Model):
    """The treaty the report is about."""

    name: Prose = Field(description="The Convention's full name, as printed.")
    short_name: Prose = Field(description="Its abbreviation (CCM).")
    opened_for_signature: Date = Field(description="The day it was opened for signature.")
    entry_into_force: Date = Field(description="The day it entered into force.")


class Region(Model):
    """A region the report groups States by; `in_prose` is how a sentence names it."""

    name: Text = Field(description="The region's name, as the States' region fields give it.")
    in_prose: Prose | None = Field(
        default=None,
        description='How a sentence names it ("the Americas"), when that differs from name.',
    )
    label: Prose | None = Field(
        default=None,
        description=(
            "How a chart or a table names it (Americas; fr: Amériques), when that differs from "
            "name; required in every language other than English."
        ),
    )

    @model_validator(mode="after")
    def _printed_in_language(self, info: ValidationInfo) -> Region:
        lang = language_of(info)
        if lang != "en":
            missing = [f for f in ("label", "in_prose") if getattr(self, f) is None]
            if missing:
                raise ValueError(
                    f"has no {' or '.join(missing)} in {LANGUAGES.get(lang, lang)}: name is how "
                    f"the data refers to the region; add `label:` and `in_prose:` with `{lang}:` "
                    "texts (label: Afrique, in_prose: l'Afrique)"
                )
        return self

    @property
    def prose(self) -> str:
        """The region's name inside a sentence ("the Americas")."""
        return self.in_prose or self.name

    @property
    def printed(self) -> str:
        """The region's name in a chart or a table ("Americas")."""
        return self.label or self.name


MeetingKind = Literal["msp", "review_conference", "extraordinary_msp"]
MEETING_KINDS: tuple[MeetingKind, ...] = ("msp", "review_conference", "extraordinary_msp")
"""The kinds of meeting of the States Parties: a Meeting of States Parties (msp), a Review
Conference (review_conference, Article 12), an extraordinary meeting (extraordinary_msp,
Article 11(3)). Each language names them by its rules (`Language.meeting_name`)."""

_ENGLISH_NAMES: dict[str, tuple[str, str]] = {
    "msp": ("{} Meeting of States Parties", "{} MSP"),
    "review_conference": ("{} Review Conference", "{} Review Conference"),
    "extraordinary_msp": (
        "{} Extraordinary Meeting of States Parties",
        "{} Extraordinary MSP",
    ),
}


def english_meeting_name(kind: str, number: int, *, short: bool = False) -> str:
    """ "4th Meeting of States Parties", "4th MSP", "Second Review Conference": the English
    name of a meeting, which `reportgen figures` prints in its definitions. The report's
    names, in each language, are its language's (`reportgen.language`); they agree in
    English (tests/language/test_meeting_names.py)."""
    if kind == "review_conference":  # in words, as UN English writes it: Eleventh
        rank = str(num2words(number, to="ordinal", lang="en")).capitalize()
    else:
        suffix = (
            "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        )
        rank = f"{number}{suffix}"
    return _ENGLISH_NAMES[kind][short].format(rank)


class MeetingPart(Model):
    """One part of a meeting held in several (the Second Review Conference: online in
    November 2020, in Geneva in September 2021), with its days and its place."""

    city: Prose | None = Field(
        default=None, description="The city where this part was held; leave it out online."
    )
    country: Text | None = Field(
        default=None,
        description="The State of the city, named as in states.yaml (required with city).",
    )
    online: StrictBool = Field(
        default=False, description="true for a part held online (then no city)."
    )
    start: Date = Field(description="The part's first day.")
    end: Date = Field(description="The part's last day.")

    @model_validator(mode="after")
    def _has_a_place(self) -> MeetingPart:
        if self.city is None and not self.online:
            raise ValueError(
                "has neither a city nor online: give `city:` and `country:`, or `online: true`"
            )
        if (self.city is None) != (self.country is None):
            raise ValueError("gives a city without its country, or a country without its city")
        return self


class Meeting(Model):
    """A meeting of the States Parties the report refers to: its kind and number, from which
    its names are derived in each language, and its days and place, or its parts."""

    key: Key = Field(description="The short identifier other fields name the meeting by (2MSP).")
    kind: MeetingKind | None = Field(
        default=None,
        description=(
            "msp (Meeting of States Parties), review_conference or extraordinary_msp: with "
            "number, gives the meeting's names in every language."
        ),
    )
    number: Annotated[int, Field(ge=1, strict=True)] | None = Field(
        default=None, description="Its number among meetings of its kind (4 for the 4th MSP)."
    )
    typed_name: Prose | None = Field(
        default=None,
        alias="name",
        description=(
            "Deprecated: its full name, derived from kind and number. A name typed here is "
            "printed instead, with a warning when it differs from the derived one."
        ),
    )
    typed_short_name: Prose | None = Field(
        default=None,
        alias="short_name",
        description="Deprecated: its short name (2nd MSP), derived from kind and number.",
    )
    typed_city: Prose | None = Field(
        default=None, alias="city", description="The city where it was held (one part)."
    )
    typed_country: Text | None = Field(
        default=None,
        alias="country",
        description="The State where it was held, named as in states.yaml (printed in the "
        "report's language).",
    )
    online: StrictBool = Field(
        default=False, description="true for a meeting held online (one part, no city)."
    )
    typed_start: Date | None = Field(default=None, alias="start", description="Its first day.")
    typed_end: Date | None = Field(
        default=None,
        alias="end",
        description=(
            "Its last day (new States Parties are counted from the close of counting_since)."
        ),
    )
    parts: list[MeetingPart] = Field(
        default_factory=list,
        description=(
            "For a meeting held in several parts, each with its days and place, in order "
            "(instead of city, country, online, start and end); it closes on the last "
            "part's end."
        ),
    )

    _typed: dict[str, object] = PrivateAttr(default_factory=dict)

    @field_validator("typed_name", "typed_short_name", mode="wrap")
    @classmethod
    def _derived_where_not_typed(
        cls, value: object, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> object:
        """With kind and number, a name typed in some languages only is derived in the others
        (None here); without them, a language missing is an error (Prose's)."""
        if (
            info.data.get("kind") is not None
            and isinstance(value, dict)
            and language_of(info) not in value
            and all(key in UN_LANGUAGES for key in value)
        ):
            return None
        return handler(value)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_typed_names(cls, data: object, handler: ValidatorFunctionWrapHandler) -> Meeting:
        """The meeting, with its typed names in every language kept for `typed_texts`."""
        meeting: Meeting = handler(data)
        if isinstance(data, dict):
            meeting._typed = {f: data[f] for f in ("name", "short_name") if f in data}
        return meeting

    def typed_texts(self, field: str) -> dict[str, str]:
        """The name typed in `field` (name or short_name) by language, for each language a
        report is built in that it is given in (one text for all: in each)."""
        value = self._typed.get(field)
        given = dict.fromkeys(LANGUAGES, value) if isinstance(value, str) else value
        found = {}
        for lang, text in given.items() if isinstance(given, dict) else ():
            try:
                if lang in LANGUAGES and isinstance(text, str):
                    found[lang] = clean_text(text)
            except ValueError:  # an error when the report is built in that language
                continue
        return found

    @model_validator(mode="after")
    def _named_and_held(self) -> Meeting:
        one_part = {
            "city": self.typed_city,
            "country": self.typed_country,
            "start": self.typed_start,
            "end": self.typed_end,
        }
        if self.parts:
            given = [field for field, value in one_part.items() if value is not None]
            if given or self.online:
                raise ValueError(
                    f"gives parts and {', '.join(given or ['online'])}: the days and place of "
                    "a meeting in parts are its parts'"
                )
        else:
            missing = [f for f in ("start", "end") if one_part[f] is None]
            if missing:
                raise ValueError(f"has no {' or '.join(missing)} (or parts)")
            if self.typed_city is None and not self.online:
                raise ValueError(
                    "has neither a city nor online: give `city:` and `country:`, or "
                    "`online: true` (or parts)"
                )
            if (self.typed_city is None) != (self.typed_country is None):
                raise ValueError("gives a city without its country, or a country without its city")
        if (self.kind is None) != (self.number is None):
            raise ValueError("give kind and number together (msp and 4: the 4th MSP)")
        if self.kind is None and (self.typed_name is None or self.typed_short_name is None):
            raise ValueError(
                "has no kind and number: give `kind:` (msp, review_conference or "
                "extraordinary_msp) and `number:`, from which its names are derived"
            )
        return self

    @property
    def held(self) -> tuple[MeetingPart, ...]:
        """Its parts, in order; a meeting held once is one part."""
        if self.parts:
            return tuple(self.parts)
        assert self.typed_start is not None and self.typed_end is not None  # validated
        return (
            MeetingPart.model_construct(
                city=self.typed_city,
                country=self.typed_country,
                online=self.online,
                start=self.typed_start,
                end=self.typed_end,
            ),
        )

    @property
    def start(self) -> dt.date:
        """Its first day (its first part's)."""
        return self.held[0].start

    @property
    def end(self) -> dt.date:
        """Its close: its last part's last day."""
        return self.held[-1].end

    @property
    def city(self) -> str | None:
        """The city of the last part held in one (where it closed), or None online."""
        return next((p.city for p in reversed(self.held) if p.city), None)

    @property
    def country(self) -> str | None:
        """The State of `city`."""
        return next((p.country for p in reversed(self.held) if p.city), None)

    @property
    def noun_kind(self) -> str:
        """The kind a sentence says "this ..." of it by: its kind; for a meeting whose names
        are typed (data of an earlier release), review_conference when its name says so
        (Conference, Conférence, Conferencia), else typed (this Meeting)."""
        if self.kind is not None:
            return self.kind
        return "review_conference" if "conf" in (self.typed_name or "").casefold() else "typed"

    @property
    def name(self) -> str:
        """Its full name as typed, else in English (for `reportgen figures`): the report's
        name in its language is derived by the language (`reportgen.language`)."""
        if self.typed_name is not None:
            return self.typed_name
        assert self.kind is not None and self.number is not None  # validated
        return english_meeting_name(self.kind, self.number)

    @property
    def short_name(self) -> str:
        """Its short name as typed, else in English (2nd MSP)."""
        if self.typed_short_name is not None:
            return self.typed_short_name
        assert self.kind is not None and self.number is not None  # validated
        return english_meeting_name(self.kind, self.number, short=True)


class Coordinator(Model):
    """A State that coordinated universalisation, from one meeting until another."""

    state: Text = Field(description="The coordinating State, named as in states.yaml.")
    appointed_at: Key | None = Field(
        default=None,
        description=(
            "The key of the meeting that appointed it; leave it out when it was appointed "
            "before the first meeting listed."
        ),
    )
    until: Key | None = Field(
        default=None,
        description="The key of the meeting at which it handed over; leave it out while it serves.",
    )
    letterhead: list[Prose] = Field(
        default_factory=list,
        description=(
            "The lines at the top of the first page of a report this coordinator issues "
            "(its ministry and State), in each language; required for the issuer."
        ),
    )
    initiatives: list[Prose] = Field(
        default_factory=list,
        description=(
            "This coordinator's own initiatives, each a clause completing \"we can report "
            'that ...": "efforts within the Community of Portuguese Speaking Countries have '
            'proven to be very useful". Part IV joins those of every coordinator; none, no '
            "sentence."
        ),
    )


class PlanAdoption(Model):
    """The meeting that adopted an action plan, by its kind and number."""

    kind: MeetingKind = Field(description="msp, review_conference or extraordinary_msp.")
    number: Annotated[int, Field(ge=1, strict=True)] = Field(
        description="Its number among meetings of its kind (1 for the 1st MSP)."
    )


class ActionPlan(Model):
    """An action plan of the Convention: the report refers to its actions by number."""

    key: Key = Field(description="How events.yaml's references name it (vientiane).")
    name: Prose = Field(
        description=(
            "Its name in each language, with the article it takes in running text in "
            "parentheses, as UNTERM writes names: Vientiane Action Plan (the), Plan d'action "
            "de Vientiane (le), Plan de Acción de Vientiane (el)."
        ),
    )
    adopted_at: PlanAdoption = Field(
        description="The meeting that adopted it: {kind: msp, number: 1} for the 1st MSP."
    )
    from_year: Annotated[int, Field(ge=2008, le=2200, strict=True)] = Field(
        alias="from", description="The first year it covers (2011)."
    )
    to_year: Annotated[int, Field(ge=2008, le=2200, strict=True)] = Field(
        alias="to", description="The last year it covers (2015)."
    )


class Period(Model):
    """The intersessional period between two meetings, named by their keys."""

    after: Key = Field(description="The key of the meeting that opens the period.")
    before: Key = Field(description="The key of the meeting that closes the period.")


class StatusSource(Model):
    """Where the dates of data/states.yaml come from: the depositary's status, as imported."""

    publisher: Prose = Field(
        description="Who published the status (United Nations Treaty Collection)."
    )
    file: Text = Field(description="The name of the file imported (XXVI-6.en.xml).")
    as_at: Date = Field(description='The day of the status ("STATUS AS AT").')
    as_at_time: Text | None = Field(
        default=None, description="Its time of day, as the depositary gives it (09:15:33 EDT)."
    )
    sha256: Text = Field(description="The SHA-256 checksum of the file imported.")


class ReportFrame(Model):
    """data/report.yaml: who issues the report, to which meeting, as of which date."""

    title: Prose = Field(description="The report's title, as printed (Universalisation).")
    letterhead: list[Prose] | None = Field(
        default=None,
        description=(
            "Deprecated: the lines at the top of the first page. They are now the issuer's, "
            "kept with its record under coordinators (letterhead:), so that they follow it."
        ),
    )
    issuer: Text = Field(
        description="The coordinator whose ministry issues the report, named as in states.yaml.",
    )
    locale: Text = Field(description="Language and formats of dates, numbers and lists (en_GB).")
    as_of: Date = Field(description='The status table and every figure are "as of" this day.')
    convention: Convention
    regions: list[Region] = Field(
        min_length=1,
        description="How the report groups States; every State's region is one of these.",
    )
    meetings: list[Meeting] = Field(
        min_length=1,
        description=(
            "The meetings the report refers to, in the order they were held; other fields "
            "name a meeting by its key."
        ),
    )
    presented_to: Key = Field(description="The key of the meeting this report is for (4MSP).")
    counting_since: Key = Field(
        description=(
            'The key of the meeting since whose close new States Parties are counted ("since '
            'the 2nd MSP").'
        ),
    )
    highlight: Period = Field(
        description=(
            "The intersessional period whose new States Parties are printed in bold, between "
            "two meetings named by their keys."
        ),
    )
    coordinators: list[Coordinator] = Field(
        min_length=1,
        description="The coordinators for universalisation and the meetings that appointed them.",
    )
    status_source: StatusSource | None = Field(
        default=None,
        description=(
            "Where the dates of states.yaml come from; written by `reportgen import untc`, "
            "not by hand."
        ),
    )
    action_plans: list[ActionPlan] = Field(
        default_factory=list,
        description=(
            "The Convention's action plans, which events.yaml's references name by key: "
            "each plan's name in each language, the meeting that adopted it, its years."
        ),
    )
    frame: FrameName = Field(default="letterhead", description=FRAME_HELP)
    working_paper: WorkingPaper | None = Field(default=None, description=PAPER_HELP)


# --- data/categories.yaml --------------------------------------------------------------


class Category(Model):
    """A group of non-party States by their stated position towards joining."""

    key: Key = Field(description="A short identifier (I, II, III).")
    title: Prose = Field(description='The title, as printed ("Category I").')
    in_prose: Prose | None = Field(
        default=None,
        description=(
            'How a sentence names it, when that differs from the title (French "la catégorie '
            'I", Spanish "la categoría I").'
        ),
    )
    summary: Prose = Field(
        description=(
            'Completes "Category I, comprising 23 countries ..." in the overview sentence.'
        ),
    )
    description: list[MarkedProse] = Field(
        min_length=1,
        description=(
            "The paragraphs that follow the category's heading. `{this meeting}` stands for "
            "the meeting the report is presented to (this Meeting, this Conference; la "
            "présente Assemblée; la presente Reunión), `{This meeting}` at a sentence's start."
        ),
    )
    members: list[Text] = Field(
        description=(
            "Names exactly as in states.yaml; States Parties cannot be members. Their number "
            "is counted, never typed."
        ),
    )

    @property
    def prose(self) -> str:
        """The category's name inside a sentence ("la catégorie II")."""
        return self.in_prose or self.title


class CategoriesFile(RootModel[list[Category]]):
    """data/categories.yaml: the categories, in the order the report presents them."""


# --- data/events.yaml ------------------------------------------------------------------


class Initiative(Model):
    """A regional or bilateral initiative the report recalls; `text` may mark *italics*."""

    id: Key | None = Field(
        default=None,
        description="An identifier that lets another record refer to this initiative (lome-2013).",
    )
    text: Prose = Field(
        description="What took place; mark italics with asterisks: *Handicap International*.",
    )
    place: Prose | None = Field(default=None, description='Where, printed as " in <place>".')
    host: Text | None = Field(
        default=None,
        description='The host State, printed after the place (" in Lomé, Togo").',
    )
    start: Date | None = Field(
        default=None,
        description='Its first day, printed as " on <dates>".',
    )
    end: Date | None = Field(
        default=None,
        description="Its last day, when it lasted more than one.",
    )
    states: list[Text] = Field(
        default=[],
        description="The States the initiative involves, named as in states.yaml.",
    )


class Demarches(Model):
    """The joint demarches in capitals, and what came back."""

    by: list[Text] = Field(min_length=1, description="The coordinators who delivered them.")
    period: Prose = Field(description="When they were delivered (2011/2012).")
    states_approached: Count = Field(
        description="How many capitals of States not yet Parties were approached.",
    )
    replies: Count = Field(description="How many States replied.")
    replies_approximate: StrictBool = Field(
        default=False,
        description=(
            'true prints "Around one hundred States replied" instead of "In all, one hundred".'
        ),
    )
    reporting_ongoing_processes: Count = Field(
        description="How many States reported ongoing ratification processes or the will to join.",
    )
    joined_since: Count = Field(description="Of those, how many have become States Parties since.")


class Letter(Model):
    """Deprecated when data/campaigns.yaml has a campaign: the letter to the missions in
    Geneva of States not yet Parties, typed. The report now tells of the latest campaign of
    campaigns.yaml (its signers, the States it approached, its replies)."""

    signed_by: list[Text] = Field(
        min_length=1,
        description="The coordinators whose Permanent Representatives in Geneva signed it.",
    )
    states_addressed: Count = Field(
        description="How many States not yet Parties, with missions in Geneva, it addressed.",
    )


class Strategy(Model):
    """A regional universalisation strategy and the meeting that adopted it."""

    name: Prose = Field(description="The strategy's name, as printed.")
    adopted_at: Key = Field(
        description="The id of the initiative (in initiatives) at which it was adopted.",
    )
    participants: Count = Field(description="How many States were represented.")
    measures: list[Prose] = Field(
        min_length=1,
        description="The measures it sets out, printed as one list in a sentence.",
    )


def _action_number(value: int) -> int:
    if value < 1:
        raise ValueError(f"{value} is not the number of an action: a plan numbers them from 1")
    return value


class ActionsReference(Model):
    """Actions of an action plan the report refers to: "Actions 5 and 6 of the ... Plan"."""

    plan: Key = Field(description="The key of the plan, among report.yaml's action_plans.")
    actions: list[Annotated[int, Field(strict=True), AfterValidator(_action_number)]] = Field(
        min_length=1, description="The actions' numbers, in the order printed: [5, 6]."
    )


class DemarchesReference(Model):
    """The actions the demarches carried out: the paragraph after them in part II, point 1."""

    in_line_with: ActionsReference = Field(
        description='"This initiative is in line with Action 3 of the Vientiane Action Plan".'
    )
    goals: ActionsReference | None = Field(
        default=None,
        description=(
            '", and in the demarches we have also advanced the goals foreseen in Actions 5 '
            'and 6 of the Action Plan"; leave it out to end the sentence after in_line_with.'
        ),
    )


class DocumentReference(Model):
    """Another State's paper that the report compares its categories with (part II, point 4)."""

    by: Text = Field(description="The State that issued it, named as in states.yaml (Zambia).")
    document: Prose = Field(
        description=(
            'The paper, with its possessive, as "made by Zambia in ..." continues: its '
            "universalisation paper; son document sur l'universalisation; su documento sobre "
            "la universalización."
        ),
    )
    paragraph: Annotated[int, Field(ge=1, strict=True)] | Text | None = Field(
        default=None,
        description=(
            'The paragraph referred to, printed "(para. 10)": 10, or a text (10-12); leave it '
            "out for none."
        ),
    )
    groups: Annotated[int, Field(ge=2, strict=True)] = Field(
        description='How many types of countries it divides them into ("four types").'
    )


class References(Model):
    """What the report cites that one year only can say: actions of an action plan, another
    State's paper. A reference left out leaves out its words (docs/data.md)."""

    demarches: DemarchesReference | None = Field(
        default=None, description="Part II, point 1: the actions the demarches carried out."
    )
    regional_approach: ActionsReference | None = Field(
        default=None,
        description=(
            'Part II, point 2: "as the CCM calls for and as has clearly been endorsed in the '
            'Vientiane Action Plan (Actions 2 and 4)".'
        ),
    )
    categories_paper: DocumentReference | None = Field(
        default=None,
        description=(
            "Part II, point 4: the paper whose division of countries the report's categories "
            "are compared with; left out, so is its paragraph."
        ),
    )
    humanitarian_nature: ActionsReference | None = Field(
        default=None,
        description='Part IV: "The humanitarian nature of the CCM (Action 7 of the ... Plan)".',
    )


class EventsFile(Model):
    """data/events.yaml: outreach the report recounts, with the figures no table can give."""

    initiatives: list[Initiative] = Field(
        description="The regional initiatives of part II, in the order printed.",
    )
    demarches: Demarches = Field(
        description="The co-coordinators' joint demarches in capitals, and what came back.",
    )
    letter: Letter | None = Field(
        default=None,
        description=(
            "Deprecated: the co-coordinators' letter to the missions in Geneva, typed. The "
            "report tells of the latest campaign of campaigns.yaml (who signed it, the States "
            "it approached, their replies); this is read only when there is none."
        ),
    )
    strategy: Strategy = Field(
        description="The regional strategy of part III and the initiative that adopted it.",
    )
    categories_since: Annotated[int, Field(ge=2008, le=2200, strict=True)] | None = Field(
        default=None,
        description=(
            'The year the co-coordinators began presenting the answers by category: "Following '
            'the path initiated in 2012, we herewith present..." (part II, point 4); left out, '
            "the clause is left out."
        ),
    )
    regional_results: Prose = Field(
        description=(
            "The co-coordinators' judgement of the regions' results, completing \"We should "
            'note in particular that since 2011, ...": check it against `reportgen figures` '
            "(new States Parties by region) and write no figure in it."
        ),
    )
    references: References | None = Field(
        default=None,
        description=(
            "The actions of an action plan and the paper the report refers to; left out, "
            "the sentences that cite them are left out (with a warning)."
        ),
    )


# --- data/lessons.yaml -----------------------------------------------------------------


class LessonsFile(Model):
    """data/lessons.yaml: the lines of action and the recommendations."""

    lines_of_action: list[Prose] = Field(
        min_length=1,
        description=(
            "The lines of action that give universalisation efforts greater impact, printed "
            'as "1) ...; 2) ...; 3) ..." inside a sentence (their number is counted).'
        ),
    )
    recommendations: list[Prose] = Field(
        min_length=1,
        description="Printed as the list i), ii), iii)... that ends the report.",
    )


# --- All of it -------------------------------------------------------------------------


class Inputs(Model):
    """Everything one report is made from, validated."""

    report: ReportFrame
    states: list[State]
    categories: list[Category]
    events: EventsFile
    lessons: LessonsFile
    names: dict[str, StateNames] = Field(default_factory=dict)
    lang: str = "en"
    campaigns: CampaignsFile | None = None  # data/campaigns.yaml, when there is one

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


import reportgen.inputs.frame  # noqa: E402, F401  uses the types above; completes ReportFrame and Inputs
from reportgen.inputs.campaign import CampaignsFile  # noqa: E402 (it builds on the models above)
