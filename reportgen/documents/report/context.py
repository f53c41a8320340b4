"""The report's views: what its template is filled with, made from the inputs and figures.

It states no figure of its own: numbers come from `reportgen.figures`, formats from
`reportgen.language`, XML from `reportgen.ooxml`. What it adds is layout: table rows, the
order of names, the line of each initiative, the footnote of each category, the charts of
section I and the document's properties.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from reportgen.documents.report import charts
from reportgen.documents.report.meetings import coordination_view
from reportgen.documents.report.meetings import report_formats as report_formats
from reportgen.documents.report.meetings import view as meeting_view
from reportgen.documents.report.references import own_initiatives, references_view
from reportgen.documents.report.values import variables, whole_period
from reportgen.figures.compute import Figures
from reportgen.inputs.models import PROSE_MARKER, Category, Initiative, Inputs
from reportgen.inputs.narrative import letter_told
from reportgen.language.fluent import Sentences
from reportgen.language.formats import Formats
from reportgen.ooxml import footnotes as ooxml_footnotes
from reportgen.ooxml import text as ooxml_text
from reportgen.templating.charts import ChartView
from reportgen.templating.kind import DocumentKind, Properties, Views


@dataclass(frozen=True)
class StatusRow:
    """A row of the status table: a State that withdrew (or notified its withdrawal) has its
    name followed by the mark of a footnote that gives the withdrawal's days, and the date of
    its latest instrument."""

    name: str | Markup
    signature: dt.date | None
    deposit: dt.date | None


@dataclass(frozen=True)
class CategoryView:
    """A category as the template shows it, with the footnote that lists its members."""

    key: str
    title: str
    heading: str
    summary: str
    description: list[str]
    members: list[str]
    size: int
    footnote: Markup


@dataclass(frozen=True)
class LetterView:
    """The letter of part II, point 3 (`reportgen.inputs.narrative.letter_told`): the
    coordinators whose Permanent Representatives signed it, and the States it approached."""

    signed_by: list[str]
    states_addressed: int


@dataclass(frozen=True)
class StrategyView:
    """The regional strategy and the meeting that adopted it."""

    name: str
    participants: int
    measures: list[str]
    place: str
    dates: str


@dataclass(frozen=True)
class ChartsView:
    """The charts of section I, each filled into the template's chart that names it."""

    states_parties_over_time: ChartView
    new_states_parties_by_region: ChartView


def _context(
    inputs: Inputs, figures: Figures, formats: Formats, say: Sentences, first_note: int
) -> tuple[dict[str, Any], dict[int, str]]:
    """The context of the report's template but its charts, and the text of each footnote
    it refers to, by id (numbered from `first_note`)."""
    frame = inputs.report
    notes: dict[int, str] = {}
    categories = []
    presented = inputs.meeting(frame.presented_to)
    markers = {"this meeting": say.say("this_meeting", {"kind": presented.noun_kind})}
    for offset, category in enumerate(inputs.categories):
        note_id = first_note + offset
        view = _category(category, figures, formats, say, note_id, markers)
        notes[note_id] = _footnote(view)
        categories.append(view)
    status = status_rows(inputs, figures, formats, say, first_note + len(notes), notes)
    new = formats.sorted_names(figures.new_states_parties.states)
    recommendations = inputs.lessons.recommendations
    context = {
        "report": frame,
        "convention": frame.convention,
        "letterhead": letterhead(inputs),
        "meeting": meeting_view(inputs.meeting(frame.presented_to), formats),
        "since": meeting_view(inputs.meeting(frame.counting_since), formats),
        "period_start": meeting_view(inputs.meeting(frame.highlight.after), formats),
        "period_end": meeting_view(inputs.meeting(frame.highlight.before), formats),
        "figures": figures,
        "coordination": coordination_view(figures.coordination, formats),
        "status": status,
        "new_states_parties": _two_columns(
            [formats.names([n]) for n in new],
            set()
            if whole_period(inputs)  # every name would be bold: none is
            else {formats.names([n]) for n in figures.period_states_parties.states},
        ),
        "new_by_region": [
            say.say(
                "region_count",
                {
                    "count": entry.tally.count,
                    "region": entry.region.prose,
                    "label": entry.region.printed,
                },
            )
            for entry in figures.new_states_parties_by_region
            if entry.tally.count
        ],
        "categories": categories,
        "initiatives": _initiative_lines(inputs.events.initiatives, formats, say),
        "demarches": inputs.events.demarches,
        "letter": _letter(inputs),
        "strategy": _strategy(inputs, formats, say),
        "regional_results": inputs.events.regional_results,
        "references": references_view(inputs, formats, say),
        "own_initiatives": own_initiatives(inputs, formats, say),
        "lessons": inputs.lessons,
        "recommendations": [
            text + ("." if index == len(recommendations) - 1 else formats.mark(";"))
            for index, text in enumerate(recommendations)
        ],
        "sentence": say,
    }
    return context, notes


