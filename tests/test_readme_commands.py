"""The README's commands run as written, so that the README cannot drift from the program
(issue 20).

CONTRIBUTING.md states the convention this file reads: a command is a line of a code block
of README.md (fenced, or indented by four spaces or more) that starts with `uv run `,
`reportgen ` or `make ` (or is `uv run reportgen` alone); text after ` #` is a comment. In a
fenced block marked `console`, the lines after a command, up to the next command, are what
it prints: each must be a line of its output (stdout and stderr).

`uv run [OPTIONS] reportgen ARGS` and `reportgen ARGS` run as `sys.executable -m reportgen
ARGS` (uv itself is not needed: it only installs and starts the same program). `make
TARGET` runs the repository's Makefile in the test's folder, with its reportgen pointed at
this Python and its install stamps taken as done; `make test` and `make lint` are not run
here (they are what runs this file). Commands that need LibreOffice run when `soffice` is
present, and must under REPORTGEN_REQUIRE_SOFFICE=1 (CI); the redline needs the redline
extra, which `make test` installs.

Three tests:
- the walk: the README's checklist ("Prepare the next report") followed end to end on a copy
  of the frozen 4th MSP data and templates, with the README's own commands only: the
  previous build kept, the data updated (as_of moved, the 5th MSP added, two ratifications
  on the depositary's page), the import, the categories, a reworded sentence, check, build,
  diff, redline and the PDFs;
- every console output the README shows is printed by the walk's run of that command;
- every command of the README, each run on a copy of the walk's result, ends as it should.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reportgen.review.rendition import rendition
from tests.conftest import DATA, ROOT, TEMPLATES

README = ROOT / "README.md"
UNTC_PAGE = ROOT / "tests" / "fixtures" / "untc" / "XXVI-6.html"
SOFFICE_REQUIRED = os.environ.get("REPORTGEN_REQUIRE_SOFFICE") == "1"
NOT_RUN_HERE = {"test", "lint"}
"""make targets that run this file (make test) or the linters: not run from a test."""
STAMPS = (".venv/.installed-stamp", ".venv/.installed-redline-stamp", ".venv/.installed-dev-stamp")
TIMEOUT = 600


# --- Reading the README ---------------------------------------------------------------------


@dataclass
class Command:
    """A command line of the README, where it is, and the output a console block shows."""

    line: str
    number: int
    output: list[str] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return shlex.split(self.line, comments=True)


def _is_command(text: str) -> bool:
    return text == "uv run reportgen" or text.startswith(("uv run ", "reportgen ", "make "))


def readme_commands(text: str) -> list[Command]:
    """Every command of a README, in order, with the output its console block shows."""
    found: list[Command] = []
    fence: str | None = None
    current: Command | None = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = stripped[3:].strip() if fence is None else None
            current = None
            continue
        if fence is not None:
            if _is_command(stripped):
                current = Command(_uncommented(stripped), number)
                found.append(current)
            elif fence == "console" and current is not None and stripped:
                current.output.append(line)
        elif line.startswith("    ") and _is_command(stripped):
            found.append(Command(_uncommented(stripped), number))
    return found


def _uncommented(line: str) -> str:
    """The command without its comment for the reader (` # ...`)."""
    return shlex.join(shlex.split(line, comments=True))


COMMANDS = readme_commands(README.read_text(encoding="utf-8"))
SHOWN = {c.line for c in COMMANDS}


def shown(line: str) -> str:
    """`line`, which the README must show as a command: the walk uses no other."""
    assert line in SHOWN, f"README.md shows no command `{line}`"
    return line


# --- Running a command as the README writes it -----------------------------------------------


@dataclass
class Run:
    line: str
    status: int
    output: str

    @property
    def lines(self) -> list[str]:
        return self.output.splitlines()


def _reportgen_arguments(words: list[str]) -> list[str] | None:
    """The arguments given to reportgen by `uv run [OPTIONS] reportgen ...` or
    `reportgen ...`; None for a make command."""
    if words[0] == "reportgen":
        return words[1:]
    if words[:2] == ["uv", "run"]:
        assert "reportgen" in words, words
        return words[words.index("reportgen") + 1 :]
    assert words[0] == "make", words
    return None


def _needs_soffice(words: list[str]) -> bool:
    return "--pdf" in words or words[:2] == ["make", "pdf"]


def _needs_redline(words: list[str]) -> bool:
    arguments = _reportgen_arguments(words)
    return (arguments or words[1:2])[:1] == ["redline"]


def _require_tools(words: list[str]) -> None:
    """Skip (or, for LibreOffice under REPORTGEN_REQUIRE_SOFFICE=1, fail) a command whose
    external tool is missing here."""
    if _needs_soffice(words) and not (shutil.which("soffice") or shutil.which("libreoffice")):
        if SOFFICE_REQUIRED:
            pytest.fail("soffice not on PATH, and REPORTGEN_REQUIRE_SOFFICE=1 requires it")
        pytest.skip("soffice not on PATH (Debian: libreoffice-writer-nogui)")
    if _needs_redline(words):
        pytest.importorskip("python_redlines", reason="the redline extra is not installed")


def _argv(words: list[str], folder: Path) -> list[str]:
    arguments = _reportgen_arguments(words)
    if arguments is not None:
        return [sys.executable, "-m", "reportgen", *arguments]
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    shim = folder.parent / "bin" / "reportgen"
    shim.parent.mkdir(exist_ok=True)
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m reportgen "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return [
        make,
        "--no-print-directory",
        "-f",
        str(ROOT / "Makefile"),
        *(f"--old-file={stamp}" for stamp in STAMPS),
        f"BIN={shim.parent}",
        f"REPORTGEN={shim}",
        *words[1:],
    ]


def _watches(words: list[str]) -> bool:
    return "--watch" in words or words[:2] == ["make", "watch"]


def run(line: str, folder: Path) -> Run:
    """Run a README command line in `folder` (the reportgen folder of the README)."""
    words = shlex.split(line, comments=True)
    _require_tools(words)
    argv = _argv(words, folder)
    if _watches(words):
        return _run_watch(line, argv, folder)
    done = subprocess.run(
        argv, cwd=folder, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    return Run(line, done.returncode, done.stdout + done.stderr)


def _run_watch(line: str, argv: list[str], folder: Path) -> Run:
    """A watching build: until it has built (or found unchanged) every report, then Ctrl-C."""
    log = folder.parent / "watch.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            argv, cwd=folder, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            deadline = time.monotonic() + TIMEOUT
            while "report.es.docx" not in log.read_text(encoding="utf-8").split("Ctrl-C", 1)[-1]:
                assert process.poll() is None, log.read_text(encoding="utf-8")
                assert time.monotonic() < deadline, "the watch built nothing"
                time.sleep(0.1)
            os.killpg(process.pid, signal.SIGINT)
            status = process.wait(timeout=60)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    return Run(line, status, log.read_text(encoding="utf-8"))


# --- The walk: the README's checklist on a copy ------------------------------------------------

AS_OF = "2014-08-15"
STATUS_AS_AT = "15-08-2014"
RATIFIED = {"Canada": ("10 Mar 2014", "10.03.2014"), "Iceland": (" 1 Jul 2014", "01.07.2014")}
"""Two signatories of the 4th MSP report on the depositary's page as having ratified."""
FIFTH_MSP = """\
  - key: 5MSP
    kind: msp          # with number: "5th Meeting of States Parties", "5th MSP"...
    number: 5
    city: San José
    country: Costa Rica
    start: 2014-09-02
    end: 2014-09-05
"""
REWORDED = ("We have divided the countries into", "We have grouped the countries into")


