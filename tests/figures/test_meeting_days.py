"""Meeting days: deposits during a meeting count as by its close, and "since the Nth MSP"
counts every deposit after its close up to and including the as-of date.

The meetings are those of the 4th MSP's report.yaml (tests/fixtures/4msp/data/): the 2nd
MSP met 13-16 September 2011, the 3rd 11-14 September 2012 and the 4th 10-13 September 2013
(ccm-facts.md). Each test moves one State's deposit or the as-of date to an edge day and
checks what the report would say.
"""

from __future__ import annotations

import datetime as dt

from reportgen.figures.compute import Figures, compute
from reportgen.inputs.models import Inputs

SECOND_MSP = (dt.date(2011, 9, 13), dt.date(2011, 9, 16))
THIRD_MSP = (dt.date(2012, 9, 11), dt.date(2012, 9, 14))
FOURTH_MSP = (dt.date(2013, 9, 10), dt.date(2013, 9, 13))


def _figures(inputs: Inputs, *, as_of: dt.date | None = None, **deposits: dt.date) -> Figures:
    """The figures with the as-of date and some States' instruments moved (by name)."""
    states = []
    for state in inputs.states:
        day = deposits.get(state.name.replace(" ", "_"))
        if day is not None:
            kind = "accession" if state.signature is None else "ratification"
            state = state.model_copy(
                update={"ratification": None, "accession": None, "succession": None, kind: day}
            )
        states.append(state)
    report = inputs.report.model_copy(update={"as_of": as_of or inputs.report.as_of})
    return compute(
        Inputs(
            report=report,
            states=states,
            categories=inputs.categories,
            events=inputs.events,
            lessons=inputs.lessons,
        )
    )


def test_the_meetings_of_the_data_are_those_of_the_record(inputs: Inputs) -> None:
    days = {m.key: (m.start, m.end) for m in inputs.report.meetings}
    assert days == {"2MSP": SECOND_MSP, "3MSP": THIRD_MSP, "4MSP": FOURTH_MSP}


def test_swaziland_acceded_on_the_first_day_of_the_2msp_and_counts_at_its_close(
    inputs: Inputs, figures: Figures
) -> None:
    assert inputs.state("Swaziland").accession == SECOND_MSP[0]
    assert "Swaziland" in figures.states_parties_at_since_meeting.states
    assert figures.states_parties_at_since_meeting.count == 63
    assert "Swaziland" not in figures.new_states_parties.states


def test_a_deposit_on_the_last_day_of_a_meeting_counts_by_its_close(inputs: Inputs) -> None:
    figures = _figures(inputs, Italy=SECOND_MSP[1])
    assert "Italy" in figures.states_parties_at_since_meeting.states
    assert "Italy" not in figures.new_states_parties.states


def test_a_deposit_the_day_after_a_meeting_is_new_since_it(inputs: Inputs) -> None:
    figures = _figures(inputs, Italy=SECOND_MSP[1] + dt.timedelta(days=1))
    assert "Italy" not in figures.states_parties_at_since_meeting.states
    assert "Italy" in figures.new_states_parties.states


def test_a_deposit_during_the_3msp_is_not_new_since_the_3msp(inputs: Inputs) -> None:
    for day in THIRD_MSP:
        figures = _figures(inputs, Peru=day)
        assert "Peru" not in figures.period_states_parties.states, day
        assert "Peru" not in figures.period_ratifications.states, day
        assert "Peru" in figures.new_states_parties.states, day  # still new since the 2nd


def test_an_as_of_date_inside_the_4msp_counts_deposits_on_its_first_day(
    inputs: Inputs,
) -> None:
    # As of the 4th MSP's second day, with a State that ratified on its first day: "since
    # the 3rd MSP" and "since the 2nd MSP" must both count it.
    as_of = FOURTH_MSP[0] + dt.timedelta(days=1)
    figures = _figures(inputs, as_of=as_of, Angola=FOURTH_MSP[0])
    assert "Angola" in figures.period_states_parties.states
    assert "Angola" in figures.period_ratifications.states
    assert "Angola" in figures.new_states_parties.states
    assert figures.states_parties.count == 84


def test_a_deposit_on_the_as_of_date_itself_is_counted(inputs: Inputs) -> None:
    as_of = FOURTH_MSP[1]  # the 4th MSP's last day
    figures = _figures(inputs, as_of=as_of, Angola=as_of)
    assert "Angola" in figures.period_ratifications.states
    assert "Angola" in figures.new_states_parties.states


def test_no_sentence_says_none_joined_since_a_meeting_when_one_did(inputs: Inputs) -> None:
    # Only one State joins after the 3rd MSP, on the 4th MSP's first day; the report is
    # as of the 4th MSP's last day. The "since the 3rd MSP" figures must not be empty.
    moved = {
        name.replace(" ", "_"): THIRD_MSP[0]  # every later deposit moved into the 3rd MSP
        for name in _figures(inputs).period_states_parties.states
    }
    figures = _figures(inputs, as_of=FOURTH_MSP[1], Angola=FOURTH_MSP[0], **moved)
    assert figures.period_states_parties.states == ("Angola",)


def test_the_highlighted_period_closes_with_the_next_meeting(inputs: Inputs) -> None:
    # As of after the 4th MSP: a deposit on its last day counts by its close, within the
    # 2012-2013 intersessional period; one the day after belongs to the next period.
    as_of = FOURTH_MSP[1] + dt.timedelta(days=7)
    during = _figures(inputs, as_of=as_of, Angola=FOURTH_MSP[1])
    after = _figures(inputs, as_of=as_of, Angola=FOURTH_MSP[1] + dt.timedelta(days=1))
    assert "Angola" in during.period_states_parties.states
    assert "Angola" not in after.period_states_parties.states
    assert "Angola" in after.new_states_parties.states  # still new since the 2nd MSP
