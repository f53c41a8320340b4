"""Reading a .docx that comes from outside: bounded in memory and time, only what Word reads.

A .docx is a zip of parts. Read naively, a 2 MB file can unpack to gigabytes (a zip bomb),
carry parts nothing refers to, hide a DTD that expands entities or names other files, or
break the decompressor in ways that surface as internal errors. `open_docx` reads a
package the way Word does, from its relationships: the main document, then each part a
read part refers to, and nothing else. Before unpacking a part it checks the part's size
and compression ratio against `reportgen.limits`; a part with a DTD is refused. Every
refusal is a `NotADocx` with one line naming the file and the part.

`Package.sanitised()` gives the reached parts as a new zip: what `text`, `diff`, the redline
engine and the template renderer read, so that no unreached or oversized part reaches
them. The package's indexes, [Content_Types].xml (`ct:Types`) and the relationship parts
(`pr:Relationships`), are read here too.
"""

from __future__ import annotations

import io
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from lxml import etree

from reportgen.core.errors import BadInput
from reportgen.core.limits import MB, Limits, from_environment, refused
from reportgen.core.reading import Unreadable, read_regular
from reportgen.ooxml.xml import MalformedXML, parse, qn

# The main part of a Word document, template, or macro-enabled document or template.
WORD_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_OTHER_PACKAGES = {"spreadsheetml": "an Excel workbook", "presentationml": "a PowerPoint deck"}
# Word 97-2003 .doc files, and .docx files saved with a password, are OLE compound files.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OFFICE_DOCUMENT = "/officeDocument"  # the end of the main part's relationship type(s)
_CONTENT_TYPES = "[Content_Types].xml"
_RATIO_FLOOR = 1 * MB  # small parts may compress as much as they like
_DTD_MARKS = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


_T = TypeVar("_T")


_ADVICE = re.compile(r",?\s*(?:try|use) XML_PARSE_HUGE(?: option)?")


def without_advice(reason: str) -> str:
    """A library's error without its advice to programmers ("try XML_PARSE_HUGE"), which
    names a parser option a reader of the message cannot set."""
    return _ADVICE.sub("", reason)


class NotADocx(BadInput, ValueError):
    """The file is not a Word document (.docx) that reportgen can read; says why in a line."""


@dataclass(frozen=True)
class Package:
    """The parts of a .docx that its relationships reach, each checked against the limits."""

    name: str
    data: bytes
    """The file as read."""
    parts: dict[str, bytes]
    """[Content_Types].xml, the relationship parts and every part they reach, by member name."""
    main: str
    """The member name of the main document part (word/document.xml)."""

    def sanitised(self) -> bytes:
        """The reached parts as a new zip (stored: it is read once, at once)."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
            for name, body in self.parts.items():
                target.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), body)
        return out.getvalue()


def read_file(source: Path | bytes | str, limits: Limits) -> tuple[bytes, str]:
    """The bytes of `source` and the name to give it in messages; NotADocx if unreadable.

    Only a regular file is read (not a FIFO, which would wait forever, nor a device such
    as /dev/zero, which never ends), and never more than the unpacked-size limit.
    """
    if isinstance(source, bytes):
        return source, "the document"
    path = Path(source)
    try:
        data = read_regular(path, limits.max_unpacked_bytes)
    except Unreadable as unread:
        reason = {
            "missing": "no such file",
            "folder": "is a folder, not a .docx file",
            "special": "is not a regular file (a device, a pipe or a socket)",
        }.get(unread.why, f"cannot be read ({unread.detail})")
        raise NotADocx(f"{path}: {reason}") from None
    if len(data) > limits.max_unpacked_bytes:
        larger = f"is larger than {limits.max_unpacked_mb} MB"
        raise NotADocx(f"{path}: " + refused(larger, "max_unpacked_mb", limits))
    return data, str(path)


def read_docx(source: Path | bytes | str) -> bytes:
    """The bytes of a Word document, or NotADocx saying why the file is not one."""
    return open_docx(source).data


def open_docx(source: Path | bytes | str, limits: Limits | None = None) -> Package:
    """The package of a .docx given as a path or as bytes, read under `limits`.

    Raises NotADocx, with a one-line reason, for anything that is not a Word document or
    that a limit refuses.
    """
    limits = from_environment() if limits is None else limits
    key = None if isinstance(source, bytes) else _file_key(Path(source), limits)
    if key is not None and key in _OPENED:
        return _OPENED[key]
    package = _open(source, limits)
    # Kept: small packages (a template: a build reads it twice, a watcher on each save).
    if key is not None and len(package.data) + sum(map(len, package.parts.values())) < 8 * MB:
        if len(_OPENED) >= 8:
            _OPENED.clear()
        _OPENED[key] = package
    return package


_FileKey = tuple[str, int, int, int, int, Limits]
_OPENED: dict[_FileKey, Package] = {}
"""Packages read from files in this process, by the file's identity and the limits."""


