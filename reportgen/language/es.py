"""Spanish as UN Spanish writes it, where babel and num2words do not, or do otherwise.

Numbers in words that agree with their noun ("veintiún Estados"), ranks, dates, "y"/"e" and
"o"/"u", ñ in alphabetical order, and the articles of the names of States with their
contractions ("del Perú", "al Perú"). Each rule follows docs/glossary.md (section 6, the
UN's editorial conventions): where the glossary records a provisional choice, the constant or
the function that holds it says so, so that a translator's decision is a one-line change.
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

# Spanish ordinals up to the tenth, masculine; the feminine ends in -a.
_ORDINALS = (
    "primero",
    "segundo",
    "tercero",
    "cuarto",
    "quinto",
    "sexto",
    "séptimo",
    "octavo",
    "noveno",
    "décimo",
)

# From the eleventh to the nineteenth, one word (RAE: "decimotercero"), never num2words'
# "décimoprimero"; then the tens, followed by the units as a second word ("vigésimo primero").
_TEENS = (
    "undécimo",
    "duodécimo",
    "decimotercero",
    "decimocuarto",
    "decimoquinto",
    "decimosexto",
    "decimoséptimo",
    "decimoctavo",
    "decimonoveno",
)
_TENS = (
    "vigésimo",
    "trigésimo",
    "cuadragésimo",
    "quincuagésimo",
    "sexagésimo",
    "septuagésimo",
    "octogésimo",
    "nonagésimo",
)

SPELLED_MEETINGS = 99
"""UN Spanish spells a meeting's ordinal in words, as its documents do ("Cuarta Reunión",
"Undécima Reunión", "Decimotercera Reunión de los Estados Partes", "Vigésima Reunión");
from the 100th, figures ("100ª", the UN Spanish manual's superscript letter). Glossary, open
question 5."""

# ñ is a letter of its own, after n: it sorts as n followed by a mark above every letter.
# The highest code point can follow no letter of a name.
_ENYE = "n\U0010ffff"


# Numbers in words


def words(number: int, gender: Gender = "m", before_noun: bool = True) -> str:
    """A whole number in words, agreeing with its noun: "veintiún Estados" (the apocope
    before a masculine noun), "veintiuno" standing alone, "veintiuna reuniones",
    "doscientas" (hundreds agree too)."""
    cardinal = str(num2words(number, lang="es"))
    # num2words writes "veintiuno mil": one shortens before "mil"
    cardinal = re.sub(r"veintiuno(?= mil\b)", "veintiún", cardinal)
    cardinal = re.sub(r"\buno(?= mil\b)", "un", cardinal)
    if gender == "f":
        cardinal = re.sub(r"ientos\b", "ientas", cardinal)
        return re.sub(r"uno$", "una", cardinal)
    if before_noun:
        cardinal = re.sub(r"veintiuno$", "veintiún", cardinal)
        return re.sub(r"\buno$", "un", cardinal)
    return cardinal


# Ordinals


def ordinal(number: int, gender: Gender = "m") -> str:
    """A rank in figures: "4º", "4ª" (f.).

    The letters are superscript in print; in plain text they follow the figure directly.
    """
    return f"{number}{'º' if gender == 'm' else 'ª'}"


def ordinal_words(number: int, gender: Gender = "m") -> str:
    """A rank in words, lowercase: "cuarto", "cuarta"."""
    if 1 <= number <= len(_ORDINALS):
        spelled = _ORDINALS[number - 1]
    elif 11 <= number <= 19:
        spelled = _TEENS[number - 11]
    elif 20 <= number <= 99:
        tens, unit = divmod(number, 10)
        spelled = _TENS[tens - 2] + (f" {_ORDINALS[unit - 1]}" if unit else "")
    else:
        spelled = str(num2words(number, lang="es", to="ordinal"))
    return re.sub(r"o\b", "a", spelled) if gender == "f" else spelled


def meeting_ordinal(number: int) -> str:
    """The ordinal in a meeting's name (Reunión, Conferencia: feminine), capitalised as part
    of the name: "la Cuarta Reunión de los Estados Partes", "la Decimotercera Reunión", "la
    Vigésima Primera Reunión", then figures ("la 100ª Reunión", `SPELLED_MEETINGS`)."""
    if 1 <= number <= SPELLED_MEETINGS:
        return " ".join(word.capitalize() for word in ordinal_words(number, "f").split())
    return ordinal(number, "f")


# Dates


def _month(day: dt.date) -> str:
    return str(get_month_names("wide", locale="es")[day.month])


def _day_month(day: dt.date) -> str:
    """Day and month, "1 de agosto": UN Spanish writes the first as a cardinal."""
    return f"{day.day} de {_month(day)}"


def long_date(day: dt.date) -> str:
    """A day written out: "3 de diciembre de 2008"."""
    return f"{_day_month(day)} de {day.year}"


def date_range(start: dt.date, end: dt.date | None) -> str:
    """A span of days as UN Spanish writes it in prose, with its preposition: "el 22 de mayo
    de 2013", "los días 22 y 23 de mayo de 2013", "del 9 al 13 de septiembre de 2013", "del
    28 de mayo al 2 de junio de 2013".

    The two-day form is the glossary's proposal; the del ranges are verified UN usage.
    """
    if end is None or end == start:
        return f"el {long_date(start)}"
    last = long_date(end)
    if (start.year, start.month) == (end.year, end.month):
        first = str(start.day)
        if end.day == start.day + 1:
            return f"los días {first} y {last}"
        return f"del {first} al {last}"
    first = _day_month(start) if start.year == end.year else long_date(start)
    return f"del {first} al {last}"


# Lists


def _sounds_i(word: str) -> bool:
    """Whether a word begins with the vowel sound /i/: Italia, Irlanda, hilo, Íñigo; not the
    glide of hie-, hia-, hio- (hierro, hielo) nor Haití or Hungría."""
    head = unicodedata.normalize("NFC", word.lstrip()).casefold()
    if head.startswith("h"):
        head = head[1:]
    if not head or head[0] not in "ií":
        return False
    # An unstressed i before another vowel is a glide (hie-rro), not the vowel /i/; a stressed
    # í keeps its own syllable (hí-a-to is rare in names; it takes "e").
    return head[0] == "í" or len(head) == 1 or head[1] not in "aeiouáéóú"


def _sounds_o(word: str) -> bool:
    """Whether a word begins with the sound /o/: ocho, Omán, Holanda, hoja."""
    head = fold(word.lstrip())
    return head.startswith(("o", "ho"))


def spanish_and(following: str) -> str:
    """The word for "and": "y", or "e" before the sound /i/: "Francia e Italia", "y Haití",
    "y Hierro".

    The rule looks at the next word as written, article included: "el Chad y el Iraq".
    """
    return "e" if _sounds_i(following) else "y"


def spanish_or(following: str) -> str:
    """The word for "or": "o", or "u" before the sound /o/: "siete u ocho", "Bélgica u Omán"."""
    return "u" if _sounds_o(following) else "o"


_AND_WORDS = re.compile(r"(?<!\w)[ye](?!\w)", re.IGNORECASE)
"""The word "and" ("y", "e") inside a name: "Trinidad y Tabago", "Bosnia y Herzegovina"."""

AS_WELL_AS = "así como"
"""What joins the last item of a list when "y" would join two names one of which holds "y"
(the reviser's form: "Andorra, así como Trinidad y Tabago")."""


def join(items: Sequence[str], alternatives: bool = False) -> str:
    """A list in running text, without a comma before the last conjunction: "A, B y C",
    "Francia e Italia" ("A, B o C", "Bélgica u Omán").

    When one of the two items the last "y" would join holds "y" itself, "Andorra y
    Trinidad y Tabago" reads as three States: the last item follows ", así como" instead
    ("Andorra, así como Trinidad y Tabago"; "Trinidad y Tabago, así como el Perú").
    """
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    last = items[-1]
    if not alternatives and any(_AND_WORDS.search(item) for item in items[-2:]):
        return f"{', '.join(items[:-1])}, {AS_WELL_AS} {last}"
    conjunction = spanish_or(last) if alternatives else spanish_and(last)
    return f"{', '.join(items[:-1])} {conjunction} {last}"


# Alphabetical order


def collation_key(name: str) -> tuple[str, str]:
    """Alphabetical order as a Spanish reader expects it.

    Accents and case do not count at the first level, except ñ, a letter after n (canoa,
    caña). Since 1994 ch and ll are no longer letters of their own. Ties keep the name's own
    order.
    """
    text = unicodedata.normalize("NFC", name).translate(LIGATURES)
    text = text.replace("ñ", "\x00").replace("Ñ", "\x00")
    return (fold(text).replace("\x00", _ENYE), name)


# The names of States


def contract(preposition: str, article: str, running: str) -> str:
    """The preposition "de" or "a" before a name, contracted with the article "el": "del
    Perú", "al Perú", "de los Países Bajos"."""
    if article == "el":
        word = "del" if preposition == "de" else "al"
        return f"{word} {running.partition(' ')[2] or running}"
    return f"{preposition} {running}"


MEETING_NAMES: dict[str, tuple[str, str]] = {
    "msp": ("{} Reunión de los Estados Partes", "{} Reunión"),
    "review_conference": ("{} Conferencia de Examen", "{} Conferencia de Examen"),
    "extraordinary_msp": (
        "{} Reunión Extraordinaria de los Estados Partes",
        "{} Reunión Extraordinaria",
    ),
}
"""A meeting's full and short names by kind (docs/glossary.md): Spanish has no abbreviation
for MSP; the short name drops "de los Estados Partes"."""


class Spanish:
    """Spanish, by the UN's editorial rules (`reportgen.language.base.Language`)."""

    code = "es"
    lists_with_articles = True
    articles: tuple[str, ...] = ("el", "la", "los", "las")
    plural_articles = frozenset({"los", "las"})
    preposition_of = "de"
    preposition_to = "a"
    percent_sign = NO_BREAK_SPACE + "%"

    def words(self, number: int, gender: Gender = "m", before_noun: bool = True) -> str:
        """In words: "veintiún Estados", "veintiuno" (`before_noun=False`), "veintiuna"."""
        return words(number, gender, before_noun)

    def ordinal(self, number: int, gender: Gender = "m") -> str:
        """A rank in figures: "4º", "4ª"."""
        return ordinal(number, gender)

    def meeting_ordinal(self, number: int) -> str:
        """Capitalised: "Cuarta" (la Cuarta Reunión de los Estados Partes), "Undécima"."""
        return meeting_ordinal(number)

    def meeting_name(self, kind: str, number: int, short: bool = False) -> str:
        """Without article, the ordinal capitalised: "Cuarta Reunión de los Estados Partes",
        "Cuarta Reunión" (short), "Segunda Conferencia de Examen"."""
        return MEETING_NAMES[kind][short].format(meeting_ordinal(number))

    def spaces(self, written: str) -> str:
        """The ordinary no-break space before "%"."""
        return no_break(written)

    def long_date(self, day: dt.date) -> str:
        """A day written out: "3 de diciembre de 2008"."""
        return long_date(day)

    def date_range(self, start: dt.date, end: dt.date | None) -> str:
        """A span with its preposition: "del 9 al 13 de septiembre de 2013"."""
        return date_range(start, end)

    def join(self, items: Sequence[str], alternatives: bool = False) -> str:
        """A list: "A, B y C", "Francia e Italia", "Bélgica u Omán"."""
        return join(items, alternatives)

    def mark(self, mark: str) -> str:
        """Spanish writes no space before a mark."""
        return mark

    def collation_key(self, name: str) -> tuple[str, str]:
        """Ñ after N; accents and case aside."""
        return collation_key(name)

    def state_name(self, english: str, short: str | None, running: str | None) -> Name:
        """From UNTERM's Spanish short name ("Perú (el)")."""
        return unterm_name(english, short, running, self.articles)

    def contract(self, preposition: str, article: str, running: str) -> str:
        """With "el" contracted: "del Perú", "al Perú"."""
        return contract(preposition, article, running)


LANGUAGE = Spanish()
"""Spanish, as `registry.language_for` finds it."""
