"""The architecture is a contract: the layers of docs/architecture.md hold, and breaking them fails.

`make lint` runs import-linter on pyproject.toml's contracts. These tests show that the contract
is not decorative: each plants one import that the architecture forbids in a copy of the
package and checks that lint-imports refuses it, naming the broken contract.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reportgen"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

MAX_LINES = 600
"""A module longer than this does more than one job; data tables are the exception."""

LONG_ON_PURPOSE: dict[str, str] = {
    "inputs/models.py": "data: one model per file of data/, each field with the description "
    "editors show (a table of fields, not logic)",
    "depositary/untc.py": "debt: the XML export's and the saved page's readers share the "
    "column and date parsing; to be split into one module per form",
}
"""Modules allowed over MAX_LINES, each with the reason."""


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports on the package under `root`, with the project's contracts."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(root / "pyproject.toml")],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def linted() -> subprocess.CompletedProcess[str]:
    return _lint(ROOT)


def test_the_shipped_code_keeps_every_contract(linted: subprocess.CompletedProcess[str]) -> None:
    assert linted.returncode == 0, linted.stdout + linted.stderr
    assert "0 broken" in linted.stdout


def _with_planted_import(tmp_path: Path, module: str, line: str) -> Path:
    """A copy of the package and its contracts, with `line` added to `module`."""
    shutil.copytree(PACKAGE, tmp_path / "reportgen", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "reportgen" / module
    assert target.is_file(), f"{module} is not a module of reportgen any more"
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        (
            "templating/render.py",
            "from reportgen.inputs.models import Inputs",
            "The renderer receives views",
        ),
        (
            "figures/compute.py",
            "from reportgen.language import formats",
            "Stages: a package imports only the packages below it",
        ),
        ("inputs/load.py", "from reportgen import app", "Stages: a package imports only"),
        ("review/diff.py", "import lxml.etree", "Raw XML and python-docx stay in the Word layer"),
        ("language/fr.py", "from reportgen.language import es", "Languages know nothing"),
        ("documents/report/charts.py", "import jinja2", "Each engine has one home"),
    ],
)
def test_a_forbidden_import_breaks_the_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    result = _lint(_with_planted_import(tmp_path, module, line))
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in " ".join(broken.split()), result.stdout


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_does_several_jobs_by_its_length() -> None:
    long = {
        str(path.relative_to(PACKAGE)): length
        for path in _modules()
        if (length := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert set(long) <= set(LONG_ON_PURPOSE), f"modules over {MAX_LINES} lines: {long}"


def test_each_package_says_its_job_and_imports_nothing() -> None:
    for init in sorted(PACKAGE.rglob("__init__.py")):
        if init.parent == PACKAGE:
            continue  # reportgen/__init__.py is the public API (build, check, InputError...)
        tree = ast.parse(init.read_text(encoding="utf-8"))
        docstring = ast.get_docstring(tree)
        assert docstring, f"{init.relative_to(ROOT)} has no docstring"
        imports = [
            node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
        ]
        third_party = [
            node
            for node in imports
            if isinstance(node, ast.Import)
            or (node.module or "").split(".")[0] not in ("reportgen", "__future__")
        ]
        assert not third_party, f"{init.relative_to(ROOT)} imports a library at package import"


def test_every_module_the_docs_name_exists() -> None:
    """README.md and docs/ name modules by path: a move must take the docs with it."""
    named = set()
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        named |= {(doc.name, path) for path in re.findall(r"reportgen/[\w/]+\.py", text)}
        named |= {
            (doc.name, f"reportgen/{path}")
            for path in re.findall(r"`((?:[a-z_]+/)+[a-z_]+\.py)`", text)
            if path.split("/")[0] in _PACKAGES
        }
    missing = sorted(f"{doc}: {path}" for doc, path in named if not (ROOT / path).is_file())
    assert not missing, missing


_PACKAGES = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
