"""`reportgen check` is the whole check (issue 20, item 6): it fills the templates with the
data in every language without writing anything, says every language's problems in one
run, warns of the template rules the README states, and meets templates written for
docxtpl elsewhere, or marked in a language reportgen does not build, with clear words.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from reportgen.app import build, check
from reportgen.cli.main import main
from reportgen.ooxml import paragraphs as ooxml_paragraphs
from reportgen.templating.check import where
from reportgen.templating.rules import MAX_TAG_CHARS
from tests.conftest import DATA, FIXTURE, TEMPLATE
from tests.templating.test_template_corpus import edited_template


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the frozen data/ and templates/, as a user's folder, made current."""
    folder = tmp_path / "project"
    shutil.copytree(FIXTURE / "data", folder / "data")
    shutil.copytree(FIXTURE / "templates", folder / "templates")
    for path in (FIXTURE.parent / "campaign" / "templates").iterdir():  # the annex, letters
        shutil.copyfile(path, folder / "templates" / path.name)
    monkeypatch.chdir(folder)
    return folder


def _edit_document(template: Path, old: str, new: str) -> None:
    """Replace `old` by `new` in the template's body, as a user typing in Word would."""
    with zipfile.ZipFile(template) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    body = parts["word/document.xml"].decode("utf-8")
    assert old in body, f"{old!r} is not in {template}"
    parts["word/document.xml"] = body.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def _paragraph_of(template: Path, text: str) -> str:
    paragraphs = ooxml_paragraphs.read_paragraphs(template.read_bytes()).paragraphs
    return where(next(p for p in paragraphs if text in p.text))


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# --- What only the data shows, in every language, in one run ------------------------------------

_FIELD = "{{ convention.opened_for_signature|long_date }}"
_MISSPELT = "{{ convention.entry_in_force|long_date }}"


def test_a_misspelt_field_is_caught_by_check_as_build_catches_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = project / "templates" / "report.docx"
    _edit_document(template, _FIELD, _MISSPELT)
    expected = (
        f"templates/report.docx: {_paragraph_of(template, _MISSPELT)}: {_MISSPELT} has no "
        "value: convention has no field 'entry_in_force'"
    )
    before = _files(project)
    assert main(["check", "--lang", "en"]) == 2
    assert capsys.readouterr().err.splitlines() == [expected]
    assert _files(project) == before, "check writes nothing"
    assert main(["build", "--output", "out.docx"]) == 2
    assert capsys.readouterr().err.splitlines() == [expected]


def test_check_without_lang_reports_every_languages_problems_in_one_run(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A misspelt field in the French and the Spanish templates, and a new State without
    # French and Spanish names: make check stopped at the first language that failed.
    for lang in ("fr", "es"):
        _edit_document(project / "templates" / f"report.{lang}.docx", _FIELD, _MISSPELT)
    states = project / "data" / "states.yaml"
    states.write_text(
        states.read_text(encoding="utf-8")
        + "\n- name: Kiribati\n  iso3: KIR\n  region: Pacific\n  accession: 2013-05-01\n",
        encoding="utf-8",
    )
    assert main(["check"]) == 2
    printed = capsys.readouterr().err.splitlines()
    assert [re.sub(r"^\S+:\d+:\d+: ", "", line) for line in printed] == [
        "states[167] (Kiribati).name: Kiribati has no French name: add `KIR:` with `fr:` to "
        "names.yaml (the UN short name, UNTERM)",
        "states[167] (Kiribati).name: Kiribati has no Spanish name: add `KIR:` with `es:` to "
        "names.yaml (the UN short name, UNTERM)",
    ]  # the templates are filled only once the data is right, as build does
    states.write_text(
        states.read_text(encoding="utf-8").split("\n- name: Kiribati")[0], encoding="utf-8"
    )
    assert main(["check"]) == 2
    printed = capsys.readouterr().err.splitlines()
    assert [line.split(":", 1)[0] for line in printed] == [
        "templates/report.es.docx",
        "templates/report.fr.docx",
    ]
    assert all(f"{_MISSPELT} has no value" in line for line in printed)
    assert main(["check", "--lang", "en"]) == 0
    capsys.readouterr()
    assert main(["check", "--lang", "fr", "--lang", "en"]) == 2
    assert [line.split(":", 1)[0] for line in capsys.readouterr().err.splitlines()] == [
        "templates/report.fr.docx"
    ]


def test_check_without_lang_checks_the_languages_whose_template_is_there(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "templates" / "report.es.docx").unlink()
    assert main(["check"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "data/ and templates/report.docx, templates/report.fr.docx: no errors, 0 warning(s)"
    ]


def test_a_sentence_the_data_cannot_write_is_caught_by_check(tmp_path: Path) -> None:
    template = tmp_path / "report.docx"
    shutil.copyfile(TEMPLATE, template)
    catalogue = TEMPLATE.with_suffix(".ftl").read_text(encoding="utf-8")
    written = "({ $yet_before }) since"
    assert written in catalogue
    # WORDS() of a text: only the data says $period_month is not a number
    catalogue = catalogue.replace(written, "({ WORDS($period_month) }) since", 1)
    template.with_suffix(".ftl").write_text(catalogue, encoding="utf-8")
    found = [str(p) for p in check(DATA, template)]
    with pytest.raises(Exception) as built:
        build(DATA, template, tmp_path / "out.docx")
    assert found == [str(p) for p in built.value.problems]  # type: ignore[attr-defined]
    assert len(found) == 1 and "yet_to_ratify" in found[0]


# --- The README's template rules, and docxtpl's own tags ---------------------------------------


_LONG = "{{ demarches.period if demarches.period else demarches.period|string|trim }}"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        (
            "{% if demarches.period %}{{ demarches.period }}{% endif %}",
            "{% if demarches.period %} puts logic in a prose paragraph: let a message of the "
            "catalogue choose the words ({{ sentence.NAME }}), or show or repeat whole "
            "paragraphs with {%p if %} on paragraphs of their own",
        ),
        (
            "{% for x in [1] %}{{ demarches.period }}{% endfor %}",
            "{% for x in [1] %} puts logic in a prose paragraph: let a message of the "
            "catalogue choose the words ({{ sentence.NAME }}), or show or repeat whole "
            "paragraphs with {%p for %} on paragraphs of their own",
        ),
        (
            "{% set p = demarches.period %}{{ p }}",
            "{% set p = demarches.period %} puts logic in a prose paragraph: give the value "
            "a message of the catalogue ({{ sentence.NAME }}) instead",
        ),
        (
            _LONG,
            f"{_LONG[:57]}... is {len(_LONG)} characters long, over {MAX_TAG_CHARS}: what "
            "takes so long to say belongs in a message of the catalogue ({{ sentence.NAME }})",
        ),
    ],
    ids=["inline if", "inline for", "inline set", "long tag"],
)
def test_the_readme_template_rules_are_warnings_of_check_and_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, words: str
) -> None:
    template = edited_template(
        [{"find": "{{ demarches.period }}", "replace": typed}], tmp_path / "template.docx"
    )
    expected = f"{template}: {_paragraph_of(template, typed)}: warning: {words}"
    arguments = ["--data", str(DATA), "--template", str(template)]
    assert main(["check", *arguments]) == 0
    assert capsys.readouterr().err.splitlines()[:-1] == [expected]
    assert main(["check", "--strict", *arguments]) == 2
    assert capsys.readouterr().err.splitlines() == [expected]
    output = tmp_path / "report.docx"
    assert main(["build", *arguments, "--output", str(output)]) == 0  # it still builds
    assert expected in capsys.readouterr().err.splitlines()