def _replace(path: Path, old: str, new: str, *, encoding: str = "utf-8") -> None:
    text = path.read_text(encoding=encoding)
    assert text.count(old) == 1, f"{old!r} is not in {path.name} exactly once"
    path.write_text(text.replace(old, new), encoding=encoding)


def _set_the_date_and_the_meeting(data: Path) -> None:
    """Step 2 of the checklist, as the README's walk-through shows it."""
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^as_of: 2013-09-01", f"as_of: {AS_OF}", text)
    assert count == 1
    text = text.replace("    end: 2013-09-13\n", "    end: 2013-09-13\n" + FIFTH_MSP, 1)
    for old, new in [
        ("presented_to: 4MSP", "presented_to: 5MSP"),
        ("counting_since: 2MSP", "counting_since: 3MSP"),
        ("  after: 3MSP\n  before: 4MSP", "  after: 4MSP\n  before: 5MSP"),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    report.write_text(text, encoding="utf-8")
    assert FIFTH_MSP.splitlines()[0].strip() in README.read_text(encoding="utf-8")


def _save_the_depositary_page(folder: Path) -> None:
    """The status page as the browser saves it, as at the new as-of day: the 4th MSP's
    table with Canada's and Iceland's ratifications."""
    page = folder / "XXVI-6.html"
    shutil.copyfile(UNTC_PAGE, page)
    _replace(page, "STATUS AS AT : 01-09-2013", f"STATUS AS AT : {STATUS_AS_AT}")
    _replace(page, "Parties : 83", "Parties : 85")
    for name, (day, _) in RATIFIED.items():
        row = f"<tr><td>{name}</td><td> 3 Dec 2008</td><td></td><td></td></tr>"
        _replace(page, row, row.replace("<td></td></tr>", f"<td>{day}</td></tr>"))


@dataclass
class Walk:
    folder: Path
    runs: list[Run]
    steps: list[str]
    """Each command the walk ran or would have run (a tool missing here), in order."""
    last_year: str
    """The rendition of the report built before the update (the 4th MSP report)."""


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walk]:
    """The README's checklist, followed on a copy of the frozen 4th MSP data and templates,
    with the README's commands: each step is checked here, as a user would see it."""
    folder = tmp_path_factory.mktemp("walk") / "reportgen"
    shutil.copytree(DATA, folder / "data")
    shutil.copytree(TEMPLATES, folder / "templates")
    for path in (TEMPLATES.parent.parent / "campaign" / "templates").iterdir():
        shutil.copyfile(path, folder / "templates" / path.name)  # as shipped: annex, letters
    runs: list[Run] = []
    steps: list[str] = []

    def step(line: str, status: int) -> Run:
        steps.append(line)
        done = run(shown(line), folder)
        runs.append(done)
        assert done.status == status, f"{line}: exit {done.status}\n{done.output}"
        assert "Traceback" not in done.output
        return done

    # Last year's report, as it was built and circulated.
    step("uv run reportgen build", 0)
    last_year = rendition(folder / "output" / "report.docx")

    # 2. The date and the meeting; 3. the depositary's status.
    _set_the_date_and_the_meeting(folder / "data")
    _save_the_depositary_page(folder)
    states = folder / "data" / "states.yaml"
    before = states.read_bytes()
    categories = folder / "data" / "categories.yaml"
    step("uv run reportgen import untc XXVI-6.html", 0)
    assert states.read_bytes() == before  # without --write, nothing changes
    assert "    - Iceland\n" in categories.read_text(encoding="utf-8")
    step("uv run reportgen import untc XXVI-6.html --write", 0)
    assert "    - Iceland\n" not in categories.read_text(encoding="utf-8")  # now a Party

    # 4. The categories; 5. a sentence reworded in the catalogue.
    _replace(folder / "templates" / "report.ftl", *REWORDED)
    for name in RATIFIED:
        entry = rf"- name: {name}\n(?:  .*\n)*?  ratification: 2014-"
        assert re.search(entry, states.read_text(encoding="utf-8")), name

    # 6. Check (a misspelt State first, as the README shows it), then build.
    good = categories.read_text(encoding="utf-8")
    _replace(categories, "    - Nigeria\n", "    - Nigéria\n")
    step("uv run reportgen check", 2)
    categories.write_text(good, encoding="utf-8")
    step("uv run reportgen check", 0)
    step("uv run reportgen build", 0)

    # 1. The report it replaced is kept, untouched, without any copy made by hand.
    output = folder / "output"
    assert rendition(output / "previous" / "report.docx") == last_year
    for lang in ("fr", "es"):
        assert (output / "previous" / f"report.{lang}.docx").is_file()
    this_year = rendition(output / "report.docx")
    assert REWORDED[1] in this_year and "15 August 2014" in this_year
    for name, (_, day) in RATIFIED.items():
        assert f"| {name} | 03.12.2008 | {day} |" in this_year

    # 7. Review: the diff and the redline of what changed since the previous build.
    diff = step("uv run reportgen diff", 1)
    assert diff.lines[:2] == ["--- output/previous/report.docx", "+++ output/report.docx"]
    assert f"+| Canada | 03.12.2008 | {RATIFIED['Canada'][1]} |" in diff.lines
    try:
        step("uv run --extra redline reportgen redline", 0)
    except pytest.skip.Exception:
        pass
    else:
        changes = rendition(output / "changes.docx")
        assert "[inserted" in changes and "[deleted" in changes

    # 8. The PDFs of every language.
    try:
        step("uv run reportgen build --pdf", 0)
    except pytest.skip.Exception:
        pass
    else:
        for name in ("report.pdf", "report.fr.pdf", "report.es.pdf"):
            assert (output / name).read_bytes().startswith(b"%PDF")
    # 8. A campaign's letters: the README's campaign, added to campaigns.yaml as it shows it.
    campaigns = folder / "data" / "campaigns.yaml"
    text = campaigns.read_text(encoding="utf-8")
    text = text.replace("\ncorrespondence:\n", "\n" + _readme_campaign() + "\ncorrespondence:\n", 1)
    campaigns.write_text(text, encoding="utf-8")
    step("uv run reportgen build letters --campaign 2014-letter", 0)
    letters = sorted((output / "letters" / "2014-letter").glob("*.docx"))
    listed = (output / "letters" / "2014-letter" / "letters.csv").read_text(encoding="utf-8")
    assert letters and len(listed.splitlines()) == len(letters) + 1  # a header, a row each
    assert not [p for p in letters if "-CAN-" in p.name]  # Canada ratified: no letter to it
    yield Walk(folder, runs, steps, last_year)


