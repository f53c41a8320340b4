"""The report of 2026, to the Third Review Conference, from the public record rolled forward.

The 2025 data (test_public_record.py: the 4th MSP data rolled forward to 2023, then to 2025) is
rolled forward once more as a user would: as_of 1 September 2026, `reportgen import untc
tests/fixtures/untc/XXVI-6.2026-09-01.html --write --region=Vanuatu=Pacific` (a page
RECONSTRUCTED by tools/make_untc_fixtures.py, with Vanuatu's row "5 Sep 2025 a"), Vanuatu's
names appended to names.yaml, and report.yaml edited: the Third Review Conference added
(Vientiane, 14-18 September 2026), presented_to 3RC, counting_since and the highlighted period
from the 13th MSP.

Every expected figure is the public record's (tests/fixtures/public-2026/README.md): Vanuatu
acceded on 5 September 2025, before the 13th MSP opened (16 September 2025), so on
1 September 2026 there are 112 States Parties (counted by deposit, as the status table is),
108 signatories, 12 signatories yet to ratify, and no new State Party since the 13th MSP;
Lithuania's withdrawal took effect on 6 March 2025, before the period.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from reportgen.app import build
from reportgen.cli.main import main
from reportgen.figures.compute import compute
from reportgen.inputs.load import load_inputs
from reportgen.review.rendition import rendition
from tests.conftest import template_of
from tests.documents.report.test_public_record import (
    FIXTURES,
    LANGS,
    PAGES,
    _reports,
    flat,
    record_2023,  # noqa: F401  (a fixture record_2025 uses)
    record_2025,  # noqa: F401  (a fixture the 2026 data rolls forward)
    roll_forward,
    table_rows,
)

HERE = FIXTURES / "public-2026"
AS_OF = dt.date(2026, 9, 1)
VANUATU = dt.date(2025, 9, 5)  # its instrument of accession (README)
MSP13_OPENS, MSP13_CLOSES = dt.date(2025, 9, 16), dt.date(2025, 9, 19)
LITHUANIA_LEAVES = dt.date(2025, 3, 6)
# the record as the README gives it: 111 States Parties once Lithuania's withdrawal took effect
# (the 2025 report), one accession since (Vanuatu), none after it
PARTIES = 111 + 1
SIGNATORIES = 108  # no signature since 2013: the Convention is closed for signature (Art. 15)
YET_TO_RATIFY = 12  # as in 2023 and 2025: no signatory ratified since
ROWS = PARTIES + YET_TO_RATIFY + 1  # Lithuania keeps its row, footnoted


@pytest.fixture(scope="module")
def record_2026(record_2025: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    data = tmp_path_factory.mktemp("public-2026") / "data"
    code = roll_forward(
        record_2025,
        data,
        as_of=("2025-09-01", AS_OF.isoformat()),
        page=PAGES / "XXVI-6.2026-09-01.html",
        frame=(("13MSP", "12MSP", "12MSP"), ("3RC", "13MSP", "13MSP")),
        meetings=HERE / "meetings.yaml",
        names=HERE / "names-added.yaml",
        regions={"Vanuatu": "Pacific"},  # as the 4th MSP data counts Australia and Nauru
    )
    assert code == 0
    return data


@pytest.fixture(scope="module")
def reports_2026(record_2026: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _reports(record_2026, tmp_path_factory.mktemp("reports-2026"))


def test_the_meetings_fall_as_the_record_says() -> None:
    # the facts the figures below rest on: Vanuatu deposited before the 13th MSP opened, and
    # Lithuania's withdrawal took effect before it too
    assert LITHUANIA_LEAVES < VANUATU < MSP13_OPENS < MSP13_CLOSES < AS_OF


def test_2026_figures_are_the_public_records(record_2026: Path) -> None:
    inputs = load_inputs(record_2026)
    vanuatu = inputs.state("Vanuatu")
    assert (vanuatu.accession, vanuatu.signature, vanuatu.region) == (VANUATU, None, "Pacific")
    assert inputs.report.status_source is not None
    assert inputs.report.status_source.as_at == inputs.report.as_of == AS_OF
    figures = compute(inputs)
    assert figures.states_parties.count == PARTIES
    assert "Vanuatu" in figures.states_parties.states
    assert "Lithuania" not in figures.states_parties.states
    assert figures.signatories.count == SIGNATORIES
    assert figures.signatories_yet_to_ratify.count == YET_TO_RATIFY
    # Vanuatu was a Party (by deposit) when the 13th MSP closed: nothing is new since
    assert figures.states_parties_at_since_meeting.count == PARTIES
    assert figures.new_states_parties.count == 0
    assert figures.withdrawals_since_meeting.states == ()  # Lithuania left before the period
    assert figures.withdrawals_pending.count == 0
    last = figures.states_parties_over_time.steps[-1]
    assert (last.day, last.joined, last.count) == (VANUATU, ("Vanuatu",), PARTIES)


def test_reportgen_figures_agrees(record_2026: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--data", str(record_2026), "--format", "json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["as_of"] == AS_OF.isoformat()
    value = {figure["name"]: figure for figure in said["figures"]}
    assert value["states_parties"]["value"] == PARTIES
    assert "Vanuatu" in value["states_parties"]["states"]
    assert value["signatories"]["value"] == SIGNATORIES
    assert value["signatories_yet_to_ratify"]["value"] == YET_TO_RATIFY
    assert value["new_states_parties"]["value"] == 0
    assert value["status_table"]["value"] == ROWS
    assert value["states_parties_over_time.13MSP"]["value"] == PARTIES


@pytest.mark.parametrize("lang", LANGS)
def test_2026_reports_table_rows_and_totals(reports_2026: dict[str, str], lang: str) -> None:
    text = reports_2026[lang]
    assert f"| **{SIGNATORIES}** | **{PARTIES}** |" in text
    rows = table_rows(text)
    assert len(rows) == ROWS
    assert f"| Vanuatu |  | {VANUATU:%d.%m.%Y} |" in rows  # the same name in fr and es
    assert sum(not row.endswith("|  |") for row in rows) == PARTIES + 1  # and Lithuania's
    assert sum(row.endswith("|  |") for row in rows) == YET_TO_RATIFY


THIRD_RC = {
    "en": "Third Review Conference",
    "fr": "troisième Conférence d'examen",
    "es": "Tercera Conferencia de Examen",
}
"""The meeting's name in each language's running text (language/default.py, fr.py, es.py:
UN English and Spanish capitalise the ordinal, French does not)."""


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        # the three periods of the report's authors, Peru appointed at the 11th MSP, named by
        # their meetings (Geneva repeats: a city would not tell them apart)
        (
            "en",
            "in the three intersessional periods between the 11th MSP, the 12th MSP, the "
            "13th MSP and the Third Review Conference",
        ),
        (
            "fr",
            "au cours des trois périodes intersessions entre la onzième Assemblée, la "
            "douzième Assemblée, la treizième Assemblée et la troisième Conférence d'examen",
        ),
        (
            "es",
            "en los tres períodos entre la Undécima Reunión, la Duodécima Reunión, la "
            "Decimotercera Reunión y la Tercera Conferencia de Examen",
        ),
        # the timeline's description marks the Conference where it is held
        ("en", "the Third Review Conference (Vientiane), opening on 14 September 2026"),
        ("fr", "la troisième Conférence d'examen (Vientiane), qui s'ouvre le 14 septembre 2026"),
        (
            "es",
            "la Tercera Conferencia de Examen (Vientiane), que se inaugurará el 14 de "
            "septiembre de 2026",
        ),
    ],
)
def test_2026_reports_name_the_third_review_conference(
    reports_2026: dict[str, str], lang: str, words: str
) -> None:
    text = flat(reports_2026[lang])
    assert THIRD_RC[lang] in text
    assert words in text


THIS_CONFERENCE = {
    "en": ("Observers to this Conference", "this Meeting"),
    "fr": ("à la présente Conférence", "la présente Assemblée"),
    "es": ("en la presente Conferencia", "la presente Reunión"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_category_ii_calls_on_the_observers_to_this_conference(
    reports_2026: dict[str, str], lang: str
) -> None:
    said, not_said = THIS_CONFERENCE[lang]
    paragraph = next(p for p in reports_2026[lang].split("\n") if "observ" in p.casefold())
    assert said in paragraph and not_said not in paragraph


NO_NEW_STATE = {
    "en": (
        "Since the 13th Meeting of States Parties (2025), no State has ratified or acceded "
        f"to the CCM; the number of States Parties remains {PARTIES}.",
        "the following",
        ("Lithuania's withdrawal", "from 112 to 111"),
    ),
    "fr": (
        "Depuis la treizième Assemblée des États parties (2025), aucun État n'a ratifié la "
        f"Convention ni n'y a adhéré ; le nombre d'États parties est toujours de {PARTIES}.",
        "suivants",
        ("retrait de la Lituanie", "de 112 à 111"),
    ),
    "es": (
        "Desde la Decimotercera Reunión de los Estados Partes (2025), ningún Estado ha pasado "
        f"a ser parte en la Convención; el número de Estados partes sigue siendo {PARTIES}.",
        "siguientes",
        ("denuncia de Lituania", "de 112 a 111"),
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_2026_no_new_state_party_since_the_13th_msp(
    reports_2026: dict[str, str], lang: str
) -> None:
    sentence, lead_in, withdrawal = NO_NEW_STATE[lang]
    text = reports_2026[lang]
    assert sentence in flat(text)
    # no table of new States Parties (nor an empty row of one), no lead-in naming them
    assert not [line for line in text.splitlines() if line.startswith("|") and not line.strip("| ")]
    assert lead_in not in flat(text)
    # Lithuania's withdrawal (6 March 2025) is not this period's news: told in 2025 only
    for words in withdrawal:
        assert words not in flat(text), words


def test_2026_report_has_the_timeline_and_no_chart_of_new_states_by_region(
    record_2026: Path, tmp_path: Path
) -> None:
    output = tmp_path / "report.docx"
    build(record_2026, template_of("en"), output, lang="en")
    with zipfile.ZipFile(output) as docx:
        charts = [n for n in docx.namelist() if n.startswith("word/charts/chart")]
    assert len(charts) == 1, charts
    captions = [line for line in rendition(output).splitlines() if line.startswith("[Caption]")]
    assert len(captions) == 1 and captions[0].endswith("to 1 September 2026"), captions


@pytest.mark.parametrize("lang", LANGS)
def test_2026_check_gives_no_error_and_the_warnings_the_2013_prose_calls_for(
    record_2026: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["check", "--data", str(record_2026), "--template", str(template_of(lang)), "--lang", lang]
    )
    out, err = capsys.readouterr()
    assert code == 0, out + err
    warnings = [line for line in (out + err).splitlines() if ": warning: " in line]
    # the fixture keeps the 4th MSP's prose and events (README): its 2013 letter, initiatives
    # and demarches are flagged as a previous report's, and its sentence that Africa "made a
    # huge step" is flagged since no African State joined after the 13th MSP
    regions = yaml.safe_load((record_2026 / "report.yaml").read_text(encoding="utf-8"))["regions"]
    africa = next(region["label"][lang] for region in regions if region["name"] == "Africa")
    must = [
        "campaigns.yaml:",
        "initiatives[0].end: warning: 2013-05-23",
        "demarches.by[0]: warning: Portugal is not a coordinator",
        f"regional_results.{lang}: warning: names {africa}, but no State",
    ]
    for start in must:
        assert [w for w in warnings if start in w], (start, warnings)
    # the depositary's page is as of the report's day: nothing about the status's date
    assert not [w for w in warnings if "status_source" in w or "depositary" in w], warnings
    assert not [w for w in warnings if "Vanuatu" in w or "VUT" in w], warnings


PAPER = """
frame: working-paper
working_paper:
  symbol: CCM/CONF/2026/WP.1
  date: 2026-09-01
  agenda_item:
    number: "10"
    title: {en: Universalization, fr: Universalisation, es: Universalización}
"""
"""An illustration (the symbol, date and agenda item are NOT the record's): the working
paper's first page names the meeting of presented_to with its place and days."""

FIRST_PAGE = {
    "en": ("Third Review Conference", "Vientiane, 14\u201318 September 2026"),  # an en dash
    "fr": ("Troisième Conférence d'examen", "Vientiane, 14-18 septembre 2026"),
    "es": ("Tercera Conferencia de Examen", "Vientiane, 14 a 18 de septiembre de 2026"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_2026_working_paper_names_the_conference_in_vientiane(
    record_2026: Path, tmp_path: Path, lang: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(record_2026, data)
    with (data / "report.yaml").open("a", encoding="utf-8") as file:
        file.write(PAPER)
    output = tmp_path / f"wp.{lang}.docx"
    build(data, template_of(lang), output, lang=lang)
    text = " ".join(rendition(output).replace("\u00a0", " ").split())
    meeting, place = FIRST_PAGE[lang]
    assert meeting in text and place in text
    assert "CCM/CONF/2026/WP.1" in text