def _letter(inputs: Inputs) -> LetterView | None:
    """The letter the report tells of, from the campaign; None when there is none (its
    paragraph is left out)."""
    told = letter_told(inputs)
    return None if told is None else LetterView(list(told.signed_by), told.count)


def letterhead(inputs: Inputs) -> list[str]:
    """The lines at the top of the first page: the issuer's, else the top-level ones of the
    release before (warned of when loading)."""
    frame = inputs.report
    issuer = next(c for c in frame.coordinators if c.state == frame.issuer)
    return issuer.letterhead or frame.letterhead or []


def _footnote(view: CategoryView) -> str:
    """A category's footnote: its members, as the report's language lists them."""
    return ", ".join(view.members) + "."


def _charts(inputs: Inputs, figures: Figures, formats: Formats, say: Sentences) -> ChartsView:
    """The charts' data: each fills the template's chart whose paragraph holds
    `{{ charts.NAME }}` (`templating.charts.bind`)."""
    return ChartsView(
        states_parties_over_time=ChartView(
            charts.states_parties_over_time(figures.states_parties_over_time, formats, say)
        ),
        new_states_parties_by_region=ChartView(
            charts.new_states_parties_by_region(
                figures.new_states_parties,
                figures.new_states_parties_by_region,
                inputs.meeting(inputs.report.counting_since),
                formats,
                say,
            )
        ),
    )


def status_rows(
    inputs: Inputs,
    figures: Figures,
    formats: Formats,
    say: Sentences,
    next_note: int,
    notes: dict[int, str],
) -> list[StatusRow]:
    """The rows of the status table, in the language's alphabetical order, with each
    State's dates; a State that notified a withdrawal by the as-of day is marked, and its
    footnote (added to `notes`, numbered from `next_note`) says when each took effect."""
    as_of = inputs.report.as_of
    rows = []
    for name in formats.sorted_names(figures.status_table.states):
        state = inputs.state(name)
        joined = [m for m in state.memberships if m.deposit <= as_of]
        printed: str | Markup = formats.names([name])
        clauses = [
            say.say(
                "status_withdrawal",
                {
                    "notified": formats.long_date(m.withdrawal_notified),
                    "effective": formats.long_date(m.withdrawal_effective),
                    "pending": "yes" if m.withdrawal_effective > as_of else "no",
                    "deposit": formats.long_date(m.deposit) if len(joined) > 1 else None,
                    "kind": m.instrument,
                },
            )
            for m in joined
            if m.withdrawal_notified is not None
            and m.withdrawal_effective is not None
            and m.withdrawal_notified <= as_of
        ]
        if clauses:
            notes[next_note] = " ".join(clauses)
            printed = ooxml_footnotes.footnote_reference_after(printed, next_note)
            next_note += 1
        deposit = joined[-1].deposit if joined else None
        rows.append(StatusRow(printed, state.signature, deposit))
    return rows