def _readme_campaign() -> str:
    """The campaign the README's step 8 shows, as it shows it."""
    step8 = README.read_text(encoding="utf-8").split("### 8.", 1)[1]
    block = step8.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert block.startswith("  - key: 2014-letter\n"), block
    return block


def test_the_readme_checklist_runs_end_to_end(walk: Walk) -> None:
    """The checklist's steps are the walk's, in the README's order."""
    checklist = README.read_text(encoding="utf-8").split("## Prepare the next report", 1)[1]
    checklist = checklist.split("\n## ", 1)[0]
    in_checklist = [c.line for c in readme_commands(checklist)]
    # The first step builds last year's report, before the checklist starts.
    walked = list(dict.fromkeys(walk.steps[1:]))
    assert [line for line in in_checklist if line in walked] == in_checklist, (
        "a command of the checklist is not in the walk, or not in the walk's order"
    )
    assert [line for line in walked if line in in_checklist] == in_checklist


CONSOLE = [c for c in COMMANDS if c.output]


@pytest.mark.parametrize("command", CONSOLE, ids=[f"line {c.number}" for c in CONSOLE])
def test_the_output_the_readme_shows_is_what_reportgen_prints(walk: Walk, command: Command) -> None:
    runs = [r for r in walk.runs if r.line == command.line]
    if _needs_soffice(command.words) and not runs:
        pytest.skip("LibreOffice is not installed: the walk made no PDF")
    if _needs_redline(command.words) and not runs:
        pytest.skip("the redline extra is not installed")
    assert runs, f"the walk does not run `{command.line}` (README.md:{command.number})"
    assert any(set(command.output) <= set(r.lines) for r in runs), (
        f"README.md:{command.number}: `{command.line}` prints none of its runs' output:\n"
        + "\n".join(line for line in command.output if all(line not in r.lines for r in runs))
    )


