"""reportgen.ooxml.cleaning: what only a template's editors should see, taken out of a report."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document
from lxml import etree

from reportgen.ooxml import docx_private
from reportgen.ooxml.cleaning import (
    drop_comments,
    pair_bookmarks,
    standardise_core_properties,
    stop_tracking_changes,
)
from reportgen.ooxml.writer import package_bytes
from reportgen.ooxml.xml import W_NS, parse, qn


def _paragraph(document: Document, inner: str) -> None:
    element = docx_private.paragraph_element(document.add_paragraph())
    for child in parse(f'<w:p xmlns:w="{W_NS}">{inner}</w:p>'):
        element.append(child)


def test_comment_anchors_go_and_a_run_left_empty_goes_with_them() -> None:
    document = docx.Document()
    _paragraph(
        document,
        '<w:commentRangeStart w:id="1"/><w:r><w:t>kept</w:t></w:r><w:commentRangeEnd w:id="1"/>'
        '<w:r><w:rPr><w:b/></w:rPr><w:commentReference w:id="1"/></w:r>',
    )
    assert drop_comments(document) == 3
    body = document.element.body
    assert not list(body.iter(qn("w:commentReference"), qn("w:commentRangeStart")))
    assert [r.xpath("string(.)") for r in body.iter(qn("w:r"))] == ["kept"]
    assert drop_comments(document) == 0


def test_bookmarks_are_kept_only_in_whole_pairs_once_each() -> None:
    document = docx.Document()
    _paragraph(
        document,
        '<w:bookmarkStart w:id="1" w:name="a"/><w:bookmarkEnd w:id="1"/>'
        '<w:bookmarkStart w:id="1" w:name="a"/><w:bookmarkEnd w:id="1"/>'  # a loop's repeat
        '<w:bookmarkStart w:id="2" w:name="b"/><w:bookmarkEnd w:id="3"/>',
    )
    assert pair_bookmarks(document) == 4
    body = document.element.body
    found = body.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))
    markers = [(etree.QName(m).localname, m.get(qn("w:id"))) for m in found]
    assert markers == [("bookmarkStart", "1"), ("bookmarkEnd", "1")]


def test_track_changes_and_a_protection_that_forces_it_are_lifted() -> None:
    document = docx.Document()
    settings = document.settings.element
    for xml in (
        f'<w:trackRevisions xmlns:w="{W_NS}"/>',
        f'<w:documentProtection xmlns:w="{W_NS}" w:edit="trackedChanges"/>',
        f'<w:documentProtection xmlns:w="{W_NS}" w:edit="readOnly"/>',
    ):
        settings.insert(0, parse(xml))
    stop_tracking_changes(document)
    assert settings.find(qn("w:trackRevisions")) is None
    assert [p.get(qn("w:edit")) for p in settings.findall(qn("w:documentProtection"))] == [
        "readOnly"
    ]


def _saved_as_libreoffice_types_core_properties() -> bytes:
    """A .docx whose package relationship to docProps/core.xml has the type LibreOffice 7.4's
    "Word 2007-365" filter writes (officeDocument namespace, not the package one)."""
    out = io.BytesIO()
    docx.Document().save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    rels = source.read("_rels/.rels").replace(
        b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        b"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties",
    )
    assert b"officedocument/2006/relationships/metadata/core-properties" in rels
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w") as target:
        for name in source.namelist():
            target.writestr(name, rels if name == "_rels/.rels" else source.read(name))
    return result.getvalue()


def test_core_properties_under_libreoffices_type_are_the_ones_set_and_written_once() -> None:
    document = docx.Document(io.BytesIO(_saved_as_libreoffice_types_core_properties()))
    standardise_core_properties(document)
    document.core_properties.title = "Report by Portugal and Ghana"
    written = zipfile.ZipFile(io.BytesIO(package_bytes(document)))
    names = written.namelist()
    assert names.count("docProps/core.xml") == 1
    assert b"Report by Portugal and Ghana" in written.read("docProps/core.xml")
