"""Word's list numbering (`word/numbering.xml`): a one-level list definition added to a document."""

from __future__ import annotations

from docx.document import Document
from lxml import etree

from reportgen.ooxml.xml import W_NS, insert_before, parse, qn


def add_single_level_list(document: Document, level: str) -> int:
    """Add a one-level list definition whose level holds `level` (the OOXML that follows
    `w:start`: its format, text, justification and paragraph properties), numbered from 1,
    and a list using it; return the list's numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
    ]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max([-1, *abstract_ids]) + 1, max([0, *num_ids]) + 1
    abstract = parse(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/>{level}</w:lvl></w:abstractNum>'
    )
    existing = numbering.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    number = etree.Element(qn("w:num"))
    insert_before(numbering, number, ("numIdMacAtCleanup",))
    number.set(qn("w:numId"), str(num_id))
    etree.SubElement(number, qn("w:abstractNumId")).set(qn("w:val"), str(abstract_id))
    return num_id
