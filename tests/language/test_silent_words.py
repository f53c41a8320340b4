"""Issue 21: words a report printed wrong with exit 0 and a clean check, now refused.

Each case edits a copy of a shipped template, catalogue or data folder as a careless
translator or a stranger would, and both `reportgen build` and `reportgen check` must say
what is wrong, at its line, with exit status 2, before anything is written.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from reportgen.cli.main import main
from reportgen.documents.report.values import SENTENCES
from reportgen.language.fluent import Sentences, read_catalogue
from reportgen.language.formats import Formats
from reportgen.review.rendition import rendition
from tests.conftest import CATALOGUE, DATA, TEMPLATES


def _copy(tmp_path: Path, lang: str, edit: tuple[str, str] | None = None) -> tuple[Path, str]:
    """A copy of the template of `lang` and its catalogue, the catalogue with `edit`
    (old, new) applied once: the template and the catalogue's new text."""
    stem = "report" if lang == "en" else f"report.{lang}"
    template = tmp_path / "templates" / f"{stem}.docx"
    template.parent.mkdir(parents=True)
    shutil.copy(TEMPLATES / f"{stem}.docx", template)
    text = (TEMPLATES / f"{stem}.ftl").read_text(encoding="utf-8")
    if edit is not None:
        assert text.count(edit[0]) == 1, edit[0]
        text = text.replace(*edit)
    template.with_suffix(".ftl").write_text(text, encoding="utf-8")
    return template, text


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def _refused(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    template: Path,
    lang: str = "en",
    data: Path = DATA,
) -> list[str]:
    """The lines `build` prints, once both it and `check` exit 2 with the same lines and
    the build wrote nothing."""
    output = tmp_path / "output" / "report.docx"
    common = ["--lang", lang, "--data", str(data), "--template", str(template)]
    assert main(["build", *common, "--output", str(output)]) == 2
    built = capsys.readouterr().err.splitlines()
    assert main(["check", *common]) == 2
    checked = capsys.readouterr().err.splitlines()
    assert not output.exists() and not output.parent.exists()
    assert built == checked
    return built


# --- 5. Terms see no values ---------------------------------------------------------------


def test_a_term_using_a_value_of_the_report_is_refused_at_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # It printed "the following twenty (new) States": a term is given no message's values.
    old = "the following { WORDS($new) } ({ $new })"
    template, text = _copy(tmp_path, "en", (old, "the following { WORDS($new) } ({ -new })"))
    text += "-new = { $new }\n-verb = { joined_verb }\nuses_verb = { -verb }\n"
    catalogue = template.with_suffix(".ftl")
    catalogue.write_text(text, encoding="utf-8")
    lines = _refused(capsys, tmp_path, template)
    assert lines == [
        f"{catalogue}:{_line_of(text, '-new =')}:1: -new: $new: a term is given none of a "
        'message\'s values, only what each of its references passes, -new(new: "..."); write '
        "$new in the message itself",
        f"{catalogue}:{_line_of(text, '-verb =')}:1: -verb: joined_verb uses values a term is "
        "not given: refer to it from a message, not from a term",
    ]


# --- 6. Absent values are absent ------------------------------------------------------------


def test_a_choice_on_a_value_that_may_be_absent_needs_its_none_variant(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Without [none], an initiative with no place printed « à none ».
    old = 'initiative_line = { $text }{ $place ->\n    [none] {""}\n'
    template, text = _copy(tmp_path, "fr", (old, "initiative_line = { $text }{ $place ->\n"))
    (line,) = _refused(capsys, tmp_path, template, "fr")
    assert line == (
        f"{template.with_suffix('.ftl')}:{_line_of(text, 'initiative_line =')}:1: "
        "initiative_line: $place may be absent: this choice needs a [none] variant for when it is"
    )


def test_a_value_that_may_be_absent_is_printed_only_inside_a_choice_on_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = "place = { $city }{ $host ->"
    template, text = _copy(tmp_path, "en", (old, "place = { $city } { $host }{ $host ->"))
    (line,) = _refused(capsys, tmp_path, template)
    assert line == (
        f"{template.with_suffix('.ftl')}:{_line_of(text, 'place =')}:1: place: $host may be "
        "absent: print it only inside a choice on it, in a variant other than [none]: "
        "{ $host -> [none] ... *[other] ... }"
    )


def test_an_absent_value_chooses_none_and_the_text_none_is_printed() -> None:
    catalogue = read_catalogue(CATALOGUE, "en", SENTENCES)
    say = Sentences(catalogue, Formats("en"))
    assert say.say("place", {"city": "Lomé", "host": None}) == "Lomé"
    assert say.say("place", {"city": "Lomé", "host": "none"}) == "Lomé, none"  # a text


# --- 7. Variant keys that can never be chosen -----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "old", "new", "plural"),
    [
        (
            "en",
            "    [one] has become a State Party",
            "    [One] has become a State Party",
            "one, other",
        ),
        ("fr", "    [one] l'un d'entre eux", "    [un] l'un d'entre eux", "one, many, other"),
    ],
)
def test_a_variant_key_that_is_no_number_category_or_value_is_refused(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    lang: str,
    old: str,
    new: str,
    plural: str,
) -> None:
    # [One] never matched: "Since then one have become States Parties".
    template, text = _copy(tmp_path, lang, (old, new))
    key = new.split("]")[0].strip() + "]"
    language = {"en": "English", "fr": "French"}[lang]
    (line,) = _refused(capsys, tmp_path, template, lang)
    assert line == (
        f"{template.with_suffix('.ftl')}:{_line_of(text, new)}:1: joined_since: {key} can never "
        f"be chosen: a key is a number ([0], [1]...), a plural category of {language} "
        f"({plural}), in lowercase"
    )


