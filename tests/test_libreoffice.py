"""The report opens in LibreOffice: converted to PDF, its footnotes are on the page."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from reportgen.figures import Figures

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
# CI sets this: there the test must run, and a missing tool is a failure, not a skip.
REQUIRED = os.environ.get("REPORTGEN_REQUIRE_SOFFICE") == "1"


def test_libreoffice_is_present_where_required() -> None:
    if REQUIRED:
        assert SOFFICE and PDFTOTEXT, "CI installs libreoffice-writer-nogui and poppler-utils"


@pytest.mark.skipif(
    SOFFICE is None, reason="soffice not on PATH (Debian: libreoffice-writer-nogui)"
)
@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext not on PATH (Debian: poppler-utils)")
def test_libreoffice_renders_the_footnotes(report: Path, tmp_path: Path, figures: Figures) -> None:
    assert SOFFICE is not None and PDFTOTEXT is not None
    profile = tmp_path / "profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(report),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.exists()
    text = subprocess.run(
        [PDFTOTEXT, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    for key in ("I", "II", "III"):
        members = figures.category_members[key].states
        # a footnote's first and last members, as LibreOffice lays them out on the page
        assert members[0] in flat and members[-1] + "." in flat
    assert "Category I: 23 States" in flat
    assert "MINISTRY OF FOREIGN AFFAIRS" in flat
