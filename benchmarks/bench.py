"""`make bench`: how long reportgen takes, against the floor set by its imports and against a peer.

Every measurement is repeated; the report gives the median with its spread (min, max, IQR).

Whole processes (subprocess, wall time), run round-robin so that load from other work on the
machine falls on all of them alike, after one untimed run of each (bytecode, disk cache):

- startup: `python -c pass`, the interpreter alone, for reference.
- floor: a process that imports exactly the third-party modules a build imports and does
  nothing else. The list is not typed here: it is read from `sys.modules` after a real build,
  so it follows the code (a library a build starts to use brings the floor up with it). No
  cold build can beat it without importing less. The same script ending with os._exit shows what the
  interpreter's clean-up of all those modules costs at exit.
- build: `python -m reportgen build` of the 4MSP data, what a user waits for. Its
  cache of compiled templates (reportgen.cache) is filled by the untimed first run, as by
  any earlier build; the same build with the cache off is timed too.
- every language: `python -m reportgen build` with no --lang, as a user runs it in a folder
  laid out as the repository (data/, templates/ with the English, French and Spanish
  templates): the three reports in one process, side by side with `--lang en` alone in the
  same folder, the cold build of one language.
- check: `python -m reportgen check` of the same data. It should import nothing of the Word
  stack and so cost a fraction of a build; the modules it imports are listed too.
- pandoc: pandoc converting a Markdown rendition of the same report to .docx: a peer doing
  comparable work (a compiled program, no template). The Markdown is made here from the built
  report's text rendition (`reportgen text`), with its tables and footnotes; each chart is
  its alternative text and its data as a table (pandoc has no native charts). The targets
  judge the cold build against it.
- synthetic build: the cold build of 197 States, 30 years of meetings, 20 categories and 200
  events (benchmarks/synthetic.py, fixed seed), checked first with `reportgen check`.
- anatomy: one fresh process that imports the floor's modules, then reportgen's own, then
  builds twice: where a cold build's time goes (imports, cold caches, the build itself).

In this process (time.perf_counter, after warm-up builds), for 4MSP and the synthetic data
alternately: each stage of a build (load and validate, compute, render, write) and the whole
`reportgen.app.build`; then the whole build after an edit, of a scratch copy of the data
in which one ratification date changes before each build to a day no earlier build used, so
that both charts plot new values and no cache of them can hit (`DepositEditor`).

Where the time goes: `python -X importtime` of a build, summed by package; cProfile of warm
builds, summed by package, with the functions that take longest.

    python benchmarks/bench.py [--rounds N] [--warm N] [--quick] [--write benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import gc
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path[:1]:  # run as a file: measure the reportgen of this checkout
    sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import SEED, generate  # noqa: E402

# The 4th MSP report, frozen (tests/fixtures/4msp/): timings compare from year to year, and
# a user preparing this year's report in data/ and templates/ changes none of them.
DATA = ROOT / "tests" / "fixtures" / "4msp" / "data"
TEMPLATE = ROOT / "tests" / "fixtures" / "4msp" / "templates" / "report.docx"
PYTHON = sys.executable
RENDER_STACK = ("docxtpl", "docx2python", "matplotlib", "numpy")
"""What `reportgen check` should not import: it reads the template (python-docx, lxml) to
check its tags, but renders nothing and draws no chart."""

TARGET_COLD_OVER_PANDOC = 3.0
TARGET_WARM_BUILD = 0.040
TARGET_SYNTHETIC_OVER_4MSP = 2.0
TARGET_ALL_LANGUAGES_OVER_ONE = 1.5
ONE_LANGUAGE = "reportgen build --lang en (one language)"
ALL_LANGUAGES = "reportgen build (en, fr, es in one process)"
LAID_OUT = (ONE_LANGUAGE, ALL_LANGUAGES)
"""The processes run in a folder laid out as the repository, where the defaults apply."""
PLOTTING = ("matplotlib", "numpy")
"""What a build no longer imports: charts are native Word charts filled with data."""
STAGES = ("load", "compute", "render", "write")
EDITED = "build after an edit"
"""The warm build of data in which one ratification date changed since the last build."""


# --- Statistics -------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    """Timings of one measurement, in seconds."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        """The median: robust to the odd slow run on a busy machine."""
        return statistics.median(self.samples)

    @property
    def quartiles(self) -> tuple[float, float]:
        """First and third quartiles."""
        if len(self.samples) < 2:
            return self.samples[0], self.samples[0]
        q1, _, q3 = statistics.quantiles(self.samples, n=4, method="inclusive")
        return q1, q3

    @property
    def relative_iqr(self) -> float:
        """The interquartile range as a share of the median: how noisy it was."""
        q1, q3 = self.quartiles
        return (q3 - q1) / self.median if self.median else 0.0


def ms(seconds: float) -> str:
    """Seconds as milliseconds, with a decimal below 10 ms."""
    value = seconds * 1000
    return f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"


def _paired_ratio(top: Stats, bottom: Stats) -> float:
    """The median of run-by-run ratios: robust to load that drifts between rounds."""
    return statistics.median(a / b for a, b in zip(top.samples, bottom.samples, strict=False))


# --- Processes ---------------------------------------------------------------------------


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


@dataclass(frozen=True)
class Run:
    """One finished process: its wall time, its CPU time (user + system), what it printed."""

    wall: float
    cpu: float
    stdout: str


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_process(command: Sequence[str], cwd: Path = ROOT) -> Run:
    """Run `command` in `cwd` (the repository) and time it. Fails loudly.

    CPU time counts only the process's own work, so it moves less than wall time when other
    work competes for the cores; both are kept.
    """
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        list(command), cwd=cwd, env=_environment(), capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    return Run(elapsed, _children_cpu() - cpu, done.stdout)


def reportgen_command(*arguments: str | Path) -> list[str]:
    """`python -m reportgen ARGUMENTS` with the project's interpreter."""
    return [PYTHON, "-m", "reportgen", *map(str, arguments)]


_DISCOVER = """
import json, site, sys
before = set(sys.modules)
from reportgen.cli.main import main
status = main(sys.argv[1:])
roots = tuple(site.getsitepackages() + [site.getusersitepackages()])
third_party, own = [], []
for name, module in list(sys.modules.items()):
    if name in before:
        continue
    where = getattr(module, "__file__", None) or next(iter(getattr(module, "__path__", [])), None)
    if name == "reportgen" or name.startswith("reportgen."):
        own.append(name)
    elif where and str(where).startswith(roots):
        third_party.append(name)
print(json.dumps({"status": status, "third_party": third_party, "own": own}))
"""


@dataclass(frozen=True)
class Imports:
    """The modules a build imports that the interpreter had not imported at start-up."""

    third_party: tuple[str, ...]
    own: tuple[str, ...]

    @property
    def packages(self) -> list[str]:
        """The top-level third-party packages, sorted."""
        return sorted({name.partition(".")[0] for name in self.third_party})


