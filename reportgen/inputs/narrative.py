"""Warnings for a narrative that may be stale: told of another year than the report's.

The report covers a period: from the close of the meeting its new States Parties are
counted from (report.yaml `counting_since`) to its as-of day. An initiative that ended
before that period, or demarches whose period names only earlier years, are most likely a
previous report's text kept by mistake; an as-of day after the opening of the meeting the
report is presented to, or after today, is most likely a typing slip; a depositary status
imported as at a day before the as-of day most likely means the as-of day was moved on
without importing the status again, so the figures "as of" it are older. Each is a warning
(`reportgen check --strict` and `build --strict` fail on it), located on the value.

What needs the figures (a region said to progress) is checked by the report's kind
(`reportgen.documents.report.warnings`); today's date is given by the application, never
read here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportgen.inputs.models import Category, EventsFile, Meeting, ReportFrame
from reportgen.inputs.withdrawals import Finding

if TYPE_CHECKING:
    from reportgen.inputs.campaign import Campaign
    from reportgen.inputs.models import Inputs

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")


def _meeting(frame: ReportFrame, key: str) -> Meeting | None:
    return next((m for m in frame.meetings if m.key == key), None)


def period_covered(frame: ReportFrame) -> tuple[Meeting, dt.date] | None:
    """The meeting whose close opens the period the report covers, and that close (the
    period runs to `as_of`); None when `counting_since` names no meeting (an error, said
    elsewhere)."""
    since = _meeting(frame, frame.counting_since)
    return None if since is None else (since, since.end)


def describe_period(frame: ReportFrame) -> str:
    """ "from the close of 2MSP (2011-09-16) to the as-of day (2013-09-01)"."""
    covered = period_covered(frame)
    assert covered is not None
    since, start = covered
    return (
        f"from the close of {since.key} ({start.isoformat()}), from which new States Parties "
        f"are counted, to the as-of day ({frame.as_of.isoformat()})"
    )


def check_narrative(frame: ReportFrame, events: EventsFile) -> Iterator[Finding]:
    """Initiatives dated before the period the report covers, demarches of earlier years,
    an as-of day after the opening of the meeting the report is presented to, and a
    depositary status older than the as-of day."""
    covered = period_covered(frame)
    if covered is not None:
        _, start = covered
        for index, initiative in enumerate(events.initiatives):
            if initiative.start is None:
                continue
            last = initiative.end or initiative.start
            if last < start:
                adopted = (
                    " (the strategy's adopted_at: the strategy may be an earlier one too)"
                    if initiative.id is not None and initiative.id == events.strategy.adopted_at
                    else ""
                )
                yield Finding(
                    "events",
                    ("initiatives", index, "end" if initiative.end else "start"),
                    f"{last.isoformat()} is before the period this report covers, "
                    f"{describe_period(frame)}{adopted}: is it a previous report's initiative?",
                    "warning",
                )
        yield from _demarches_by(frame, events, start)
        years = [int(y) for y in _YEAR.findall(events.demarches.period)]
        if years and max(years) < start.year:
            yield Finding(
                "events",
                ("demarches", "period"),
                f"names only years before the period this report covers, "
                f"{describe_period(frame)}: are these a previous report's demarches?",
                "warning",
            )
    presented = _meeting(frame, frame.presented_to)
    if presented is not None and frame.as_of > presented.start:
        yield Finding(
            "report",
            ("as_of",),
            f"{frame.as_of.isoformat()} is after the opening day of {presented.key} "
            f"({presented.start.isoformat()}), the meeting the report is presented to: its "
            "figures would not be known when the report is tabled",
            "warning",
        )
    yield from _status_older_than_as_of(frame)


def _status_older_than_as_of(frame: ReportFrame) -> Iterator[Finding]:
    """The depositary's status imported as at a day before the as-of day: the deposits of
    the days between are not in the data, yet the report says its figures are as of then."""
    source = frame.status_source
    if source is None or source.as_at >= frame.as_of:
        return
    days = (frame.as_of - source.as_at).days
    yield Finding(
        "report",
        ("status_source", "as_at"),
        f"the depositary's status was imported as at {source.as_at.isoformat()}, "
        f"{days} day{'s' if days != 1 else ''} before as_of ({frame.as_of.isoformat()}): a "
        "deposit of those days is not in states.yaml, yet the report gives its figures as of "
        f"{frame.as_of.isoformat()}; import the status again (docs/import.md), or set as_of "
        "to the day of the status",
        "warning",
    )


_MEETING_WORDS = {"this Meeting": "en", "présente Assemblée": "fr", "presente Reunión": "es"}
"""How the 4th MSP's category texts say "this Meeting", typed, and in which language."""


