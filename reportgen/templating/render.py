"""Render stage: inputs and figures -> the report as .docx bytes, through the Word template.

This stage knows Word and the template. It states no figure of its own: numbers come from
`reportgen.figures`, formats from `reportgen.formatting`, XML from `reportgen.ooxml`. What it
adds is layout: table rows, the order of names, the line of each initiative, and the
footnote of each category.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import Any, ClassVar, TypeVar

import jinja2
from docxtpl import DocxTemplate
from markupsafe import Markup

from reportgen.core.limits import from_environment
from reportgen.core.problems import InputError, Problem
from reportgen.documents.report import charts
from reportgen.figures.compute import Figures
from reportgen.inputs.models import Category, Initiative, Inputs
from reportgen.language.fluent import (
    SentenceError,
    Sentences,
    catalogue_for,
    read_catalogue,
    variables,
)
from reportgen.language.formats import Formats
from reportgen.language.naming import Naming
from reportgen.ooxml import charts as ooxml_charts
from reportgen.ooxml import cleaning as ooxml_cleaning
from reportgen.ooxml import footnotes as ooxml_footnotes
from reportgen.ooxml import text as ooxml_text
from reportgen.ooxml import workbook as ooxml_workbook
from reportgen.ooxml import writer as ooxml_writer
from reportgen.ooxml import xml as ooxml_xml
from reportgen.ooxml.package import open_docx, without_advice
from reportgen.templating import cache, sandbox
from reportgen.templating import check as templates
from reportgen.templating.sandbox import BoundedSandbox


class _Template(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, made safe for data and quick to render again.

    Safe: docxtpl renders the footnotes part once per section, so with two sections a data
    value such as "{{ 7*7 }}" would be evaluated on the second pass: here each part is
    rendered once. It also renders core properties as templates (escaping them twice): the
    render stage sets them itself instead. The rendered body is parsed strictly.

    Quick: the template's rewrite into Jinja source is kept, and the passes that would
    change nothing (listing characters, table grids) are skipped.
    """

    def render_footnotes(
        self, context: dict[str, Any], jinja_env: jinja2.Environment | None = None
    ) -> None:
        for part, xml in ooxml_footnotes.footnotes_xml(self.docx):
            xml = self.patch_xml(xml)
            rendered = self.render_xml_part(xml, part, context, jinja_env)
            ooxml_xml.check_well_formed(rendered)
            ooxml_footnotes.replace_footnotes_xml(part, rendered)

    def render_properties(
        self, context: dict[str, Any], jinja_env: jinja2.Environment | None = None
    ) -> None:
        return None

    def render_xml_part(
        self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None
    ) -> str:
        try:
            return str(super().render_xml_part(src_xml, part, context, jinja_env))
        except (jinja2.TemplateError, ooxml_text.UnprintableValue) as error:
            raise TemplateProblem(str(getattr(part, "partname", "")), error) from error
        except Exception as error:
            # An expression of the template that fails ({{ n // 0 }}, text + number) is the
            # template's mistake, not reportgen's: its traceback passes through the template.
            if templates.raised_by_template(error):
                raise TemplateProblem(str(getattr(part, "partname", "")), error) from error
            raise

    def fix_tables(self, xml: str) -> Any:
        # docxtpl parses the rendered body in recover mode, which would hide a corruption:
        # it is parsed strictly here (from bytes: lxml reads UTF-8 twice as fast as a str).
        # docxtpl's own pass, a second parse, is needed only when a grid must change.
        data = xml.encode("utf-8")
        body = ooxml_xml.parse_strictly(data)
        return body if ooxml_text.tables_fit_their_grids(body) else super().fix_tables(data)

    _patched: ClassVar[dict[str, str]] = {}

    def patch_xml(self, src_xml: str) -> str:
        """docxtpl's rewrite of a part into Jinja source, kept for the next render.

        The rewrite (a few dozen regular expressions over the whole part) depends on the
        part's XML alone, and the template's parts are the same from one build to the next.
        """
        return _kept(
            self._patched,
            src_xml,
            lambda: cache.text(
                "jinja", src_xml, lambda: str(super(_Template, self).patch_xml(src_xml))
            ),
        )

    def resolve_listing(self, xml: str) -> str:
        # docxtpl turns tabs, line feeds, \a and \f inside <w:t> into Word's elements, one
        # regular expression per paragraph and run. Values from data never hold them raw
        # (ooxml_text.text_markup writes character references), so usually there is nothing to do.
        if ooxml_text.has_listing_characters(xml):
            return str(super().resolve_listing(xml))
        return xml


_K = TypeVar("_K")
_V = TypeVar("_V")


