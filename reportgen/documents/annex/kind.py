"""The status annex as a kind of document: the report's status table, with its footnotes,
as a document of its own (templates/annex.docx, annex.fr.docx, annex.es.docx).

Its rows and footnotes are the report's own views (`reportgen.documents.report.context`),
so that the annex and the report's table cannot disagree: the annex sits above the report
(pyproject.toml's contracts), never beside it.
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

NAMES = frozenset({"report", "convention", "figures", "status", "sentence"})
"""The names the annex's template can use."""


class Annex:
    """The status of the Convention: every State with its dates, as in the report."""

    @property
    def names(self) -> frozenset[str]:
        return NAMES

    @property
    def sentences(self) -> Values:
        from reportgen.documents.annex.context import SENTENCES

        return SENTENCES

    def catalogue(self, template: Path, lang: str) -> Path:
        from reportgen.core.config import SHIPPED, catalogue_for

        shipped = SHIPPED / ("annex.ftl" if lang == "en" else f"annex.{lang}.ftl")
        return catalogue_for(template, shipped)

    def warnings(self, inputs: Inputs, figures: Figures, today: dt.date) -> list[Finding]:
        """None: the annex has no narrative."""
        return []

    def document(self, inputs: Inputs, figures: Figures) -> Document:
        from reportgen.documents.annex.context import AnnexDocument

        return AnnexDocument(self, inputs, figures)


KIND = Annex()
"""The status annex: `reportgen build annex`."""
