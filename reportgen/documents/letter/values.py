"""The values a letter's sentences are given: what each message of templates/letter*.ftl may
use. Every message is given the same values, `variables()`, for one recipient; names of
States come already written in the letter's language, with their articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportgen.language.fluent import Values

if TYPE_CHECKING:
    from reportgen.inputs.campaign import Campaign
    from reportgen.inputs.models import Inputs, Meeting
    from reportgen.language.formats import Formats

VARIABLES: dict[str, str] = {
    "state": "the recipient, in running text with its article (la République centrafricaine)",
    "of_state": "the same after 'of' (of the Netherlands, des Pays-Bas, del Perú)",
    "state_plural": "yes when the recipient's name takes a plural verb (les Pays-Bas)",
    "state_gender": "m or f: the gender of the recipient's name",
    "representative": "m or f: the recipient's Permanent Representative (masculine when unknown)",
    "signed": "the day the recipient signed the Convention, or none (none too when it "
    "withdrew: it is never asked to ratify)",
    "withdrawn": "the day the recipient's withdrawal from the Convention took effect (its "
    "latest), or none: such a State can join again only by accession (Article 16)",
    "signatories": "the signing coordinators' States, in running text (le Portugal et le Ghana)",
    "of_signatories": "the same after 'of' (du Portugal et du Ghana)",
    "signers_count": "how many Permanent Representatives sign",
    "signers_gender": "f when every signer is a woman, else m",
    "date": "the letter's date",
    "previous": "the date of the campaign before this one (its year, or month and year, when "
    "only that is known), or none",
    "previous_precision": "day, month or year: how much of the previous campaign's date is "
    "known (« le 5 novembre 2012 », « en 2013 »)",
    "previous_written": "yes, no or unknown: whether the recipient was written to then "
    "(unknown when only that campaign's count is known)",
    "replied": "yes or no: whether it replied to that letter by this letter's date",
    "signed_since": "yes or no: whether it signed after that letter (only when the letter "
    "recalls it: previous_written is yes or unknown)",
    "open_for": "signature or accession: how a State that has not signed may join on the "
    "letter's date (signature until the Convention's entry into force, then accession)",
    "meeting_name": "the next meeting after the letter's date in report.yaml (full name, "
    "without article)",
    "meeting_city": "its city",
    "meeting_dates": "its dates, with the preposition French and Spanish write (du 10 au 13...)",
    "meeting_ahead": "yes when the meeting opens after the letter's date",
    "convention": "the Convention's full name",
}
"""Every value a message is given, with what it holds."""

PER_USE: dict[str, frozenset[str]] = {
    "signer_title": frozenset({"gender", "of_state"}),
}
"""Messages written once per item, with the values each is given instead."""

REQUIRED = frozenset({"signer_title", "document_title", "document_keywords"})
"""Messages the program itself writes: every letter catalogue has them."""

_YES_NO = frozenset({"yes", "no"})
_GENDERS = frozenset({"m", "f"})

SENTENCES = Values(
    VARIABLES,
    PER_USE,
    REQUIRED,
    {
        "state_plural": _YES_NO,
        "state_gender": _GENDERS,
        "representative": _GENDERS,
        "signers_gender": _GENDERS,
        "previous_written": frozenset({"yes", "no", "unknown"}),
        "previous_precision": frozenset({"day", "month", "year"}),
        "open_for": frozenset({"signature", "accession"}),
        "replied": _YES_NO,
        "signed_since": _YES_NO,
        "meeting_ahead": _YES_NO,
        "signer_title.gender": _GENDERS,
    },
    frozenset({"signed", "withdrawn", "previous"}),
    frozenset({"signers_count"}),
)


@dataclass(frozen=True)
class Letter:
    """One letter: the campaign, its recipient (named as in states.yaml), the campaign
    before it if any, and the recipient's Permanent Representative's gender."""

    campaign: Campaign
    recipient: str
    previous: Campaign | None
    representative: str = "m"
    written_then: frozenset[str] | None = None
    """The recipients of `previous` (computed once for a campaign's letters), None when it
    has no list or was not computed."""


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def variables(inputs: Inputs, letter: Letter, formats: Formats) -> dict[str, Any]:
    """The values of every message of one letter."""
    assert formats.naming is not None
    naming = formats.naming
    campaign, name = letter.campaign, letter.recipient
    state = inputs.state(name)
    day = campaign.day
    left = state.withdrawn_on(day)  # it ratified or acceded once: never asked to ratify
    signed = state.signature if state.is_signatory_on(day) and left is None else None
    signers = [signer.state for signer in campaign.signed_by]
    meeting = next_meeting(inputs, day) or inputs.meeting(inputs.report.presented_to)
    previous = letter.previous
    written, replied, since = "no", False, False
    if previous is not None:
        if previous.recipients is None:
            written = "unknown"
        else:
            then = letter.written_then
            if then is None:
                from reportgen.inputs.campaign import recipients

                then = frozenset(r.name for r in recipients(inputs, previous))
            written = _yes(name in then)
        replied = any(r.state == name and r.date <= day for r in previous.replies)
        since = written != "no" and signed is not None and previous.day < signed
    entry = inputs.report.convention.entry_into_force
    return {
        "state": formats.name(name, "the"),
        "of_state": formats.name(name, "of"),
        "state_plural": _yes(naming.plural(name)),
        "state_gender": naming.gender(name),
        "representative": letter.representative,
        "signed": formats.long_date(signed) if signed else None,
        "withdrawn": formats.long_date(left) if left else None,
        "signatories": formats.names(signers, "the"),
        "of_signatories": formats.names(signers, "of"),
        "signers_count": len(signers),
        "signers_gender": "f" if all(s.gender == "f" for s in campaign.signed_by) else "m",
        "date": formats.long_date(day),
        "previous": _when(previous, formats) if previous is not None else None,
        "previous_precision": _precision(previous),
        "previous_written": written,
        "replied": _yes(replied),
        "signed_since": _yes(since),
        "open_for": (
            "signature" if entry is not None and day < entry and left is None else "accession"
        ),
        "meeting_name": meeting_name(meeting, formats),
        "meeting_city": meeting.city,
        "meeting_dates": formats.date_range(meeting.start, meeting.end),
        "meeting_ahead": _yes(meeting.start > day),
        "convention": inputs.report.convention.name,
    }


def _precision(campaign: Campaign | None) -> str:
    if campaign is None or campaign.date is not None:
        return "day"
    return "month" if campaign.month is not None else "year"


def _when(campaign: Campaign, formats: Formats) -> str:
    """A campaign's date as a letter says it: its day, else its month and year, else its
    year: never a day that stands in for one not known."""
    if campaign.date is not None:
        return formats.long_date(campaign.date)
    assert campaign.year is not None
    first = dt.date(campaign.year, campaign.month or 1, 1)
    return formats.month_year(first) if campaign.month is not None else formats.year(first)


def next_meeting(inputs: Inputs, day: dt.date) -> Meeting | None:
    """The first meeting of report.yaml that opens after `day`: the one a letter of that
    day invites to; None when report.yaml lists none ahead."""
    ahead = [meeting for meeting in inputs.report.meetings if meeting.start > day]
    return min(ahead, key=lambda meeting: meeting.start, default=None)


def meeting_ahead(inputs: Inputs, day: dt.date) -> bool:
    """True when a meeting of report.yaml opens after `day`: a letter of that day invites
    to it."""
    return next_meeting(inputs, day) is not None


def meeting_name(meeting: Meeting, formats: Formats) -> str:
    """The meeting's full name in the letter's language: as typed, else derived from its
    kind and number by the language's rules (« quatrième Assemblée des États parties »),
    never the English name in a French or Spanish letter."""
    if meeting.typed_name is not None or meeting.kind is None or meeting.number is None:
        return meeting.name
    name = formats.language.meeting_name(meeting.kind, meeting.number)
    digits = formats.ordinal(meeting.number)
    if formats.locale.language == "en" and name.startswith(digits):  # a formal letter spells it
        from num2words import num2words

        spelled = num2words(meeting.number, lang="en", to="ordinal")
        name = spelled[0].upper() + spelled[1:] + name[len(digits) :]
    return name
