"""Every kind of Word document reportgen writes passes an Office schema validator.

Word itself is not available to the tests; the closest check is openxml-audit, a pure
Python port of the Open XML SDK's validator (the test extra installs it). It checks each
part against the ECMA-376 schemas as Office reads them, and the package's relationships
and content types. Checked here: the report in every language, the shipped templates, and
redlines both ways (a redline one way holds inserted rows, the other way deleted ones).

Not checked: a report opened and saved again by LibreOffice. reportgen never writes one,
and LibreOffice's own .docx export has findings of its own (LibreOffice 7.4 writes
`<w:cantSplit w:val="true"/>`, which the Office 2010+ schema's ST_OnOffOnly ("on", "off")
refuses: 116 findings for the 4th MSP report).
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reportgen.app import build
from reportgen.core.languages import LANGUAGES
from reportgen.ooxml.revisions import complete_row_properties
from reportgen.review.redline import redline_bytes
from tests.conftest import DATA, TEMPLATES, template_of
from tests.review.test_redline_layout import reflowed

audit = pytest.importorskip("openxml_audit", reason="the test extra (openxml-audit) is missing")

__all__ = ["reflowed"]  # a fixture of the redline's tests, used here too


def findings(document: Path | bytes) -> list[str]:
    """openxml-audit's findings on a .docx, one line each ([] when it is valid)."""
    with tempfile.TemporaryDirectory() as folder:
        if isinstance(document, bytes):
            written = Path(folder) / "document.docx"
            written.write_bytes(document)
            document = written
        result = audit.OpenXmlValidator(max_errors=0).validate(str(document))
    return [str(error) for error in result.errors]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_the_report_in_every_language_is_valid(lang: str, tmp_path: Path) -> None:
    output = tmp_path / f"report.{lang}.docx"
    build(DATA, template_of(lang), output, lang=lang)
    assert findings(output) == []


# The templates users edit in Word ship with the project: they must open in Word as they
# are. The frozen copy holds every shipped template (tests/fixtures/4msp/README.md); the
# user's templates/, edited in Word for this year's report, are not the tests' to judge.
@pytest.mark.parametrize(
    "template",
    sorted(TEMPLATES.glob("*.docx")),
    ids=lambda path: f"{path.parent.parent.name}/{path.parent.name}/{path.name}",
)
def test_the_templates_are_valid(template: Path) -> None:
    assert findings(template) == []


def test_a_redline_is_valid_both_ways(reflowed: tuple[Path, Path, bytes]) -> None:
    old, new, changes = reflowed
    assert findings(changes) == []
    assert findings(redline_bytes(new, old)) == []  # rows deleted where the other inserted


_ROW_MARKED_ALONE = (
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
    '<w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>'
    '<w:tr><w:trPr><w:{mark} w:id="9001" w:author="a" w:date="2013-09-01T00:00:00Z"/></w:trPr>'
    "<w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/>"
)


def _with_document(docx: bytes, change: Callable[[bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            target.writestr(info, change(body) if info.filename == "word/document.xml" else body)
    return out.getvalue()


@pytest.mark.parametrize("mark", ["ins", "del"])
def test_a_row_marked_alone_is_what_the_validator_refuses_and_reportgen_completes(
    mark: str, report: Path
) -> None:
    # what the comparison engine writes: a row whose properties hold only its mark
    row = _ROW_MARKED_ALONE.format(mark=mark).encode()
    document = _with_document(
        report.read_bytes(), lambda xml: xml.replace(b"<w:body>", b"<w:body>" + row, 1)
    )
    (finding,) = findings(document)
    assert "/tbl[1]/tr[1]/trPr[1]: Required sequence content is missing" in finding
    assert findings(_with_document(document, complete_row_properties)) == []
