"""Work a template's text alone decides, kept on disk between processes, as Python keeps
`__pycache__`.

docxtpl's rewrite of each part of the template into Jinja source, and Jinja's compiling of
that source into Python code, are a large share of a cold build, and the template is the
same from one build to the next. Each result is stored under a key made of everything it
depends on: the text it was made from, the versions of the libraries that made it, the
Python that will load it, and what the caller adds (the filters a template may use, say).
A changed template is a new key; nothing is ever looked up by a file's name or time.

An entry is Python code that the next build runs, and Jinja source that decides the
report's words, so the cache is trusted as little as a file from a stranger
(`core.config` says where it is):

- entries live in a subfolder reportgen creates for itself (`CACHE_SUBFOLDER`, mode 0700),
  used only while it belongs to the user and no one else may write it; each entry is
  opened without following a link, must be the user's and written by no one else, and is
  read under `MAX_ENTRY_BYTES` (`core.reading`);
- each entry carries an HMAC-SHA256 of its name and content under a random key kept in
  the user's state folder (`~/.local/state/reportgen`, mode 0600), never in a cache
  folder: whoever supplies a cache folder (a restored CI cache, a synced or shared folder)
  does not supply its key, and an entry without the right one is never decoded, let alone
  run;
- only the subfolder's own entry names are ever removed (the newest `LIMIT` are kept).

A cache that cannot be trusted is not used, and the build says so once on stderr; one that
cannot be read or written (a read-only home, a full disk) is silently made afresh: the
cache only ever saves time. `REPORTGEN_CACHE=off` turns it off. Within one process,
`core.memo` holds such work in memory as well.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import marshal
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import CodeType

import docxtpl
import jinja2

from reportgen.core import locks
from reportgen.core.config import CACHE_SUBFOLDER, cache_folder, key_folder
from reportgen.core.reading import Unreadable, not_private, read_regular

LIMIT = 64
"""Entries kept: a few templates' parts, as source and as code."""

MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""The largest entry read or written: far above a template part's code (a few MB)."""

_FORMAT = "2"  # bump when what is stored, or how, changes
_MAC = 32  # each entry starts with the HMAC-SHA256 of its name and what follows
_KEY = "cache-key"  # the key's name in the user's state folder (`config.key_folder`)
_KEY_BYTES = 32
_ENTRY = re.compile(r"[a-z]+-[0-9a-f]{64}\Z")  # the only names pruned
_TEMPORARY = re.compile(r"\.tmp-[0-9a-f]{32}\Z")
_TEMPORARY_STALE_SECONDS = 600.0

_warned: list[str] = []  # the one warning of this process


class Untrusted(Exception):
    """The cache, its key or an entry that may have been written by someone else."""


def folder() -> Path | None:
    """Where entries are kept, or None when the cache is off: always off where files have no
    owner and permission bits to check, and folders cannot be opened (Windows). The checks
    that make an entry trustworthy need them; without the cache a cold build takes about
    25 ms more."""
    if not locks.POSIX:
        return None
    root = cache_folder()
    return None if root is None else root / CACHE_SUBFOLDER


def _warn(where: Path | str, why: str) -> None:
    """Say once per process that the cache is not used, and why."""
    if _warned:
        return
    _warned.append(why)
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in f"{where}: {why}")
    print(
        f"reportgen: warning: template cache {shown}: not used (the build goes on without "
        f"it; remove that folder or set REPORTGEN_CACHE to a folder of your own)",
        file=sys.stderr,
    )


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[int]:
    """The subfolder `path`, created for the user alone if missing, open; Untrusted if it
    is a link, not a folder, someone else's or writable by others; OSError if it cannot
    be made or opened."""
    with contextlib.suppress(FileExistsError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.mkdir(path, 0o700)  # a umask only takes bits away: never others' to write
    try:
        descriptor = os.open(path, os.O_RDONLY | locks.DIRECTORY | locks.NOFOLLOW)
    except OSError as error:
        # O_NOFOLLOW with O_DIRECTORY: a link is ELOOP, or ENOTDIR on some systems
        if error.errno == errno.ELOOP or (error.errno == errno.ENOTDIR and path.is_symlink()):
            raise Untrusted("it is a symbolic link, not the folder reportgen made") from None
        raise
    try:
        why = not_private(os.fstat(descriptor))
        if why:
            raise Untrusted(why.replace("it ", "the folder ", 1))
        yield descriptor
    finally:
        os.close(descriptor)


def _read(name: str, descriptor: int, limit: int) -> bytes | None:
    """The content of `name` in the open folder, None if missing; Untrusted if it is a
    link, another's, writable by others, not a regular file or over `limit`."""
    try:
        data = read_regular(name, limit, dir_fd=descriptor, private=True)
    except Unreadable as unread:
        if unread.why == "missing":
            return None
        if unread.why == "error":
            raise OSError(unread.detail) from None
        raise Untrusted(f"{name}: {unread.detail or 'it is not a regular file'}") from None
    if len(data) > limit:
        raise Untrusted(f"{name}: it is larger than {limit} bytes")
    return data


def _write(name: str, descriptor: int, data: bytes, *, replace: bool = True) -> None:
    """`data` as `name` in the open folder, readable and writable by the user alone, in
    one step; with `replace=False`, FileExistsError if `name` is there already."""
    temporary = f".tmp-{secrets.token_hex(16)}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | locks.NOFOLLOW
    out = os.open(temporary, flags, 0o600, dir_fd=descriptor)
    try:
        try:
            os.fchmod(out, 0o600)
            view = memoryview(data)
            while view:
                view = view[os.write(out, view) :]
        finally:
            os.close(out)
        if replace:
            os.replace(temporary, name, src_dir_fd=descriptor, dst_dir_fd=descriptor)
        else:
            os.link(temporary, name, src_dir_fd=descriptor, dst_dir_fd=descriptor)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary, dir_fd=descriptor)


