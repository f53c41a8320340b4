"""Work a template's text alone decides, kept on disk between processes, as Python keeps
`__pycache__`.

docxtpl's rewrite of each part of the template into Jinja source, and Jinja's compiling of
that source into Python code, are a large share of a cold build, and the template is the
same from one build to the next. Each result is stored under a key made of everything it
depends on: the text it was made from, the versions of the libraries that made it, the
Python that will load it, and what the caller adds (the filters a template may use, say).
A changed template is a new key; nothing is ever looked up by a file's name or time.

The folder is `$REPORTGEN_CACHE`, or `reportgen` under `$XDG_CACHE_HOME` (`~/.cache`);
`REPORTGEN_CACHE=off` turns the cache off. An entry that cannot be read or written is made
afresh and the build goes on: the cache only ever saves time. It keeps the newest
`LIMIT` entries. Within one process, `core.memo` holds such work in memory as well.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from types import CodeType

import docxtpl
import jinja2

LIMIT = 64
"""Entries kept: a few templates' parts, as source and as code."""

_FORMAT = "1"  # bump when what is stored, or how, changes
_SUM = 32  # each entry starts with the SHA-256 of what follows


def folder() -> Path | None:
    """Where entries are kept, or None when the cache is off."""
    configured = os.environ.get("REPORTGEN_CACHE", "")
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportgen"


def _key(kind: str, text: str, extra: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in (_FORMAT, kind, sys.implementation.cache_tag or "", jinja2.__version__):
        digest.update(part.encode() + b"\0")
    digest.update(str(getattr(docxtpl, "__version__", "")).encode() + b"\0")
    for part in extra:
        digest.update(part.encode() + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return f"{kind}-{digest.hexdigest()}"


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
    path = where / _key(kind, text, extra)
    try:
        stored = path.read_bytes()
        data = stored[_SUM:]
        if stored[:_SUM] == hashlib.sha256(data).digest():  # else damaged: made afresh
            check(data)
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = make()
    try:
        where.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=where, delete=False, prefix=".tmp-") as out:
            out.write(hashlib.sha256(data).digest() + data)
        os.replace(out.name, path)
        _prune(where)
    except OSError:
        pass  # a read-only home, a full disk: the build goes on without
    return data


def _prune(where: Path) -> None:
    """Keep the newest LIMIT entries."""
    entries = sorted(
        (p for p in where.iterdir() if not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime_ns,
    )
    for stale in entries[:-LIMIT]:
        stale.unlink(missing_ok=True)


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
