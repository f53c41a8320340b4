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

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from reportgen.inputs.models import ISO3, Count, Date, Key, Model, Text
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
    source: Text = Field(description="Where the count was reported (the 4th MSP report).")


class Campaign(Model):
    """One round of letters."""

    key: Key = Field(description="A short identifier: names its output folder (2013-letter).")
    date: Date = Field(description="The day the letters are dated; the rule is read on it.")
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
        return self


class CampaignsFile(Model):
    """data/campaigns.yaml."""

    correspondence: dict[ISO3, Correspondence] = Field(
        default_factory=dict, description="Each State's language of correspondence, by code."
    )
    campaigns: list[Campaign] = Field(default_factory=list, description="Oldest first.")

    def campaign(self, key: str) -> Campaign:
        for campaign in self.campaigns:
            if campaign.key == key:
                return campaign
        raise KeyError(key)

    def latest(self) -> Campaign | None:
        """The latest campaign with a list of recipients, None when there is none."""
        listed = [c for c in self.campaigns if c.recipients is not None]
        return max(listed, key=lambda c: c.date) if listed else None


# --- Recipients ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """A State a campaign writes to, and where in the file it came from."""

    name: str
    origin: tuple[str | int, ...]


def recipients(inputs: Inputs, campaign: Campaign) -> list[Recipient]:
    """The States `campaign` writes to, in the order of their English names: its rule read
    on its day, its additions, less its exclusions. A past campaign has none."""
    return _resolve(inputs, campaign, _at(inputs, campaign))


def _resolve(
    inputs: Inputs, campaign: Campaign, at: tuple[str | int, ...], *, named: bool = True
) -> list[Recipient]:
    """`recipients`, each located under `at`; without the States added or excluded by
    name unless `named`."""
    rule = campaign.recipients
    if rule is None:
        return []
    found: dict[str, tuple[str | int, ...]] = {}
    if rule.signatories:
        for state in inputs.states:
            if state.is_signatory_on(campaign.date) and not state.has_deposited_by(campaign.date):
                found.setdefault(state.name, (*at, "recipients", "signatories"))
    for index, key in enumerate(rule.categories):
        for category in inputs.categories:
            if category.key == key:
                for name in category.members:
                    found.setdefault(name, (*at, "recipients", "categories", index))
    if named:
        for index, name in enumerate(rule.add):
            if inputs.has_state(name):
                found.setdefault(name, (*at, "recipients", "add", index))
        for name in rule.exclude:
            found.pop(name, None)
    return [Recipient(name, found[name]) for name in sorted(found, key=str.casefold)]


@dataclass(frozen=True)
class Approached:
    """What the report says of a campaign: how many States were approached and how many
    replied; `reported` when the count is the one reported then (no list is known)."""

    count: int
    replies: int | None
    reported: bool


def approached(inputs: Inputs, key: str | None = None) -> Approached | None:
    """The States approached by campaign `key` (by default the latest, listed or not) and
    its replies, computed from its recipients; a past campaign's reported count, said as
    such. None when data/campaigns.yaml has no such campaign."""
    file = inputs.campaigns
    if file is None:
        return None
    try:
        campaign = (
            max(file.campaigns, key=lambda c: c.date, default=None)
            if key is None
            else file.campaign(key)
        )
    except KeyError:
        return None
    if campaign is None:
        return None
    if campaign.reported is not None:
        return Approached(campaign.reported.recipients, campaign.reported.replies, True)
    return Approached(len(recipients(inputs, campaign)), len(campaign.replies), False)


def _at(inputs: Inputs, campaign: Campaign) -> tuple[str | int, ...]:
    """Where `campaign` is in data/campaigns.yaml (by its key: a copy of it is found too)."""
    listed = inputs.campaigns.campaigns if inputs.campaigns is not None else []
    for index, each in enumerate(listed):
        if each.key == campaign.key:
            return ("campaigns", index)
    return ("campaigns",)


# --- Findings -----------------------------------------------------------------------------


def campaign_findings(inputs: Inputs) -> list[Finding]:
    """What is wrong with data/campaigns.yaml against the other files: each error (an
    unknown State, key or category, a State named twice, a reply from a State not written
    to) and warning (a State Party or a State that withdrew among the recipients)."""
    file = inputs.campaigns
    if file is None:
        return []
    found: list[Finding] = []
    codes = {state.iso3 for state in inputs.states}
    for code in file.correspondence:
        if code not in codes:
            found.append(
                Finding(FILE, ("correspondence", code), "no State of states.yaml has this code")
            )
    keys: set[str] = set()
    for index, campaign in enumerate(file.campaigns):
        at: tuple[str | int, ...] = ("campaigns", index)
        if campaign.key in keys:
            found.append(Finding(FILE, (*at, "key"), f"{campaign.key!r} is the key of another"))
        keys.add(campaign.key)
        found += _campaign_findings(inputs, file, campaign, at)
    return found


