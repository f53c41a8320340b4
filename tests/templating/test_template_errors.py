"""A template placeholder that cannot be filled is named, with the paragraph it sits in.

The corpus in tests/bad_templates/ covers each kind of mistake; these tests edit the
template through python-docx, as a script would, and check the wording of the messages.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from reportgen.app import build
from reportgen.core.problems import InputError
from tests.conftest import DATA, TEMPLATE


def _template_with(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the template with one placeholder edited, as a user would in Word."""
    document = docx.Document(str(TEMPLATE))
    runs = [r for p in document.paragraphs for r in p.runs]
    runs += [
        r
        for t in document.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    ]
    run = next(r for r in runs if old in r.text)
    run.text = run.text.replace(old, new, 1)
    path = tmp_path / "template.docx"
    document.save(str(path))
    return path


def _problem(template: Path, tmp_path: Path) -> str:
    output = tmp_path / "report.docx"
    with pytest.raises(InputError) as caught:
        build(DATA, template, output)
    assert not output.exists()
    (problem,) = caught.value.problems
    assert problem.file == str(template)
    return str(problem)


def test_a_misspelt_field_names_its_placeholder_and_paragraph(tmp_path: Path) -> None:
    template = _template_with(
        tmp_path, "{{ coordination.appointed_at.name }}", "{{ coordination.apointed_at.name }}"
    )
    problem = _problem(template, tmp_path)
    placeholder = "{{ coordination.apointed_at.name }}"
    assert f": {placeholder} has no value: coordination has no field 'apointed_at'" in problem
    assert ': body, paragraph 4 ("{{ sentence.for_the_past }}, {{ coordination' in problem


def test_an_unknown_name_is_reported_with_its_own_placeholder(tmp_path: Path) -> None:
    template = _template_with(tmp_path, "{{ demarches.period }}", "{{ demarche.period }}")
    problem = _problem(template, tmp_path)
    assert (
        "{{ demarche.period }} has no value: 'demarche' is not a name the template knows" in problem
    )
    assert ': body, paragraph 35 ("As many as {{ demarches.reporting_ongoing' in problem


def test_an_unknown_filter_lists_the_filters(tmp_path: Path) -> None:
    template = _template_with(
        tmp_path, "{{ demarches.reporting_ongoing_processes|words }}", "{{ demarches.x|wordz }}"
    )
    problem = _problem(template, tmp_path)
    assert "{{ demarches.x|wordz }} uses the filter 'wordz', which does not exist" in problem
    assert "words" in problem.split("does not exist", 1)[1]


def test_broken_syntax_quotes_the_paragraph(tmp_path: Path) -> None:
    template = _template_with(
        tmp_path, "{{ letter.states_addressed }}", "{{ letter.states_addressed }"
    )
    problem = _problem(template, tmp_path)
    assert ': body, paragraph 47 ("3. This year, in a letter signed by' in problem
    assert "is not closed" in problem and "end it with }}" in problem


def test_a_broken_header_placeholder_says_header(tmp_path: Path) -> None:
    document = docx.Document(str(TEMPLATE))
    header = document.sections[0].first_page_header
    run = next(r for p in header.paragraphs for r in p.runs if "{{ line }}" in r.text)
    run.text = "{{ lines }}"
    path = tmp_path / "template.docx"
    document.save(str(path))
    problem = _problem(path, tmp_path)
    assert (
        ': first-page header, paragraph 2 ("{{ lines }}"): {{ lines }} has no value: '
        "'lines' is not a name" in problem
    )


def test_a_placeholder_that_prints_a_whole_record_is_refused(tmp_path: Path) -> None:
    template = _template_with(
        tmp_path, "{{ figures.signatories.count }}", "{{ figures.signatories }}"
    )
    problem = _problem(template, tmp_path)
    assert "a placeholder prints a Tally, not text; give one of its fields (such as .count)" in (
        problem
    )
    assert ': body, paragraph 70 ("{{ figures.signatories }}")' in problem


def test_a_template_that_is_not_a_word_document_is_one_line(tmp_path: Path) -> None:
    template = tmp_path / "template.docx"
    template.write_text("not a document", encoding="utf-8")
    assert _problem(template, tmp_path).endswith(
        "template: is not a Word document (.docx): the file is not a zip package"
    )
