"""The figures the 4th MSP report states, checked against what its own status table implies.

Expectations come from tests/fixtures/4msp-report.txt (read by tests/seed.py, without
reportgen) and from the report's stated promises; never from reportgen's own output.
"""

from __future__ import annotations

import datetime as dt

from reportgen.figures.compute import Figures, Tally
from reportgen.language.formats import Formats
from tests.seed import SECOND_MSP_CLOSED, THIRD_MSP_CLOSED, SeedReport


def test_signatories_are_108(figures: Figures, seed: SeedReport) -> None:
    assert figures.signatories.count == 108 == seed.total_signatures
    assert figures.signatories.count == sum(1 for r in seed.rows if r.signature)


def test_ratifications_and_accessions_are_83(figures: Figures, seed: SeedReport) -> None:
    assert figures.states_parties.count == 83 == seed.total_deposits
    assert figures.ratifications.count + figures.accessions.count == 83


def test_accessions_are_the_four_that_never_signed(figures: Figures, seed: SeedReport) -> None:
    never_signed = {r.data_name for r in seed.rows if r.deposit and not r.signature}
    assert set(figures.accessions.states) == never_signed
    assert figures.accessions.count == 4


def test_twenty_nine_signatories_are_yet_to_ratify(figures: Figures, seed: SeedReport) -> None:
    pending = {r.data_name for r in seed.rows if r.signature and not r.deposit}
    assert set(figures.signatories_yet_to_ratify.states) == pending
    assert figures.signatories_yet_to_ratify.count == 29


def test_yet_to_ratify_share_is_of_signatories(figures: Figures) -> None:
    share = figures.signatories_yet_to_ratify_share
    assert (share.part, share.whole) == (29, 108)
    assert round(share.ratio * 100, 2) == 26.85
    assert Formats("en_GB").percent(share) == "27%"


def test_yet_to_ratify_was_thirty_six_at_the_3msp(figures: Figures, seed: SeedReport) -> None:
    at_3msp = [
        r
        for r in seed.rows
        if r.signature
        and r.signature <= THIRD_MSP_CLOSED
        and not (r.deposit and r.deposit <= THIRD_MSP_CLOSED)
    ]
    assert figures.signatories_yet_to_ratify_at_period_start.count == len(at_3msp) == 36


def test_states_parties_at_the_2msp_were_63(figures: Figures, seed: SeedReport) -> None:
    at_2msp = [r for r in seed.rows if r.deposit and r.deposit <= SECOND_MSP_CLOSED]
    assert figures.states_parties_at_since_meeting.count == len(at_2msp) == 63
    # Swaziland acceded during the 2MSP, as the 63rd State Party: it is not a new one.
    assert "Swaziland" in figures.states_parties_at_since_meeting.states


def test_new_states_parties_since_2msp_are_twenty(figures: Figures, seed: SeedReport) -> None:
    new = {r.data_name for r in seed.rows if r.deposit and r.deposit > SECOND_MSP_CLOSED}
    assert set(figures.new_states_parties.states) == new
    assert figures.new_states_parties.count == 20


def test_each_percentage_says_what_it_is_a_share_of(figures: Figures) -> None:
    # The seed's "31,7%" is 20 of the 63 Parties at the 2MSP, not of all Parties (24.1%).
    growth, share = figures.growth_since_meeting, figures.new_states_parties_share
    assert (growth.part, growth.whole) == (20, 63)
    assert (share.part, share.whole) == (20, 83)
    formats = Formats("en_GB")
    assert formats.percent(growth, 1) == "31.7%"
    assert formats.percent(share, 1) == "24.1%"


def test_new_states_parties_by_region_are_5_5_1_7_2(figures: Figures) -> None:
    by_region = {e.region.name: e.tally.count for e in figures.new_states_parties_by_region}
    assert by_region == {"Africa": 5, "Americas": 5, "Asia": 1, "Europe": 7, "Pacific": 2}


def test_eight_joined_in_the_2012_2013_period(figures: Figures, seed: SeedReport) -> None:
    period = {r.data_name for r in seed.rows if r.deposit and r.deposit > THIRD_MSP_CLOSED}
    assert set(figures.period_states_parties.states) == period
    assert figures.period_states_parties.count == 8


