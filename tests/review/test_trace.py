"""`reportgen figures`: every figure, and it agrees with what the report prints.

The statements below are the report's own sentences, filled from the JSON listing: a
figure that the listing and the report disagree on fails here, wherever it was computed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reportgen.core.problems import InputError
from reportgen.figures.compute import Figures
from reportgen.inputs.models import Inputs
from reportgen.language.formats import Formats
from reportgen.review.rendition import rendition
from reportgen.review.trace import as_json, as_table, figures_of, trace

# Figures the listing gives that the report's text does not print, and why.
NOT_IN_THE_TEXT = {
    "ratifications": "a total the report does not state",
    "accessions": "a total the report does not state",
    "successions": "a total the report does not state",
    "states_parties_over_time": "drawn in the chart of States Parties over time",
    "state_party": "each State Party's own dates, for a template that prints them",
    "withdrawals": "none in 2013; tests/documents/report/test_withdrawal.py checks them",
    "withdrawals_since_meeting": "none in 2013; tests/documents/report/test_withdrawal.py",
    "withdrawals_pending": "none in 2013; tests/documents/report/test_withdrawal.py",
    "rejoined_since_meeting": "none in 2013; tests/documents/report/test_withdrawal.py",
}

Statements = Callable[[dict[str, Any]], list[str]]


def _statements(inputs: Inputs, listing: dict[str, dict[str, Any]]) -> dict[str, Statements]:
    """For each figure printed in the text, the sentences that print it, from its listing."""
    formats = Formats(inputs.report.locale)
    words, names, pct = formats.words, formats.names, formats.percent
    frame = inputs.report
    period_start = inputs.meeting(frame.highlight.after)
    signatories = listing["signatories"]["value"]
    states_parties = listing["states_parties"]["value"]
    regions = {r.name: r.prose for r in frame.regions}

    def capital(number: int) -> str:
        return words(number).capitalize()

    statements: dict[str, Statements] = {
        "signatories": lambda f: [
            f"of the {f['value']} signatory States",
            f"| **Total** | **{f['value']}** | **{states_parties}** |",
        ],
        "states_parties": lambda f: [
            f"to {f['value']}, an increase",
            f"of all {f['value']} States Parties",
            f"| **Total** | **{signatories}** | **{f['value']}** |",
        ],
        "signatories_yet_to_ratify": lambda f: [
            f"{words(f['value'])} ({f['value']}) of the {signatories} signatory States"
        ],
        "signatories_yet_to_ratify_share": lambda f: [
            f"that is {pct(f['value'])}, have yet to ratify"
        ],
        "signatories_yet_to_ratify_at_period_start": lambda f: [
            f"has come down from {words(f['value'])} ({f['value']})"
        ],
        "states_parties_at_since_meeting": lambda f: [
            f"from {f['value']} to {states_parties}, an increase"
        ],
        "new_states_parties": lambda f: [
            f"the following {words(f['value'])} ({f['value']}) States have ratified or acceded"
        ],
        "new_states_parties_share": lambda f: [f"they make up {pct(f['value'], 1)} of all"],
        "growth_since_meeting": lambda f: [f"an increase of {pct(f['value'], 1)};"],
        "new_accessions": lambda f: [
            f"{capital(f['value'])} of the abovementioned States acceded to the Convention "
            f"({names(formats.sorted_names(f['states']))})"
        ],
        "period_states_parties": lambda f: [f"{capital(f['value'])} of them (identified in bold)"],
        "period_ratifications": lambda f: [
            f"{capital(f['value'])} {formats.plural(f['value'], 'State has', 'States have')} "
            f"ratified the Convention since the {period_start.short_name} ({names(f['states'])})"
        ],
        "period_accessions": lambda f: [
            f"{words(f['value'])} {formats.plural(f['value'], 'has', 'have')} acceded to it "
            f"({names(f['states'])})"
        ],
        # named by "the other(s) ratified it", without a number
        "new_ratifications": lambda f: (
            [f"; the {'other' if f['value'] == 1 else 'others'} ratified it"] if f["value"] else []
        ),
        # successions are named only when there are any (none in the 4th MSP's data)
        "new_successions": lambda f: (
            [f"{words(f['value'])} succeeded to it ({names(formats.sorted_names(f['states']))})"]
            if f["value"]
            else []
        ),
        "period_successions": lambda f: (
            [
                f"{words(f['value'])} {formats.plural(f['value'], 'has', 'have')} succeeded to it "
                f"({names(f['states'])})"
            ]
            if f["value"]
            else []
        ),
        "status_table": lambda f: [f"| {name} | " for name in f["states"]],
        "categories": lambda f: [f"into {words(f['value'])} groups"],
        "lines_of_action": lambda f: [f"when {words(f['value'])} different lines of action"],
        "coordination.years": lambda f: [
            f"For the past {words(f['value'])} years",
            f"during the last {words(f['value'])} years",
        ],
        "coordination.intersessional_periods": lambda f: [
            f"in the {words(f['value'])} intersessional periods"
        ],
    }
    for region, prose in regions.items():
        statements[f"new_states_parties_by_region.{region}"] = _in_region(prose)
    for number, category in enumerate(inputs.categories, start=1):
        statements[f"category_members.{category.key}"] = _in_category(category.title, number)
    return statements


def _in_region(prose: str) -> Statements:
    def statements(figure: dict[str, Any]) -> list[str]:
        # a region without new States Parties is left out of the list
        return [f"- {figure['value']} from {prose}"] if figure["value"] else []

    return statements


def _in_category(title: str, note: int) -> Statements:
    """The heading with its footnote mark, the overview sentence, and the footnote."""

    def statements(figure: dict[str, Any]) -> list[str]:
        return [
            f"{title}: {figure['value']} States[^{note}]",
            f"{title}, comprising {figure['value']} countries",
            f"[^{note}]: {', '.join(figure['states'])}.",
        ]

    return statements


@pytest.fixture(scope="module")
def listing(figures: Figures) -> dict[str, Any]:
    return dict(json.loads(as_json(figures)))


def test_every_figure_the_report_prints_is_listed_as_the_report_prints_it(
    listing: dict[str, Any], inputs: Inputs, report: Path
) -> None:
    text = " ".join(rendition(report).split())
    by_name = {figure["name"]: figure for figure in listing["figures"]}
    statements = _statements(inputs, by_name)
    for name, figure in by_name.items():
        if name.split(".")[0] in NOT_IN_THE_TEXT:
            assert name not in statements
            continue
        assert name in statements, f"{name}: say where the report prints it, or why not"
        for sentence in statements[name](figure):
            assert sentence in text, f"{name} = {figure['value']}: {sentence!r} not in the report"
    assert set(statements) <= set(by_name), "every figure the report prints is listed"


def _rows(text: str, cells: int) -> list[list[str]]:
    """The rows of `cells` cells of the rendition's tables (not the charts' data below `![`)."""
    rows, in_chart = [], False
    for line in text.splitlines():
        in_chart = line.startswith("![") or (in_chart and line.startswith("| "))
        if not in_chart and line.startswith("| ") and line.count(" | ") == cells - 1:
            rows.append([cell.strip() for cell in line[2:-2].split(" | ")])
    return rows


def test_the_states_listed_are_those_the_report_names(
    listing: dict[str, Any], report: Path
) -> None:
    text = rendition(report)
    by_name = {figure["name"]: figure for figure in listing["figures"]}
    # the status table: a row per signatory or State Party, dated 03.12.2008
    date = re.compile(r"^\d\d\.\d\d\.\d{4}$")
    status = [row for row in _rows(text, 3) if any(date.match(cell) for cell in row[1:])]
    assert {row[0] for row in status if row[1]} == set(by_name["signatories"]["states"])
    assert {row[0] for row in status if row[2]} == set(by_name["states_parties"]["states"])
    # the two columns of new States Parties, those of the highlighted period in bold
    cells = [cell for row in _rows(text, 2) for cell in row if cell]
    assert {c.strip("*") for c in cells} == set(by_name["new_states_parties"]["states"])
    bold = {c.strip("*") for c in cells if c.startswith("**")}
    assert bold == set(by_name["period_states_parties"]["states"])


def test_the_json_is_stable_and_machine_readable(figures: Figures) -> None:
    first = as_json(figures)
    assert first == as_json(figures)
    document = json.loads(first)
    assert first == json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert document["as_of"] == figures.as_of.isoformat()
    names = [figure["name"] for figure in document["figures"]]
    assert len(names) == len(set(names))
    assert names[: len(figures.named())] == list(figures.named())
    for figure in document["figures"]:
        assert figure["kind"] in {"count", "share", "number", "state_party"}
        assert isinstance(figure["definition"], str) and figure["definition"]
        assert isinstance(figure["states"], list)
        if figure["kind"] == "count":
            assert figure["value"] == len(figure["states"])
        if figure["kind"] == "share":
            assert figure["value"] == pytest.approx(figure["part"] / figure["whole"])
        else:
            assert "part" not in figure and "whole" not in figure


def test_the_table_shows_every_figure_with_its_definition_and_whole_state_names(
    figures: Figures,
) -> None:
    table = as_table(figures, width=72)
    assert max(len(line) for line in table.splitlines()) <= 72
    blocks = {block.split()[0]: block.splitlines() for block in table.split("\n\n")[1:] if block}
    traced = trace(figures)
    assert list(blocks) == [figure.name for figure in traced]
    for figure in traced:
        heading, *rest = blocks[figure.name]
        shown = heading.split(maxsplit=1)[1]
        if figure.kind == "share":
            assert shown == f"{figure.value:.1%} ({figure.part} of {figure.whole})"
        else:
            assert shown == str(figure.value)
        text = " ".join(" ".join(rest).split())
        assert text.startswith(" ".join(figure.definition.split()))
        if not figure.states:
            assert "States: " not in text
            continue
        start = next(i for i, line in enumerate(rest) if line.startswith("    States: "))
        lines = [line.strip().removeprefix("States: ") for line in rest[start:]]
        # the States in the figure's order, and a line breaks between names, never inside one
        pieces = [p.strip() for line in lines for p in line.split(",") if p.strip()]
        assert pieces == list(figure.states)


def test_plain_numbers_say_what_they_count(figures: Figures) -> None:
    by_name = {figure.name: figure for figure in trace(figures)}
    years = by_name["coordination.years"]
    coordination = figures.coordination
    assert years.value == coordination.years
    assert coordination.appointed_at.name in years.definition
    assert coordination.meetings_served[-1].name in years.definition
    assert by_name["categories"].value == len(figures.category_members)
    assert by_name["lines_of_action"].value == figures.lines_of_action


def test_figures_of_bad_data_is_an_input_error(data_copy: Path) -> None:
    states = data_copy / "states.yaml"
    states.write_text(
        states.read_text(encoding="utf-8").replace(
            "signature: 2008-12-03", "signature: 2008-13-03", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError):
        figures_of(data_copy)
