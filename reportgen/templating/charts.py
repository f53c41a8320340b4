"""Charts as data, and their binding to the template's native Word charts.

A kind of document says what each of its charts plots (`Chart`, `Series`) and puts the
view of each (`ChartView`) under `charts` in its context; a chart's paragraph in the
template names it, `{{ charts.NAME }}`. Binding fills that chart of the template with the
data and an embedded workbook of the same data; its design (type, colours, fonts, axes,
size) stays the template's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportgen.core.memo import Memo
from reportgen.core.problems import InputError, Problem
from reportgen.ooxml import charts as ooxml_charts
from reportgen.ooxml import workbook as ooxml_workbook
from reportgen.ooxml import xml as ooxml_xml

Category = dt.date | str
"""A point's place on the category axis: a day (a date axis) or a name (regions)."""


@dataclass(frozen=True)
class Series:
    """One series: its name, a value per category (None where it has no point), its style.

    `style` picks the series of the template's chart whose look it takes: the n-th
    series there is the design of every series of style n (see `ooxml_charts.fill_chart`).
    `labelled` False leaves out the labels that design gives it, where labels would crowd.
    """

    name: str
    values: tuple[int | None, ...]
    style: int = 0
    labelled: bool = True


@dataclass(frozen=True)
class Chart:
    """What a build puts into a chart of the template, and its alternative text."""

    title: str
    description: str
    category_title: str
    categories: tuple[Category, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True)
class ChartView:
    """A chart of a document: `{{ charts.NAME }}` in a chart's paragraph fills that chart.

    The placeholder prints nothing: the chart beside it is what shows. `.title` and
    `.description` (the chart's alternative text) can be printed anywhere.
    """

    chart: Chart

    @property
    def title(self) -> str:
        return self.chart.title

    @property
    def description(self) -> str:
        return self.chart.description

    def __html__(self) -> str:
        return ""


def bind(docx: Any, view: object, template: str) -> dict[str, tuple[str, str]]:
    """Fill the template's charts that name a chart of `view` (`view.NAME` is a
    `ChartView`); the alternative text (title, description) of each chart filled, by
    relationship id. InputError, about `template`, for a chart that cannot be filled.

    A chart whose paragraph the template no longer holds is dropped after rendering
    (`ooxml_cleaning.drop_unplaced_parts`).
    """
    bound, chartless = ooxml_charts.chart_placeholders(docx)
    for name, text in chartless:  # a template from before native charts, or a chart cut
        shown = " ".join(text.split())
        raise InputError(
            [
                Problem.about(
                    template,
                    "body",
                    f"the paragraph of {{{{ charts.{name} }}}} holds no chart: charts are "
                    "native Word charts that sit in the paragraph of their placeholder. Copy "
                    "the chart and its placeholder from templates/report.docx in place of the "
                    f"paragraph {shown[:100]!r}, or delete that paragraph to leave the chart out",
                )
            ]
        )
    alt_texts = {}
    for rId, name in bound.items():
        chosen = getattr(view, name, None)
        if not isinstance(chosen, ChartView):
            continue  # rendering reports the placeholder that names no chart
        part, workbook = ooxml_charts.chart_parts(docx, rId)
        chart = chosen.chart
        series = tuple(
            ooxml_charts.ChartSeries(s.name, s.values, s.style, s.labelled) for s in chart.series
        )
        data = (chart.category_title, chart.categories, series)  # hashable: all tuples
        design = part.blob
        try:
            filled = _FILLED.get(
                (design, data),
                lambda: ooxml_charts.fill_chart(design, chart.categories, series),  # noqa: B023
            )
        except (ooxml_charts.ChartDesignError, ooxml_xml.MalformedXML) as error:
            where = f"chart {{{{ charts.{name} }}}}"
            raise InputError([Problem.about(template, where, str(error))]) from error
        ooxml_charts.replace_part_blob(part, filled)
        if workbook is not None:
            embedded = _WORKBOOKS.get(
                data,
                lambda: ooxml_workbook.workbook(chart.category_title, chart.categories, series),  # noqa: B023
            )
            ooxml_charts.replace_part_blob(workbook, embedded)
        alt_texts[rId] = (chart.title, chart.description)
    return alt_texts


_ChartData = tuple[str, tuple[Category, ...], tuple[ooxml_charts.ChartSeries, ...]]

_FILLED: Memo[tuple[bytes, _ChartData], bytes] = Memo(16)
"""Chart parts filled in this process, by the template's part and the data put in."""

_WORKBOOKS: Memo[_ChartData, bytes] = Memo(16)
"""Embedded workbooks written in this process, by their data."""
