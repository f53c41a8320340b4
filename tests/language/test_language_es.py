"""Spanish rules, asked of the Spanish language directly through the `Language` protocol.

The expectations are UN Spanish usage (docs/glossary.md, section 6), written out by hand.
"""

from __future__ import annotations

import datetime as dt

from reportgen.language import es
from reportgen.language.base import Language, Name

NBSP = "\u00a0"
SPANISH: Language = es.LANGUAGE


def test_one_shortens_before_a_masculine_noun() -> None:
    assert SPANISH.words(21) == "veintiún"  # veintiún Estados
    assert SPANISH.words(21, before_noun=False) == "veintiuno"
    assert SPANISH.words(21, "f") == "veintiuna"
    assert SPANISH.words(200, "f") == "doscientas"
    assert SPANISH.words(21000) == "veintiún mil"


def test_ranks_in_figures_and_in_a_meetings_name() -> None:
    assert [SPANISH.ordinal(4), SPANISH.ordinal(4, "f")] == ["4º", "4ª"]
    assert [SPANISH.meeting_ordinal(n) for n in (1, 4, 10, 11, 13)] == [
        "Primera",
        "Cuarta",
        "Décima",
        "Undécima",  # in words on, as UN Spanish documents write them
        "Decimotercera",
    ]


def test_dates_write_the_first_as_a_cardinal() -> None:
    assert SPANISH.long_date(dt.date(2010, 8, 1)) == "1 de agosto de 2010"
    assert SPANISH.date_range(dt.date(2013, 5, 22), dt.date(2013, 5, 23)) == (
        "los días 22 y 23 de mayo de 2013"
    )
    assert SPANISH.date_range(dt.date(2013, 9, 9), dt.date(2013, 9, 13)) == (
        "del 9 al 13 de septiembre de 2013"
    )


def test_and_is_e_before_the_sound_i_and_or_is_u_before_o() -> None:
    assert SPANISH.join(["Francia", "Italia"]) == "Francia e Italia"
    assert SPANISH.join(["Francia", "Irlanda", "Haití"]) == "Francia, Irlanda y Haití"
    assert SPANISH.join(["Chile", "Hierro"]) == "Chile y Hierro"
    assert SPANISH.join(["Bélgica", "Omán"], alternatives=True) == "Bélgica u Omán"


def test_a_list_whose_names_hold_y_ends_with_asi_como() -> None:
    # "Andorra y Trinidad y Tabago" reads as three States (the reviser, issue 19)
    assert SPANISH.join(["Andorra", "Trinidad y Tabago"]) == "Andorra, así como Trinidad y Tabago"
    assert (
        SPANISH.join(["el Perú", "Andorra", "Trinidad y Tabago"])
        == "el Perú, Andorra, así como Trinidad y Tabago"
    )
    assert SPANISH.join(["Trinidad y Tabago", "Italia"]) == "Trinidad y Tabago, así como Italia"
    # a "y" further from the last conjunction is kept apart by a comma
    assert SPANISH.join(["Trinidad y Tabago", "Chile", "Italia"]) == (
        "Trinidad y Tabago, Chile e Italia"
    )
    # a name that merely holds the letter y, and a list of alternatives, are unchanged
    assert SPANISH.join(["Uruguay", "Paraguay"]) == "Uruguay y Paraguay"
    assert SPANISH.join(["Andorra", "Trinidad y Tabago"], alternatives=True) == (
        "Andorra o Trinidad y Tabago"
    )
    assert es.spanish_and("Íñigo") == "e" and es.spanish_or("Chile") == "o"


def test_spaces_and_marks() -> None:
    assert SPANISH.percent_sign == f"{NBSP}%"
    assert SPANISH.spaces("31,7\u202f%") == f"31,7{NBSP}%"
    assert SPANISH.mark(";") == ";"


def test_enye_is_a_letter_after_n() -> None:
    words = ["caña", "canoa", "cantar", "Ñandú", "Nepal"]
    assert sorted(words, key=SPANISH.collation_key) == ["canoa", "cantar", "caña", "Nepal", "Ñandú"]


def test_state_names_take_their_article_and_contract_el() -> None:
    peru = SPANISH.state_name("Peru", "Perú (el)", None)
    assert peru == Name("Perú", "el", "el Perú")
    assert SPANISH.contract("de", peru.article, peru.running) == "del Perú"
    assert SPANISH.contract("a", peru.article, peru.running) == "al Perú"
    netherlands = SPANISH.state_name("Netherlands", "Países Bajos (los)", None)
    assert SPANISH.contract("de", netherlands.article, netherlands.running) == (
        "de los Países Bajos"
    )
    assert netherlands.article in SPANISH.plural_articles
    assert (SPANISH.preposition_of, SPANISH.preposition_to) == ("de", "a")
