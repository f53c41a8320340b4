"""The frame of the report in report.yaml: `frame: letterhead` (the national letterhead of the
seed, the default) or `frame: working-paper` with a `working_paper:` block, the report as a
UN working paper of the Convention (docs/frame.md).

The models check each value on its own (a symbol of the Convention's form, an agenda item's
number); `frame_findings` checks what relates them to the rest of report.yaml (the agenda,
the meeting's year).

`inputs.models` names `FrameName` and `WorkingPaper` in `ReportFrame`'s fields and imports this
module at its end, once the types used here are defined; this module then completes
`ReportFrame` (and `Inputs`, which holds it) with them, at its own end. Whichever of the two
modules is imported first, both are complete once either is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field, StrictBool

from reportgen.inputs import models
from reportgen.inputs.models import Date, Model, Prose, Text

if TYPE_CHECKING:
    from reportgen.inputs.models import ReportFrame
    from reportgen.inputs.withdrawals import Finding

FrameName = Literal["letterhead", "working-paper"]
"""How the report is framed: the national letterhead, or a UN working paper."""

_SYMBOL = re.compile(
    r"CCM/(MSP|CONF)/([0-9]{4})/WP\.([1-9][0-9]{0,2})((?:/(?:Rev|Add|Corr|Amend)\.[1-9][0-9]?)*)"
)
"""A working paper's symbol: CCM/MSP/<year>/WP.<n> (a Meeting of States Parties) or
CCM/CONF/<year>/WP.<n> (a Review Conference), perhaps revised (/Rev.1), added to (/Add.1),
corrected (/Corr.1) or amended (/Amend.1), as CCM/MSP/2011/WP.3/Rev.1/Amend.1."""


def _symbol(value: str) -> str:
    if not _SYMBOL.fullmatch(value):
        raise ValueError(
            f"{value!r} is not the symbol of a working paper of the Convention: write "
            "CCM/MSP/<year>/WP.<n> for a Meeting of States Parties or CCM/CONF/<year>/WP.<n> "
            "for a Review Conference (CCM/MSP/2013/WP.2), with /Rev.<n> for a revision"
        )
    return value


def symbol_year(symbol: str) -> int:
    """The year a (valid) symbol names: 2013 in CCM/MSP/2013/WP.2."""
    match = _SYMBOL.fullmatch(symbol)
    assert match is not None  # checked when loading
    return int(match.group(2))


_ITEM = re.compile(r"([1-9][0-9]{0,2})(?:\s?\(([a-z])\))?")
"""An agenda item's number: 10, or a sub-item 10(a) / 10 (a)."""


def _item_number(value: str) -> str:
    if not _ITEM.fullmatch(value.strip()):
        raise ValueError(
            f"{value!r} is not the number of an agenda item: write it as the agenda does, "
            "10 or 10(a)"
        )
    return value.strip()


def item_parts(number: str) -> tuple[str, str | None]:
    """An item's number and its sub-item's letter: ("10", "a") for 10(a) or 10 (a)."""
    match = _ITEM.fullmatch(number)
    assert match is not None  # checked when loading
    return match.group(1), match.group(2)


ItemNumber = Annotated[str, AfterValidator(_item_number)]


class AgendaItem(Model):
    """An item of the meeting's agenda."""

    number: ItemNumber = Field(
        coerce_numbers_to_str=True,  # `number: 10`, which YAML reads as a number
        description="Its number, as the agenda gives it: 10, or 10(a).",
    )
    title: Prose = Field(description="Its title, as the agenda gives it.")


class WorkingPaperItem(Model):
    """The agenda item the working paper is submitted under."""

    number: ItemNumber = Field(
        coerce_numbers_to_str=True,  # `number: 10`, which YAML reads as a number
        description="Its number, as the agenda gives it: 10, or 10(a).",
    )
    title: Prose | None = Field(
        default=None,
        description="Its title; leave it out when `agenda` is given (its title is taken there).",
    )


