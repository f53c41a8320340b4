"""The coordination sentence tells a handover as one (review of issue 19, finding 3): a
coordinator appointed at the meeting where one serving with the issuer handed over (its
`until`) took over from it; it did not join them.

Each case is the 4th MSP data with its meetings and coordinators edited; the 4th MSP's own
sentence (Ghana joining Portugal when Japan left) is the golden's.
"""

from __future__ import annotations

from pathlib import Path

from tests.documents.report.test_composition import (
    LANGS,
    SECOND_REVIEW_CONFERENCE,
    built,
    with_meetings,
)

TWELFTH = (
    "  - {key: 12MSP, kind: msp, number: 12, start: 2024-09-10, end: 2024-09-13,\n"
    "     city: {en: Geneva, fr: Genève, es: Ginebra}, country: Switzerland}\n"
)

HANDOVER = (
    ("counting_since: 2MSP", "counting_since: 10MSP"),
    ("presented_to: 4MSP", "presented_to: 11MSP"),
    ("  after: 3MSP\n  before: 4MSP", "  after: 10MSP\n  before: 11MSP"),
    ("as_of: 2013-09-01", "as_of: 2023-09-01"),
    ("    until: 3MSP\n", "    until: 2RC\n"),
    (
        "    appointed_at: 2MSP\n",
        "    appointed_at: 2RC\n",
    ),
    (
        "  - state: Ghana\n    appointed_at: 3MSP\n",
        "  - state: Philippines\n    appointed_at: 2RC\n    until: 10MSP\n"
        "  - state: Malawi\n    appointed_at: 10MSP\n",
    ),
)


def test_a_coordinator_appointed_where_another_handed_over_took_over_from_it(
    tmp_path: Path,
) -> None:
    data = with_meetings(tmp_path / "data", SECOND_REVIEW_CONFERENCE, *HANDOVER)
    expected = {
        "en": "Portugal and the Philippines took up the coordination and in September 2022 "
        "Malawi took over from the Philippines, at the 10th MSP, which was held in Geneva.",
        "fr": "le Portugal et les Philippines ont pris en charge la coordination ; en "
        "septembre 2022, le Malawi a pris le relais des Philippines lors de la dixième "
        "Assemblée, tenue à Genève.",
        "es": "Portugal, junto con Filipinas, asumió la coordinación, y en septiembre de 2022 "
        "Malawi relevó a Filipinas, en la Décima Reunión, celebrada en Ginebra.",
    }
    for lang in LANGS:
        text, _ = built(data, lang)
        assert expected[lang] in text.replace("\u00a0", " "), (lang, text[:1500])
        assert "joined by Malawi" not in text and "rejoints par" not in text, lang


def test_after_a_handover_those_serving_then_are_joined(tmp_path: Path) -> None:
    """A later coordinator joins the issuer and the one who took over: the sentence names
    them again, since its subject has changed."""
    handover = [*HANDOVER]
    handover[1] = ("presented_to: 4MSP", "presented_to: 12MSP")
    handover[2] = ("  after: 3MSP\n  before: 4MSP", "  after: 11MSP\n  before: 12MSP")
    handover[3] = ("as_of: 2013-09-01", "as_of: 2024-09-01")
    handover[6] = (
        handover[6][0],
        handover[6][1] + "  - state: Peru\n    appointed_at: 11MSP\n",
    )
    data = with_meetings(tmp_path / "data", SECOND_REVIEW_CONFERENCE + TWELFTH, *handover)
    expected = {
        "en": "Malawi took over from the Philippines, at the 10th MSP, which was held in "
        "Geneva, in September 2023 Portugal and Malawi were joined by Peru, at the 11th MSP",
        "fr": "le Malawi a pris le relais des Philippines lors de la dixième Assemblée, tenue "
        "à Genève, puis, en septembre 2023, le Portugal et le Malawi ont été rejoints par le "
        "Pérou lors de la onzième Assemblée",
        "es": "Malawi relevó a Filipinas, en la Décima Reunión, celebrada en Ginebra; en "
        "septiembre de 2023 se sumó también el Perú, en la",
    }
    for lang in LANGS:
        text, _ = built(data, lang)
        assert expected[lang] in text.replace("\u00a0", " "), (lang, text[:1500])


ONLINE_3MSP = (
    "    city: Oslo\n    country: Norway\n    start: 2012-09-11",
    "    online: true\n    start: 2012-09-11",
)


def test_periods_with_a_meeting_held_online_are_named_by_their_meetings(tmp_path: Path) -> None:
    """Not "between Beirut, online and Lusaka" (review of issue 19, finding 9)."""
    from tests.documents.report.test_composition import edited

    data = edited(tmp_path / "data", ONLINE_3MSP)
    expected = {
        "en": "in the two intersessional periods between the 2nd MSP, the 3rd MSP and the 4th MSP",
        "fr": "au cours des deux périodes intersessions entre la deuxième Assemblée, la "
        "troisième Assemblée et la quatrième Assemblée",
        "es": "los dos períodos entre la Segunda Reunión, la Tercera Reunión y la Cuarta Reunión",
    }
    for lang in LANGS:
        text, _ = built(data, lang)
        assert expected[lang] in text, (lang, text[:2500])
        assert "online and" not in text and "en ligne et" not in text, lang
