"""Write stage: the only code that touches the output path; and the data files' writing.

The document (whose bytes the render stage has fixed) is written to a temporary file beside
the target, flushed to disk and moved into place in one step: a failure at any point leaves
the previous output exactly as it was. A build killed before the move leaves its temporary
file behind; the next write to the same target removes it.

Files a person maintains (the data files an import rewrites) are replaced together, all or
none, keeping their mode and their symbolic links, under a lock on their folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

from reportgen.core import locks
from reportgen.core.problems import InputError, Problem

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
            locks.lock(out.fileno())
            view = memoryview(data)
            while view:  # os.write may write less than it is given: write the rest
                written = os.write(out.fileno(), view)
                if written <= 0:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), temporary)
                view = view[written:]
            os.fsync(out.fileno())
        # Closed (and so unlocked) before the move: Windows renames no file that is open.
        os.chmod(temporary, 0o644)
        try:
            os.replace(temporary, target)
        except PermissionError as error:  # on Windows: the file is open in Word
            raise InUse(error.errno, error.strerror, str(target)) from error
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
            descriptor = os.open(candidate, os.O_RDONLY | locks.NOFOLLOW)
            try:
                if not locks.try_lock(descriptor):
                    continue  # a write in progress holds it
            finally:
                os.close(descriptor)
            candidate.unlink()
            removed.append(candidate)
    return removed


class InUse(PermissionError):
    """The finished file could not be moved onto the target: on Windows, what Word or
    LibreOffice does to a document it has open (a sharing violation, errno 13); the
    target is left as it was."""


def output_problem(target: Path, error: OSError) -> Problem:
    """Why `target` cannot be written, as one problem of the output."""
    reason = error.strerror or str(error)
    if isinstance(error, InUse):
        return Problem.about(
            str(target),
            "output",
            f"cannot be replaced ({reason}): close {target.name} in Word (or LibreOffice) and "
            f"build again; if it is not open, check that you may write in {target.parent}",
        )
    return Problem.about(str(target), "output", f"cannot be written ({reason})")


@contextlib.contextmanager
def locked_folder(folder: Path, where: str, busy: str, seconds: float) -> Iterator[None]:
    """`folder` locked against another process doing the same (an advisory lock, gone with
    the process: on the folder itself, or on Windows, which opens no folder as a file, on a
    file `.reportgen.lock` in it); InputError(`busy`) after waiting `seconds`."""
    try:
        if locks.POSIX:
            descriptor = os.open(folder, os.O_RDONLY | locks.DIRECTORY)
        else:
            descriptor = os.open(folder / ".reportgen.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise InputError([output_problem(folder, error)]) from None
    try:
        deadline = time.monotonic() + seconds
        while not locks.try_lock(descriptor):
            if time.monotonic() > deadline:
                raise InputError([Problem.about(str(folder), where, busy)]) from None
            time.sleep(0.05)
        yield
    finally:
        os.close(descriptor)  # and with it the lock


def replace_together(contents: Mapping[Path, bytes]) -> None:
    """Replace each file with its content, all or none; InputError if one cannot be written.

    Each new file is written in full beside its target first; if one cannot then be moved
    into place, those already moved are put back. A file that is a symbolic link keeps it
    (the file it points to is replaced), and each new file gets the old one's mode (and
    owner, where allowed).
    """
    prepared: list[tuple[Path, Path, str]] = []  # (path given, real file, temporary)
    moved: list[tuple[Path, bytes, os.stat_result]] = []
    failing = next(iter(contents), Path())  # the file being written, for the message
    try:
        for path, data in contents.items():
            failing = path
            real = Path(os.path.realpath(path))
            prepared.append((path, real, _beside(real, data)))
        for path, real, temporary in prepared:
            failing = path
            before = real.stat()
            old = real.read_bytes()
            os.replace(temporary, real)
            moved.append((real, old, before))
    except BaseException as error:
        for real, old, before in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(_beside(real, old, before), real)
        for _, _, temporary in prepared:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if isinstance(error, OSError):
            raise InputError([output_problem(failing, error)]) from None
        raise


def _beside(real: Path, data: bytes, like: os.stat_result | None = None) -> str:
    """A temporary file beside `real` holding `data`, flushed, with the mode (and, where
    allowed, the owner) of `like` or of `real` itself (0644 for a new file); its path."""
    if like is None:
        with contextlib.suppress(FileNotFoundError):
            like = real.stat()
    handle, temporary = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            if like is not None and hasattr(os, "fchown"):  # owners exist on POSIX only
                with contextlib.suppress(PermissionError):
                    os.fchown(out.fileno(), like.st_uid, like.st_gid)
        os.chmod(temporary, 0o644 if like is None else stat.S_IMODE(like.st_mode))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def umask_mode(full: int = 0o777) -> int:
    """`full` less the process's umask: the mode `mkdir` gives a folder (0755 under 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return full & ~mask


def scratch_folder(parent: Path, prefix: str) -> Path:
    """A new folder of a unique name in `parent` (a batch written before it takes its
    place), with the mode the umask gives, as a folder `mkdir` makes (not mkdtemp's 0700)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    os.chmod(folder, umask_mode())
    return folder