def test_the_readme_shows_the_commands_the_walk_needs() -> None:
    """The extraction itself: it finds the checklist's commands and the make targets, and
    treats neither prose nor output as a command."""
    assert {
        "uv run reportgen",
        "uv run reportgen build",
        "uv run reportgen diff",
        "uv run --extra redline reportgen redline",
        "uv run reportgen import untc XXVI-6.html --write",
        "make report",
        "make test",
    } <= SHOWN
    assert all(_is_command(c.line) for c in COMMANDS)
    example = "Text\n\n    make report    # a comment\n\n```console\nreportgen diff\n-a\n+b\n```\n"
    parsed = readme_commands(example)
    assert [(c.line, c.output) for c in parsed] == [
        ("make report", []),
        ("reportgen diff", ["-a", "+b"]),
    ]


# --- Every command of the README ------------------------------------------------------------


def _status_is_right(words: list[str], status: int) -> bool:
    arguments = _reportgen_arguments(words)
    if arguments is not None and arguments[:1] == ["diff"]:
        return status in (0, 1)  # 1: the reports differ, as diff(1) says
    return status == 0


RUNNABLE = list({c.line: c for c in COMMANDS}.values())


@pytest.mark.parametrize("command", RUNNABLE, ids=[c.line for c in RUNNABLE])
def test_every_command_of_the_readme_runs(walk: Walk, command: Command, tmp_path: Path) -> None:
    words = command.words
    if words[0] == "make" and words[1] in NOT_RUN_HERE:
        pytest.skip(f"make {words[1]} runs the tests or the linters: not run from a test")
    folder = tmp_path / "reportgen"
    shutil.copytree(walk.folder, folder, symlinks=True)
    done = run(command.line, folder)
    assert "Traceback" not in done.output, done.output
    if _watches(words) and words[0] == "make":
        # make reports the Ctrl-C that stopped reportgen: what matters is that it built.
        assert "output/report.es.docx" in done.output, done.output
        return
    assert _status_is_right(words, done.status), (
        f"README.md:{command.number}: `{command.line}` exits {done.status}:\n{done.output}"
    )
