"""The working paper's first page from the meeting's data (review 1, findings 1, 2 and 17):
the meeting's name in the report's language with its ordinal spelled, as UN first pages
print it; the place line of a meeting online or in parts; no page number on the first page;
a symbol of the other kind of meeting, or of a year the meeting was not held in, warned of.

The working_paper block is test_frame.py's illustration without its `meeting:` override (its
symbol and agenda are of the Convention's form, not the 4th MSP's real ones).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from reportgen.app import Target, build_all
from reportgen.cli.main import main
from reportgen.documents.report.frame import english_ordinal, first_page_meeting, place_and_dates
from reportgen.documents.report.values import SENTENCES
from reportgen.inputs.models import Meeting
from reportgen.language.fluent import Sentences, read_catalogue
from reportgen.language.formats import Formats
from reportgen.ooxml.xml import qn
from tests.conftest import template_of
from tests.documents.report.test_frame import WORKING_PAPER, _at, _normalised, _paper_data
from tests.documents.report.test_frame_words import _first_page

LANGS = ("en", "fr", "es")
LOCALES = {"en": "en_GB", "fr": "fr", "es": "es"}
GENEVA = {"en": "Geneva", "fr": "Genève", "es": "Ginebra"}

DERIVED = WORKING_PAPER.replace(
    """  meeting:
    en: Fourth Meeting of States Parties
    fr: Quatrième Assemblée des États parties
    es: Cuarta Reunión de los Estados Partes
""",
    "",
)
"""The illustration without `meeting:`: the name is the data's, derived."""
assert DERIVED != WORKING_PAPER

LUSAKA = """    city: Lusaka
    country: Zambia
    start: 2013-09-10
    end: 2013-09-13
"""
"""The 4th MSP's place and days in the 4th MSP data's report.yaml."""


def _say(lang: str) -> tuple[Formats, Sentences]:
    formats = Formats(LOCALES[lang])
    catalogue = read_catalogue(template_of(lang).with_suffix(".ftl"), LOCALES[lang], SENTENCES)
    return formats, Sentences(catalogue, formats)


def _second_review_conference(lang: str) -> Meeting:
    """The Second Review Conference: online on 25-27 November 2020, in Geneva on 20-21
    September 2021 (clusterconvention.org/second-review-conference; gichd.org, 16 September
    2021)."""
    return Meeting.model_validate(
        {
            "key": "2RC",
            "kind": "review_conference",
            "number": 2,
            "parts": [
                {"online": True, "start": "2020-11-25", "end": "2020-11-27"},
                {
                    "city": GENEVA[lang],
                    "country": "Switzerland",
                    "start": "2021-09-20",
                    "end": "2021-09-21",
                },
            ],
        }
    )


def _msp(number: int, **held: object) -> Meeting:
    return Meeting.model_validate({"key": f"{number}MSP", "kind": "msp", "number": number, **held})


# ---------------------------------------------------------------- the meeting's name (finding 1)


@pytest.mark.parametrize(
    ("number", "spelled"),
    [
        (1, "First"),
        (4, "Fourth"),
        (11, "Eleventh"),
        (12, "Twelfth"),
        (20, "Twentieth"),
        (21, "Twenty-first"),
        (42, "Forty-second"),
        (99, "Ninety-ninth"),
        (100, None),
    ],
)
def test_english_ordinals_in_words(number: int, spelled: str | None) -> None:
    assert english_ordinal(number) == spelled


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Eleventh Meeting of States Parties"),
        ("fr", "Onzième Assemblée des États parties"),
        ("es", "Undécima Reunión de los Estados Partes"),
    ],
)
def test_the_eleventh_msp_is_spelled_as_un_first_pages_spell_it(lang: str, expected: str) -> None:
    formats, _ = _say(lang)
    meeting = _msp(11, city="Geneva", country="Switzerland", start="2023-09-11", end="2023-09-14")
    assert first_page_meeting(meeting, lang, formats) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Second Review Conference"),
        ("fr", "Deuxième Conférence d'examen"),
        ("es", "Segunda Conferencia de Examen"),
    ],
)
def test_a_review_conference_is_named_in_the_reports_language(lang: str, expected: str) -> None:
    formats, _ = _say(lang)
    assert first_page_meeting(_second_review_conference(lang), lang, formats) == expected


def test_the_first_page_names_the_meeting_in_the_reports_language(tmp_path: Path) -> None:
    data = _paper_data(tmp_path / "data", DERIVED)
    made = build_all(
        data, [Target(lang, template_of(lang), tmp_path / f"wp.{lang}.docx") for lang in LANGS]
    )
    pages = {built.lang: _first_page(built.output) for built in made}
    for lang, name in {
        "en": "Fourth Meeting of States Parties",
        "fr": "Quatrième Assemblée des États parties",
        "es": "Cuarta Reunión de los Estados Partes",
    }.items():
        assert _normalised(name) in pages[lang], (lang, pages[lang])
    assert "4th Meeting" not in pages["fr"] + pages["es"] + pages["en"]


