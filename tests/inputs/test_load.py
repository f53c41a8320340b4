"""Bad input: one located line per problem, all of them at once, in the data's own terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.core.problems import InputError
from reportgen.inputs.load import load_inputs


def _problems(data: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_inputs(data)
    return [str(p) for p in caught.value.problems]


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_the_4msp_data_loads_without_problems(data_copy: Path) -> None:
    load_inputs(data_copy)


def test_every_problem_is_reported_at_once_with_its_line(data_copy: Path) -> None:
    states = data_copy / "states.yaml"
    text = states.read_text(encoding="utf-8")
    text = text.replace("  ratification: 2012-07-03", "  ratification: 2010-02-30")  # Hungary
    text = text.replace(
        "  region: Pacific\n  signature: 2008-12-03\n  ratification: 2012-10-08",
        "  region: Oceania\n  signature: 2008-12-03\n  ratification: 2012-10-08",
    )  # Australia
    states.write_text(text, encoding="utf-8")
    problems = _problems(data_copy)
    assert len(problems) == 2, problems
    hungary_line = _line_of(states, "2010-02-30")
    assert problems[0].startswith(f"{states}:{_line_of(states, 'Oceania')}:")
    assert "region: 'Oceania' is not a region of report.yaml" in problems[0]
    assert problems[1].startswith(f"{states}:{hungary_line}:")
    assert "(Hungary).ratification: '2010-02-30' is not a day of the calendar" in problems[1]


def test_a_repeated_key_is_an_error(data_copy: Path) -> None:
    report = data_copy / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "as_of: 2013-09-02\n", encoding="utf-8")
    (problem,) = _problems(data_copy)
    assert f"report.yaml:{_line_of(report, '2013-09-02')}:1: as_of: appears twice" in problem


def test_an_unknown_state_in_a_category_suggests_the_right_name(data_copy: Path) -> None:
    categories = data_copy / "categories.yaml"
    categories.write_text(
        categories.read_text(encoding="utf-8").replace("- Nigeria", "- Nigéria"), encoding="utf-8"
    )
    (problem,) = _problems(data_copy)
    assert problem.startswith(f"{categories}:{_line_of(categories, 'Nigéria')}:")
    where = "categories[0] (I).members[12]"
    message = "'Nigéria' is not a State of states.yaml; did you mean 'Nigeria'?"
    assert f"{where}: {message}" in problem
