"""data/campaigns.yaml: the co-coordinators' letters to States not party, and the language
each State corresponds in.

A campaign gives its day, the Permanent Representatives who sign, and who receives it as a
rule over the data ("every signatory yet to ratify and every State of categories I-III"),
with States added or excluded by name; the replies are entered as they come. A past
campaign whose list is not known keeps the count it was reported with (`reported`), said as
such: no list is ever invented to reach a number.

`recipients()` resolves the rule on the campaign's day, `approached()` gives the figures the
report's sentence needs (States approached, replies), and `campaign_findings()` what is
wrong with a campaign (a State named twice, a State Party among the recipients...), each on
its value in the file. Everything here is computed from `Inputs` alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import Field, PrivateAttr, model_validator

from reportgen.inputs.models import ISO3, Count, Date, Key, Model, Prose, Text
from reportgen.inputs.withdrawals import Finding

if TYPE_CHECKING:
    from reportgen.inputs.models import Inputs

FILE = "campaigns"
"""The file's stem: data/campaigns.yaml."""

Language = Literal["en", "fr", "es"]
Gender = Literal["m", "f"]


class Correspondence(Model):
    """The language a State's Permanent Mission corresponds in, and where that comes from."""

    language: Language = Field(description="en, fr or es: the language its letters are in.")
    source: Text | None = Field(
        default=None, description="Where the language is documented (a UN document, a note)."
    )
    assumed: Text | None = Field(
        default=None,
        description="Instead of a source: why the language is assumed (francophone Africa).",
    )
    representative: Gender | None = Field(
        default=None,
        description="m or f: the Permanent Representative's title agrees with it "
        "(Représentante permanente); masculine when not given.",
    )

    @model_validator(mode="after")
    def _sourced(self) -> Correspondence:
        if (self.source is None) == (self.assumed is None):
            raise ValueError("give either source: (where it is documented) or assumed: (why)")
        return self


class Signer(Model):
    """A Permanent Representative who signs the letters."""

    state: Text = Field(description="The coordinating State, named as in states.yaml.")
    name: Text | None = Field(
        default=None,
        description="The Permanent Representative's name, as signed (left blank when absent).",
    )
    gender: Gender = Field(
        default="m", description="m or f: the title agrees with it (Ambassadrice)."
    )


class Rule(Model):
    """Who receives the letters, on the campaign's day."""

    signatories: bool = Field(
        default=False, description="Every signatory that has yet to ratify on the day."
    )
    categories: list[Key] = Field(
        default_factory=list, description="Every State of these categories (I, II, III)."
    )
    add: list[Text] = Field(default_factory=list, description="States added by name.")
    exclude: list[Text] = Field(default_factory=list, description="States left out by name.")


class Reply(Model):
    """A State's reply to the letter."""

    state: Text = Field(description="The State that replied, named as in states.yaml.")
    date: Date = Field(description="The day of its reply.")


class Reported(Model):
    """A past campaign known only by the count it was reported with."""

    recipients: Count = Field(description="How many States were approached, as reported.")
    replies: Count | None = Field(default=None, description="How many replied, if reported.")
    outcome: Prose | None = Field(
        default=None,
        description=(
            "What came of it, in the words reported then, one per language when the report "
            "is built in several: the sentence the report prints after the letter when the "
            'number of replies is not known (the 4th MSP report: "Unlike the demarches '
            'carried out the year before, the answers were very few and inconclusive.").'
        ),
    )
    source: Text = Field(description="Where the count was reported (the 4th MSP report).")


