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
import time
from collections.abc import Callable, Sequence
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
            f"on Debian or Ubuntu: apt-get install {SOFFICE_PACKAGE}; on Windows or macOS: "
            "install it from https://www.libreoffice.org/download/"
        )


INSTALLED = (
    "C:/Program Files/LibreOffice/program/soffice.exe",
    "C:/Program Files (x86)/LibreOffice/program/soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
"""Where LibreOffice's installers for Windows and macOS put `soffice`, which they do not
add to PATH: looked at when PATH has none."""


def find_soffice(installed: Sequence[str] = INSTALLED) -> str:
    """The path of LibreOffice's `soffice` (or `libreoffice`) command: on PATH, or where
    its installer for Windows or macOS puts it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in installed:
        if Path(path).is_file():
            return path
    raise SofficeNotFoundError()


def convert_to_pdf(
    docx: Path, target: Path | None = None, *, timeout: float = DEFAULT_TIMEOUT
) -> Path:
    """Convert `docx` to PDF at `target` (default: beside it, .pdf); return the PDF's path.

    Raises SofficeNotFoundError when LibreOffice is missing and PdfError when it fails or
    takes longer than `timeout` seconds; the previous PDF at `target` is then left as it was.
    """
    target = docx.with_suffix(".pdf") if target is None else target
    (converted,) = convert_all_to_pdf([docx], [target], timeout=timeout)
    return converted


def convert_all_to_pdf(
    documents: Sequence[Path],
    targets: Sequence[Path] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Convert each .docx of `documents` to PDF, at the path of the same rank in `targets`
    (default: beside each, .pdf), with one start of LibreOffice; return the PDFs' paths.
    `progress` hears (PDFs made, documents in all) about twice a second while it runs.

    LibreOffice starts once for all of them (its start is most of a conversion's time).
    The PDFs are written only once LibreOffice has made all of them: when it fails, takes
    longer than `timeout` seconds or makes one of them empty, PdfError is raised and every
    previous PDF is left as it was.
    """
    targets = [d.with_suffix(".pdf") for d in documents] if targets is None else list(targets)
    if len(targets) != len(documents):
        raise ValueError(f"{len(documents)} documents for {len(targets)} PDFs")
    if not documents:
        return []
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as scratch:
        work = Path(scratch)
        (work / "in").mkdir()
        # Each under a name of its own, in ASCII whatever the user's is (LibreOffice names
        # each PDF after its document; the PDF's title comes from the document's properties).
        sources = [work / "in" / f"document-{rank}.docx" for rank in range(len(documents))]
        for docx, source in zip(documents, sources, strict=True):
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
            *(str(source) for source in sources),
        ]
        out = work / "out"

        def poll() -> None:
            if progress is not None:
                progress(sum(1 for _ in out.glob("*.pdf")) if out.is_dir() else 0, len(sources))

        if progress is None:
            _run(command, timeout)
        else:
            _run(command, timeout, poll)
        produced = [work / "out" / f"{source.stem}.pdf" for source in sources]
        for docx, pdf in zip(documents, produced, strict=True):
            if not pdf.is_file() or pdf.stat().st_size == 0:
                raise PdfError(f"LibreOffice wrote no PDF for {docx}")
        for pdf, target in zip(produced, targets, strict=True):
            write_atomically(pdf.read_bytes(), target)
    return targets


def _run(command: list[str], timeout: float, poll: Callable[[], None] | None = None) -> None:
    """Run LibreOffice in a process group of its own, and kill the whole group on timeout.

    `soffice` is a script that starts `soffice.bin`; killing the script alone would leave
    LibreOffice running. On Windows, where there are no process groups, `taskkill /T`
    ends the tree of processes it started.
    """
    windows = os.name == "nt"
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=not windows,
    )
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            try:
                out, err = process.communicate(timeout=left if poll is None else min(left, 0.5))
                break
            except subprocess.TimeoutExpired:
                if poll is None or time.monotonic() >= deadline:
                    raise
                poll()
    except BaseException as error:
        # The script may have exited while soffice.bin still runs: kill the group, always.
        _kill_tree(process, windows)
        process.communicate()
        if isinstance(error, subprocess.TimeoutExpired):
            raise PdfError(f"LibreOffice did not finish within {timeout:g} seconds") from None
        raise
    if process.returncode != 0:
        said = (err or out).decode("utf-8", "replace").strip().splitlines()
        detail = f": {said[-1]}" if said else ""
        raise PdfError(f"LibreOffice failed (exit status {process.returncode}){detail}")


def _kill_tree(process: subprocess.Popen[bytes], windows: bool) -> None:
    """End `process` and every process it started."""
    if windows:
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        with contextlib.suppress(OSError):
            process.kill()
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def merge_pdfs(
    pages: Sequence[Path], target: Path, progress: Callable[[int, int], None] | None = None
) -> Path:
    """One PDF of `pages` in order, at `target`, by pypdf (pure Python: no pdfunite, which
    Windows lacks). Each PDF is read, appended and its reader let go in turn; the merged
    document is written once, atomically. `progress` hears (PDFs joined, PDFs in all)."""
    import pypdf

    writer = pypdf.PdfWriter()
    try:
        for done, page in enumerate(pages, start=1):
            try:
                writer.append(pypdf.PdfReader(page))
            except (pypdf.errors.PyPdfError, OSError, ValueError) as error:
                raise PdfError(f"{page}: a PDF that cannot be read ({error})") from None
            if progress is not None:
                progress(done, len(pages))
        scratch = target.with_name(f".{target.name}.new")
        with scratch.open("wb") as handle:
            writer.write(handle)
        os.replace(scratch, target)
    finally:
        writer.close()
        target.with_name(f".{target.name}.new").unlink(missing_ok=True)
    return target