def check_meeting_words(
    frame: ReportFrame, categories: list[tuple[int, Category]]
) -> Iterator[Finding]:
    """A category's paragraph (`categories`: each with its index in the file) that types
    "this Meeting" in a report presented to a Review Conference: a text kept from an
    earlier year, which `{this meeting}` writes right."""
    presented = _meeting(frame, frame.presented_to)
    if presented is None or presented.noun_kind != "review_conference":
        return
    for index, category in categories:
        for line, paragraph in enumerate(category.description):
            typed = next((w for w in _MEETING_WORDS if w in paragraph), None)
            if typed is not None:
                yield Finding(
                    "categories",
                    (index, "description", line, _MEETING_WORDS[typed]),
                    f'says "{typed}", but the report is presented to a Review Conference '
                    f"({presented.key}): write {{this meeting}}, which the report writes for "
                    "the meeting it is presented to (this Conference)",
                    "warning",
                )


def _demarches_by(frame: ReportFrame, events: EventsFile, start: dt.date) -> Iterator[Finding]:
    """A State in demarches.by that did not coordinate during the period the report covers
    (appointed after the as-of day, or handed over by the period's start), or at all."""
    serving = {c.state: c for c in frame.coordinators}
    for index, name in enumerate(events.demarches.by):
        coordinator = serving.get(name)
        if coordinator is None:
            why = "is not a coordinator (report.yaml coordinators)"
        else:
            appointed = _meeting(frame, coordinator.appointed_at or "")
            until = _meeting(frame, coordinator.until or "")
            if appointed is not None and appointed.end > frame.as_of:
                why = f"was appointed coordinator at {appointed.key}, after the as-of day"
            elif until is not None and until.end <= start:
                why = f"handed over the coordination at {until.key} ({until.end.isoformat()})"
            else:
                continue
        yield Finding(
            "events",
            ("demarches", "by", index),
            f"{name} {why}: it did not coordinate during the period this report covers, "
            f"{describe_period(frame)}: are these a previous report's demarches?",
            "warning",
        )


def check_as_of_not_future(frame: ReportFrame, today: dt.date) -> Iterator[Finding]:
    """An as-of day after `today` (given by the application: nothing here reads the clock)."""
    if frame.as_of > today:
        yield Finding(
            "report",
            ("as_of",),
            f"{frame.as_of.isoformat()} is in the future (today is {today.isoformat()}): the "
            "status table and the figures can only be as of a day that has come",
            "warning",
        )


# --- The letter the report tells of (part II, point 3) -------------------------------------


@dataclass(frozen=True)
class LetterTold:
    """The letter part II, point 3 tells of: who signed it, how many States it approached
    (`reported`: the count reported then, no list being known), how many replied by the
    as-of day (None: not known), the campaign it comes from (None: events.yaml's
    deprecated `letter:`), and what came of it in the words reported then (`outcome`: a
    reported campaign's, None when not told)."""

    signed_by: tuple[str, ...]
    count: int
    replies: int | None
    reported: bool
    campaign: str | None
    outcome: str | None = None


def _day(campaign: Campaign) -> dt.date:
    """A campaign's day: its date, or the first day of its year (and month) when only they
    are known (a reported campaign)."""
    return campaign.day


def report_campaign(inputs: Inputs) -> tuple[int, Campaign] | None:
    """The campaign the report tells of, with its index in campaigns.yaml: the latest one
    dated on or before the as-of day; None when there is none."""
    file = inputs.campaigns
    if file is None:
        return None
    dated = [(index, c) for index, c in enumerate(file.campaigns) if _day(c) <= inputs.report.as_of]
    return max(dated, key=lambda pair: (_day(pair[1]), pair[0]), default=None)