def test_a_key_names_a_documented_value_of_its_selector(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = "        [down] It should be noted"
    template, text = _copy(tmp_path, "en", (old, "        [fell] It should be noted"))
    (line,) = _refused(capsys, tmp_path, template)
    assert line.startswith(f"{template.with_suffix('.ftl')}:{_line_of(text, '        [fell]')}:1:")
    # Worded for a text value since the hostile review of issue 21 (plural categories are
    # refused on a text): its words are all a key may be.
    assert line.endswith(
        "yet_to_ratify: [fell] can never be chosen: $trend is a text, whose values are: "
        "down, same, up"
    )


# --- 8. A catalogue in another language -----------------------------------------------------


def test_a_catalogue_in_another_language_is_refused_at_its_declaration(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The Spanish catalogue saved as report.fr.ftl built a report half French, half Spanish.
    template, _ = _copy(tmp_path, "fr")
    spanish = (TEMPLATES / "report.es.ftl").read_text(encoding="utf-8")
    template.with_suffix(".ftl").write_text(spanish, encoding="utf-8")
    lines = _refused(capsys, tmp_path, template, "fr")
    assert lines == [
        f"{template.with_suffix('.ftl')}:{_line_of(spanish, '### Language: es')}:1: catalogue: "
        "is a catalogue in Spanish (Language: es), not in French: build with --lang es, or put "
        "a catalogue in French beside the template (as templates/report.fr.ftl)"
    ]


def test_a_catalogue_that_does_not_say_its_language_is_taken_for_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    template, _ = _copy(tmp_path, "fr", ("### Language: fr\n", ""))
    (line,) = _refused(capsys, tmp_path, template, "fr")
    assert line == (
        f"{template.with_suffix('.ftl')}:1:1: catalogue: does not say its language; a catalogue "
        "for a report in French says so in its first comments, with the line `### Language: fr` "
        "(as templates/report.fr.ftl does)"
    )
    english, _ = _copy(tmp_path / "en", "en", ("### Language: en\n", ""))
    assert main(["check", "--template", str(english)]) == 0  # English needs no mark


# --- 9. A template that names no language ---------------------------------------------------


def test_a_template_naming_no_language_is_refused_for_another_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Built with --lang fr: "Depuis deux ans, le Portugal has been strongly involved".
    source, _ = _copy(tmp_path, "en")
    template = tmp_path / "unmarked.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(template, "w") as new:
        for member in old.infolist():
            data = old.read(member)
            if member.filename == "word/styles.xml":
                data, count = re.subn(rb"<w:lang [^>]*/>", b"", data)
                assert count
            new.writestr(member, data)
    shutil.copy(TEMPLATES / "report.fr.ftl", template.with_suffix(".ftl"))
    (line,) = _refused(capsys, tmp_path, template, "fr")
    assert line == (
        f"{template}: template: names no language (Word's Review > Language marks none of its "
        "text), so it is taken for English, not French: mark its text French (select all, "
        "Review > Language), or give --template templates/report.fr.docx for a report in French"
    )


# --- 10, 15. Names in names.yaml ------------------------------------------------------------


def test_a_renaming_without_a_name_in_the_language_built_is_located(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_copy: Path
) -> None:
    # It put "Czechia" into the French and Spanish status tables.
    names = data_copy / "names.yaml"
    text = names.read_text(encoding="utf-8")
    renaming = "      en: Czechia\n      fr: Tchéquie (la)\n      es: Chequia\n"
    names.write_text(text.replace(renaming, "      en: Czechia\n"), encoding="utf-8")
    line = _line_of(text, "    - on: 2016-07-05")
    for lang, language in (("fr", "French"), ("es", "Spanish")):
        template = TEMPLATES / f"report.{lang}.docx"
        assert _refused(capsys, tmp_path, template, lang, data_copy) == [
            f"{names}:{line}:7: CZE.renamed[0]: the renaming of 2016-07-05 gives no {language} "
            f"name: add `{lang}:` (the UN short name from that day; the same as before if it "
            "did not change)"
        ]
    # English has its name (check without --lang now checks every language: issue 20)
    english = ["check", "--lang", "en", "--data", str(data_copy)]
    assert main([*english, "--template", str(TEMPLATES / "report.docx")]) == 0


@pytest.mark.parametrize(
    ("running", "why"),
    [
        ('"le"', "is only an article, 'le': write the name after it, as running text does"),
        (
            '"Portugal\\u00a0"',
            "does not start with the article the short name gives (Portugal (le)): write it "
            "'le Portugal', article first, or leave it out",
        ),
        (
            '"le\\u00a0Portugal"',
            "holds U+00A0 (NO-BREAK SPACE): separate the article and the words of a name with "
            "ordinary spaces",
        ),
    ],
)
def test_a_running_form_that_cannot_be_printed_is_located_in_names_yaml(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_copy: Path, running: str, why: str
) -> None:
    # It was an IndexError, reported as the template's arithmetic.
    names = data_copy / "names.yaml"
    text = names.read_text(encoding="utf-8")
    old = "PRT:\n  fr: Portugal (le)\n"
    text = text.replace(old, f"{old}  fr_text: {running}\n")
    names.write_text(text, encoding="utf-8")
    template = TEMPLATES / "report.fr.docx"
    line = _line_of(text, f"  fr_text: {running}")
    assert _refused(capsys, tmp_path, template, "fr", data_copy) == [
        f"{names}:{line}:3: PRT.fr_text: {why}"
    ]


# --- 16. $text twice ------------------------------------------------------------------------


def test_a_message_may_print_its_text_twice(tmp_path: Path) -> None:
    # It was reported as "a template that is not well-formed XML".
    old = "initiative_line = { $text }{ $place ->"
    template, _ = _copy(tmp_path, "en", (old, "initiative_line = { $text } / { $text }{ $place ->"))
    output = tmp_path / "report.docx"
    assert main(["build", "--template", str(template), "--output", str(output)]) == 0
    assert "- A workshop on the implementation of the CCM was organised / A workshop on the " in (
        rendition(output)
    )


# --- 7, after the hostile review: keys fit what the choice is on --------------------------


def test_a_choice_on_a_function_of_a_value_is_refused_at_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # WORDS(1) is the text "un", which no [one] matches: "Depuis, un d'entre eux sont
    # devenus parties" was printed with exit 0 and a clean check.
    old = "joined_since = Depuis, { $joined_since ->"
    template, text = _copy(
        tmp_path, "fr", (old, "joined_since = Depuis, { WORDS($joined_since) ->")
    )
    (line,) = _refused(capsys, tmp_path, template, lang="fr")
    assert line.startswith(f"{template.with_suffix('.ftl')}:{_line_of(text, 'joined_since =')}:")
    assert "a choice is made on a value, not on WORDS(...)" in line


def test_plural_keys_on_a_yes_or_no_value_are_refused_at_their_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # "Portugal se sumaron a la coordinación": [one] never matches the text "no".
    old = "        [yes] se sumaron\n       *[no] se sumó\n    } a la"
    new = "        [one] se sumó\n       *[other] se sumaron\n    } a la"
    template, text = _copy(tmp_path, "es", (old, new))
    (line,) = _refused(capsys, tmp_path, template, lang="es")
    assert line.startswith(
        f"{template.with_suffix('.ftl')}:{_line_of(text, '        [one] se sumó')}:"
    )
    assert line.endswith(
        "[one] can never be chosen: $issuer_plural is a text, whose values are: no, yes"
    )


def test_a_catalogue_that_says_two_languages_is_refused_at_the_second(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Hostile review of issue 21: `### Language: fr` then `### Language: es` was taken as
    # French, the contradiction never reported.
    template, text = _copy(
        tmp_path, "fr", ("### Language: fr\n", "### Language: fr\n### Language: es\n")
    )
    (line,) = _refused(capsys, tmp_path, template, lang="fr")
    assert line.startswith(
        f"{template.with_suffix('.ftl')}:{_line_of(text, '### Language: es')}:1:"
    )
    assert line.endswith("says its language twice, fr and then es: keep the one it is in")
