"""The report's sentences fit any real history (issue 19, point 2), in English, French and
Spanish: a highlighted period that is the counting period, no or one new State Party, one
year of service.

Each case is a copy of tests/fixtures/4msp/data/ with report.yaml edited; every number
expected is computed from the data, never typed.
"""

from __future__ import annotations

import re
import shutil
import zipfile
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


@pytest.fixture(scope="module")
def no_new_state(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, Path]]:
    """The report, in each language, of data in which no State joined since the counting
    meeting (the 3rd MSP): its rendition with spaces folded, and the .docx."""
    data = edited(tmp_path_factory.mktemp("none") / "data", COUNTED_SINCE_3MSP)
    without_deposits_after(data, "2012-09-14")  # the 3rd MSP's close
    assert compute(load_inputs(data)).new_states_parties.count == 0
    return {lang: built(data, lang) for lang in LANGS}


def test_no_new_state_party_drops_the_table_and_its_lead_in(
    no_new_state: dict[str, tuple[str, Path]],
) -> None:
    data = no_new_state["en"][1].parent / "data"
    parties = compute(load_inputs(data)).states_parties.count
    expected = {
        "en": "Since the 3rd Meeting of States Parties (2012), no State has ratified or acceded "
        f"to the CCM; the number of States Parties remains {parties}.",
        "fr": "Depuis la troisième Assemblée des États parties (2012), aucun État n'a ratifié la "
        f"Convention ni n'y a adhéré ; le nombre d'États parties est toujours de {parties}.",
        "es": "Desde la Tercera Reunión de los Estados Partes (2012), ningún Estado ha pasado a "
        f"ser parte en la Convención; el número de Estados partes sigue siendo {parties}.",
    }
    for lang in LANGS:
        text, output = no_new_state[lang]
        assert expected[lang] in text, lang
        # the status table alone: no empty table of new States Parties, no lead-in
        assert len(docx.Document(str(output)).tables) == 1, lang
        assert "Geographically" not in text and "géographique" not in text, lang


BY_REGION = {"en": "by region", "fr": "par région", "es": "por región"}
"""The end of the caption of the chart of new States Parties by region."""


def charts_and_captions(output: Path) -> tuple[list[str], list[str]]:
    """The chart parts of a built report, and the text of each caption of its body."""
    with zipfile.ZipFile(output) as package:
        parts = [n for n in package.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n)]
    document = docx.Document(str(output))
    captions = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Caption"
    ]
    return parts, captions


def test_no_new_state_party_drops_the_chart_by_region_and_its_caption(
    no_new_state: dict[str, tuple[str, Path]],
) -> None:
    for lang in LANGS:
        text, output = no_new_state[lang]
        parts, captions = charts_and_captions(output)
        # the timeline alone: no chart of five bars of 0, no caption for it
        assert len(parts) == 1, lang
        assert len(docx.Document(str(output)).inline_shapes) == 1, lang
        assert len(captions) == 1 and BY_REGION[lang] not in captions[0], lang
        assert BY_REGION[lang] not in text, lang


@pytest.mark.parametrize("lang", LANGS)
def test_new_states_parties_keep_the_chart_by_region_and_its_caption(
    lang: str, tmp_path: Path
) -> None:
    output = tmp_path / f"report.{lang}.docx"
    build(DATA, template_of(lang), output, lang=lang)
    assert compute(load_inputs(DATA)).new_states_parties.count > 0
    parts, captions = charts_and_captions(output)
    assert len(parts) == 2
    assert len(captions) == 2 and captions[1].endswith(BY_REGION[lang])


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
    data = edited(
        tmp_path / "data",
        ("issuer: Portugal", "issuer: Ghana"),
        ("    appointed_at: 3MSP\n", "    appointed_at: 3MSP\n" + GHANA_LETTERHEAD),
    )
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
    """ "Two of them (identified in bold)" follows the sentence of the new States Parties:
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


# --- Meetings: derived names, parts, the close, periods by meeting -----------------------


def _meetings(text: str, meetings: str) -> str:
    """report.yaml's text with its meetings (from `meetings:` to `presented_to:`) replaced."""
    head, rest = text.split("\nmeetings:\n", 1)
    _, tail = rest.split("\npresented_to:", 1)
    return f"{head}\nmeetings:\n{meetings}\npresented_to:{tail}"


