"""The charts of section I as data: the series each chart plots, and the words that state them.

A chart of the report is a native Word chart designed in the template (its type, fonts,
colours, axes and size). What a build gives it comes from here: the categories, the
series and their values, and the chart's alternative text, all from the same figures of
`reportgen.figures`, so that the chart, its embedded workbook and its words cannot
disagree. Nothing here knows Word (`reportgen.templating.charts` binds each chart to the
template's, `reportgen.ooxml` writes the XML) and nothing here draws: no plotting library
is imported by a build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportgen.documents.report.meetings import names, place
from reportgen.figures.compute import RegionTally, Tally, Timeline
from reportgen.inputs.models import Meeting
from reportgen.language.fluent import Sentences
from reportgen.language.formats import Formats
from reportgen.templating.charts import Chart, Series

STEP_LINE, MEETING, LATEST = 0, 1, 2
"""The styles of chart (a): the step line, a meeting's mark, the count on the as-of day."""

LABEL_ROOM = 1 / 9
"""The share of the timeline's span between two labelled marks: about the width of a
meeting's name at the text width, so that names do not run into each other."""


def _label(text: str) -> str:
    """A name as a chart's label: with a capital ("Deuxième Assemblée", "2nd MSP")."""
    return text[:1].upper() + text[1:]


def states_parties_over_time(timeline: Timeline, formats: Formats, say: Sentences) -> Chart:
    """Chart (a): States Parties as a step line since the opening for signature, meetings marked.

    A line chart joins its points with straight lines; a step is two points on the same
    day, the count before the deposits of that day and the count after. Each meeting closed
    by the as-of day is a series of its own (named as the report names it, so that its
    label is its name), with one point: the States Parties at its close.
    """
    rows: list[tuple[dt.date, int]] = []  # (day, count), in the order the line is drawn
    for step in timeline.steps:
        if rows:
            rows.append((step.day, rows[-1][1]))
        rows.append((step.day, step.count))
    closes = {
        mark.meeting.end: mark.states_parties.count
        for mark in timeline.meetings
        if mark.states_parties is not None and timeline.start <= mark.meeting.end
    }
    stepped = {day for day, _ in rows}
    rows += [(day, count) for day, count in closes.items() if day not in stepped]
    if rows[-1][0] != timeline.end:
        rows.append((timeline.end, timeline.last.count))
    rows.sort(key=lambda row: row[0])  # stable: a step's two points keep their order
    days = tuple(day for day, _ in rows)
    last_rows = {day: i for i, day in enumerate(days)}  # a day's last row: after its step
    series = [Series(say.say("chart_time_series"), tuple(count for _, count in rows), STEP_LINE)]
    labelled = _room_for_labels(sorted(closes), timeline.start, timeline.end)
    for mark in timeline.meetings:
        if mark.states_parties is None or mark.meeting.end not in closes:
            continue  # after the as-of day: no count to mark yet
        last_row = last_rows[mark.meeting.end]
        series.append(
            Series(
                _label(names(mark.meeting, formats)[1]),
                _only(len(days), last_row, rows[last_row][1]),
                MEETING,
                labelled=mark.meeting.end in labelled,
            )
        )
    series.append(
        Series(
            formats.long_date(timeline.end),
            _only(len(days), len(days) - 1, timeline.last.count),
            LATEST,
        )
    )
    return Chart(
        title=say.say("chart_time_title"),
        description=describe_states_parties_over_time(timeline, formats, say),
        category_title=say.say("chart_time_category"),
        categories=days,
        series=tuple(series),
    )


def _room_for_labels(closes: list[dt.date], start: dt.date, end: dt.date) -> set[dt.date]:
    """The meeting closes to label: from the latest back, each one far enough from the
    last labelled mark (the as-of count first) for its name to fit beside it."""
    room = (end - start).days * LABEL_ROOM
    labelled, last = set(), end
    for day in reversed(closes):
        if (last - day).days >= room:
            labelled.add(day)
            last = day
    return labelled


def _only(length: int, index: int, value: int) -> tuple[int | None, ...]:
    """A series with one point, at `index`."""
    return (None,) * index + (value,) + (None,) * (length - index - 1)


def describe_states_parties_over_time(timeline: Timeline, formats: Formats, say: Sentences) -> str:
    """The alternative text of chart (a): its first and last counts, and each meeting's."""
    first, last = timeline.first, timeline.last
    marks = []
    for mark in timeline.meetings:
        meeting = mark.meeting
        where = {"meeting": names(meeting, formats)[1], "city": place(meeting, say)}
        if mark.states_parties is None:  # after the as-of date: no count yet
            day = formats.long_date(meeting.start)
            marks.append(say.say("chart_meeting_opening", {**where, "day": day}))
        else:
            count = mark.states_parties.count
            day = formats.long_date(meeting.end)
            marks.append(say.say("chart_meeting_closed", {**where, "day": day, "count": count}))
    values = {
        "first": first.count,
        "last": last.count,
        "opened": say.say("chart_time_opened", {"day": formats.long_date(first.day)}),
        "end": formats.long_date(timeline.end),
        "marks": f"{formats.mark(';')} ".join(marks) or None,
    }
    if last.count > first.count:  # a count of deposits never falls
        return say.say("chart_time_rose", values)
    del values["first"]
    return say.say("chart_time_stayed", values)


def new_states_parties_by_region(
    new: Tally, by_region: Sequence[RegionTally], since: Meeting, formats: Formats, say: Sentences
) -> Chart:
    """Chart (b): the new States Parties since a meeting, one bar per region."""
    return Chart(
        title=say.say("chart_region_title"),
        description=describe_new_states_parties_by_region(new, by_region, since, formats, say),
        category_title=say.say("chart_region_category"),
        categories=tuple(entry.region.printed for entry in by_region),
        series=(
            Series(
                say.say("chart_region_series", {"meeting": names(since, formats)[1]}),
                tuple(entry.tally.count for entry in by_region),
            ),
        ),
    )


def describe_new_states_parties_by_region(
    new: Tally, by_region: Sequence[RegionTally], since: Meeting, formats: Formats, say: Sentences
) -> str:
    """The alternative text of chart (b): the total and the count of every region."""
    regions = formats.names(
        say.say("chart_region_entry", {"region": e.region.prose, "count": e.tally.count})
        for e in by_region
        if e.tally.count  # a region with no new State Party has no bar to describe
    )
    values = {
        "new": new.count,
        "meeting": names(since, formats)[1],
        "day": formats.long_date(since.end),
        "regions": regions,
    }
    return say.say("chart_region_text", values)
