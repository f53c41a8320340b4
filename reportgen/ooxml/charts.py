"""`c:chartSpace` parts: native charts designed in the template and filled from the figures,
and read back for the text rendition.

A chart is bound to its data by the placeholder `{{ charts.NAME }}` in its own paragraph.
`fill_chart` puts new series into a chart part and keeps its design; `workbook.workbook`
writes the embedded workbook of the same data. `mark_charts` numbers each chart of a
package for the rendition, with the table of its cached data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from lxml import etree

from reportgen.core.errors import ReportgenError
from reportgen.ooxml import docx_private
from reportgen.ooxml.workbook import DATE_FORMAT, EXCEL_EPOCH, SHEET, column, serial
from reportgen.ooxml.xml import (
    C_NS,
    NS,
    MalformedXML,
    insert_before,
    parse,
    parse_strictly,
    qn,
    serialise,
)

CHART_PLACEHOLDER = re.compile(r"\{\{[-r\s]*charts\.(\w+)[-\s]*\}\}")
"""`{{ charts.NAME }}` (or docxtpl's `{{r charts.NAME }}`): the chart of its paragraph."""
CHART_MARK = "\ue000"
"""A private-use character: `mark_charts` numbers a chart's alternative text after it."""

# What may follow c:tx, and c:cat / c:val, in a series (ECMA-376 Part 1, 21.2.2: CT_LineSer,
# CT_BarSer, CT_AreaSer...): each is inserted before the first of these it finds.
_AFTER_VALUES = ("smooth", "shape", "explosion", "bubble3D", "extLst")
_AFTER_CAT = ("val", *_AFTER_VALUES)
_AFTER_TX = (
    *("spPr", "invertIfNegative", "pictureOptions", "marker", "dPt", "dLbls"),
    *("trendline", "errBars", "cat", *_AFTER_CAT),
)
_C16_UNIQUE_ID = "{C3380CC4-5D6E-409C-BE32-E72D297353CC}"  # Word's id of a series: not copied


class ChartSeries(NamedTuple):
    """A series to fill a chart with (a tuple: callers may unpack it)."""

    name: str
    values: Sequence[int | None]
    """A value per category (None: no point)."""
    style: int
    """Which series of the design it takes the look of (see `fill_chart`)."""
    labelled: bool
    """Whether it keeps the labels of its design."""


class ChartDesignError(ReportgenError, ValueError):
    """A chart of the template that cannot take data (no series, or not a category chart)."""


def chart_placeholders(document: Document) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The charts of the body that a build fills, and the placeholders that have no chart.

    A chart is bound to the data by a placeholder in its own paragraph, such as
    `{{ charts.states_parties_over_time }}` (it prints nothing): the chart and its
    placeholder move, and are deleted, together. Returns the relationship id of each
    bound chart with the name its placeholder gives, and (name, paragraph text) for each
    placeholder whose paragraph holds no chart. A chart without a placeholder is left as
    the template has it. Alternative text would be the natural place, but LibreOffice
    7.4 drops a chart's title and description when it saves a .docx; text it keeps.
    """
    bound: dict[str, str] = {}
    chartless = []
    for paragraph in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        named = CHART_PLACEHOLDER.search(text)
        if named is None:
            continue
        charts = paragraph.findall(f".//{qn('a:graphicData')}/{qn('c:chart')}")
        for chart in charts:
            bound[chart.get(qn("r:id"))] = named.group(1)
        if not charts:
            chartless.append((named.group(1), text))
    return bound, chartless


def describe_charts(document: Document, words: Mapping[str, tuple[str, str]]) -> None:
    """Give each chart related as a key of `words` its (title, description): its alternative
    text, which Word shows under Alt Text and screen readers read out."""
    for properties in document.element.body.iter(qn("wp:docPr")):
        chart = properties.getparent().find(
            f"{qn('a:graphic')}/{qn('a:graphicData')}/{qn('c:chart')}"
        )
        if chart is not None and chart.get(qn("r:id")) in words:
            title, description = words[chart.get(qn("r:id"))]
            properties.set("title", title)
            properties.set("descr", description)


def chart_parts(document: Document, rId: str) -> tuple[Part, Part | None]:
    """The chart part related as `rId` from the body, and its embedded workbook if any."""
    part = document.part.related_parts[rId]
    workbook = next(
        (
            rel.target_part
            for rel in part.rels.values()
            if rel.reltype == RT.PACKAGE and not rel.is_external
        ),
        None,
    )
    return part, workbook


def replace_part_blob(part: Part, data: bytes) -> None:
    """Give a chart part, or its embedded workbook, new content."""
    docx_private.replace_blob(part, data)


def fill_chart(
    design: bytes, categories: Sequence[dt.date | str], series: Sequence[ChartSeries]
) -> bytes:
    """The chart part `design` holding new data, and every other setting as it was.

    Each series takes the look of a series of the design: the last style the data use
    takes the design's last series, and every other style n its n-th series (or the last
    before that one when the design has fewer; a series in between whose labels were left
    out goes to the next one that shows them). So a design of the timeline with a line, a
    meeting and the latest count styles every meeting of the data like its one meeting, and
    a template already filled with many meetings keeps working the same way. A series not
    `labelled` has its design's labels deleted: where names would run into each other.
    Each series gets the categories and its values as cached values (what Word and
    LibreOffice draw) and as references to the cells of the workbook that `workbook.workbook`
    writes from the same data (what Word's Edit Data opens). Its name, values and
    categories are all that change: colours, fonts, labels and axes stay the design's.
    """
    root = parse_strictly(design)
    plot = root.find(f"{qn('c:chart')}/{qn('c:plotArea')}")
    patterns = [] if plot is None else plot.findall(f"*/{qn('c:ser')}")
    if plot is None or not patterns:
        raise ChartDesignError("the chart has no series to take the data's look from")
    if any(p.find(qn("c:xVal")) is not None or p.find(qn("c:yVal")) is not None for p in patterns):
        raise ChartDesignError("the chart plots x and y values; make it a line or bar chart")
    groups = [pattern.getparent() for pattern in patterns]
    anchors = {group: group.findall(qn("c:ser"))[-1].getnext() for group in groups}
    for pattern, group in zip(patterns, groups, strict=True):
        group.remove(pattern)
    rows = len(categories)
    dates = rows > 0 and all(isinstance(c, dt.date) for c in categories)
    last_style = max((style for _, _, style, _ in series), default=0)
    for index, (name, values, style, labelled) in enumerate(series):
        if style == last_style:
            pattern = len(patterns) - 1
        else:
            pattern = min(style, max(0, len(patterns) - 2))
            if 0 < pattern < len(patterns) - 1:  # a meeting: one whose labels show, if any
                pattern = next(
                    (i for i in range(pattern, len(patterns) - 1) if _labels_shown(patterns[i])),
                    pattern,
                )
        ser = _series_like(patterns[pattern], index, rows)
        if not labelled:
            for labels in ser.findall(qn("c:dLbls")):
                for setting in list(labels):
                    labels.remove(setting)
                etree.SubElement(labels, qn("c:delete")).set("val", "1")
        letters = column(index + 1)
        tx = parse(
            f'<c:tx xmlns:c="{C_NS}"><c:strRef><c:f>{SHEET}!${letters}$1</c:f>'
            f'<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{html.escape(name)}</c:v>'
            "</c:pt></c:strCache></c:strRef></c:tx>"
        )
        insert_before(ser, tx, _AFTER_TX)
        first, last = 2, rows + 1
        if dates:
            cat = _numbers("cat", f"$A${first}:$A${last}", DATE_FORMAT, map(serial, categories))
        else:
            cat = _strings("cat", f"$A${first}:$A${last}", [str(c) for c in categories])
        insert_before(ser, cat, _AFTER_CAT)
        insert_before(
            ser,
            _numbers("val", f"${letters}${first}:${letters}${last}", "General", values),
            _AFTER_VALUES,
        )
        anchor = anchors[groups[pattern]]
        if anchor is None:
            groups[pattern].append(ser)
        else:
            anchor.addprevious(ser)
    return serialise(root)


def _labels_shown(ser: etree._Element) -> bool:
    """Whether a series' data labels are not deleted (`fill_chart` deletes crowded ones)."""
    return ser.find(f"{qn('c:dLbls')}/{qn('c:delete')}[@val='1']") is None


def _series_like(pattern: etree._Element, index: int, rows: int) -> etree._Element:
    """A copy of `pattern` numbered `index`, without its data, and without the settings of
    points beyond the last (`rows`) or Word's id of the series it was copied from."""
    ser = parse(etree.tostring(pattern))
    for tag in ("order", "idx"):
        element = ser.find(qn(f"c:{tag}"))
        if element is None:
            element = etree.Element(qn(f"c:{tag}"))
            ser.insert(0, element)
        element.set("val", str(index))
    for tag in ("tx", "cat", "val"):
        for old in ser.findall(qn(f"c:{tag}")):
            ser.remove(old)
    for point in [*ser.findall(qn("c:dPt")), *ser.findall(f"{qn('c:dLbls')}/{qn('c:dLbl')}")]:
        number = point.find(qn("c:idx"))
        if number is None or int(number.get("val", "0")) >= rows:
            point.getparent().remove(point)
    for extension in ser.findall(f"{qn('c:extLst')}/{qn('c:ext')}"):
        if extension.get("uri") == _C16_UNIQUE_ID:
            extension.getparent().remove(extension)
    return ser


def _numbers(
    tag: str, cells: str, number_format: str, values: Iterable[int | None]
) -> etree._Element:
    """`<c:cat>` or `<c:val>`: a reference to the workbook's cells, and their cached numbers."""
    listed = list(values)
    points = "".join(
        f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(listed) if v is not None
    )
    return parse(
        f'<c:{tag} xmlns:c="{C_NS}"><c:numRef><c:f>{SHEET}!{cells}</c:f><c:numCache>'
        f"<c:formatCode>{html.escape(number_format)}</c:formatCode>"
        f'<c:ptCount val="{len(listed)}"/>{points}</c:numCache></c:numRef></c:{tag}>'
    )


def _strings(tag: str, cells: str, values: Sequence[str]) -> etree._Element:
    """`<c:cat>`: a reference to the workbook's cells, and their cached text."""
    points = "".join(
        f'<c:pt idx="{i}"><c:v>{html.escape(v)}</c:v></c:pt>' for i, v in enumerate(values)
    )
    return parse(
        f'<c:{tag} xmlns:c="{C_NS}"><c:strRef><c:f>{SHEET}!{cells}</c:f><c:strCache>'
        f'<c:ptCount val="{len(values)}"/>{points}</c:strCache></c:strRef></c:{tag}>'
    )


# --- Charts in the text rendition -------------------------------------------------------------


def mark_charts(data: bytes) -> tuple[bytes, list[list[list[str]]]]:
    """The package with each chart of the body numbered in its alternative text, and the
    table of each chart's data (a header of series names, then a row per category).

    The rendition reads the body through docx2python, which shows a chart as its
    alternative text alone; the number appended after a private-use character pairs
    that text with the chart's data.
    """
    try:
        return _mark_charts(data)
    except (MalformedXML, KeyError, ValueError, zipfile.BadZipFile):
        return data, []  # the rendition says what is wrong with the package


CHART_PART_LIMIT = 4 * 1024 * 1024
"""The largest chart part whose data the rendition reads (a chart of the report is 40 kB):
a larger one, from a .docx given to `reportgen text`, shows its alternative text alone."""


def _mark_charts(data: bytes) -> tuple[bytes, list[list[list[str]]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        if "word/document.xml" not in names or "word/_rels/document.xml.rels" not in names:
            return data, []
        body = parse_strictly(package.read("word/document.xml"))
        rels = parse_strictly(package.read("word/_rels/document.xml.rels"))
        targets = {
            rel.get("Id"): rel.get("Target", "")
            for rel in rels
            if rel.get("Type") == RT.CHART and rel.get("TargetMode") != "External"
        }
        tables: list[list[list[str]]] = []
        for properties in body.iter(qn("wp:docPr")):
            chart = properties.getparent().find(
                f"{qn('a:graphic')}/{qn('a:graphicData')}/{qn('c:chart')}"
            )
            if chart is None:
                continue
            target = targets.get(chart.get(qn("r:id"), ""), "")
            name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
            name = re.sub(r"[^/]+/\.\./", "", name)
            table = []
            if name in names and package.getinfo(name).file_size <= CHART_PART_LIMIT:
                with contextlib.suppress(MalformedXML, ValueError):  # a damaged chart: no data
                    table = _chart_table(package.read(name))
            properties.set("descr", f"{properties.get('descr', '')}{CHART_MARK}{len(tables)}")
            tables.append(table)
        if not tables:
            return data, []
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target_package:
            for info in package.infolist():
                content = (
                    serialise(body) if info.filename == "word/document.xml" else package.read(info)
                )
                target_package.writestr(info, content)
    return out.getvalue(), tables


def _chart_table(xml: bytes) -> list[list[str]]:
    """A chart's data from its cached values: series names, then a row per category."""
    root = parse_strictly(xml)
    series = root.findall(f"{qn('c:chart')}/{qn('c:plotArea')}/*/{qn('c:ser')}")
    names = ["".join(s.xpath("./c:tx//c:v/text()", namespaces=NS)) for s in series]
    columns = [_cached(s.find(qn("c:val"))) for s in series]
    categories = _cached(series[0].find(qn("c:cat"))) if series else {}
    indices = sorted(set(categories).union(*columns))  # those a point has: bounded by the part
    rows = [["", *names]]
    for index in indices:
        rows.append([categories.get(index, ""), *(c.get(index, "") for c in columns)])
    return rows


def _cached(data: etree._Element | None) -> dict[int, str]:
    """The cached points of a `c:cat`, `c:val` (or `c:tx`), by index; dates as dd.mm.yyyy."""
    if data is None:
        return {}
    cache = data.find(f".//{qn('c:numCache')}")
    if cache is None:
        cache = data.find(f".//{qn('c:strCache')}")
    if cache is None:
        cache = data.find(f".//{qn('c:strLit')}")
    if cache is None:
        cache = data.find(f".//{qn('c:numLit')}")
    if cache is None:
        return {}
    number_format = cache.findtext(qn("c:formatCode")) or ""
    # A date's format writes its year ("dd.mm.yyyy"; LibreOffice saves the axis's "mmm yyyy").
    is_date = "yy" in number_format.lower()
    points = {}
    for point in cache.findall(qn("c:pt")):
        value = point.findtext(qn("c:v")) or ""
        if is_date:
            with contextlib.suppress(ValueError, OverflowError):
                day = EXCEL_EPOCH + dt.timedelta(days=int(float(value)))
                value = day.strftime("%d.%m.%Y")
        with contextlib.suppress(ValueError):
            points[int(point.get("idx", "0"))] = value
    return points
