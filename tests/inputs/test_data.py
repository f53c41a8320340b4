"""The 4th MSP data agrees with the seed report: one record per State, its dates, one name each."""

from __future__ import annotations

from reportgen.inputs.models import Inputs
from tests.seed import SeedReport


def test_states_yaml_agrees_row_by_row_with_the_seed_table(
    inputs: Inputs, seed: SeedReport
) -> None:
    dated = {s.name: s for s in inputs.states if s.signature or s.deposit}
    seed_names = [r.data_name for r in seed.rows]
    assert sorted(dated) == sorted(seed_names)
    assert len(seed.rows) == 112
    for row, name in zip(seed.rows, seed_names, strict=True):
        state = dated[name]
        assert (state.signature, state.deposit) == (row.signature, row.deposit), name


def test_states_that_never_signed_acceded(inputs: Inputs, seed: SeedReport) -> None:
    for row in seed.rows:
        state = inputs.state(row.data_name)
        if row.deposit and not row.signature:
            assert state.instrument == "accession", row.name
        elif row.deposit:
            assert state.instrument == "ratification", row.name


def test_categories_hold_the_seed_footnote_lists(inputs: Inputs, seed: SeedReport) -> None:
    for category, number in zip(inputs.categories, (1, 2, 3), strict=True):
        expected = set(seed.footnote_states(number))
        assert set(category.members) == expected, category.key


def test_every_state_has_one_name_code_and_region(inputs: Inputs) -> None:
    names = [s.name for s in inputs.states]
    codes = [s.iso3 for s in inputs.states]
    assert len(names) == len(set(names))
    assert len(codes) == len(set(codes))
    regions = {r.name for r in inputs.report.regions}
    assert {s.region for s in inputs.states} <= regions
    assert {"Africa", "Americas", "Asia", "Europe", "Pacific"} == regions


def test_seed_regions_iraq_in_asia_australia_and_nauru_in_the_pacific(inputs: Inputs) -> None:
    assert inputs.state("Iraq").region == "Asia"
    assert inputs.state("Australia").region == "Pacific"
    assert inputs.state("Nauru").region == "Pacific"
