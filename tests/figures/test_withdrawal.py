"""Withdrawal (Article 20): a State is a State Party on day D when it had deposited by D and
its withdrawal had not taken effect on or before D; every figure follows it.

Synthetic, not the public record: Lithuania's withdrawal is moved into the 4th MSP's years
(2012-2013) so that the 4th MSP data shows each case; the public record (notified 6
September 2024, effective 6 March 2025) is tests/fixtures/public-2025/ (test_public_record).
The meetings are those of the 4th MSP's report.yaml: the 2nd MSP closed on 16 September 2011,
the 3rd met 11-14 September 2012, the as-of day is 1 September 2013.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from reportgen.figures.compute import Figures, Tally, compute
from reportgen.inputs.models import Inputs, Rejoining

D = dt.date
AS_OF = D(2013, 9, 1)


def withdrawn(inputs: Inputs, name: str = "Lithuania", **fields: Any) -> Inputs:
    """The inputs with one State's record given `fields` (withdrawal_notified...)."""
    states = [s.model_copy(update=fields) if s.name == name else s for s in inputs.states]
    return Inputs(**{**dict(inputs), "states": states})  # indexed again by name


def lithuania_left(inputs: Inputs, notified: dt.date, effective: dt.date) -> Figures:
    return compute(withdrawn(inputs, withdrawal_notified=notified, withdrawal_effective=effective))


def test_a_state_is_party_until_the_day_its_withdrawal_takes_effect(inputs: Inputs) -> None:
    state = withdrawn(
        inputs, withdrawal_notified=D(2012, 10, 1), withdrawal_effective=D(2013, 4, 1)
    ).state("Lithuania")
    assert state.ratification == D(2011, 3, 24)
    assert not state.is_party_on(D(2011, 3, 23))
    assert state.is_party_on(D(2011, 3, 24))
    assert state.is_party_on(D(2013, 3, 31))  # notified, not yet in effect
    assert not state.is_party_on(D(2013, 4, 1))  # the day it takes effect
    assert state.has_deposited_by(D(2013, 4, 1))


def test_a_withdrawal_in_effect_lowers_the_count_and_nothing_else(
    inputs: Inputs, figures: Figures
) -> None:
    after = lithuania_left(inputs, D(2012, 10, 1), D(2013, 4, 1))
    assert after.states_parties.count == figures.states_parties.count - 1
    assert "Lithuania" not in after.states_parties.states
    assert "Lithuania" not in after.ratifications.states
    # it ratified: it is not a signatory yet to ratify, and it stays in the status table
    assert after.signatories_yet_to_ratify == figures.signatories_yet_to_ratify
    assert after.signatories == figures.signatories
    assert "Lithuania" in after.status_table.states
    assert after.withdrawals.states == ("Lithuania",)
    assert after.withdrawals_since_meeting.states == ("Lithuania",)
    assert after.withdrawals_pending.count == 0
    assert "LTU" not in after.state_party
    # it joined before the 2nd MSP: it was a Party then, and is not a new State Party
    assert after.states_parties_at_since_meeting == figures.states_parties_at_since_meeting
    assert after.new_states_parties.states == figures.new_states_parties.states


def test_the_timeline_steps_down_on_the_day_the_withdrawal_takes_effect(
    inputs: Inputs,
) -> None:
    timeline = lithuania_left(inputs, D(2012, 10, 1), D(2013, 4, 1)).states_parties_over_time
    steps = {step.day: step for step in timeline.steps}
    before = [step for step in timeline.steps if step.day < D(2013, 4, 1)][-1].count
    down = steps[D(2013, 4, 1)]
    assert (down.left, down.joined, down.count) == (("Lithuania",), (), before - 1)
    counts = [step.count for step in timeline.steps]
    assert counts[-1] == timeline.last.count
    assert any(later < earlier for earlier, later in itertools.pairwise(counts))


def test_a_withdrawal_notified_but_not_in_effect_on_the_as_of_day_is_pending(
    inputs: Inputs, figures: Figures
) -> None:
    after = lithuania_left(inputs, D(2013, 5, 1), D(2013, 11, 1))
    assert "Lithuania" in after.states_parties.states
    assert after.states_parties.count == figures.states_parties.count
    assert after.withdrawals_pending.states == ("Lithuania",)
    assert after.withdrawals.count == after.withdrawals_since_meeting.count == 0
    assert [(w.state, w.notified, w.effective) for w in after.withdrawals_notified] == [
        ("Lithuania", D(2013, 5, 1), D(2013, 11, 1))
    ]
    assert after.states_parties_over_time.steps == figures.states_parties_over_time.steps