class Campaign(Model):
    """One round of letters."""

    key: Key = Field(description="A short identifier: names its output folder (2013-letter).")
    date: Date | None = Field(
        default=None,
        description="The day the letters are dated; the rule is read on it. A past campaign "
        "known by its count whose day is not known gives `year` (and `month`) instead.",
    )
    year: int | None = Field(
        default=None,
        ge=1900,
        le=2999,
        strict=True,
        description="Instead of date, for a reported campaign whose day is not known: its year.",
    )
    month: int | None = Field(
        default=None,
        ge=1,
        le=12,
        strict=True,
        description="With year, when the month is known (1-12).",
    )
    signed_by: list[Signer] = Field(default_factory=list, description="Who signs.")
    recipients: Rule | None = Field(default=None, description="Who receives them.")
    reported: Reported | None = Field(
        default=None, description="Instead of recipients, for a past campaign without a list."
    )
    previous: Key | None = Field(
        default=None, description="The key of the campaign before it: letters say what changed."
    )
    replies: list[Reply] = Field(default_factory=list, description="Replies, as they come.")

    @model_validator(mode="after")
    def _one_list(self) -> Campaign:
        if (self.recipients is None) == (self.reported is None):
            raise ValueError(
                "give either recipients: (a rule over the data) or reported: (a past "
                "campaign's count, with its source)"
            )
        if self.recipients is not None and not self.signed_by:
            raise ValueError("signed_by: a campaign with recipients needs who signs")
        if self.reported is not None and self.replies:
            raise ValueError("replies: a campaign known by its count has no list of replies")
        if self.date is not None and self.year is not None:
            raise ValueError("give either date: (its day) or year: (and month:), not both")
        if self.month is not None and self.year is None:
            raise ValueError("month: give year: with it")
        if self.date is None and (self.recipients is not None or self.year is None):
            raise ValueError(
                "date: a campaign with recipients is read on its day; a reported campaign "
                "whose day is not known gives year: (and month:) instead"
            )
        return self

    @property
    def day(self) -> dt.date:
        """Its date; for a reported campaign known by its year (and month), the first day
        of that period: used to order campaigns, never printed as the letter's day."""
        if self.date is not None:
            return self.date
        assert self.year is not None  # validated
        return dt.date(self.year, self.month or 1, 1)

    @property
    def day_known(self) -> bool:
        """False when only its year (or month) is known."""
        return self.date is not None


MAX_CAMPAIGNS = 200
"""The campaigns data/campaigns.yaml may hold: two a year for a century. Each is checked
against the whole data, so a file of thousands would take minutes to check; older ones can
be kept in a copy of the file."""


class CampaignsFile(Model):
    """data/campaigns.yaml."""

    correspondence: dict[ISO3, Correspondence] = Field(
        default_factory=dict, description="Each State's language of correspondence, by code."
    )
    campaigns: list[Campaign] = Field(
        default_factory=list,
        max_length=MAX_CAMPAIGNS,
        description=f"Oldest first; at most {MAX_CAMPAIGNS}.",
    )

    _index: dict[str, int] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object, /) -> None:
        """Index the campaigns by key once (the first of a key: a second is an error)."""
        for index, campaign in enumerate(self.campaigns):
            self._index.setdefault(campaign.key, index)

    def campaign(self, key: str) -> Campaign:
        """The campaign of that key; KeyError when there is none."""
        return self.campaigns[self._index[key]]

    def index(self, key: str) -> int | None:
        """Where the campaign of that key is in the list, None when there is none."""
        return self._index.get(key)

    def latest(self) -> Campaign | None:
        """The latest campaign with a list of recipients, None when there is none."""
        listed = [c for c in self.campaigns if c.recipients is not None]
        return max(listed, key=lambda c: c.day) if listed else None


# --- Recipients ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """A State a campaign writes to, and where in the file it came from."""

    name: str
    origin: tuple[str | int, ...]


def recipients(inputs: Inputs, campaign: Campaign) -> list[Recipient]:
    """The States `campaign` writes to, in the order of their English names: its rule read
    on its day, its additions, less its exclusions and less every State Party on its day
    (a letter urging a State Party to join would be false: `campaign_findings` says each
    one left out). A past campaign has none."""
    return resolve(inputs, campaign, _at(inputs, campaign))[0]


