"""The PDF: LibreOffice converts the built report, in parallel, and says what is missing.

Tests that need LibreOffice are skipped, with the reason, where it is not installed; CI sets
REPORTGEN_REQUIRE_SOFFICE=1, and there a missing soffice or pdftotext fails them instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reportgen.figures.compute import Figures
from reportgen.review.pdf import (
    SOFFICE_PACKAGE,
    PdfError,
    SofficeNotFoundError,
    convert_all_to_pdf,
    convert_to_pdf,
    find_soffice,
)

REQUIRED = os.environ.get("REPORTGEN_REQUIRE_SOFFICE") == "1"


def _tool(names: tuple[str, ...], package: str) -> str:
    """The tool's path; a skip, or under REPORTGEN_REQUIRE_SOFFICE=1 a failure, without it."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    reason = f"{names[0]} not on PATH (Debian: {package})"
    if REQUIRED:
        pytest.fail(f"{reason}, and REPORTGEN_REQUIRE_SOFFICE=1 requires it")
    pytest.skip(reason)


@pytest.fixture
def soffice() -> str:
    return _tool(("soffice", "libreoffice"), SOFFICE_PACKAGE)


@pytest.fixture
def pdftotext() -> str:
    return _tool(("pdftotext",), "poppler-utils")


def _text(pdftotext: str, pdf: Path, *options: str) -> str:
    return subprocess.run(
        [pdftotext, *options, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


# --- With LibreOffice ----------------------------------------------------------------------


@pytest.mark.usefixtures("soffice")
def test_the_pdf_beside_the_report_holds_its_footnotes_and_the_status_total(
    report: Path, figures: Figures, pdftotext: str, tmp_path: Path
) -> None:
    docx = tmp_path / "report.docx"
    shutil.copyfile(report, docx)
    (tmp_path / "report.pdf").write_bytes(b"the last PDF")
    pdf = convert_to_pdf(docx)
    assert pdf == tmp_path / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx", "report.pdf"]
    flat = " ".join(_text(pdftotext, pdf).split())
    for key, members in figures.category_members.items():
        # each category's footnote lists its members in one sentence
        assert ", ".join(members.states) + "." in flat, f"the footnote of Category {key}"
    total = rf"Total\s+{figures.signatories.count}\s+{figures.states_parties.count}\n"
    assert re.search(total, _text(pdftotext, pdf, "-layout")), "the status table's total"


@pytest.mark.usefixtures("soffice")
def test_two_conversions_run_at_once(report: Path, pdftotext: str, tmp_path: Path) -> None:
    def convert(name: str) -> tuple[float, float, Path]:
        started = time.monotonic()
        pdf = convert_to_pdf(report, tmp_path / name)
        return started, time.monotonic(), pdf

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(convert, ["one.pdf", "two.pdf"]))
    (start_1, end_1, one), (start_2, end_2, two) = runs
    assert max(start_1, start_2) < min(end_1, end_2), "the conversions did not overlap"
    assert _text(pdftotext, one) == _text(pdftotext, two)
    assert "MINISTRY OF FOREIGN AFFAIRS" in _text(pdftotext, one)


# --- Without LibreOffice: a missing, failing or hanging soffice ---------------------------


def test_a_missing_soffice_is_named_with_its_debian_package(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(SofficeNotFoundError, match=SOFFICE_PACKAGE):
        convert_to_pdf(report, tmp_path / "report.pdf")
    assert not (tmp_path / "report.pdf").exists()


def _fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """Put a shell script named soffice first on PATH."""
    folder = tmp_path / "fake-bin"
    folder.mkdir()
    fake = folder / "soffice"
    fake.write_text("#!/bin/sh\n" + script)
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")


def test_a_failing_soffice_leaves_the_last_pdf_as_it_was(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(
        tmp_path, monkeypatch, "echo 'Error: source file could not be loaded' >&2\nexit 1\n"
    )
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the last PDF")
    with pytest.raises(PdfError, match=r"exit status 1.*could not be loaded"):
        convert_to_pdf(report, target)
    assert target.read_bytes() == b"the last PDF"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fake-bin", "report.pdf"]


def test_an_soffice_that_writes_nothing_is_an_error(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, monkeypatch, "exit 0\n")
    with pytest.raises(PdfError, match="wrote no PDF"):
        convert_to_pdf(report, tmp_path / "report.pdf")
    assert not (tmp_path / "report.pdf").exists()


def test_a_hanging_soffice_is_stopped_with_everything_it_started(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # like soffice, which starts soffice.bin: the child must not outlive the timeout
    child = tmp_path / "child.pid"
    _fake_soffice(tmp_path, monkeypatch, f"sleep 60 &\necho $! > {child}\nwait\n")
    started = time.monotonic()
    with pytest.raises(PdfError, match="did not finish within 1 seconds"):
        convert_to_pdf(report, tmp_path / "report.pdf", timeout=1)
    assert time.monotonic() - started < 30
    pid = int(child.read_text())
    status = Path(f"/proc/{pid}/stat")
    # gone, or a zombie waiting for a container's init to reap it
    assert not status.exists() or status.read_text().split()[2] in ("Z", "X")


# --- Several documents, one start of LibreOffice ---------------------------------------------


def test_several_documents_are_converted_by_one_start_of_libreoffice(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fake soffice that records each start and writes each PDF LibreOffice would write.
    starts = tmp_path / "starts"
    _fake_soffice(
        tmp_path,
        monkeypatch,
        f'echo "$@" >> "{starts}"\n'
        'out=""; prev=""\n'
        'for a in "$@"; do [ "$prev" = --outdir ] && out="$a"; prev="$a"; done\n'
        'mkdir -p "$out"\n'
        'for a in "$@"; do case "$a" in *.docx) n=$(basename "$a" .docx);'
        ' cp "$a" "$out/$n.pdf";; esac; done\n',
    )
    folder = tmp_path / "dossier é"
    folder.mkdir()
    documents = []
    for name in ("report.docx", "report.fr.docx", "report.es.docx"):
        document = folder / name
        document.write_bytes(report.read_bytes() + name.encode())  # three different files
        documents.append(document)
    pdfs = convert_all_to_pdf(documents)
    assert pdfs == [folder / "report.pdf", folder / "report.fr.pdf", folder / "report.es.pdf"]
    assert len(starts.read_text().splitlines()) == 1
    for document, pdf in zip(documents, pdfs, strict=True):
        assert pdf.read_bytes() == document.read_bytes()  # each PDF is made of its own file


def test_when_one_pdf_is_missing_no_pdf_is_replaced(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # LibreOffice converts the first document only
    _fake_soffice(
        tmp_path,
        monkeypatch,
        'out=""; prev=""; first=""\n'
        'for a in "$@"; do [ "$prev" = --outdir ] && out="$a"; prev="$a"; done\n'
        'mkdir -p "$out"\n'
        'for a in "$@"; do case "$a" in *.docx) [ -z "$first" ] && first="$a";; esac; done\n'
        'mkdir -p "$out"; cp "$first" "$out/$(basename "$first" .docx).pdf"\n',
    )
    one, two = tmp_path / "one.docx", tmp_path / "two.docx"
    shutil.copyfile(report, one)
    shutil.copyfile(report, two)
    one.with_suffix(".pdf").write_bytes(b"the last PDF")
    with pytest.raises(PdfError, match=r"wrote no PDF for .*two\.docx"):
        convert_all_to_pdf([one, two])
    assert one.with_suffix(".pdf").read_bytes() == b"the last PDF"
    assert not two.with_suffix(".pdf").exists()


@pytest.mark.usefixtures("soffice")
def test_three_reports_in_one_start_each_give_their_own_pdf(
    report: Path, pdftotext: str, tmp_path: Path
) -> None:
    from reportgen.app import build
    from tests.conftest import DATA, template_of

    built = [
        build(DATA, template_of(lang), tmp_path / f"{lang}.docx", lang=lang).output
        for lang in ("en", "fr", "es")
    ]
    pdfs = convert_all_to_pdf(built)
    texts = [" ".join(_text(pdftotext, pdf).split()) for pdf in pdfs]
    assert "Latest figures" in texts[0]
    assert "Latest figures" not in texts[1] and "Latest figures" not in texts[2]
    assert len(set(texts)) == 3


def test_libreoffice_is_found_where_its_installer_puts_it_when_not_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows' and macOS' installers do not put soffice on PATH
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    installed = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    installed.parent.mkdir(parents=True)
    installed.write_bytes(b"")
    assert find_soffice((str(tmp_path / "nowhere" / "soffice"), str(installed))) == str(installed)
    with pytest.raises(SofficeNotFoundError, match=r"libreoffice\.org"):
        find_soffice((str(tmp_path / "nowhere" / "soffice"),))
