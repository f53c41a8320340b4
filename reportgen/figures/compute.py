"""Compute stage: every figure the report states, as a named value computed from `Inputs`.

Pure: no files, no clock (the as-of date is an input), no Word. Each count keeps the States
it counts, and each figure a definition in plain words, so that any number in the report
can be traced to its rows.

"States Parties" follows the report's usage: States that have deposited an instrument of
ratification, accession or succession, whether or not the six months of Article 17 have
passed, and whose withdrawal (Article 20) has not taken effect: a State is a State Party on
day D when it had deposited by D and no withdrawal of that membership had taken effect on
or before D (`State.is_party_on`).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from reportgen.core.collation import collation_key
from reportgen.inputs.models import (
    INSTRUMENTS,
    Coordinator,
    Inputs,
    Instrument,
    Meeting,
    Membership,
    Region,
    State,
)


@dataclass(frozen=True)
class Tally:
    """A number of States, with the States it counts."""

    definition: str
    states: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many States."""
        return len(self.states)


@dataclass(frozen=True)
class Share:
    """One count as a share of another."""

    definition: str
    part: int
    whole: int

    @property
    def ratio(self) -> float:
        """part / whole, 0 when there is no whole."""
        return self.part / self.whole if self.whole else 0.0


@dataclass(frozen=True)
class RegionTally:
    """A tally restricted to one region."""

    region: Region
    tally: Tally


@dataclass(frozen=True)
class Appointment:
    """A coordinator and the meeting that appointed it; `took_over_from` is the coordinator
    serving with the issuer whose `until` is that meeting, whom it took over from (None when
    it joined them)."""

    state: str
    meeting: Meeting
    took_over_from: str | None = None


@dataclass(frozen=True)
class Coordination:
    """Who coordinated universalisation with the issuer, and for how long."""

    issuer: str
    appointed_at: Meeting
    appointed_with: tuple[str, ...]
    joined: tuple[str, ...]
    joined_by: tuple[Appointment, ...]
    authors: tuple[str, ...]
    meetings_served: tuple[Meeting, ...]

    @property
    def intersessional_periods(self) -> int:
        """Periods between the meetings the issuer served through."""
        return len(self.meetings_served) - 1

    @property
    def years(self) -> int:
        """Calendar years from the issuer's appointment (at its meeting's close) to the meeting
        the report is for."""
        return self.meetings_served[-1].start.year - self.appointed_at.end.year


@dataclass(frozen=True)
class Step:
    """The number of States Parties from `day` on, the States that deposited that day and
    those whose withdrawal took effect that day."""

    day: dt.date
    count: int
    joined: tuple[str, ...]
    left: tuple[str, ...] = ()


@dataclass(frozen=True)
class Withdrawal:
    """A State's withdrawal: the day the depositary received it and the day it takes effect."""

    state: str
    iso3: str
    notified: dt.date
    effective: dt.date


@dataclass(frozen=True)
class MeetingMark:
    """A meeting on the timeline, and the States Parties at its close (none after the as-of day)."""

    meeting: Meeting
    states_parties: Tally | None


@dataclass(frozen=True)
class Timeline:
    """States Parties over time: the count on the opening day, then a step each deposit day
    (up) and each day a withdrawal took effect (down).

    `steps[0]` is the day the Convention opened for signature (States may ratify that very
    day); the last step holds until `end`, the as-of date. The series of chart (a).
    """

    definition: str
    start: dt.date
    end: dt.date
    steps: tuple[Step, ...]
    meetings: tuple[MeetingMark, ...]

    @property
    def first(self) -> Step:
        """The count on the day the Convention opened for signature."""
        return self.steps[0]

    @property
    def last(self) -> Step:
        """The count on the as-of date (the last deposit day's step)."""
        return self.steps[-1]


@dataclass(frozen=True)
class StatePartyDates:
    """A State Party's own dates: its deposit, entry into force, first report, and rank.

    Article 17(2): for a State that deposits after the thirtieth instrument, the Convention
    enters into force on the first day of the sixth month after the month of its deposit;
    for the first thirty, on the Convention's own entry into force (Article 17(1)). Both are
    `max(convention in force, first day of the sixth month after the deposit's month)`,
    since the thirtieth deposit's sixth month is the Convention's own entry into force.
    Article 7(1): the initial report is due within 180 days after that: `initial_report_due`
    is the 180th day after the entry into force for the State.
    """

    name: str
    iso3: str
    instrument: Instrument
    deposit: dt.date
    rank: int
    """Its place in the order of deposit ("the 63rd State Party")."""
    rank_last: int
    """Equal to `rank`, unless other States deposited the same day: the data does not hold
    the hour of a deposit, so States of one day share the ranks `rank` to `rank_last`."""
    entry_into_force: dt.date
    initial_report_due: dt.date


