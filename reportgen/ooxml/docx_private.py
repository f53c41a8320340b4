"""python-docx's private attributes, in one place: what reportgen needs that its API lacks.

python-docx keeps a part it has no class for (footnotes, a chart, an embedded workbook) as
bytes without a setter, writes a package only with the time of writing, and gives the
element behind a paragraph, run, row, cell or table only as a private attribute. Every use
of those private attributes is here, so that a new python-docx has one module to check.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import PackageWriter
from docx.opc.rel import Relationships, _Relationship
from docx.oxml.table import CT_Row, CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def set_reltype(relationship: _Relationship, reltype: str) -> None:
    """Give a relationship another type (python-docx's are read-only)."""
    relationship._reltype = reltype


def replace_blob(part: Part, data: bytes) -> None:
    """Give a part python-docx keeps as bytes (footnotes, a chart, a workbook) new content."""
    part._blob = data


def replace_xml(part: Part, xml: str) -> None:
    """Give a part python-docx keeps as bytes new XML, given as text."""
    part._blob = xml.encode("utf-8")


class ZipWriter(Protocol):
    """What python-docx's package writer writes to: a part's bytes under its name."""

    def write(self, uri: PackURI, blob: bytes) -> None: ...


def write_package(writer: ZipWriter, package_rels: Relationships, parts: Sequence[Part]) -> None:
    """Write a package's parts through `writer`, as python-docx's PackageWriter.write does:
    [Content_Types].xml first, then the package's relationships, then each part and its
    relationships (PackageWriter.write's three steps, given any object with write())."""
    PackageWriter._write_content_types_stream(writer, parts)  # type: ignore[no-untyped-call]
    PackageWriter._write_pkg_rels(writer, package_rels)  # type: ignore[no-untyped-call]
    PackageWriter._write_parts(writer, parts)  # type: ignore[arg-type]


def paragraph_element(paragraph: Paragraph) -> CT_P:
    """The `w:p` element behind a paragraph."""
    return paragraph._p


def run_element(run: Run) -> CT_R:
    """The `w:r` element behind a run."""
    return run._r


def row_element(row: _Row) -> CT_Row:
    """The `w:tr` element behind a table row."""
    return row._tr


def cell_element(cell: _Cell) -> CT_Tc:
    """The `w:tc` element behind a table cell."""
    return cell._tc


def table_element(table: Table) -> CT_Tbl:
    """The `w:tbl` element behind a table."""
    return table._tbl
