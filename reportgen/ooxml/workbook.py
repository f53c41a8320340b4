"""The SpreadsheetML workbook embedded in a chart: the chart's data, as Word's Edit Data opens it.

A workbook Excel, Word and LibreOffice open: one sheet of inline strings and numbers, and the
styles that show a date as a date. No shared strings, no document properties, no time. Also
the spreadsheet's notions charts share: cell columns, and days as serial numbers.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportgen.ooxml.writer import write_entry
from reportgen.ooxml.xml import NS, R_NS

if TYPE_CHECKING:
    from reportgen.ooxml.charts import ChartSeries

WORKBOOK_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET = "Sheet1"
DATE_FORMAT = "dd.mm.yyyy"  # the report's short date, in Excel's format codes
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 0 of Excel's 1900 date system


def serial(day: dt.date | str) -> int:
    """A day as Excel's serial number (days since 30 December 1899), as charts store dates."""
    assert isinstance(day, dt.date)
    return (day - EXCEL_EPOCH).days


def column(index: int) -> str:
    """The letters of the 0-based spreadsheet column `index`: A, B ... Z, AA, AB..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


_WORKBOOK_PARTS = {
    "[Content_Types].xml": (
        f'<Types xmlns="{NS["ct"]}">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{NS["pr"]}">'
        f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{NS["x"]}" xmlns:r="{R_NS}"><sheets>'
        f'<sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{NS["pr"]}">'
        f'<Relationship Id="rId1" Type="{R_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{R_NS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (
        f'<styleSheet xmlns="{NS["x"]}">'
        f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
        'xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}


def workbook(
    category_title: str, categories: Sequence[dt.date | str], series: Sequence[ChartSeries]
) -> bytes:
    """The .xlsx embedded in a chart: the categories down column A, a series per column.

    The cells are those `charts.fill_chart` refers to. The same data give the same bytes:
    fixed entry times, and nothing in the workbook records when or by what it was written.
    """

    def text(reference: str, value: str) -> str:
        escaped = html.escape(value, quote=False)
        return (
            f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{escaped}</t></is></c>'
        )

    header = [text("A1", category_title)] + [
        text(f"{column(i + 1)}1", name) for i, (name, _, _, _) in enumerate(series)
    ]
    rows = [f'<row r="1">{"".join(header)}</row>']
    for row, category in enumerate(categories, start=2):
        if isinstance(category, dt.date):
            cells = [f'<c r="A{row}" s="1"><v>{serial(category)}</v></c>']
        else:
            cells = [text(f"A{row}", category)]
        for i, (_, values, _, _) in enumerate(series):
            value = values[row - 2]
            if value is not None:
                cells.append(f'<c r="{column(i + 1)}{row}"><v>{value}</v></c>')
        rows.append(f'<row r="{row}">{"".join(cells)}</row>')
    sheet = (
        f'<worksheet xmlns="{NS["x"]}"><cols><col min="1" max="1" width="16" customWidth="1"/>'
        f"</cols><sheetData>{''.join(rows)}</sheetData></worksheet>"
    )
    parts = {**_WORKBOOK_PARTS, "xl/worksheets/sheet1.xml": sheet}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, xml in parts.items():
            declared = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml
            write_entry(package, name, declared.encode("utf-8"))
    return out.getvalue()
