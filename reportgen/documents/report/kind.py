"""The report as a kind of document (`reportgen.templating.kind`): what its template and
its catalogue may use, and its `Document` for a build.

Light on purpose: every command imports this (the default kind); `reportgen check` reads
it to check a template and its catalogue, and must not import the renderer or the charts.
The values and the views are imported when first asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from reportgen.figures.compute import Figures
    from reportgen.inputs.models import Inputs
    from reportgen.inputs.withdrawals import Finding
    from reportgen.language.fluent import Values
    from reportgen.templating.kind import Document

NAMES = frozenset(
    {
        "report",
        "convention",
        "letterhead",
        "meeting",
        "since",
        "period_start",
        "period_end",
        "figures",
        "coordination",
        "status",
        "new_states_parties",
        "new_by_region",
        "categories",
        "initiatives",
        "demarches",
        "letter",
        "strategy",
        "regional_results",
        "references",
        "own_initiatives",
        "lessons",
        "recommendations",
        "sentence",
        "charts",
    }
)
"""The names the report's template can use: its views give each of them a value."""


class Report:
    """The co-coordinators' universalisation report."""

    @property
    def names(self) -> frozenset[str]:
        return NAMES

    @property
    def sentences(self) -> Values:
        from reportgen.documents.report.values import SENTENCES

        return SENTENCES

    def catalogue(self, template: Path, lang: str) -> Path:
        """The catalogue beside `template`, else the shipped one of `lang`
        (templates/report.ftl for English, report.fr.ftl...)."""
        from reportgen.core.config import SHIPPED, catalogue_for

        shipped = SHIPPED / ("report.ftl" if lang == "en" else f"report.{lang}.ftl")
        return catalogue_for(template, shipped)

    def warnings(self, inputs: Inputs, figures: Figures, today: dt.date) -> list[Finding]:
        """What its narrative may say wrong: a region said to progress with no new State
        Party from it, an as-of day after `today` (`reportgen.documents.report.warnings`)."""
        from reportgen.documents.report.warnings import narrative_warnings

        return narrative_warnings(inputs, figures, today)

    def document(self, inputs: Inputs, figures: Figures) -> Document:
        """The report of these inputs and figures, in the frame report.yaml chooses."""
        from reportgen.documents.report.context import ReportDocument
        from reportgen.documents.report.frame import framed

        return framed(ReportDocument(self, inputs, figures), inputs, figures)


KIND = Report()
"""The report: what `reportgen build` and `reportgen check` make and check by default."""
