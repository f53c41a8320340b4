"""The generated .docx: real footnotes, Word tables and lists, and prose true to its data."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph

from reportgen.core.collation import collation_key
from reportgen.figures.compute import Figures
from reportgen.ooxml import footnotes as ooxml_footnotes
from reportgen.review.rendition import rendition
from tests.seed import THIRD_MSP_CLOSED, SeedReport


@pytest.fixture(scope="module")
def text(report: Path) -> str:
    return rendition(report)


def _style(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def _num_id(paragraph: Paragraph) -> int | None:
    found = paragraph._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    return int(found[0]) if found else None


def test_three_real_footnotes_list_the_members_of_each_category(
    document: docx.document.Document, seed: SeedReport
) -> None:
    referenced = [int(i) for i in document.element.xpath("//w:footnoteReference/@w:id")]
    notes = ooxml_footnotes.footnote_texts(document)
    assert len(referenced) == 3 == len(notes)
    for note_id, number in zip(referenced, (1, 2, 3), strict=True):
        text = notes[note_id]
        assert text.endswith(".")
        listed = text.removesuffix(".").split(", ")
        assert sorted(listed) == sorted(seed.footnote_states(number))  # the seed's States
        assert listed == sorted(listed, key=collation_key)  # in alphabetical order


def test_footnotes_have_what_word_needs(report: Path) -> None:
    with zipfile.ZipFile(report) as package:
        types = package.read("[Content_Types].xml").decode()
        footnotes = package.read("word/footnotes.xml").decode()
        settings = package.read("word/settings.xml").decode()
        styles = package.read("word/styles.xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert "wordprocessingml.footnotes+xml" in types
    assert "relationships/footnotes" in rels
    assert 'w:type="separator" w:id="-1"' in footnotes
    assert 'w:type="continuationSeparator" w:id="0"' in footnotes
    assert footnotes.count("<w:footnoteRef/>") == 3
    assert re.search(
        r'<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>', settings
    )
    assert 'w:styleId="FootnoteText"' in styles and 'w:styleId="FootnoteReference"' in styles


def test_no_template_tag_survives(report: Path) -> None:
    with zipfile.ZipFile(report) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                xml = package.read(name).decode()
                assert not re.search(r"\{\{|\{%|%\}|\}\}", xml), name


def test_status_table_is_alphabetical_with_seed_dates(
    document: docx.document.Document, seed: SeedReport
) -> None:
    table = document.tables[1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["States", "Signature", "Ratification/Accession"]
    assert rows[1] == ["Total", str(seed.total_signatures), str(seed.total_deposits)]
    body = rows[2:]
    names = [r[0] for r in body]
    assert names == sorted(names, key=collation_key)
    expected = {
        r.data_name: [
            r.signature.strftime("%d.%m.%Y") if r.signature else "",
            r.deposit.strftime("%d.%m.%Y") if r.deposit else "",
        ]
        for r in seed.rows
    }
    assert {r[0]: r[1:] for r in body} == expected


def test_status_table_header_repeats_on_every_page(document: docx.document.Document) -> None:
    header = document.tables[1].rows[0]._tr
    assert header.xpath("./w:trPr/w:tblHeader")


def test_new_states_parties_in_two_columns_period_in_bold(
    document: docx.document.Document, figures: Figures, seed: SeedReport
) -> None:
    table = document.tables[0]
    assert len(table.columns) == 2
    cells = [cell for row in table.rows for cell in row.cells if cell.text]
    assert sorted(c.text for c in cells) == sorted(figures.new_states_parties.states)
    bold = {c.text for c in cells if all(r.bold for r in c.paragraphs[0].runs if r.text)}
    after_3msp = {r.data_name for r in seed.rows if r.deposit and r.deposit > THIRD_MSP_CLOSED}
    assert bold == after_3msp
    # column-major: the first column reads down alphabetically, then the second
    column_order = [row.cells[0].text for row in table.rows] + [
        row.cells[1].text for row in table.rows
    ]
    assert [n for n in column_order if n] == sorted(
        figures.new_states_parties.states, key=collation_key
    )


def test_initiatives_and_recommendations_are_word_lists(document: docx.document.Document) -> None:
    bullets = [p for p in document.paragraphs if _style(p) == "List Bullet"]
    assert any(p.text.startswith("A regional conference took place in Lomé, Togo") for p in bullets)
    italic = [r.text for p in bullets for r in p.runs if r.italic]
    assert italic == ["Handicap International"]
    numbered = [p for p in document.paragraphs if _num_id(p) is not None]
    assert [p.text.split(" ")[0] for p in numbered][:2] == ["the", "further"]
    num_id = {_num_id(p) for p in numbered}
    assert len(num_id) == 1
    numbering = document.part.numbering_part.element
    formats = numbering.xpath(f"//w:num[@w:numId='{num_id.pop()}']/w:abstractNumId/@w:val")
    abstract = numbering.xpath(f"//w:abstractNum[@w:abstractNumId='{formats[0]}']//w:numFmt/@w:val")
    assert abstract == ["lowerRoman"]


def test_letterhead_on_the_first_page_and_page_numbers_on_every_page(
    document: docx.document.Document,
) -> None:
    section = document.sections[0]
    assert [p.text for p in section.first_page_header.paragraphs if p.text] == [
        "MINISTRY OF FOREIGN AFFAIRS",
        "PORTUGUESE REPUBLIC",
    ]
    for footer in (section.footer, section.first_page_footer):
        assert footer._element.xpath(".//w:fldSimple[contains(@w:instr, 'PAGE')]")


def test_built_in_styles_carry_the_structure(document: docx.document.Document) -> None:
    styles = [_style(p) for p in document.paragraphs if p.text]
    assert styles[:2] == ["Title", "Subtitle"]
    headings = [p.text for p in document.paragraphs if _style(p) == "Heading 1"]
    assert headings == [
        "I. Latest figures",
        "II. Action taken jointly by the co-coordinators",
        "III. Regional outreach",
        "IV. Lessons learned",
    ]
    assert [p.text for p in document.paragraphs if _style(p) == "Heading 2"] == [
        "Category I: 23 States",
        "Category II: 31 States",
        "Category III: 21 States",
    ]


def test_none_of_the_seed_contradictions_survive(text: str) -> None:
    # 1. the percentage is said of what it is a share of
    assert "31,7%" not in text
    assert "raising the number of States Parties from 63 to 83, an increase of 31.7%" in text
    assert "they make up 24.1% of all 83 States Parties" in text
    # 2. only the accessions of the period are listed
    assert "acceded to the Convention (Andorra and Trinidad and Tobago)" in text
    # 3. Category I is counted from its list
    assert "Category I: 23 States" in text and "25 States" not in text
    # 4. one spelling per State
    assert "Nigéria" not in text and "Nigeria" in text


def test_figures_in_words_and_digits_agree(text: str) -> None:
    assert "the following twenty (20) States" in text
    assert "twenty-nine (29) of the 108 signatory States, that is 27%" in text
    assert "come down from thirty-six (36) since September 2012" in text
    assert "Eight of them (identified in bold)" in text
    assert "the 2012-2013 intersessional period" in text


def test_document_properties_come_from_the_data(document: docx.document.Document) -> None:
    properties = document.core_properties
    assert properties.author == "Portugal and Ghana"
    assert properties.title == "Universalisation: Convention on Cluster Munitions"
    assert properties.created.date().isoformat() == "2013-09-01"
