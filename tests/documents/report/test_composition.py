"""The report's sentences fit any real history (issue 19, point 2), in English, French and
Spanish: a highlighted period that is the counting period, no or one new State Party, one
year of service.

Each case is a copy of tests/fixtures/4msp/data/ with report.yaml edited; every number
expected is computed from the data, never typed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest

from reportgen.app import build
from reportgen.figures.compute import compute
from reportgen.inputs.load import load_inputs
from reportgen.review.rendition import rendition
from tests.conftest import DATA, template_of

LANGS = ("en", "fr", "es")


def edited(target: Path, *replacements: tuple[str, str]) -> Path:
    """A copy of the 4th MSP data with each (old, new) replaced once in report.yaml."""
    shutil.copytree(DATA, target)
    report = target / "report.yaml"
    text = report.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    report.write_text(text, encoding="utf-8")
    return target


DEPOSIT = re.compile(r"^  (?:ratification|accession|succession): (\d{4}-\d\d-\d\d)\n", re.M)


def without_deposits_after(data: Path, day: str) -> Path:
    """`data` with every instrument deposited after `day` removed from states.yaml."""
    states = data / "states.yaml"
    text = states.read_text(encoding="utf-8")
    states.write_text(
        DEPOSIT.sub(lambda m: "" if m.group(1) > day else m.group(0), text), encoding="utf-8"
    )
    return data


def built(data: Path, lang: str) -> tuple[str, Path]:
    """The report of `data` in `lang`: its rendition with spaces folded, and the .docx."""
    output = data.parent / f"report.{lang}.docx"
    build(data, template_of(lang), output, lang=lang)
    return " ".join(rendition(output).split()), output


COUNTED_SINCE_3MSP = ("counting_since: 2MSP", "counting_since: 3MSP")
"""The counting period made the highlighted one (3rd MSP to 4th MSP)."""


@pytest.fixture(scope="module")
def whole_period(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return edited(tmp_path_factory.mktemp("whole") / "data", COUNTED_SINCE_3MSP)


def test_a_highlighted_period_equal_to_the_counting_period_is_not_said_twice(
    whole_period: Path,
) -> None:
    figures = compute(load_inputs(whole_period))
    new = figures.new_states_parties.count
    assert new > 1 and figures.period_states_parties.count == new
    parties = figures.states_parties.count
    lead_in = {  # the sentence ends with the table's lead-in
        "en": f"of all {parties} States Parties: ",
        "fr": f"de l'ensemble des {parties} États parties : ",
        "es": f"del total de {parties} Estados partes: ",
    }
    bold = {"en": "identified in bold", "fr": "en gras", "es": "en negrita"}
    # the sentence of the period's deposits would name the same States again
    again = {
        "en": "since the 3rd MSP (",
        "fr": "depuis la troisième Assemblée (",
        "es": "desde la Tercera Reunión (",
    }
    for lang in LANGS:
        text, output = built(whole_period, lang)
        assert lead_in[lang] in text, lang
        assert bold[lang] not in text, lang
        assert again[lang] not in text, lang
        table = docx.Document(str(output)).tables[0]
        runs = [r for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs]
        assert runs and not any(run.bold for run in runs), lang


def test_no_new_state_party_drops_the_table_and_its_lead_in(tmp_path: Path) -> None:
    data = edited(tmp_path / "data", COUNTED_SINCE_3MSP)
    without_deposits_after(data, "2012-09-14")  # the 3rd MSP's close
    figures = compute(load_inputs(data))
    assert figures.new_states_parties.count == 0
    parties = figures.states_parties.count
    expected = {
        "en": "Since the 3rd Meeting of States Parties (2012), no State has ratified or acceded "
        f"to the CCM; the number of States Parties remains {parties}.",
        "fr": "Depuis la troisième Assemblée des États parties (2012), aucun État n'a ratifié la "
        f"Convention ni n'y a adhéré ; le nombre d'États parties est toujours de {parties}.",
        "es": "Desde la Tercera Reunión de los Estados Partes (2012), ningún Estado ha pasado a "
        f"ser parte en la Convención; el número de Estados partes sigue siendo {parties}.",
    }
    for lang in LANGS:
        text, output = built(data, lang)
        assert expected[lang] in text, lang
        # the status table alone: no empty table of new States Parties, no lead-in
        assert len(docx.Document(str(output)).tables) == 1, lang
        assert "Geographically" not in text and "géographique" not in text, lang


def test_one_new_state_party_is_told_in_the_singular(tmp_path: Path) -> None:
    data = edited(tmp_path / "data", COUNTED_SINCE_3MSP)
    without_deposits_after(data, "2012-09-30")  # one deposit after the 3rd MSP's close
    figures = compute(load_inputs(data))
    (state,) = figures.new_states_parties.states
    before, parties = figures.states_parties_at_since_meeting.count, figures.states_parties.count
    expected = {
        "en": "Since the 3rd Meeting of States Parties (2012), the following State has "
        f"ratified or acceded to the CCM, raising the number of States Parties from {before} "
        f"to {parties}",
        "fr": "Depuis la troisième Assemblée des États parties (2012), l'État suivant a ratifié "
        "la Convention ou y a adhéré, ce qui a porté le nombre d'États parties de "
        f"{before} à {parties}",
        "es": "Desde la Tercera Reunión de los Estados Partes (2012), el siguiente Estado ha "
        "ratificado la Convención o se ha adherido a ella, con lo que el número de Estados "
        f"partes ha pasado de {before} a {parties}",
    }
    for lang in LANGS:
        text, output = built(data, lang)
        assert expected[lang] in text, lang
        assert len(docx.Document(str(output)).tables) == 2, lang
    assert state in built(data, "en")[0]


def test_one_year_of_service_is_the_past_year(tmp_path: Path) -> None:
    data = edited(tmp_path / "data", ("issuer: Portugal", "issuer: Ghana"))
    assert compute(load_inputs(data)).coordination.years == 1
    expected = {
        "en": "For the past year, Ghana has been strongly involved",
        "fr": "Depuis un an, les efforts d'universalisation",
        "es": "Durante el último año, las actividades de universalización",
    }
    for lang in LANGS:
        text, _ = built(data, lang)
        assert expected[lang] in text, lang
        assert "one year" not in text and "un año" not in text, lang


def test_a_pending_withdrawal_does_not_come_between_the_new_states_and_them(
    tmp_path: Path,
) -> None:
    """"Two of them (identified in bold)" follows the sentence of the new States Parties:
    the pending withdrawal is told after the table, in every language."""
    from tests.documents.report.test_withdrawal import PENDING, make_data

    data = make_data(tmp_path / "data", PENDING)
    in_period = compute(load_inputs(data)).period_states_parties.count
    marks = {
        "en": ("States Parties. {} of them (identified in bold)", "Lithuania, which notified"),
        "fr": ("États parties. {} d'entre eux (indiqués en gras)", "Le retrait de la Lituanie"),
        "es": ("Estados partes. {} de ellos (indicados en negrita)", "La denuncia de Lituania"),
    }
    for lang, (them, pending) in marks.items():
        text, _ = built(data, lang)
        number = WORDS[lang][in_period]
        assert them.format(number) in text, lang
        assert text.index(them.format(number)) < text.index(pending), lang


WORDS = {
    "en": {8: "Eight", 9: "Nine"},
    "fr": {8: "Huit", 9: "Neuf"},
    "es": {8: "Ocho", 9: "Nueve"},
}
"""The count of the seed's highlighted period in words, as the sentence begins with it."""
