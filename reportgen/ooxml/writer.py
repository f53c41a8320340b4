"""Writing the zip package: a .docx whose bytes depend on its content only.

python-docx's own save stamps every zip entry with the current time; here each entry gets a
fixed time, permissions and compression, so that the same report gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile

from docx.document import Document
from docx.opc.packuri import PackURI

from reportgen.ooxml import docx_private

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)

# Pictures and embedded workbooks are compressed already: deflating them again costs time
# and saves nothing.
_STORED_SUFFIXES = (".png", ".jpeg", ".jpg", ".gif", ".xlsx")


def write_entry(target: zipfile.ZipFile, name: str, data: bytes) -> None:
    """One zip entry with a fixed time and permissions, so that its bytes depend on `data` only."""
    entry = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    stored = name.lower().endswith(_STORED_SUFFIXES)
    entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    entry.create_system = 0
    entry.external_attr = 0o644 << 16
    target.writestr(entry, data, compresslevel=None if stored else 6)


class _FixedZipWriter:
    """python-docx's physical package writer, with `write_entry`'s fixed entries."""

    def __init__(self, target: zipfile.ZipFile) -> None:
        self._target = target

    def write(self, uri: PackURI, blob: bytes) -> None:
        write_entry(self._target, uri.membername, blob)

    def close(self) -> None:
        self._target.close()


def package_bytes(document: Document) -> bytes:
    """The document as .docx bytes that depend on its content only.

    This writes the parts python-docx's save would, in the same order ([Content_Types].xml
    first), in one pass, each entry with a fixed time, permissions and compression.
    """
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    writer = _FixedZipWriter(zipfile.ZipFile(out, "w"))
    docx_private.write_package(writer, package.rels, parts)
    writer.close()
    return out.getvalue()


def normalise_package(data: bytes) -> bytes:
    """Rewrite a .docx written by another tool so that the same document has the same bytes.

    Each entry gets a fixed time, permissions and compression, keeping the order
    ([Content_Types].xml first).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            write_entry(target, info.filename, source.read(info.filename))
    return out.getvalue()