# ---------------------------------------------------------------- the place line (finding 2)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Online, 25\u201327 November 2020, and Geneva, 20\u201321 September 2021"),
        ("fr", "En ligne, 25-27 novembre 2020, et Genève, 20-21 septembre 2021"),
        (
            "es",
            "En línea, 25 a 27 de noviembre de 2020, y Ginebra, 20 a 21 de septiembre de 2021",
        ),
    ],
)
def test_a_meeting_in_parts_gives_each_part_its_place_and_days(lang: str, expected: str) -> None:
    formats, say = _say(lang)
    said = place_and_dates(_second_review_conference(lang), lang, formats, say)
    assert _normalised(said) == expected  # French keeps its no-break spaces


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Online, 10\u201313 September 2013"),
        ("fr", "En ligne, 10-13 septembre 2013"),
        ("es", "En línea, 10 a 13 de septiembre de 2013"),
    ],
)
def test_a_meeting_online_is_online_not_none(lang: str, expected: str) -> None:
    formats, say = _say(lang)
    meeting = _msp(4, online=True, start="2013-09-10", end="2013-09-13")
    assert _normalised(place_and_dates(meeting, lang, formats, say)) == expected


def test_a_built_paper_for_a_meeting_online_says_so_in_every_language(tmp_path: Path) -> None:
    data = _paper_data(tmp_path / "data", DERIVED)
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    assert text.count(LUSAKA) == 1
    online = "    online: true\n    start: 2013-09-10\n    end: 2013-09-13\n"
    report.write_text(text.replace(LUSAKA, online), encoding="utf-8")
    made = build_all(
        data, [Target(lang, template_of(lang), tmp_path / f"wp.{lang}.docx") for lang in LANGS]
    )
    pages = {built.lang: _first_page(built.output) for built in made}
    for lang, line in {
        "en": "Online, 10\u201313 September 2013",
        "fr": "En ligne, 10-13 septembre 2013",
        "es": "En línea, 10 a 13 de septiembre de 2013",
    }.items():
        assert _normalised(line) in pages[lang], (lang, pages[lang])
        assert "None" not in pages[lang]


# ---------------------------------------------------------------- page 1, the symbol (finding 17)


def _footer_texts(path: Path) -> dict[str, str]:
    """The first section's footers by type (first, default), their text and fields' codes."""
    document = docx.Document(str(path))
    first = next(document.element.body.iter(qn("w:sectPr")))
    found = {}
    for reference in first.findall(qn("w:footerReference")):
        root = document.part.rels[reference.get(qn("r:id"))].target_part.element
        codes = "".join(t.text or "" for t in root.iter(qn("w:instrText")))
        simple = "".join(f.get(qn("w:instr")) or "" for f in root.iter(qn("w:fldSimple")))
        text = "".join(t.text or "" for t in root.iter(qn("w:t")))
        found[reference.get(qn("w:type"))] = f"{codes}{simple}|{text}"
    assert first.find(qn("w:titlePg")) is not None
    return found


def test_the_first_page_has_no_page_number_and_the_others_keep_theirs(tmp_path: Path) -> None:
    data = _paper_data(tmp_path / "data", DERIVED)
    (built,) = build_all(data, [Target("en", template_of("en"), tmp_path / "wp.en.docx")])
    footers = _footer_texts(built.output)
    assert footers["first"] == "|", footers
    assert "PAGE" in footers["default"], footers


def _warnings(data: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["check", "--data", str(data), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    return [line for line in (out + err).splitlines() if "working_paper.symbol" in line]


SECOND_RC = """    kind: review_conference
    number: 2
    parts:
      - online: true
        start: 2020-11-25
        end: 2020-11-27
      - city: Geneva
        country: Switzerland
        start: 2021-09-20
        end: 2021-09-21
"""
"""The 4th MSP's entry made the Second Review Conference: a meeting in two parts."""


def _presented_to_the_2rc(target: Path, symbol: str) -> Path:
    data = _paper_data(target, DERIVED.replace("CCM/MSP/2013/WP.2", symbol))
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    start = text.index("    kind: msp", text.index("  - key: 4MSP\n"))
    old = text[start : text.index(LUSAKA, start) + len(LUSAKA)]
    assert old.endswith("    number: 4\n" + LUSAKA), old
    text = text.replace(old, SECOND_RC).replace("as_of: 2013-09-01 ", "as_of: 2021-10-01 ")
    report.write_text(text, encoding="utf-8")
    return data


@pytest.mark.parametrize("symbol", ["CCM/CONF/2020/WP.2", "CCM/CONF/2021/WP.1"])
def test_a_review_conference_in_two_years_takes_a_symbol_of_either(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], symbol: str
) -> None:
    # the 2RC's papers of its first part are CCM/CONF/2020 (CCM/CONF/2020/WP.2, stored page of
    # the first part of the 2RC); its second part, held in 2021, closed it
    data = _presented_to_the_2rc(tmp_path / "data", symbol)
    assert _warnings(data, capsys) == []


def test_a_symbol_of_the_other_kind_or_year_is_a_located_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _presented_to_the_2rc(tmp_path / "data", "CCM/MSP/2022/WP.1")
    report = data / "report.yaml"
    where = f"{report}:{_at(report, 'symbol:')}: working_paper.symbol: warning: "
    assert sorted(_warnings(data, capsys)) == [
        f"{where}names 2022, but the 4MSP of presented_to is held in 2020 and 2021: a working "
        "paper's symbol names the year of its meeting",
        f"{where}names CCM/MSP, but the 4MSP of presented_to is a Review Conference: a "
        "working paper submitted to it is CCM/CONF/<year>/WP.<n>",
    ]


def test_a_conference_symbol_for_a_meeting_of_states_parties_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _paper_data(tmp_path / "data", DERIVED.replace("CCM/MSP/2013", "CCM/CONF/2013"))
    (line,) = _warnings(data, capsys)
    assert line.endswith(
        "names CCM/CONF, but the 4MSP of presented_to is a Meeting of States Parties: a "
        "working paper submitted to it is CCM/MSP/<year>/WP.<n>"
    )
