"""`w:footnotes` part: footnotes added to a document, and what Word needs before it holds any.

python-docx has no footnote API and keeps a footnotes part as bytes. The body refers to a
note with a run holding `w:footnoteReference` (`footnote_reference`); once the body is
rendered, `add_footnotes` writes the notes it refers to, each with the next free id.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree
from markupsafe import Markup

from reportgen.ooxml import docx_private
from reportgen.ooxml.text import text_markup as escape_text
from reportgen.ooxml.xml import R_NS, W_NS, insert_before, parse, qn, serialise

_SINGLE_SPACED = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
_FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
    f'<w:footnote w:type="separator" w:id="-1"><w:p>{_SINGLE_SPACED}'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{_SINGLE_SPACED}'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)

# Word's built-in styles for footnotes: ids and names as Word writes them, so that Word
# recognises them as its own (ECMA-376 Part 1, 17.7.4.9; names are lower case).
_FOOTNOTE_STYLES = (
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    f'{_SINGLE_SPACED}<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference">'
    '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    "</w:styles>"
)

_FOOTNOTE_PR = (
    f'<w:footnotePr xmlns:w="{W_NS}"><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
)

# Elements that follow w:footnotePr in CT_Settings (ECMA-376 Part 1, 17.15.1.78).
_AFTER_FOOTNOTE_PR = (
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def footnote_reference(note_id: int) -> Markup:
    """The run that marks footnote `note_id` in the text, placed with `{{r value }}`."""
    return Markup(
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:footnoteReference w:id="{int(note_id)}"/></w:r>'
    )


def footnote_reference_after(text: str, note_id: int) -> Markup:
    """`text`, then the mark of footnote `note_id`, printed by a plain `{{ value }}` whose run
    holds nothing else (a table cell's `{{ state.name }}`): the text ends the placeholder's
    run, the mark is a run of its own, and an empty run takes the placeholder's closing tags.
    """
    return (
        escape_text(text)
        + Markup("</w:t></w:r>")
        + footnote_reference(note_id)
        + Markup('<w:r><w:t xml:space="preserve">')
    )


def enable_footnotes(document: Document) -> None:
    """Give the document what Word needs before it holds footnotes (once; idempotent).

    A footnotes part with the separator notes -1 and 0, `w:footnotePr` naming them in the
    settings, and the built-in styles "footnote text" and "footnote reference".
    """
    if _footnotes_part(document) is None:
        part = Part(
            PackURI("/word/footnotes.xml"),
            CT.WML_FOOTNOTES,
            _FOOTNOTES_XML.encode("utf-8"),
            document.part.package,
        )
        document.part.relate_to(part, RT.FOOTNOTES)
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is None:
        insert_before(settings, parse(_FOOTNOTE_PR), _AFTER_FOOTNOTE_PR)
    styles = document.styles.element
    present = {s.get(qn("w:styleId")) for s in styles.findall(qn("w:style"))}
    for style in parse(_FOOTNOTE_STYLES):
        if style.get(qn("w:styleId")) not in present:
            styles.append(style)


def next_footnote_id(document: Document) -> int:
    """The first free footnote id (after any footnotes the template holds)."""
    root = _footnotes_root(document)
    ids = (
        [int(n.get(qn("w:id"))) for n in root.findall(qn("w:footnote"))] if root is not None else []
    )
    return max([0, *ids]) + 1


def add_footnotes(document: Document, notes: Mapping[int, str]) -> list[int]:
    """Write the notes the body refers to into the footnotes part; return their ids.

    A note the rendered body does not refer to (its placeholder was removed from the
    template) is left out, so that Word never holds an orphan footnote.
    """
    enable_footnotes(document)
    part = _footnotes_part(document)
    assert part is not None
    root = parse(part.blob)
    referenced = [int(i) for i in document.element.xpath("//w:footnoteReference/@w:id")]
    added = []
    for note_id in referenced:
        if note_id not in notes:
            continue
        note = etree.SubElement(root, qn("w:footnote"))
        note.set(qn("w:id"), str(note_id))
        paragraph = etree.SubElement(note, qn("w:p"))
        properties = etree.SubElement(paragraph, qn("w:pPr"))
        etree.SubElement(properties, qn("w:pStyle")).set(qn("w:val"), "FootnoteText")
        mark = etree.SubElement(paragraph, qn("w:r"))
        etree.SubElement(etree.SubElement(mark, qn("w:rPr")), qn("w:rStyle")).set(
            qn("w:val"), "FootnoteReference"
        )
        etree.SubElement(mark, qn("w:footnoteRef"))
        run = etree.SubElement(paragraph, qn("w:r"))
        text = etree.SubElement(run, qn("w:t"))
        text.set(qn("xml:space"), "preserve")
        text.text = " " + notes[note_id]
        added.append(note_id)
    docx_private.replace_blob(part, serialise(root))
    return added


def footnote_texts(document: Document) -> dict[int, str]:
    """The text of each real note (not the separators), by id."""
    root = _footnotes_root(document)
    if root is None:
        return {}
    return {
        int(n.get(qn("w:id"))): "".join(n.itertext()).strip()
        for n in root.findall(qn("w:footnote"))
        if n.get(qn("w:type")) in (None, "normal")
    }


def footnotes_xml(document: Document) -> Iterator[tuple[Part, str]]:
    """Each footnotes part of the package, with its XML as text: what docxtpl renders."""
    for part in document.part.package.iter_parts():
        if part.content_type == CT.WML_FOOTNOTES:
            yield part, part.blob.decode("utf-8")


def replace_footnotes_xml(part: Part, xml: str) -> None:
    """Store rendered XML, given as text, into a footnotes part."""
    docx_private.replace_xml(part, xml)


def _footnotes_part(document: Document) -> Part | None:
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return rel.target_part  # type: ignore[no-any-return]
    return None


def _footnotes_root(document: Document) -> etree._Element | None:
    part = _footnotes_part(document)
    return None if part is None else parse(part.blob)
