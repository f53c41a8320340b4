"""French and Spanish formats follow each language's UN usage, never English rules.

The expectations are the forms of docs/glossary.md, section 6, written out by hand: they are
the rules themselves, not outputs copied back.
"""

from __future__ import annotations

import datetime as dt

import pytest

from reportgen.language.es import spanish_and, spanish_or
from reportgen.language.formats import Formats

NBSP = "\u00a0"


@pytest.fixture
def fr() -> Formats:
    return Formats("fr")


@pytest.fixture
def es() -> Formats:
    return Formats("es")


# Numbers in words

NUMBERS = (1, 21, 31, 71, 81, 91, 100, 101, 200)


def test_french_numbers_in_words_agree_with_a_feminine_noun(fr: Formats) -> None:
    assert [fr.words(n) for n in NUMBERS] == [
        "un",
        "vingt et un",  # vingt et un États
        "trente et un",
        "soixante et onze",
        "quatre-vingt-un",
        "quatre-vingt-onze",
        "cent",
        "cent un",
        "deux cents",
    ]
    assert [fr.words(n, "f") for n in NUMBERS] == [
        "une",
        "vingt et une",  # vingt et une demandes
        "trente et une",
        "soixante et onze",
        "quatre-vingt-une",
        "quatre-vingt-onze",
        "cent",
        "cent une",
        "deux cents",
    ]


def test_spanish_one_shortens_before_a_masculine_noun(es: Formats) -> None:
    assert [es.words(n) for n in NUMBERS] == [
        "un",
        "veintiún",  # veintiún Estados
        "treinta y un",
        "setenta y un",
        "ochenta y un",
        "noventa y un",
        "cien",
        "ciento un",
        "doscientos",
    ]
    assert [es.words(n, before_noun=False) for n in (1, 21, 31, 101)] == [
        "uno",
        "veintiuno",
        "treinta y uno",
        "ciento uno",
    ]


def test_spanish_one_shortens_before_mil(es: Formats) -> None:
    assert [es.words(21000), es.words(31000), es.words(21000, before_noun=False)] == [
        "veintiún mil",
        "treinta y un mil",
        "veintiún mil",
    ]
    assert es.words(200_000, "f") == "doscientas mil"


def test_spanish_feminine_agrees_in_ones_and_hundreds(es: Formats) -> None:
    assert [es.words(n, "f") for n in NUMBERS] == [
        "una",
        "veintiuna",  # veintiuna reuniones
        "treinta y una",
        "setenta y una",
        "ochenta y una",
        "noventa y una",
        "cien",
        "ciento una",
        "doscientas",
    ]
    assert es.words(500, "f") == "quinientas"


def test_english_words_ignore_gender() -> None:
    en = Formats("en_GB")
    assert en.words(21, "f") == en.words(21, before_noun=False) == "twenty-one"


# Numbers and percentages


@pytest.mark.parametrize("locale", ["fr", "es"])
def test_percent_sign_follows_a_no_break_space(locale: str) -> None:
    formats = Formats(locale)
    assert formats.percent(20 / 63, 1) == f"31,7{NBSP}%"
    assert formats.percent(1 / 100) == f"1{NBSP}%"
    assert formats.percent(1.0) == f"100{NBSP}%"
    assert formats.percent(0.0) == f"0{NBSP}%"


@pytest.mark.parametrize("locale", ["fr", "es"])
def test_percentages_still_round_halves_up(locale: str) -> None:
    formats = Formats(locale)
    assert [formats.percent(1 / 8), formats.percent(1 / 16, 1)] == [f"13{NBSP}%", f"6,3{NBSP}%"]


def test_french_groups_thousands_with_the_word_processors_no_break_space(fr: Formats) -> None:
    # U+00A0, not CLDR's narrow U+202F: see reportgen.language.rules.NO_BREAK_SPACE.
    assert fr.number(1234.5) == f"1{NBSP}234,5"
    assert fr.number(108) == "108"
    assert "\u202f" not in fr.number(1_000_000) + fr.percent(12.345, 1)


def test_spanish_groups_thousands_with_a_period_as_the_un_manual(es: Formats) -> None:
    assert es.number(1900) == "1.900"
    assert es.number(51800.5) == "51.800,5"


# Ordinals


def test_french_meeting_ordinals_are_lowercase_words(fr: Formats) -> None:
    # la quatrième Assemblée des États parties; la première Conférence d'examen
    assert [fr.meeting_ordinal(n) for n in (1, 2, 4, 5, 9, 10, 11, 21, 80)] == [
        "première",
        "deuxième",
        "quatrième",
        "cinquième",
        "neuvième",
        "dixième",
        "onzième",
        "vingt et unième",
        "quatre-vingtième",
    ]


def test_french_ordinals_in_figures(fr: Formats) -> None:
    assert [fr.ordinal(1), fr.ordinal(1, "f"), fr.ordinal(4), fr.ordinal(102)] == [
        "1er",
        "1re",
        "4e",  # never "4ème"
        "102e",
    ]


