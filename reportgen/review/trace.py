"""Every figure the report prints: its name, value, definition, and the States it counts.

A delegation checks a report by tracing each number to its sources. `trace` lists the
figures of the compute stage (`reportgen.figures`) in a fixed order: the tallies and shares
of `Figures.named()`, then the plain numbers (categories, lines of action, years of
coordination). `as_json` and `as_table` write that list for programs and for people.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reportgen.figures.compute import (
    INITIAL_REPORT_DAYS,
    Figures,
    Share,
    StatePartyDates,
    Tally,
    Withdrawal,
    compute,
)
from reportgen.inputs.load import load
from reportgen.language.formats import Formats

Kind = Literal["count", "share", "number", "state_party", "withdrawal"]
_NO_BREAK = "\u00a0"
_LISTING = Formats("en")


@dataclass(frozen=True)
class TracedFigure:
    """One figure of the report, with where it comes from."""

    name: str
    kind: Kind
    value: int | float
    definition: str
    states: tuple[str, ...] = ()
    part: int | None = None
    whole: int | None = None
    dates: tuple[tuple[str, str | int], ...] = ()
    """A State Party's own dates (deposit, entry_into_force, initial_report_due)."""

    def as_dict(self) -> dict[str, object]:
        """The figure as JSON-ready values; `part` and `whole` only for a share, the dates
        only for a State Party."""
        out: dict[str, object] = {
            "name": self.name,
            "kind": self.kind,
            "value": self.value,
            "definition": self.definition,
            "states": list(self.states),
        }
        if self.kind == "share":
            out["part"], out["whole"] = self.part, self.whole
        out.update(self.dates)
        return out


def figures_of(data: Path, lang: str = "en") -> Figures:
    """The figures computed from the data folder `data`; raises InputError when invalid,
    including a text or a State's name missing in `lang`. The figures, and the English
    definitions that say what each counts, are the same whatever the language."""
    if lang != "en":
        load(data, lang=lang)  # the data a report in `lang` needs is all there
    return compute(load(data)[0])


def trace(figures: Figures) -> list[TracedFigure]:
    """Every figure the report prints, in a fixed order, each with its definition."""
    traced = [_traced(name, value) for name, value in figures.named().items()]
    coordination = figures.coordination
    appointed, served = coordination.appointed_at, coordination.meetings_served
    traced += [
        TracedFigure(
            "categories",
            "number",
            figures.categories,
            "Categories of States not yet Parties in data/categories.yaml",
        ),
        TracedFigure(
            "lines_of_action",
            "number",
            figures.lines_of_action,
            "Lines of action listed in data/lessons.yaml",
        ),
        TracedFigure(
            "coordination.years",
            "number",
            coordination.years,
            f"Calendar years from the {appointed.name} ({appointed.end.year}), which appointed "
            f"{coordination.issuer} co-coordinator, to the {served[-1].name} "
            f"({served[-1].start.year})",
        ),
        TracedFigure(
            "coordination.intersessional_periods",
            "number",
            coordination.intersessional_periods,
            f"Intersessional periods between the meetings {coordination.issuer} served "
            f"through ({', '.join(m.short_name for m in served)})",
        ),
    ]
    traced += [_state_party(dates) for dates in figures.state_party.values()]
    seen: dict[str, int] = {}
    for withdrawal in figures.withdrawals_notified:  # a State that withdrew twice: .2
        seen[withdrawal.iso3] = seen.get(withdrawal.iso3, 0) + 1
        suffix = "" if seen[withdrawal.iso3] == 1 else f".{seen[withdrawal.iso3]}"
        traced.append(_withdrawal(figures.as_of, withdrawal, suffix))
    return traced