def with_meetings(target: Path, meetings: str, *replacements: tuple[str, str]) -> Path:
    data = edited(target, *replacements)
    report = data / "report.yaml"
    report.write_text(_meetings(report.read_text(encoding="utf-8"), meetings), "utf-8")
    return data


GENEVA = "city: {en: Geneva, fr: Genève, es: Ginebra}, country: Switzerland"

THREE_IN_GENEVA = f"""\
  - {{key: 2MSP, kind: msp, number: 2, start: 2011-09-13, end: 2011-09-16,
     {GENEVA}}}
  - {{key: 3MSP, kind: msp, number: 3, start: 2012-09-11, end: 2012-09-14,
     {GENEVA}}}
  - {{key: 4MSP, kind: msp, number: 4, start: 2013-09-10, end: 2013-09-13,
     {GENEVA}}}
"""


def test_periods_between_meetings_in_one_city_are_named_by_their_meetings(
    tmp_path: Path,
) -> None:
    data = with_meetings(tmp_path / "data", THREE_IN_GENEVA)
    expected = {
        "en": "in the two intersessional periods between the 2nd MSP, the 3rd MSP and the "
        "4th MSP, and is divided",
        "fr": "au cours des deux périodes intersessions entre la deuxième Assemblée, la "
        "troisième Assemblée et la quatrième Assemblée et s'articule",
        "es": "los dos períodos entre la Segunda Reunión, la Tercera Reunión y la Cuarta "
        "Reunión, y se divide",
    }
    for lang in LANGS:
        text, _ = built(data, lang)
        assert expected[lang] in text, lang
        assert "Geneva, Geneva" not in text and "Genève, Genève" not in text, lang


def test_periods_between_meetings_in_different_cities_keep_the_seeds_wording(
    tmp_path: Path,
) -> None:
    text, _ = built(edited(tmp_path / "data"), "en")
    assert "in the two intersessional periods between Beirut, Oslo and Lusaka" in text


SECOND_REVIEW_CONFERENCE = f"""\
  - key: 2RC
    kind: review_conference
    number: 2
    parts:
      - {{online: true, start: 2020-11-25, end: 2020-11-27}}
      - {{start: 2021-09-20, end: 2021-09-21, {GENEVA}}}
  - {{key: 10MSP, kind: msp, number: 10, start: 2022-08-30, end: 2022-09-02,
     {GENEVA}}}
  - {{key: 11MSP, kind: msp, number: 11, start: 2023-09-11, end: 2023-09-14,
     {GENEVA}}}
"""


