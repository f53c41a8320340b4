"""The rules a template follows beyond being a correct docxtpl template, and the tags of
templates written for docxtpl elsewhere that reportgen does not take.

- A prose paragraph holds no `{% if %}`, `{% for %}` or `{% set %}`, and no tag is longer
  than `MAX_TAG_CHARS`: a template reads as a document, and what would need logic is a
  message of its catalogue, whose words a translator sees whole. These are warnings (a
  template that breaks them still builds the same report); `--strict` refuses them.
- docxtpl's `{% hm %}`, `{% vm %}` (merging table cells across a loop), `{% colspan %}`
  and `{% cellbg %}` (a cell's span and colour from data) are named for what they are, and
  what to do in Word instead, never as "a tag is broken".
"""

from __future__ import annotations

from collections.abc import Sequence

from reportgen.ooxml import paragraphs as ooxml_paragraphs
from reportgen.templating.check import Finding, scan

MAX_TAG_CHARS = 60
"""The longest tag a template may hold, braces included: `{{ figures.signatories.count }}`
is 31; a longer one is logic that belongs in a message."""

_LOGIC = ("if", "for", "set")
"""The statements a prose paragraph may not hold (their `elif`, `else` and ends go with
them: only the opening tag is reported)."""

DOCXTPL_ONLY = {
    "hm": (
        "docxtpl's merging of a table's cells across the columns of a loop, which reportgen "
        "does not take: merge the cells in Word (Layout > Merge Cells) and remove the tag"
    ),
    "vm": (
        "docxtpl's merging of a table's cells down the rows of a loop, which reportgen does "
        "not take: merge the cells in Word (Layout > Merge Cells) and remove the tag"
    ),
    "colspan": (
        "docxtpl's cell span given by data, which reportgen does not take: merge the cells "
        "in Word (Layout > Merge Cells) and remove the tag"
    ),
    "cellbg": (
        "docxtpl's cell colour given by data, which reportgen does not take: shade the cell "
        "in Word (Table Design > Shading) and remove the tag"
    ),
}
"""docxtpl's own tags that reportgen's templates do not use, with what to do instead."""


def docxtpl_only(paragraphs: Sequence[ooxml_paragraphs.WordParagraph]) -> list[Finding]:
    """Each tag of docxtpl's own that reportgen does not take, as an error."""
    found = []
    for paragraph in paragraphs:
        for tag in scan(paragraph.text).tags:
            if tag.opener == "{%" and tag.keyword in DOCXTPL_ONLY:
                message = f"{tag.text} is {DOCXTPL_ONLY[tag.keyword]}"
                found.append(Finding(paragraph, "error", message))
    return found


def house_rules(
    paragraphs: Sequence[ooxml_paragraphs.WordParagraph], errors: Sequence[Finding]
) -> list[Finding]:
    """Each prose paragraph holding logic, and each tag over MAX_TAG_CHARS, as warnings;
    none in a paragraph with one of `errors` already: that says enough."""
    broken = {
        (e.paragraph.part, e.paragraph.number)
        for e in errors
        if e.severity == "error" and e.paragraph is not None
    }
    found = []
    for paragraph in paragraphs:
        if (paragraph.part, paragraph.number) in broken:
            continue
        for tag in scan(paragraph.text).tags:
            if tag.opener == "{%" and tag.prefix in ("", "r") and tag.keyword in _LOGIC:
                message = (
                    f"{tag.text} puts logic in a prose paragraph: let a message of the "
                    "catalogue choose the words ({{ sentence.NAME }}), or show or repeat "
                    "whole paragraphs with {%p " + tag.keyword + " %} on paragraphs of "
                    "their own"
                )
                if tag.keyword == "set":
                    message = (
                        f"{tag.text} puts logic in a prose paragraph: give the value a "
                        "message of the catalogue ({{ sentence.NAME }}) instead"
                    )
                found.append(Finding(paragraph, "warning", message))
            elif len(tag.text) > MAX_TAG_CHARS and tag.opener != "{#":
                message = (
                    f"{_short(tag.text)} is {len(tag.text)} characters long, over "
                    f"{MAX_TAG_CHARS}: what takes so long to say belongs in a message of "
                    "the catalogue ({{ sentence.NAME }})"
                )
                found.append(Finding(paragraph, "warning", message))
    return found


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."