INITIAL_REPORT_DAYS = 180
"""Article 7(1): the initial report, not later than 180 days after entry into force."""


def entry_into_force(deposit: dt.date, convention_in_force: dt.date) -> dt.date:
    """The day the Convention enters into force for a State that deposited on `deposit`."""
    month = deposit.month + 6  # the sixth month after the month of deposit
    sixth = dt.date(deposit.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return max(sixth, convention_in_force)


@dataclass(frozen=True)
class Figures:
    """Every figure the report prints."""

    as_of: dt.date
    signatories: Tally
    states_parties: Tally
    ratifications: Tally
    accessions: Tally
    successions: Tally
    signatories_yet_to_ratify: Tally
    signatories_yet_to_ratify_share: Share
    signatories_yet_to_ratify_at_period_start: Tally
    states_parties_at_since_meeting: Tally
    new_states_parties: Tally
    new_states_parties_share: Share
    growth_since_meeting: Share
    new_states_parties_by_region: tuple[RegionTally, ...]
    states_parties_over_time: Timeline
    new_ratifications: Tally
    new_accessions: Tally
    new_successions: Tally
    period_states_parties: Tally
    period_ratifications: Tally
    period_accessions: Tally
    period_successions: Tally
    status_table: Tally
    category_members: dict[str, Tally]
    categories: int
    lines_of_action: int
    coordination: Coordination
    state_party: dict[str, StatePartyDates]
    """Each State Party's own dates, by ISO code: `figures.state_party["BEN"].rank`, the key
    `reportgen figures` lists (`state_party.BEN`); a code outlives a change of name."""
    withdrawals: Tally
    """States whose withdrawal had taken effect by the as-of day (and that are not Parties
    again on it)."""
    withdrawals_since_meeting: Tally
    """States whose withdrawal took effect after the counting meeting closed."""
    withdrawals_pending: Tally
    rejoined_since_meeting: Tally
    """States Parties at the counting meeting's close whose withdrawal took effect since and
    that acceded again by the as-of day: neither new States Parties nor withdrawn."""
    """States Parties on the as-of day whose withdrawal is notified but not yet in effect."""
    withdrawals_notified: tuple[Withdrawal, ...] = ()
    """Every withdrawal notified by the as-of day, in the order they take effect."""

    def named(self) -> dict[str, Tally | Share]:
        """Every tally and share, by a stable dotted name (for listings and checks)."""
        found: dict[str, Tally | Share] = {}
        for name, value in vars(self).items():
            if isinstance(value, (Tally, Share)):
                found[name] = value
        for entry in self.new_states_parties_by_region:
            found[f"new_states_parties_by_region.{entry.region.name}"] = entry.tally
        for key, tally in self.category_members.items():
            found[f"category_members.{key}"] = tally
        for mark in self.states_parties_over_time.meetings:
            if mark.states_parties is not None:
                found[f"states_parties_over_time.{mark.meeting.key}"] = mark.states_parties
        return found


def compute(inputs: Inputs) -> Figures:
    """All figures of the report, from validated inputs."""
    frame = inputs.report
    as_of = frame.as_of
    since = inputs.meeting(frame.counting_since)
    period_start = inputs.meeting(frame.highlight.after)
    period_end = inputs.meeting(frame.highlight.before)
    # Meeting days: a deposit made during a meeting counts as made by its close. The period
    # runs from the close of one meeting to the close of the next, or to the as-of date when
    # that comes first: "since the 3rd MSP" then counts every deposit up to and including an
    # as-of date that falls on the days of the 4th (no sentence may say that no State joined
    # since a meeting when one did).
    period_until = min(as_of, period_end.end)
    # `inputs.state(name)` in a plain dict: a pydantic private attribute is slow to reach.
    by_name = {s.name: s for s in inputs.states}
    # Sorted once for every tally: keeping some States of a sorted list keeps them sorted.
    states = sorted(inputs.states, key=lambda s: (s.deposit or dt.date.max, collation_key(s.name)))

    def tally(definition: str, keep: Callable[[State], bool]) -> Tally:
        """The States kept, in the order they deposited (then by name)."""
        return Tally(definition, tuple(s.name for s in states if keep(s)))

    def deposited(
        after: dt.date, *kinds: Instrument, until: dt.date = as_of
    ) -> Callable[[State], bool]:
        wanted = set(kinds or INSTRUMENTS)

        def keep(s: State) -> bool:
            # a Party on the as-of day and not at the counting meeting's close: a State that
            # joined and has since withdrawn is no new State Party, nor one that withdrew and
            # acceded again since (rejoined_since_meeting)
            return s.is_party_on(as_of) > s.is_party_on(since.end) and any(
                after < m.deposit <= until and m.instrument in wanted for m in s.memberships
            )

        return keep

    on = f"by {as_of.isoformat()}"
    withdrew = any(s.withdrawal_effective is not None or s.rejoined for s in states)
    joined = "deposited an instrument of ratification, accession or succession"
    after_since = f"after the {since.name} closed ({since.end.isoformat()}) and {on}"
    in_period = (
        f"after the {period_start.name} closed ({period_start.end.isoformat()}) "
        f"and by {period_until.isoformat()}"
    )

    signatories = tally(
        f"States that signed the Convention {on}", lambda s: s.is_signatory_on(as_of)
    )
    states_parties = tally(
        f"States that {joined} {on}"
        + (", less those whose withdrawal had taken effect by then" if withdrew else ""),
        lambda s: s.is_party_on(as_of),
    )
    yet = tally(
        f"Signatories that had not deposited an instrument of ratification {on}",
        lambda s: s.is_signatory_on(as_of) and not s.has_deposited_by(as_of),
    )
    back = ", and were States Parties on the as-of day but not at its close (not rejoined)"
    still = back if withdrew else ""
    new = tally(f"States that {joined} {after_since}{still}", deposited(since.end))
    at_since = tally(
        f"States Parties when the {since.name} closed ({since.end.isoformat()})",
        lambda s: s.is_party_on(since.end),
    )
    by_region = tuple(
        RegionTally(
            region,
            Tally(
                f"{new.definition}, in the region {region.name}",
                tuple(n for n in new.states if by_name[n].region == region.name),
            ),
        )
        for region in frame.regions
    )
    return Figures(
        as_of=as_of,
        signatories=signatories,
        states_parties=states_parties,
        ratifications=tally(
            f"States that deposited an instrument of ratification {on}",
            lambda s: _instrument_on(s, as_of) == "ratification",
        ),
        accessions=tally(
            f"States that acceded without signing {on}",
            lambda s: _instrument_on(s, as_of) == "accession",
        ),
        successions=tally(
            f"States that succeeded to the Convention {on}",
            lambda s: _instrument_on(s, as_of) == "succession",
        ),
        signatories_yet_to_ratify=yet,
        signatories_yet_to_ratify_share=Share(
            "Signatories yet to ratify, as a share of all signatories", yet.count, signatories.count
        ),
        signatories_yet_to_ratify_at_period_start=tally(
            f"Signatories that had not deposited an instrument of ratification when the "
            f"{period_start.name} closed ({period_start.end.isoformat()})",
            lambda s: (
                s.is_signatory_on(period_start.end) and not s.has_deposited_by(period_start.end)
            ),
        ),
        states_parties_at_since_meeting=at_since,
        new_states_parties=new,
        new_states_parties_share=Share(
            "New States Parties since the meeting, as a share of all States Parties",
            new.count,
            states_parties.count,
        ),
        growth_since_meeting=Share(
            f"New States Parties, as a share of the States Parties at the {since.name}",
            new.count,
            at_since.count,
        ),
        new_states_parties_by_region=by_region,
        states_parties_over_time=_timeline(inputs, states, states_parties),
        new_ratifications=tally(
            f"States that deposited an instrument of ratification {after_since}",
            deposited(since.end, "ratification"),
        ),
        new_accessions=tally(
            f"States that acceded {after_since}", deposited(since.end, "accession")
        ),
        new_successions=tally(
            f"States that succeeded to the Convention {after_since}",
            deposited(since.end, "succession"),
        ),
        period_states_parties=tally(
            f"States that {joined} {in_period}",
            deposited(period_start.end, until=period_until),
        ),
        period_ratifications=tally(
            f"States that deposited an instrument of ratification {in_period}",
            deposited(period_start.end, "ratification", until=period_until),
        ),
        period_accessions=tally(
            f"States that acceded {in_period}",
            deposited(period_start.end, "accession", until=period_until),
        ),
        period_successions=tally(
            f"States that succeeded to the Convention {in_period}",
            deposited(period_start.end, "succession", until=period_until),
        ),
        status_table=tally(
            f"States that signed or joined the Convention {on}: the rows of the status table",
            lambda s: s.is_signatory_on(as_of) or s.has_deposited_by(as_of),
        ),
        category_members={
            c.key: Tally(
                f"States listed in {c.title} of data/categories.yaml",
                tuple(sorted(c.members, key=collation_key)),
            )
            for c in inputs.categories
        },
        categories=len(inputs.categories),
        lines_of_action=len(inputs.lessons.lines_of_action),
        coordination=_coordination(inputs),
        state_party=_state_parties(
            states_parties, by_name, as_of, frame.convention.entry_into_force
        ),
        withdrawals=tally(
            f"States whose withdrawal from the Convention (Article 20) had taken effect {on}, "
            "and that were not States Parties again",
            lambda s: s.has_deposited_by(as_of) and not s.is_party_on(as_of),
        ),
        withdrawals_since_meeting=tally(
            f"States whose withdrawal from the Convention took effect {after_since}"
            + (", and that were not States Parties again" if withdrew else ""),
            lambda s: not s.is_party_on(as_of) and _left(s, since, as_of),
        ),
        withdrawals_pending=tally(
            f"States Parties {on} that had notified their withdrawal, not yet in effect",
            lambda s: _pending(s, as_of) is not None,
        ),
        rejoined_since_meeting=tally(
            f"States Parties when the {since.name} closed ({since.end.isoformat()}) whose "
            f"withdrawal took effect since, and that acceded again {on}",
            lambda s: s.is_party_on(since.end) and s.is_party_on(as_of) and _left(s, since, as_of),
        ),
        withdrawals_notified=_withdrawals(states, as_of),
    )


def _instrument_on(state: State, day: dt.date) -> Instrument | None:
    """The instrument of the State's membership in force on `day`, if any."""
    membership = state.membership_on(day)
    return None if membership is None else membership.instrument


def _left(state: State, since: Meeting, as_of: dt.date) -> bool:
    """True when a withdrawal of the State took effect after `since` closed and by `as_of`."""
    return any(_effective_within(m, since.end, as_of) for m in state.memberships)


def _effective_within(membership: Membership, after: dt.date, until: dt.date) -> bool:
    """True when the membership's withdrawal took effect after `after` and by `until`."""
    effective = membership.withdrawal_effective
    return effective is not None and after < effective <= until


def _pending(state: State, day: dt.date) -> Membership | None:
    """The State's membership on `day` whose withdrawal was notified by then, not yet in effect."""
    membership = state.membership_on(day)
    if membership is None or membership.withdrawal_notified is None:
        return None
    return membership if membership.withdrawal_notified <= day else None


def _withdrawals(states: list[State], as_of: dt.date) -> tuple[Withdrawal, ...]:
    """Every withdrawal notified by `as_of`, in the order they take effect (the checks
    require a notified withdrawal's effective day)."""
    found = [
        Withdrawal(state.name, state.iso3, m.withdrawal_notified, m.withdrawal_effective)
        for state in states
        for m in state.memberships
        if m.withdrawal_notified is not None
        and m.withdrawal_effective is not None
        and m.withdrawal_notified <= as_of
    ]
    return tuple(sorted(found, key=lambda w: (w.effective, collation_key(w.state))))


def _state_parties(
    states_parties: Tally, by_name: dict[str, State], as_of: dt.date, in_force: dt.date
) -> dict[str, StatePartyDates]:
    """Each State Party's dates and rank by ISO code, in the order they deposited: a State
    that joined again is ranked by the instrument of its membership on the as-of day."""
    current: list[tuple[str, Membership]] = []
    for name in states_parties.states:
        membership = by_name[name].membership_on(as_of)
        assert membership is not None  # a State Party
        current.append((name, membership))
    deposits = sorted(m.deposit for _, m in current)
    found: dict[str, StatePartyDates] = {}
    for name, membership in current:
        state, deposit = by_name[name], membership.deposit
        in_force_for_it = entry_into_force(deposit, in_force)
        found[state.iso3] = StatePartyDates(
            name=name,
            iso3=state.iso3,
            instrument=membership.instrument,
            deposit=deposit,
            rank=bisect.bisect_left(deposits, deposit) + 1,
            rank_last=bisect.bisect_right(deposits, deposit),
            entry_into_force=in_force_for_it,
            initial_report_due=in_force_for_it + dt.timedelta(days=INITIAL_REPORT_DAYS),
        )
    return found


def _timeline(inputs: Inputs, states: list[State], as_of_parties: Tally) -> Timeline:
    """States Parties by day, from the opening for signature to the as-of date: up on each
    deposit day, down on each day a withdrawal took effect."""
    frame = inputs.report
    opened, as_of = frame.convention.opened_for_signature, frame.as_of
    joined: dict[dt.date, list[str]] = {opened: []}
    left: dict[dt.date, list[str]] = {}
    for state in states:  # in the order they first deposited
        for membership in state.memberships:
            if membership.deposit > as_of:
                continue
            assert membership.deposit >= opened  # checked when loading
            joined.setdefault(membership.deposit, []).append(state.name)
            effective = membership.withdrawal_effective
            if effective is not None and effective <= as_of:
                left.setdefault(effective, []).append(state.name)
    steps, count = [], 0
    for day in sorted(joined.keys() | left.keys()):
        came, went = joined.get(day, []), left.get(day, [])
        count += len(came) - len(went)
        steps.append(Step(day, count, tuple(came), tuple(went)))
    assert count == as_of_parties.count
    marks = tuple(
        MeetingMark(
            meeting,
            Tally(
                f"States Parties when the {meeting.name} closed ({meeting.end.isoformat()})",
                tuple(s.name for s in states if s.is_party_on(meeting.end)),
            )
            if meeting.end <= as_of
            else None,
        )
        for meeting in frame.meetings
    )
    withdrew = any(step.left for step in steps)
    return Timeline(
        definition=(
            "States that had deposited an instrument of ratification, accession or succession, "
            + ("less those whose withdrawal had taken effect, " if withdrew else "")
            + f"day by day from {opened.isoformat()} to {as_of.isoformat()}"
        ),
        start=opened,
        end=as_of,
        steps=tuple(steps),
        meetings=marks,
    )


def _coordination(inputs: Inputs) -> Coordination:
    frame = inputs.report
    order = {m.key: i for i, m in enumerate(frame.meetings)}
    presented_to = order[frame.presented_to]

    def start(c: Coordinator) -> int:  # before every listed meeting when not given
        return -1 if c.appointed_at is None else order[c.appointed_at]

    def end(c: Coordinator) -> int:  # still serving when not given
        return len(order) if c.until is None else order[c.until]

    issuer = next(c for c in frame.coordinators if c.state == frame.issuer)
    appointed = start(issuer)
    appointed_with = [c for c in frame.coordinators if c is not issuer and start(c) == appointed]
    # Those serving with the issuer: a coordinator appointed later at the meeting where one
    # of them handed over (its `until`) took over from it (the 10th MSP: Malawi from the
    # Philippines); one appointed at another meeting joined them.
    serving = list(appointed_with)
    joined_by = []
    for c in frame.coordinators:
        if not appointed < start(c) <= presented_to:
            continue
        left = next((s for s in serving if end(s) == start(c)), None)
        if left is not None:
            serving[serving.index(left)] = c
        joined_by.append(
            Appointment(c.state, frame.meetings[start(c)], None if left is None else left.state)
        )
    return Coordination(
        issuer=frame.issuer,
        appointed_at=frame.meetings[appointed],
        appointed_with=tuple(c.state for c in appointed_with),
        joined=tuple(
            c.state for c in frame.coordinators if c is not issuer and start(c) < appointed < end(c)
        ),
        joined_by=tuple(joined_by),
        authors=tuple(c.state for c in frame.coordinators if start(c) <= presented_to < end(c)),
        meetings_served=tuple(frame.meetings[appointed : presented_to + 1]),
    )