def test_spanish_meeting_ordinals_are_capitalised_and_feminine(es: Formats) -> None:
    # la Cuarta Reunión de los Estados Partes; la Primera Conferencia de Examen
    assert [es.meeting_ordinal(n) for n in range(1, 11)] == [
        "Primera",
        "Segunda",
        "Tercera",
        "Cuarta",
        "Quinta",
        "Sexta",
        "Séptima",
        "Octava",
        "Novena",
        "Décima",
    ]
    # spelled on, as UN Spanish documents write them (review of issue 19, finding 12): never
    # num2words' "décimoprimera", nor "11ª" beside "Décima"
    assert [es.meeting_ordinal(n) for n in (11, 12, 13, 14, 15, 16, 17, 18, 19, 20)] == [
        "Undécima",
        "Duodécima",
        "Decimotercera",
        "Decimocuarta",
        "Decimoquinta",
        "Decimosexta",
        "Decimoséptima",
        "Decimoctava",
        "Decimonovena",
        "Vigésima",
    ]
    assert es.meeting_ordinal(21) == "Vigésima Primera"
    assert es.meeting_ordinal(100) == "100ª"


def test_meeting_names_after_the_tenth(es: Formats) -> None:
    from reportgen.inputs.models import english_meeting_name

    assert es.language.meeting_name("msp", 13) == "Decimotercera Reunión de los Estados Partes"
    english = Formats("en_GB").language
    assert english.meeting_name("review_conference", 11) == "Eleventh Review Conference"
    assert english.meeting_name("review_conference", 21) == "Twenty-first Review Conference"
    assert english.meeting_name("msp", 11, short=True) == "11th MSP"  # MSPs keep figures
    assert english_meeting_name("review_conference", 11) == "Eleventh Review Conference"


def test_spanish_ordinals_in_figures(es: Formats) -> None:
    assert [es.ordinal(4), es.ordinal(4, "f")] == ["4º", "4ª"]


def test_english_ordinals_stay_in_figures() -> None:
    en = Formats("en_GB")
    assert [en.meeting_ordinal(4), en.ordinal(102), en.ordinal(1, "f")] == ["4th", "102nd", "1st"]


# Dates


def test_french_dates(fr: Formats) -> None:
    assert fr.long_date(dt.date(2008, 12, 3)) == f"3{NBSP}décembre 2008"
    assert fr.long_date(dt.date(2010, 8, 1)) == f"1er{NBSP}août 2010"  # entrée en vigueur
    assert fr.long_date(None) == ""
    assert fr.month_year(dt.date(2012, 9, 14)) == "septembre 2012"
    assert fr.short_date(dt.date(2008, 12, 3)) == "03.12.2008"


def test_spanish_dates_write_the_first_as_a_cardinal(es: Formats) -> None:
    assert es.long_date(dt.date(2008, 12, 3)) == "3 de diciembre de 2008"
    assert es.long_date(dt.date(2010, 8, 1)) == "1 de agosto de 2010"  # not "primero"
    assert es.month_year(dt.date(2012, 9, 14)) == "septiembre de 2012"


@pytest.mark.parametrize(
    ("start", "end", "french", "spanish"),
    [
        (
            (2013, 9, 9),
            (2013, 9, 13),
            "du 9 au 13 septembre 2013",
            "del 9 al 13 de septiembre de 2013",
        ),
        ((2013, 5, 22), (2013, 5, 23), "les 22 et 23 mai 2013", "los días 22 y 23 de mayo de 2013"),
        (
            (2013, 5, 28),
            (2013, 6, 2),
            "du 28 mai au 2 juin 2013",
            "del 28 de mayo al 2 de junio de 2013",
        ),
        (
            (2012, 12, 30),
            (2013, 1, 2),
            "du 30 décembre 2012 au 2 janvier 2013",
            "del 30 de diciembre de 2012 al 2 de enero de 2013",
        ),
        ((2010, 8, 1), (2010, 8, 3), "du 1er au 3 août 2010", "del 1 al 3 de agosto de 2010"),
        ((2013, 5, 22), (2013, 5, 22), "le 22 mai 2013", "el 22 de mayo de 2013"),
    ],
)
def test_date_ranges_carry_their_preposition(
    fr: Formats,
    es: Formats,
    start: tuple[int, int, int],
    end: tuple[int, int, int],
    french: str,
    spanish: str,
) -> None:
    first, last = dt.date(*start), dt.date(*end)
    assert fr.date_range(first, last).replace(NBSP, " ") == french
    assert es.date_range(first, last) == spanish


def test_a_french_day_is_held_to_its_month(fr: Formats) -> None:
    assert fr.date_range(dt.date(2013, 9, 9), dt.date(2013, 9, 13)) == (
        f"du 9 au 13{NBSP}septembre 2013"
    )


# Lists


def test_french_lists(fr: Formats) -> None:
    assert fr.names(["le Pérou", "l'Australie", "l'Iraq"]) == "le Pérou, l'Australie et l'Iraq"
    assert fr.names(["la France", "l'Italie"]) == "la France et l'Italie"
    assert fr.names(["Nauru"]) == "Nauru"
    assert fr.names([]) == ""


