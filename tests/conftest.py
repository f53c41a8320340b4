"""Shared fixtures: the 4th MSP data and templates, a built report, the seed report's table.

The tests build from a frozen copy of the 4th MSP report's data and templates,
tests/fixtures/4msp/ (its README says where it came from and how to refresh it), never from
data/ and templates/: those are the user's, edited for each year's report while `make test`
must stay green. Every test runs in a folder of the session that holds copies of the frozen
data/ and templates/ (`_away_from_the_users_files`), so a command given no --data or
--template reads those, and one given no --output writes there. That the shipped data/ and
templates/ are valid is CI's `make check` (.ci/run), not a test's.
"""

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
from reportgen.core import config
from reportgen.figures.compute import Figures, compute
from reportgen.inputs.load import load_inputs
from reportgen.inputs.models import Inputs
from tests.seed import SeedReport, read_seed

# Hypothesis keeps no example database in the working tree.
settings.register_profile("reportgen", database=None)
settings.load_profile("reportgen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "4msp"
"""The frozen copy of the 4th MSP data (data/) and templates (templates/)."""
DATA = FIXTURE / "data"
TEMPLATES = FIXTURE / "templates"
TEMPLATE = TEMPLATES / "report.docx"
CATALOGUE = TEMPLATES / "report.ftl"

NAMES = ROOT / "tests" / "fixtures" / "names" / "names.yaml"
"""Every State's names (issue 19): a frozen copy of the shipped reference list."""


def template_of(lang: str) -> Path:
    """The frozen template of a language: report.docx for English, report.fr.docx..."""
    return TEMPLATE if lang == "en" else TEMPLATES / f"report.{lang}.docx"


def copy_template(target: Path, content: bytes | None = None, *, lang: str = "en") -> Path:
    """The frozen template of `lang` (or `content`, an edit of it) at `target`, with its
    catalogue beside it: a template without one would fall back on the user's catalogue
    in templates/ (reportgen.core.config.SHIPPED)."""
    source = template_of(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes() if content is None else content)
    shutil.copyfile(source.with_suffix(".ftl"), target.with_suffix(".ftl"))
    return target


@pytest.fixture(scope="session", autouse=True)
def _template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds keep their cache of compiled templates (reportgen.cache) in a folder of the
    test session, and its key in the session's XDG_STATE_HOME, never in the user's;
    processes the tests start inherit them."""
    variables = {
        "REPORTGEN_CACHE": tmp_path_factory.mktemp("template-cache"),
        "XDG_CACHE_HOME": tmp_path_factory.mktemp("xdg-cache"),
        "XDG_STATE_HOME": tmp_path_factory.mktemp("xdg-state"),
    }
    before = {name: os.environ.get(name) for name in variables}
    os.environ.update({name: str(path) for name, path in variables.items()})
    yield
    for name, value in before.items():
        if value is None:
            del os.environ[name]
        else:
            os.environ[name] = value


@pytest.fixture(scope="session", autouse=True)
def _frozen_catalogues() -> Iterator[None]:
    """A template without its catalogue beside it (a copy a test edits) is built with the
    shipped catalogue of its language, which reportgen finds in templates/
    (reportgen.core.config.SHIPPED): in this process, that is the frozen copy's. Processes
    the tests start do not inherit this: give them a template with its catalogue
    (copy_template)."""
    before = config.SHIPPED
    config.SHIPPED = TEMPLATES
    yield
    config.SHIPPED = before


@pytest.fixture(scope="session")
def _frozen_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out as the repository's, with copies of the frozen data/ and templates/."""
    folder = tmp_path_factory.mktemp("repository")
    shutil.copytree(DATA, folder / "data")
    shutil.copytree(TEMPLATES, folder / "templates")
    return folder


@pytest.fixture(autouse=True)
def _away_from_the_users_files(_frozen_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test runs in `_frozen_folder`: a default path (data/, templates/report.docx,
    output/) never names the user's files. A test that needs a folder of its own changes to
    it (monkeypatch.chdir); processes the tests start are given their paths."""
    monkeypatch.chdir(_frozen_folder)


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
    """The report built from the frozen 4th MSP data and template."""
    output = tmp_path_factory.mktemp("report") / "report.docx"
    build(DATA, TEMPLATE, output)
    return output


@pytest.fixture(scope="session")
def document(report: Path) -> docx.document.Document:
    """The built report, opened with python-docx (read only: do not modify it)."""
    return docx.Document(str(report))


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    """A copy of the frozen 4th MSP data that a test may break."""
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
    """`reportgen build` of the frozen data in a fresh Python process, as a user runs it."""
    command = [sys.executable, *python_options, "-m", "reportgen", "build", "--data", str(DATA)]
    return subprocess.run(
        [*command, "--template", str(template), "--output", str(output)],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=None if env is None else {**os.environ, **env},
    )
