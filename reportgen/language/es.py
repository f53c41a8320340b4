"""French and Spanish rules that babel and num2words do not apply, or apply otherwise.

`formatting.Formats` calls these for the languages named in `RULED`; every other locale keeps
what babel and num2words write. Each rule follows docs/glossary.md (section 6, the UN's
editorial conventions): where the glossary records a provisional choice, the constant or the
function that holds it says so, so that a translator's decision is a one-line change.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

from babel.dates import get_month_names
from num2words import num2words

Gender = Literal["m", "f"]

RULED = frozenset({"fr", "es"})
"""The languages whose formats this module writes."""

NO_BREAK_SPACE = "\u00a0"
"""The space French keeps before "%" and between groups of digits, and Spanish before "%".

U+00A0 rather than the narrow U+202F that CLDR (and so babel) writes for French: it is the
no-break space Word inserts (Ctrl+Shift+Space, and French AutoCorrect before "%"), the one UN
documents made in Word carry, and every font has a glyph for it.
"""

NARROW_NO_BREAK_SPACE = "\u202f"

# Spanish ordinals up to the tenth, masculine; the feminine ends in -a.
_ES_ORDINALS = (
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

ES_SPELLED_MEETINGS = 10
"""UN Spanish spells a meeting's ordinal up to the tenth ("Cuarta Reunión"), figures after.

From the 11th the UN Spanish manual writes a superscript letter without a period ("11ª");
the FAO guide writes "11.ª". Provisional (glossary, open question 5): the UN manual's form.
"""


def no_break(text: str) -> str:
    """babel's narrow no-break spaces as the ordinary no-break space (`NO_BREAK_SPACE`)."""
    return text.replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE)


# Numbers in words


def words(number: int, language: str, gender: Gender = "m", before_noun: bool = True) -> str:
    """A whole number in words, agreeing with its noun.

    French: "vingt et un États", "vingt et une demandes". Spanish: "veintiún Estados" (the
    apocope before a masculine noun), "veintiuno" standing alone, "veintiuna reuniones",
    "doscientas" (hundreds agree too).
    """
    cardinal = str(num2words(number, lang=language))
    if language == "es":  # num2words writes "veintiuno mil": one shortens before "mil"
        cardinal = re.sub(r"veintiuno(?= mil\b)", "veintiún", cardinal)
        cardinal = re.sub(r"\buno(?= mil\b)", "un", cardinal)
    if language == "fr":
        return re.sub(r"\bun$", "une", cardinal) if gender == "f" else cardinal
    if gender == "f":
        cardinal = re.sub(r"ientos\b", "ientas", cardinal)
        return re.sub(r"uno$", "una", cardinal)
    if before_noun:
        cardinal = re.sub(r"veintiuno$", "veintiún", cardinal)
        return re.sub(r"\buno$", "un", cardinal)
    return cardinal


# Ordinals


def ordinal(number: int, language: str, gender: Gender = "m") -> str:
    """A rank in figures: French "4e", "1er", "1re" (f.); Spanish "4º", "4ª" (f.).

    The letters are superscript in print; in plain text they follow the figure directly.
    """
    if language == "fr":
        if number == 1:
            return "1er" if gender == "m" else "1re"
        return f"{number}e"
    return f"{number}{'º' if gender == 'm' else 'ª'}"


def ordinal_words(number: int, language: str, gender: Gender = "m") -> str:
    """A rank in words, lowercase: "quatrième", "première"; "cuarto", "cuarta"."""
    if language == "fr":
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
    if 1 <= number <= len(_ES_ORDINALS):
        spelled = _ES_ORDINALS[number - 1]
    else:
        spelled = str(num2words(number, lang="es", to="ordinal"))
    return re.sub(r"o\b", "a", spelled) if gender == "f" else spelled


def meeting_ordinal(number: int, language: str) -> str:
    """The ordinal in a meeting's name (Assemblée, Reunión, Conferencia: all feminine).

    French writes it in lowercase letters: "la quatrième Assemblée des États parties". Spanish
    capitalises it as part of the name: "la Cuarta Reunión de los Estados Partes", up to the
    tenth, then figures ("la 11ª Reunión", `ES_SPELLED_MEETINGS`).
    """
    if language == "fr":
        return ordinal_words(number, "fr", "f")
    if 1 <= number <= ES_SPELLED_MEETINGS:
        return ordinal_words(number, "es", "f").capitalize()
    return ordinal(number, "es", "f")


# Dates


def _month(day: dt.date, language: str) -> str:
    return str(get_month_names("wide", locale=language)[day.month])