def test_spanish_lists(es: Formats) -> None:
    assert es.names(["el Perú", "Australia", "el Iraq"]) == "el Perú, Australia y el Iraq"
    assert es.names(["Nauru"]) == "Nauru"
    assert es.names(["Chile", "Ghana"]) == "Chile y Ghana"
    assert es.names([]) == ""


@pytest.mark.parametrize(
    ("names", "written"),
    [
        (["Francia", "Italia"], "Francia e Italia"),
        (["España", "Irlanda"], "España e Irlanda"),
        (["Chile", "Indonesia"], "Chile e Indonesia"),
        (["Noruega", "Islandia"], "Noruega e Islandia"),
        (["Austria", "Hungría", "Israel"], "Austria, Hungría e Israel"),
        (["Chile", "Haití"], "Chile y Haití"),  # /a/
        (["Canarias", "Hierro"], "Canarias y Hierro"),  # hie-: a glide, not /i/
        (["el Chad", "el Iraq"], "el Chad y el Iraq"),  # the article comes first
        (["Italia", "Francia"], "Italia y Francia"),  # only the word after counts
    ],
)
def test_spanish_and_is_e_before_the_sound_i(es: Formats, names: list[str], written: str) -> None:
    assert es.names(names) == written


def test_alternatives_in_each_language(fr: Formats, es: Formats) -> None:
    assert Formats("en_GB").alternatives(["Peru", "Iraq"]) == "Peru or Iraq"
    assert fr.alternatives(["le Pérou", "l'Iraq", "Oman"]) == "le Pérou, l'Iraq ou Oman"
    assert es.alternatives(["Bélgica", "Omán"]) == "Bélgica u Omán"
    assert es.alternatives(["Bélgica", "el Perú", "Honduras"]) == "Bélgica, el Perú u Honduras"
    assert es.alternatives(["Bélgica", "Honduras", "Chile"]) == "Bélgica, Honduras o Chile"
    assert es.alternatives(["Chile"]) == "Chile"


def test_spanish_or_is_u_before_the_sound_o() -> None:
    assert [spanish_or("ocho"), spanish_or("Omán"), spanish_or("Holanda"), spanish_or("Chile")] == [
        "u",
        "u",
        "u",
        "o",
    ]
    assert [spanish_and("hielo"), spanish_and("hilo"), spanish_and("Íñigo")] == ["y", "e", "e"]


# Alphabetical order


def test_french_order_sorts_accented_e_as_e(fr: Formats) -> None:
    names = ["Estonie", "Érythrée", "Espagne", "Équateur", "Émirats arabes unis", "Égypte"]
    assert fr.sorted_names([*names, "El Salvador", "Eswatini"]) == [
        "Égypte",
        "El Salvador",  # before Équateur, as the UN Treaty Collection's French list
        "Émirats arabes unis",
        "Équateur",
        "Érythrée",
        "Espagne",
        "Estonie",
        "Eswatini",
    ]
    assert sorted(names) != fr.sorted_names(names)  # code-point order puts É after Z


def test_french_order_reads_ligatures_as_two_letters(fr: Formats) -> None:
    assert fr.sorted_names(["Oman", "Œuvre", "Ouganda"]) == ["Œuvre", "Oman", "Ouganda"]


def test_spanish_order_puts_enye_after_n(es: Formats) -> None:
    assert es.sorted_names(["caña", "canoa", "cana", "cuna"]) == ["cana", "canoa", "caña", "cuna"]
    assert es.sorted_names(["Noruega", "Nueva Zelandia", "Nigeria", "Níger", "Namibia"]) == [
        "Namibia",
        "Níger",
        "Nigeria",
        "Noruega",
        "Nueva Zelandia",
    ]
    assert es.sorted_names(["Estonia", "Estados Unidos", "España", "Eslovenia", "Eslovaquia"]) == [
        "Eslovaquia",
        "Eslovenia",
        "España",
        "Estados Unidos",
        "Estonia",
    ]


def test_spanish_order_sorts_enye_before_a_following_o(es: Formats) -> None:
    # "Españ|a" against "Espan|o...": n sorts before ñ whatever follows.
    assert es.sorted_names(["España", "Espanol"]) == ["Espanol", "España"]
    assert Formats("fr").sorted_names(["España", "Espanol"]) == ["España", "Espanol"]


def test_english_order_is_unchanged() -> None:
    names = ["Cuba", "Côte d'Ivoire", "Costa Rica", "Croatia"]
    assert Formats("en_GB").sorted_names(names) == [
        "Costa Rica",
        "Côte d'Ivoire",
        "Croatia",
        "Cuba",
    ]


def test_the_filters_follow_the_locale() -> None:
    filters = Formats("es").filters()
    assert filters["names"](["Francia", "Italia"]) == "Francia e Italia"
    assert filters["words"](21, "f") == "veintiuna"