def test_paragraph_tags_and_short_tags_are_no_warning(tmp_path: Path) -> None:
    # 60 characters exactly is allowed; {%p if %} on its own paragraph is the way
    tag = "{{ demarches.period }}"
    padded = "{{ demarches.period" + " " * (MAX_TAG_CHARS - len(tag)) + " }}"
    assert len(padded) == MAX_TAG_CHARS
    template = edited_template([{"find": tag, "replace": padded}], tmp_path / "template.docx")
    assert check(DATA, template) == []


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("{% hm %}", "docxtpl's merging of a table's cells across the columns of a loop"),
        ("{% vm %}", "docxtpl's merging of a table's cells down the rows of a loop"),
        ("{% colspan 2 %}", "docxtpl's cell span given by data"),
        ("{% cellbg 'FF0000' %}", "docxtpl's cell colour given by data"),
    ],
)
def test_docxtpl_tags_reportgen_does_not_take_are_named_never_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tag: str, words: str
) -> None:
    template = edited_template(
        [{"find": "{{ state.name }}", "replace": "{{ state.name }}" + tag}],
        tmp_path / "template.docx",
    )
    assert main(["check", "--data", str(DATA), "--template", str(template)]) == 2
    (printed,) = capsys.readouterr().err.splitlines()
    assert printed.startswith(f"{template}: {_paragraph_of(template, tag)}: {tag} is {words}")
    assert "which reportgen does not take" in printed
    assert "broken" not in printed


def test_a_template_in_a_language_reportgen_does_not_build_is_not_told_to_use_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with zipfile.ZipFile(TEMPLATE) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    marks = 0
    for name, data in parts.items():
        if name.endswith(".xml"):
            marks += data.count(b'w:val="en-GB"')
            parts[name] = data.replace(b'w:val="en-GB"', b'w:val="cs-CZ"')
    assert marks, "the template's language marks were replaced"
    template = tmp_path / "šablona.docx"
    with zipfile.ZipFile(template, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    shutil.copyfile(TEMPLATE.with_suffix(".ftl"), template.with_suffix(".ftl"))
    assert main(["check", "--data", str(DATA), "--template", str(template)]) == 2
    (printed,) = capsys.readouterr().err.splitlines()
    assert printed == (
        f"{template}: template: is marked cs-CZ (Word's Review > Language), a language "
        "reportgen does not build reports in: it builds English (--lang en), French (--lang "
        "fr), Spanish (--lang es). To build this template in English, mark its text English "
        "(select all, Review > Language); a report in another language needs its rules "
        'first (docs/architecture.md, "How to add a language")'
    )
    assert "--lang cs" not in printed