def _kept(store: dict[_K, _V], key: _K, make: Callable[[], _V], limit: int = 64) -> _V:
    """`store[key]`, made by `make()` the first time: work a later render in this process
    can reuse. The store is emptied when it holds `limit` values (the default: a handful of
    templates, each of a few parts), so that a long process does not grow without end."""
    value = store.get(key)
    if value is None:
        if len(store) >= limit:
            store.clear()
        value = store[key] = make()
    return value


class ChartProblem(Exception):
    """A chart of the template that cannot be filled: where it is, and why."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where, self.message = where, message


class TemplateProblem(Exception):
    """A tag of the template that cannot be filled, raised while rendering the part
    `part_name` (/word/document.xml); `template.runtime_problem` locates it."""

    def __init__(self, part_name: str, error: BaseException) -> None:
        super().__init__(f"{part_name}: {error}")
        self.part_name, self.error = part_name, error


@dataclass(frozen=True)
class StatusRow:
    """A row of the status table."""

    name: str
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
class StrategyView:
    """The regional strategy and the meeting that adopted it."""

    name: str
    participants: int
    measures: list[str]
    place: str
    dates: str


@dataclass(frozen=True)
class ChartView:
    """A chart of the report: `{{ charts.NAME }}` in a chart's paragraph fills that chart.

    The placeholder prints nothing: the chart beside it is what shows. `.title` and
    `.description` (the chart's alternative text) can be printed anywhere.
    """

    chart: charts.Chart

    @property
    def title(self) -> str:
        return self.chart.title

    @property
    def description(self) -> str:
        return self.chart.description

    def __html__(self) -> str:
        return ""


@dataclass(frozen=True)
class ChartsView:
    """The charts of section I, each filled into the template's chart that names it."""

    states_parties_over_time: ChartView
    new_states_parties_by_region: ChartView


class _Environment(BoundedSandbox):
    """The sandbox, keeping each part's compiled code by its source.

    docxtpl hands Jinja every part of the template as a new source on every render, and
    compiling them is a sixth of a warm render and more of a cold one. The code depends
    only on the source and on this class's settings (`_settings`), so a second render of
    the same template reuses it, and so does the next process (`reportgen.cache`).
    """

    _compiled: ClassVar[dict[str, CodeType]] = {}

    def _settings(self) -> list[str]:
        """What compiled code depends on besides its source: the names of the filters and
        tests (an unknown one is an error when compiling) and the environment's options."""
        return [
            type(self).__name__,
            sandbox.SOURCE_DIGEST,  # the hooks its parse adds to every loop and concatenation
            repr((self.autoescape, self.finalize is not None, self.keep_trailing_newline)),
            self.undefined.__name__,
            ",".join(sorted(self.filters)),
            ",".join(sorted(self.tests)),
        ]

    def from_string(
        self,
        source: str | jinja2.nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[jinja2.Template] | None = None,
    ) -> jinja2.Template:
        if not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        code = _kept(
            self._compiled,
            source,
            lambda: cache.code(source, lambda: self.compile(source), self._settings()),
        )
        cls = template_class or self.template_class
        return cls.from_code(self, code, self.make_globals(globals), None)


def _finalize(value: object) -> object:
    """Every printed value as Word text; an undefined one is left for Jinja to report."""
    return value if isinstance(value, jinja2.Undefined) else ooxml_text.text_markup(value)


def environment(formats: Formats) -> jinja2.Environment:
    """The Jinja environment templates are rendered in: sandboxed, escaping, strict."""
    env = _Environment(
        from_environment(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    env.bound_filters(formats.filters())
    return env


def render(inputs: Inputs, figures: Figures, template: Path) -> bytes:
    """The report as .docx bytes: the same inputs and template give the same bytes."""
    # Only the parts the template's relationships reach, within reportgen.limits.
    package = open_docx(template).sanitised()
    try:
        document = _Template(io.BytesIO(package))
        docx = document.get_docx()
    except (SyntaxError, KeyError) as error:  # lxml's XMLSyntaxError; a part named but absent
        reason = f"a Word document whose parts cannot be read ({without_advice(str(error))})"
        raise InputError([Problem.about(str(template), "template", f"is {reason}")]) from None
    ooxml_cleaning.drop_comments(docx)  # never circulated; `reportgen build` lists them as warnings
    ooxml_cleaning.stop_tracking_changes(docx)
    formats = report_formats(inputs)
    say = Sentences(
        read_catalogue(catalogue_for(template, inputs.lang), str(formats.locale)), formats
    )
    jinja_env = environment(formats)
    try:
        say.given(variables(inputs, figures, formats, say))
        context, notes = _context(
            inputs, figures, formats, say, ooxml_footnotes.next_footnote_id(docx)
        )
        context["charts"], alt_texts = _charts(docx, inputs, figures, formats, say)
        document.render(context, jinja_env=jinja_env)
    except SentenceError as error:
        raise InputError([error.problem]) from error
    except ChartProblem as problem:
        problems = [Problem.about(str(template), problem.where, problem.message)]
        raise InputError(problems) from problem
    except TemplateProblem as problem:
        if isinstance(problem.error, SentenceError):  # the catalogue's problem, at its line
            raise InputError([problem.error.problem]) from problem
        raise InputError(
            [
                templates.runtime_problem(
                    template.read_bytes(),
                    str(template),
                    problem.part_name,
                    lambda source: jinja_env.from_string(source).render(context),
                    problem.error,
                    formats.filters(),
                )
            ]
        ) from problem
    except ooxml_xml.MalformedXML as error:
        raise InputError(
            [
                Problem.about(
                    str(template),
                    "template",
                    f"{error}; reportgen check --template {template} shows the tags to mend",
                )
            ]
        ) from error
    ooxml_cleaning.pair_bookmarks(docx)
    ooxml_cleaning.drop_unplaced_parts(docx)
    ooxml_charts.describe_charts(docx, alt_texts)
    ooxml_footnotes.add_footnotes(docx, notes)
    _set_properties(docx, inputs, figures, formats, say)
    return ooxml_writer.package_bytes(docx)


def report_formats(inputs: Inputs) -> Formats:
    """The formats of a report in its language: report.yaml's locale when it is of that
    language (en_GB), else the language's own (fr, es); States named in that language."""
    locale = inputs.report.locale
    if locale.split("_")[0].split("-")[0] != inputs.lang:
        locale = inputs.lang
    return Formats(locale, Naming(inputs, inputs.lang, inputs.report.as_of))


def _context(
    inputs: Inputs, figures: Figures, formats: Formats, say: Sentences, first_note: int
) -> tuple[dict[str, Any], dict[int, str]]:
    frame = inputs.report
    notes: dict[int, str] = {}
    categories = []
    for offset, category in enumerate(inputs.categories):
        note_id = first_note + offset
        view = _category(category, figures, formats, say, note_id)
        notes[note_id] = _footnote(view)
        categories.append(view)
    new = formats.sorted_names(figures.new_states_parties.states)
    recommendations = inputs.lessons.recommendations
    context = {
        "report": frame,
        "convention": frame.convention,
        "meeting": inputs.meeting(frame.presented_to),
        "since": inputs.meeting(frame.counting_since),
        "period_start": inputs.meeting(frame.highlight.after),
        "period_end": inputs.meeting(frame.highlight.before),
        "figures": figures,
        "coordination": figures.coordination,
        "status": _status_rows(inputs, figures, formats),
        "new_states_parties": _two_columns(
            [formats.names([n]) for n in new],
            {formats.names([n]) for n in figures.period_states_parties.states},
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
        "letter": inputs.events.letter,
        "strategy": _strategy(inputs, formats, say),
        "regional_results": inputs.events.regional_results,
        "lessons": inputs.lessons,
        "recommendations": [
            text + ("." if index == len(recommendations) - 1 else formats.mark(";"))
            for index, text in enumerate(recommendations)
        ],
        "sentence": say,
    }
    return context, notes


def _footnote(view: CategoryView) -> str:
    """A category's footnote: its members, as the report's language lists them."""
    return ", ".join(view.members) + "."


def _charts(
    docx: Any, inputs: Inputs, figures: Figures, formats: Formats, say: Sentences
) -> tuple[ChartsView, dict[str, tuple[str, str]]]:
    """The charts' data, filled into the template's charts that name them; and the
    alternative text (title, description) of each chart filled, by relationship id.

    Each chart of the template whose paragraph holds `{{ charts.NAME }}` gets the series
    of that chart and an embedded workbook of the same data; its design (type, colours,
    fonts, axes, size) stays the template's. A chart whose paragraph the template no
    longer holds is dropped after rendering (`ooxml_cleaning.drop_unplaced_parts`).
    """
    view = ChartsView(
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
    bound, chartless = ooxml_charts.chart_placeholders(docx)
    for name, text in chartless:  # a template from before native charts, or a chart cut
        shown = " ".join(text.split())
        raise ChartProblem(
            "body",
            f"the paragraph of {{{{ charts.{name} }}}} holds no chart: charts are native "
            "Word charts that sit in the paragraph of their placeholder. Copy the chart "
            "and its placeholder from templates/report.docx in place of the paragraph "
            f"{shown[:100]!r}, or delete that paragraph to leave the chart out",
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
            filled = _kept(
                _FILLED,
                (design, data),
                lambda: ooxml_charts.fill_chart(design, chart.categories, series),  # noqa: B023
                limit=16,
            )
        except (ooxml_charts.ChartDesignError, ooxml_xml.MalformedXML) as error:
            raise ChartProblem(f"chart {{{{ charts.{name} }}}}", str(error)) from error
        ooxml_charts.replace_part_blob(part, filled)
        if workbook is not None:
            embedded = _kept(
                _WORKBOOKS,
                data,
                lambda: ooxml_workbook.workbook(chart.category_title, chart.categories, series),  # noqa: B023
                limit=16,
            )
            ooxml_charts.replace_part_blob(workbook, embedded)
        alt_texts[rId] = (chart.title, chart.description)
    return view, alt_texts


_ChartData = tuple[str, tuple[charts.Category, ...], tuple[ooxml_charts.ChartSeries, ...]]

_FILLED: dict[tuple[bytes, _ChartData], bytes] = {}
"""Chart parts filled in this process, by the template's part and the data put in."""

_WORKBOOKS: dict[_ChartData, bytes] = {}
"""Embedded workbooks written in this process, by their data."""


def _status_rows(inputs: Inputs, figures: Figures, formats: Formats) -> list[StatusRow]:
    """The rows of the status table, in the language's alphabetical order, with each
    State's dates."""
    states = [inputs.state(name) for name in formats.sorted_names(figures.status_table.states)]
    return [StatusRow(formats.names([s.name]), s.signature, s.deposit) for s in states]


def _two_columns(names: Sequence[str], bold: set[str]) -> list[list[Markup]]:
    """Names down the first column, then the second, as runs (bold for those in `bold`)."""
    height = max(1, (len(names) + 1) // 2)  # a Word table holds at least one row
    cells = [ooxml_text.runs([ooxml_text.Span(n, bold=n in bold)]) for n in names]
    cells += [Markup("")] * (2 * height - len(cells))
    return [[cells[row], cells[row + height]] for row in range(height)]


def _category(
    category: Category, figures: Figures, formats: Formats, say: Sentences, note_id: int
) -> CategoryView:
    members = figures.category_members[category.key]
    return CategoryView(
        key=category.key,
        title=category.title,
        heading=say.say("category_heading", {"title": category.title, "size": members.count}),
        summary=category.summary,
        description=category.description,
        members=[formats.names([name]) for name in formats.sorted_names(members.states)],
        size=members.count,
        footnote=ooxml_footnotes.footnote_reference(note_id),
    )


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
        before, after = say.say_around(
            "initiative_line",
            {"place": _place(initiative, formats, say), "dates": dates or "none"},
        )
        after += "." if index == len(initiatives) - 1 else formats.mark(";")
        runs = [ooxml_text.Span(before)] if before else []
        lines.append(ooxml_text.runs([*runs, *spans(initiative.text), ooxml_text.Span(after)]))
    return lines


def _place(initiative: Initiative, formats: Formats, say: Sentences) -> str:
    """ "Lomé, Togo": the city, and the host State when given (message `place`)."""
    if not initiative.place:
        return "none"
    host = formats.name(initiative.host) if initiative.host else "none"
    return say.say("place", {"city": initiative.place, "host": host})


def _strategy(inputs: Inputs, formats: Formats, say: Sentences) -> StrategyView:
    strategy = inputs.events.strategy
    meeting = next(i for i in inputs.events.initiatives if i.id == strategy.adopted_at)
    assert meeting.place is not None and meeting.start is not None  # checked when loading
    return StrategyView(
        name=strategy.name,
        participants=strategy.participants,
        measures=strategy.measures,
        place=_place(meeting, formats, say),
        dates=formats.date_range(meeting.start, meeting.end),
    )


def _set_properties(
    docx: Any, inputs: Inputs, figures: Figures, formats: Formats, say: Sentences
) -> None:
    """Document properties from the data, fixed so that the same inputs give the same bytes."""
    frame = inputs.report
    properties = docx.core_properties
    moment = dt.datetime.combine(frame.as_of, dt.time(0, 0))
    properties.title = f"{frame.title}{formats.mark(':')} {frame.convention.name}"
    properties.subject = say.say(
        "document_subject", {"meeting_name": inputs.meeting(frame.presented_to).name}
    )
    properties.author = formats.names(figures.coordination.authors)
    properties.last_modified_by = "reportgen"
    properties.keywords = say.say("document_keywords")
    properties.comments = ""
    properties.category = ""
    properties.content_status = ""
    properties.identifier = ""
    properties.language = str(formats.locale).replace("_", "-")
    properties.version = ""
    properties.revision = 1
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment
