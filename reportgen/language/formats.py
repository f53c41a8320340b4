"""How the report writes numbers, dates, lists and names: one function per format.

The template uses these as Jinja filters (`{{ n|words }}`, `{{ day|short_date }}`), so that a
format is defined once, follows the report's locale (babel, num2words), and never varies
between one paragraph and the next.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from num2words import num2words

from reportgen.core.collation import collation_key
from reportgen.language import fr as localised
from reportgen.language.fr import Gender

if TYPE_CHECKING:
    from reportgen.language.naming import Naming

NAME_FORMS = ("list", "the", "of", "to")
"""The forms `Formats.names` writes a State's name in."""


# babel takes tens of microseconds a date, and a report writes hundreds (every initiative's
# dates): each is kept, by the date and the locale alone.


@functools.lru_cache(maxsize=4096)
def _long_date(day: dt.date, locale: Locale) -> str:
    return str(format_date(day, format="long", locale=locale))


@functools.lru_cache(maxsize=4096)
def _skeleton(skeleton: str, day: dt.date, locale: Locale) -> str:
    return str(format_skeleton(skeleton, day, locale=locale))


class HasRatio(Protocol):
    """Anything with a ratio, such as `figures.Share`."""

    @property
    def ratio(self) -> float: ...


class Formats:
    """The report's formats in one locale (`en_GB` writes 3 December 2008 and 26.9%)."""

    def __init__(self, locale: str, naming: Naming | None = None) -> None:
        self.locale = Locale.parse(locale)
        self.naming = naming
        # French and Spanish follow the UN's editorial rules (`reportgen.localised`).
        self.ruled: str | None = (
            self.locale.language if self.locale.language in localised.RULED else None
        )

    def words(self, number: int, gender: Gender = "m", before_noun: bool = True) -> str:
        """A whole number in words: 29 -> "twenty-nine".

        French and Spanish agree with the noun: `gender="f"` for "vingt et une", "veintiuna";
        Spanish "veintiún Estados" before a masculine noun, "veintiuno" with
        `before_noun=False`. English has no agreement and ignores both.
        """
        if self.ruled and number >= 0:
            return localised.words(number, self.ruled, gender, before_noun)
        for lang in (str(self.locale), self.locale.language):
            try:
                return str(num2words(number, lang=lang))
            except NotImplementedError:
                continue
        return self.number(number)

    def ordinal(self, number: int, gender: Gender = "m") -> str:
        """A rank in figures: 102 -> "102nd" (the 102nd State Party); French "102e", "1er",
        "1re" (f.); Spanish "102º", "102ª" (f.)."""
        if self.ruled:
            return localised.ordinal(number, self.ruled, gender)
        for lang in (str(self.locale), self.locale.language):
            try:
                return str(num2words(number, lang=lang, to="ordinal_num"))
            except NotImplementedError:
                continue
        return self.number(number)

    def meeting_ordinal(self, number: int) -> str:
        """The ordinal in a meeting's name: "4th" (the 4th Meeting of States Parties), French
        "quatrième" (la quatrième Assemblée des États parties), Spanish "Cuarta" (la Cuarta
        Reunión de los Estados Partes)."""
        if self.ruled:
            return localised.meeting_ordinal(number, self.ruled)
        return self.ordinal(number)

    def number(self, number: float) -> str:
        """A number with the locale's digit grouping: 1234 -> "1,234" ("1\u00a0234" in French)."""
        written = format_decimal(number, locale=self.locale)
        return localised.no_break(written) if self.ruled else written

    def percent(self, share: HasRatio | float, decimals: int = 0) -> str:
        """A share as a percentage: 29/108 -> "27%" (or "26.9%" with one decimal).

        French and Spanish put a no-break space before the sign: "31,7\u00a0%".
        """
        ratio = share if isinstance(share, (int, float)) else share.ratio
        sign = localised.NO_BREAK_SPACE + "%" if self.ruled else "%"
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + sign
        with decimal.localcontext() as context:
            context.rounding = decimal.ROUND_HALF_UP  # 12.5% -> 13%, as readers round
            written = format_percent(ratio, pattern, locale=self.locale)
        return localised.no_break(written) if self.ruled else written

    def long_date(self, day: dt.date | None) -> str:
        """3 December 2008 (the locale's long date: 3 de dezembro de 2008 in pt_PT); French
        "3\u00a0décembre 2008", "1er\u00a0août 2010"; Spanish "3 de diciembre de 2008"."""
        if day is None:
            return ""
        if self.ruled:
            return localised.long_date(day, self.ruled)
        return _long_date(day, self.locale)

    def short_date(self, day: dt.date | None) -> str:
        """03.12.2008, the status table's format; empty for no date."""
        return "" if day is None else day.strftime("%d.%m.%Y")

    def month_year(self, day: dt.date) -> str:
        """September 2012; French "septembre 2012", Spanish "septiembre de 2012"."""
        return format_skeleton("yMMMM", day, locale=self.locale)

    def year(self, day: dt.date) -> str:
        """2012 (without digit grouping)."""
        return str(day.year)

    def date_range(self, start: dt.date, end: dt.date | None = None) -> str:
        """22\u201323 May 2013, or 28 May \u2013 2 June 2013: shared parts written once.

        Composed from the long date's own words: babel's interval formats abbreviate some
        months ("Sept") where the long date does not. French and Spanish write a span as UN
        texts do, with its preposition ("du 22 au 24 mai 2013", "del 22 al 24 de mayo de
        2013", `localised.date_range`), so their templates leave the preposition to it.
        """
        if self.ruled:
            return localised.date_range(start, end, self.ruled)
        if end is None or end == start:
            return self.long_date(start)
        last = self.long_date(end)
        if (start.year, start.month) == (end.year, end.month) and last.startswith(f"{end.day} "):
            return f"{start.day}\u2013{last}"
        if start.year == end.year and last.endswith(str(end.year)):
            first = _skeleton("MMMMd", start, self.locale)
            return f"{first} \u2013 {last}"
        return f"{self.long_date(start)} \u2013 {last}"

    def names(self, names: Iterable[str], form: str = "list") -> str:
        """A list in running text: "Peru, Australia and Iraq"; French "A, B et C"; Spanish
        "A, B y C", "Francia e Italia".

        A State is named in the report's language (`reportgen.names`), in one of four forms:
        "list" as in a list ("Pays-Bas et Portugal"), "the" with its article ("les Pays-Bas
        et le Portugal"), "of" after "of" ("des Pays-Bas et du Portugal"), "to" after "to"
        ("aux Pays-Bas et au Portugal"). English names take "the" in running text where the
        UN's do ("the Netherlands and Portugal"); "of" and "to" come once, before the list.
        """
        items = [self._state(name, form) for name in names]
        if self.ruled:
            return localised.join(items, self.ruled)
        written = format_list(items, locale=self.locale) if items else ""
        if form in ("of", "to") and written:
            return f"{form} {written}"
        return written

    def name(self, name: str, form: str = "list") -> str:
        """One State's name in the report's language, in a form of `names` ("the": "le
        Portugal")."""
        return self.names([name], form)

    def _state(self, name: str, form: str) -> str:
        if form not in NAME_FORMS:
            raise ValueError(f"names({form!r}): the forms are {', '.join(NAME_FORMS)}")
        naming = self.naming
        if naming is None:
            return name
        if naming.lang not in localised.RULED:  # English: "the Netherlands", "of" before the list
            return naming.running(name) if form != "list" else naming.listed(name)
        if form == "the":
            return naming.running(name)
        if form == "of":
            return naming.of(name)
        if form == "to":
            return naming.to(name)
        return naming.listed(name)

    def alternatives(self, names: Iterable[str]) -> str:
        """A list of alternatives: "Peru or Iraq"; French "A ou B"; Spanish "A o B", "Bélgica u
        Omán" (u before the sound /o/)."""
        items = list(names)
        if self.ruled:
            return localised.join(items, self.ruled, alternatives=True)
        return format_list(items, style="or", locale=self.locale) if items else ""

    def numbered(self, items: Iterable[str]) -> str:
        """Items numbered inside a sentence: "1) regional approach; 2) target approach"."""
        return f"{self.mark(';')} ".join(f"{i}) {item}" for i, item in enumerate(items, start=1))

    def mark(self, mark: str) -> str:
        """A punctuation mark as the language writes it: French puts a no-break space
        before ";", ":", "!" and "?" ("a\u00a0; b"); English and Spanish do not."""
        if self.ruled == "fr" and mark in (";", ":", "!", "?"):
            return localised.NO_BREAK_SPACE + mark
        return mark

    def plural(self, number: int, one: str, other: str) -> str:
        """`one` for exactly one, `other` otherwise."""
        return one if number == 1 else other

    def sorted_names(self, names: Iterable[str]) -> list[str]:
        """Names in alphabetical order: the language's own (French É as E, Spanish Ñ after N),
        of the names as this language writes them, articles aside ("Pays-Bas (les)")."""
        shown = self.naming.listed if self.naming is not None else str
        if self.ruled:
            language = self.ruled
            return sorted(names, key=lambda name: localised.collation_key(shown(name), language))
        return sorted(names, key=lambda name: collation_key(shown(name)))

    def filters(self) -> dict[str, Callable[..., Any]]:
        """Every format, by the name the template uses."""
        return {
            "words": self.words,
            "number": self.number,
            "ordinal": self.ordinal,
            "percent": self.percent,
            "long_date": self.long_date,
            "short_date": self.short_date,
            "month_year": self.month_year,
            "year": self.year,
            "date_range": self.date_range,
            "names": self.names,
            "name": self.name,
            "alternatives": self.alternatives,
            "meeting_ordinal": self.meeting_ordinal,
            "numbered": self.numbered,
            "plural": self.plural,
            "sorted_names": self.sorted_names,
        }
