"""What is wrong with data/campaigns.yaml against the other files, each on its value.

Errors are said for every campaign (a State named twice, a State Party added by name, a
signer who is also a recipient, a day before the Convention was opened for signature...);
warnings only for the campaigns asked about (the one a build writes, every one for
`reportgen check`), so that an old campaign never fails a build with `--strict`. Every
check is linear in the file: campaigns are found by key through an index, never searched.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from reportgen.inputs.campaign import FILE, Campaign, CampaignsFile, Signatures, resolve, signatures
from reportgen.inputs.withdrawals import Finding

if TYPE_CHECKING:
    from reportgen.inputs.models import Inputs

Path = tuple[str | int, ...]

LONGEST = 60
"""How much of a value an error line echoes (a longer one is cut, with its length)."""

_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?", re.IGNORECASE)
"""Names Windows refuses for a file or folder, with or without an extension."""


def cut(value: str) -> str:
    """`value` as an error line echoes it: quoted, and cut when long."""
    if len(value) <= LONGEST:
        return repr(value)
    return f"{value[:LONGEST]!r}... ({len(value):,} characters)"


def findings(
    inputs: Inputs, warned: Collection[str] | None = (), today: dt.date | None = None
) -> list[Finding]:
    """Every campaign's errors, and the warnings of the campaigns whose keys are in
    `warned` (None: every campaign's); `today` finds replies dated in the future."""
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
    found += _keys(file)
    following: dict[str, Campaign] = {}  # a campaign's key: the earliest campaign after it
    for campaign in file.campaigns:
        if campaign.previous is not None:
            known = following.get(campaign.previous)
            if known is None or campaign.day < known.day:
                following[campaign.previous] = campaign
    signed = signatures(inputs)
    for index, campaign in enumerate(file.campaigns):
        at: Path = ("campaigns", index)
        warn = warned is None or campaign.key in warned
        for finding in _campaign(inputs, file, campaign, at, following, today, signed):
            if finding.severity == "error" or warn:
                found.append(finding)
    return found


def _keys(file: CampaignsFile) -> list[Finding]:
    """A key used twice, the same as another but for capitals (one folder on Windows and
    macOS), or that Windows refuses as a folder's name (con, aux, com1..., a final dot)."""
    found: list[Finding] = []
    seen: dict[str, str] = {}
    for index, campaign in enumerate(file.campaigns):
        at: Path = ("campaigns", index, "key")
        key = campaign.key
        other = seen.get(key.casefold())
        if other == key:
            found.append(Finding(FILE, at, f"{key!r} is the key of another"))
        elif other is not None:
            found.append(
                Finding(
                    FILE,
                    at,
                    f"{key!r} differs from the key {other!r} only by its capitals: their "
                    "folders would be one on Windows and macOS",
                )
            )
        else:
            seen[key.casefold()] = key
        if _RESERVED.fullmatch(key):
            found.append(
                Finding(FILE, at, f"{key!r} is a name Windows reserves: choose another key")
            )
        elif key.endswith((".", " ")):
            found.append(
                Finding(FILE, at, f"{key!r} ends with a dot: Windows cannot name a folder so")
            )
    return found


def _unknown(inputs: Inputs, name: str, at: Path) -> list[Finding]:
    if inputs.has_state(name):
        return []
    return [
        Finding(FILE, at, f"{cut(name)} is not a State of states.yaml (names as written there)")
    ]


def _campaign(
    inputs: Inputs,
    file: CampaignsFile,
    campaign: Campaign,
    at: Path,
    following: dict[str, Campaign],
    today: dt.date | None,
    signed: Signatures,
) -> list[Finding]:
    found = _dates(inputs, campaign, at, today)
    if campaign.previous is not None:
        earlier = file.index(campaign.previous)
        if earlier is None:
            found.append(Finding(FILE, (*at, "previous"), "is not the key of a campaign"))
        elif file.campaigns[earlier].day >= campaign.day:
            found.append(Finding(FILE, (*at, "previous"), "is a campaign of the same day or later"))
    rule = campaign.recipients
    if rule is None:
        return found + _reported(inputs, campaign, at) + _signers(inputs, campaign, at, set())
    categories = {category.key for category in inputs.categories}
    for index, key in enumerate(rule.categories):
        if key not in categories:
            found.append(
                Finding(
                    FILE,
                    (*at, "recipients", "categories", index),
                    f"{cut(key)} is not a category of categories.yaml "
                    f"({', '.join(sorted(categories)) or 'none'})",
                )
            )
    for field in ("add", "exclude"):
        for index, name in enumerate(getattr(rule, field)):
            found += _unknown(inputs, name, (*at, "recipients", field, index))
    found += _named_twice(inputs, campaign, at, signed)
    kept, dropped = resolve(inputs, campaign, at, signed=signed)
    day = campaign.day.isoformat()
    for recipient in dropped:
        leaving = _leaving(inputs, recipient.name, campaign.day)
        party = f"{recipient.name} is a State Party on {day}"
        if "add" in recipient.origin:
            found.append(
                Finding(
                    FILE,
                    recipient.origin,
                    f"{party}: a letter urging it to join would be false; remove it from "
                    f"recipients.add{leaving}",
                )
            )
        else:
            found.append(
                Finding(
                    FILE,
                    recipient.origin,
                    f"{party}: left out, no letter is written to it{leaving}",
                    "warning",
                )
            )
    for recipient in kept:  # one the signatories' rule gives has not deposited
        if recipient.origin[-1] == "signatories":
            continue
        left = inputs.state(recipient.name).withdrawn_on(campaign.day)
        if left is not None:
            found.append(
                Finding(
                    FILE,
                    recipient.origin,
                    f"{recipient.name} withdrew from the Convention (effective "
                    f"{left.isoformat()}): the shipped letters recall the withdrawal and "
                    "invite it to accede again (a catalogue's $withdrawn); check that it "
                    "should be written to",
                    "warning",
                )
            )
    written = {r.name for r in kept}
    found += _signers(inputs, campaign, at, written)
    found += _replies(inputs, campaign, at, written, following.get(campaign.key), today)
    return found


def _reported(inputs: Inputs, campaign: Campaign, at: Path) -> list[Finding]:
    """A reported count the data contradicts: more replies than States approached, or more
    States approached than were not party on the campaign's day (the first day of its year,
    or month, when only that is known: the most there were that year) among the States the
    data knows (states.yaml's, and names.yaml's that states.yaml does not list)."""
    reported = campaign.reported
    if reported is None:
        return []
    found: list[Finding] = []
    count = reported.recipients
    if reported.replies is not None and reported.replies > count:
        found.append(
            Finding(
                FILE,
                (*at, "reported", "replies"),
                f"is more than the {count:,} States approached (reported.recipients): write "
                "how many of them replied, as reported",
            )
        )
    day = campaign.day
    known = {state.iso3 for state in inputs.states} | set(inputs.names)
    parties = sum(1 for state in inputs.states if state.is_party_on(day))
    most = len(known) - parties
    if count > most:
        when = day.isoformat()
        if not campaign.day_known:
            when += f", the first day of {day.isoformat()[: 7 if campaign.month else 4]}"
        found.append(
            Finding(
                FILE,
                (*at, "reported", "recipients"),
                f"is more than the {most:,} States not party on {when}: the data knows "
                f"{len(known):,} States ({parties:,} of them States Parties); write the count "
                "reported then",
            )
        )
    return found


def _leaving(inputs: Inputs, name: str, day: dt.date) -> str:
    """What a State Party on `day` whose withdrawal is notified but not yet in effect is
    told: until that day it is a State Party (Article 20(2)); else nothing."""
    membership = inputs.state(name).membership_on(day)
    if membership is None or membership.withdrawal_effective is None:
        return ""
    notified = membership.withdrawal_notified
    said = f", notified on {notified.isoformat()}," if notified is not None else ""
    effective = membership.withdrawal_effective.isoformat()
    return f" (its withdrawal{said} takes effect on {effective}: it is a State Party until then)"


def _dates(inputs: Inputs, campaign: Campaign, at: Path, today: dt.date | None) -> list[Finding]:
    """A day before the Convention was opened for signature (an error); after report.yaml's
    as_of (the rule is read on data that may not know that day yet) or in the future."""
    where = (*at, "date" if campaign.date is not None else "year")
    report = inputs.report
    opened = report.convention.opened_for_signature
    day = campaign.day
    if (campaign.date or dt.date(day.year, 12, 31)) < opened:
        return [
            Finding(
                FILE,
                where,
                f"is before the Convention was opened for signature ({opened.isoformat()})",
            )
        ]
    if campaign.date is None:
        return []
    if today is not None and day > today:
        reason = f"is in the future (today is {today.isoformat()}): check the letters' day"
        return [Finding(FILE, where, reason, "warning")]
    if day > report.as_of:
        reason = (
            f"is after report.yaml's as_of ({report.as_of.isoformat()}): the rule is read on "
            "data that may not know that day; update the data first"
        )
        return [Finding(FILE, where, reason, "warning")]
    return []


def _signers(inputs: Inputs, campaign: Campaign, at: Path, written: set[str]) -> list[Finding]:
    """A signer unknown, named twice, also a recipient, or not a State Party on the day
    (errors); not a coordinator serving on that day in report.yaml (a warning)."""
    found: list[Finding] = []
    seen: set[str] = set()
    meetings = {meeting.key: meeting for meeting in inputs.report.meetings}
    day = campaign.day
    for index, signer in enumerate(campaign.signed_by):
        place = (*at, "signed_by", index, "state")
        name = signer.state
        if not inputs.has_state(name):
            found += _unknown(inputs, name, place)
            continue
        if name in seen:
            found.append(Finding(FILE, place, f"{name} signs once already (named twice)"))
            continue
        seen.add(name)
        if name in written:
            found.append(Finding(FILE, place, f"{name} signs and is also written to"))
        if campaign.date is None:
            continue
        if not inputs.state(name).is_party_on(day):
            found.append(Finding(FILE, place, f"{name} is not a State Party on {day.isoformat()}"))
            continue
        serving = False
        for coordinator in inputs.report.coordinators:
            if coordinator.state != name:
                continue
            appointed = meetings.get(coordinator.appointed_at or "")
            until = meetings.get(coordinator.until or "")
            if (appointed is None or appointed.start <= day) and (
                until is None or day <= until.end
            ):
                serving = True
        if not serving:
            found.append(
                Finding(
                    FILE,
                    place,
                    f"{name} is not a coordinator on {day.isoformat()} in "
                    "report.yaml (coordinators:)",
                    "warning",
                )
            )
    return found


def _replies(
    inputs: Inputs,
    campaign: Campaign,
    at: Path,
    written: set[str],
    following: Campaign | None,
    today: dt.date | None,
) -> list[Finding]:
    """A reply from a State unknown, named twice, not written to or before the letters
    (errors); dated in the future, or after the next campaign's letters (warnings)."""
    found: list[Finding] = []
    replied: set[str] = set()
    for index, reply in enumerate(campaign.replies):
        place = (*at, "replies", index, "state")
        dated = (*at, "replies", index, "date")
        if not inputs.has_state(reply.state):
            found += _unknown(inputs, reply.state, place)
        elif reply.state in replied:
            found.append(Finding(FILE, place, f"{reply.state} replied once already (named twice)"))
        elif reply.state not in written:
            found.append(
                Finding(FILE, place, f"{reply.state} is not among this campaign's recipients")
            )
        elif campaign.date is not None and reply.date < campaign.date:
            found.append(Finding(FILE, dated, "is before the campaign's date"))
        elif today is not None and reply.date > today:
            reason = f"is in the future (today is {today.isoformat()}): check the reply's day"
            found.append(Finding(FILE, dated, reason, "warning"))
        elif following is not None and reply.date > following.day:
            reason = (
                f"is after the next campaign's letters ({following.key}, "
                f"{following.day.isoformat()}): they do not thank it"
            )
            found.append(Finding(FILE, dated, reason, "warning"))
        replied.add(reply.state)
    return found


def _named_twice(inputs: Inputs, campaign: Campaign, at: Path, signed: Signatures) -> list[Finding]:
    """A State added or excluded twice, both added and excluded, added when the rule
    includes it already, or excluded when the rule does not include it."""
    rule = campaign.recipients
    assert rule is not None
    if not rule.add and not rule.exclude:
        return []
    kept, dropped = resolve(inputs, campaign, at, named=False, signed=signed)
    ruled = {r.name for r in (*kept, *dropped)}
    found: list[Finding] = []
    seen: dict[str, str] = {}
    for field in ("add", "exclude"):
        for index, name in enumerate(getattr(rule, field)):
            place = (*at, "recipients", field, index)
            if name in seen:
                found.append(
                    Finding(FILE, place, f"{cut(name)} is named twice (in {seen[name]} already)")
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
