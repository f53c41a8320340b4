"""French as UN French writes it, where babel and num2words do not, or do otherwise.

Numbers in words that agree with their noun, ranks, dates with "1er" and a no-break space,
lists, alphabetical order, and the articles of the names of States with their contractions
("des Pays-Bas", "au Portugal"). Each rule follows docs/glossary.md (section 6, the UN's
editorial conventions): where the glossary records a provisional choice, the constant or the
function that holds it says so, so that a translator's decision is a one-line change.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence

from babel.dates import get_month_names
from num2words import num2words

from reportgen.language.base import Gender, Name
from reportgen.language.rules import (
    LIGATURES,
    NO_BREAK_SPACE,
    fold,
    no_break,
    unterm_name,
)

_VOWEL_START = re.compile(r"^[AEIOUYÂÀÉÈÊËÎÏÔÖÛÙÜŒaeiouyâàéèêëîïôöûùüœHh]")
"""French elides "de" and "à" before these ("d'Israël"); mute and aspirate h are not told
apart, so a name beginning with h takes "d'" (no State's French name without article does)."""

_CONTRACTIONS = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au"}
"""The prepositions "de" and "à" joined to the article after them ("à les" is "aux")."""


# Numbers in words


def words(number: int, gender: Gender = "m") -> str:
    """A whole number in words, agreeing with its noun: "vingt et un États", "vingt et une
    demandes"."""
    cardinal = str(num2words(number, lang="fr"))
    return re.sub(r"\bun$", "une", cardinal) if gender == "f" else cardinal


# Ordinals


def ordinal(number: int, gender: Gender = "m") -> str:
    """A rank in figures: "4e", "1er", "1re" (f.).

    The letters are superscript in print; in plain text they follow the figure directly.
    """
    if number == 1:
        return "1er" if gender == "m" else "1re"
    return f"{number}e"


def ordinal_words(number: int, gender: Gender = "m") -> str:
    """A rank in words, lowercase: "quatrième", "première"."""
    if number == 1:
        return "premier" if gender == "m" else "première"
    # From the cardinal: quatre -> quatrième, cinq -> cinquième, neuf -> neuvième,
    # quatre-vingts -> quatre-vingtième (the plural s goes).
    stem = re.sub(r"(vingt|cent)s$", r"\1", str(num2words(number, lang="fr")))
    if stem.endswith("cinq"):
        return stem + "uième"
    if stem.endswith("neuf"):
        return stem[:-1] + "vième"
    if stem.endswith("e"):
        stem = stem[:-1]
    return stem + "ième"


# Dates


def _month(day: dt.date) -> str:
    return str(get_month_names("wide", locale="fr")[day.month])


def _day(day: dt.date) -> str:
    return "1er" if day.day == 1 else str(day.day)


def _day_month(day: dt.date) -> str:
    """Day and month, "1er\u00a0août": the first is "1er", and a no-break space holds the
    day to its month."""
    return f"{_day(day)}{NO_BREAK_SPACE}{_month(day)}"


def long_date(day: dt.date) -> str:
    """A day written out: "3\u00a0décembre 2008", "1er\u00a0août 2010"."""
    return f"{_day_month(day)} {day.year}"


def date_range(start: dt.date, end: dt.date | None) -> str:
    """A span of days as UN French writes it in prose, with its preposition: "le 22 mai
    2013", "les 22 et 23 mai 2013", "du 9 au 13 septembre 2013", "du 28 mai au 2 juin 2013".

    The two-day form is the glossary's proposal; the du ranges are verified UN usage.
    """
    if end is None or end == start:
        return f"le {long_date(start)}"
    last = long_date(end)
    if (start.year, start.month) == (end.year, end.month):
        first = _day(start)
        if end.day == start.day + 1:
            return f"les {first} et {last}"
        return f"du {first} au {last}"
    first = _day_month(start) if start.year == end.year else long_date(start)
    return f"du {first} au {last}"


# Lists and punctuation


def join(items: Sequence[str], alternatives: bool = False) -> str:
    """A list in running text, without a comma before the last conjunction: "A, B et C"
    ("A, B ou C")."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    conjunction = "ou" if alternatives else "et"
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def punctuation(mark: str) -> str:
    """A mark as French writes it: a no-break space before ";", ":", "!" and "?" ("a\u00a0;
    b")."""
    return NO_BREAK_SPACE + mark if mark in (";", ":", "!", "?") else mark


# Alphabetical order


def collation_key(name: str) -> tuple[str, str]:
    """Alphabetical order as a French reader expects it.

    Accents and case do not count at the first level (Égypte and Équateur sort as E, after
    El Salvador); œ sorts as oe. Ties keep the name's own order.
    """
    return (fold(unicodedata.normalize("NFC", name).translate(LIGATURES)), name)


# The names of States


def contract(preposition: str, article: str, running: str) -> str:
    """The preposition "de" or "à" before a name, contracted with its article: "des
    Pays-Bas", "au Portugal", "d'Israël", "de l'Iraq"."""
    if article in ("le", "les"):
        word = _CONTRACTIONS.get((preposition, article), "aux")
        return f"{word} {running.partition(' ')[2] or running}"
    if preposition == "de" and not article and _VOWEL_START.match(running):
        return "d'" + running
    return f"{preposition} {running}"


MEETING_NAMES: dict[str, tuple[str, str]] = {
    "msp": ("{} Assemblée des États parties", "{} Assemblée"),
    "review_conference": ("{} Conférence d'examen", "{} Conférence d'examen"),
    "extraordinary_msp": (
        "{} Assemblée extraordinaire des États parties",
        "{} Assemblée extraordinaire",
    ),
}
"""A meeting's full and short names by kind (docs/glossary.md): French has no abbreviation
for MSP; the short name drops "des États parties"."""


class French:
    """French, by the UN's editorial rules (`reportgen.language.base.Language`)."""

    code = "fr"
    lists_with_articles = True
    articles: tuple[str, ...] = ("le", "la", "l'", "l\u2019", "les")
    plural_articles = frozenset({"les"})
    preposition_of = "de"
    preposition_to = "à"
    percent_sign = NO_BREAK_SPACE + "%"

    def words(self, number: int, gender: Gender = "m", before_noun: bool = True) -> str:
        """A whole number in words; French numbers agree in gender only."""
        return words(number, gender)

    def ordinal(self, number: int, gender: Gender = "m") -> str:
        """A rank in figures: "4e", "1er", "1re"."""
        return ordinal(number, gender)

    def meeting_ordinal(self, number: int) -> str:
        """In lowercase letters, feminine: "la quatrième Assemblée des États parties"."""
        return ordinal_words(number, "f")

    def meeting_name(self, kind: str, number: int, short: bool = False) -> str:
        """Without article, the ordinal in lowercase: "quatrième Assemblée des États parties",
        "quatrième Assemblée" (short), "deuxième Conférence d'examen"."""
        return MEETING_NAMES[kind][short].format(ordinal_words(number, "f"))

    def spaces(self, written: str) -> str:
        """The ordinary no-break space between groups of digits and before "%"."""
        return no_break(written)

    def long_date(self, day: dt.date) -> str:
        """A day written out: "3\u00a0décembre 2008", "1er\u00a0août 2010"."""
        return long_date(day)

    def date_range(self, start: dt.date, end: dt.date | None) -> str:
        """A span with its preposition: "du 9 au 13 septembre 2013"."""
        return date_range(start, end)

    def join(self, items: Sequence[str], alternatives: bool = False) -> str:
        """A list: "A, B et C", "A, B ou C"."""
        return join(items, alternatives)

    def mark(self, mark: str) -> str:
        """A no-break space before ";", ":", "!" and "?"."""
        return punctuation(mark)

    def collation_key(self, name: str) -> tuple[str, str]:
        """É as E, œ as oe."""
        return collation_key(name)

    def state_name(self, english: str, short: str | None, running: str | None) -> Name:
        """From UNTERM's French short name ("Pays-Bas (les)")."""
        return unterm_name(english, short, running, self.articles)

    def contract(self, preposition: str, article: str, running: str) -> str:
        """With the article contracted: "des Pays-Bas", "au Portugal", "d'Israël"."""
        return contract(preposition, article, running)


LANGUAGE = French()
"""French, as `registry.language_for` finds it."""
