"""The kinds of document reportgen builds, and what a kind is to the application.

The renderer sees a kind through `templating.kind.DocumentKind` (its template's names, its
catalogue); the application also asks it for the `Document` of a build's inputs and figures,
which the renderer never sees. A new kind is a subpackage of `documents` and one line here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from reportgen.documents.annex.kind import KIND as ANNEX
from reportgen.documents.letter.kind import KIND as LETTERS
from reportgen.documents.report.kind import KIND as REPORT
from reportgen.templating import kind as templating

if TYPE_CHECKING:
    import datetime as dt

    from reportgen.figures.compute import Figures
    from reportgen.inputs.models import Inputs
    from reportgen.inputs.withdrawals import Finding


class DocumentKind(templating.DocumentKind, Protocol):
    """A kind of document: what its template and catalogue may use, and how a build's inputs
    and figures become a `Document` of that kind."""

    def document(self, inputs: Inputs, figures: Figures) -> templating.Document:
        """The document of these inputs and figures."""

    def warnings(self, inputs: Inputs, figures: Figures, today: dt.date) -> list[Finding]:
        """What the document's narrative may say wrong that only the figures or `today`
        (given by the application) show: warnings, each on the value of a data file."""


KINDS: dict[str, DocumentKind] = {"report": REPORT, "annex": ANNEX, "letters": LETTERS}
"""Every kind, by the name a user gives it."""