def _two_columns(names: Sequence[str], bold: set[str]) -> list[list[Markup]]:
    """Names down the first column, then the second, as runs (bold for those in `bold`)."""
    height = max(1, (len(names) + 1) // 2)  # a Word table holds at least one row
    cells = [ooxml_text.runs([ooxml_text.Span(n, bold=n in bold)]) for n in names]
    cells += [Markup("")] * (2 * height - len(cells))
    return [[cells[row], cells[row + height]] for row in range(height)]


def _category(
    category: Category,
    figures: Figures,
    formats: Formats,
    say: Sentences,
    note_id: int,
    markers: Mapping[str, str],
) -> CategoryView:
    members = figures.category_members[category.key]
    return CategoryView(
        key=category.key,
        title=category.title,
        heading=say.say("category_heading", {"title": category.title, "size": members.count}),
        summary=category.summary,
        description=[written_out(paragraph, markers) for paragraph in category.description],
        members=[formats.names([name]) for name in formats.sorted_names(members.states)],
        size=members.count,
        footnote=ooxml_footnotes.footnote_reference(note_id),
    )


def written_out(text: str, markers: Mapping[str, str]) -> str:
    """A category's paragraph with each marker (`{this meeting}`, checked when loading:
    `inputs.models.PROSE_MARKERS`) replaced by what the catalogue writes for it; a marker
    written with a capital (`{This meeting}`) begins its text with one. Plain substitution:
    nothing in the data is read as a template."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        text = markers[name[:1].lower() + name[1:]]
        return text[:1].upper() + text[1:] if name[:1].isupper() else text

    return PROSE_MARKER.sub(one, text)


_EMPHASIS = re.compile(r"\*([^*]+)\*")


def spans(text: str) -> list[ooxml_text.Span]:
    """Text with *asterisks* marking italics (a publication's or organisation's name)."""
    out, last = [], 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > last:
            out.append(ooxml_text.Span(text[last : match.start()]))
        out.append(ooxml_text.Span(match.group(1), italic=True))
        last = match.end()
    if last < len(text):
        out.append(ooxml_text.Span(text[last:]))
    return out


def _initiative_lines(
    initiatives: Sequence[Initiative], formats: Formats, say: Sentences
) -> list[Markup]:
    """Each initiative as its line of the list: its text (with italics), where and when,
    and ";" (or "." after the last)."""
    lines = []
    for index, initiative in enumerate(initiatives):
        dates = formats.date_range(initiative.start, initiative.end) if initiative.start else None
        pieces = say.say_around(
            "initiative_line",
            {"place": _place(initiative, formats, say, in_line=True), "dates": dates},
        )
        pieces[-1] += "." if index == len(initiatives) - 1 else formats.mark(";")
        runs: list[ooxml_text.Span] = []
        for number, piece in enumerate(pieces):
            if number:  # where the message prints $text
                runs += spans(initiative.text)
            if piece or number == len(pieces) - 1:
                runs.append(ooxml_text.Span(piece))
        lines.append(ooxml_text.runs(runs))
    return lines


def _place(
    initiative: Initiative, formats: Formats, say: Sentences, *, in_line: bool = False
) -> str | None:
    """ "Lomé, Togo": the city, and the host State when given (message `place`); None
    when the initiative has no place, or, for its line (`in_line`), when its text names
    the place itself ("Se organizó en Skopje un taller...": Spanish puts it first)."""
    if not initiative.place:
        return None
    if in_line and re.search(rf"(?<!\w){re.escape(initiative.place)}(?!\w)", initiative.text):
        return None
    host = formats.name(initiative.host) if initiative.host else None
    return say.say("place", {"city": initiative.place, "host": host})


def _strategy(inputs: Inputs, formats: Formats, say: Sentences) -> StrategyView:
    strategy = inputs.events.strategy
    meeting = next(i for i in inputs.events.initiatives if i.id == strategy.adopted_at)
    assert meeting.place is not None and meeting.start is not None  # checked when loading
    return StrategyView(
        name=strategy.name,
        participants=strategy.participants,
        measures=strategy.measures,
        place=_place(meeting, formats, say) or "",
        dates=formats.date_range(meeting.start, meeting.end),
    )


def properties(inputs: Inputs, figures: Figures, formats: Formats, say: Sentences) -> Properties:
    """Document properties from the data, fixed so that the same inputs give the same bytes."""
    frame = inputs.report
    return Properties(
        title=f"{frame.title}{formats.mark(':')} {frame.convention.name}",
        subject=say.say(
            "document_subject",
            {"meeting_name": meeting_view(inputs.meeting(frame.presented_to), formats).name},
        ),
        author=formats.names(figures.coordination.authors),
        keywords=say.say("document_keywords"),
        language=str(formats.locale).replace("_", "-"),
        moment=dt.datetime.combine(frame.as_of, dt.time(0, 0)),
    )


class ReportDocument:
    """The report of one build: its inputs and figures, seen as its template's views."""

    def __init__(self, kind: DocumentKind, inputs: Inputs, figures: Figures) -> None:
        self.kind, self.inputs, self.figures = kind, inputs, figures

    @property
    def lang(self) -> str:
        return self.inputs.lang

    @functools.cached_property
    def formats(self) -> Formats:
        return report_formats(self.inputs)

    def values(self, say: Sentences) -> Mapping[str, Any]:
        """The values every message of the report's catalogue is given."""
        return variables(self.inputs, self.figures, self.formats, say)

    def views(self, say: Sentences, first_note: int) -> Views:
        """The context of the report's template, with its charts, and its footnotes."""
        context, notes = _context(self.inputs, self.figures, self.formats, say, first_note)
        context["charts"] = _charts(self.inputs, self.figures, self.formats, say)
        return Views(context, notes)

    def properties(self, say: Sentences) -> Properties:
        """The report's core properties."""
        return properties(self.inputs, self.figures, self.formats, say)
