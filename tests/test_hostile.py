"""Hostile and unusual values never break the document: they print literally, everywhere.

A value reaches Word through the template (body, tables, header) or through the footnotes
that reportgen writes itself; in each place it must come out exactly as typed, never
evaluated as a template, never turning into markup.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reportgen.app import build
from reportgen.core.problems import InputError
from reportgen.inputs.models import clean_text
from reportgen.ooxml import footnotes as ooxml_footnotes
from tests.conftest import DATA, TEMPLATE

HOSTILE = [
    "Fish & Chips <b>bold</b> \"quoted\" 'single'",
    "{{ 7*7 }} and {% if x %}never{% endif %} and {# note #}",
    "{_{ docxtpl's escape }_} {_% and %_}",
    "Côte d'Ivoire, São Tomé, Ærø, Łódź",
    "جمهورية مصر العربية",
    "State of 🕊️ Peace 🇺🇳",
    "A very long name " + "that goes on and on " * 30,
]


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _with_values(data: Path, name: str, letterhead: str, prose: str) -> None:
    """Rename Angola (status table, category footnote) and put values in header and prose."""
    edits = [
        ("states", "- name: Angola", f"- name: {_quoted(name)}"),
        ("categories", "    - Angola", f"    - {_quoted(name)}"),
        ("report", "  - en: PORTUGUESE REPUBLIC", f"  - en: {_quoted(letterhead)}"),
        (
            "events",
            "  period: {en: 2011/2012, fr: 2011-2012, es: 2011-2012}",
            f"  period: {_quoted(prose)}",
        ),
    ]
    for stem, old, new in edits:
        path = data / f"{stem}.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{stem}.yaml no longer holds {old!r}: the test would test nothing"
        path.write_text(text.replace(old, new), encoding="utf-8")


def _texts(path: Path) -> dict[str, list[str]]:
    document = docx.Document(str(path))
    section = document.sections[0]
    return {
        "body": [p.text for p in document.paragraphs],
        "table": [c.text for t in document.tables for row in t.rows for c in row.cells],
        "header": [p.text for p in section.first_page_header.paragraphs],
        "footnotes": list(ooxml_footnotes.footnote_texts(document).values()),
    }


def _assert_everywhere(path: Path, name: str, letterhead: str, prose: str) -> None:
    texts = _texts(path)
    assert name in texts["table"]
    assert any(name in note for note in texts["footnotes"])
    assert letterhead in texts["header"]
    assert any(prose in paragraph for paragraph in texts["body"])
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_value_prints_literally_everywhere(
    value: str, data_copy: Path, tmp_path: Path
) -> None:
    output = tmp_path / "report.docx"
    expected = clean_text(value)
    _with_values(data_copy, value, value, value)
    build(data_copy, TEMPLATE, output)
    _assert_everywhere(output, expected, expected, expected)
    assert "49" not in " ".join(_texts(output)["header"])


def test_a_control_character_is_refused_with_the_field_named(data_copy: Path) -> None:
    _with_values(data_copy, "Angola", "PORTUGUESE\u0007REPUBLIC", "2011/2012")
    with pytest.raises(InputError) as caught:
        build(data_copy, TEMPLATE, data_copy / "never.docx")
    (problem,) = caught.value.problems
    assert problem.where == "coordinators[1].letterhead[1].en"  # the issuer's second line
    assert "U+0007" in problem.message
    assert not (data_copy / "never.docx").exists()


# Letters of several scripts, XML and template punctuation, emoji: what a name could hold.
_ALPHABET = st.sampled_from(
    list("aZé ßØñ") + list("&<>\"'{}%#_*") + ["ع", "ש", "中", "🕊", "\u200f", "\u00a0", "\U0001f1fa"]
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.text(_ALPHABET, min_size=1, max_size=40))
def test_any_printable_value_survives_verbatim(
    value: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    try:
        expected = clean_text(value)
    except ValueError:
        assume(False)
        return
    assume(any(c.isalpha() for c in expected))
    work = tmp_path_factory.mktemp("hypothesis")
    data = work / "data"
    shutil.copytree(DATA, data)
    _with_values(data, expected, expected, expected)
    output = work / "report.docx"
    try:
        build(data, TEMPLATE, output)
    except InputError as error:
        # The only refusal allowed: a generated name that spells another State's name.
        assume(not all("is the code of" in p.message for p in error.problems))
        raise
    _assert_everywhere(output, expected, expected, expected)
