"""The PDF's progress ends at "M of M": LibreOffice is polled while it runs, and the last
poll may come before its last PDF; once it has exited, every letter is converted."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from reportgen.review import pdf
from reportgen.sets import Batch, Sent, finish_batch


def test_the_pdf_progress_ends_at_every_letter_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = [
        Sent(rank, f"State {rank}", "XXX", "en", Path(f"{rank:02d}-XXX-en.docx"))
        for rank in (1, 2, 3)
    ]
    for sent in made:
        (tmp_path / sent.file).write_bytes(b"")

    def convert(
        documents: Sequence[Path],
        targets: Sequence[Path],
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Path]:
        assert progress is not None
        progress(1, len(documents))  # polled while LibreOffice ran; then it exited
        return list(targets)

    monkeypatch.setattr(pdf, "convert_all_to_pdf", convert)
    monkeypatch.setattr(pdf, "merge_pdfs", lambda pages, target: target.write_bytes(b"%PDF"))
    (tmp_path / "pdf").mkdir()
    heard: list[tuple[int, int]] = []
    batch = Batch("campaign", tmp_path / "folder", tmp_path, made, ())
    finish_batch(batch, pdf=True, converted=lambda done, total: heard.append((done, total)))
    assert heard[-1] == (len(made), len(made))


def test_the_progress_line_ends_at_m_of_m_and_says_it_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportgen.cli import build
    from reportgen.cli.console import Messages

    clock = iter(range(0, 1000, 2))  # two seconds between any two readings
    monkeypatch.setattr(time, "perf_counter", lambda: float(next(clock)))
    hooks = build._progress(Messages(0))
    for done in (5, 12, 12):  # the last poll, then the count once LibreOffice has exited
        hooks.converted(done, 12)
    assert capsys.readouterr().err.splitlines() == [
        "letters: 5 of 12 converted to PDF",
        "letters: 12 of 12 converted to PDF",
    ]


def test_each_batch_of_a_watch_has_its_own_first_second(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportgen.cli import build
    from reportgen.cli.console import Messages

    now = [0.0]
    monkeypatch.setattr(time, "perf_counter", lambda: now[0])
    hooks = build._progress(Messages(0))
    now[0] = 60.0  # a minute of watching, then a save: a batch of two letters in 0.1 s
    hooks.made(1, 2)
    now[0] += 0.1
    hooks.made(2, 2)
    assert capsys.readouterr().err == ""
