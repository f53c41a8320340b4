"""Warnings for a report's narrative that contradicts its figures, or is dated in the future.

The co-coordinators' judgement of the regions' results (events.yaml `regional_results`) is
prose the program cannot read for its meaning; what it can see is a region named in it
(by its name, label or name in prose, in the report's language) from which no State
became a Party in the period the report covers: the text most likely says that region
progressed, from a previous year. A strategy's own date is its initiative's
(`reportgen.inputs.narrative`). An as-of day after today is said here because only the
application reads the clock: it gives `today`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from reportgen.documents.report.meetings import name_warnings
from reportgen.inputs.narrative import check_as_of_not_future, check_letter, describe_period
from reportgen.inputs.withdrawals import Finding

if TYPE_CHECKING:
    from reportgen.figures.compute import Figures
    from reportgen.inputs.models import Inputs, Region

_ARTICLE = re.compile(r"^(?:the|le|la|les|l'|l\u2019|el|los|las)\s*", re.IGNORECASE)


def _forms(region: Region) -> set[str]:
    """The words a text may name a region by: "Americas", "the Americas", "Amériques"."""
    forms = {region.name}
    for text in (region.label, region.in_prose):
        if text:
            forms |= {text, _ARTICLE.sub("", text)}
    return {f for f in forms if f.strip()}


def _names(text: str, region: Region) -> bool:
    return any(
        re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE)
        for form in _forms(region)
    )


def narrative_warnings(inputs: Inputs, figures: Figures, today: dt.date) -> list[Finding]:
    """A region named in the regional results with no new State Party from it, an as-of
    day after `today`, and events.yaml's typed letter beside a campaign."""
    findings = list(check_as_of_not_future(inputs.report, today))
    findings += check_letter(inputs)
    findings += name_warnings(inputs)
    text = inputs.events.regional_results
    for entry in figures.new_states_parties_by_region:
        if entry.tally.count or not _names(text, entry.region):
            continue
        findings.append(
            Finding(
                "events",
                ("regional_results", inputs.lang),
                f"names {entry.region.label or entry.region.name}, but no State of that region "
                f"became a Party in the period this report covers, "
                f"{describe_period(inputs.report)} (reportgen figures: "
                f"new_states_parties_by_region.{entry.region.name} is 0): check that the text "
                "does not say it progressed",
                "warning",
            )
        )
    return findings
