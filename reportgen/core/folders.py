"""A batch of files written as one folder (a campaign's letters), which takes the place of
the folder before it whole: moved aside in a few renames with Ctrl-C held back, then kept
in output/previous/ like a report (`core.replacing`). Files in the folder that the build
did not write are never replaced: the build refuses, naming each one.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

from reportgen.core.config import previous_of
from reportgen.core.problems import Problem
from reportgen.core.writing import scratch_folder


def output_problems(folder: Path, root: Path, ours: re.Pattern[str]) -> list[Problem]:
    """Why a campaign's batch cannot take the place of `folder` (in `root`): a file where a
    folder should be (output/, output/letters/, the campaign's, previous/), or files in
    the campaign's folder that reportgen did not write (a reply saved there, a link): a
    rebuild would replace them, so the build refuses and names each one."""
    problems: list[Problem] = []
    kept = previous_of(root) / folder.name
    for path in (*reversed(folder.parents), folder, *reversed(kept.parents), kept):
        if (path.exists() and not path.is_dir()) or (path in (folder, kept) and path.is_symlink()):
            reason = "is a file (or a link), where the letters need a folder: move it away"
            problems.append(Problem.about(str(path), "output", reason))
            return problems
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if not ours.fullmatch(path.name) or path.is_symlink() or not path.is_file():
                reason = (
                    "was not written by reportgen: move it out of the campaign's folder, "
                    "which a build replaces whole"
                )
                problems.append(Problem.about(str(path), "output", reason))
    return problems


def keep_replaced(old: Path | None, folder: Path, root: Path, *, keep: bool = True) -> Path | None:
    """The batch `swap_in` moved aside, kept in output/previous/letters/<campaign>/ (the
    one kept before it is dropped), or discarded when not `keep`; where it went."""
    if old is None:
        return None
    if not keep:
        discard(old)
        return None
    kept = previous_of(root) / folder.name
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        if kept.is_dir():
            shutil.rmtree(kept)
        os.rename(old / folder.name, kept)  # kept is gone: a rename, once the set is in place
    except OSError:
        discard(old)  # the new batch is in place; the previous one could not be kept
        return None
    old.rmdir()
    return kept


def swap_in(new: Path, folder: Path) -> Path | None:
    """`new` takes the place of `folder`; the previous batch is moved aside, into the
    folder returned (None when there was none), for `discard` once the set is in place or
    `swap_back` when it is not."""
    old = None
    if folder.exists():
        old = scratch_folder(folder.parent, f".{folder.name}.old-")
        os.replace(folder, old / folder.name)
    try:
        os.replace(new, folder)
    except BaseException:
        if old is not None:
            os.replace(old / folder.name, folder)
            old.rmdir()
        raise
    return old


def swap_back(old: Path | None, folder: Path) -> None:
    """Undo `swap_in`: the previous batch back in `folder` (no folder when there was none)."""
    shutil.rmtree(folder, ignore_errors=True)
    if old is not None:
        os.replace(old / folder.name, folder)
        old.rmdir()


def discard(old: Path | None) -> None:
    """The previous batch, once the new one is in place."""
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Ctrl-C held back while the outputs are swapped in (a few renames), then raised: a
    set is never left half replaced. Elsewhere than the main thread, nothing is held."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[object] = []
    previous = signal.signal(signal.SIGINT, lambda *args: held.append(args))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt
