"""Shared fixtures: the shipped data, a built report, and the seed report's own table."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import docx
import pytest
from hypothesis import settings

from reportgen.app import build
from reportgen.figures.compute import Figures, compute
from reportgen.inputs.load import load_inputs
from reportgen.inputs.models import Inputs
from tests.seed import SeedReport, read_seed

# Hypothesis keeps no example database in the working tree.
settings.register_profile("reportgen", database=None)
settings.load_profile("reportgen")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TEMPLATE = ROOT / "templates" / "report.docx"
CATALOGUE = ROOT / "templates" / "report.ftl"


@pytest.fixture(scope="session", autouse=True)
def _template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds keep their cache of compiled templates (reportgen.cache) in a folder of the
    test session, and its key in the session's XDG_CACHE_HOME, never in the user's;
    processes the tests start inherit both."""
    variables = {
        "REPORTGEN_CACHE": tmp_path_factory.mktemp("template-cache"),
        "XDG_CACHE_HOME": tmp_path_factory.mktemp("xdg-cache"),
    }
    before = {name: os.environ.get(name) for name in variables}
    os.environ.update({name: str(path) for name, path in variables.items()})
    yield
    for name, value in before.items():
        if value is None:
            del os.environ[name]
        else:
            os.environ[name] = value


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.txt from the current output (make golden)",
    )


@pytest.fixture(scope="session")
def inputs() -> Inputs:
    return load_inputs(DATA)


@pytest.fixture(scope="session")
def figures(inputs: Inputs) -> Figures:
    return compute(inputs)


@pytest.fixture(scope="session")
def seed() -> SeedReport:
    return read_seed()


@pytest.fixture(scope="session")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report built from the shipped data and template."""
    output = tmp_path_factory.mktemp("report") / "report.docx"
    build(DATA, TEMPLATE, output)
    return output


@pytest.fixture(scope="session")
def document(report: Path) -> docx.document.Document:
    """The built report, opened with python-docx (read only: do not modify it)."""
    return docx.Document(str(report))


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    """A copy of data/ that a test may break."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    yield copy


def build_in_a_process(
    output: Path,
    *,
    template: Path = TEMPLATE,
    python_options: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`reportgen build` of the shipped data in a fresh Python process, as a user runs it."""
    command = [sys.executable, *python_options, "-m", "reportgen", "build", "--data", str(DATA)]
    return subprocess.run(
        [*command, "--template", str(template), "--output", str(output)],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=None if env is None else {**os.environ, **env},
    )
