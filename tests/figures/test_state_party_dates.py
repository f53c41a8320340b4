"""Each State Party's own dates (Articles 7 and 17) and rank, against the published ones.

The expectations are published dates: entries into force from the depositary's
notifications and the Convention's own records, and initial report due dates from the
Cluster Munition Monitor's table of overdue initial Article 7 reports (as of 18 June 2015).
None is computed by reportgen, or by its formula, first.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from reportgen.figures.compute import Figures, entry_into_force
from reportgen.language.formats import Formats
from reportgen.review.trace import as_json, trace
from reportgen.templating.docxtpl import environment

CCM_IN_FORCE = dt.date(2010, 8, 1)


@pytest.mark.parametrize(
    ("state", "deposit", "in_force"),
    [
        ("Nigeria", dt.date(2023, 2, 28), dt.date(2023, 8, 1)),
        ("Switzerland", dt.date(2012, 7, 17), dt.date(2013, 1, 1)),
        ("Benin", dt.date(2017, 7, 10), dt.date(2018, 1, 1)),
        # the thirtieth instrument: the Convention's own entry into force (Article 17(1))
        ("Burkina Faso", dt.date(2010, 2, 16), CCM_IN_FORCE),
        # deposited before the thirtieth: the Convention's own entry into force too
        ("Albania", dt.date(2009, 6, 16), CCM_IN_FORCE),
    ],
)
def test_entry_into_force_follows_article_17(
    state: str, deposit: dt.date, in_force: dt.date
) -> None:
    assert entry_into_force(deposit, CCM_IN_FORCE) == in_force, state


def test_a_deposit_late_in_the_year_enters_into_force_the_next_year() -> None:
    assert entry_into_force(dt.date(2010, 12, 31), CCM_IN_FORCE) == dt.date(2011, 6, 1)


def test_switzerland_in_the_data_is_in_force_from_1_january_2013(figures: Figures) -> None:
    switzerland = figures.state_party["CHE"]
    assert switzerland.deposit == dt.date(2012, 7, 17)
    assert switzerland.entry_into_force == dt.date(2013, 1, 1)
    # published for Cameroon, in force for it the same day (see below)
    assert switzerland.initial_report_due == dt.date(2013, 6, 30)


# The Cluster Munition Monitor's dates (as of 18 June 2015) for the States Parties whose
# initial Article 7 report was then overdue, and which the data has as Parties. Its date for
# Cape Verde (28 October 2011) is left out: it is that of a ratification in November 2010,
# where the depositary records 19 October 2010.
PUBLISHED_INITIAL_REPORT_DUE = {
    "Niger": dt.date(2011, 1, 28),
    "Fiji": dt.date(2011, 4, 30),
    "Mali": dt.date(2011, 5, 30),
    "Comoros": dt.date(2011, 6, 30),
    "Guinea-Bissau": dt.date(2011, 10, 28),
    "Panama": dt.date(2011, 10, 28),
    "Cook Islands": dt.date(2012, 7, 30),
    "Dominican Republic": dt.date(2012, 11, 28),
    "Honduras": dt.date(2013, 2, 28),
    "Cameroon": dt.date(2013, 6, 30),
    "Nauru": dt.date(2014, 1, 28),
    "Chad": dt.date(2014, 2, 28),
    "Bolivia (Plurinational State of)": dt.date(2014, 3, 30),
}


@pytest.mark.parametrize(("state", "due"), PUBLISHED_INITIAL_REPORT_DUE.items())
def test_initial_report_due_dates_are_the_published_ones(
    figures: Figures, state: str, due: dt.date
) -> None:
    (dates,) = [d for d in figures.state_party.values() if d.name == state]
    assert dates.initial_report_due == due


def test_the_first_states_parties_reported_by_28_january_2011(figures: Figures) -> None:
    albania = figures.state_party["ALB"]
    assert albania.entry_into_force == CCM_IN_FORCE
    assert albania.initial_report_due == dt.date(2011, 1, 28)


def test_swaziland_is_the_63rd_state_party(figures: Figures) -> None:
    swaziland = figures.state_party["SWZ"]
    assert (swaziland.rank, swaziland.rank_last) == (63, 63)
    assert swaziland.instrument == "accession"


def test_the_thirtieth_instrument_was_deposited_on_16_february_2010(figures: Figures) -> None:
    same_day = [d for d in figures.state_party.values() if d.deposit == dt.date(2010, 2, 16)]
    assert len(same_day) == 2  # the data does not hold which came first
    assert {(d.rank, d.rank_last) for d in same_day} == {(29, 30)}
    assert all(d.entry_into_force == CCM_IN_FORCE for d in same_day)


def test_only_states_parties_have_these_dates(figures: Figures) -> None:
    names = {d.name for d in figures.state_party.values()}
    assert names == set(figures.states_parties.states)
    assert "AGO" not in figures.state_party  # Angola: a signatory yet to ratify


def test_the_figures_listing_gives_each_state_partys_dates(figures: Figures) -> None:
    traced = {f.name: f for f in trace(figures)}
    swaziland = traced["state_party.SWZ"]
    assert swaziland.kind == "state_party" and swaziland.value == 63
    assert swaziland.states == ("Swaziland",)
    assert swaziland.definition.startswith(
        "Swaziland, the 63rd State Party: deposited its instrument of accession on 2011-09-13"
    )
    listed = json.loads(as_json(figures))["figures"]
    entry = next(f for f in listed if f["name"] == "state_party.SWZ")
    assert entry["entry_into_force"] == "2012-03-01"  # September 2011 + 6 months
    # the 180th day after 1 March 2012: 30 days left of March, then April to July (30, 31,
    # 30, 31) make 152, and the 28 more end on 28 August
    assert entry["initial_report_due"] == "2012-08-28"


def test_the_listing_and_the_template_key_a_state_party_alike(figures: Figures) -> None:
    listed = {f.name for f in trace(figures) if f.kind == "state_party"}
    assert listed == {f"state_party.{code}" for code in figures.state_party}
    assert figures.state_party["SWZ"].name == "Swaziland"  # the key is the ISO code


def test_the_template_writes_a_rank_as_an_ordinal() -> None:
    formats = Formats("en_GB")
    assert [formats.ordinal(n) for n in (1, 2, 3, 11, 63, 102, 112)] == [
        "1st",
        "2nd",
        "3rd",
        "11th",
        "63rd",
        "102nd",
        "112th",
    ]


def test_a_template_can_print_a_state_partys_rank_and_dates(figures: Figures) -> None:
    template = environment(Formats("en_GB")).from_string(
        'Swaziland became the {{ figures.state_party["SWZ"].rank|ordinal }} State Party; '
        "the Convention entered into force for it on "
        '{{ figures.state_party["SWZ"].entry_into_force|long_date }}.'
    )
    assert template.render(figures=figures) == (
        "Swaziland became the 63rd State Party; the Convention entered into force for it on "
        "1 March 2012."
    )