def _at_close(figures: Figures, key: str) -> tuple[str, ...]:
    mark = next(m for m in figures.states_parties_over_time.meetings if m.meeting.key == key)
    assert mark.states_parties is not None
    return mark.states_parties.states


def test_a_withdrawal_in_effect_before_a_meeting_closes_is_not_counted_at_it(
    inputs: Inputs,
) -> None:
    # the 3rd MSP met 11-14 September 2012
    during = lithuania_left(inputs, D(2012, 3, 12), D(2012, 9, 12))
    after_close = lithuania_left(inputs, D(2012, 3, 15), D(2012, 9, 15))
    assert "Lithuania" not in _at_close(during, "3MSP")
    assert "Lithuania" in _at_close(after_close, "3MSP")
    assert len(_at_close(during, "3MSP")) == len(_at_close(after_close, "3MSP")) - 1
    named = during.named()
    at_third, at_second = (named[f"states_parties_over_time.{k}"] for k in ("3MSP", "2MSP"))
    assert isinstance(at_third, Tally) and isinstance(at_second, Tally)
    assert "Lithuania" not in at_third.states
    assert "Lithuania" in at_second.states


def test_a_state_that_withdrew_and_joined_again_is_party_on_the_days_of_either(
    inputs: Inputs, figures: Figures
) -> None:
    back = withdrawn(
        inputs,
        withdrawal_notified=D(2011, 10, 1),
        withdrawal_effective=D(2012, 4, 1),
        rejoined=[Rejoining(accession=D(2013, 1, 10))],
    )
    state = back.state("Lithuania")
    first, second = state.memberships
    day = D(2011, 1, 1)
    while day <= AS_OF:  # its party days are the union of its memberships
        assert state.is_party_on(day) == (first.in_force_on(day) or second.in_force_on(day))
        day += dt.timedelta(days=17)
    assert state.is_party_on(D(2012, 3, 31))
    assert not state.is_party_on(D(2012, 4, 1))
    assert state.is_party_on(D(2013, 1, 10))
    after = compute(back)
    assert after.states_parties.count == figures.states_parties.count
    assert after.state_party["LTU"].instrument == "accession"
    assert after.state_party["LTU"].deposit == D(2013, 1, 10)
    # a State Party when the 2nd MSP closed, and again on the as-of day: it acceded again
    # since, neither a new State Party nor a withdrawal (review of issue 19, #11)
    assert after.rejoined_since_meeting.states == ("Lithuania",)
    assert "Lithuania" not in after.new_accessions.states
    assert after.new_states_parties.states == figures.new_states_parties.states
    assert after.period_states_parties.states == figures.period_states_parties.states
    assert after.withdrawals_since_meeting.count == 0
    assert after.withdrawals.count == 0  # a State Party again on the as-of day
    steps = {s.day: s for s in after.states_parties_over_time.steps}
    assert steps[D(2012, 4, 1)].left == ("Lithuania",)
    assert "Lithuania" in steps[D(2013, 1, 10)].joined


def test_a_state_that_had_left_before_the_meeting_and_acceded_again_is_new(
    inputs: Inputs, figures: Figures
) -> None:
    # not a State Party when the 2nd MSP closed (16 September 2011): its return raised the count
    back = compute(
        withdrawn(
            inputs,
            withdrawal_notified=D(2011, 3, 1),
            withdrawal_effective=D(2011, 9, 1),
            rejoined=[Rejoining(accession=D(2013, 1, 10))],
        )
    )
    assert "Lithuania" in back.new_states_parties.states
    assert "Lithuania" in back.new_accessions.states
    assert back.rejoined_since_meeting.count == 0
    assert back.new_states_parties.count == figures.new_states_parties.count + 1


def test_a_new_state_party_that_has_since_withdrawn_is_no_new_state_party(
    inputs: Inputs, figures: Figures
) -> None:
    # Hostile review of issue 19: Cameroon, Party since 2012 (after the 2nd MSP), withdrawn
    # by 2013: the report still counted it among the new States Parties and their share of
    # the Parties, and in its region, though it is not among the Parties it is a share of.
    left = compute(
        withdrawn(
            inputs,
            "Cameroon",
            withdrawal_notified=D(2012, 8, 1),
            withdrawal_effective=D(2013, 2, 1),
        )
    )
    assert "Cameroon" in figures.new_states_parties.states
    assert "Cameroon" not in left.new_states_parties.states
    assert left.new_states_parties.count == figures.new_states_parties.count - 1
    assert left.states_parties.count == figures.states_parties.count - 1
    assert set(left.new_states_parties.states) <= set(left.states_parties.states)
    africa = {r.region.name: r.tally for r in left.new_states_parties_by_region}["Africa"]
    assert "Cameroon" not in africa.states
    assert "Cameroon" not in left.new_ratifications.states
