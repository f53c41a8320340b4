"""The renderer's seams: what it takes from docxtpl, and what it does not take from the data."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from docxtpl import DocxTemplate

from reportgen.templating.docxtpl import WordTemplate

TEMPLATING = Path(__file__).resolve().parents[2] / "reportgen" / "templating"

CALLED = ("render", "get_docx")
"""docxtpl's methods the renderer calls without overriding them."""


def _parameters(function: object) -> list[tuple[str, object, bool]]:
    """Each parameter's name, kind and whether it has a default: what a caller relies on."""
    return [
        (p.name, p.kind, p.default is not inspect.Parameter.empty)
        for p in inspect.signature(function).parameters.values()  # type: ignore[arg-type]
    ]


def _overridden() -> list[str]:
    return sorted(
        name
        for name, value in vars(WordTemplate).items()
        if callable(value) and not name.startswith("__") and hasattr(DocxTemplate, name)
    )


def test_word_template_overrides_the_methods_it_was_written_against() -> None:
    # A new override belongs in this list (and under the test below) once its docxtpl
    # signature is checked.
    assert _overridden() == [
        "fix_tables",
        "patch_xml",
        "render_footnotes",
        "render_properties",
        "render_xml_part",
        "resolve_listing",
    ]


@pytest.mark.parametrize("name", _overridden())
def test_docxtpl_still_calls_each_override_as_it_is_written(name: str) -> None:
    """A docxtpl upgrade that renames, adds or reorders the parameters of a method that
    WordTemplate overrides would call the override wrongly, or not at all: it fails here."""
    assert _parameters(getattr(DocxTemplate, name)) == _parameters(getattr(WordTemplate, name))


@pytest.mark.parametrize("name", CALLED)
def test_docxtpl_still_takes_what_the_renderer_gives(name: str) -> None:
    expected = {
        "render": [
            ("self", inspect.Parameter.POSITIONAL_OR_KEYWORD, False),
            ("context", inspect.Parameter.POSITIONAL_OR_KEYWORD, False),
            ("jinja_env", inspect.Parameter.POSITIONAL_OR_KEYWORD, True),
            ("autoescape", inspect.Parameter.POSITIONAL_OR_KEYWORD, True),
        ],
        "get_docx": [("self", inspect.Parameter.POSITIONAL_OR_KEYWORD, False)],
    }
    assert _parameters(getattr(DocxTemplate, name)) == expected[name]


def _runtime_imports(path: Path) -> list[str]:
    """The reportgen modules a file imports when it runs: at its top or in a function, but
    not under `if TYPE_CHECKING:` (types only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            typing_only |= {id(n) for child in node.body for n in ast.walk(child)}
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return [name for name in found if name.startswith("reportgen.")]


@pytest.mark.parametrize("path", sorted(TEMPLATING.glob("*.py")), ids=lambda p: p.name)
def test_the_renderer_takes_views_not_the_data(path: Path) -> None:
    """The renderer never reads the inputs or the figures: a kind of document's views do.
    It may name their types (under TYPE_CHECKING), and it never imports a kind."""
    above_or_data = (
        "reportgen.inputs",
        "reportgen.figures",
        "reportgen.documents",
        "reportgen.review",
        "reportgen.depositary",
        "reportgen.app",
        "reportgen.cli",
    )
    imported = _runtime_imports(path)
    assert [m for m in imported if m.startswith(above_or_data)] == []