class WorkingPaper(Model):
    """The first page of the report as a UN working paper (`frame: working-paper`)."""

    symbol: Annotated[Text, AfterValidator(_symbol)] = Field(
        description=(
            "The document symbol the Secretariat gave: CCM/MSP/<year>/WP.<n> for a Meeting of "
            "States Parties, CCM/CONF/<year>/WP.<n> for a Review Conference."
        )
    )
    distribution: Literal["general", "limited", "restricted"] = Field(
        default="general", description='"Distr.: General" (the default), Limited or Restricted.'
    )
    date: Date = Field(description="The working paper's date, printed under its symbol.")
    original: Literal["en", "fr", "es", "ar", "ru", "zh"] = Field(
        default="en",
        description=(
            'The language the report was written in ("Original: English"): en, fr, es, ar, '
            "ru or zh; every language's rendition names it in its own words."
        ),
    )
    meeting: Prose | None = Field(
        default=None,
        description=(
            "The meeting's name as the first page prints it (Fourth Meeting of States "
            "Parties); by default the name of the meeting of `presented_to`."
        ),
    )
    title: Prose | None = Field(
        default=None,
        description="The working paper's title; by default the report's `title`.",
    )
    submitted_by: Prose | None = Field(
        default=None,
        description=(
            'Who submits the paper, as "Submitted by ..." names them (the Coordinators on '
            "Universalization (Ghana and Portugal)); by default the coordinators who author "
            "the report, by their names."
        ),
    )
    provisional: StrictBool = Field(
        default=True,
        description='"Item 10 of the provisional agenda"; false once the agenda is adopted.',
    )
    agenda_item: WorkingPaperItem = Field(
        description="The agenda item the paper is submitted under: its number (and title)."
    )
    agenda: list[AgendaItem] | None = Field(
        default=None,
        description=(
            "The meeting's agenda, item by item; when given, `agenda_item` must be one of "
            "its items, and takes its title from it."
        ),
    )

    def item_title(self) -> str | None:
        """The title of the paper's agenda item: its own, else the agenda's."""
        if self.agenda_item.title is not None:
            return self.agenda_item.title
        wanted = item_parts(self.agenda_item.number)
        for item in self.agenda or ():
            if item_parts(item.number) == wanted:
                return item.title
        return None


def frame_findings(report: ReportFrame) -> Iterator[Finding]:
    """What the frame's fields say wrong with the rest of report.yaml: a working paper
    without its block, an agenda item that is not on the agenda given, an item without a
    title, a symbol of another year than the meeting's."""
    from reportgen.inputs.withdrawals import Finding

    paper = report.working_paper
    if paper is None:
        if report.frame == "working-paper":
            yield Finding(
                "report",
                ("frame",),
                "working-paper needs a `working_paper:` block: its symbol, date and agenda "
                "item (docs/frame.md)",
            )
        return
    if report.frame != "working-paper":
        yield Finding(
            "report",
            ("working_paper",),
            "is not used: the report is framed by its letterhead; write "
            "`frame: working-paper` to build it as a working paper",
            "warning",
        )
    at = ("working_paper",)
    seen: dict[tuple[str, str | None], int] = {}
    for index, item in enumerate(paper.agenda or ()):
        key = item_parts(item.number)
        if key in seen:
            yield Finding(
                "report",
                (*at, "agenda", index, "number"),
                f"item {item.number} is listed twice (agenda[{seen[key]}] has it)",
            )
        seen.setdefault(key, index)
    number = paper.agenda_item.number
    if paper.agenda is not None and item_parts(number) not in seen:
        listed = ", ".join(item.number for item in paper.agenda)
        yield Finding(
            "report",
            (*at, "agenda_item", "number"),
            f"item {number} is not on the agenda given (its items: {listed})",
        )
    elif paper.item_title() is None:
        yield Finding(
            "report",
            (*at, "agenda_item"),
            "has no title: give `title:` under agenda_item, or the meeting's `agenda:`",
        )
    meeting = next((m for m in report.meetings if m.key == report.presented_to), None)
    if meeting is not None:
        yield from _symbol_findings(paper.symbol, meeting)


_SYMBOL_BODY = {
    "msp": ("MSP", "Meeting of States Parties"),
    "review_conference": ("CONF", "Review Conference"),
}
"""The body a working paper's symbol names, by the kind of meeting it is submitted to: CCM/MSP
for a Meeting of States Parties, CCM/CONF for a Review Conference (an extraordinary meeting's
papers are not checked: none was found to say which it takes)."""


def _symbol_findings(symbol: str, meeting: models.Meeting) -> Iterator[Finding]:
    """A symbol of another kind of meeting, or of a year the meeting was not held in (any of
    its parts' years: the Second Review Conference's papers are CCM/CONF/2020 and 2021)."""
    from reportgen.inputs.withdrawals import Finding

    match = _SYMBOL.fullmatch(symbol)
    assert match is not None  # checked when loading
    at = ("working_paper", "symbol")
    expected = _SYMBOL_BODY.get(meeting.kind) if meeting.kind is not None else None
    if expected is not None and match.group(1) != expected[0]:
        yield Finding(
            "report",
            at,
            f"names CCM/{match.group(1)}, but the {meeting.key} of presented_to is a "
            f"{expected[1]}: a working paper submitted to it is CCM/{expected[0]}/<year>/WP.<n>",
            "warning",
        )
    year = int(match.group(2))
    years = sorted({y for part in meeting.held for y in (part.start.year, part.end.year)})
    if year not in years:
        held = " and ".join(str(y) for y in years)
        yield Finding(
            "report",
            at,
            f"names {year}, but the {meeting.key} of presented_to is held in {held}: a "
            "working paper's symbol names the year of its meeting",
            "warning",
        )


models.ReportFrame.model_rebuild(
    _types_namespace={"FrameName": FrameName, "WorkingPaper": WorkingPaper}
)
models.Inputs.model_rebuild()
