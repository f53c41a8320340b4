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
from typing import TYPE_CHECKING

from reportgen.inputs.models import Inputs, Names
from reportgen.language import rules
from reportgen.language.base import Name
from reportgen.language.registry import language_for

if TYPE_CHECKING:
    from reportgen.language.base import Language

__all__ = ["Name", "Naming", "contract", "name_problems", "parse_unterm"]


def parse_unterm(short: str, lang: str, running: str | None = None) -> Name:
    """A UNTERM short name ("Pays-Bas (les)") as a `Name`, with the articles of `lang`;
    `running` is the running-text form when the parentheses hold more than an article
    ("l'État plurinational de Bolivie")."""
    return rules.parse_unterm(short, language_for(lang).articles, running)


def contract(preposition: str, name: Name, lang: str) -> str:
    """ "de"/"à" (French) or "de"/"a" (Spanish) before a name, contracted with its article."""
    return language_for(lang).contract(preposition, name.article, name.running)


def name_problems(names: Names, lang: str) -> list[tuple[str, str]]:
    """The names of one entry of data/names.yaml (or of one renaming) that a report in
    `lang` could not print, each as (field, why): a running-text form that is only an
    article, or whose article is not the short name's; a gender that the article says
    otherwise (« Belgique (la) » with `fr_gender: m`). `inputs.load` locates them."""
    fields = Names.FIELDS.get(lang)
    given = names.in_language(lang)
    if fields is None or given is None or fields[1] is None:
        return []
    short, running, gender = given
    if short is None:
        return []
    problems = []
    articles = language_for(lang).articles
    why = None if running is None else rules.running_problem(short, running, articles)
    if why is not None:
        problems.append((fields[1], why))
    elif gender is not None and fields[2] is not None:
        article = rules.parse_unterm(short, articles, running).article
        shown = GENDER_OF_ARTICLE.get(article)
        if shown is not None and shown != gender:
            problems.append(
                (
                    fields[2],
                    f"is {gender}, but the article {article!r} says {shown}: leave it out (a "
                    "gender is for a name whose article hides it: l', les, or none)",
                )
            )
    return problems


GENDER_OF_ARTICLE = {"le": "m", "la": "f", "el": "m", "los": "m", "las": "f"}
"""The gender an article shows; l', les and no article show none (names.yaml's fr_gender)."""


class Naming:
    """The names of one report: its language, and its day for renamings."""

    def __init__(self, inputs: Inputs, lang: str, day: dt.date) -> None:
        self.lang = lang
        self.language: Language = language_for(lang)
        self._names: dict[str, Name] = {}
        self._genders: dict[str, str] = {}
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
            given = chosen.in_language(lang) if chosen is not None else None
            if given is not None and given[2] is not None:
                self._genders[state.name] = given[2]

    def _name(self, names: Names | None, english: str) -> Name:
        given = names.in_language(self.lang) if names is not None else None
        if given is None:  # no names in this language: the English one
            return Name(english, "", english)
        short, running, _gender = given
        return self.language.state_name(english, short, running)

    def name(self, state: str) -> Name:
        """The `Name` of a State named as in states.yaml; any other text as it is."""
        return self._names.get(state) or Name(state, "", state)

    def plural(self, state: str) -> bool:
        """True when the name is plural in running text ("les Pays-Bas", "los Países
        Bajos"): a verb whose subject it is agrees in the plural."""
        return self.name(state).article in self.language.plural_articles

    def gender(self, state: str) -> str:
        """The gender a word agreeing with the name takes, "m" or "f": the one names.yaml
        gives where the article hides it (fr_gender: « l'Albanie », « les Philippines »,
        « Cuba »: f), else the article's ("la", "las": f), else "m" (« le Portugal », « les
        Pays-Bas », a name without article and without fr_gender)."""
        given = self._genders.get(state)
        if given is not None:
            return given
        return "f" if self.name(state).article in ("la", "las") else "m"

    def listed(self, state: str) -> str:
        """As in a list or a table: "Pays-Bas", "Bolivie (État plurinational de)"."""
        return self.name(state).listed

    def running(self, state: str) -> str:
        """In running text, with its article: "les Pays-Bas", "el Perú"."""
        return self.name(state).running

    def of(self, state: str) -> str:
        """After "of": "des Pays-Bas", "del Perú", "of Portugal"."""
        return self._with(self.language.preposition_of, state)

    def to(self, state: str) -> str:
        """After "to"/"in": "aux Pays-Bas", "al Perú", "to Portugal"."""
        return self._with(self.language.preposition_to, state)

    def _with(self, preposition: str, state: str) -> str:
        name = self.name(state)
        return self.language.contract(preposition, name.article, name.running)
