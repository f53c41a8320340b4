"""Rules that more than one language with rules of its own applies: the no-break space,
folding accents for alphabetical order, and reading UNTERM's short names.

French and Spanish (language/fr.py, language/es.py) take these from here, never from each
other: each language's module stays independent of every other.
"""

from __future__ import annotations

import re
import unicodedata

from reportgen.language.base import Name

NO_BREAK_SPACE = "\u00a0"
"""The space French keeps before "%" and between groups of digits, and Spanish before "%".

U+00A0 rather than the narrow U+202F that CLDR (and so babel) writes for French: it is the
no-break space Word inserts (Ctrl+Shift+Space, and French AutoCorrect before "%"), the one UN
documents made in Word carry, and every font has a glyph for it.
"""

NARROW_NO_BREAK_SPACE = "\u202f"

LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})
"""Letters that Unicode does not decompose but that sort as two (œ as oe: Œuvre, cœur)."""


def no_break(text: str) -> str:
    """babel's narrow no-break spaces as the ordinary no-break space (`NO_BREAK_SPACE`)."""
    return text.replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE)


def fold(text: str) -> str:
    """`text` without its accents, in lowercase: the first level of alphabetical order."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# UNTERM's short names

_UNTERM = re.compile(r"^(?P<name>.+?) \((?P<inside>[^()]+)\)$")


def parse_unterm(short: str, articles: tuple[str, ...], running: str | None = None) -> Name:
    """A UNTERM short name ("Pays-Bas (les)") as a `Name`, given the language's `articles`;
    `running` is the running-text form when the parentheses hold more than an article
    ("l'État plurinational de Bolivie")."""
    found = _UNTERM.match(short)
    article = ""
    listed = short
    if found and found.group("inside") in articles:
        listed, article = found.group("name"), found.group("inside").replace("\u2019", "'")
    if running is None:
        if not article:
            running = listed
        elif article.endswith("'"):
            running = article + listed
        else:
            running = f"{article} {listed}"
    else:  # the running form says its article, whatever the short name's parentheses hold
        article = _article_of(running, articles)
    return Name(listed, article, running)


def _article_of(running: str, articles: tuple[str, ...]) -> str:
    """The article a running-text form starts with ("les", "l'"), or ""."""
    first = running.split(" ", 1)[0]
    if first in articles and first != running:
        return first
    elided = [a for a in articles if a.endswith(("'", "\u2019")) and running.startswith(a)]
    if elided and len(running) > len(elided[0]):  # "l'État plurinational de Bolivie"
        return elided[0].replace("\u2019", "'")
    return ""


def running_problem(short: str, running: str, articles: tuple[str, ...]) -> str | None:
    """Why a name's running-text form cannot stand beside its UN short name `short`, if it
    cannot: it holds a space other than an ordinary one, it is only an article, or it does
    not start with the article the short name gives ("Portugal (le)": "le Portugal")."""
    odd = re.search(r"[^\S ]", running)
    if odd is not None:
        return (
            f"holds U+{ord(odd.group()):04X} ({unicodedata.name(odd.group(), 'a space')}): "
            "separate the article and the words of a name with ordinary spaces"
        )
    bare = running.replace("\u2019", "'")
    if bare in articles or bare in {a.replace("\u2019", "'") for a in articles}:
        return f"is only an article, {running!r}: write the name after it, as running text does"
    found = _UNTERM.match(short)
    given = found.group("inside") if found and found.group("inside") in articles else ""
    given = given.replace("\u2019", "'")
    if given and _article_of(running, articles) != given:
        listed = found.group("name") if found else short
        example = given + listed if given.endswith("'") else f"{given} {listed}"
        return (
            f"does not start with the article the short name gives ({short}): write it "
            f"{example!r}, article first, or leave it out"
        )
    return None


def unterm_name(
    english: str, short: str | None, running: str | None, articles: tuple[str, ...]
) -> Name:
    """A State's `Name` from its UN short name; its English name when the data gives none
    (loading reports it for the language built)."""
    if short is None:
        return Name(english, "", english)
    return parse_unterm(short, articles, running)
