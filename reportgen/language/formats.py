"""How the report writes numbers, dates, lists and names: one function per format.

The template uses these as Jinja filters (`{{ n|words }}`, `{{ day|short_date }}`), so that a
format is defined once, follows the report's locale (babel, num2words), and never varies
between one paragraph and the next.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

from babel import Locale
from babel.dates import format_skeleton
from babel.numbers import format_decimal, format_percent

from reportgen.language.base import Gender
from reportgen.language.default import Default
from reportgen.language.registry import language_for

if TYPE_CHECKING:
    from reportgen.language.naming import Naming

NAME_FORMS = ("list", "the", "of", "to")
"""The forms `Formats.names` writes a State's name in."""


class HasRatio(Protocol):
    """Anything with a ratio, such as `figures.Share`."""

    @property
    def ratio(self) -> float: ...


class Formats:
    """The report's formats in one locale (`en_GB` writes 3 December 2008 and 26.9%)."""

    def __init__(self, locale: str, naming: Naming | None = None) -> None:
        self.locale = Locale.parse(locale)
        self.naming = naming
        # French and Spanish follow the UN's editorial rules (language/fr.py, es.py); every
        # other locale babel's and num2words' (`reportgen.language.default`).
        self.language = language_for(self.locale)

    def words(self, number: int, gender: Gender = "m", before_noun: bool = True) -> str:
        """A whole number in words: 29 -> "twenty-nine".

        French and Spanish agree with the noun: `gender="f"` for "vingt et une", "veintiuna";
        Spanish "veintiún Estados" before a masculine noun, "veintiuno" with
        `before_noun=False`. English has no agreement and ignores both.
        """
        if number < 0:  # no language's rules are written for these: num2words' own
            return Default(self.locale).words(number)
        return self.language.words(number, gender, before_noun)

    def ordinal(self, number: int, gender: Gender = "m") -> str:
        """A rank in figures: 102 -> "102nd" (the 102nd State Party); French "102e", "1er",
        "1re" (f.); Spanish "102º", "102ª" (f.)."""
        return self.language.ordinal(number, gender)

    def meeting_ordinal(self, number: int) -> str:
        """The ordinal in a meeting's name: "4th" (the 4th Meeting of States Parties), French
        "quatrième" (la quatrième Assemblée des États parties), Spanish "Cuarta" (la Cuarta
        Reunión de los Estados Partes)."""
        return self.language.meeting_ordinal(number)

    def number(self, number: float) -> str:
        """A number with the locale's digit grouping: 1234 -> "1,234" ("1\u00a0234" in French)."""
        return self.language.spaces(format_decimal(number, locale=self.locale))

    def percent(self, share: HasRatio | float, decimals: int = 0) -> str:
        """A share as a percentage: 29/108 -> "27%" (or "26.9%" with one decimal).

        French and Spanish put a no-break space before the sign: "31,7\u00a0%".
        """
        ratio = share if isinstance(share, (int, float)) else share.ratio
        sign = self.language.percent_sign
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + sign
        with decimal.localcontext() as context:
            context.rounding = decimal.ROUND_HALF_UP  # 12.5% -> 13%, as readers round
            written = format_percent(ratio, pattern, locale=self.locale)
        return self.language.spaces(written)

    def long_date(self, day: dt.date | None) -> str:
        """3 December 2008 (the locale's long date: 3 de dezembro de 2008 in pt_PT); French
        "3\u00a0décembre 2008", "1er\u00a0août 2010"; Spanish "3 de diciembre de 2008"."""
        return "" if day is None else self.language.long_date(day)

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

        French and Spanish write a span as UN texts do, with its preposition ("du 22 au 24
        mai 2013", "del 22 al 24 de mayo de 2013"), so their templates leave the preposition
        to it.
        """
        return self.language.date_range(start, end)

    def names(self, names: Iterable[str], form: str = "list") -> str:
        """A list in running text: "Peru, Australia and Iraq"; French "A, B et C"; Spanish
        "A, B y C", "Francia e Italia".

        A State is named in the report's language (`reportgen.language.naming`), in one of
        four forms: "list" as in a list ("Pays-Bas et Portugal"), "the" with its article
        ("les Pays-Bas et le Portugal"), "of" after "of" ("des Pays-Bas et du Portugal"),
        "to" after "to" ("aux Pays-Bas et au Portugal"). English names take "the" in running
        text where the UN's do ("the Netherlands and Portugal"); "of" and "to" come once,
        before the list.
        """
        items = [self._state(name, form) for name in names]
        written = self.language.join(items)
        if self.language.lists_with_articles:
            return written
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
        if not naming.language.lists_with_articles:  # "the Netherlands", "of" before the list
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
        return self.language.join(list(names), alternatives=True)

    def numbered(self, items: Iterable[str]) -> str:
        """Items numbered inside a sentence: "1) regional approach; 2) target approach"."""
        return f"{self.mark(';')} ".join(f"{i}) {item}" for i, item in enumerate(items, start=1))

    def mark(self, mark: str) -> str:
        """A punctuation mark as the language writes it: French puts a no-break space
        before ";", ":", "!" and "?" ("a\u00a0; b"); English and Spanish do not."""
        return self.language.mark(mark)

    def plural(self, number: int, one: str, other: str) -> str:
        """`one` for exactly one, `other` otherwise."""
        return one if number == 1 else other

    def sorted_names(self, names: Iterable[str]) -> list[str]:
        """Names in alphabetical order: the language's own (French É as E, Spanish Ñ after N),
        of the names as this language writes them, articles aside ("Pays-Bas (les)")."""
        shown = self.naming.listed if self.naming is not None else str
        key = self.language.collation_key
        return sorted(names, key=lambda name: key(shown(name)))

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
