"""Write stage: the only code that touches the output path.

The document (whose bytes the render stage has fixed) is written to a temporary file beside
the target, flushed to disk and moved into place in one step: a failure at any point leaves
the previous output exactly as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_document(data: bytes, target: Path) -> None:
    """Write the rendered .docx into place atomically: the write stage of a build."""
    write_atomically(data, target)


def write_atomically(data: bytes, target: Path) -> None:
    """Replace `target` with `data` in one step, or leave it untouched."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
