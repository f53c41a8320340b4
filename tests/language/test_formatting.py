"""Each format is defined once and follows the report's locale."""

from __future__ import annotations

import datetime as dt

import pytest

from reportgen.core.collation import collation_key
from reportgen.language.formats import Formats


@pytest.fixture
def en() -> Formats:
    return Formats("en_GB")


def test_numbers_in_words(en: Formats) -> None:
    assert [en.words(n) for n in (1, 8, 20, 29, 36, 100)] == [
        "one",
        "eight",
        "twenty",
        "twenty-nine",
        "thirty-six",
        "one hundred",
    ]
    assert Formats("pt_PT").words(36) == "trinta e seis"


def test_percentages_round_as_the_report_prints_them(en: Formats) -> None:
    assert en.percent(29 / 108) == "27%"
    assert en.percent(20 / 63, 1) == "31.7%"
    assert Formats("pt_PT").percent(20 / 63, 1) == "31,7%"


def test_percentages_round_halves_up_as_readers_do(en: Formats) -> None:
    assert [en.percent(1 / 8), en.percent(5 / 8), en.percent(1 / 16, 1)] == ["13%", "63%", "6.3%"]


def test_dates(en: Formats) -> None:
    day = dt.date(2008, 12, 3)
    assert en.long_date(day) == "3 December 2008"
    assert en.short_date(day) == "03.12.2008"
    assert en.short_date(None) == ""
    assert en.month_year(dt.date(2012, 9, 14)) == "September 2012"
    assert Formats("pt_PT").long_date(day) == "3 de dezembro de 2008"


@pytest.mark.parametrize(
    ("start", "end", "written"),
    [
        ((2013, 5, 22), (2013, 5, 23), "22\u201323 May 2013"),
        ((2011, 9, 13), (2011, 9, 16), "13\u201316 September 2011"),  # not babel's "Sept"
        ((2013, 5, 28), (2013, 6, 2), "28 May \u2013 2 June 2013"),
        ((2012, 12, 30), (2013, 1, 2), "30 December 2012 \u2013 2 January 2013"),
        ((2013, 5, 22), (2013, 5, 22), "22 May 2013"),
    ],
)
def test_date_ranges_write_shared_parts_once(
    en: Formats, start: tuple[int, int, int], end: tuple[int, int, int], written: str
) -> None:
    assert en.date_range(dt.date(*start), dt.date(*end)) == written


def test_lists_in_running_text(en: Formats) -> None:
    assert en.names(["Peru", "Australia", "Iraq"]) == "Peru, Australia and Iraq"
    assert en.names(["Andorra"]) == "Andorra"
    assert en.numbered(["regional approach", "target approach"]) == (
        "1) regional approach; 2) target approach"
    )
    assert en.plural(1, "has", "have") == "has" and en.plural(2, "has", "have") == "have"


def test_alphabetical_order_ignores_accents_and_case() -> None:
    names = ["Cuba", "Côte d'Ivoire", "Costa Rica", "czech Republic", "Croatia"]
    assert sorted(names, key=collation_key) == [
        "Costa Rica",
        "Côte d'Ivoire",
        "Croatia",
        "Cuba",
        "czech Republic",
    ]
