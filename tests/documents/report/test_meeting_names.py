"""A half-converted meeting (review of issue 19, #13): `kind` and `number` with names still
typed. One warning for each typed field, naming the languages it concerns (not one per
language, all at one place); a name typed in one language only is derived in the others."""

from __future__ import annotations

import shutil
from pathlib import Path

from reportgen.app import build, check_languages
from reportgen.language.registry import language_for
from reportgen.review.rendition import rendition
from tests.conftest import DATA, template_of

THIRD = "    number: 3\n"
TYPED = (
    "    name: {en: Third Meeting of States Parties, fr: %s, es: %s}\n    short_name: {en: 3MSP}\n"
)


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    assert text.count(THIRD) == 1
    french, spanish = (language_for(lang).meeting_name("msp", 3) for lang in ("fr", "es"))
    report.write_text(text.replace(THIRD, THIRD + TYPED % (french, spanish)), encoding="utf-8")
    return data


def test_one_warning_per_typed_field_naming_its_languages(tmp_path: Path) -> None:
    data = _data(tmp_path)
    found = check_languages(data, {lang: template_of(lang) for lang in ("en", "fr", "es")})
    assert not [p for p in found if p.severity == "error"]
    said = [str(p) for p in found if "meetings[1]" in str(p)]
    names = [s for s in said if "(3MSP).name:" in s]
    short = [s for s in said if "(3MSP).short_name:" in s]
    assert len(names) == len(short) == 1, said
    english = language_for("en")
    assert (
        f"in English, 'Third Meeting of States Parties' for {english.meeting_name('msp', 3)!r}; "
        "in French and Spanish it is the derived one" in names[0]
    )
    assert (
        f"in English, '3MSP' for {english.meeting_name('msp', 3, short=True)!r}; in French and "
        "Spanish, not typed, the derived name is printed" in short[0]
    )


def test_a_name_typed_in_english_only_is_derived_in_french_and_spanish(tmp_path: Path) -> None:
    data = _data(tmp_path)
    texts = {}
    for lang in ("en", "fr", "es"):
        output = tmp_path / f"report.{lang}.docx"
        build(data, template_of(lang), output, lang=lang)  # fr, es: no "has no French text"
        texts[lang] = rendition(output)
    assert "3MSP" in texts["en"]
    for lang in ("fr", "es"):
        assert "3MSP" not in texts[lang], lang
        assert language_for(lang).meeting_name("msp", 3, short=True) in texts[lang], lang
