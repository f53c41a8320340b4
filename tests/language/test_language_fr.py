"""French rules, asked of the French language directly through the `Language` protocol.

The expectations are UN French usage (docs/glossary.md, section 6), written out by hand.
"""

from __future__ import annotations

import datetime as dt

from reportgen.language import fr
from reportgen.language.base import Language, Name

NBSP = "\u00a0"
FRENCH: Language = fr.LANGUAGE


def test_numbers_agree_with_a_feminine_noun() -> None:
    assert FRENCH.words(21) == "vingt et un"  # vingt et un États
    assert FRENCH.words(21, "f") == "vingt et une"  # vingt et une demandes
    assert FRENCH.words(81, "f") == "quatre-vingt-une"
    assert FRENCH.words(200, "f") == "deux cents"  # hundreds do not agree in French
    assert FRENCH.words(21, before_noun=False) == "vingt et un"  # no apocope in French


def test_ranks_in_figures_and_in_a_meetings_name() -> None:
    assert [FRENCH.ordinal(1), FRENCH.ordinal(1, "f"), FRENCH.ordinal(4)] == ["1er", "1re", "4e"]
    assert [FRENCH.meeting_ordinal(n) for n in (1, 4, 5, 9, 80)] == [
        "première",
        "quatrième",
        "cinquième",
        "neuvième",
        "quatre-vingtième",
    ]


def test_the_first_of_a_month_is_1er_held_to_its_month() -> None:
    assert FRENCH.long_date(dt.date(2010, 8, 1)) == f"1er{NBSP}août 2010"
    assert FRENCH.long_date(dt.date(2008, 12, 3)) == f"3{NBSP}décembre 2008"


def test_spans_of_days_carry_their_preposition() -> None:
    may = dt.date(2013, 5, 22)
    assert FRENCH.date_range(may, None) == f"le 22{NBSP}mai 2013"
    assert FRENCH.date_range(may, dt.date(2013, 5, 23)) == f"les 22 et 23{NBSP}mai 2013"
    assert FRENCH.date_range(dt.date(2013, 5, 28), dt.date(2013, 6, 2)) == (
        f"du 28{NBSP}mai au 2{NBSP}juin 2013"
    )


def test_lists_spaces_and_marks() -> None:
    assert FRENCH.join(["A", "B", "C"]) == "A, B et C"
    assert FRENCH.join(["A", "B"], alternatives=True) == "A ou B"
    assert FRENCH.join([]) == ""
    assert FRENCH.mark(";") == f"{NBSP};" and FRENCH.mark(",") == ","
    assert FRENCH.spaces("1\u202f234") == f"1{NBSP}234"
    assert FRENCH.percent_sign == f"{NBSP}%"


def test_accents_and_ligatures_do_not_count_in_alphabetical_order() -> None:
    names = ["Équateur", "Égypte", "El Salvador", "Estonie"]
    assert sorted(names, key=FRENCH.collation_key) == [
        "Égypte",
        "El Salvador",
        "Équateur",
        "Estonie",
    ]


def test_state_names_take_their_article_and_contract_it() -> None:
    netherlands = FRENCH.state_name("Netherlands", "Pays-Bas (les)", None)
    assert netherlands == Name("Pays-Bas", "les", "les Pays-Bas")
    assert FRENCH.contract("de", netherlands.article, netherlands.running) == "des Pays-Bas"
    assert FRENCH.contract("à", netherlands.article, netherlands.running) == "aux Pays-Bas"
    assert FRENCH.contract("de", "le", "le Portugal") == "du Portugal"
    assert FRENCH.contract("à", "le", "le Portugal") == "au Portugal"
    assert FRENCH.contract("de", "", "Israël") == "d'Israël"
    assert FRENCH.contract("de", "l'", "l'Iraq") == "de l'Iraq"
    assert "les" in FRENCH.plural_articles
    assert (FRENCH.preposition_of, FRENCH.preposition_to) == ("de", "à")


def test_a_running_form_with_an_elided_article() -> None:
    bolivia = FRENCH.state_name(
        "Bolivia", "Bolivie (État plurinational de)", "l\u2019État plurinational de Bolivie"
    )
    assert bolivia.listed == "Bolivie (État plurinational de)"
    assert bolivia.article == "l'"


def test_a_state_without_a_french_name_keeps_its_english_one() -> None:
    assert FRENCH.state_name("Peru", None, None) == Name("Peru", "", "Peru")