def _secret() -> bytes:
    """The user's key, made on first use in the user's state folder (`config.key_folder`),
    outside every cache folder."""
    with _opened(key_folder()) as descriptor:
        key = _read(_KEY, descriptor, _KEY_BYTES)
        if key is None:
            with contextlib.suppress(FileExistsError):  # another build made it first
                _write(_KEY, descriptor, secrets.token_bytes(_KEY_BYTES), replace=False)
            key = _read(_KEY, descriptor, _KEY_BYTES)
        if key is None or len(key) != _KEY_BYTES:
            raise Untrusted(f"{_KEY}: it is not a key reportgen made")
        if os.stat(_KEY, dir_fd=descriptor, follow_symlinks=False).st_mode & 0o077:
            raise Untrusted(f"{_KEY}: others may read it")
        return key


def _key(kind: str, text: str, extra: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in (_FORMAT, kind, sys.implementation.cache_tag or "", jinja2.__version__):
        digest.update(part.encode() + b"\0")
    digest.update(str(getattr(docxtpl, "__version__", "")).encode() + b"\0")
    for part in extra:
        digest.update(part.encode() + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return f"{kind}-{digest.hexdigest()}"


def _mac(secret: bytes, name: str, data: bytes) -> bytes:
    return hmac.new(secret, name.encode() + b"\0" + data, hashlib.sha256).digest()


def _stored(
    kind: str,
    text: str,
    extra: Iterable[str],
    make: Callable[[], bytes],
    check: Callable[[bytes], object],
) -> bytes:
    """The bytes stored for (kind, text, extra), or `make()`'s, stored for next time."""
    where = folder()
    if where is None:
        return make()
    name = _key(kind, text, extra)
    made: list[bytes] = []
    try:
        secret = _secret()
        with _opened(where) as descriptor:
            try:
                stored = _read(name, descriptor, _MAC + MAX_ENTRY_BYTES)
                if stored is not None:
                    data = stored[_MAC:]
                    if not hmac.compare_digest(stored[:_MAC], _mac(secret, name, data)):
                        raise Untrusted(f"{name}: it does not carry your key")
                    check(data)
                    return data
            except Untrusted as error:
                _warn(where, str(error))  # this entry is replaced by one made afresh
            except (ValueError, EOFError, TypeError):
                pass  # authentic but unreadable here (another Python): made afresh
            made.append(make())
            if len(made[0]) <= MAX_ENTRY_BYTES:
                _write(name, descriptor, _mac(secret, name, made[0]) + made[0])
                _prune(descriptor)
    except Untrusted as error:
        _warn(where, str(error))
    except OSError:
        pass  # a read-only home, a full disk: the build goes on without
    return made[0] if made else make()


def _prune(descriptor: int) -> None:
    """Keep the newest LIMIT entries, and remove temporary files left by killed builds:
    only names of this cache's own making."""
    entries: list[tuple[int, str]] = []
    now = time.time()
    with os.scandir(descriptor) as listing:
        for entry in listing:
            with contextlib.suppress(OSError):
                status = entry.stat(follow_symlinks=False)
                if _ENTRY.match(entry.name):
                    entries.append((status.st_mtime_ns, entry.name))
                elif (
                    _TEMPORARY.match(entry.name)
                    and stat.S_ISREG(status.st_mode)
                    and now - status.st_mtime > _TEMPORARY_STALE_SECONDS
                ):
                    os.unlink(entry.name, dir_fd=descriptor)
    for _, stale in sorted(entries)[:-LIMIT]:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(stale, dir_fd=descriptor)


def text(kind: str, source: str, make: Callable[[], str], extra: Iterable[str] = ()) -> str:
    """Text made from `source` (docxtpl's rewrite of a part), kept between processes."""
    data = _stored(kind, source, extra, lambda: make().encode("utf-8"), lambda d: d.decode())
    return data.decode("utf-8")


def code(source: str, make: Callable[[], CodeType], extra: Iterable[str] = ()) -> CodeType:
    """Python code compiled from `source` (Jinja's compiling of a part), kept between processes."""

    def load(data: bytes) -> CodeType:
        loaded = marshal.loads(data)
        if not isinstance(loaded, CodeType):
            raise TypeError("not code")
        return loaded

    return load(_stored("code", source, extra, lambda: marshal.dumps(make()), load))