def discover_imports(build_arguments: Sequence[str]) -> Imports:
    """Run a build in a fresh process and list the modules it imported (from sys.modules)."""
    out = run_process([PYTHON, "-c", _DISCOVER, *build_arguments]).stdout
    found = json.loads(out.strip().splitlines()[-1])
    return Imports(tuple(found["third_party"]), tuple(found["own"]))


def write_import_script(
    path: Path, imports: Imports, then_build: Sequence[str] = (), *, ending: str = "exit"
) -> Path:
    """A script importing the build's third-party modules; with `then_build`, a timed anatomy.

    The floor script stops after the imports. The anatomy script goes on to import reportgen's
    own modules and to run the build twice, printing the time of each part as JSON, and ends
    as `reportgen` does (gc.freeze(), see `reportgen.cli.main.run`). `ending` "os._exit" skips
    the interpreter's whole clean-up of every module, "gc.freeze" only the last garbage
    collection, as `reportgen` does: the differences are what each costs.
    """
    lines = [
        "import importlib, json, sys, time",
        "start = time.perf_counter()",
        "failed = []",
        f"for name in {list(imports.third_party)!r}:",
        "    try:",
        "        importlib.import_module(name)",
        "    except Exception:",
        "        failed.append(name)",
        "third_party = time.perf_counter()",
    ]
    if then_build:
        lines += [
            f"for name in {list(imports.own)!r}:",
            "    importlib.import_module(name)",
            "own = time.perf_counter()",
            "from reportgen.cli.main import main",
            f"assert main({list(then_build)!r}) == 0",
            "first = time.perf_counter()",
            f"assert main({list(then_build)!r}) == 0",
            "second = time.perf_counter()",
            "print(json.dumps({'third_party': third_party - start, 'own': own - third_party,",
            "                  'first_build': first - own, 'second_build': second - first,",
            "                  'failed': failed}))",
        ]
    else:
        lines.append("print(json.dumps({'failed': failed}))")
    if ending == "os._exit":
        lines += ["sys.stdout.flush()", "import os", "os._exit(0)"]
    elif ending == "gc.freeze" or then_build:
        lines += ["import gc", "gc.freeze()"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_CACHE_OFF = (
    "import os; os.environ['REPORTGEN_CACHE'] = 'off'; from reportgen.cli.main import run; run()"
)
"""`reportgen` without its cache of compiled templates (reportgen.cache): a first build ever."""

_CHECK_PROBE = """
import json, sys
from reportgen.cli.main import main
status = main(sys.argv[1:])
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""


def check_imports(data: Path) -> list[str]:
    """The top-level packages a `reportgen check` process has imported when it ends."""
    command = [PYTHON, "-c", _CHECK_PROBE, "check", "--data", str(data)]
    out = run_process([*command, "--template", str(TEMPLATE)]).stdout
    found = json.loads(out.strip().splitlines()[-1])
    return sorted({name.partition(".")[0] for name in found["modules"]})


# --- The Markdown peer -------------------------------------------------------------------


def markdown_from_rendition(text: str, pictures: Sequence[str] = ()) -> str:
    """The report's text rendition (`reportgen text`) as pandoc Markdown.

    Styles become Markdown: Title and Subtitle the metadata block, HeadingN `#`s, table rows a
    pipe table (its first row the header), footnotes stay `[^n]`; every paragraph is its own
    block. Page headers become the first paragraphs; the footer (a page number) is dropped.
    `pictures` (the report's chart images, as files) replace the rendition's `![description]`
    lines in turn; any left over go at the end of the first section.
    """
    unplaced = list(pictures)
    meta: dict[str, str] = {}
    blocks: list[str] = []
    table: list[str] = []

    def end_table() -> None:
        if table:
            columns = len(table[0].strip().strip("|").split(" | "))
            blocks.append("\n".join([table[0], "|" + "---|" * columns, *table[1:]]))
            table.clear()

    for line in text.splitlines():
        if line.startswith("| "):
            table.append(line)
            continue
        end_table()
        styled = re.fullmatch(r"\[(\w+)\] (.*)", line)
        if not line.strip() or line.startswith("[properties] "):
            if line.startswith("[properties] author: "):
                meta["author"] = line.removeprefix("[properties] author: ")
            continue
        picture = re.fullmatch(r"!\[(.*)\]", line)
        if picture and unplaced:
            blocks.append(f"![{picture.group(1)}]({unplaced.pop(0)})")
            continue
        if styled is None:
            blocks.append(line)
            continue
        style, content = styled.groups()
        heading = re.fullmatch(r"Heading(\d)", style)
        if style in ("Title", "Subtitle"):
            meta[style.lower()] = content
        elif heading:
            if heading.group(1) == "1" and any(b.startswith("# ") for b in blocks):
                blocks += [f"![]({path})" for path in unplaced]
                unplaced.clear()
            blocks.append("#" * int(heading.group(1)) + " " + content)
        elif style != "footer":  # page headers become paragraphs; the footer is a number
            blocks.append(content)
    end_table()
    header = ["---", *(f"{key}: {json.dumps(value)}" for key, value in meta.items()), "---"]
    return "\n".join(header) + "\n\n" + "\n\n".join(blocks) + "\n"


def extract_pictures(docx: Path, folder: Path) -> list[str]:
    """The images of a .docx (its charts), written into `folder`; their paths."""
    folder.mkdir(exist_ok=True)
    paths = []
    with zipfile.ZipFile(docx) as package:
        for name in sorted(package.namelist()):
            if name.startswith("word/media/"):
                target = folder / Path(name).name
                target.write_bytes(package.read(name))
                paths.append(str(target))
    return paths


def pandoc_version() -> str | None:
    """`pandoc --version`'s first line, or None when pandoc is not installed."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return None
    done = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.splitlines()[0] if done.stdout else "pandoc"


# --- In-process builds -------------------------------------------------------------------


StageTimes = dict[str, list[float]]


def _time_stages(data: Path, output: Path, into: StageTimes) -> None:
    """One build, stage by stage, each timed on its own."""
    from reportgen.core.writing import write_document
    from reportgen.documents.report.kind import KIND
    from reportgen.figures.compute import compute
    from reportgen.inputs.load import load_inputs
    from reportgen.templating.render import render

    start = time.perf_counter()
    inputs = load_inputs(data)
    loaded = time.perf_counter()
    figures = compute(inputs)
    computed = time.perf_counter()
    document = render(KIND.document(inputs, figures), TEMPLATE)
    rendered = time.perf_counter()
    write_document(document, output)
    written = time.perf_counter()
    for stage, seconds in zip(
        STAGES,
        (loaded - start, computed - loaded, rendered - computed, written - rendered),
        strict=True,
    ):
        into[stage].append(seconds)
    into["sum of stages"].append(written - start)


def _time_build(data: Path, output: Path, into: StageTimes) -> None:
    """One whole `reportgen.app.build`, as `reportgen build` runs it after its imports."""
    from reportgen.app import build

    cpu = time.process_time()
    start = time.perf_counter()
    build(data, TEMPLATE, output)
    into["build"].append(time.perf_counter() - start)
    into["build (CPU time)"].append(time.process_time() - cpu)


UNLIMITED = "build without the limits"
_PLAIN: list[type] = []


@contextlib.contextmanager
def _limits_off() -> Iterator[None]:
    """Builds as before reportgen.limits: Jinja's plain sandbox, the template read whole."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from reportgen.core.memo import Memo
    from reportgen.ooxml import package as ooxml_package
    from reportgen.templating import docxtpl as adapter
    from reportgen.templating import render

    # Jinja's plain sandbox, keeping compiled code across builds as docxtpl._Environment does.
    if not _PLAIN:
        _PLAIN.append(
            type(
                "Plain",
                (SandboxedEnvironment,),
                {
                    "from_string": adapter._Environment.from_string,
                    "_settings": adapter._Environment._settings,
                    "_compiled": Memo(64),
                },
            )
        )

    def plain(formats: Any, limits: Any = None) -> Any:
        env = _PLAIN[0](
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            finalize=adapter._finalize,
            keep_trailing_newline=True,
        )
        env.filters.update(formats.filters())
        return env

    class Whole:
        def __init__(self, path: Path, limits: Any = None) -> None:
            self.data = Path(path).read_bytes()

        def sanitised(self) -> bytes:
            return self.data

    replaced: list[tuple[object, str, object]] = [
        (render, "environment", plain),
        (render, "open_docx", Whole),
        (ooxml_package, "read_docx", lambda source: Path(source).read_bytes()),
    ]
    saved = [(module, name, getattr(module, name)) for module, name, _ in replaced]
    for module, name, value in replaced:
        setattr(module, name, value)
    try:
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)


_RECORD = re.compile(r"^-[ \t].*(?:\n(?!-[ \t]).*)*", re.MULTILINE)
"""One record of a YAML list file: its `- ` line and the lines up to the next one."""

_DEPOSIT = re.compile(
    r"^([ \t]+ratification:[ \t]*)(['\"]?)([^'\"#\n]*?)\2([ \t]*(?:#.*)?)$", re.MULTILINE
)
"""A `ratification:` line: the key, the quote if any, the date as written, a comment."""


def _reflected_gray(radix: int, digits: int) -> list[tuple[int, ...]]:
    """Every vector of `digits` digits below `radix`, each differing from the one before in
    exactly one digit, by one (a reflected Gray code), starting from all zeros."""
    codes: list[tuple[int, ...]] = [()]
    for _ in range(digits):
        codes = [
            (digit, *rest)
            for digit in range(radix)
            for rest in (codes if digit % 2 == 0 else codes[::-1])
        ]
    return codes


class DepositEditor:
    """A scratch copy of a data set whose states.yaml changes by one ratification date per edit.

    Each edit rewrites the date line of one State Party that ratified, in place (a regex
    replacement of that line, so that loading really parses the file again), to a day that
    no earlier edit used and on which no State deposited. So every build after an edit has
    figures, and plots in both charts, that no earlier build had: chart (a) has a step on
    that new day, and chart (b), the new States Parties by region since the `counting_since`
    meeting, has counts no earlier build had, because each edit moves one State across that
    meeting's close (or back), following a reflected Gray code of the regions' counts. The
    report thus stays within a few States of the data copied. `check` fails loudly if a
    build ever plots what an earlier one did, so that no cache can hit unnoticed.
    """

    def __init__(self, data: Path, copy: Path, edits: int, output: Path) -> None:
        from reportgen.app import build

        shutil.copytree(data, copy)
        self.data = copy
        self.path = copy / "states.yaml"
        self.text = self.path.read_text(encoding="utf-8")
        built = build(copy, TEMPLATE, output)  # untimed: the data as copied, and valid
        inputs, frame = built.inputs, built.inputs.report
        self.since = inputs.meeting(frame.counting_since).end
        self.opened, self.as_of = frame.convention.opened_for_signature, frame.as_of
        self.used = {state.deposit for state in inputs.states if state.deposit is not None}
        self.seen: tuple[set[object], set[object]] = (set(), set())
        self.check(built.figures)
        candidates = {
            region.name: sorted(
                (
                    state
                    for state in inputs.states
                    if state.region == region.name
                    and state.instrument == "ratification"
                    and state.ratification is not None
                    and self.opened < state.ratification < self.since
                ),
                key=lambda state: state.iso3,
            )
            for region in frame.regions
        }
        regions = len(candidates)
        radix = 2
        while radix**regions - 1 < edits:
            radix += 1
        self.movers = [states[: radix - 1] for states in candidates.values()]
        if any(len(states) < radix - 1 for states in self.movers):
            raise RuntimeError(
                f"{data}: too few States that ratified before the counting_since meeting "
                f"closed, in some region, for {edits} edits"
            )
        self.codes = _reflected_gray(radix, regions)[1:]  # all zeros: the data as copied
        self.edits = 0
        self.last = ""

    def edit(self) -> None:
        """Move one State's ratification date to a new day, and write states.yaml."""
        if self.edits >= len(self.codes):
            raise RuntimeError(f"{self.data}: no edit left that plots new values")
        before = self.codes[self.edits - 1] if self.edits else (0,) * len(self.codes[0])
        after = self.codes[self.edits]
        region = next(i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b)
        if after[region] > before[region]:  # one more new State Party since the meeting
            state = self.movers[region][before[region]]
            day = self._fresh(self.since + dt.timedelta(days=1), self.as_of)
        else:  # one fewer: back before the meeting closed, and after signing
            state = self.movers[region][after[region]]
            first = max(self.opened, state.signature or self.opened) + dt.timedelta(days=1)
            day = self._fresh(first, self.since - dt.timedelta(days=1))
        self.text = self._replace(state.iso3, day)
        self.path.write_text(self.text, encoding="utf-8")
        self.edits += 1
        self.last = f"{state.name}: ratification {day.isoformat()}"

    def check(self, figures: Any) -> None:
        """Fail loudly unless both charts plot values that no earlier build plotted."""
        timeline = figures.states_parties_over_time
        over_time = (
            tuple((step.day, step.count) for step in timeline.steps),
            timeline.end,
        )
        by_region = tuple(
            (entry.region.name, entry.tally.count) for entry in figures.new_states_parties_by_region
        )
        for seen, key, chart in zip(
            self.seen, (over_time, by_region), ("over time", "by region"), strict=True
        ):
            if key in seen:
                raise RuntimeError(
                    f"{self.data}: after the edit {self.last!r}, the chart of States Parties "
                    f"{chart} plots what an earlier build plotted"
                )
            seen.add(key)

    def _fresh(self, first: dt.date, last: dt.date) -> dt.date:
        """A day in [first, last] that no State deposited on and no earlier edit used."""
        span = (last - first).days + 1
        for step in range(span):
            day = first + dt.timedelta(days=(self.edits * 53 + step) % span)
            if day not in self.used:
                self.used.add(day)
                return day
        raise RuntimeError(f"{self.data}: no unused day left between {first} and {last}")

    def _replace(self, iso3: str, day: dt.date) -> str:
        """states.yaml with the ratification line of the State `iso3` set to `day`."""
        code = re.compile(rf"^[ \t]+iso3:[ \t]*['\"]?{iso3}['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)
        records = [r for r in _RECORD.finditer(self.text) if code.search(r.group())]
        lines = [_DEPOSIT.search(r.group()) for r in records]
        if len(records) != 1 or lines[0] is None:
            raise RuntimeError(f"{self.path}: no single ratification line for {iso3}")
        record, line = records[0], lines[0]
        start, end = record.start() + line.start(3), record.start() + line.end(3)
        return self.text[:start] + day.isoformat() + self.text[end:]


def _time_edited_build(editor: DepositEditor, output: Path, into: StageTimes) -> None:
    """One edit (untimed), then one whole `reportgen.app.build` of the edited data."""
    from reportgen.app import build

    editor.edit()
    gc.collect()
    cpu = time.process_time()
    start = time.perf_counter()
    built = build(editor.data, TEMPLATE, output)  # a failed build raises: never timed
    into[EDITED].append(time.perf_counter() - start)
    into[f"{EDITED} (CPU time)"].append(time.process_time() - cpu)
    editor.check(built.figures)


def warm_builds(datasets: dict[str, Path], runs: int, scratch: Path) -> dict[str, dict[str, Stats]]:
    """Stage and whole-build timings of each data set, the data sets alternating run by run.

    Two untimed builds of each come first, so that what is timed is a warm process: modules
    imported, locale data and the country database loaded.

    Then, in a second pass so that they do not come between the builds of unchanged data
    (and push those data's charts out of a cache), builds after an edit: of a scratch copy
    of each data set whose states.yaml has one ratification date changed before each build
    (`DepositEditor`), two untimed first, then alternating as above.
    """
    times: dict[str, StageTimes] = {name: defaultdict(list) for name in datasets}
    errors: dict[str, str] = {}
    for name, data in datasets.items():
        for _ in range(2):
            _time_build(data, scratch / f"warm-{name}.docx", defaultdict(list))
    for _ in range(runs):
        for name, data in datasets.items():
            output = scratch / f"warm-{name}.docx"
            gc.collect()
            _time_build(data, output, times[name])
            with _limits_off():  # what the limits cost: the same build without them
                gc.collect()
                off: StageTimes = defaultdict(list)
                _time_build(data, output, off)
                times[name][UNLIMITED].extend(off["build"])
                times[name][f"{UNLIMITED} (CPU time)"].extend(off["build (CPU time)"])
            if name not in errors:
                try:
                    gc.collect()
                    _time_stages(data, output, times[name])
                except Exception as error:  # the stages' signatures changed under us
                    errors[name] = f"{type(error).__name__}: {error}"
    if errors:
        print(f"stage split unavailable: {errors}", file=sys.stderr)
    editors = {
        name: DepositEditor(data, scratch / f"edited-{name}", 2 + runs, scratch / "e.docx")
        for name, data in datasets.items()
    }
    for name, editor in editors.items():
        for _ in range(2):
            _time_edited_build(editor, scratch / f"edited-{name}.docx", defaultdict(list))
    for _ in range(runs):
        for name, editor in editors.items():
            _time_edited_build(editor, scratch / f"edited-{name}.docx", times[name])
    return {
        name: {key: Stats(tuple(values)) for key, values in found.items()}
        for name, found in times.items()
    }


# --- Where the time goes -----------------------------------------------------------------


_STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve()


def package_of(filename: str) -> str:
    """The package a profiled function belongs to, from its file."""
    if filename == "~":
        return "(C functions: re, str, lxml...)"
    if filename.startswith("<frozen"):
        return "stdlib"
    if filename.startswith("<"):
        return "(generated code: Jinja templates)"
    path = Path(filename).resolve()
    parts = path.parts
    if "site-packages" in parts:
        name = parts[parts.index("site-packages") + 1]
        return name.removesuffix(".py")
    if path.is_relative_to(ROOT / "reportgen"):
        return "reportgen"
    if path.is_relative_to(_STDLIB):
        return "stdlib"
    return str(path)


def import_times(build_arguments: Sequence[str], runs: int) -> list[tuple[str, float]]:
    """`python -X importtime` of a build: the self time of every import, summed by package.

    A module's self time includes whatever its body runs: pydantic building the schemas of
    reportgen.models, for instance, counts as reportgen.
    """
    totals: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        done = subprocess.run(
            [PYTHON, "-X", "importtime", "-m", "reportgen", *build_arguments],
            cwd=ROOT,
            env=_environment(),
            capture_output=True,
            text=True,
            check=True,
        )
        run: dict[str, float] = defaultdict(float)
        for line in done.stderr.splitlines():
            found = re.match(r"import time:\s+(\d+) \|\s+\d+ \|(\s*)(\S+)", line)
            if found:
                top = found.group(3).partition(".")[0]
                package = "stdlib" if top in sys.stdlib_module_names else top
                run[package] += int(found.group(1)) / 1e6
        for package, seconds in run.items():
            totals[package].append(seconds)
    medians = [(package, statistics.median(values)) for package, values in totals.items()]
    return sorted(medians, key=lambda item: -item[1])


HOT_SPOTS: dict[str, tuple[str, str]] = {
    "load: YAML parsing (`yaml._parse`)": ("reportgen/inputs/yaml.py", "_parse"),
    "load: pydantic validation (`model_validate`)": ("pydantic/main.py", "model_validate"),
    "load: checks across records (`checks.check`)": ("reportgen/inputs/checks.py", "check"),
    "compute (`figures.compute`)": ("reportgen/figures/compute.py", "compute"),
    "render: charts (`render._charts`)": ("reportgen/render.py", "_charts"),
    "render: open the template (`docx.Document`)": ("docx/api.py", "Document"),
    "render: docxtpl `patch_xml`": ("docxtpl/template.py", "patch_xml"),
    "render: Jinja compiles the template (`Environment.compile`)": (
        "jinja2/environment.py",
        "compile",
    ),
    "render: Jinja renders (`Template.render`)": ("jinja2/environment.py", "render"),
    "render: parse the rendered body (`ooxml.parse_strictly`)": (
        "reportgen/ooxml/xml.py",
        "parse_strictly",
    ),
    "render: write the package (`ooxml.package_bytes`)": (
        "reportgen/ooxml/writer.py",
        "package_bytes",
    ),
    "zlib compression (the package)": ("~", "<method 'compress' of 'zlib.Compress' objects>"),
}
"""Calls worth watching in a warm build, by the file (suffix) and the function they are."""


@dataclass
class Profile:
    """cProfile of warm builds, per build: own time by package, hot spots, costliest calls."""

    builds: int
    total: float
    by_package: dict[str, float] = field(default_factory=dict)
    hot_spots: dict[str, float] = field(default_factory=dict)
    top_calls: list[tuple[str, float]] = field(default_factory=list)


def profile_warm_build(data: Path, output: Path, builds: int) -> Profile:
    """Profile `builds` warm builds of `data` (after one unprofiled build)."""
    from reportgen.app import build

    build(data, TEMPLATE, output)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(builds):
        build(data, TEMPLATE, output)
    profiler.disable()
    raw: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    by_package: dict[str, float] = defaultdict(float)
    hot_spots: dict[str, float] = defaultdict(float)
    calls = []
    for (filename, line, function), (_, _, own, cumulative, _) in raw.items():
        by_package[package_of(filename)] += own / builds
        for name, (suffix, wanted) in HOT_SPOTS.items():
            if function == wanted and filename.replace(os.sep, "/").endswith(suffix):
                hot_spots[name] += cumulative / builds
        where = f"{package_of(filename)}: {function}"
        if filename != "~":
            where += f" ({Path(filename).name}:{line})"
        calls.append((where, cumulative / builds))
    return Profile(
        builds,
        sum(by_package.values()),
        dict(sorted(by_package.items(), key=lambda item: -item[1])),
        {name: hot_spots[name] for name in HOT_SPOTS if name in hot_spots},
        sorted(calls, key=lambda item: -item[1])[:15],
    )


# --- Machine -----------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """CPU, cores, memory and OS, as far as this machine says."""
    cpu = platform.processor() or platform.machine()
    memory = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    system = platform.platform()
    with contextlib.suppress(OSError):
        release = Path("/etc/os-release").read_text()
        pretty = re.search(r'^PRETTY_NAME="?([^"\n]+)', release, re.MULTILINE)
        if pretty:
            system = f"{pretty.group(1)} ({platform.system()} {platform.release()})"
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "OS": system,
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
    }


def versions(packages: Sequence[str]) -> list[tuple[str, str]]:
    """The distribution and version of each top-level package (reportgen first)."""
    owners = metadata.packages_distributions()
    found = {"reportgen": _version("reportgen")}
    for package in packages:
        for distribution in owners.get(package, [package]):
            found.setdefault(distribution, _version(distribution))
    return sorted(found.items(), key=lambda item: (item[0] != "reportgen", item[0].lower()))


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def revision() -> str:
    """The commit measured, and whether the working tree differed from it (read-only git)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changes = subprocess.run(  # RESULTS.md, which this script writes, does not count
            [
                "git",
                "--no-optional-locks",
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                ".",
                ":(exclude)benchmarks/RESULTS.md",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{head}, with uncommitted changes" if changes else head


# --- The run -----------------------------------------------------------------------------


@dataclass
class Results:
    """Everything one run of the benchmark measured."""

    rounds: int
    warm_runs: int
    machine: dict[str, str]
    versions: list[tuple[str, str]]
    pandoc: str | None
    revision: str
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    imports: Imports = field(default_factory=lambda: Imports((), ()))
    floor_failed: list[str] = field(default_factory=list)
    check_packages: list[str] = field(default_factory=list)
    cold: dict[str, Stats] = field(default_factory=dict)
    cold_cpu: dict[str, Stats] = field(default_factory=dict)
    anatomy: dict[str, Stats] = field(default_factory=dict)
    warm: dict[str, dict[str, Stats]] = field(default_factory=dict)
    import_times: list[tuple[str, float]] = field(default_factory=list)
    profiles: dict[str, Profile] = field(default_factory=dict)
    seconds: float = 0.0


def measure(rounds: int, warm_runs: int, log: Callable[[str], None]) -> Results:
    """Run every measurement; `log` hears what is going on."""
    started = time.perf_counter()
    pandoc = pandoc_version()
    results = Results(
        rounds=rounds,
        warm_runs=warm_runs,
        machine=machine(),
        versions=[],
        pandoc=pandoc,
        revision=revision(),
        load_before=os.getloadavg(),
    )
    with tempfile.TemporaryDirectory(prefix="reportgen-bench-") as temporary:
        scratch = Path(temporary)
        synthetic = generate(scratch / "synthetic", SEED)
        log(f"synthetic data (seed {SEED}) in {synthetic}; checking it")
        run_process(reportgen_command("check", "--data", synthetic, "--template", TEMPLATE))

        build_4msp = ["build", "--data", str(DATA), "--template", str(TEMPLATE)]
        log("finding the modules a build imports")
        results.imports = discover_imports([*build_4msp, "--output", str(scratch / "d.docx")])
        results.versions = versions(results.imports.packages)
        results.check_packages = check_imports(DATA)
        floor = write_import_script(scratch / "floor.py", results.imports)
        floor_exit = write_import_script(
            scratch / "floor-exit.py", results.imports, ending="os._exit"
        )
        floor_freeze = write_import_script(
            scratch / "floor-freeze.py", results.imports, ending="gc.freeze"
        )
        anatomy = write_import_script(
            scratch / "anatomy.py",
            results.imports,
            [*build_4msp, "--output", str(scratch / "anatomy.docx")],
        )

        laid_out = scratch / "laid out"
        shutil.copytree(DATA, laid_out / "data")
        shutil.copytree(TEMPLATE.parent, laid_out / "templates")
        commands: dict[str, list[str]] = {
            "startup (python -c pass)": [PYTHON, "-c", "pass"],
            "import floor": [PYTHON, str(floor)],
            "import floor, ending with os._exit": [PYTHON, str(floor_exit)],
            "import floor, ending with gc.freeze()": [PYTHON, str(floor_freeze)],
            "reportgen build (4MSP)": reportgen_command(
                *build_4msp, "--output", scratch / "cold.docx"
            ),
            "reportgen build (4MSP), template cache off": [
                PYTHON,
                "-c",
                _CACHE_OFF,
                *build_4msp,
                "--output",
                str(scratch / "cold-uncached.docx"),
            ],
            ONE_LANGUAGE: reportgen_command("build", "--lang", "en"),
            ALL_LANGUAGES: reportgen_command("build"),
            "reportgen check (4MSP)": reportgen_command(
                "check", "--data", DATA, "--template", TEMPLATE
            ),
            "reportgen build (synthetic)": reportgen_command(
                "build", "--data", synthetic, "--template", TEMPLATE, "--output", scratch / "s.docx"
            ),
            "anatomy": [PYTHON, str(anatomy)],
        }
        if pandoc is not None:
            from reportgen.review.rendition import rendition

            run_process(commands["reportgen build (4MSP)"])
            markdown = scratch / "report.md"
            pictures = extract_pictures(scratch / "cold.docx", scratch / "media")
            markdown.write_text(
                markdown_from_rendition(rendition(scratch / "cold.docx"), pictures),
                encoding="utf-8",
            )
            commands["pandoc (Markdown to .docx)"] = [
                "pandoc",
                "--from=markdown",
                "--to=docx",
                f"--output={scratch / 'pandoc.docx'}",
                str(markdown),
            ]
        else:
            log("pandoc is not installed: the peer comparison is skipped")

        log("one untimed run of each process")
        for name, command in commands.items():
            out = run_process(command, laid_out if name in LAID_OUT else ROOT).stdout
            if name == "import floor":
                results.floor_failed = json.loads(out.strip().splitlines()[-1])["failed"]
        cold: dict[str, list[float]] = defaultdict(list)
        cold_cpu: dict[str, list[float]] = defaultdict(list)
        parts: dict[str, list[float]] = defaultdict(list)
        for round_number in range(rounds):
            log(f"cold processes: round {round_number + 1} of {rounds}")
            for name, command in commands.items():
                run = run_process(command, laid_out if name in LAID_OUT else ROOT)
                cold[name].append(run.wall)
                cold_cpu[name].append(run.cpu)
                out = run.stdout
                if name == "anatomy":
                    for part, seconds in json.loads(out.strip().splitlines()[-1]).items():
                        if part != "failed":
                            parts[part].append(seconds)
        results.cold = {name: Stats(tuple(values)) for name, values in cold.items()}
        results.cold_cpu = {name: Stats(tuple(values)) for name, values in cold_cpu.items()}
        results.anatomy = {name: Stats(tuple(values)) for name, values in parts.items()}

        log(f"warm builds in this process: {warm_runs} of each data set")
        results.warm = warm_builds({"4MSP": DATA, "synthetic": synthetic}, warm_runs, scratch)

        log("where the time goes: -X importtime and cProfile")
        results.import_times = import_times([*build_4msp, "--output", str(scratch / "i.docx")], 3)
        results.profiles = {
            name: profile_warm_build(data, scratch / "p.docx", 5)
            for name, data in (("4MSP", DATA), ("synthetic", synthetic))
        }
    results.load_after = os.getloadavg()
    results.seconds = time.perf_counter() - started
    return results


# --- The report --------------------------------------------------------------------------


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _stats_row(name: str, stats: Stats, cpu: Stats | None = None) -> str:
    q1, q3 = stats.quartiles
    return _row(
        name,
        f"**{ms(stats.median)}**",
        f"{ms(min(stats.samples))} - {ms(max(stats.samples))}",
        f"{ms(q1)} - {ms(q3)}",
        f"{stats.relative_iqr:.0%}",
        ms(cpu.median) if cpu else "",
    )


def report(results: Results) -> str:
    """RESULTS.md: machine, versions, targets, ratios, every median, and where time goes."""
    cold, cpu, warm, anatomy = results.cold, results.cold_cpu, results.warm, results.anatomy
    build, build_cpu = cold["reportgen build (4MSP)"], cpu["reportgen build (4MSP)"]
    floor, floor_cpu = cold["import floor"], cpu["import floor"]
    check, check_cpu = cold["reportgen check (4MSP)"], cpu["reportgen check (4MSP)"]
    one, one_cpu = cold[ONE_LANGUAGE], cpu[ONE_LANGUAGE]
    every, every_cpu = cold[ALL_LANGUAGES], cpu[ALL_LANGUAGES]
    synthetic, synthetic_cpu = (
        cold["reportgen build (synthetic)"],
        cpu["reportgen build (synthetic)"],
    )
    warm_4msp, warm_4msp_cpu = warm["4MSP"]["build"], warm["4MSP"]["build (CPU time)"]
    edited, edited_cpu = warm["4MSP"][EDITED], warm["4MSP"][f"{EDITED} (CPU time)"]
    warm_synthetic = warm["synthetic"]["build"]
    warm_synthetic_cpu = warm["synthetic"]["build (CPU time)"]
    pandoc = cold.get("pandoc (Markdown to .docx)")
    pandoc_cpu = cpu.get("pandoc (Markdown to .docx)")
    render_in_check = [p for p in results.check_packages if p in RENDER_STACK]
    plotting = [p for p in results.imports.packages if p in PLOTTING]
    cores = results.machine["cores"]

    out = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`benchmarks/bench.py --write benchmarks/RESULTS.md`); every",
        "number below is the script's own output. Do not edit by hand: run `make bench` again.",
        "",
        f"Measured {dt.date.today().isoformat()} on commit {results.revision}, in "
        f"{results.seconds / 60:.1f} minutes: {results.rounds} interleaved rounds of each cold "
        f"process, {results.warm_runs} warm in-process builds of each data set, and as many "
        "after an edit.",
        "",
        "## Machine",
        "",
        _row("", ""),
        _row("---", "---"),
        *(_row(key, value) for key, value in results.machine.items()),
        _row(
            "load average (1, 5, 15 min)",
            f"{_load(results.load_before)} before, {_load(results.load_after)} after",
        ),
        _row("pandoc", results.pandoc or "not installed"),
        "",
        "## Targets",
        "",
        "Judged on wall time, as a user waits; CPU time, which other work on the machine",
        "disturbs less, is given beside it.",
        "",
        _row("target", "measured (wall time)", "CPU time", ""),
        _row("---", "---", "---", "---"),
        _row(
            f"cold build of the 4MSP report at most {TARGET_COLD_OVER_PANDOC:g}x pandoc "
            "writing the same report",
            *(
                (
                    f"{build.median / pandoc.median:.2f}x "
                    f"({ms(build.median)} / {ms(pandoc.median)}; paired "
                    f"{_paired_ratio(build, pandoc):.2f}x)",
                    f"{build_cpu.median / pandoc_cpu.median:.2f}x",
                    _verdict(build.median / pandoc.median <= TARGET_COLD_OVER_PANDOC),
                )
                if pandoc is not None and pandoc_cpu is not None
                else ("not measured: pandoc is not installed", "", "**missed**")
            ),
        ),
        _row(
            f"warm build of the 4MSP report under {ms(TARGET_WARM_BUILD)}",
            ms(warm_4msp.median),
            ms(warm_4msp_cpu.median),
            _verdict(warm_4msp.median < TARGET_WARM_BUILD),
        ),
        _row(
            "warm rebuild after an edit (one ratification date changed)",
            ms(edited.median),
            ms(edited_cpu.median),
            "not a target: the target above is judged on a rebuild of unchanged data",
        ),
        _row(
            f"197-State synthetic within {TARGET_SYNTHETIC_OVER_4MSP:g}x the 4MSP warm build",
            f"{warm_synthetic.median / warm_4msp.median:.2f}x "
            f"({ms(warm_synthetic.median)} / {ms(warm_4msp.median)})",
            f"{warm_synthetic_cpu.median / warm_4msp_cpu.median:.2f}x",
            _verdict(warm_synthetic.median / warm_4msp.median <= TARGET_SYNTHETIC_OVER_4MSP),
        ),
        _row(
            "the three languages in one process within "
            f"{TARGET_ALL_LANGUAGES_OVER_ONE:g}x a cold build of one language",
            f"{every.median / one.median:.2f}x ({ms(every.median)} / {ms(one.median)}; paired "
            f"{_paired_ratio(every, one):.2f}x)",
            f"{every_cpu.median / one_cpu.median:.2f}x",
            _verdict(every.median / one.median <= TARGET_ALL_LANGUAGES_OVER_ONE),
        ),
        _row(
            "a build imports no plotting library",
            ", ".join(plotting) if plotting else "none of " + ", ".join(PLOTTING),
            "",
            _verdict(not plotting),
        ),
        _row(
            "cold build / import floor (the floor: its imports alone)",
            f"{build.median / floor.median:.2f}x ({ms(build.median)} / {ms(floor.median)})",
            f"{build_cpu.median / floor_cpu.median:.2f}x",
            "not a target: what is left above the imports",
        ),
        _row(
            "`reportgen check` imports neither the renderer nor the charts",
            ", ".join(render_in_check) if render_in_check else "none of " + ", ".join(RENDER_STACK),
            "",
            _verdict(not render_in_check),
        ),
        _row(
            "... so it starts in a fraction of a build",
            f"check / build = {check.median / build.median:.2f}",
            f"{check_cpu.median / build_cpu.median:.2f}",
            "",
        ),
        "",
        "## Ratios",
        "",
        "The ratios hold better than the times on a noisy machine. *Paired* is the median of",
        "the ratios within each round (or each warm run), which cancels load that drifts;",
        "*CPU* is the ratio of the CPU-time medians.",
        "",
        _row("ratio", "of medians", "paired", "CPU"),
        _row("---", "---:", "---:", "---:"),
        _ratio_row("cold build / import floor", build, floor, build_cpu, floor_cpu),
        _ratio_row("cold check / cold build", check, build, check_cpu, build_cpu),
        _ratio_row("three languages / one language, cold build", every, one, every_cpu, one_cpu),
        _ratio_row(
            "synthetic / 4MSP, warm build",
            warm_synthetic,
            warm_4msp,
            warm_synthetic_cpu,
            warm_4msp_cpu,
        ),
        _ratio_row("synthetic / 4MSP, cold build", synthetic, build, synthetic_cpu, build_cpu),
    ]
    if pandoc is not None and pandoc_cpu is not None:
        out.append(
            _ratio_row("reportgen cold build / pandoc", build, pandoc, build_cpu, pandoc_cpu)
        )
    out += [
        "",
        "## Whole processes (cold)",
        "",
        "Wall time of a fresh process, median of the rounds; the spread is the range and the",
        "interquartile range, and IQR / median says how noisy each one was. CPU is the median",
        "CPU time (user + system) of the same runs.",
        "",
        _row("process", "median", "min - max", "IQR", "IQR / median", "CPU"),
        _row("---", "---:", "---:", "---:", "---:", "---:"),
        *(
            _stats_row(name, stats, cpu.get(name))
            for name, stats in cold.items()
            if name != "anatomy"
        ),
        "",
    ]
    if pandoc is None:
        out += ["pandoc is not installed here: the peer comparison was skipped.", ""]
    out += [
        "### Anatomy of a cold build",
        "",
        "One process imports the floor's modules, then reportgen's own, then builds twice.",
        "The first build pays for cold caches (locale data, the country database, template",
        "compilation, the first chart filled); the second is warm.",
        "",
        _row("part", "median", "min - max", "IQR", "IQR / median", "CPU"),
        _row("---", "---:", "---:", "---:", "---:", "---:"),
        _stats_row("the whole process", cold["anatomy"], cpu["anatomy"]),
        _stats_row("third-party imports (the floor's)", anatomy["third_party"]),
        _stats_row("reportgen's own modules", anatomy["own"]),
        _stats_row("first build (cold caches)", anatomy["first_build"]),
        _stats_row("second build (warm)", anatomy["second_build"]),
        "",
        f"What is left of the whole process, {ms(_rest(cold['anatomy'], anatomy))} (difference "
        "of the medians), is the interpreter starting and exiting. Exiting is the larger part:",
        "the floor ending with os._exit, which skips the clean-up of every imported module, "
        f"takes {ms(cold['import floor, ending with os._exit'].median)} against "
        f"{ms(floor.median)}, so the clean-up costs about "
        f"{ms(floor.median - cold['import floor, ending with os._exit'].median)} of every "
        "process that imports the Word stack. `reportgen` ends with "
        "gc.freeze(), which keeps the clean-up but skips its last garbage collection "
        "(`reportgen.cli.main.run`): the floor ending that way takes "
        f"{ms(cold['import floor, ending with gc.freeze()'].median)}. The target's floor "
        "is the plain one: a process that imports the same modules and nothing else.",
        "",
        "## Warm builds in one process, by stage",
        "",
        "`reportgen.app.build` as a whole, then the stages timed one by one: load and",
        "validate (`load_inputs`), `compute`, `render`, `write_document`. Synthetic: "
        "197 States, 30 years of meetings, 20 categories, 200 events.",
        "",
        "The build after an edit is the same call on a scratch copy of the data in which,",
        "before each build, one State Party's ratification date in states.yaml was changed to",
        "a day no earlier build used, so that the figures and the values both charts plot differ",
        "from every earlier build's (the benchmark checks that they do). A chart is filled anew",
        "only when the values it shows change, so a rebuild of unchanged data may reuse both",
        "while a rebuild after an edit fills both again. The 4MSP rebuild after an edit took "
        f"{ms(edited.median)}, against {ms(warm_4msp.median)} for unchanged data (medians;",
        f"CPU time {ms(edited_cpu.median)} against {ms(warm_4msp_cpu.median)}): the first is "
        "what a user editing data and rebuilding in a long-running process waits for.",
        f"The {UNLIMITED}, alternating with the build, renders in Jinja's plain sandbox and",
        "reads the template whole: the difference is what reportgen.limits costs.",
        "",
        _row("stage", "4MSP median", "4MSP min - max", "synthetic median", "synthetic min - max"),
        _row("---", "---:", "---:", "---:", "---:"),
    ]
    for stage in (
        "build",
        UNLIMITED,
        "build (CPU time)",
        f"{UNLIMITED} (CPU time)",
        EDITED,
        f"{EDITED} (CPU time)",
        *STAGES,
        "sum of stages",
    ):
        if stage not in warm["4MSP"]:
            out.append(_row(stage, "not measured (see the script's log)", "", "", ""))
            continue
        a, b = warm["4MSP"][stage], warm["synthetic"][stage]
        out.append(
            _row(
                f"**{stage}**" if stage in ("build", EDITED) else stage,
                f"**{ms(a.median)}**",
                f"{ms(min(a.samples))} - {ms(max(a.samples))}",
                f"**{ms(b.median)}**",
                f"{ms(min(b.samples))} - {ms(max(b.samples))}",
            )
        )
    out += ["", "## Where the time goes", "", "### Imports of a cold build, by package", ""]
    out += [
        "`python -X importtime -m reportgen build`, self time summed by top-level package",
        "(median of 3 runs). A module's self time includes what its body runs.",
        "",
        _row("package", "import time"),
        _row("---", "---:"),
    ]
    total_imports = sum(seconds for _, seconds in results.import_times)
    out += [_row(package, ms(seconds)) for package, seconds in results.import_times[:15]]
    out += [_row("**all imports**", f"**{ms(total_imports)}**"), ""]
    if results.profiles:
        out += _profile_section(results.profiles)
    out += [
        "## What the floor imports",
        "",
        f"The build imports {len(results.imports.third_party)} third-party modules from these "
        f"packages (found in `sys.modules` after a build): {', '.join(results.imports.packages)}.",
        f"It also imports {len(results.imports.own)} modules of reportgen itself.",
    ]
    if results.floor_failed:
        out.append(
            f"{len(results.floor_failed)} of them cannot be imported on their own and are left "
            f"out of the floor: {', '.join(results.floor_failed)}."
        )
    third_party_in_check = [
        p
        for p in results.check_packages
        if p in {n.partition(".")[0] for n in results.imports.third_party}
    ]
    out += [
        "",
        f"`reportgen check` imports these of them: {', '.join(third_party_in_check) or 'none'}.",
        "",
        "## Versions",
        "",
        _row("distribution", "version"),
        _row("---", "---"),
        *(_row(name, version) for name, version in results.versions),
        "",
        "## Noise",
        "",
        _noise(results, cores),
        "",
    ]
    return "\n".join(out)


def _profile_section(profiles: dict[str, Profile]) -> list[str]:
    """Where a warm build's time goes, from cProfile, for both data sets side by side."""
    small, large = profiles["4MSP"], profiles["synthetic"]
    out = [
        f"### Warm builds under cProfile ({small.builds} builds of each, per build)",
        "",
        "The profiler slows pure-Python code more than C, so read the shares and the",
        f"synthetic / 4MSP ratios rather than the times. Total: {ms(small.total)} per 4MSP",
        f"build, {ms(large.total)} per synthetic build.",
        "",
        "Hot spots (cumulative time, including what they call):",
        "",
        _row("call", "4MSP", "share", "synthetic", "share", "synthetic / 4MSP"),
        _row("---", "---:", "---:", "---:", "---:", "---:"),
    ]
    for name, seconds in small.hot_spots.items():
        other = large.hot_spots.get(name, 0.0)
        out.append(
            _row(
                name,
                ms(seconds),
                f"{seconds / small.total:.0%}",
                ms(other),
                f"{other / large.total:.0%}",
                f"{other / seconds:.1f}" if seconds else "",
            )
        )
    out += [
        "",
        "Own time by the package the code is in (C functions are counted apart):",
        "",
        _row("package", "4MSP", "share", "synthetic", "share"),
        _row("---", "---:", "---:", "---:", "---:"),
    ]
    for package, seconds in list(small.by_package.items())[:12]:
        other = large.by_package.get(package, 0.0)
        out.append(
            _row(
                package,
                ms(seconds),
                f"{seconds / small.total:.0%}",
                ms(other),
                f"{other / large.total:.0%}",
            )
        )
    out += [
        "",
        "The calls of a 4MSP build that take longest (cumulative):",
        "",
        _row("call", "per build"),
        _row("---", "---:"),
        *(_row(f"`{where}`", ms(seconds)) for where, seconds in small.top_calls),
        "",
    ]
    return out


def _ratio_row(name: str, top: Stats, bottom: Stats, top_cpu: Stats, bottom_cpu: Stats) -> str:
    return _row(
        name,
        f"{top.median / bottom.median:.2f}",
        f"{_paired_ratio(top, bottom):.2f}",
        f"{top_cpu.median / bottom_cpu.median:.2f}",
    )


def _rest(whole: Stats, parts: dict[str, Stats]) -> float:
    """The median whole process less the medians of the parts timed inside it."""
    return whole.median - sum(stats.median for stats in parts.values())


def _verdict(met: bool) -> str:
    return "met" if met else "**missed**"


def _load(load: tuple[float, float, float]) -> str:
    return ", ".join(f"{value:.2f}" for value in load)


def _noise(results: Results, cores: str) -> str:
    spreads = {name: stats.relative_iqr for name, stats in results.cold.items()}
    for name, stages in results.warm.items():
        spreads[f"warm {name} build"] = stages["build"].relative_iqr
        if EDITED in stages:
            spreads[f"warm {name} {EDITED}"] = stages[EDITED].relative_iqr
    noisiest = max(spreads, key=lambda name: spreads[name])
    calmest = min(spreads, key=lambda name: spreads[name])
    busiest = max(*results.load_before, *results.load_after)
    shared = "other work was running" if busiest >= 0.5 else "it was otherwise idle"
    return (
        f"The machine has {cores} cores; its load average was {_load(results.load_before)} "
        f"before the run and {_load(results.load_after)} after it ({shared}). "
        f"IQR / median ranged from {spreads[calmest]:.0%} ({calmest}) to "
        f"{spreads[noisiest]:.0%} ({noisiest}). Medians and paired ratios are what to "
        "compare between runs; a single time can move by the IQR shown."
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks, print the results, and write them where --write says."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=15, help="runs of each cold process")
    parser.add_argument("--warm", type=int, default=30, help="warm builds of each data set")
    parser.add_argument("--quick", action="store_true", help="3 rounds, 5 warm builds")
    parser.add_argument("--write", type=Path, help="also write the results there (Markdown)")
    args = parser.parse_args(argv)
    rounds, warm = (3, 5) if args.quick else (args.rounds, args.warm)

    def log(message: str) -> None:
        print(f"bench: {message}", file=sys.stderr, flush=True)

    text = report(measure(rounds, warm, log))
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
        log(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
