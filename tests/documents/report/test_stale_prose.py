"""Fixed prose that printed a computed fact that becomes false (review of issue 19, #6).

"Following the path initiated in 2012" printed the year of the meeting opening the
highlighted period: true in 2013 only. The year is data (events.yaml categories_since);
left out, so is the clause.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from reportgen.app import build
from reportgen.review.rendition import rendition
from tests.conftest import template_of

DAY_AFTER = dt.date(2013, 9, 2)


def _text(data: Path, tmp_path: Path, lang: str) -> str:
    output = tmp_path / f"report.{lang}.docx"
    build(data, template_of(lang), output, lang=lang, today=DAY_AFTER)
    return " ".join(rendition(output).split())


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


OPENING = {
    "en": ("4. Following the path initiated in {y}, we herewith present a summary",
           "4. We herewith present a summary"),
    "fr": ("4. Dans le prolongement de la démarche engagée en {y}, nous présentons ci-après un "
           "résumé", "4. Nous présentons ci-après un résumé"),
    "es": ("4. Siguiendo el camino iniciado en {y}, presentamos a continuación un resumen",
           "4. Presentamos a continuación un resumen"),
}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_path_year_is_data_not_the_highlighted_periods(
    data_copy: Path, tmp_path: Path, lang: str
) -> None:
    events = data_copy / "events.yaml"
    _replace(events, "categories_since: 2012", "categories_since: 2010")
    assert OPENING[lang][0].format(y=2010) in _text(data_copy, tmp_path, lang)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_without_the_year_the_clause_is_left_out(
    data_copy: Path, tmp_path: Path, lang: str
) -> None:
    events = data_copy / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(re.sub(r"\ncategories_since: .*\n", "\n", text), encoding="utf-8")
    assert OPENING[lang][1] in _text(data_copy, tmp_path, lang)
