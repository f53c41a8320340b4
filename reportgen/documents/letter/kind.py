"""Letters as a kind of document (`reportgen.templating.kind`): what their template and
catalogue may use, and the letters of a campaign.

Light on purpose, like the report's kind: `reportgen check` reads it without the renderer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from reportgen.documents.letter.context import LetterDocument
    from reportgen.figures.compute import Figures
    from reportgen.inputs.campaign import Campaign
    from reportgen.inputs.models import Inputs
    from reportgen.inputs.withdrawals import Finding
    from reportgen.language.fluent import Values
    from reportgen.templating.kind import Document

NAMES = frozenset({"letter", "signers", "convention", "meeting", "sentence"})
"""The names a letter's template can use."""

STEM = "letter"
"""templates/letter.docx, letter.fr.docx, letter.es.docx, each with its .ftl."""


class NoCampaign(LookupError):
    """The data has no campaign with a list of recipients to write letters for."""


class Letters:
    """The co-coordinators' letters to States not party."""

    @property
    def names(self) -> frozenset[str]:
        return NAMES

    @property
    def sentences(self) -> Values:
        from reportgen.documents.letter.values import SENTENCES

        return SENTENCES

    def catalogue(self, template: Path, lang: str) -> Path:
        """The catalogue beside `template`, else the shipped one of `lang`."""
        from reportgen.core.config import SHIPPED, catalogue_for

        shipped = SHIPPED / (f"{STEM}.ftl" if lang == "en" else f"{STEM}.{lang}.ftl")
        return catalogue_for(template, shipped)

    def warnings(self, inputs: Inputs, figures: Figures, today: dt.date) -> list[Finding]:
        """None beyond data/campaigns.yaml's own, found when it is loaded."""
        return []

    def document(self, inputs: Inputs, figures: Figures) -> Document:
        """The first letter of the latest campaign (what `reportgen check` fills)."""
        file = inputs.campaigns
        campaign = file.latest() if file is not None else None
        if campaign is None:
            raise NoCampaign("campaigns.yaml has no campaign with recipients")
        return self.letters(inputs, campaign)[0]

    def letters(self, inputs: Inputs, campaign: Campaign) -> list[LetterDocument]:
        """Every letter of `campaign` whose recipient corresponds in `inputs.lang`, in the
        order of the campaign's recipients."""
        from reportgen.documents.letter.context import LetterDocument
        from reportgen.documents.letter.values import Letter
        from reportgen.inputs.campaign import recipients

        file = inputs.campaigns
        assert file is not None
        previous = file.campaign(campaign.previous) if campaign.previous else None
        then = (  # computed once, not once a letter
            frozenset(r.name for r in recipients(inputs, previous))
            if previous is not None and previous.recipients is not None
            else None
        )
        made = []
        for recipient in recipients(inputs, campaign):
            entry = file.correspondence.get(inputs.state(recipient.name).iso3)
            if entry is None or entry.language != inputs.lang:
                continue
            letter = Letter(campaign, recipient.name, previous, entry.representative or "m", then)
            made.append(LetterDocument(self, inputs, letter))
        return made


KIND = Letters()
"""The letters: `reportgen build letters`."""
