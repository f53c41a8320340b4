"""The French and Spanish wording a reviser asked for (issue 19, point 6), in the built reports.

Each test builds the 4th MSP report from the frozen data and templates and looks for the
reviser's wording and for the absence of the wording it replaces. The texts live in the
catalogues (report.fr.ftl), the data (events.yaml, lessons.yaml), the Word templates
(report.fr.docx, report.es.docx: a run's text), and in the Spanish rule for lists
(`reportgen.language.es.join`).
"""

from __future__ import annotations

import pytest

from reportgen.app import build
from reportgen.documents.report.context import report_formats
from reportgen.documents.report.values import SENTENCES
from reportgen.inputs.load import load
from reportgen.language.fluent import Sentences, read_catalogue
from reportgen.language.naming import Naming
from reportgen.review.rendition import rendition
from tests.conftest import DATA, template_of

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The French and Spanish renditions of the 4th MSP report, white space made plain."""
    out: dict[str, str] = {}
    for lang in ("fr", "es"):
        output = tmp_path_factory.mktemp(lang) / f"report.{lang}.docx"
        build(DATA, template_of(lang), output, lang=lang)
        out[lang] = rendition(output).replace(NBSP, " ")
    return out


@pytest.mark.parametrize(
    ("lang", "new", "old"),
    [
        # FR part I, paragraph 2: the coordination was not "shared" (the English does not say so)
        (
            "fr",
            "À Beyrouth, le Portugal s'est joint au Japon pour assurer la coordination ; en "
            "septembre 2012, il a été rejoint par le Ghana lors de la troisième Assemblée, tenue "
            "à Oslo.",
            "jusque-là assurée par",
        ),
        # FR, before the status table: « adhésion » is accession only
        (
            "fr",
            "l'état de la Convention (signatures, ratifications et adhésions) est le suivant :",
            "l'état des adhésions à la Convention",
        ),
        # FR part IV, recommendations iii) and iv)
        (
            "fr",
            "il faut continuer de fournir une expertise technique en matière de dépollution",
            "compétences techniques",
        ),
        (
            "fr",
            "faciliter l'incorporation de la Convention dans le droit interne de certains États",
            "transposition",
        ),
        # FR part II, point 2
        (
            "fr",
            "comme le prévoit clairement le Plan d'action",
            "comme l'a clairement approuvé",
        ),
        # ES: a list whose last name holds "y" reads as three States
        (
            "es",
            "se adhirieron a la Convención (Andorra, así como Trinidad y Tabago)",
            "Andorra y Trinidad y Tabago",
        ),
        # ES part II: the place where Spanish puts it
        (
            "es",
            "- Se organizó en Skopje un taller sobre la aplicación de la Convención los días 14 y "
            "15 de mayo de 2013;",
            "la Convención en Skopje",
        ),
        # ES part II, point 4: a conditional, not a future
        (
            "es",
            "algunos países reafirmaron que no ratificarían la Convención en un futuro próximo.",
            "no ratificarán",
        ),
    ],
)
def test_the_revisers_wording_is_in_the_report(
    built: dict[str, str], lang: str, new: str, old: str
) -> None:
    assert new in built[lang]
    assert old not in built[lang]


@pytest.fixture(scope="module")
def french() -> tuple[Sentences, Naming]:
    inputs, _ = load(DATA, lang="fr")
    formats = report_formats(inputs)
    catalogue = read_catalogue(template_of("fr").with_suffix(".ftl"), "fr", SENTENCES)
    assert formats.naming is not None
    return Sentences(catalogue, formats), formats.naming


def test_a_french_names_gender_comes_from_its_article_or_names_yaml(
    french: tuple[Sentences, Naming],
) -> None:
    naming = french[1]
    genders = {s: naming.gender(s) for s in ("Portugal", "France", "Albania", "Netherlands")}
    assert genders == {"Portugal": "m", "France": "f", "Albania": "f", "Netherlands": "m"}


@pytest.mark.parametrize(
    ("issuer", "plural", "gender", "with_count", "verb", "pronoun"),
    [
        ("la France", "no", "f", 0, "s'est jointe", "elle a été rejointe"),
        ("les Pays-Bas", "yes", "m", 0, "se sont joints", "ils ont été rejoints"),
        ("la France et l'Albanie", "yes", "f", 1, "se sont jointes", "elles ont été rejointes"),
    ],
)
def test_the_french_coordination_sentence_agrees_with_its_subject(
    french: tuple[Sentences, Naming],
    issuer: str,
    plural: str,
    gender: str,
    with_count: int,
    verb: str,
    pronoun: str,
) -> None:
    say = french[0]
    first, *others = issuer.split(" et ")
    joined_by = "".join(
        say.say(
            "coordination_joined_by",
            {
                "first": first_clause,
                "month": month,
                "together": "yes" if with_count else "no",
                "state": state,
                "plural": "no",
                "meeting": "troisième Assemblée",
                "city": "Oslo",
                "places": "à Oslo",
                "subject_plural": plural,
                "issuer_gender": gender,
                **dict.fromkeys(("took_over", "took_over_of", "took_over_to", "subject")),
            },
        )
        for first_clause, month, state in (
            ("yes", "septembre 2012", "le Ghana"),
            ("no", "septembre 2013", "le Chili"),
        )
    )
    sentence = say.say(
        "coordination_taken_up",
        {
            "appointed_city": "Beyrouth",
            "issuer": first,
            "appointed_with": " et ".join(others),
            "appointed_with_count": with_count,
            "joined": "le Japon",
            "joined_to": "au Japon",
            "joined_count": 1,
            "joined_by": joined_by,
            "subject_plural": plural,
            "issuer_gender": gender,
        },
    ).replace(NBSP, " ")
    assert sentence == (
        f"À Beyrouth, {issuer} {verb} au Japon pour assurer la coordination ; en septembre "
        f"2012, {pronoun} par le Ghana lors de la troisième Assemblée, tenue à Oslo, puis, en "
        "septembre 2013, par le Chili lors de la troisième Assemblée, tenue à Oslo."
    )


def test_an_initiative_whose_text_names_no_place_still_gets_it(built: dict[str, str]) -> None:
    # only a text that names its place itself loses the place after it
    assert (
        "- Une conférence régionale s'est tenue à Lomé (Togo) les 22 et 23 mai 2013 ;"
        in (built["fr"])
    )
    assert (
        "- Un atelier sur la mise en œuvre de la Convention a été organisé à Skopje"
        in (built["fr"])
    )


def test_french_without_coordinator_to_join_takes_up_the_coordination(
    french: tuple[Sentences, Naming],
) -> None:
    say = french[0]
    sentence = say.say(
        "coordination_taken_up",
        {
            "appointed_city": "Vientiane",
            "issuer": "le Portugal",
            "appointed_with": "",
            "appointed_with_count": 0,
            "joined": "",
            "joined_to": "",
            "joined_count": 0,
            "joined_by": "",
            "subject_plural": "no",
            "issuer_gender": "m",
        },
    )
    assert sentence == "À Vientiane, le Portugal a pris en charge la coordination."
