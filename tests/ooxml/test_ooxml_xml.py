"""reportgen.ooxml.xml: the namespaces, `qn`, the one parser and schema-ordered insertion."""

from __future__ import annotations

import pytest
from lxml import etree

from reportgen.ooxml.xml import (
    NS,
    W_NS,
    MalformedXML,
    check_well_formed,
    insert_before,
    parse,
    parse_strictly,
    qn,
    serialise,
)


def _w(xml: str) -> str:
    """`xml` with the w: prefix declared on its root."""
    name = xml[1:].split(">", 1)[0].split(" ", 1)[0].rstrip("/")
    return xml.replace(f"<{name}", f'<{name} xmlns:w="{W_NS}"', 1)


def test_qn_gives_clark_notation_from_the_one_table() -> None:
    assert qn("w:p") == f"{{{W_NS}}}p"
    assert qn("c:chart") == f"{{{NS['c']}}}chart"
    assert qn("xml:space") == "{http://www.w3.org/XML/1998/namespace}space"
    with pytest.raises(KeyError):
        qn("nope:p")


def test_entities_declared_in_a_document_are_never_expanded() -> None:
    xml = b'<!DOCTYPE w [<!ENTITY e "expanded">]><w>&e;</w>'
    root = parse(xml)
    assert "expanded" not in "".join(root.itertext())
    assert b"expanded" not in etree.tostring(root)


def test_an_external_entity_is_neither_read_nor_fetched() -> None:
    xml = b'<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/hostname">]><w>&e;</w>'
    root = parse(xml)
    assert "".join(root.itertext()) == "&e;"  # the reference, kept as written


def test_malformed_xml_is_refused_with_malformed_xml() -> None:
    with pytest.raises(MalformedXML, match="not well-formed XML"):
        parse_strictly("<w:p>")
    with pytest.raises(MalformedXML):
        check_well_formed(b"<a><b></a>")
    with pytest.raises(etree.XMLSyntaxError):  # parse leaves lxml's error as it is
        parse(b"<a><b></a>")


def test_parts_lift_libxml2s_depth_cap_and_package_indexes_keep_it() -> None:
    deep = b"<a>" * 300 + b"</a>" * 300  # libxml2 refuses 256 levels unless told otherwise
    assert parse(deep).tag == "a"
    with pytest.raises(etree.XMLSyntaxError):
        parse(deep, huge_tree=False)


def test_a_str_is_parsed_as_its_utf8_bytes() -> None:
    root = parse_strictly(_w("<w:t>é</w:t>"))
    assert root.text == "é"


def test_insert_before_keeps_schema_order_and_appends_when_no_successor_is_there() -> None:
    parent = parse(_w("<w:trPr><w:jc/><w:hidden/></w:trPr>"))
    insert_before(parent, etree.Element(qn("w:tblHeader")), ("jc", "hidden"))
    assert [etree.QName(c).localname for c in parent] == ["tblHeader", "jc", "hidden"]
    insert_before(parent, etree.Element(qn("w:ins")), ("trPrChange",))
    assert etree.QName(parent[-1]).localname == "ins"


def test_serialise_writes_a_standalone_utf8_declaration() -> None:
    data = serialise(parse(_w("<w:p><w:t>ü</w:t></w:p>")))
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n")
    assert "ü".encode() in data
