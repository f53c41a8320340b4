"""Checks of a State's withdrawals (Article 20) and of its memberships after one.

A withdrawal needs a membership to end, the day the depositary received it and the day it
takes effect, six months later or more (Article 20(2): later when the State is then engaged
in an armed conflict, so the day is data); a State joins again only after its withdrawal
took effect. `reportgen.inputs.checks` runs them with the other checks of a State's dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from reportgen.core.problems import Severity
from reportgen.inputs.models import State

PathT = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """Something wrong at `path` of data/`file`.yaml."""

    file: str
    path: PathT
    message: str
    severity: Severity = "error"


WITHDRAWAL_MONTHS = 6
"""Article 20(2): a withdrawal takes effect six months after the depositary receives it."""


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it has no such day (31 August
    and six months: 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_withdrawals(state: State, at: PathT, as_of: dt.date) -> Iterator[Finding]:
    """A withdrawal needs a membership to end, its two days, and six months between them;
    a rejoining needs the withdrawal before it to have taken effect."""
    spans: list[tuple[PathT, str, dt.date | None, dt.date | None, dt.date | None]] = [
        (
            at,
            state.instrument or "ratification",
            state.deposit,
            state.withdrawal_notified,
            state.withdrawal_effective,
        )
    ]
    spans += [
        (
            (*at, "rejoined", index),
            "accession",
            again.accession,
            again.withdrawal_notified,
            again.withdrawal_effective,
        )
        for index, again in enumerate(state.rejoined)
    ]
    previous_end: dt.date | None = None
    for number, (here, kind, deposit, notified, effective) in enumerate(spans):
        if number:  # a rejoining: the State's withdrawal before it must have taken effect
            if previous_end is None:
                yield Finding(
                    "states",
                    (*here, "accession"),
                    "a State joins again only after its withdrawal took effect: give "
                    + (
                        "withdrawal_notified and withdrawal_effective of the membership before it"
                        if state.deposit is not None
                        else "its first instrument (ratification, accession or succession) and its "
                        "withdrawal first"
                    ),
                )
            elif deposit is not None and deposit < previous_end:
                yield Finding(
                    "states",
                    (*here, "accession"),
                    f"{deposit.isoformat()} is before its withdrawal took effect "
                    f"({previous_end.isoformat()}); it was still a State Party",
                )
            if deposit is not None and deposit > as_of:
                yield Finding(
                    "states",
                    (*here, "accession"),
                    f"{deposit.isoformat()} is after the report's as-of date "
                    f"{as_of.isoformat()} (report.yaml as_of)",
                )
        previous_end = effective
        if notified is None and effective is None:
            continue
        if deposit is None:
            field = "withdrawal_notified" if notified is not None else "withdrawal_effective"
            yield Finding(
                "states",
                (*here, field),
                f"{state.name} never became a State Party (no ratification, accession or "
                "succession is given): only a State Party can withdraw (Article 20)",
            )
            continue
        if notified is None:
            yield Finding(
                "states",
                (*here, "withdrawal_effective"),
                "a withdrawal takes effect after the depositary receives it: give "
                "withdrawal_notified, the day it received the instrument of withdrawal",
            )
            continue
        if notified < deposit:
            yield Finding(
                "states",
                (*here, "withdrawal_notified"),
                f"{notified.isoformat()} is before the State deposited its instrument of "
                f"{kind} ({deposit.isoformat()}): it was not yet a State Party",
            )
        if notified > as_of:
            yield Finding(
                "states",
                (*here, "withdrawal_notified"),
                f"{notified.isoformat()} is after the report's as-of date {as_of.isoformat()} "
                "(report.yaml as_of)",
            )
        earliest = months_after(notified, WITHDRAWAL_MONTHS)
        if effective is None:
            yield Finding(
                "states",
                (*here, "withdrawal_notified"),
                "a withdrawal needs the day it takes effect: add withdrawal_effective, six "
                f"months after notification ({earliest.isoformat()}), or later if the State "
                "was then engaged in an armed conflict (Article 20(2)), as the depositary "
                "gives it",
            )
        elif effective < earliest:
            when = "before" if effective < notified else "less than six months after"
            yield Finding(
                "states",
                (*here, "withdrawal_effective"),
                f"{effective.isoformat()} is {when} withdrawal_notified "
                f"({notified.isoformat()}): a withdrawal takes effect six months after the "
                f"depositary receives it, on {earliest.isoformat()} at the earliest "
                "(Article 20(2))",
            )
