"""Golden text renditions: every change to the report or the template shows in review.

`make golden` rewrites them after a change made on purpose; a failure prints the diff.
They are the 4th MSP report: built from the frozen copy of its data and templates
(tests/fixtures/4msp/), so that a user preparing next year's report in data/ does not fail them.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from reportgen.app import build
from reportgen.review.rendition import rendition
from tests.conftest import DATA, TEMPLATE, template_of

GOLDEN = Path(__file__).parents[2] / "golden"


def _compare(actual: str, golden: Path, update: bool) -> None:
    if update:
        golden.write_text(actual, encoding="utf-8")
        return
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"{golden.relative_to(golden.parent.parent.parent)} (golden)",
                tofile="generated",
            )
        )
        pytest.fail(
            f"the rendition differs from its golden file; if on purpose, run make golden\n{diff}",
            pytrace=False,
        )


def test_report_matches_its_golden_rendition(report: Path, request: pytest.FixtureRequest) -> None:
    _compare(rendition(report), GOLDEN / "report.txt", request.config.getoption("--update-golden"))


def test_template_matches_its_golden_rendition(request: pytest.FixtureRequest) -> None:
    _compare(
        rendition(TEMPLATE), GOLDEN / "template.txt", request.config.getoption("--update-golden")
    )


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_each_language_matches_its_golden_renditions(
    lang: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    update = request.config.getoption("--update-golden")
    template = template_of(lang)
    output = tmp_path / f"report.{lang}.docx"
    build(DATA, template, output, lang=lang)
    _compare(rendition(output), GOLDEN / f"report.{lang}.txt", update)
    _compare(rendition(template), GOLDEN / f"template.{lang}.txt", update)
