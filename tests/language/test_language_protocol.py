"""Every language implements the whole `Language` protocol, and the registry knows them.

Adding a language is its module, one line of `registry.REGISTERED` and its code in
`reportgen.core.languages.LANGUAGES`: these tests say when one of the three is missing.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest

from reportgen.core.languages import LANGUAGES
from reportgen.language import base, registry
from reportgen.language.default import Default
from reportgen.language.formats import Formats
from reportgen.language.registry import REGISTERED, language_for

ATTRIBUTES = sorted(base.Language.__annotations__)
METHODS = sorted(
    name
    for name, value in vars(base.Language).items()
    if inspect.isfunction(value) and not name.startswith("_")
)
LANGUAGE_FOLDER = Path(base.__file__).parent


def _parameters(function: Callable[..., object]) -> list[tuple[str, object]]:
    signature = inspect.signature(function)
    return [(p.name, p.default) for p in signature.parameters.values()]


@pytest.mark.parametrize("code", [*sorted(REGISTERED), "en_GB", "pt_PT"])
def test_every_language_implements_the_whole_protocol(code: str) -> None:
    language = language_for(code)
    assert isinstance(language, base.Language)
    assert language.code == code.split("_")[0]
    for name in ATTRIBUTES:
        assert not callable(getattr(language, name)), f"{code}: {name} is not data"
    for name in METHODS:
        method = getattr(type(language), name)
        assert _parameters(method) == _parameters(getattr(base.Language, name)), (code, name)


def test_the_protocol_is_not_empty() -> None:
    assert {"code", "articles", "lists_with_articles"} <= set(ATTRIBUTES)
    assert {"words", "long_date", "join", "collation_key", "contract"} <= set(METHODS)


def test_registered_languages_are_languages_reportgen_builds() -> None:
    assert set(REGISTERED) <= set(LANGUAGES)
    for code in LANGUAGES:  # registered, or written by babel and num2words
        language = language_for(code)
        assert language.code == code
        assert isinstance(language, Default) == (code not in REGISTERED)


def test_formats_take_the_registered_language_of_their_locale() -> None:
    assert Formats("fr_FR").language is language_for("fr")
    assert Formats("es").language is language_for("es")
    assert isinstance(Formats("en_GB").language, Default)


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("code", sorted(REGISTERED))
def test_each_language_module_is_independent_of_the_others(code: str) -> None:
    imported = _imported(LANGUAGE_FOLDER / f"{code}.py")
    for other in REGISTERED.values():
        if other != REGISTERED[code]:
            assert other not in imported, f"{code} imports {other}"
    assert not any(name.startswith(registry.__name__) for name in imported)
