"""What the report cites that only one year can say is data (issue 19, point 3): the action
plan and the actions a paragraph refers to (report.yaml `action_plans`, events.yaml
`references`), another State's paper, a coordinator's own initiatives. Copies of the 4th MSP
data, each with one of them edited, built in English, French and Spanish.

The Lausanne Action Plan's action numbers below (1, 2, 9...) are an illustration: which of its
actions concern universalisation is not confirmed here, so they are not the plan's real ones.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from reportgen.app import Target, build_all
from reportgen.cli.main import main
from reportgen.review.rendition import rendition
from tests.conftest import DATA, template_of

LANGS = ("en", "fr", "es")

REFERENCES = re.compile(r"\nreferences:\n(?:  .*\n|\n)*")
"""The references block of the fixture's events.yaml (it ends the file)."""

OWN = re.compile(r"    initiatives: .*\n(?:      .*\n)+")
"""Portugal's own initiatives in the fixture's report.yaml."""

CPLP = {
    "en": "From our side, we can report that efforts within the Community of Portuguese "
    "Speaking Countries have proven to be very useful",
    "fr": "Pour notre part, nous pouvons indiquer que les efforts déployés au sein de la "
    "Communauté des pays de langue portugaise se sont révélés très utiles",
    "es": "Por nuestra parte, podemos informar de que los esfuerzos realizados en el marco de "
    "la Comunidad de Países de Lengua Portuguesa han resultado muy útiles",
}


def _data(target: Path, references: str | None = None, own: str | None = None) -> Path:
    """A copy of the 4th MSP data, its references block and Portugal's initiatives replaced
    (an empty text removes them)."""
    shutil.copytree(DATA, target)
    if references is not None:
        events = target / "events.yaml"
        text = events.read_text(encoding="utf-8")
        assert len(REFERENCES.findall(text)) == 1
        events.write_text(REFERENCES.sub("\n" + references, text), encoding="utf-8")
    if own is not None:
        report = target / "report.yaml"
        text = report.read_text(encoding="utf-8")
        assert len(OWN.findall(text)) == 1
        report.write_text(OWN.sub("", text).replace(own_anchor, own_anchor + own), "utf-8")
    return target


own_anchor = "  - state: Ghana\n    appointed_at: 3MSP\n"


def _texts(data: Path, out: Path) -> dict[str, str]:
    made = build_all(
        data, [Target(lang, template_of(lang), out / f"report.{lang}.docx") for lang in LANGS]
    )
    return {built.lang: " ".join(rendition(built.output).split()) for built in made}


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _texts(DATA, tmp_path_factory.mktemp("seed"))


LAUSANNE = """references:
  demarches:
    in_line_with: {plan: lausanne, actions: [1, 2]}
    goals: {plan: vientiane, actions: [9]}
  regional_approach: {plan: lausanne, actions: [4, 5, 11]}
  humanitarian_nature: {plan: lausanne, actions: [3]}
  categories_paper:
    by: Zambia
    document:
      en: its universalisation paper
      fr: son document sur l'universalisation
      es: su documento sobre la universalización
    paragraph: 10
    groups: 4
"""


