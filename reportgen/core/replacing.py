"""Replacing the reports of a build: all of them or none, keeping each one replaced.

A build of several languages writes its reports together: if one cannot be written (a
read-only folder, a file Word holds open on Windows), those already written are put back,
so that the reports never mix two builds. The report a build replaces is kept in
previous/ beside it (`reportgen.core.config.previous_of`), so that "what changed since the
last build" (`reportgen diff`, `reportgen redline`) needs no file kept by hand. A report
that already holds the new bytes is not replaced, and its previous one stays: "previous"
is always the last build that read differently.

Each file is written by `write_atomically`: a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reportgen.core.config import previous_of
from reportgen.core.problems import InputError, Problem
from reportgen.core.writing import output_problem, write_atomically


@dataclass(frozen=True)
class Replaced:
    """What became of one report: written or not (it held these bytes already), and where
    the report it replaced was kept (None: there was none, or none was to be kept)."""

    written: bool
    kept: Path | None = None
    pdf_moved: Path | None = None
    """Where the PDF made from the report it replaced went (previous/report.pdf), so that no
    PDF beside a report says something else than the report; None when there was none."""


def replace_reports(documents: Mapping[Path, bytes], *, keep: bool = True) -> dict[Path, Replaced]:
    """Write each document to its path, all or none; with `keep`, first keep the file each
    one replaces at `previous_of(path)`. Raises InputError naming the file that could not
    be written; every file is then as it was."""
    outcome: dict[Path, Replaced] = {}
    plan: list[tuple[Path, bytes, bytes | None]] = []
    undo: list[Callable[[], None]] = []
    failing = next(iter(documents), Path())
    try:
        for target, data in documents.items():
            failing = target
            old = _current(target)
            if old == data:
                outcome[target] = Replaced(written=False)
            else:
                plan.append((target, data, old))
        for target, data, old in plan:
            kept = previous_of(target) if keep and old is not None else None
            if kept is not None and old is not None:
                failing = kept
                if kept.parent.is_symlink():  # it would write wherever the link points
                    raise InputError(
                        [
                            Problem.about(
                                str(kept.parent),
                                "previous build",
                                "is a symbolic link, not the folder reportgen keeps the "
                                "reports it replaces in: remove it (or rename it) and build "
                                "again",
                            )
                        ]
                    )
                if not kept.parent.exists():  # made by this build: removed if it fails
                    undo.append(kept.parent.rmdir)
                undo.append(_restorer(kept, _current(kept)))
                write_atomically(old, kept)
            failing = target
            undo.append(_restorer(target, old))
            write_atomically(data, target)
            outcome[target] = Replaced(written=True, kept=kept, pdf_moved=_move_pdf(target, undo))
    except BaseException as error:
        for step in reversed(undo):
            with contextlib.suppress(OSError):
                step()
        if isinstance(error, OSError):
            raise InputError([output_problem(failing, error)]) from None
        raise
    return {target: outcome[target] for target in documents}


def _move_pdf(report: Path, undo: list[Callable[[], None]]) -> Path | None:
    """Move the PDF beside a replaced report (made from the report it replaced) into
    previous/, beside that report; where it went, or None when there is none."""
    pdf = report.with_suffix(".pdf")
    stale = _current(pdf)
    if stale is None:
        return None
    moved = previous_of(pdf)
    undo.append(_restorer(moved, _current(moved)))
    write_atomically(stale, moved)
    undo.append(_restorer(pdf, stale))
    pdf.unlink()
    return moved


def _current(path: Path) -> bytes | None:
    """What `path` holds now, or None when there is no regular file there to keep (a
    missing file; a FIFO or a device, which `write_atomically` replaces without reading)."""
    try:
        found = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):  # writing it will say why
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return path.read_bytes()


def _restorer(path: Path, before: bytes | None) -> Callable[[], None]:
    """How to put `path` back as it was: its old bytes, or no file."""

    def restore() -> None:
        if before is None:
            path.unlink(missing_ok=True)
        else:
            write_atomically(before, path)

    return restore
