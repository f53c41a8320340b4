"""`reportgen build --watch`: a build after each saved change, the last good report kept."""

from __future__ import annotations

import os
import queue
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from reportgen import app as pipeline
from reportgen.app import Built, snapshot, watch
from reportgen.core.problems import InputError
from tests.cli.watching import watch_until
from tests.conftest import ROOT, TEMPLATE
from tests.seed import SeedReport

Outcome = Built | Exception


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
        with pytest.raises(queue.Empty):  # nothing changed since: nothing is built
            outcomes.get(timeout=0.5)
    finally:
        stop.set()
        watcher.join(timeout=30)
    assert not watcher.is_alive()


def test_a_snapshot_changes_with_any_file_a_build_reads(data_copy: Path, tmp_path: Path) -> None:
    template = tmp_path / "report.docx"
    shutil.copy(TEMPLATE, template)
    shutil.copy(TEMPLATE.with_suffix(".ftl"), template.with_suffix(".ftl"))
    files = [*sorted(data_copy.glob("*.yaml")), template, template.with_suffix(".ftl")]
    assert len(files) == 9  # five data files, names.yaml, campaigns.yaml, template, catalogue
    for changed in files:
        before = snapshot(data_copy, template)
        stamp = changed.stat().st_mtime_ns + 1_000_000_000
        os.utime(changed, ns=(stamp, stamp))  # saved again, same size: only the time moves
        assert snapshot(data_copy, template) != before, changed.name
    before = snapshot(data_copy, template)
    (data_copy / "lessons.yaml").unlink()
    assert snapshot(data_copy, template) != before


def test_a_failing_build_of_any_kind_is_reported_and_watching_goes_on(
    monkeypatch: pytest.MonkeyPatch, data_copy: Path, tmp_path: Path
) -> None:
    failures = iter([RuntimeError("a template expression failed")])

    def build_all(*args: Any, **kwargs: Any) -> list[Built]:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return real_build_all(*args, **kwargs)

    real_build_all = pipeline.build_all
    monkeypatch.setattr(pipeline, "build_all", build_all)
    outcomes: queue.Queue[Outcome] = queue.Queue()
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch,
        args=(data_copy, TEMPLATE, tmp_path / "report.docx"),
        kwargs={"report": lambda o, _: outcomes.put(o), "interval": 0.02, "stop": stop.is_set},
    )
    watcher.start()
    try:
        assert isinstance(_next(outcomes), RuntimeError)
        lessons = data_copy / "lessons.yaml"
        lessons.write_text(lessons.read_text(encoding="utf-8") + "# saved\n", encoding="utf-8")
        assert isinstance(_next(outcomes), Built)
    finally:
        stop.set()
        watcher.join(timeout=30)
    assert not watcher.is_alive()


def test_watching_stops_when_asked_even_while_a_file_keeps_changing(
    data_copy: Path, tmp_path: Path
) -> None:
    outcomes: queue.Queue[Outcome] = queue.Queue()
    stop, writing = threading.Event(), threading.Event()
    watcher = threading.Thread(
        target=watch,
        args=(data_copy, TEMPLATE, tmp_path / "report.docx"),
        kwargs={"report": lambda o, _: outcomes.put(o), "interval": 0.02, "stop": stop.is_set},
    )
    lessons = data_copy / "lessons.yaml"
    text = lessons.read_text(encoding="utf-8")

    def keep_saving() -> None:  # an editor saving every 10 ms: the files never settle
        count = 0
        while writing.is_set():
            count += 1
            lessons.write_text(text + "#" * (count % 50) + "\n", encoding="utf-8")
            time.sleep(0.01)

    writing.set()
    writer = threading.Thread(target=keep_saving)
    watcher.start()
    try:
        _next(outcomes)
        writer.start()
        time.sleep(0.2)
        stop.set()
        # the failure is never stopping; a build the writes let start may finish first,
        # which takes seconds on a loaded machine
        watcher.join(timeout=60)
        assert not watcher.is_alive()  # while the writes go on
    finally:
        stop.set()
        writing.clear()
        writer.join(timeout=30)
        watcher.join(timeout=30)


def test_build_watch_stops_on_ctrl_c_with_status_zero(data_copy: Path, tmp_path: Path) -> None:
    output = tmp_path / "report.docx"
    command = [sys.executable, "-m", "reportgen", "build", "--watch", "--data", str(data_copy)]
    command += ["--template", str(TEMPLATE), "--output", str(output)]
    status, err = watch_until(
        command, cwd=ROOT, log=tmp_path / "watch.log", said=(f"wrote {output}",)
    )
    assert output.exists()
    assert status == 0, err
    assert "Traceback" not in err
    assert f"wrote {output}" in err


def test_watching_keeps_in_previous_the_report_as_it_was_before_watching(
    data_copy: Path, tmp_path: Path
) -> None:
    output = tmp_path / "report.docx"
    before = pipeline.build(data_copy, TEMPLATE, output).output.read_bytes()
    states = data_copy / "states.yaml"
    text = states.read_text(encoding="utf-8")
    signed = "- name: Canada\n  iso3: CAN\n  region: Americas\n  signature: 2008-12-03\n"
    states.write_text(text.replace(signed, signed + "  ratification: 2013-05-02\n"), "utf-8")
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
        assert isinstance(first, Built) and first.kept == tmp_path / "previous" / "report.docx"
        states.write_text(text.replace(signed, signed + "  ratification: 2013-05-03\n"), "utf-8")
        second = _next(outcomes)
        assert isinstance(second, Built) and second.written and second.kept is None
    finally:
        stop.set()
        watcher.join(timeout=30)
    assert (tmp_path / "previous" / "report.docx").read_bytes() == before
