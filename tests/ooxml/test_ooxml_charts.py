"""reportgen.ooxml.charts: series put into a chart's design, and read back for the rendition."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.shared import Cm
from lxml import etree

from reportgen.ooxml.authoring import add_chart
from reportgen.ooxml.charts import (
    CHART_MARK,
    ChartDesignError,
    ChartSeries,
    chart_placeholders,
    fill_chart,
    mark_charts,
)
from reportgen.ooxml.workbook import workbook
from reportgen.ooxml.writer import package_bytes
from reportgen.ooxml.xml import C_NS, NS, parse, qn

SERIES = (
    '<c:ser><c:idx val="0"/><c:order val="0"/><c:spPr/><c:marker/>'
    '<c:dLbls><c:showVal val="1"/></c:dLbls><c:smooth val="0"/></c:ser>'
)


def _design(series: str = SERIES, kind: str = "lineChart") -> bytes:
    return (
        f'<c:chartSpace xmlns:c="{C_NS}"><c:chart><c:plotArea><c:{kind}>'
        f'{series}<c:axId val="1"/><c:axId val="2"/></c:{kind}></c:plotArea></c:chart>'
        "</c:chartSpace>"
    ).encode()


def _names(element: etree._Element) -> list[str]:
    return [etree.QName(child).localname for child in element]


def test_a_chart_series_is_a_named_tuple_callers_may_unpack() -> None:
    name, values, style, labelled = ChartSeries("a", (1, None), 2, False)
    assert (name, values, style, labelled) == ("a", (1, None), 2, False)
    assert ChartSeries("a", (1,), 0, True).labelled


def test_each_series_takes_the_design_in_schema_order_before_the_axes() -> None:
    series = [ChartSeries('<&> "one"', (1, 2), 0, True), ChartSeries("two", (3, None), 0, False)]
    root = parse(fill_chart(_design(), ["Africa", "Asia"], series))
    group = root.find(f"{qn('c:chart')}/{qn('c:plotArea')}/{qn('c:lineChart')}")
    assert _names(group) == ["ser", "ser", "axId", "axId"]
    first, second = group.findall(qn("c:ser"))
    order = ["idx", "order", "tx", "spPr", "marker", "dLbls", "cat", "val", "smooth"]
    assert _names(first) == _names(second) == order
    assert first.xpath("./c:tx//c:v/text()", namespaces=NS) == ['<&> "one"']
    assert second.xpath("./c:idx/@val", namespaces=NS) == ["1"]
    assert first.xpath("./c:cat//c:v/text()", namespaces=NS) == ["Africa", "Asia"]
    assert second.xpath("./c:val//c:pt/@idx", namespaces=NS) == ["0"]  # None: no point
    assert second.xpath("./c:val//c:f/text()", namespaces=NS) == ["Sheet1!$C$2:$C$3"]
    assert _names(second.find(qn("c:dLbls"))) == ["delete"]  # not labelled


def test_dates_are_cached_as_serial_numbers_with_a_date_format() -> None:
    series = [ChartSeries("a", (1,), 0, True)]
    root = parse(fill_chart(_design(), [dt.date(2024, 1, 1)], series))
    (cat,) = root.iter(qn("c:cat"))
    assert cat.xpath(".//c:formatCode/text()", namespaces=NS) == ["dd.mm.yyyy"]
    assert cat.xpath(".//c:v/text()", namespaces=NS) == ["45292"]


@pytest.mark.parametrize(
    "design",
    [_design(series=""), _design(series=SERIES.replace("<c:smooth", "<c:xVal/><c:smooth"))],
)
def test_a_design_without_category_series_is_refused(design: bytes) -> None:
    with pytest.raises(ChartDesignError):
        fill_chart(design, ["a"], [ChartSeries("a", (1,), 0, True)])


def test_a_chart_reads_back_as_its_table_and_numbered_alternative_text() -> None:
    document = docx.Document()
    series = [ChartSeries("States", (1, 3), 0, True)]
    categories = [dt.date(2020, 1, 1), dt.date(2021, 6, 30)]
    paragraph = document.add_paragraph()
    add_chart(
        document,
        paragraph,
        fill_chart(_design(), categories, series),
        workbook("Date", categories, series),
        Cm(10),
        Cm(5),
        title="Title",
        description="Words",
    )
    paragraph.add_run("{{ charts.timeline }}")
    document.add_paragraph("{{ charts.missing }}")
    bound, chartless = chart_placeholders(document)
    assert list(bound.values()) == ["timeline"]
    assert chartless == [("missing", "{{ charts.missing }}")]
    data = package_bytes(document)
    marked, tables = mark_charts(data)
    assert tables == [[["", "States"], ["01.01.2020", "1"], ["30.06.2021", "3"]]]
    with zipfile.ZipFile(io.BytesIO(marked)) as package:
        body = parse(package.read("word/document.xml"))
    assert [p.get("descr") for p in body.iter(qn("wp:docPr"))] == [f"Words{CHART_MARK}0"]
    assert mark_charts(b"not a zip") == (b"not a zip", [])
