"""Reading a file given from outside, at a bounded cost: data files, catalogues, .docx files
and the depositary's status.

Only a regular file is read: a FIFO would wait for a writer for ever, and a device such as
/dev/zero has no size to check and never ends (a cloned repository can hold both, as
symbolic links). Never more than one byte past the caller's limit is read, whatever the
size says; the caller says what is over its limit, and how each refusal reads, in its own
terms.

A file reportgen wrote for itself (the template cache) is read `private`ly: never through
a symbolic link, and only when it belongs to the user running reportgen and no one else
may write it (`not_private`).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Literal

from reportgen.core import locks

Why = Literal["missing", "folder", "special", "error", "untrusted"]


class Unreadable(Exception):
    """A file that is not read: missing, a folder, not a regular file, an OS error
    (`detail` is the system's reason), or, read privately, a link or someone else's file
    (`detail` says which)."""

    def __init__(self, why: Why, detail: str = "") -> None:
        super().__init__(f"{why}: {detail}" if detail else why)
        self.why: Why = why
        self.detail = detail


def not_private(status: os.stat_result) -> str:
    """Why a file or folder with this status cannot be trusted as the user's own (someone
    else owns it, or others may write it), or "" when it can."""
    if status.st_uid != os.geteuid():
        return f"it belongs to another user (uid {status.st_uid})"
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"others may write it (mode {stat.filemode(status.st_mode)})"
    return ""


def read_regular(
    path: Path | str, limit: int, *, dir_fd: int | None = None, private: bool = False
) -> bytes:
    """At most `limit + 1` bytes of the regular file at `path` (more than `limit` means
    too large); Unreadable otherwise. `dir_fd`: `path` is relative to that open folder.
    `private`: Unreadable("untrusted") for a symbolic link or a file `not_private`."""
    flags = os.O_RDONLY | locks.NONBLOCK | (locks.NOFOLLOW if private else 0)
    try:
        # O_NONBLOCK: opening a pipe with no writer would otherwise wait for ever
        descriptor = os.open(path, flags, dir_fd=dir_fd)
    except FileNotFoundError:
        raise Unreadable("missing") from None
    except IsADirectoryError:
        raise Unreadable("folder") from None
    except OSError as error:
        if private and error.errno == errno.ELOOP:
            raise Unreadable("untrusted", "it is a symbolic link") from None
        raise Unreadable("error", str(error.strerror or error)) from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        raise Unreadable("folder" if stat.S_ISDIR(status.st_mode) else "special")
    distrust = not_private(status) if private else ""
    if distrust:
        os.close(descriptor)
        raise Unreadable("untrusted", distrust)
    with os.fdopen(descriptor, "rb") as handle:
        try:
            return handle.read(limit + 1)
        except OSError as error:
            raise Unreadable("error", str(error.strerror or error)) from None


class NotUtf8(ValueError):
    """Text that is not UTF-8: where its first bad byte is (`line` and `column` from 1,
    the column counted in characters, as an editor shows it) and why."""

    def __init__(self, line: int, column: int, byte: int, reason: str) -> None:
        super().__init__(f"{line}:{column}: byte 0x{byte:02x}: {reason}")
        self.line, self.column, self.byte, self.reason = line, column, byte, reason

    @property
    def message(self) -> str:
        """What a problem says of the file, after its line and column."""
        return (
            f"is not UTF-8 text: byte 0x{self.byte:02x} here ({self.reason}); "
            "save the file as UTF-8"
        )


def decode_utf8(data: bytes) -> str:
    """`data` as text; NotUtf8, saying where the first bad byte is, if it is not UTF-8.

    The byte order mark that Windows' Notepad writes at the start of a UTF-8 file is not
    part of the text: it is dropped, so that the first line's columns are an editor's.
    Line breaks are left as they are (a CRLF counts as one line in every message)."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8").removeprefix("\ufeff")
        before = before.replace("\r\n", "\n").replace("\r", "\n")
        line_start = before.rfind("\n") + 1
        raise NotUtf8(
            before.count("\n") + 1, len(before) - line_start + 1, data[error.start], error.reason
        ) from None