def letter_told(inputs: Inputs) -> LetterTold | None:
    """The letter the report tells of, from the campaign (its signers: the campaign's, else
    those of events.yaml's deprecated `letter:`); events.yaml's `letter:` alone when there
    is no campaign; None when there is neither, or the campaign approached no State."""
    from reportgen.inputs.campaign import approached

    typed = inputs.events.letter
    found = report_campaign(inputs)
    if found is None:
        if typed is None:
            return None
        return LetterTold(tuple(typed.signed_by), typed.states_addressed, None, False, None)
    _, campaign = found
    figures = approached(inputs, campaign.key)
    assert figures is not None  # the campaign is in the file
    if not figures.count:
        return None
    signers = tuple(s.state for s in campaign.signed_by)
    if not signers and typed is not None:
        signers = tuple(typed.signed_by)
    replies = figures.replies
    if not figures.reported:  # the replies listed, as they came by the as-of day
        replies = sum(1 for r in campaign.replies if r.date <= inputs.report.as_of)
    return LetterTold(
        signers, figures.count, replies, figures.reported, campaign.key, figures.outcome
    )


def check_letter(inputs: Inputs) -> Iterator[Finding]:
    """events.yaml's typed `letter:`: deprecated (a warning) alone or beside a campaign
    that agrees with it, an error where it disagrees; a campaign the report tells of with no
    signer at all (an error: the sentence names them)."""
    found = report_campaign(inputs)
    if found is None:
        if inputs.events.letter is not None:
            yield Finding(
                "events",
                ("letter",),
                "is deprecated: give the letter as a campaign of campaigns.yaml, with reported: "
                "{recipients: N, outcome: ...} when its list is not known (docs/data.md); the "
                "report says what came of it only from the campaign",
                "warning",
            )
        return
    index, campaign = found
    covered = period_covered(inputs.report)
    if covered is not None and _day(campaign) < covered[1]:
        yield Finding(
            "campaigns",
            ("campaigns", index, "date" if campaign.date is not None else "year"),
            f'the report tells of campaign {campaign.key!r} as "This year, in a letter", but '
            f"it is dated before the period this report covers, {describe_period(inputs.report)}: "
            "add this year's campaign (docs/letters.md), or is it a previous report's letter?",
            "warning",
        )
    told = letter_told(inputs)
    typed = inputs.events.letter
    own = [s.state for s in campaign.signed_by]
    reported = campaign.reported
    if reported is not None and None not in (reported.replies, reported.outcome):
        yield Finding(
            "campaigns",
            ("campaigns", index, "reported", "outcome"),
            "is not printed: the report says how many replied (reported.replies) instead; "
            "keep the one the report should say",
            "warning",
        )
    if told is not None and not told.signed_by:
        yield Finding(
            "campaigns",
            ("campaigns", index),
            f'the report tells of campaign {campaign.key!r} ("in a letter signed by the '
            'Permanent Representatives of ..."): give its signed_by ({state: ...} for each)',
        )
    if typed is None:
        return
    where = f"campaigns.yaml's campaign {campaign.key!r}"
    disagree = False
    if told is not None and typed.states_addressed != told.count:
        disagree = True
        said = "reported" if told.reported else "its recipients"
        yield Finding(
            "events",
            ("letter", "states_addressed"),
            f"{typed.states_addressed} disagrees with {where}, which approached {told.count} "
            f"States ({said}): the report says the campaign's; remove letter: from events.yaml",
        )
    if own and sorted(own) != sorted(typed.signed_by):
        disagree = True
        yield Finding(
            "events",
            ("letter", "signed_by"),
            f"{', '.join(typed.signed_by)} disagrees with the signers of {where} "
            f"({', '.join(own)}): the report says the campaign's; remove letter: from "
            "events.yaml",
        )
    if disagree:
        return
    move = (
        ""
        if own
        else f"; first give the campaign signed_by: "
        f"[{', '.join('{state: ' + s + '}' for s in typed.signed_by)}]"
    )
    yield Finding(
        "events",
        ("letter",),
        f"is deprecated: the report tells of {where} (its signers and the States it "
        f"approached){move}; remove letter: from events.yaml",
        "warning",
    )
