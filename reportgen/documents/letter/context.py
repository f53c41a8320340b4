"""A letter's views: what templates/letter*.docx is filled with, for one recipient.

The words that depend on the data are the catalogue's (`values.variables` gives them their
values); what the template itself shows or repeats is here: whether the letter follows an
earlier one and invites to the next meeting, and the signature block of each signer.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reportgen.documents.letter.values import Letter, meeting_ahead, next_meeting, variables
from reportgen.inputs.models import Inputs
from reportgen.language.fluent import Sentences
from reportgen.language.formats import Formats
from reportgen.language.naming import Naming
from reportgen.templating.kind import DocumentKind, Properties, Views


@dataclass(frozen=True)
class LetterView:
    """What the template shows or leaves out: `follows` an earlier letter (the paragraph
    that recalls it, when it has something to say: the State was written to then, or has
    signed since), `invites` to a meeting still ahead."""

    follows: bool
    invites: bool


@dataclass(frozen=True)
class SignerView:
    """A signature block: the name (empty when the data gives none) and the title."""

    name: str
    title: str


def letter_formats(inputs: Inputs, day: dt.date) -> Formats:
    """The formats of a letter in `inputs.lang`, naming States as the UN did on `day`:
    report.yaml's locale when it is of that language (en_GB), else the language's own."""
    locale = inputs.report.locale
    if locale.split("_")[0].split("-")[0] != inputs.lang:
        locale = inputs.lang
    return Formats(locale, Naming(inputs, inputs.lang, day))


class LetterDocument:
    """One letter of a campaign, to one recipient, seen as its template's views."""

    def __init__(self, kind: DocumentKind, inputs: Inputs, letter: Letter) -> None:
        self.kind, self.inputs, self.letter = kind, inputs, letter

    @property
    def lang(self) -> str:
        return self.inputs.lang

    @functools.cached_property
    def formats(self) -> Formats:
        return letter_formats(self.inputs, self.letter.campaign.day)

    def values(self, say: Sentences) -> Mapping[str, Any]:
        """The values every message of the letter's catalogue is given."""
        return variables(self.inputs, self.letter, self.formats)

    def views(self, say: Sentences, first_note: int) -> Views:
        """The context of the letter's template (it has no footnotes)."""
        campaign = self.letter.campaign
        said = self.values(say)
        follows = said["previous_written"] != "no" or said["signed_since"] == "yes"
        signers = [
            SignerView(
                signer.name or "",
                say.say(
                    "signer_title",
                    {"gender": signer.gender, "of_state": self.formats.name(signer.state, "of")},
                ),
            )
            for signer in campaign.signed_by
        ]
        context = {
            "letter": LetterView(
                follows=self.letter.previous is not None and follows,
                invites=meeting_ahead(self.inputs, campaign.day),
            ),
            "signers": signers,
            "convention": self.inputs.report.convention,
            "meeting": next_meeting(self.inputs, campaign.day)
            or self.inputs.meeting(self.inputs.report.presented_to),
            "sentence": say,
        }
        return Views(context, {})

    def properties(self, say: Sentences) -> Properties:
        """The letter's core properties: its title and the signers' States; nothing that
        names another recipient."""
        campaign = self.letter.campaign
        return Properties(
            title=say.say("document_title"),
            subject=self.inputs.report.convention.name,
            author=self.formats.names([s.state for s in campaign.signed_by]),
            keywords=say.say("document_keywords"),
            language=str(self.formats.locale).replace("_", "-"),
            moment=dt.datetime.combine(campaign.day, dt.time(0, 0)),
        )
