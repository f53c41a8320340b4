"""The report as a UN working paper (`frame: working-paper` in report.yaml): what its first
page says, in the report's language, from the `working_paper:` block and the report's data.

The words are the UN's fixed formulas of a working paper's first page ("Distr.: General",
« Original : anglais », "Tema 10 del programa provisional"): messages of the template's
catalogue (`paper_distribution`, `paper_original`, `paper_item`, `paper_submitted_by`), so
that a translator edits them with the rest. The layout is `reportgen.ooxml.frame`'s; the
report itself (its views, values, properties) is `ReportDocument`'s, unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from reportgen.figures.compute import Figures
from reportgen.inputs.frame import WorkingPaper, item_parts
from reportgen.inputs.models import Inputs, Meeting
from reportgen.language.default import MEETING_NAMES
from reportgen.language.fluent import Sentences
from reportgen.language.formats import Formats
from reportgen.ooxml.frame import WorkingPaperPage
from reportgen.templating.kind import Document, DocumentKind, Properties, Views


def item_number(number: str, lang: str) -> str:
    """An agenda item's number as the language writes it: 10 (a) in English, 10 a) in
    French and Spanish."""
    item, letter = item_parts(number)
    if letter is None:
        return item
    return f"{item} ({letter})" if lang == "en" else f"{item} {letter})"


def meeting_dates(start: dt.date, end: dt.date, lang: str, formats: Formats) -> str:
    """A meeting's days as a working paper's first page gives them, without a preposition:
    10\u201313 September 2013; French 10-13 septembre 2013; Spanish 10 a 13 de septiembre de
    2013."""
    if lang == "en":
        return formats.date_range(start, end)
    last = formats.long_date(end)
    if start == end:
        return last
    first = formats.long_date(start)
    if start.year == end.year:  # the year once, at the end
        first = first.removesuffix(f" de {start.year}" if lang == "es" else f" {start.year}")
        if start.month == end.month:
            first = first.split("\u00a0")[0].split(" ")[0]  # the day alone (1er in French)
    return f"{first} a {last}" if lang == "es" else f"{first}-{last}"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


_UNITS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
)  # fmt: skip
_CARDINALS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def english_ordinal(number: int) -> str | None:
    """An English ordinal in words, capitalised as the first word of a meeting's name on a UN
    first page: "Eleventh", "Twenty-first"; None from 100 (the figures are kept then).

    Here rather than in `language/`: only the working paper's first page spells the English
    ordinal of a Meeting of States Parties (the report's text writes "11th")."""
    if not 1 <= number <= 99:
        return None
    if number < 20:
        return _UNITS[number - 1].capitalize()
    tens, unit = divmod(number, 10)
    if unit == 0:
        return _TENS[tens - 2].removesuffix("y").capitalize() + "ieth"
    return f"{_TENS[tens - 2].capitalize()}-{_UNITS[unit - 1]}"


def first_page_meeting(meeting: Meeting, lang: str, formats: Formats) -> str:
    """The meeting's name as a UN first page prints it, in the report's language, its ordinal
    spelled: "Eleventh Meeting of States Parties", « Onzième Assemblée des États parties »,
    "Undécima Reunión de los Estados Partes" (the language's `meeting_name`, capitalised; in
    English the ordinal in words up to the 99th). A meeting without kind and number: its
    typed name."""
    if meeting.kind is None or meeting.number is None:
        return _capitalised(meeting.name)
    spelled = english_ordinal(meeting.number) if lang == "en" else None
    if spelled is not None:
        return MEETING_NAMES[meeting.kind][0].format(spelled)
    return _capitalised(formats.language.meeting_name(meeting.kind, meeting.number))


def place_and_dates(meeting: Meeting, lang: str, formats: Formats, say: Sentences) -> str:
    """Where and when the meeting is held, part by part: "Lusaka, 10\u201313 September 2013";
    "Online, 25\u201327 November 2020, and Geneva, 20\u201321 September 2021" (a part online is
    the catalogue's `meeting_online`, capitalised)."""
    said = [
        f"{_capitalised(part.city or say.say('meeting_online'))}, "
        f"{meeting_dates(part.start, part.end, lang, formats)}"
        for part in meeting.held
    ]
    if len(said) == 1:
        return said[0]
    # the parts' own commas call for one before the last "and": joined as two items
    return formats.language.join([", ".join(said[:-1]) + ",", said[-1]])


def working_paper_page(
    inputs: Inputs, figures: Figures, formats: Formats, paper: WorkingPaper, say: Sentences
) -> WorkingPaperPage:
    """The first page of the report as a working paper, in the report's language: its
    fixed words are the catalogue's."""
    frame = inputs.report
    meeting = inputs.meeting(frame.presented_to)
    item_title = paper.item_title()
    assert item_title is not None  # checked when loading (inputs.frame.frame_findings)
    return WorkingPaperPage(
        body=frame.convention.name,
        symbol=paper.symbol,
        distribution=say.say("paper_distribution", {"distribution": paper.distribution}),
        date=formats.long_date(paper.date),
        original=say.say("paper_original", {"language": paper.original}),
        meeting=(
            _capitalised(paper.meeting)
            if paper.meeting
            else first_page_meeting(meeting, inputs.lang, formats)
        ),
        place_and_dates=place_and_dates(meeting, inputs.lang, formats, say),
        item=say.say(
            "paper_item",
            {
                "number": item_number(paper.agenda_item.number, inputs.lang),
                "provisional": "yes" if paper.provisional else "no",
            },
        ),
        item_title=item_title,
        title=paper.title or frame.title,
        submitted_by=say.say(
            "paper_submitted_by",
            {"authors": paper.submitted_by or formats.names(figures.coordination.authors, "the")},
        ),
    )


class WorkingPaperDocument:
    """The report of one build as a working paper: the report's own views, with the first
    page of a working paper (`Views.frame`)."""

    def __init__(
        self, report: Document, inputs: Inputs, figures: Figures, paper: WorkingPaper
    ) -> None:
        self.report, self.inputs, self.figures, self.paper = report, inputs, figures, paper

    @property
    def kind(self) -> DocumentKind:
        return self.report.kind

    @property
    def lang(self) -> str:
        return self.report.lang

    @property
    def formats(self) -> Formats:
        return self.report.formats

    def values(self, say: Sentences) -> Mapping[str, Any]:
        return self.report.values(say)

    def views(self, say: Sentences, first_note: int) -> Views:
        """The report's views, and the working paper's first page."""
        page = working_paper_page(self.inputs, self.figures, self.formats, self.paper, say)
        return dataclasses.replace(self.report.views(say, first_note), frame=page)

    def properties(self, say: Sentences) -> Properties:
        return self.report.properties(say)


def framed(report: Document, inputs: Inputs, figures: Figures) -> Document:
    """The report in the frame report.yaml chooses: itself (the letterhead, the default),
    or as a working paper."""
    paper = inputs.report.working_paper
    if inputs.report.frame != "working-paper" or paper is None:
        return report
    return WorkingPaperDocument(report, inputs, figures, paper)
