"""The annex's views: the report's status rows and their footnotes
(`reportgen.documents.report.context`), and the few values of its catalogue."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from reportgen.documents.report.context import report_formats, status_rows
from reportgen.documents.report.values import CHOICES, PER_USE
from reportgen.figures.compute import Figures
from reportgen.inputs.models import Inputs
from reportgen.language.fluent import Sentences, Values
from reportgen.language.formats import Formats
from reportgen.templating.kind import DocumentKind, Properties, Views

SENTENCES = Values(
    {
        "as_of": "the day of the status (report.yaml's as_of)",
        "convention": "the Convention's full name",
        "publisher": "who published the status imported, or none",
        "as_at": "the day of that status, or none",
    },
    {"status_withdrawal": PER_USE["status_withdrawal"]},
    frozenset({"status_withdrawal", "document_title", "document_keywords"}),
    {key: value for key, value in CHOICES.items() if key.startswith("status_withdrawal.")},
    frozenset({"status_withdrawal.deposit", "publisher", "as_at"}),
)
"""The values the annex's catalogue is given; `status_withdrawal` as in the report's."""


class AnnexDocument:
    """The annex of one build."""

    def __init__(self, kind: DocumentKind, inputs: Inputs, figures: Figures) -> None:
        self.kind, self.inputs, self.figures = kind, inputs, figures

    @property
    def lang(self) -> str:
        return self.inputs.lang

    @functools.cached_property
    def formats(self) -> Formats:
        return report_formats(self.inputs)

    def values(self, say: Sentences) -> Mapping[str, Any]:
        frame = self.inputs.report
        source = frame.status_source
        return {
            "as_of": self.formats.long_date(frame.as_of),
            "convention": frame.convention.name,
            "publisher": source.publisher if source is not None else None,
            "as_at": self.formats.long_date(source.as_at) if source is not None else None,
        }

    def views(self, say: Sentences, first_note: int) -> Views:
        """The report's status rows, their footnotes numbered from `first_note`."""
        notes: dict[int, str] = {}
        rows = status_rows(self.inputs, self.figures, self.formats, say, first_note, notes)
        context = {
            "report": self.inputs.report,
            "convention": self.inputs.report.convention,
            "figures": self.figures,
            "status": rows,
            "sentence": say,
        }
        return Views(context, notes)

    def properties(self, say: Sentences) -> Properties:
        frame = self.inputs.report
        return Properties(
            title=say.say("document_title"),
            subject=frame.convention.name,
            author=self.formats.names([c.state for c in frame.coordinators]),
            keywords=say.say("document_keywords"),
            language=str(self.formats.locale).replace("_", "-"),
            moment=dt.datetime.combine(frame.as_of, dt.time(0, 0)),
        )
