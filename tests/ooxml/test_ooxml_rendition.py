"""reportgen.ooxml.rendition: fields, changes, comments and style numbering made visible."""

from __future__ import annotations

import io
import zipfile

from reportgen.ooxml.rendition import (
    declare_prefixes,
    readable_package,
    style_names,
    text_language,
)
from reportgen.ooxml.xml import W_NS, parse, qn
from tests.ooxml.test_ooxml_paragraphs import word_package


def _body_text(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = parse(package.read("word/document.xml"))
    return ["".join(p.itertext()) for p in body.iter(qn("w:p"))]


def _styles(inner: str) -> str:
    return f'<w:styles xmlns:w="{W_NS}">{inner}</w:styles>'


def test_fields_show_their_instruction_not_their_cached_result() -> None:
    body = (
        '<w:p><w:fldSimple w:instr=" SEQ Figure \\* ARABIC "><w:r><w:t>3</w:t></w:r>'
        '</w:fldSimple></w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
        '</w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    assert _body_text(readable_package(word_package(body))) == ["{SEQ Figure}", "{PAGE}"]


def test_changes_and_comments_show_with_their_author() -> None:
    body = (
        '<w:p><w:ins w:author="Ana"><w:r><w:t>new</w:t></w:r></w:ins>'
        '<w:del w:author="Bo"><w:r><w:delText>old</w:delText></w:r></w:del>'
        '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    comments = (
        f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="0" w:author="Cy"><w:p><w:r>'
        "<w:t>why?</w:t></w:r></w:p></w:comment></w:comments>"
    )
    text = _body_text(readable_package(word_package(body, comments=comments)))
    assert text == ["[inserted by Ana: new][deleted by Bo: old] [comment by Cy: why?]"]


def test_a_package_with_nothing_to_show_is_returned_as_it_is() -> None:
    data = word_package("<w:p><w:r><w:t>plain</w:t></w:r></w:p>")
    assert readable_package(data) == data


def test_a_style_gives_its_numbering_to_its_paragraphs_and_num_id_0_numbers_nothing() -> None:
    styles = _styles(
        '<w:style w:styleId="List"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr>'
        '</w:style><w:style w:styleId="List2"><w:basedOn w:val="List"/></w:style>'
    )
    body = (
        '<w:p><w:pPr><w:pStyle w:val="List2"/></w:pPr></w:p>'
        '<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:p>'
    )
    with zipfile.ZipFile(io.BytesIO(readable_package(word_package(body, styles=styles)))) as z:
        paragraphs = list(parse(z.read("word/document.xml")).iter(qn("w:p")))
    inherited = paragraphs[0].find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    assert [(e.tag, e.get(qn("w:val"))) for e in inherited] == [
        (qn("w:ilvl"), "0"),
        (qn("w:numId"), "4"),
    ]
    assert paragraphs[1].find(f"{qn('w:pPr')}/{qn('w:numPr')}") is None


def test_styles_are_named_as_word_shows_them_and_the_language_is_read() -> None:
    styles = _styles(
        '<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault>'
        '</w:docDefaults><w:style w:styleId="Caption1"><w:name w:val="caption"/></w:style>'
        '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    )
    data = word_package("<w:p/>", styles=styles)
    assert style_names(data) == {"Caption1": "Caption", "Heading1": "Heading1"}
    assert text_language({"word/styles.xml": styles.encode()}) == "fr-FR"
    assert text_language({"word/document.xml": _document("<w:p/>")}) is None


def _document(body: str) -> bytes:
    return f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'.encode()


def test_the_language_is_the_normal_styles_then_the_defaults_then_the_runs() -> None:
    # Issue 21, 9: a template whose defaults name no language was taken for any language.
    normal = _styles(
        '<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault>'
        '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:rPr><w:lang w:val="es-ES"/></w:rPr></w:style>'
    )
    assert text_language({"word/styles.xml": normal.encode()}) == "es-ES"
    run = '<w:r><w:rPr><w:lang w:val="{}"/></w:rPr><w:t>x</w:t></w:r>'
    body = _document("<w:p>" + run.format("fr-FR") * 2 + run.format("en-GB") + "</w:p>")
    no_defaults = _styles('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>')
    parts = {"word/styles.xml": no_defaults.encode(), "word/document.xml": body}
    assert text_language(parts) == "fr-FR"


def test_prefixes_a_part_leaves_out_are_declared_on_its_root_only() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/footnotes.xml", f'<w:footnotes xmlns:w="{W_NS}"/>')
        package.writestr("word/document.xml", b"<?xml version='1.0'?>\n<w:document/>")
        package.writestr("other.xml", "<x/>")
    declared = declare_prefixes(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(declared)) as package:
        footnotes = package.read("word/footnotes.xml").decode()
        document = package.read("word/document.xml").decode()
        assert package.read("other.xml") == b"<x/>"
    assert footnotes.count("xmlns:w=") == 1 and "xmlns:r=" in footnotes
    assert document.startswith("<?xml version='1.0'?>\n<w:document xmlns:w=")
    assert declare_prefixes(declared) == declared


def test_one_marked_quotation_does_not_give_an_unmarked_document_its_language() -> None:
    # Hostile review of issue 21, 9: with no default, one run marked fr-FR made an English
    # template French, and `build --lang fr` printed French sentences into English prose.
    quoted = '<w:r><w:rPr><w:lang w:val="fr-FR"/></w:rPr><w:t>« Depuis deux ans »</w:t></w:r>'
    prose = "<w:r><w:t>{}</w:t></w:r>".format("has been strongly involved in the efforts " * 5)
    no_defaults = _styles('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>')
    parts = {
        "word/styles.xml": no_defaults.encode(),
        "word/document.xml": _document(f"<w:p>{quoted}{prose}</w:p>"),
    }
    assert text_language(parts) is None
    mostly_french = _document(f"<w:p>{quoted * 20}{prose}</w:p>")
    assert text_language({**parts, "word/document.xml": mostly_french}) == "fr-FR"
