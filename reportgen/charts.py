"""The charts of section I, drawn from figures: PNG bytes, and the words that state them.

Drawing code only: every value plotted is a figure of `reportgen.figures`, and each chart's
description (its alternative text) is written from the same values, so that the image and
its words cannot disagree. Nothing here knows Word.

The same figures give the same PNG bytes:
- matplotlib's Agg canvas is used directly (no pyplot, no display, no global figure state);
- every style setting starts from matplotlib's built-in defaults, so a user's matplotlibrc
  or an earlier `rcParams` change cannot reach the drawing;
- all text is set in the DejaVu Sans file that ships inside matplotlib, named by path, so
  the font cache and the fonts installed on the machine are never consulted;
- size and resolution are fixed, and the PNG carries no text chunk (no "Software" version)
  and no time.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.style
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from reportgen.figures import RegionTally, Tally, Timeline
from reportgen.formatting import Formats
from reportgen.models import Meeting

DPI = 200
"""Pixels per inch: sharp in print at the text width, and a small image part."""

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
"""The one font of the charts, by file: matplotlib's own copy of DejaVu Sans."""

TEXT_WIDTH_CM = 16.0
"""The text width of an A4 page with 2.5 cm margins, the width charts are drawn at."""

INK = "#1F3A5F"  # a dark navy for the data
MUTED = "#595959"  # dark grey for axes, labels and the meetings
RULE = "#D9D9D9"  # the light grey of the status table's header, for grid lines
_CM = 1 / 2.54

# Applied on top of matplotlib's defaults (never the user's): the look of every chart.
_STYLE: dict[str, Any] = {
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.facecolor": "white",
    "axes.edgecolor": MUTED,
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "xtick.major.size": 3,
    "ytick.major.size": 0,
    "text.usetex": False,
}


@dataclass(frozen=True)
class Chart:
    """A chart as PNG bytes, its size on the page, and its alternative text."""

    png: bytes
    width_cm: float
    height_cm: float
    title: str
    description: str