def test_derived_names_parts_and_a_coordinator_dated_by_the_close(tmp_path: Path) -> None:
    """A Review Conference in two parts (online, then Geneva) appointed the issuer; a
    coordinator who joined at the 10th MSP is dated by its close (September 2022), not its
    opening (August)."""
    data = with_meetings(
        tmp_path / "data",
        SECOND_REVIEW_CONFERENCE,
        ("counting_since: 2MSP", "counting_since: 2RC"),
        ("presented_to: 4MSP", "presented_to: 11MSP"),
        ("  after: 3MSP\n  before: 4MSP", "  after: 10MSP\n  before: 11MSP"),
        ("as_of: 2013-09-01", "as_of: 2023-09-01"),
        ("    until: 3MSP\n", "    until: 2RC\n"),
        ("    appointed_at: 2MSP\n", "    appointed_at: 2RC\n"),
        ("    appointed_at: 3MSP\n", "    appointed_at: 10MSP\n"),
    )
    expected = {
        "en": [
            "after having been appointed as co-coordinator by the Second Review Conference, "
            "held in November 2020 online and in September 2021 in Geneva, Switzerland.",
            "in September 2022 was joined by Ghana, at the 10th MSP, which was held in Geneva.",
            "For the past two years, Portugal",  # from the close, in 2021
            "Since the Second Review Conference (2021)",  # counted from its close
            "This number is unchanged since September 2022.",
        ],
        "fr": [
            "coordonnateur désigné par la deuxième Conférence d'examen, tenue en novembre 2020 "
            "en ligne et en septembre 2021 à Genève (Suisse).",
            "en septembre 2022, il a été rejoint par le Ghana lors de la dixième Assemblée, "
            "tenue à Genève.",
        ],
        "es": [
            "por la Segunda Conferencia de Examen, celebrada en noviembre de 2020 en línea y "
            "en septiembre de 2021 en Ginebra (Suiza).",
            "y en septiembre de 2022 se le unió Ghana, en la Décima Reunión, celebrada en Ginebra.",
        ],
    }
    for lang in LANGS:
        text, _ = built(data, lang)
        for sentence in expected[lang]:
            assert sentence in text, (lang, sentence)
        assert "August 2022" not in text and "août 2022" not in text, lang


@pytest.mark.parametrize(
    ("kind", "number", "names"),
    [
        (
            "msp",
            4,
            {
                "en": ("4th Meeting of States Parties", "4th MSP"),
                "fr": ("quatrième Assemblée des États parties", "quatrième Assemblée"),
                "es": ("Cuarta Reunión de los Estados Partes", "Cuarta Reunión"),
            },
        ),
        (
            "review_conference",
            2,
            {
                "en": ("Second Review Conference", "Second Review Conference"),
                "fr": ("deuxième Conférence d'examen", "deuxième Conférence d'examen"),
                "es": ("Segunda Conferencia de Examen", "Segunda Conferencia de Examen"),
            },
        ),
        (
            "extraordinary_msp",
            1,
            {
                "en": ("1st Extraordinary Meeting of States Parties", "1st Extraordinary MSP"),
                "fr": (
                    "première Assemblée extraordinaire des États parties",
                    "première Assemblée extraordinaire",
                ),
                "es": (
                    "Primera Reunión Extraordinaria de los Estados Partes",
                    "Primera Reunión Extraordinaria",
                ),
            },
        ),
    ],
)
def test_meeting_names_are_derived_in_each_language(
    kind: str, number: int, names: dict[str, tuple[str, str]]
) -> None:
    from reportgen.inputs.models import english_meeting_name
    from reportgen.language.registry import language_for

    for lang, (full, short) in names.items():
        language = language_for(lang)
        assert language.meeting_name(kind, number) == full, lang
        assert language.meeting_name(kind, number, short=True) == short, lang
    assert english_meeting_name(kind, number) == names["en"][0]
    assert english_meeting_name(kind, number, short=True) == names["en"][1]


def test_the_english_names_of_figures_agree_with_the_language(tmp_path: Path) -> None:
    from reportgen.inputs.models import MEETING_KINDS, english_meeting_name
    from reportgen.language.registry import language_for

    english = language_for("en")
    for kind in MEETING_KINDS:
        for number in range(1, 30):
            for short in (False, True):
                assert english_meeting_name(kind, number, short=short) == english.meeting_name(
                    kind, number, short
                )


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize(
    ("meetings", "marker", "expected"),
    [
        (
            THREE_IN_GENEVA.replace("kind: msp, number: 3", "kind: msp_ordinary, number: 3"),
            "msp_ordinary",
            "meetings[1] (3MSP).kind: ",
        ),
        (
            THREE_IN_GENEVA.replace(
                "  - {key: 3MSP, kind: msp, number: 3, start: 2012-09-11, end: 2012-09-14,\n"
                f"     {GENEVA}}}\n",
                "  - key: 3MSP\n    kind: msp\n    number: 3\n    parts:\n"
                "      - {start: 2012-09-11, end: 2012-09-14}\n",
            ),
            "{start: 2012-09-11",
            "meetings[1] (3MSP).parts[0]: has neither a city nor online",
        ),
    ],
)
def test_a_bad_meeting_is_a_located_error(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    meetings: str,
    marker: str,
    expected: str,
) -> None:
    from reportgen.cli.main import main

    data = with_meetings(tmp_path / "data", meetings)
    report = data / "report.yaml"
    assert main(["check", "--data", str(data)]) == 2
    err = capsys.readouterr().err
    line = _line(report, marker)
    located = [e for e in err.splitlines() if e.startswith(f"{report}:{line}:")]
    assert located and expected in located[0], err
    assert "Traceback" not in err