Signatures = list[tuple[str, dt.date, "dt.date | None"]]
"""Each signatory's name, signature and first deposit (`signatures`)."""


def signatures(inputs: Inputs) -> Signatures:
    """Each signatory's name, day of signature and of first deposit: read once for many
    campaigns (`resolve`), so that checking thousands of them stays linear and light."""
    return [(s.name, s.signature, s.deposit) for s in inputs.states if s.signature is not None]


def resolve(
    inputs: Inputs,
    campaign: Campaign,
    at: tuple[str | int, ...],
    *,
    named: bool = True,
    signed: Signatures | None = None,
) -> tuple[list[Recipient], list[Recipient]]:
    """The recipients of `campaign`, each located under `at`, and the States Parties on
    its day that its rule or additions name, left out; without the States added or
    excluded by name unless `named`. `signed` is `signatures(inputs)`, when known."""
    rule = campaign.recipients
    if rule is None:
        return [], []
    day = campaign.day
    found: dict[str, tuple[str | int, ...]] = {}
    if rule.signatories:
        where = (*at, "recipients", "signatories")
        for name, signature, deposit in signatures(inputs) if signed is None else signed:
            if signature <= day and (deposit is None or deposit > day):
                found.setdefault(name, where)  # signed, not deposited: not a State Party
    categories = {category.key: category for category in inputs.categories}
    for index, key in enumerate(rule.categories):
        category = categories.get(key)
        for name in category.members if category is not None else ():
            found.setdefault(name, (*at, "recipients", "categories", index))
    if named:
        for index, name in enumerate(rule.add):
            if inputs.has_state(name):
                found.setdefault(name, (*at, "recipients", "add", index))
        for name in rule.exclude:
            found.pop(name, None)
    kept: list[Recipient] = []
    dropped: list[Recipient] = []
    for name in sorted(found, key=str.casefold):
        origin = found[name]
        party = origin[-1] != "signatories" and inputs.state(name).is_party_on(day)
        (dropped if party else kept).append(Recipient(name, origin))
    return kept, dropped


@dataclass(frozen=True)
class Approached:
    """What the report says of a campaign: how many States were approached and how many
    replied; `reported` when the count is the one reported then (no list is known)."""

    count: int
    replies: int | None
    reported: bool
    outcome: str | None = None


def approached(inputs: Inputs, key: str | None = None) -> Approached | None:
    """The States approached by campaign `key` (by default the latest, listed or not) and
    its replies, computed from its recipients; a past campaign's reported count, said as
    such. None when data/campaigns.yaml has no such campaign."""
    file = inputs.campaigns
    if file is None:
        return None
    try:
        campaign = (
            max(file.campaigns, key=lambda c: c.day, default=None)
            if key is None
            else file.campaign(key)
        )
    except KeyError:
        return None
    if campaign is None:
        return None
    if campaign.reported is not None:
        reported = campaign.reported
        return Approached(reported.recipients, reported.replies, True, reported.outcome)
    return Approached(len(recipients(inputs, campaign)), len(campaign.replies), False)


def _at(inputs: Inputs, campaign: Campaign) -> tuple[str | int, ...]:
    """Where `campaign` is in data/campaigns.yaml (by its key: a copy of it is found too)."""
    index = inputs.campaigns.index(campaign.key) if inputs.campaigns is not None else None
    return ("campaigns",) if index is None else ("campaigns", index)


# --- Findings -----------------------------------------------------------------------------


def campaign_findings(
    inputs: Inputs, warned: Collection[str] | None = (), today: dt.date | None = None
) -> list[Finding]:
    """What is wrong with data/campaigns.yaml against the other files: every campaign's
    errors, and the warnings of the campaigns whose keys are `warned` (None: all), as
    `reportgen.inputs.campaign_checks` finds them; `today` dates replies in the future."""
    from reportgen.inputs.campaign_checks import findings

    return findings(inputs, warned, today)
