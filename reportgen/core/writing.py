"""Write stage: the only code that touches the output path.

The document (whose bytes the render stage has fixed) is written to a temporary file beside
the target, flushed to disk and moved into place in one step: a failure at any point leaves
the previous output exactly as it was. A build killed before the move leaves its temporary
file behind; the next write to the same target removes it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
import time
from pathlib import Path

from reportgen.core.problems import Problem

STALE_AFTER_SECONDS = 10.0
"""A temporary file unlocked and this old belongs to a build that was killed."""


def write_document(data: bytes, target: Path) -> None:
    """Write the rendered .docx into place atomically: the write stage of a build."""
    write_atomically(data, target)


def write_atomically(data: bytes, target: Path) -> None:
    """Replace `target` with `data` in one step, or leave it untouched.

    The temporary file is locked while it is written, so that another build writing the
    same target concurrently never takes it for a leftover.
    """
    if target.parent.exists() and not target.parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, f"{target.parent} is a file, not a folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as out:
            fcntl.flock(out.fileno(), fcntl.LOCK_EX)
            view = memoryview(data)
            while view:  # os.write may write less than it is given: write the rest
                written = os.write(out.fileno(), view)
                if written <= 0:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), temporary)
                view = view[written:]
            os.fsync(out.fileno())
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_leftovers(target: Path, stale_after: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Remove the temporary files of killed writes to `target`; return those removed.

    A leftover is unlocked (its writer is gone: a lock dies with its process) and older
    than `stale_after` seconds (a write that has just created its file has not locked it).
    """
    removed = []
    now = time.time()
    for candidate in target.parent.glob(f".{target.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - candidate.lstat().st_mtime < stale_after or not candidate.is_file():
                continue
            descriptor = os.open(candidate, os.O_RDONLY | os.O_NOFOLLOW)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a write in progress holds it
            finally:
                os.close(descriptor)
            candidate.unlink()
            removed.append(candidate)
    return removed


def output_problem(target: Path, error: OSError) -> Problem:
    """Why `target` cannot be written, as one problem of the output."""
    reason = error.strerror or str(error)
    return Problem.about(str(target), "output", f"cannot be written ({reason})")