def test_other_plans_and_actions_change_the_sentences_in_every_language(
    tmp_path: Path, seed: dict[str, str]
) -> None:
    texts = _texts(_data(tmp_path / "data", LAUSANNE), tmp_path / "out")
    expected = {
        "en": [
            "This initiative is in line with Actions 1 and 2 of the Lausanne Action Plan, and in "
            "the demarches we have also advanced the goals foreseen in Action 9 of the Vientiane "
            "Action Plan.",
            "as the CCM calls for and as has clearly been endorsed in the Lausanne Action Plan "
            "(Actions 4, 5 and 11). We would recall",
            "The humanitarian nature of the CCM (Action 3 of the Lausanne Action Plan) should",
        ],
        "fr": [
            "Cette initiative s'inscrit dans le droit fil des actions 1 et 2 du Plan d'action de "
            "Lausanne et, lors des démarches, nous avons également fait progresser les objectifs "
            "prévus à l'action 9 du Plan d'action de Vientiane.",
            "comme le préconise la Convention et comme le prévoit clairement le Plan d'action de "
            "Lausanne (actions 4, 5 et 11). Nous rappellerons",
            "Le caractère humanitaire de la Convention (action 3 du Plan d'action de Lausanne) "
            "devrait",
        ],
        "es": [
            "Esta iniciativa se ajusta a las medidas 1 y 2 del Plan de Acción de Lausana, y en "
            "las gestiones también hemos promovido los objetivos previstos en la medida 9 del "
            "Plan de Acción de Vientiane.",
            "como preconiza la Convención y como se respalda claramente en el Plan de Acción de "
            "Lausana (medidas 4, 5 y 11). Recordamos",
            "el carácter humanitario de la Convención (medida 3 del Plan de Acción de Lausana).",
        ],
    }
    for lang in LANGS:
        for sentence in expected[lang]:
            assert sentence in texts[lang], (lang, sentence)
            assert sentence not in seed[lang]


def test_without_plan_references_the_paragraph_goes_and_the_clauses_with_it(
    tmp_path: Path, seed: dict[str, str]
) -> None:
    only_paper = LAUSANNE.split("  categories_paper:")[1]
    texts = _texts(
        _data(tmp_path / "data", "references:\n  categories_paper:" + only_paper), tmp_path / "out"
    )
    expected = {
        "en": [
            "which includes detection, deactivation and clearance. 2. In addition,",
            "a regional approach, as the CCM calls for. We would recall",
            "The humanitarian nature of the CCM should continue",
        ],
        "fr": [
            "de détection, de neutralisation et d'enlèvement. 2. En outre,",
            "une approche régionale, comme le préconise la Convention. Nous rappellerons",
            "Le caractère humanitaire de la Convention devrait continuer",
        ],
        "es": [
            "la desactivación y la limpieza. 2. Además, la cuestión",
            "un enfoque regional, como preconiza la Convención. Recordamos",
            "el carácter humanitario de la Convención.",
        ],
    }
    for lang in LANGS:
        assert not re.search(r"Vientiane|Lausan", texts[lang]), lang
        for words in expected[lang]:
            assert words in texts[lang], (lang, words)
            assert words not in seed[lang], (lang, words)


def test_without_the_paper_its_paragraph_goes_in_every_language(
    tmp_path: Path, seed: dict[str, str]
) -> None:
    without = LAUSANNE.split("  categories_paper:")[0]
    texts = _texts(_data(tmp_path / "data", without), tmp_path / "out")
    for lang, zambia in (("en", "Zambia"), ("fr", "Zambie"), ("es", "Zambia")):
        paper = {"en": "universalisation paper", "fr": "son document", "es": "su documento"}
        assert paper[lang] in seed[lang]
        assert paper[lang] not in texts[lang]
        assert texts[lang].count(zambia) == seed[lang].count(zambia) - 2  # its two mentions


GHANA = """    initiatives:
      - en: >-
          the Economic Community of West African States has given the Convention a regional voice
        fr: >-
          la Communauté économique des États de l'Afrique de l'Ouest a donné à la Convention une
          voix régionale
        es: >-
          la Comunidad Económica de los Estados de África Occidental ha dado a la Convención una
          voz regional
"""
"""An illustration of a coordinator's own initiative, not a fact of 2013."""