# --- The letterhead follows the issuer ----------------------------------------------------

GHANA_LETTERHEAD = """\
    letterhead:
      - en: MINISTRY OF FOREIGN AFFAIRS AND REGIONAL INTEGRATION
        fr: MINISTÈRE DES AFFAIRES ÉTRANGÈRES ET DE L'INTÉGRATION RÉGIONALE
        es: MINISTERIO DE RELACIONES EXTERIORES E INTEGRACIÓN REGIONAL
      - en: REPUBLIC OF GHANA
        fr: RÉPUBLIQUE DU GHANA
        es: REPÚBLICA DE GHANA
"""


def _header(output: Path) -> list[str]:
    section = docx.Document(str(output)).sections[0]
    return [p.text for p in section.first_page_header.paragraphs if p.text]


def test_the_letterhead_is_the_issuers(tmp_path: Path) -> None:
    data = edited(
        tmp_path / "data",
        ("issuer: Portugal", "issuer: Ghana"),
        ("    appointed_at: 3MSP\n", "    appointed_at: 3MSP\n" + GHANA_LETTERHEAD),
    )
    expected = {
        "en": ["MINISTRY OF FOREIGN AFFAIRS AND REGIONAL INTEGRATION", "REPUBLIC OF GHANA"],
        "fr": [
            "MINISTÈRE DES AFFAIRES ÉTRANGÈRES ET DE L'INTÉGRATION RÉGIONALE",
            "RÉPUBLIQUE DU GHANA",
        ],
        "es": ["MINISTERIO DE RELACIONES EXTERIORES E INTEGRACIÓN REGIONAL", "REPÚBLICA DE GHANA"],
    }
    for lang in LANGS:
        _, output = built(data, lang)
        assert _header(output) == expected[lang], lang


def test_an_issuer_without_a_letterhead_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportgen.cli.main import main

    data = edited(tmp_path / "data", ("issuer: Portugal", "issuer: Ghana"))
    assert main(["check", "--data", str(data)]) == 2
    err = capsys.readouterr().err
    line = _line(data / "report.yaml", "- state: Ghana")
    assert f"report.yaml:{line}:" in err and "Ghana) has no letterhead" in err, err


def test_the_letterhead_of_the_release_before_still_builds_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A top-level `letterhead:` (report.yaml before issue 19) is printed when the issuer
    has none, with a located deprecation warning."""
    from reportgen.cli.main import main

    data = edited(tmp_path / "data")
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    start = text.index("    letterhead:")
    end = text.index("  - state: Ghana")
    block = text[start:end]
    moved = "\n".join(line[4:] for line in block.splitlines()) + "\n"
    report.write_text(text.replace(block, "").replace("\nissuer:", f"\n{moved}issuer:"), "utf-8")
    assert main(["check", "--data", str(data)]) == 0
    err = capsys.readouterr().err
    line = _line(report, "letterhead:")
    assert f"report.yaml:{line}:1: letterhead: warning: is deprecated" in err, err
    _, output = built(data, "en")
    assert _header(output) == ["MINISTRY OF FOREIGN AFFAIRS", "PORTUGUESE REPUBLIC"]