def states_parties_over_time(
    timeline: Timeline, formats: Formats, width_cm: float = TEXT_WIDTH_CM
) -> Chart:
    """Chart (a): States Parties as a step line since the opening for signature, meetings marked."""
    height_cm = width_cm * 0.5
    days = [timeline.start, timeline.end] + [m.meeting.end for m in timeline.meetings]
    first, last = min(days), max(days)

    def x(day: dt.date) -> int:  # days on the axis, counted from its first date
        return (day - first).days

    left, right = 1.6, 0.9  # cm: the axis labels, and the last meeting's name
    with _figure(width_cm, height_cm, left=left, right=right, top=0.8, bottom=0.8) as (figure, ax):
        xs = [x(step.day) for step in timeline.steps] + [x(timeline.end)]
        ys = [step.count for step in timeline.steps] + [timeline.last.count]
        ax.fill_between(xs, ys, step="post", color=INK, alpha=0.08, linewidth=0)
        ax.step(xs, ys, where="post", color=INK, linewidth=1.6)
        top = _round_up(timeline.last.count * 1.15, 10)  # room for the labels
        ax.set_ylim(0, top)
        ax.set_xlim(x(first) - 45, x(last) + 45)
        every = 1 + (last.year - first.year) // 12  # at most a dozen years labelled
        new_years = [dt.date(y, 1, 1) for y in range(first.year + 1, last.year + 1, every)]
        ax.set_xticks(
            [x(day) for day in new_years],
            [formats.year(day) for day in new_years],
            **_text(9, MUTED),
        )
        ticks = range(0, top + 1, 10 if top <= 100 else _round_up(top / 8, 10))
        ax.set_yticks(list(ticks), [formats.number(t) for t in ticks], **_text(9, MUTED))
        ax.grid(axis="y", color=RULE, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_ylabel("States Parties", labelpad=8, **_text(9, MUTED))
        closes = sorted(x(mark.meeting.end) for mark in timeline.meetings)
        cm_per_day = (width_cm - left - right) / (x(last) - x(first) + 90)
        crowded = any((b - a) * cm_per_day < 1.8 for a, b in itertools.pairwise(closes))
        for mark in timeline.meetings:
            at = x(mark.meeting.end)
            ax.axvline(at, color=MUTED, linewidth=0.7, linestyle=(0, (3, 3)), zorder=1)
            if crowded:  # too close for names side by side: each along its line, at the foot
                ax.annotate(
                    mark.meeting.short_name,
                    (at, 0),
                    xytext=(-2, 3),
                    textcoords="offset points",
                    rotation=90,
                    ha="right",
                    va="bottom",
                    **_text(8, MUTED),
                )
            else:
                ax.text(
                    at, top, mark.meeting.short_name, ha="center", va="bottom", **_text(9, MUTED)
                )
            if mark.states_parties is not None:
                _point(ax, at, mark.states_parties.count, formats)
        _point(ax, x(timeline.end), timeline.last.count, formats)
        png = _png(figure)
    return Chart(
        png=png,
        width_cm=width_cm,
        height_cm=height_cm,
        title="States Parties over time",
        description=describe_states_parties_over_time(timeline, formats),
    )


def describe_states_parties_over_time(timeline: Timeline, formats: Formats) -> str:
    """The alternative text of chart (a): its first and last counts, and each meeting's."""
    first, last = timeline.first, timeline.last
    marks = []
    for mark in timeline.meetings:
        meeting = mark.meeting
        where = f"the {meeting.short_name} ({meeting.city})"
        if mark.states_parties is None:  # after the as-of date: no count yet
            marks.append(f"{where}, opening on {formats.long_date(meeting.start)}")
        else:
            marks.append(
                f"{where}, closing on {formats.long_date(meeting.end)} with "
                f"{formats.number(mark.states_parties.count)} States Parties"
            )
    opened = f"{formats.long_date(first.day)}, the day the Convention opened for signature"
    if last.count > first.count:  # a count of deposits never falls
        described = (
            f"Step line chart: the number of States Parties rose from "
            f"{formats.number(first.count)} on {opened}, to {formats.number(last.count)} on "
            f"{formats.long_date(timeline.end)}."
        )
    else:
        described = (
            f"Step line chart: the number of States Parties stayed at "
            f"{formats.number(last.count)} from {opened}, to {formats.long_date(timeline.end)}."
        )
    if marks:
        described += " Meetings marked: " + "; ".join(marks) + "."
    return described


def new_states_parties_by_region(
    new: Tally,
    by_region: Sequence[RegionTally],
    since: Meeting,
    formats: Formats,
    width_cm: float = TEXT_WIDTH_CM,
) -> Chart:
    """Chart (b): the new States Parties since a meeting, as one horizontal bar per region."""
    height_cm = 1.2 + 0.75 * len(by_region)
    with _figure(width_cm, height_cm, left=2.4, right=1.2, top=0.3, bottom=0.3) as (figure, ax):
        rows = range(len(by_region))
        counts = [entry.tally.count for entry in by_region]
        ax.barh(list(rows), counts, height=0.56, color=INK)
        ax.set_yticks(list(rows), [e.region.name for e in by_region], **_text(9, MUTED))
        ax.invert_yaxis()  # the regions read down in the order of report.yaml
        ax.set_xlim(0, max([*counts, 1]) * 1.06)
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        for row, count in zip(rows, counts, strict=True):
            ax.annotate(
                formats.number(count),
                (count, row),
                xytext=(4, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                **_text(9, INK),
            )
        png = _png(figure)
    return Chart(
        png=png,
        width_cm=width_cm,
        height_cm=height_cm,
        title="New States Parties by region",
        description=describe_new_states_parties_by_region(new, by_region, since, formats),
    )


def describe_new_states_parties_by_region(
    new: Tally, by_region: Sequence[RegionTally], since: Meeting, formats: Formats
) -> str:
    """The alternative text of chart (b): the total and the count of every region."""
    regions = formats.names(f"{e.region.prose} {formats.number(e.tally.count)}" for e in by_region)
    return (
        f"Bar chart: the {formats.number(new.count)} new States Parties since the "
        f"{since.short_name} closed on {formats.long_date(since.end)}, by region: {regions}."
    )


# --- Drawing --------------------------------------------------------------------------------


def _text(size: float, color: str) -> dict[str, Any]:
    """Text properties: the bundled font by path, and data shown literally (no $math$)."""
    return {
        "fontproperties": FontProperties(fname=FONT, size=size),
        "color": color,
        "parse_math": False,
    }


@contextmanager
def _figure(
    width_cm: float, height_cm: float, *, left: float, right: float, top: float, bottom: float
) -> Iterator[tuple[Figure, Axes]]:
    """A figure of a fixed size with one axes, margins in cm, in the charts' style."""
    with matplotlib.style.context(["default", _STYLE]):
        figure = Figure(figsize=(width_cm * _CM, height_cm * _CM), dpi=DPI)
        FigureCanvasAgg(figure)
        ax = figure.add_axes(
            (
                left / width_cm,
                bottom / height_cm,
                1 - (left + right) / width_cm,
                1 - (top + bottom) / height_cm,
            )
        )
        yield figure, ax


def _point(ax: Axes, x: float, count: int, formats: Formats) -> None:
    """A dot on the line, labelled with its count above and to the left."""
    ax.plot([x], [count], marker="o", markersize=3.5, color=INK, zorder=3)
    ax.annotate(
        formats.number(count),
        (x, count),
        xytext=(-4, 5),
        textcoords="offset points",
        ha="right",
        va="bottom",
        **_text(9, INK),
    )


def _png(figure: Figure) -> bytes:
    """The figure as PNG bytes without text chunks: no software version, no time."""
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def _round_up(value: float, step: int) -> int:
    """`value` rounded up to a multiple of `step` (an axis end)."""
    return int(math.ceil(value / step) * step)
