"""What a language provides to the report: the `Language` protocol, and the words it shares.

A language with rules of its own (the UN's French and Spanish editorial rules) implements it
in its own module (language/fr.py, language/es.py) and is named in `registry.REGISTERED`;
every other locale is written by babel and num2words (`default.Default`). Nothing here
imports babel or num2words, so that naming a gender or a protocol costs nothing at startup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

Gender = Literal["m", "f"]
"""The gender of the noun a number or a rank agrees with."""


@dataclass(frozen=True)
class Name:
    """A State's name in one language: as listed, and in running text with its article."""

    listed: str
    article: str  # "" when the name takes none
    running: str


@runtime_checkable
class Language(Protocol):
    """How one language writes numbers, dates, lists and the names of States."""

    code: str
    """The language's code ("fr"), as `reportgen build --lang` takes it."""

    lists_with_articles: bool
    """Whether a list of States inside a sentence names each as running text does, with its
    article, each with its own preposition ("des Pays-Bas et du Portugal"), rather than as
    its table does, with one preposition before the list ("of the Netherlands and Portugal")."""

    articles: tuple[str, ...]
    """The articles UNTERM writes in parentheses after a short name ("Pays-Bas (les)")."""

    plural_articles: frozenset[str]
    """The articles of a plural name ("les Pays-Bas"): a verb agrees with it in the plural."""

    preposition_of: str
    """The word for "of" that `contract` joins to a name ("de")."""

    preposition_to: str
    """The word for "to" (and "in") that `contract` joins to a name ("à", "a")."""

    percent_sign: str
    """The sign after a percentage, with the space before it ("\u00a0%" in French)."""

    def words(self, number: int, gender: Gender = "m", before_noun: bool = True) -> str:
        """A whole number (0 or more) in words, agreeing with its noun."""
        ...

    def ordinal(self, number: int, gender: Gender = "m") -> str:
        """A rank in figures: "4th", "4e", "4º"."""
        ...

    def meeting_ordinal(self, number: int) -> str:
        """The ordinal in a meeting's name: "4th", "quatrième", "Cuarta"."""
        ...

    def meeting_name(self, kind: str, number: int, short: bool = False) -> str:
        """A meeting's name from its kind (msp, review_conference, extraordinary_msp) and
        number, without article: "4th Meeting of States Parties", "4th MSP" (short)."""
        ...

    def spaces(self, written: str) -> str:
        """A number babel wrote, with the spaces the language writes in it."""
        ...

    def long_date(self, day: dt.date) -> str:
        """A day written out: "3 December 2008", "3\u00a0décembre 2008"."""
        ...

    def date_range(self, start: dt.date, end: dt.date | None) -> str:
        """A span of days as running text writes it."""
        ...

    def join(self, items: Sequence[str], alternatives: bool = False) -> str:
        """A list in running text ("A, B and C"), or of alternatives ("A, B or C")."""
        ...

    def mark(self, mark: str) -> str:
        """A punctuation mark with the space the language writes before it."""
        ...

    def collation_key(self, name: str) -> tuple[str, str]:
        """The key that sorts names in the language's alphabetical order."""
        ...

    def state_name(self, english: str, short: str | None, running: str | None) -> Name:
        """A State's `Name` from its English name and its names in this language (the UN
        short name and the running-text form of data/names.yaml, when given)."""
        ...

    def contract(self, preposition: str, article: str, running: str) -> str:
        """A preposition before a name in running text, contracted with its article."""
        ...
