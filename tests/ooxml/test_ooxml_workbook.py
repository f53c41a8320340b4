"""reportgen.ooxml.workbook: the SpreadsheetML workbook embedded in a chart."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl

from reportgen.ooxml.charts import ChartSeries
from reportgen.ooxml.workbook import column, serial, workbook


def test_columns_are_lettered_as_spreadsheets_letter_them() -> None:
    assert [column(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        *("A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"),
    ]


def test_days_are_excels_serial_numbers() -> None:
    assert serial(dt.date(1899, 12, 31)) == 1
    assert serial(dt.date(1900, 3, 1)) == 61  # Excel's own serial for that day
    assert serial(dt.date(2024, 1, 1)) == 45292


def test_a_spreadsheet_reader_finds_names_dates_and_values_and_gaps() -> None:
    series = [
        ChartSeries('States <&> "Parties"', (1, None), 0, True),
        ChartSeries("Other", (3, 4), 1, False),
    ]
    data = workbook("Date", [dt.date(2020, 1, 1), dt.date(2021, 6, 30)], series)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows == [
        ("Date", 'States <&> "Parties"', "Other"),
        (dt.datetime(2020, 1, 1), 1, 3),
        (dt.datetime(2021, 6, 30), None, 4),
    ]


def test_the_same_data_give_the_same_bytes() -> None:
    series = [ChartSeries("a", (1,), 0, True)]
    first = workbook("Region", ["Africa"], series)
    assert workbook("Region", ["Africa"], series) == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.namelist()[0] == "[Content_Types].xml"