def _file_key(path: Path, limits: Limits) -> _FileKey | None:
    """What identifies the content of a regular file: a change to it changes this."""
    try:
        found = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return (
        str(path),
        found.st_dev,
        found.st_ino,
        found.st_mtime_ns,
        found.st_size,
        limits,
    )


def _open(source: Path | bytes | str, limits: Limits) -> Package:
    """`open_docx` without the memory of files read before."""
    data, name = read_file(source, limits)
    if data.startswith(_OLE_SIGNATURE):
        raise NotADocx(
            f"{name}: not a .docx but a Word 97-2003 .doc or a password-protected file; "
            "save it from Word as a .docx without a password"
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise NotADocx(f"{name}: not a Word document (.docx): the file is not a zip package")
    entries = _entry_count(data)
    if entries is not None and entries > limits.max_parts:
        raise NotADocx(
            f"{name}: "
            + refused(f"holds {entries} parts, more than {limits.max_parts}", "max_parts", limits)
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as error:
        raise NotADocx(
            f"{name}: not a Word document (.docx): its zip is damaged ({error})"
        ) from None
    with archive:
        reader = _Reader(name, archive, limits)
        return reader.read(data)


def _entry_count(data: bytes) -> int | None:
    """The number of members the zip's end record declares, read before zipfile lists them.

    zipfile builds an object per member as it opens a file: a crafted directory of
    millions of members would cost gigabytes before any check could run.
    """
    tail = data[-(65535 + 22) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return None
    (count,) = struct.unpack("<H", tail[at + 10 : at + 12])
    if count != 0xFFFF:
        return int(count)
    locator = tail.rfind(b"PK\x06\x07", 0, at)  # zip64: the count is in its own record
    if locator < 0 or locator + 20 > len(tail):
        return None
    (offset,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
    record = data[offset : offset + 56]
    if len(record) < 56 or not record.startswith(b"PK\x06\x06"):
        return None
    return int(struct.unpack("<Q", record[32:40])[0])


class _Reader:
    """Reads the parts of one open zip that the relationships reach, under the limits."""

    def __init__(self, name: str, archive: zipfile.ZipFile, limits: Limits) -> None:
        self.name, self.archive, self.limits = name, archive, limits
        self.members = {info.filename: info for info in archive.infolist()}
        self.unpacked = self.unpacked_xml = 0
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        self.parts: dict[str, bytes] = {}

    def fail(self, what: str) -> NotADocx:
        return NotADocx(f"{self.name}: {what}")

    def read(self, data: bytes) -> Package:
        if len(self.members) > self.limits.max_parts:
            raise self.fail(
                refused(
                    f"holds {len(self.members)} parts, more than {self.limits.max_parts}",
                    "max_parts",
                    self.limits,
                )
            )
        if _CONTENT_TYPES not in self.members:
            raise self.fail(
                f"not a Word document (.docx): its package is damaged (no {_CONTENT_TYPES})"
            )
        self.defaults, self.overrides = self._xml(_CONTENT_TYPES, content_types)
        package_rels = self._relationships("")
        main = next((t for kind, t, _ in package_rels if kind.endswith(_OFFICE_DOCUMENT)), None)
        if main is None or main not in self.members:
            raise self.fail("not a Word document (.docx): a zip without a main document")
        main_type = self._type(main)
        if main_type not in WORD_MAIN_PARTS:
            kind = next((v for k, v in _OTHER_PACKAGES.items() if k in main_type), main_type)
            raise self.fail(f"not a Word document (.docx) but {kind or 'a package of its own'}")
        waiting = [main, *(t for _, t, _ in package_rels if t != main)]
        while waiting:
            part = waiting.pop(0)
            if part in self.parts or part not in self.members:
                continue  # read already, or a broken reference (readers skip it)
            self._part(part)
            waiting += [target for _, target, _ in self._relationships(part)]
        return Package(self.name, data, self.parts, main)

    def _relationships(self, source: str) -> list[tuple[str, str, bool]]:
        """The internal relationships of part `source` ("" for the package): type, member."""
        folder, leaf = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", f"{leaf}.rels")
        if rels not in self.members:
            return []
        found: list[tuple[str, str, bool]] = []
        for kind, target, external in self._xml(rels, relationships):
            if external:
                continue
            member = (
                posixpath.normpath(target.lstrip("/"))
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            if member.startswith(("../", "/")) or member == "..":
                continue  # outside the package: no part of it
            found.append((kind, member, external))
        return found

    def _type(self, member: str) -> str:
        """The content type [Content_Types].xml gives a member ("" when none)."""
        extension = posixpath.splitext(member)[1].lstrip(".").lower()
        return self.overrides.get(member, self.defaults.get(extension, ""))

    def _is_xml(self, member: str) -> bool:
        kind = self._type(member)
        return member.endswith((".xml", ".rels")) or (
            kind.endswith("xml") and not kind.startswith("image/")
        )

    def _xml(self, member: str, parse: Callable[[bytes], _T]) -> _T:
        body = self._part(member)
        try:
            return parse(body)
        except MalformedXML as error:
            raise self.fail(
                f"not a Word document (.docx): its package is damaged ({member}: {error})"
            ) from None

    def _part(self, member: str) -> bytes:
        """One member's bytes, checked against the limits before and after unpacking."""
        if member in self.parts:
            return self.parts[member]
        info = self.members[member]
        limits = self.limits
        where = f"{self.name}: {member}"
        if info.flag_bits & 0x1:
            raise NotADocx(f"{where}: is encrypted; save the document from Word without a password")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise NotADocx(
                f"{where}: is compressed with method {info.compress_type}, which Word does not "
                "use (only stored or deflated parts are read)"
            )
        xml = self._is_xml(member)
        largest, name = (
            (limits.max_part_mb, "max_part_mb") if xml else (limits.max_media_mb, "max_media_mb")
        )
        if info.file_size > largest * MB:
            raise NotADocx(
                f"{where}: " + refused(f"unpacks to more than {largest} MB", name, limits)
            )
        if xml and self.unpacked_xml + info.file_size > limits.max_xml_mb * MB:
            raise NotADocx(
                f"{where}: "
                + refused(
                    f"the XML parts read unpack to more than {limits.max_xml_mb} MB",
                    "max_xml_mb",
                    limits,
                )
            )
        if self.unpacked + info.file_size > limits.max_unpacked_bytes:
            raise NotADocx(
                f"{where}: "
                + refused(
                    f"the parts read unpack to more than {limits.max_unpacked_mb} MB",
                    "max_unpacked_mb",
                    limits,
                )
            )
        if info.file_size > _RATIO_FLOOR and info.file_size > limits.max_ratio * max(
            1, info.compress_size
        ):
            ratio = info.file_size // max(1, info.compress_size)
            raise NotADocx(
                f"{where}: "
                + refused(
                    f"unpacks {ratio} times larger than it is stored (a zip bomb?)",
                    "max_ratio",
                    limits,
                )
            )
        try:
            # zipfile never unpacks more than the size checked above: it stops there, and
            # a stream that goes on fails its CRC check.
            body = self.archive.read(info)
        except (zipfile.BadZipFile, EOFError, zlib.error, ValueError, OSError) as error:
            raise NotADocx(f"{where}: is damaged and cannot be unpacked ({error})") from None
        except (NotImplementedError, RuntimeError) as error:  # a method or encryption zipfile lacks
            raise NotADocx(f"{where}: cannot be unpacked ({error})") from None
        self.unpacked += len(body)
        self.unpacked_xml += len(body) if xml else 0
        if xml and any(mark in body for mark in _DTD_MARKS):
            raise NotADocx(
                f"{where}: holds a document type declaration (<!DOCTYPE>), which Word never "
                "writes and which can expand entities or name other files; refused"
            )
        self.parts[member] = body
        return body


def _index_root(xml: bytes) -> etree._Element:
    """The root of one of the package's indexes; MalformedXML if it is not well-formed."""
    try:
        return parse(xml, huge_tree=False)
    except etree.XMLSyntaxError as error:
        raise MalformedXML(f"not well-formed XML: {error}") from None


def content_types(xml: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """[Content_Types].xml: the type of each extension, and of each part named (no "/")."""
    root = _index_root(xml)
    defaults = {
        (d.get("Extension") or "").lower(): d.get("ContentType") or ""
        for d in root.iter(qn("ct:Default"))
    }
    overrides = {
        (o.get("PartName") or "").lstrip("/"): o.get("ContentType") or ""
        for o in root.iter(qn("ct:Override"))
    }
    return defaults, overrides


def relationships(xml: bytes) -> list[tuple[str, str, bool]]:
    """A relationships part: each relationship's type, target, and whether it is external."""
    root = _index_root(xml)
    return [
        (r.get("Type") or "", r.get("Target") or "", r.get("TargetMode") == "External")
        for r in root.iter(qn("pr:Relationship"))
    ]