def test_the_initiatives_are_those_of_whichever_coordinator_has_some(
    tmp_path: Path, seed: dict[str, str]
) -> None:
    texts = _texts(_data(tmp_path / "data", own=GHANA), tmp_path / "out")
    expected = {
        "en": "positive results. For its part, Ghana can report that the Economic Community of "
        "West African States has given the Convention a regional voice, and we assume that "
        "others,",
        "fr": "résultats positifs. Pour sa part, le Ghana peut indiquer que la Communauté "
        "économique des États de l'Afrique de l'Ouest a donné à la Convention une voix "
        "régionale, et nous supposons que d'autres,",
        "es": "resultados positivos. Por su parte, Ghana puede informar de que la Comunidad "
        "Económica de los Estados de África Occidental ha dado a la Convención una voz "
        "regional, y suponemos que otras agrupaciones,",
    }
    for lang in LANGS:
        assert CPLP[lang] in seed[lang]
        assert CPLP[lang] not in texts[lang]
        assert expected[lang] in texts[lang], lang


def test_with_no_coordinator_initiatives_the_sentence_goes(
    tmp_path: Path, seed: dict[str, str]
) -> None:
    texts = _texts(_data(tmp_path / "data", own=""), tmp_path / "out")
    ends = {
        "en": "has translated into positive results. It is of equal importance",
        "fr": "s'est traduite par des résultats positifs. Il est tout aussi important",
        "es": "ha dado resultados positivos. Es igualmente importante",
    }
    for lang in LANGS:
        assert CPLP[lang] in seed[lang]
        assert ends[lang] in texts[lang], lang
        assert ends[lang] not in seed[lang]


BAD = """references:
  demarches:
    in_line_with: {plan: vientiane, actions: [0]}
    goals: {plan: lausane, actions: [5, 6]}
  regional_approach: {plan: vientiane, actions: [2, -4]}
  humanitarian_nature: {plan: nairobi, actions: [7]}
"""


def _at(path: Path, text: str, skip: int = 0) -> str:
    """ "line:column" of the first `text` in the file (columns from 1), `skip` characters on."""
    lines = path.read_text(encoding="utf-8").splitlines()
    number, line = next((n, line) for n, line in enumerate(lines, 1) if text in line)
    return f"{number}:{line.index(text) + 1 + skip}"


def test_bad_references_are_located_each_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data(tmp_path / "data", BAD)
    events = data / "events.yaml"
    assert main(["check", "--data", str(data), "--lang", "en"]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if "references" in line]
    plans = "action_plans: vientiane, dubrovnik, lausanne"
    assert err == [
        f"{events}:{_at(events, '[0]', 1)}: references.demarches.in_line_with.actions[0]: 0 is "
        "not the number of an action: a plan numbers them from 1",
        f"{events}:{_at(events, '-4]')}: references.regional_approach.actions[1]: -4 is not "
        "the number of an action: a plan numbers them from 1",
    ], err
    # the types refused, the plan keys are checked once the numbers are fixed
    fixed = BAD.replace("[0]", "[3]").replace("-4", "4")
    data = _data(tmp_path / "fixed", fixed)
    events = data / "events.yaml"
    assert main(["check", "--data", str(data), "--lang", "en"]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if "references" in line]
    assert err == [
        f"{events}:{_at(events, 'plan: lausane')}: references.demarches.goals.plan: "
        f"'lausane' is not the key of an action plan of report.yaml ({plans})",
        f"{events}:{_at(events, 'plan: nairobi')}: references.humanitarian_nature.plan: "
        f"'nairobi' is not the key of an action plan of report.yaml ({plans})",
    ], err


def test_a_plan_not_in_force_on_the_as_of_day_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data(tmp_path / "data", LAUSANNE)
    assert main(["check", "--data", str(data), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    warned = [line for line in err.splitlines() if "warning: lausanne covers" in line]
    assert len(warned) == 3, err  # in_line_with, regional_approach, humanitarian_nature
    assert all("2021-2026, but the report is as of 2013-09-01" in line for line in warned)
    assert main(["check", "--data", str(data), "--lang", "en", "--strict"]) == 2


def test_data_of_the_release_before_builds_without_the_references_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data(tmp_path / "data", "")
    assert main(["check", "--data", str(data), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "events.yaml" in err and "warning: has no `references:` block" in err, err
