"""Every language without rules of its own, English first, as babel and num2words write it
in the report's locale (`en_GB` writes 3 December 2008 and 26.9%).

Its names of States are English's: as states.yaml names them in a list, with "the" in
running text where data/names.yaml gives the form ("the Netherlands"), and one "of" or "to"
before a whole list.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal
from num2words import num2words

from reportgen.core.collation import collation_key
from reportgen.language.base import Gender, Name

# babel takes tens of microseconds a date, and a report writes hundreds (every initiative's
# dates): each is kept, by the date and the locale alone.


@functools.lru_cache(maxsize=4096)
def _long_date(day: dt.date, locale: Locale) -> str:
    return str(format_date(day, format="long", locale=locale))


@functools.lru_cache(maxsize=4096)
def _skeleton(skeleton: str, day: dt.date, locale: Locale) -> str:
    return str(format_skeleton(skeleton, day, locale=locale))


MEETING_NAMES: dict[str, tuple[str, str]] = {
    "msp": ("{} Meeting of States Parties", "{} MSP"),
    "review_conference": ("{} Review Conference", "{} Review Conference"),
    "extraordinary_msp": (
        "{} Extraordinary Meeting of States Parties",
        "{} Extraordinary MSP",
    ),
}
"""A meeting's full and short names by kind, in English (the names a language without rules
of its own prints)."""


class Default:
    """A language in one babel locale (`reportgen.language.base.Language`)."""

    lists_with_articles = False
    articles: tuple[str, ...] = ()
    plural_articles: frozenset[str] = frozenset()
    preposition_of = "of"
    preposition_to = "to"
    percent_sign = "%"

    def __init__(self, locale: Locale) -> None:
        self.locale = locale
        self.code: str = locale.language

    def _num2words(self, number: int, to: str) -> str:
        for lang in (str(self.locale), self.locale.language):
            try:
                return str(num2words(number, lang=lang, to=to))
            except NotImplementedError:
                continue
        return str(format_decimal(number, locale=self.locale))

    def words(self, number: int, gender: Gender = "m", before_noun: bool = True) -> str:
        """num2words' cardinal: 29 -> "twenty-nine"; English has no agreement."""
        return self._num2words(number, "cardinal")

    def ordinal(self, number: int, gender: Gender = "m") -> str:
        """num2words' ordinal in figures: 102 -> "102nd"."""
        return self._num2words(number, "ordinal_num")

    def meeting_ordinal(self, number: int) -> str:
        """The rank in figures: "4th" (the 4th Meeting of States Parties)."""
        return self.ordinal(number)

    def meeting_name(self, kind: str, number: int, short: bool = False) -> str:
        """English usage: "4th Meeting of States Parties", "4th MSP" (short), "Second Review
        Conference", "Eleventh Review Conference" (its rank in words, as UN English writes
        it, whatever the number)."""
        if kind == "review_conference":  # "Second Review Conference"
            rank = self._num2words(number, "ordinal").capitalize()
        else:
            rank = self.ordinal(number)
        return MEETING_NAMES[kind][short].format(rank)

    def spaces(self, written: str) -> str:
        """babel's spaces, as they are."""
        return written

    def long_date(self, day: dt.date) -> str:
        """The locale's long date: 3 December 2008, 3 de dezembro de 2008 (pt_PT)."""
        return _long_date(day, self.locale)

    def date_range(self, start: dt.date, end: dt.date | None) -> str:
        """22\u201323 May 2013, or 28 May \u2013 2 June 2013: shared parts written once.

        Composed from the long date's own words: babel's interval formats abbreviate some
        months ("Sept") where the long date does not.
        """
        if end is None or end == start:
            return self.long_date(start)
        last = self.long_date(end)
        if (start.year, start.month) == (end.year, end.month) and last.startswith(f"{end.day} "):
            return f"{start.day}\u2013{last}"
        if start.year == end.year and last.endswith(str(end.year)):
            first = _skeleton("MMMMd", start, self.locale)
            return f"{first} \u2013 {last}"
        return f"{self.long_date(start)} \u2013 {last}"

    def join(self, items: Sequence[str], alternatives: bool = False) -> str:
        """babel's list: "Peru, Australia and Iraq", "Peru or Iraq"."""
        if not items:
            return ""
        if alternatives:
            return str(format_list(list(items), style="or", locale=self.locale))
        return str(format_list(list(items), locale=self.locale))

    def mark(self, mark: str) -> str:
        """No space before a mark."""
        return mark

    def collation_key(self, name: str) -> tuple[str, str]:
        """Accents and case do not count (`reportgen.core.collation`)."""
        return collation_key(name)

    def state_name(self, english: str, short: str | None, running: str | None) -> Name:
        """Listed as states.yaml names it; "the Netherlands" in running text, when given."""
        running = running or english
        return Name(english, "the" if running.startswith("the ") else "", running)

    def contract(self, preposition: str, article: str, running: str) -> str:
        """The preposition before the name: "of Portugal", "to the Netherlands"."""
        return f"{preposition} {running}"
