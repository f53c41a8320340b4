"""The benchmark's synthetic data (benchmarks/synthetic.py): valid, and as large as promised."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import reportgen
from benchmarks.bench import DATA, TEMPLATE, DepositEditor, _reflected_gray
from benchmarks.synthetic import generate
from reportgen.figures.compute import compute
from reportgen.inputs.load import load_inputs


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("synthetic"))


def test_synthetic_data_passes_check_without_errors(synthetic: Path) -> None:
    errors = [str(p) for p in reportgen.check(synthetic, TEMPLATE) if p.severity == "error"]
    assert errors == []


def test_synthetic_data_has_every_state_that_can_join(synthetic: Path) -> None:
    states = load_inputs(synthetic).states
    assert len(states) == 197
    assert len({s.iso3 for s in states}) == 197
    assert {"VAT", "PSE", "COK", "NIU"} <= {s.iso3 for s in states}


def test_synthetic_data_has_thirty_years_of_meetings(synthetic: Path) -> None:
    years = [m.start.year for m in load_inputs(synthetic).report.meetings]
    assert len(years) == len(set(years)) == 30
    assert max(years) - min(years) == 29


def test_synthetic_data_has_twenty_categories_and_two_hundred_events(synthetic: Path) -> None:
    inputs = load_inputs(synthetic)
    assert len(inputs.categories) == 20
    assert all(category.members for category in inputs.categories)
    assert len(inputs.events.initiatives) == 200


def test_the_same_seed_writes_the_same_bytes(synthetic: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again")
    for written in sorted(synthetic.glob("*.yaml")):
        assert (again / written.name).read_bytes() == written.read_bytes(), written.name


def test_the_gray_code_steps_one_digit_by_one_through_every_vector() -> None:
    codes = _reflected_gray(3, 4)
    assert len(set(codes)) == len(codes) == 3**4
    assert codes[0] == (0, 0, 0, 0)
    for before, after in itertools.pairwise(codes):
        assert sorted(abs(a - b) for a, b in zip(before, after, strict=True)) == [0, 0, 0, 1]


def test_each_edit_changes_one_ratification_line_and_what_both_charts_plot(
    tmp_path: Path,
) -> None:
    editor = DepositEditor(DATA, tmp_path / "edited", 6, tmp_path / "report.docx")
    for _ in range(6):
        before = editor.path.read_text(encoding="utf-8").splitlines()
        editor.edit()
        after = editor.path.read_text(encoding="utf-8").splitlines()
        changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
        assert len(changed) == 1
        assert changed[0][0].strip().startswith("ratification: ")
        assert changed[0][1].strip().startswith("ratification: ")
        editor.check(compute(load_inputs(editor.data)))  # raises if a chart plots old values
    with pytest.raises(RuntimeError, match="plots what an earlier build plotted"):
        editor.check(compute(load_inputs(editor.data)))
