"""Reading a file given from outside, at a bounded cost: data files, catalogues, .docx files
and the depositary's status.

Only a regular file is read: a FIFO would wait for a writer for ever, and a device such as
/dev/zero has no size to check and never ends (a cloned repository can hold both, as
symbolic links). Never more than one byte past the caller's limit is read, whatever the
size says; the caller says what is over its limit, and how each refusal reads, in its own
terms.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Literal

Why = Literal["missing", "folder", "special", "error"]


class Unreadable(Exception):
    """A file that is not read: missing, a folder, not a regular file, or an OS error
    (`detail` is the system's reason)."""

    def __init__(self, why: Why, detail: str = "") -> None:
        super().__init__(f"{why}: {detail}" if detail else why)
        self.why: Why = why
        self.detail = detail


def read_regular(path: Path | str, limit: int) -> bytes:
    """At most `limit + 1` bytes of the regular file at `path` (more than `limit` means
    too large); Unreadable otherwise."""
    try:
        # O_NONBLOCK: opening a pipe with no writer would otherwise wait for ever
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise Unreadable("missing") from None
    except IsADirectoryError:
        raise Unreadable("folder") from None
    except OSError as error:
        raise Unreadable("error", str(error.strerror or error)) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise Unreadable("folder" if stat.S_ISDIR(mode) else "special")
    with os.fdopen(descriptor, "rb") as handle:
        try:
            return handle.read(limit + 1)
        except OSError as error:
            raise Unreadable("error", str(error.strerror or error)) from None