def _day_month(day: dt.date, language: str) -> str:
    """French "1er\u00a0août" (the first is "1er", and a no-break space holds the day to
    its month); Spanish "1 de agosto" (UN Spanish writes the first as a cardinal)."""
    if language == "fr":
        return f"{'1er' if day.day == 1 else day.day}{NO_BREAK_SPACE}{_month(day, language)}"
    return f"{day.day} de {_month(day, language)}"


def _day(day: dt.date, language: str) -> str:
    return "1er" if language == "fr" and day.day == 1 else str(day.day)


def long_date(day: dt.date, language: str) -> str:
    """French "3 décembre 2008", "1er août 2010"; Spanish "3 de diciembre de 2008"."""
    return f"{_day_month(day, language)}{' ' if language == 'fr' else ' de '}{day.year}"


def date_range(start: dt.date, end: dt.date | None, language: str) -> str:
    """A span of days as UN French and Spanish write it in prose, with its preposition.

    French: "le 22 mai 2013", "les 22 et 23 mai 2013", "du 9 au 13 septembre 2013", "du 28 mai
    au 2 juin 2013". Spanish: "el 22 de mayo de 2013", "los días 22 y 23 de mayo de 2013",
    "del 9 al 13 de septiembre de 2013", "del 28 de mayo al 2 de junio de 2013". The two-day
    forms are the glossary's proposal; the du/del ranges are verified UN usage.
    """
    fr = language == "fr"
    last = long_date(end, language) if end is not None else ""
    if end is None or end == start:
        return f"{'le' if fr else 'el'} {long_date(start, language)}"
    if (start.year, start.month) == (end.year, end.month):
        first = _day(start, language)
        if end.day == start.day + 1:
            return f"les {first} et {last}" if fr else f"los días {first} y {last}"
        return f"du {first} au {last}" if fr else f"del {first} al {last}"
    first = _day_month(start, language) if start.year == end.year else long_date(start, language)
    return f"du {first} au {last}" if fr else f"del {first} al {last}"


# Lists


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _sounds_i(word: str) -> bool:
    """Whether a Spanish word begins with the vowel sound /i/: Italia, Irlanda, hilo, Íñigo;
    not the glide of hie-, hia-, hio- (hierro, hielo) nor Haití or Hungría."""
    head = unicodedata.normalize("NFC", word.lstrip()).casefold()
    if head.startswith("h"):
        head = head[1:]
    if not head or head[0] not in "ií":
        return False
    # An unstressed i before another vowel is a glide (hie-rro), not the vowel /i/; a stressed
    # í keeps its own syllable (hí-a-to is rare in names; it takes "e").
    return head[0] == "í" or len(head) == 1 or head[1] not in "aeiouáéóú"


def _sounds_o(word: str) -> bool:
    """Whether a Spanish word begins with the sound /o/: ocho, Omán, Holanda, hoja."""
    head = _fold(word.lstrip())
    return head.startswith(("o", "ho"))


def spanish_and(following: str) -> str:
    """Spanish "y", or "e" before the sound /i/: "Francia e Italia", "y Haití", "y Hierro".

    The rule looks at the next word as written, article included: "el Chad y el Iraq".
    """
    return "e" if _sounds_i(following) else "y"


def spanish_or(following: str) -> str:
    """Spanish "o", or "u" before the sound /o/: "siete u ocho", "Bélgica u Omán"."""
    return "u" if _sounds_o(following) else "o"


def join(items: Sequence[str], language: str, alternatives: bool = False) -> str:
    """A list in running text, without a comma before the last conjunction.

    French "A, B et C" ("A, B ou C"); Spanish "A, B y C", "Francia e Italia" ("A, B o C",
    "Bélgica u Omán").
    """
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    last = items[-1]
    if language == "fr":
        conjunction = "ou" if alternatives else "et"
    else:
        conjunction = spanish_or(last) if alternatives else spanish_and(last)
    return f"{', '.join(items[:-1])} {conjunction} {last}"


# Alphabetical order

# Letters that Unicode does not decompose but that sort as two (œ as oe: Œuvre, cœur).
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})

# Spanish ñ is a letter of its own, after n: it sorts as n followed by a mark above every
# letter. The highest code point can follow no letter of a name.
_ES_ENYE = "n\U0010ffff"


def collation_key(name: str, language: str) -> tuple[str, str]:
    """Alphabetical order as a French or Spanish reader expects it.

    Accents and case do not count at the first level (Égypte and Équateur sort as E, after
    El Salvador), except Spanish ñ, a letter after n (canoa, caña). Since 1994 Spanish ch and
    ll are no longer letters of their own. Ties keep the name's own order.
    """
    text = unicodedata.normalize("NFC", name).translate(_LIGATURES)
    if language == "es":
        text = text.replace("ñ", "\x00").replace("Ñ", "\x00")
        return (_fold(text).replace("\x00", _ES_ENYE), name)
    return (_fold(text), name)