def _withdrawal(as_of: dt.date, withdrawal: Withdrawal, suffix: str) -> TracedFigure:
    """A withdrawal notified by the as-of day: its two days, and whether it is in effect
    (value 1) or not yet (value 0)."""
    in_effect = withdrawal.effective <= as_of
    said = (
        f"it took effect on {withdrawal.effective.isoformat()}: not a State Party from that "
        "day on (value 1: in effect on the as-of day)"
        if in_effect
        else f"it takes effect on {withdrawal.effective.isoformat()}: a State Party until then "
        "(value 0: not yet in effect on the as-of day)"
    )
    return TracedFigure(
        f"withdrawal.{withdrawal.iso3}{suffix}",
        "withdrawal",
        1 if in_effect else 0,
        f"{withdrawal.state} notified its withdrawal (Article 20) on "
        f"{withdrawal.notified.isoformat()}; {said}",
        (withdrawal.state,),
        dates=(
            ("notified", withdrawal.notified.isoformat()),
            ("effective", withdrawal.effective.isoformat()),
        ),
    )


def _state_party(dates: StatePartyDates) -> TracedFigure:
    """A State Party's own figures: its rank, entry into force and initial report's due date."""
    ordinal = _LISTING.ordinal  # the listing is in English; the report's is the template's
    rank = ordinal(dates.rank)
    if dates.rank_last != dates.rank:
        rank = f"{rank} to {ordinal(dates.rank_last)} (deposited the same day as others)"
    return TracedFigure(
        # the key of figures.state_party, as a template reads it: figures.state_party["SWZ"]
        f"state_party.{dates.iso3}",
        "state_party",
        dates.rank,
        f"{dates.name}, the {rank} State Party: deposited its instrument of {dates.instrument} on "
        f"{dates.deposit.isoformat()}; the Convention entered into force for it on "
        f"{dates.entry_into_force.isoformat()} (Article 17: the first day of the sixth month "
        "after the month of deposit, and not before the Convention's own entry into force); "
        f"its initial report under Article 7 is due by {dates.initial_report_due.isoformat()} "
        f"({INITIAL_REPORT_DAYS} days after)",
        (dates.name,),
        dates=(
            ("instrument", dates.instrument),
            ("deposit", dates.deposit.isoformat()),
            ("rank_last", dates.rank_last),
            ("entry_into_force", dates.entry_into_force.isoformat()),
            ("initial_report_due", dates.initial_report_due.isoformat()),
        ),
    )


def _traced(name: str, value: Tally | Share) -> TracedFigure:
    if isinstance(value, Tally):
        return TracedFigure(name, "count", value.count, value.definition, value.states)
    return TracedFigure(
        name, "share", value.ratio, value.definition, part=value.part, whole=value.whole
    )


def as_json(figures: Figures) -> str:
    """The figures as JSON: {"as_of": ..., "figures": [...]}, keys sorted, one fixed order."""
    document = {
        "as_of": figures.as_of.isoformat(),
        "figures": [figure.as_dict() for figure in trace(figures)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def as_table(figures: Figures, width: int = 100) -> str:
    """The figures for a terminal: name and value, then the definition and the States."""
    traced = trace(figures)
    values = [_shown(figure) for figure in traced]
    name_width = max(len(figure.name) for figure in traced)
    value_width = max(len(value) for value in values)
    wrap = textwrap.TextWrapper(
        width=max(width, 40),
        initial_indent="    ",
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    lines = [f"Figures as of {figures.as_of.isoformat()}", ""]
    for figure, value in zip(traced, values, strict=True):
        lines.append(f"{figure.name:<{name_width}}  {value:>{value_width}}")
        lines.append(wrap.fill(figure.definition))
        if figure.states:
            # no break inside a State's name: its spaces are non-breaking while wrapping
            names = ", ".join(n.replace(" ", _NO_BREAK) for n in figure.states)
            lines.append(wrap.fill(f"States: {names}").replace(_NO_BREAK, " "))
        lines.append("")
    return "\n".join(lines)


def _shown(figure: TracedFigure) -> str:
    if figure.kind == "share":
        return f"{figure.value:.1%} ({figure.part} of {figure.whole})"
    return str(figure.value)
