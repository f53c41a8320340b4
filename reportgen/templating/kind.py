"""The seam between the renderer and a kind of document (the report; a letter later).

A kind says what its template may use and what its catalogue's messages are given; for
one build, a `Document` of that kind turns the inputs and figures into views: the context
its template is filled with, its footnotes, its charts, its properties. The renderer knows
Word and the template, never the inputs: it only asks a `Document` for these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from reportgen.language.fluent import Sentences, Values
    from reportgen.language.formats import Formats
    from reportgen.ooxml.frame import WorkingPaperPage


@dataclass(frozen=True)
class Properties:
    """A document's core properties, fixed so that the same inputs give the same bytes."""

    title: str
    subject: str
    author: str
    keywords: str
    language: str
    moment: dt.datetime


@dataclass(frozen=True)
class Views:
    """What a template is filled with: its context by name (`charts` holds the charts'
    views, if any) and the text of each footnote the context refers to, by id."""

    context: dict[str, Any]
    footnotes: dict[int, str]
    frame: WorkingPaperPage | None = None  # the report as a working paper (ooxml/frame.py)


class Document(Protocol):
    """One document of a kind, for one build: its inputs and figures, seen as views."""

    @property
    def kind(self) -> DocumentKind:
        """The kind of document it is."""

    @property
    def lang(self) -> str:
        """The language it is written in (en, fr, es)."""

    @property
    def formats(self) -> Formats:
        """How its numbers, dates and names are written."""

    def values(self, say: Sentences) -> Mapping[str, Any]:
        """The values every message of its catalogue is given (`DocumentKind.sentences`)."""

    def views(self, say: Sentences, first_note: int) -> Views:
        """The context of its template, its footnotes numbered from `first_note`."""

    def properties(self, say: Sentences) -> Properties:
        """Its core properties."""


class DocumentKind(Protocol):
    """A kind of document as the renderer sees it: what its template and its catalogue may
    use. How a build's inputs become a `Document` of the kind is `documents.kinds`' concern:
    the renderer never sees the inputs."""

    @property
    def names(self) -> frozenset[str]:
        """The names its template may use: the context of each `Document` gives them all."""

    @property
    def sentences(self) -> Values:
        """The values its catalogue's messages are given."""

    def catalogue(self, template: Path, lang: str) -> Path:
        """The catalogue of its `template` in `lang`."""
