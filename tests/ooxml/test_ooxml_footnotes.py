"""reportgen.ooxml.footnotes: the `w:footnotes` part a build writes into a document."""

from __future__ import annotations

import docx
from docx.document import Document
from lxml import etree

from reportgen.ooxml import docx_private
from reportgen.ooxml.footnotes import (
    add_footnotes,
    enable_footnotes,
    footnote_reference,
    footnote_texts,
    footnotes_xml,
    next_footnote_id,
    replace_footnotes_xml,
)
from reportgen.ooxml.xml import W_NS, parse, qn


def _refer(document: Document, *note_ids: int) -> None:
    """A paragraph whose runs refer to each of `note_ids`, as a rendered body does."""
    paragraph = docx_private.paragraph_element(document.add_paragraph("Text"))
    for note_id in note_ids:
        run = parse(f'<w:p xmlns:w="{W_NS}">{footnote_reference(note_id)}</w:p>')[0]
        paragraph.append(run)


def _notes(document: Document) -> etree._Element:
    ((_, xml),) = list(footnotes_xml(document))
    return parse(xml.encode("utf-8"))


def test_enabling_footnotes_twice_gives_one_part_one_setting_and_two_styles() -> None:
    document = docx.Document()
    enable_footnotes(document)
    enable_footnotes(document)
    assert len(list(footnotes_xml(document))) == 1
    settings = document.settings.element
    assert len(settings.findall(qn("w:footnotePr"))) == 1
    ids = [s.get(qn("w:styleId")) for s in document.styles.element.findall(qn("w:style"))]
    assert ids.count("FootnoteText") == 1 and ids.count("FootnoteReference") == 1
    separators = [n.get(qn("w:id")) for n in _notes(document)]
    assert separators == ["-1", "0"]


def test_footnote_properties_come_before_what_the_schema_puts_after_them() -> None:
    document = docx.Document()
    enable_footnotes(document)
    names = [etree.QName(e).localname for e in document.settings.element]
    assert names.index("footnotePr") < names.index("compat")
    assert names.index("footnotePr") < names.index("rsids")


def test_ids_follow_the_notes_the_document_holds() -> None:
    document = docx.Document()
    assert next_footnote_id(document) == 1  # no footnotes part yet
    enable_footnotes(document)
    assert next_footnote_id(document) == 1  # the separators -1 and 0 only
    _refer(document, 1, 2)
    assert add_footnotes(document, {1: "First.", 2: "Second."}) == [1, 2]
    assert next_footnote_id(document) == 3


def test_only_the_notes_the_body_refers_to_are_written_in_its_order() -> None:
    document = docx.Document()
    _refer(document, 3, 1)
    added = add_footnotes(document, {1: "One.", 2: "Never referred to.", 3: "Three."})
    assert added == [3, 1]
    assert footnote_texts(document) == {3: "Three.", 1: "One."}
    ids = [n.get(qn("w:id")) for n in _notes(document)]
    assert ids == ["-1", "0", "3", "1"]


def test_a_note_keeps_markup_characters_as_text() -> None:
    document = docx.Document()
    _refer(document, 1)
    add_footnotes(document, {1: 'A <b> & "c"'})
    assert footnote_texts(document) == {1: 'A <b> & "c"'}
    note = _notes(document)[-1]
    assert note.find(f".//{qn('w:footnoteRef')}") is not None  # the number Word shows
    assert note.find(f".//{qn('w:pStyle')}").get(qn("w:val")) == "FootnoteText"


def test_rendered_xml_stored_in_the_footnotes_part_is_what_is_read_next() -> None:
    document = docx.Document()
    enable_footnotes(document)
    ((part, xml),) = footnotes_xml(document)
    note = '<w:footnote w:id="7"><w:p><w:r><w:t>Seven.</w:t></w:r></w:p></w:footnote>'
    replace_footnotes_xml(part, xml.replace("</w:footnotes>", note + "</w:footnotes>"))
    assert footnote_texts(document) == {7: "Seven."}
    assert next_footnote_id(document) == 8