def test_seven_ratified_since_the_3msp_in_the_order_they_did(figures: Figures) -> None:
    # The seed lists them in the order of their deposits; Andorra acceded.
    assert figures.period_ratifications.states == (
        "Peru",
        "Australia",
        "Nauru",
        "Liechtenstein",
        "Chad",
        "Bolivia (Plurinational State of)",
        "Iraq",
    )
    assert figures.period_accessions.states == ("Andorra",)


def test_accessions_since_2msp_leave_out_grenada_and_swaziland(figures: Figures) -> None:
    # The seed names four; Grenada (29.06.2011) and Swaziland (13.09.2011) acceded before.
    assert set(figures.new_accessions.states) == {"Andorra", "Trinidad and Tobago"}


def test_category_sizes_are_counted_from_their_lists(figures: Figures, seed: SeedReport) -> None:
    # The seed's heading says "Category I: 25 States" while its footnote names 23.
    sizes = {key: tally.count for key, tally in figures.category_members.items()}
    assert sizes == {
        "I": len(seed.footnotes[1]),
        "II": len(seed.footnotes[2]),
        "III": len(seed.footnotes[3]),
    }
    assert sizes == {"I": 23, "II": 31, "III": 21}


def test_coordination_spans_two_years_and_two_periods(figures: Figures) -> None:
    coordination = figures.coordination
    assert coordination.years == 2
    assert coordination.intersessional_periods == 2
    assert [m.city for m in coordination.meetings_served] == ["Beirut", "Oslo", "Lusaka"]
    assert coordination.joined == ("Japan",)
    assert [(a.state, a.meeting.key) for a in coordination.joined_by] == [("Ghana", "3MSP")]
    assert coordination.authors == ("Portugal", "Ghana")


def test_every_tally_is_the_number_of_its_states(figures: Figures) -> None:
    for name, value in figures.named().items():
        if isinstance(value, Tally):
            assert value.count == len(set(value.states)), name


# The Convention opened for signature in Oslo on 3 December 2008.
OPENED_FOR_SIGNATURE = dt.date(2008, 12, 3)


def test_states_parties_over_time_steps_on_each_deposit_day(
    figures: Figures, seed: SeedReport
) -> None:
    timeline = figures.states_parties_over_time
    deposits = [(r.data_name, r.deposit) for r in seed.rows if r.deposit]
    days = sorted({OPENED_FOR_SIGNATURE, *(day for _, day in deposits)})
    assert [step.day for step in timeline.steps] == days
    for step in timeline.steps:
        assert step.count == sum(1 for _, day in deposits if day <= step.day)
        assert set(step.joined) == {name for name, day in deposits if day == step.day}
    assert (timeline.start, timeline.end) == (OPENED_FOR_SIGNATURE, figures.as_of)
    assert timeline.last.count == seed.total_deposits == figures.states_parties.count


def test_four_states_were_parties_on_the_opening_day(figures: Figures, seed: SeedReport) -> None:
    first = figures.states_parties_over_time.first
    on_the_day = {r.data_name for r in seed.rows if r.deposit == OPENED_FOR_SIGNATURE}
    assert first.day == OPENED_FOR_SIGNATURE
    assert set(first.joined) == on_the_day == {"Holy See", "Ireland", "Norway", "Sierra Leone"}
    assert first.count == 4


def test_meetings_on_the_timeline_count_the_states_parties_at_their_close(
    figures: Figures, seed: SeedReport
) -> None:
    marks = {
        mark.meeting.key: None if mark.states_parties is None else mark.states_parties.count
        for mark in figures.states_parties_over_time.meetings
    }
    at = {
        closed: sum(1 for r in seed.rows if r.deposit and r.deposit <= closed)
        for closed in (SECOND_MSP_CLOSED, THIRD_MSP_CLOSED)
    }
    # The 4th MSP opens after the as-of date (1 September 2013): no count for it yet.
    assert marks == {"2MSP": at[SECOND_MSP_CLOSED], "3MSP": at[THIRD_MSP_CLOSED], "4MSP": None}
    assert marks["2MSP"] == figures.states_parties_at_since_meeting.count == 63
