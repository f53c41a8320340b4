"""PDF: the report's .docx converted by LibreOffice headless, for delegations that circulate PDFs.

Each conversion gets a LibreOffice profile of its own, made in a temporary directory and
removed afterwards. Two conversions then never share (or wait for) a profile, and root, whose
home profile LibreOffice would otherwise lock and reuse, can convert as well. The document is
converted from a private copy, so that LibreOffice's lock file never lands beside the report.

The PDF is written atomically beside its target, like every output of reportgen. It is not
byte-identical from one run to the next: LibreOffice stamps /CreationDate, /ID and
/DocChecksum with the time of the conversion.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from reportgen.core.errors import MissingTool
from reportgen.core.writing import write_atomically

SOFFICE_PACKAGE = "libreoffice-writer-nogui"
"""The Debian (and Ubuntu) package that provides a headless `soffice` able to convert .docx."""

DEFAULT_TIMEOUT = 120.0
"""Seconds a conversion may take; the report takes about three, a first start a few more."""


class PdfError(MissingTool):
    """LibreOffice did not make the PDF: it failed, timed out or wrote nothing."""

    said_by = "reportgen"


class SofficeNotFoundError(PdfError):
    """Neither `soffice` nor `libreoffice` is on PATH."""

    def __init__(self) -> None:
        super().__init__(
            "LibreOffice is not installed (no soffice or libreoffice on PATH); "
            f"on Debian or Ubuntu: apt-get install {SOFFICE_PACKAGE}"
        )


def find_soffice() -> str:
    """The path of LibreOffice's `soffice` (or `libreoffice`) command on PATH."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise SofficeNotFoundError()


def convert_to_pdf(
    docx: Path, target: Path | None = None, *, timeout: float = DEFAULT_TIMEOUT
) -> Path:
    """Convert `docx` to PDF at `target` (default: beside it, .pdf); return the PDF's path.

    Raises SofficeNotFoundError when LibreOffice is missing and PdfError when it fails or
    takes longer than `timeout` seconds; the previous PDF at `target` is then left as it was.
    """
    target = docx.with_suffix(".pdf") if target is None else target
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as scratch:
        work = Path(scratch)
        source = work / "in" / "report.docx"
        source.parent.mkdir()
        shutil.copyfile(docx, source)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        _run(command, timeout)
        produced = work / "out" / "report.pdf"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise PdfError(f"LibreOffice wrote no PDF for {docx}")
        write_atomically(produced.read_bytes(), target)
    return target


def _run(command: list[str], timeout: float) -> None:
    """Run LibreOffice in a process group of its own, and kill the whole group on timeout.

    `soffice` is a script that starts `soffice.bin`; killing the script alone would leave
    LibreOffice running.
    """
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except BaseException as error:
        # The script may have exited while soffice.bin still runs: kill the group, always.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        if isinstance(error, subprocess.TimeoutExpired):
            raise PdfError(f"LibreOffice did not finish within {timeout:g} seconds") from None
        raise
    if process.returncode != 0:
        said = (err or out).decode("utf-8", "replace").strip().splitlines()
        detail = f": {said[-1]}" if said else ""
        raise PdfError(f"LibreOffice failed (exit status {process.returncode}){detail}")
