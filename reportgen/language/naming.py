"""The names of States as a report in one language prints them.

The data refers to a State by its English name (states.yaml); data/names.yaml gives its UN
short names in French and Spanish (UNTERM), keyed by ISO code, with the article each takes
in running text written in parentheses after the name ("Pays-Bas (les)"), and the names it
took later, each from its day ("Swaziland" until 18 April 2018, "Eswatini" from the 19th).

`Naming.listed` is the form of a list or a table ("Pays-Bas"); `Naming.running` the form of
running text, with its article ("les Pays-Bas"); `Naming.of` and `Naming.to` contract the
article with "de" and "à" ("des Pays-Bas", "aux Pays-Bas"; Spanish "del Perú", "al Perú").
A name that is not a State's (a city) is printed as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reportgen.inputs.models import Inputs, Names

_ARTICLES = {
    "fr": ("le", "la", "l'", "l\u2019", "les"),
    "es": ("el", "la", "los", "las"),
}
"""The articles UNTERM writes in parentheses after a short name, by language."""

_UNTERM = re.compile(r"^(?P<name>.+?) \((?P<inside>[^()]+)\)$")

_VOWEL_START = re.compile(r"^[AEIOUYÂÀÉÈÊËÎÏÔÖÛÙÜŒaeiouyâàéèêëîïôöûùüœHh]")
"""French elides "de" and "à" before these ("d'Israël"); mute and aspirate h are not told
apart, so a name beginning with h takes "d'" (no State's French name without article does)."""


@dataclass(frozen=True)
class Name:
    """A State's name in one language: as listed, and in running text with its article."""

    listed: str
    article: str  # "" when the name takes none
    running: str


def parse_unterm(short: str, lang: str, running: str | None = None) -> Name:
    """A UNTERM short name ("Pays-Bas (les)") as a `Name`; `running` is the running-text
    form when the parentheses hold more than an article ("l'État plurinational de Bolivie")."""
    found = _UNTERM.match(short)
    article = ""
    listed = short
    if found and found.group("inside") in _ARTICLES.get(lang, ()):
        listed, article = found.group("name"), found.group("inside").replace("\u2019", "'")
    if running is None:
        if not article:
            running = listed
        elif article.endswith("'"):
            running = article + listed
        else:
            running = f"{article} {listed}"
    else:
        first = running.split(" ", 1)[0]
        if first in _ARTICLES.get(lang, ()):
            article = first
        elif running[:2] in ("l'", "l\u2019"):
            article = "l'"
    return Name(listed, article, running)


def contract(preposition: str, name: Name, lang: str) -> str:
    """ "de"/"à" (French) or "de"/"a" (Spanish) before a name, contracted with its article."""
    running = name.running
    if lang == "fr":
        article = name.article
        if article in ("le", "les"):
            joined = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au"}
            word = joined.get((preposition, article), "aux")
            return f"{word} {running.split(' ', 1)[1]}"
        if preposition == "de" and not article and _VOWEL_START.match(running):
            return "d'" + running
        return f"{preposition} {running}"
    if lang == "es" and name.article == "el":
        word = "del" if preposition == "de" else "al"
        return f"{word} {running.split(' ', 1)[1]}"
    return f"{preposition} {running}"


class Naming:
    """The names of one report: its language, and its day for renamings."""

    def __init__(self, inputs: Inputs, lang: str, day: dt.date) -> None:
        self.lang = lang
        self._names: dict[str, Name] = {}
        for state in inputs.states:
            entry = inputs.names.get(state.iso3)
            chosen: Names | None = entry
            english = state.name
            if entry is not None:
                for renaming in sorted(entry.renamed, key=lambda r: r.on):
                    if renaming.on <= day:
                        chosen = renaming
                        english = renaming.en or english
            self._names[state.name] = self._name(chosen, english)

    def _name(self, names: Names | None, english: str) -> Name:
        if names is None:
            return Name(english, "", english)
        if self.lang == "en":  # listed as states.yaml names it; "the Netherlands" in text
            running = names.en_text or english
            return Name(english, "the" if running.startswith("the ") else "", running)
        short = getattr(names, self.lang, None)
        if short is None:  # loading reports it for the language built
            return Name(english, "", english)
        return parse_unterm(short, self.lang, getattr(names, f"{self.lang}_text", None))

    def name(self, state: str) -> Name:
        """The `Name` of a State named as in states.yaml; any other text as it is."""
        return self._names.get(state) or Name(state, "", state)

    def plural(self, state: str) -> bool:
        """True when the name is plural in running text ("les Pays-Bas", "los Países
        Bajos"): a verb whose subject it is agrees in the plural."""
        return self.name(state).article in ("les", "los", "las")

    def listed(self, state: str) -> str:
        """As in a list or a table: "Pays-Bas", "Bolivie (État plurinational de)"."""
        return self.name(state).listed

    def running(self, state: str) -> str:
        """In running text, with its article: "les Pays-Bas", "el Perú"."""
        return self.name(state).running

    def of(self, state: str) -> str:
        """After "of": "des Pays-Bas", "del Perú", "of Portugal"."""
        return self._with("de" if self.lang in ("fr", "es") else "of", state)

    def to(self, state: str) -> str:
        """After "to"/"in": "aux Pays-Bas", "al Perú", "to Portugal"."""
        word = {"fr": "à", "es": "a"}.get(self.lang, "to")
        return self._with(word, state)

    def _with(self, preposition: str, state: str) -> str:
        name = self.name(state)
        if self.lang not in ("fr", "es"):
            return f"{preposition} {name.running}"
        return contract(preposition, name, self.lang)
