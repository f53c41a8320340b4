"""Warnings for a narrative that may be stale: told of another year than the report's.

The report covers a period: from the close of the meeting its new States Parties are
counted from (report.yaml `counting_since`) to its as-of day. An initiative that ended
before that period, or demarches whose period names only earlier years, are most likely a
previous report's text kept by mistake; an as-of day after the opening of the meeting the
report is presented to, or after today, is most likely a typing slip. Each is a warning
(`reportgen check --strict` and `build --strict` fail on it), located on the value.

What needs the figures (a region said to progress) is checked by the report's kind
(`reportgen.documents.report.warnings`); today's date is given by the application, never
read here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from reportgen.inputs.models import EventsFile, Meeting, ReportFrame
from reportgen.inputs.withdrawals import Finding

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
    and an as-of day after the opening of the meeting the report is presented to."""
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
