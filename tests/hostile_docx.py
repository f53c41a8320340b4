"""Hostile .docx files made in the tests, and a way to run reportgen measured.

The bombs are generated, never stored: each is a few kilobytes on disk and in memory
until something unpacks it. The limits are set low in the environment of the command
measured (REPORTGEN_MAX_PART_MB=4 ...), so that a bomb of tens of megabytes shows what
a bomb of gigabytes would do, in a test that itself stays small.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document

from tests.conftest import ROOT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

LOW_LIMITS = {
    "REPORTGEN_MAX_PART_MB": "4",
    "REPORTGEN_MAX_UNPACKED_MB": "16",
    "REPORTGEN_MAX_PARTS": "200",
}


def small_docx(*paragraphs: str) -> bytes:
    """A real Word document of a few paragraphs, as python-docx writes it."""
    document = Document()
    for text in paragraphs or ("The Convention on Cluster Munitions",):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def document_xml(paragraphs: int, text: str = "lol") -> bytes:
    """A main document part of `paragraphs` identical paragraphs (it compresses a thousandfold)."""
    body = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode() * paragraphs
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
        "<w:body>".encode()
        + body
        + b"</w:body></w:document>"
    )


def rezip(
    docx: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None
) -> bytes:
    """`docx` with some parts' content replaced and extra members added, all deflated."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for name, body in add.items():
            target.writestr(name, body)
    return out.getvalue()


def patch_member(docx: bytes, member: str, *, flags: int = 0, method: int | None = None) -> bytes:
    """`docx` with a member's general-purpose flags or compression method rewritten in both
    its local header and its central directory entry (what a crafted file would hold)."""
    data = bytearray(docx)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        info = archive.getinfo(member)
    local = info.header_offset
    central = next(  # the central directory entry of this member, found by its name
        at
        for at in _find_all(data, b"PK\x01\x02")
        if data[at + 46 : at + 46 + len(member)] == member.encode()
    )
    for header, flag_at, method_at in ((local, 6, 8), (central, 8, 10)):
        (old_flags,) = struct.unpack_from("<H", data, header + flag_at)
        struct.pack_into("<H", data, header + flag_at, old_flags | flags)
        if method is not None:
            struct.pack_into("<H", data, header + method_at, method)
    return bytes(data)


def _find_all(data: bytearray, needle: bytes) -> list[int]:
    found, at = [], data.find(needle)
    while at >= 0:
        found.append(at)
        at = data.find(needle, at + 1)
    return found


def corrupt_deflate(docx: bytes, member: str) -> bytes:
    """`docx` with the middle of a member's deflate stream overwritten."""
    data = bytearray(docx)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        info = archive.getinfo(member)
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    middle = start + info.compress_size // 2
    data[middle : middle + 16] = b"\xff" * 16
    return bytes(data)


# A small launcher runs the command and reads its peak from RUSAGE_CHILDREN. Measured in
# the command's own process, ru_maxrss would start at the size of the pytest process that
# spawned it (Linux keeps the high-water mark of the memory an exec replaces).
_MEASURED = """
import json, os, resource, subprocess, sys, time
started = time.monotonic()
status = subprocess.call([sys.executable, "-m", "reportgen", *sys.argv[1:]])
seconds = time.monotonic() - started
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(os.environ["REPORTGEN_TEST_MEASURE"], "w") as out:
    json.dump({"seconds": seconds, "peak_mb": peak_kb / 1024}, out)
sys.exit(status)
"""


@dataclass(frozen=True)
class Measured:
    """What a run of reportgen did and cost: its own peak memory and wall time."""

    status: int
    stdout: str
    stderr: str
    peak_mb: float
    seconds: float

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def run_measured(
    *args: str, tmp_path: Path, environment: dict[str, str] | None = None, timeout: float = 120
) -> Measured:
    """Run `reportgen ARGS` in a subprocess that measures itself with `resource`."""
    record = tmp_path / f"measure-{os.getpid()}-{len(list(tmp_path.iterdir()))}.json"
    env = {**os.environ, **(environment or {}), "REPORTGEN_TEST_MEASURE": str(record)}
    env.pop("NO_COLOR", None)
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    measured = json.loads(record.read_text())
    record.unlink()
    return Measured(
        result.returncode, result.stdout, result.stderr, measured["peak_mb"], measured["seconds"]
    )
