"""reportgen.ooxml.package: the package's indexes ([Content_Types].xml, relationships)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.ooxml.package import NotADocx, content_types, read_docx, relationships
from reportgen.ooxml.xml import NS, MalformedXML


def test_content_types_by_lower_case_extension_and_by_part_without_its_slash() -> None:
    xml = (
        f'<Types xmlns="{NS["ct"]}"><Default Extension="XML" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="main+xml"/></Types>'
    ).encode()
    assert content_types(xml) == ({"xml": "application/xml"}, {"word/document.xml": "main+xml"})


def test_relationships_say_which_are_external() -> None:
    xml = (
        f'<Relationships xmlns="{NS["pr"]}">'
        '<Relationship Id="rId1" Type="t/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="t/hyperlink" Target="https://x" TargetMode="External"/>'
        "<Relationship/></Relationships>"
    ).encode()
    assert relationships(xml) == [
        ("t/officeDocument", "word/document.xml", False),
        ("t/hyperlink", "https://x", True),
        ("", "", False),
    ]


def test_an_index_that_is_not_xml_or_nests_past_libxml2s_cap_is_malformed() -> None:
    with pytest.raises(MalformedXML, match="not well-formed XML"):
        relationships(b"<Relationships")
    deep = b"<Types>" + b"<a>" * 300 + b"</a>" * 300 + b"</Types>"
    with pytest.raises(MalformedXML):
        content_types(deep)


def test_read_docx_gives_a_documents_bytes_and_refuses_anything_else(
    report: Path, tmp_path: Path
) -> None:
    assert read_docx(report) == report.read_bytes()
    text = tmp_path / "notes.txt"
    text.write_text("not a document")
    with pytest.raises(NotADocx, match="not a zip package"):
        read_docx(text)