def _unknown(inputs: Inputs, name: str, at: tuple[str | int, ...]) -> list[Finding]:
    if inputs.has_state(name):
        return []
    return [Finding(FILE, at, f"{name!r} is not a State of states.yaml (names as written there)")]


def _campaign_findings(
    inputs: Inputs, file: CampaignsFile, campaign: Campaign, at: tuple[str | int, ...]
) -> list[Finding]:
    found: list[Finding] = []
    for index, signer in enumerate(campaign.signed_by):
        found += _unknown(inputs, signer.state, (*at, "signed_by", index, "state"))
    if campaign.previous is not None:
        earlier = [c for c in file.campaigns if c.key == campaign.previous]
        if not earlier:
            found.append(Finding(FILE, (*at, "previous"), "is not the key of a campaign"))
        elif earlier[0].date >= campaign.date:
            found.append(Finding(FILE, (*at, "previous"), "is a campaign of the same day or later"))
    rule = campaign.recipients
    if rule is None:
        return found
    categories = {category.key: category for category in inputs.categories}
    for index, key in enumerate(rule.categories):
        if key not in categories:
            found.append(
                Finding(
                    FILE,
                    (*at, "recipients", "categories", index),
                    f"{key!r} is not a category of categories.yaml "
                    f"({', '.join(categories) or 'none'})",
                )
            )
    for field in ("add", "exclude"):
        for index, name in enumerate(getattr(rule, field)):
            found += _unknown(inputs, name, (*at, "recipients", field, index))
    found += _named_twice(inputs, campaign, at)
    chosen = _resolve(inputs, campaign, at)
    written = {r.name for r in chosen}
    for recipient in chosen:
        state = inputs.state(recipient.name)
        if state.is_party_on(campaign.date):
            found.append(
                Finding(
                    FILE,
                    recipient.origin,
                    f"{recipient.name} is a State Party on {campaign.date.isoformat()}: "
                    f"the letter asks it to join; exclude it (recipients.exclude)",
                    "warning",
                )
            )
        elif state.has_deposited_by(campaign.date):
            found.append(
                Finding(
                    FILE,
                    recipient.origin,
                    f"{recipient.name} withdrew from the Convention: the letter does not say "
                    "so; check that it should be written to as a State not party",
                    "warning",
                )
            )
    replied: set[str] = set()
    for index, reply in enumerate(campaign.replies):
        place = (*at, "replies", index, "state")
        if not inputs.has_state(reply.state):
            found += _unknown(inputs, reply.state, place)
        elif reply.state in replied:
            found.append(Finding(FILE, place, f"{reply.state} replied once already (named twice)"))
        elif reply.state not in written:
            found.append(
                Finding(FILE, place, f"{reply.state} is not among this campaign's recipients")
            )
        elif reply.date < campaign.date:
            found.append(
                Finding(FILE, (*at, "replies", index, "date"), "is before the campaign's date")
            )
        replied.add(reply.state)
    return found


def _named_twice(inputs: Inputs, campaign: Campaign, at: tuple[str | int, ...]) -> list[Finding]:
    """A State added or excluded twice, both added and excluded, added when the rule
    includes it already, or excluded when the rule does not include it."""
    rule = campaign.recipients
    assert rule is not None
    ruled = {r.name for r in _resolve(inputs, campaign, at, named=False)}
    found: list[Finding] = []
    seen: dict[str, str] = {}
    for field in ("add", "exclude"):
        for index, name in enumerate(getattr(rule, field)):
            place = (*at, "recipients", field, index)
            if name in seen:
                found.append(
                    Finding(FILE, place, f"{name} is named twice (in {seen[name]} already)")
                )
                continue
            seen[name] = field
            if field == "add" and name in ruled:
                found.append(
                    Finding(FILE, place, f"{name} is named twice: the rule includes it already")
                )
            if field == "exclude" and inputs.has_state(name) and name not in ruled:
                found.append(
                    Finding(FILE, place, f"{name} is not among the rule's States", "warning")
                )
    return found
