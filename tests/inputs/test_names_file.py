"""data/names.yaml is a reference list (issue 19, point 5): an entry for a State that
states.yaml does not list loads (it waits for the import to add the State), while a malformed
entry is still refused, located, with exit 2, and a gender the article contradicts too."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.cli.main import main
from reportgen.inputs.load import load_with_warnings
from reportgen.language.naming import name_problems
from tests.conftest import template_of

NIUE = "NIU:\n  fr: Nioué\n  fr_gender: f\n  es: Niue\n"


def _append(data: Path, text: str) -> tuple[Path, int]:
    """names.yaml with `text` added at its end, and the line `text` starts at."""
    names = data / "names.yaml"
    before = names.read_text(encoding="utf-8")
    names.write_text(before + text, encoding="utf-8")
    return names, len(before.splitlines()) + 1


def _check(capsys: pytest.CaptureFixture[str], data: Path, lang: str) -> tuple[int, list[str]]:
    code = main(
        ["check", "--lang", lang, "--data", str(data), "--template", str(template_of(lang))]
    )
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, err.splitlines()


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_names_for_a_code_no_state_has_load(data_copy: Path, lang: str) -> None:
    _append(data_copy, NIUE)
    inputs, problems, _ = load_with_warnings(data_copy, lang=lang, names_check=name_problems)
    assert [str(p) for p in problems] == []
    assert inputs is not None
    assert "NIU" in inputs.names and all(s.iso3 != "NIU" for s in inputs.states)


@pytest.mark.parametrize(
    ("entry", "at", "says"),
    [
        ("Niu:\n  fr: Nioué\n  es: Niue\n", 0, "should be three capital letters"),
        ("NIU:\n  fr: [Nioué]\n  es: Niue\n", 1, "fr:"),
        ("NIU:\n  fr: Nioué\n  fr_gender: feminine\n  es: Niue\n", 2, "fr_gender"),
        ("NIU:\n  fr: Nioué\n  es: Niue\n  en: Niue\n", 3, "en"),
    ],
)
def test_a_malformed_entry_is_a_located_error(
    data_copy: Path, capsys: pytest.CaptureFixture[str], entry: str, at: int, says: str
) -> None:
    names, line = _append(data_copy, entry)
    code, err = _check(capsys, data_copy, "fr")
    assert code == 2
    located = [e for e in err if e.startswith(f"{names}:{line + at}:")]
    assert located and says in located[0], err


def test_a_gender_the_article_contradicts_is_a_located_error(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = data_copy / "names.yaml"
    text = names.read_text(encoding="utf-8")
    entry = "BEL:\n  fr: Belgique (la)\n"
    assert entry in text
    names.write_text(text.replace(entry, entry + "  fr_gender: m\n"), encoding="utf-8")
    line = text[: text.index(entry)].count("\n") + 3
    code, err = _check(capsys, data_copy, "fr")
    assert code == 2
    assert f"{names}:{line}:3: BEL.fr_gender: is m, but the article 'la' says f" in "\n".join(err)
    assert _check(capsys, data_copy, "en")[0] == 0  # English reads no French gender
