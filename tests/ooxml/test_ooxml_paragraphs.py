"""reportgen.ooxml.paragraphs: a template's `w:p`s as its editors see them."""

from __future__ import annotations

import io
import zipfile

import pytest

from reportgen.ooxml.paragraphs import Comment, UnreadablePackage, read_paragraphs
from reportgen.ooxml.xml import NS, W_NS

_RT = NS["r"]


def word_package(body: str, **parts: str) -> bytes:
    """A .docx whose body holds `body`; each of `parts` (comments=..., styles=...) is a part
    word/NAME.xml related from the body. `body` and the parts use the w: prefix."""
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_RT}/{name}" Target="{name}.xml"/>'
        for i, name in enumerate(parts, start=1)
    )
    members = {
        "[Content_Types].xml": f'<Types xmlns="{NS["ct"]}"/>',
        "_rels/.rels": (
            f'<Relationships xmlns="{NS["pr"]}"><Relationship Id="rId1" '
            f'Type="{_RT}/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{_RT}" xmlns:mc="{NS["mc"]}">'
            f"<w:body>{body}</w:body></w:document>"
        ),
        "word/_rels/document.xml.rels": f'<Relationships xmlns="{NS["pr"]}">{rels}</Relationships>',
        **{f"word/{name}.xml": xml for name, xml in parts.items()},
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, xml in members.items():
            package.writestr(name, xml)
    return out.getvalue()


def _comments(*comments: tuple[str, str, str]) -> str:
    return (
        f'<w:comments xmlns:w="{W_NS}">'
        + "".join(
            f'<w:comment w:id="{i}" w:author="{author}" w:date="{date}"><w:p><w:r><w:t>{text}'
            "</w:t></w:r></w:p></w:comment>"
            for i, author, date, text in [(str(n), *c) for n, c in enumerate(comments)]
        )
        + "</w:comments>"
    )


def test_paragraphs_are_numbered_with_their_table_row_and_cell() -> None:
    body = (
        "<w:p><w:r><w:t>Before</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>B1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    document = read_paragraphs(word_package(body))
    found = [(p.part, p.number, p.text, p.table, p.row, p.cell) for p in document.paragraphs]
    assert found == [
        ("body", 1, "Before", None, None, None),
        ("body", 2, "A1", 1, 1, 1),
        ("body", 3, "B1", 1, 1, 2),
    ]


def test_inserted_text_shows_deleted_text_does_not_and_both_are_revisions() -> None:
    body = (
        '<w:p><w:ins w:author="Ana" w:date="2024-01-01T00:00:00Z"><w:r><w:t>new</w:t></w:r>'
        '</w:ins><w:del w:author="Bo"><w:r><w:delText>old</w:delText></w:r></w:del></w:p>'
    )
    (paragraph,) = read_paragraphs(word_package(body)).paragraphs
    assert paragraph.text == "new"
    kinds = [(r.kind, r.author, r.text) for r in paragraph.revisions]
    assert kinds == [("insertion", "Ana", "new"), ("deletion", "Bo", "old")]


def test_a_comment_is_anchored_where_its_range_starts_or_left_unanchored() -> None:
    body = (
        '<w:p><w:r><w:t>one</w:t></w:r></w:p><w:p><w:commentRangeStart w:id="0"/>'
        '<w:r><w:t>two</w:t></w:r><w:commentRangeEnd w:id="0"/></w:p>'
    )
    comments = _comments(("Ana", "2024", "Check this"), ("Bo", "2025", "Nowhere"))
    document = read_paragraphs(word_package(body, comments=comments))
    assert [p.comments for p in document.paragraphs] == [
        (),
        (Comment("Ana", "2024", "Check this"),),
    ]
    assert document.unanchored == (Comment("Bo", "2025", "Nowhere"),)


def test_a_text_box_is_counted_once_and_fields_and_boundaries_are_kept() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent>"
    body = (
        f"<w:p><mc:AlternateContent><mc:Choice>{box}</mc:Choice>"
        f"<mc:Fallback>{box}</mc:Fallback></mc:AlternateContent>"
        "<w:r><w:t>{{ a </w:t></w:r><w:hyperlink><w:r><w:t>}}</w:t></w:r></w:hyperlink>"
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
    )
    paragraphs = read_paragraphs(word_package(body)).paragraphs
    assert [p.text for p in paragraphs] == ["{{ a }}1", "boxed"]
    assert paragraphs[0].boundaries == (5, 7)  # a tag cannot cross into the hyperlink
    assert paragraphs[0].fields == (" PAGE ",)


def test_a_part_that_is_not_xml_is_unreadable_and_named() -> None:
    with pytest.raises(UnreadablePackage, match=r"word/document\.xml"):
        read_paragraphs(word_package("<w:p>"))
