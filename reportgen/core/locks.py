"""Advisory locks and the POSIX-only flags of `os`, the same on Windows, macOS and Linux.

A lock here is a lock on an open file, gone with the process that holds it: `fcntl.flock`
on POSIX, `msvcrt.locking` of the file's first byte on Windows. The `os.open` flags that
Windows lacks (O_NOFOLLOW, O_DIRECTORY, O_NONBLOCK) are 0 there: Windows follows no
symbolic link a user can make without privileges, and opens no folder as a file.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


_FCNTL = _module("fcntl")

NOFOLLOW: int = getattr(os, "O_NOFOLLOW", 0)
DIRECTORY: int = getattr(os, "O_DIRECTORY", 0)
NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)

POSIX = _FCNTL is not None and DIRECTORY != 0 and hasattr(os, "geteuid")
"""Whether files have owners and permission bits reportgen can check, and folders can be
opened and locked: not on Windows."""


def try_lock(descriptor: int) -> bool:
    """Lock the open file `descriptor` for this process alone, if no one else holds it."""
    try:
        if _FCNTL is not None:
            _FCNTL.flock(descriptor, _FCNTL.LOCK_EX | _FCNTL.LOCK_NB)
        else:
            msvcrt = importlib.import_module("msvcrt")
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def lock(descriptor: int) -> None:
    """Lock the open file `descriptor` for this process alone, waiting for it if needed."""
    if _FCNTL is not None:
        _FCNTL.flock(descriptor, _FCNTL.LOCK_EX)
        return
    msvcrt = importlib.import_module("msvcrt")
    while True:  # LK_LOCK gives up after ten seconds: wait as flock does
        try:
            msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)
            return
        except OSError:
            continue
