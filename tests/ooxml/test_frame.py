"""ooxml.frame on a small document: which paragraphs are numbered, the title block that gives
way, the first page's block, the headers."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from reportgen.ooxml import frame
from reportgen.ooxml.xml import qn

PAGE = frame.WorkingPaperPage(
    body="Convention on Cluster Munitions",
    symbol="CCM/MSP/2013/WP.2",
    distribution="Distr.: General",
    date="30 August 2013",
    original="Original: English",
    meeting="Fourth Meeting of States Parties",
    place_and_dates="Lusaka, 10\u201313 September 2013",
    item="Item 10 of the provisional agenda",
    item_title="Universalization & <others>",
    title="Universalisation",
    submitted_by="Submitted by Portugal and Ghana",
)


def _document() -> docx.document.Document:
    document = docx.Document()
    document.add_paragraph("Title", style="Title")
    document.add_paragraph("Subtitle", style="Subtitle")
    document.add_paragraph("Report by A and B").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("First paragraph.")
    document.add_paragraph("")  # empty: not numbered
    document.add_heading("I. Heading", 1)
    document.add_paragraph("A bullet", style="List Bullet")
    document.add_paragraph("Second paragraph.")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "In a cell"
    document.add_paragraph("Third paragraph.")
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "LETTERHEAD"
    return document


def _num_id(paragraph) -> str | None:  # type: ignore[no-untyped-def]
    found = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return None if found is None else found.get(qn("w:val"))


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def test_only_the_paragraphs_of_text_are_numbered_in_one_list() -> None:
    document = _document()
    assert frame.frame_as_working_paper(document, PAGE) == 3
    body = document.element.body
    numbered = [p for p in body.iter(qn("w:p")) if _num_id(p) is not None]
    assert [_text(p) for p in numbered] == [
        "First paragraph.",
        "Second paragraph.",
        "Third paragraph.",
    ]
    assert len({_num_id(p) for p in numbered}) == 1
    # the title block gave way; the working paper's block opens the body
    texts = [_text(child) for child in body]
    assert "Title" not in texts and "Subtitle" not in texts and "Report by A and B" not in texts
    assert body[0].tag == qn("w:tbl")
    assert PAGE.symbol in _text(body[0]) and PAGE.original in _text(body[0])
    assert [_text(p) for p in body[1:7]] == [
        PAGE.meeting,
        PAGE.place_and_dates,
        PAGE.item,
        PAGE.item_title,  # escaped in the XML, the same text read back
        PAGE.title,
        PAGE.submitted_by,
    ]


def test_the_letterhead_gives_way_and_the_symbol_heads_the_other_pages() -> None:
    document = _document()
    frame.frame_as_working_paper(document, PAGE)
    saved = io.BytesIO()
    document.save(saved)
    reopened = docx.Document(saved)
    section = reopened.sections[0]
    assert [p.text for p in section.first_page_header.paragraphs] == [""]
    assert [p.text for p in section.header.paragraphs] == [PAGE.symbol]


def test_a_document_without_a_title_block_keeps_its_first_paragraph() -> None:
    document = docx.Document()
    document.add_paragraph("Centred, but no title above it.").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Text.")
    frame.frame_as_working_paper(document, PAGE)
    texts = [_text(p) for p in document.element.body.iter(qn("w:p"))]
    assert "Centred, but no title above it." in texts


def test_the_first_page_loses_its_page_number_and_the_others_keep_it() -> None:
    document = _document()
    section = document.sections[0]
    section.first_page_footer.paragraphs[0].text = "Page 1"
    section.footer.paragraphs[0].text = "Page n"
    frame.frame_as_working_paper(document, PAGE)
    assert [p.text for p in section.first_page_footer.paragraphs] == [""]
    assert [p.text for p in section.footer.paragraphs] == ["Page n"]


def test_a_document_without_a_first_page_of_its_own_is_given_an_empty_one() -> None:
    document = docx.Document()
    document.add_paragraph("First paragraph.")
    section = document.sections[0]
    section.footer.paragraphs[0].text = "Page n"
    assert not section.different_first_page_header_footer
    frame.frame_as_working_paper(document, PAGE)
    saved = io.BytesIO()
    document.save(saved)
    section = docx.Document(saved).sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_footer.is_linked_to_previous
    assert not section.first_page_header.is_linked_to_previous
    assert [p.text for p in section.first_page_footer.paragraphs] == [""]
    assert [p.text for p in section.first_page_header.paragraphs] == [""]
    assert [p.text for p in section.footer.paragraphs] == ["Page n"]
