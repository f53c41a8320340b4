"""reportgen.ooxml.text: values and runs written as `w:t` text that Word shows literally."""

from __future__ import annotations

import datetime as dt

import pytest

from reportgen.ooxml.text import (
    Span,
    UnprintableValue,
    has_listing_characters,
    runs,
    tables_fit_their_grids,
    text_markup,
)
from reportgen.ooxml.xml import W_NS, parse_strictly, qn


def _paragraph(markup: str) -> str:
    return f'<w:p xmlns:w="{W_NS}">{markup}</w:p>'


def test_text_markup_escapes_markup_and_docxtpls_own_characters() -> None:
    value = "a<b & \"c\" 'd' {_{ e }_}\tf\ng"
    escaped = str(text_markup(value))
    assert "<" not in escaped and '"' not in escaped and "\t" not in escaped
    assert "{_{" not in escaped  # docxtpl would turn it into "{{"
    root = parse_strictly(f'<w:t xmlns:w="{W_NS}">{escaped}</w:t>')
    assert root.text == value


def test_text_markup_prints_numbers_and_dates_and_passes_markup_through() -> None:
    assert text_markup(7) == "7"
    assert text_markup(dt.date(2024, 9, 9)) == "2024-09-09"
    assert text_markup(runs([Span("x")])) == runs([Span("x")])


@pytest.mark.parametrize("value", [None, True, ["a"], {"a": 1}])
def test_text_markup_refuses_what_is_not_text(value: object) -> None:
    with pytest.raises(UnprintableValue):
        text_markup(value)


def test_runs_set_bold_and_italic_and_keep_every_character() -> None:
    spans = [Span("<b>&", bold=True), Span(' "i" ', italic=True), Span("plain_")]
    root = parse_strictly(_paragraph(str(runs(spans))))
    found = root.findall(qn("w:r"))
    assert ["".join(r.itertext()) for r in found] == ["<b>&", ' "i" ', "plain_"]
    assert found[0].find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
    assert found[1].find(f"{qn('w:rPr')}/{qn('w:i')}") is not None
    assert found[2].find(qn("w:rPr")) is None
    assert {r.find(qn("w:t")).get(qn("xml:space")) for r in found} == {"preserve"}


def test_listing_characters_are_found_only_inside_text_elements() -> None:
    assert has_listing_characters('<w:t xml:space="preserve">a\tb</w:t>')
    assert not has_listing_characters("<w:p>\n<w:t>a</w:t></w:p>")


def _table(grid: int, cells: int) -> str:
    row = "<w:tc/>" * cells
    cols = '<w:gridCol w:w="1"/>' * grid
    return _paragraph(f"<w:tbl><w:tblGrid>{cols}</w:tblGrid><w:tr>{row}</w:tr></w:tbl>")


def test_a_table_fits_its_grid_only_when_its_widest_row_fills_it() -> None:
    assert tables_fit_their_grids(parse_strictly(_table(2, 2)))
    assert not tables_fit_their_grids(parse_strictly(_table(2, 3)))
    assert not tables_fit_their_grids(parse_strictly(_table(3, 2)))
