"""reportgen.ooxml.docx_private: python-docx's private attributes, checked against python-docx."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.packuri import PackURI

from reportgen.ooxml import docx_private
from reportgen.ooxml.xml import qn


def test_the_elements_behind_python_docx_objects_are_theirs() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run("x")
    table = document.add_table(rows=1, cols=1)
    assert docx_private.paragraph_element(paragraph).tag == qn("w:p")
    assert docx_private.run_element(run).tag == qn("w:r")
    assert docx_private.table_element(table).tag == qn("w:tbl")
    assert docx_private.row_element(table.rows[0]).tag == qn("w:tr")
    assert docx_private.cell_element(table.cell(0, 0)).tag == qn("w:tc")
    assert docx_private.run_element(run).getparent() is docx_private.paragraph_element(paragraph)


def test_new_content_given_to_a_part_is_what_python_docx_writes() -> None:
    document = docx.Document()
    part = next(p for p in document.part.package.iter_parts() if not hasattr(p, "element"))
    docx_private.replace_blob(part, b"new bytes")
    assert part.blob == b"new bytes"
    docx_private.replace_xml(part, "<é/>")
    assert part.blob == "<é/>".encode()


def test_the_package_is_written_content_types_first_then_its_relationships() -> None:
    document = docx.Document()
    written: list[str] = []

    class Writer:
        def write(self, uri: PackURI, blob: bytes) -> None:
            written.append(uri.membername)

    parts = list(document.part.package.iter_parts())
    docx_private.write_package(Writer(), document.part.package.rels, parts)
    assert written[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert set(written) >= {p.partname.membername for p in parts}
    saved = io.BytesIO()
    document.save(saved)
    assert set(written) == set(zipfile.ZipFile(saved).namelist())  # what python-docx saves
