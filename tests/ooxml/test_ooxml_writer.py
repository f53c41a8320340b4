"""reportgen.ooxml.writer: a zip package whose bytes depend on its content only."""

from __future__ import annotations

import io
import zipfile

import docx

from reportgen.ooxml.writer import normalise_package, package_bytes, write_entry


def _entries(data: bytes) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.infolist()


def test_the_same_document_gives_the_same_bytes_with_content_types_first() -> None:
    document = docx.Document()
    document.add_paragraph("Same text.")
    first = package_bytes(document)
    assert package_bytes(document) == first
    entries = _entries(first)
    assert entries[0].filename == "[Content_Types].xml"
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}
    assert docx.Document(io.BytesIO(first)).paragraphs[-1].text == "Same text."


def test_compressed_media_is_stored_and_xml_deflated() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        write_entry(target, "word/media/image1.PNG", b"\x89PNG")
        write_entry(target, "word/embeddings/book.xlsx", b"PK")
        write_entry(target, "word/document.xml", b"<w/>")
    methods = [(e.filename, e.compress_type) for e in _entries(out.getvalue())]
    assert methods == [
        ("word/media/image1.PNG", zipfile.ZIP_STORED),
        ("word/embeddings/book.xlsx", zipfile.ZIP_STORED),
        ("word/document.xml", zipfile.ZIP_DEFLATED),
    ]
    assert {e.external_attr >> 16 for e in _entries(out.getvalue())} == {0o644}


def test_normalising_keeps_the_order_and_content_and_drops_the_times() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as source:
        source.writestr(zipfile.ZipInfo("b.xml", (2024, 5, 6, 7, 8, 10)), b"<b/>")
        source.writestr(zipfile.ZipInfo("a.xml", (2025, 1, 2, 3, 4, 6)), b"<a/>")
    normal = normalise_package(out.getvalue())
    assert normalise_package(normal) == normal
    entries = _entries(normal)
    assert [e.filename for e in entries] == ["b.xml", "a.xml"]
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}
    with zipfile.ZipFile(io.BytesIO(normal)) as package:
        assert package.read("a.xml") == b"<a/>"
