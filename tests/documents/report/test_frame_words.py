"""The working paper's fixed words are the catalogue's (issue 19, point 3): a translator who
rewords `paper_distribution`, `paper_original`, `paper_item` or `paper_submitted_by` sees the
first page change; `working_paper.submitted_by` names who submits the paper in place of the
coordinators' names.

The working_paper block is test_frame.py's illustration (its symbol and agenda are of the
Convention's form, not the 4th MSP's real ones).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.app import Target, build_all
from reportgen.review.rendition import rendition
from tests.conftest import copy_template, template_of
from tests.documents.report.test_frame import WORKING_PAPER, _normalised, _paper_data

LANGS = ("en", "fr", "es")


def _first_page(path: Path) -> str:
    """The working paper's first page, up to its first numbered paragraph, on one line."""
    body = rendition(path).split("\n\n", 1)[1]
    return _normalised(body[: body.index("1) ")])


def _built(data: Path, templates: dict[str, Path], out: Path) -> dict[str, str]:
    made = build_all(
        data, [Target(lang, templates[lang], out / f"wp.{lang}.docx") for lang in templates]
    )
    return {built.lang: _first_page(built.output) for built in made}


REWORDED = {
    "en": (
        ("   *[general] Distr.: General", "   *[general] Distribution: general"),
        ("paper_submitted_by = Submitted by", "paper_submitted_by = Put forward by"),
        (
            "    [no] the agenda\n   *[yes] the provisional agenda",
            "    [no] the agenda\n   *[yes] the draft agenda",
        ),
    ),
    "fr": (
        ("   *[general] Distr. générale", "   *[general] Distribution générale"),
        ("paper_submitted_by = Présenté par", "paper_submitted_by = Soumis par"),
        ("   *[en] anglais", "   *[en] langue anglaise"),
    ),
    "es": (
        ("   *[general] Distr. general", "   *[general] Distribución general"),
        ("paper_submitted_by = Presentado por", "paper_submitted_by = Sometido por"),
        ("   *[en] inglés", "   *[en] lengua inglesa"),
    ),
}
"""For each language, messages of the first page a translator rewords: (old, new)."""

AFTER = {
    "en": [
        "Distribution: general",
        "Put forward by Portugal and Ghana",
        "Item 10 (a) of the draft agenda",
    ],
    "fr": [
        "Distribution générale",
        "Soumis par le Portugal et le Ghana",
        "Original : langue anglaise",
    ],
    "es": ["Distribución general", "Sometido por Portugal y Ghana", "Original: lengua inglesa"],
}
BEFORE = {
    "en": ["Distr.: General", "Submitted by", "provisional agenda"],
    "fr": ["Distr. générale", "Présenté par", "Original : anglais"],
    "es": ["Distr. general", "Presentado por", "Original: inglés"],
}


def test_a_reworded_catalogue_message_appears_on_the_first_page(tmp_path: Path) -> None:
    data = _paper_data(tmp_path / "data")
    templates = {}
    for lang in LANGS:
        template = copy_template(tmp_path / "templates" / template_of(lang).name, lang=lang)
        catalogue = template.with_suffix(".ftl")
        text = catalogue.read_text(encoding="utf-8")
        for old, new in REWORDED[lang]:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        catalogue.write_text(text, encoding="utf-8")
        templates[lang] = template
    pages = _built(data, templates, tmp_path / "out")
    for lang in LANGS:
        for words in AFTER[lang]:
            assert _normalised(words) in pages[lang], (lang, words, pages[lang])
        for words in BEFORE[lang]:
            assert _normalised(words) not in pages[lang], (lang, words, pages[lang])


SUBMITTED_BY = """  submitted_by:
    en: the Coordinators on Universalization (Ghana and Portugal)
    fr: les coordonnateurs pour l'universalisation (Ghana et Portugal)
    es: los coordinadores para la universalización (Ghana y Portugal)
"""
"""An illustration of the override, in each language."""


def test_submitted_by_names_who_submits_the_paper_in_every_language(tmp_path: Path) -> None:
    block = WORKING_PAPER.replace("working_paper:\n", "working_paper:\n" + SUBMITTED_BY, 1)
    data = _paper_data(tmp_path / "data", block)
    pages = _built(data, {lang: template_of(lang) for lang in LANGS}, tmp_path / "out")
    expected = {
        "en": "Submitted by the Coordinators on Universalization (Ghana and Portugal)",
        "fr": "Présenté par les coordonnateurs pour l'universalisation (Ghana et Portugal)",
        "es": "Presentado por los coordinadores para la universalización (Ghana y Portugal)",
    }
    unexpected = {
        "en": "Submitted by Portugal and Ghana",
        "fr": "Présenté par le Portugal et le Ghana",
        "es": "Presentado por Portugal y Ghana",
    }
    for lang in LANGS:
        assert expected[lang] in pages[lang], pages[lang]
        assert unexpected[lang] not in pages[lang]


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            "  distribution: restricted\n  original: fr\n  provisional: false\n",
            {
                "en": ["Distr.: Restricted", "Original: French", "Item 10 (a) of the agenda"],
                "fr": [
                    "Distr. restreinte",
                    "Original : français",
                    "Point 10 a) de l'ordre du jour **Universalisation",
                ],
                "es": [
                    "Distr. reservada",
                    "Original: francés",
                    "Tema 10 a) del programa **Universalización",
                ],
            },
        ),
        (
            "  distribution: limited\n  original: es\n",
            {
                "en": ["Distr.: Limited", "Original: Spanish"],
                "fr": ["Distr. limitée", "Original : espagnol"],
                "es": ["Distr. limitada", "Original: español"],
            },
        ),
    ],
)
def test_each_choice_of_the_first_page_is_a_variant_of_its_message(
    tmp_path: Path, settings: str, expected: dict[str, list[str]]
) -> None:
    block = WORKING_PAPER.replace("working_paper:\n", "working_paper:\n" + settings, 1)
    data = _paper_data(tmp_path / "data", block)
    pages = _built(data, {lang: template_of(lang) for lang in LANGS}, tmp_path / "out")
    for lang in LANGS:
        for words in expected[lang]:
            assert _normalised(words) in pages[lang], (lang, words, pages[lang])
