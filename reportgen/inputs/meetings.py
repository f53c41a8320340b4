"""Checks of report.yaml's meetings and coordinators that a single field's type cannot express.

Meetings: listed in the order they were held, each once (a kind and number names one
meeting), their parts in order, a meeting held either online or in a city, within bounds
(`MAX_PARTS` parts, numbers up to `MAX_NUMBER`). Coordinators: the issuer serves at the
meeting the report is presented to; co-coordinators are two, so that a list with more
serving then most likely keeps a former coordinator without its `until` (a warning).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reportgen.inputs.models import Coordinator, Meeting, ReportFrame
from reportgen.inputs.withdrawals import Finding, PathT

MAX_PARTS = 10
"""The parts a meeting may be held in (the Second Review Conference had two)."""

MAX_NUMBER = 999
"""The highest number of a meeting of one kind (the 4th MSP: 4)."""

CO_COORDINATORS = 2
"""Coordinators serving together: the Convention's co-coordinators are two."""

Unknown = Callable[[str, str, PathT], Iterator[Finding]]
"""Checks that a name is a State's (`checks._StateNames.unknown`)."""


def check_meetings(frame: ReportFrame, unknown: Unknown) -> Iterator[Finding]:
    """Keys used once, parts and meetings in order, a place that is one, bounds, and one
    meeting for each kind and number, numbered in the order they were held."""
    keys: set[str] = set()
    previous: Meeting | None = None
    numbered: dict[tuple[str, int], Meeting] = {}
    last_of_kind: dict[str, Meeting] = {}
    for index, meeting in enumerate(frame.meetings):
        at: PathT = ("meetings", index)
        if meeting.key in keys:
            yield Finding("report", (*at, "key"), f"{meeting.key!r} is used twice")
        keys.add(meeting.key)
        if len(meeting.parts) > MAX_PARTS:
            yield Finding(
                "report",
                (*at, "parts"),
                f"lists {len(meeting.parts)} parts: a meeting is held in at most {MAX_PARTS}",
            )
            continue
        yield from _parts(meeting, at, unknown)
        if previous is not None and meeting.start <= previous.end:
            yield Finding(
                "report",
                (*at, "start"),
                f"meetings are listed in order; {meeting.key} starts before {previous.key} ends",
            )
        previous = meeting
        if meeting.kind is None or meeting.number is None:
            continue
        if meeting.number > MAX_NUMBER:
            yield Finding(
                "report",
                (*at, "number"),
                f"{meeting.number} is not a meeting's number (at most {MAX_NUMBER})",
            )
            continue
        same = numbered.get((meeting.kind, meeting.number))
        before = last_of_kind.get(meeting.kind)
        if same is not None:
            yield Finding(
                "report",
                (*at, "number"),
                f"{meeting.kind} {meeting.number} is also {same.key}: a kind and number name "
                "one meeting; list it once",
            )
        elif before is not None and before.number is not None and meeting.number < before.number:
            yield Finding(
                "report",
                (*at, "number"),
                f"{meeting.number} is lower than the number of {before.key} ({before.number}), "
                f"held before it: meetings of one kind are numbered in the order they are held",
            )
        numbered.setdefault((meeting.kind, meeting.number), meeting)
        last_of_kind[meeting.kind] = meeting


def _parts(meeting: Meeting, at: PathT, unknown: Unknown) -> Iterator[Finding]:
    one_part = not meeting.parts
    for number, part in enumerate(meeting.held):
        here = at if one_part else (*at, "parts", number)
        if part.online and part.city is not None:
            yield Finding(
                "report",
                (*here, "online"),
                "online and a city: choose one (`online: true` for a meeting held online, "
                "`city:` and `country:` for one held there)",
            )
        if part.country is not None:
            yield from unknown(part.country, "report", (*here, "country"))
        if part.end < part.start:
            yield Finding(
                "report",
                (*here, "end"),
                "is before the meeting's start" if one_part else "is before its own start",
            )
        if number and part.start <= meeting.held[number - 1].end:
            yield Finding(
                "report",
                (*here, "start"),
                "parts are listed in order; this one starts before the part before it ends",
            )


def check_coordinators(frame: ReportFrame, order: dict[str, int]) -> Iterator[Finding]:
    """The issuer serves at the meeting the report is presented to (an error otherwise);
    more than two coordinators serving then, or one without `until` after two others were
    appointed, is most likely a former coordinator kept without its `until` (a warning).
    `order` gives each meeting's place; every key the coordinators name is in it."""
    presented_to = order[frame.presented_to]

    def start(c: Coordinator) -> int:
        return -1 if c.appointed_at is None else order[c.appointed_at]

    def end(c: Coordinator) -> int:
        return len(order) if c.until is None else order[c.until]

    for index, coordinator in enumerate(frame.coordinators):
        if (
            coordinator.state == frame.issuer
            and coordinator.until is not None
            and end(coordinator) <= presented_to
        ):
            yield Finding(
                "report",
                ("coordinators", index, "until"),
                f"{coordinator.until}: the issuer ({frame.issuer}) no longer coordinates at "
                f"{frame.presented_to}, the meeting the report is presented to; the issuer is "
                "a coordinator serving then (check issuer:, or this until:)",
            )
    serving = [
        (index, c)
        for index, c in enumerate(frame.coordinators)
        if start(c) <= presented_to < end(c)
    ]
    if len(serving) <= CO_COORDINATORS:
        return
    stale = False
    for index, coordinator in serving:
        if coordinator.until is not None:
            continue
        after = [c.state for _, c in serving if start(c) > start(coordinator)]
        if len(after) >= CO_COORDINATORS:
            stale = True
            yield Finding(
                "report",
                ("coordinators", index),
                f"{coordinator.state} has no `until`: still a coordinator at "
                f"{frame.presented_to}? {' and '.join(after)} were appointed after it; give "
                "it `until:`, the meeting at which it handed over",
                "warning",
            )
    if not stale:
        yield Finding(
            "report",
            ("coordinators",),
            f"{len(serving)} coordinators serve at {frame.presented_to} "
            f"({', '.join(c.state for _, c in serving)}): co-coordinators are "
            f"{CO_COORDINATORS}; give a former one `until:`, the meeting at which it handed over",
            "warning",
        )
