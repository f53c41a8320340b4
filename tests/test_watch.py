"""`reportgen build --watch`: a build after each saved change, the last good report kept."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from reportgen.pipeline import Built, snapshot, watch
from reportgen.problems import InputError
from tests.conftest import ROOT, TEMPLATE
from tests.seed import SeedReport

Outcome = Built | InputError


def _next(outcomes: queue.Queue[Outcome]) -> Outcome:
    return outcomes.get(timeout=120)


def test_watch_builds_after_each_change_and_keeps_the_last_good_report(
    data_copy: Path, tmp_path: Path, seed: SeedReport
) -> None:
    output = tmp_path / "report.docx"
    outcomes: queue.Queue[Outcome] = queue.Queue()
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch,
        args=(data_copy, TEMPLATE, output),
        kwargs={"report": lambda o, _: outcomes.put(o), "interval": 0.02, "stop": stop.is_set},
    )
    watcher.start()
    try:
        first = _next(outcomes)
        assert isinstance(first, Built)
        assert first.figures.states_parties.count == seed.total_deposits

        # Canada, a signatory in the seed's table, ratifies.
        states = data_copy / "states.yaml"
        text = states.read_text(encoding="utf-8")
        signed = "- name: Canada\n  iso3: CAN\n  region: Americas\n  signature: 2008-12-03\n"
        assert signed in text
        states.write_text(
            text.replace(signed, signed + "  ratification: 2013-05-02\n"), encoding="utf-8"
        )
        second = _next(outcomes)
        assert isinstance(second, Built)
        assert second.figures.states_parties.count == seed.total_deposits + 1
        good = output.read_bytes()

        # A mistake while editing: reported with its line, the report left as it was.
        broken = text.replace(signed, signed + "  ratification: 2013-13-02\n")
        states.write_text(broken, encoding="utf-8")
        third = _next(outcomes)
        assert isinstance(third, InputError)
        (problem,) = third.problems
        assert problem.where.endswith("(Canada).ratification")
        assert problem.line == broken[: broken.index("2013-13-02")].count("\n") + 1
        assert output.read_bytes() == good
        assert outcomes.empty()
    finally:
        stop.set()
        watcher.join(timeout=30)
    assert not watcher.is_alive()


def test_a_snapshot_changes_with_any_file_a_build_reads(data_copy: Path) -> None:
    before = snapshot(data_copy, TEMPLATE)
    lessons = data_copy / "lessons.yaml"
    lessons.write_text(lessons.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    assert snapshot(data_copy, TEMPLATE) != before
    lessons.unlink()
    assert snapshot(data_copy, TEMPLATE) != before


def test_build_watch_stops_on_ctrl_c_with_status_zero(data_copy: Path, tmp_path: Path) -> None:
    output = tmp_path / "report.docx"
    command = [sys.executable, "-m", "reportgen", "build", "--watch", "--data", str(data_copy)]
    command += ["--template", str(TEMPLATE), "--output", str(output)]
    watcher = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not output.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert output.exists()
        watcher.send_signal(signal.SIGINT)
        _, err = watcher.communicate(timeout=30)
    finally:
        watcher.kill()
    assert watcher.returncode == 0, err
    assert "Traceback" not in err
    assert f"wrote {output}" in err
