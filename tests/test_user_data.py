"""The tests and the user's data/ and templates/: each year's report is prepared there while
`make test` stays green.

The tests build from the frozen 4th MSP copy, tests/fixtures/4msp/ (tests/conftest.py), and
never read data/ and templates/: every test runs in a folder holding copies of the frozen
ones, so even a default path names them. That the shipped files are valid is CI's
`make check` (.ci/run). The last test proves it: in a copy of the working tree where data/
and templates/ are rolled forward to the next report, as a user would, a part of the suite
still passes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import docx

from reportgen.app import build
from reportgen.cli.main import main
from reportgen.inputs.load import load_inputs
from reportgen.review.rendition import rendition
from tests.conftest import DATA, ROOT, TEMPLATES

GOLDEN = ROOT / "tests" / "golden"


# --- A realistic roll-forward of a copy of the repository ---------------------------------

ROLLED_AS_OF = "2014-08-15"
RATIFYING = {"Canada": "2014-03-10", "Congo": "2014-05-12", "Iceland": "2014-07-01"}
"""Three signatories of the 4th MSP report that ratify before the next one."""
REWORDED = ("We have divided the countries into", "We have grouped the countries into")
"""A sentence of the English catalogue, reworded by the user."""
RETITLED = ("I. Latest figures", "I. The figures as of today")
"""A heading of the English template, retitled by the user in Word."""

_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "output", "__pycache__", "*.egg-info", ".*_cache", ".hypothesis"
)


def roll_forward(root: Path) -> None:
    """Edit data/ and templates/ under `root` as a user preparing the next report does, in
    a text editor and in Word: a new as-of date, three ratifications (and those States out
    of the categories of non-party States), a sentence reworded, the template saved again."""
    data = root / "data"
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^as_of: 2013-09-01", f"as_of: {ROLLED_AS_OF}", text)
    assert count == 1
    report.write_text(text, encoding="utf-8")

    states = data / "states.yaml"
    text = states.read_text(encoding="utf-8")
    for name, day in RATIFYING.items():
        entry = re.search(rf"(?m)^- name: {name}\n(?:  .*\n)*?  signature: .*\n", text)
        assert entry is not None, name
        text = text[: entry.end()] + f"  ratification: {day}\n" + text[entry.end() :]
    states.write_text(text, encoding="utf-8")

    categories = data / "categories.yaml"
    text = categories.read_text(encoding="utf-8")
    for name in RATIFYING:
        text = re.sub(rf"(?m)^    - {name}\n", "", text)
    categories.write_text(text, encoding="utf-8")

    catalogue = root / "templates" / "report.ftl"
    text = catalogue.read_text(encoding="utf-8")
    assert REWORDED[0] in text
    catalogue.write_text(text.replace(*REWORDED), encoding="utf-8")

    template = root / "templates" / "report.docx"
    document = docx.Document(str(template))
    heading = next(r for p in document.paragraphs for r in p.runs if r.text == RETITLED[0])
    heading.text = RETITLED[1]
    document.save(str(template))  # saved again, as Word does: another package


def test_the_roll_forward_is_a_valid_next_report(tmp_path: Path) -> None:
    """The edit the last test makes is realistic: `reportgen check` passes, and the report
    it builds is not the 4th MSP's (so a test reading data/ or templates/ would fail)."""
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    roll_forward(tmp_path)
    data, template = tmp_path / "data", tmp_path / "templates" / "report.docx"
    assert main(["check", "--data", str(data), "--template", str(template)]) == 0
    before, after = load_inputs(DATA), load_inputs(data)
    assert after.report.as_of == dt.date.fromisoformat(ROLLED_AS_OF)
    parties = [s.name for s in after.states if s.deposit is not None]
    assert len(parties) == len([s for s in before.states if s.deposit is not None]) + 3
    output = tmp_path / "report.docx"
    build(data, template, output)
    text = rendition(output)
    assert text != (GOLDEN / "report.txt").read_text(encoding="utf-8")
    assert REWORDED[1] in text and RETITLED[1] in text and "15 August 2014" in text


SUITE = [
    "tests/figures",
    "tests/documents/report/test_golden.py",
    "tests/documents/report/test_languages.py",
    "tests/cli",
    "tests/depositary",
    "tests/inputs",
    "tests/language",
    "tests/review/test_compare.py",
]
"""The tests run in the rolled-forward copy: the folders and files where, when the tests
read data/ and templates/, this edit failed 62 tests of 555 (figures, golden renditions,
every language, the command line, the depositary's import, the inputs, catalogues, the
redline). About 55 s on two cores, a quarter of `make test`."""


def test_the_tests_pass_after_a_realistic_edit_of_data_and_templates(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    shutil.copytree(ROOT, clone, ignore=_COPIED, symlinks=True)
    for folder, frozen in (("data", DATA), ("templates", TEMPLATES)):
        # the user's own, whatever state they are in, replaced by the 4th MSP's to roll forward
        shutil.rmtree(clone / folder)
        shutil.copytree(frozen, clone / folder)
    roll_forward(clone)
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *SUITE],
        cwd=clone,
        env={**os.environ, "PYTHONPATH": str(clone), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    elapsed = time.monotonic() - started
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert re.search(r"\b\d{2,} passed\b", run.stdout), run.stdout[-2000:]
    assert elapsed < 600, f"the copy's tests took {elapsed:.0f} s"
