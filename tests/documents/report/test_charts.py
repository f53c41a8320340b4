"""The charts of section I: native Word charts designed in the template and filled from the
figures, with numbered captions, alt text that states their figures, an embedded workbook
of the same data, and bytes that depend on the data alone.

Expected counts come from the seed report's own table (tests/seed.py) and the dates of
the 4th MSP's report.yaml (tests/fixtures/4msp/data/); never from reportgen's output.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx.text.paragraph import Paragraph
from lxml import etree

from reportgen.app import build
from reportgen.core.problems import InputError
from reportgen.documents.report import charts
from reportgen.documents.report.kind import KIND
from reportgen.documents.report.values import SENTENCES
from reportgen.figures.compute import Figures, MeetingMark
from reportgen.inputs.models import Inputs
from reportgen.language.fluent import Sentences, read_catalogue
from reportgen.language.formats import Formats
from reportgen.ooxml import charts as ooxml_charts
from reportgen.ooxml import xml as ooxml_xml
from reportgen.review.rendition import rendition
from reportgen.templating.render import render
from tests.conftest import CATALOGUE, ROOT, TEMPLATE, build_in_a_process
from tests.review.test_text import libreoffice_convert, needs_libreoffice, pdf_text
from tests.seed import SeedReport

C = {
    "c": ooxml_xml.C_NS,
    "a": ooxml_xml.A_NS,
    "r": ooxml_xml.R_NS,
    "wp": ooxml_xml.WP_NS,
    "x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
}
TIMELINE, REGIONS = "States Parties over time", "New States Parties by region"
DESIGNS = ROOT / "tools" / "charts"


@pytest.fixture(scope="module")
def formats(inputs: Inputs) -> Formats:
    return Formats(inputs.report.locale)


@pytest.fixture
def say(formats: Formats) -> Sentences:
    """The English catalogue's sentences, as a build writes the charts' words."""
    return Sentences(read_catalogue(CATALOGUE, "en_GB", SENTENCES), formats)


def _charts(path: Path) -> dict[str, tuple[Paragraph, dict[str, str], bytes, bytes | None]]:
    """Each chart of the body by its title: its paragraph, wp:docPr, chart XML, workbook."""
    document = docx.Document(str(path))
    found = {}
    for paragraph in document.paragraphs:
        for frame in paragraph._p.xpath(".//wp:inline[.//c:chart]"):
            properties = dict(frame.xpath("./wp:docPr")[0].attrib)
            (rId,) = frame.xpath(".//c:chart/@r:id")
            part, workbook = ooxml_charts.chart_parts(document, rId)
            found[properties["title"]] = (
                paragraph,
                properties,
                part.blob,
                None if workbook is None else workbook.blob,
            )
    return found


def _series(chart_xml: bytes) -> dict[str, tuple[list[str], list[str | None]]]:
    """Each series of a chart part by name: its cached categories and values (None: no point)."""
    root = etree.fromstring(chart_xml)
    found = {}
    for ser in root.xpath("//c:ser", namespaces=C):
        name = "".join(ser.xpath("./c:tx//c:v/text()", namespaces=C))
        categories = ser.xpath("./c:cat//c:pt/c:v/text()", namespaces=C)
        count = int(ser.xpath("string(./c:val//c:ptCount/@val)", namespaces=C))
        values: list[str | None] = [None] * count
        for point in ser.xpath("./c:val//c:pt", namespaces=C):
            values[int(point.get("idx"))] = point.findtext("c:v", namespaces=C)
        found[name] = (categories, values)
    return found


def _serial(day: dt.date) -> str:
    """A day as Excel stores it: days since 30 December 1899."""
    return str((day - dt.date(1899, 12, 30)).days)


def _sheet(workbook: bytes) -> dict[str, str]:
    """The cells of an embedded workbook's sheet: reference -> value as written."""
    with zipfile.ZipFile(io.BytesIO(workbook)) as package:
        root = etree.fromstring(package.read("xl/worksheets/sheet1.xml"))
    return {
        cell.get("r"): "".join(cell.xpath("./x:v/text() | ./x:is/x:t/text()", namespaces=C))
        for cell in root.xpath("//x:c", namespaces=C)
    }


def _deposits(seed: SeedReport) -> list[dt.date]:
    return [r.deposit for r in seed.rows if r.deposit]


# --- In the report -----------------------------------------------------------------------


def test_two_native_charts_are_in_section_one(document: docx.document.Document) -> None:
    paragraphs = document.paragraphs
    headings = [i for i, p in enumerate(paragraphs) if p.style and p.style.name == "Heading 1"]
    section_one = next(i for i in headings if paragraphs[i].text == "I. Latest figures")
    section_two = headings[headings.index(section_one) + 1]
    frames = [(i, p) for i, p in enumerate(paragraphs) if p._p.xpath(".//wp:inline")]
    assert len(frames) == 2
    for index, paragraph in frames:
        assert section_one < index < section_two
        assert paragraph._p.xpath(".//a:graphicData/c:chart")  # a chart, not a picture
        assert not paragraph._p.xpath(".//a:blip")
        assert paragraph.paragraph_format.keep_with_next  # the caption stays with it
    types = {p.content_type for p in document.part.package.iter_parts()}
    assert not any(t.startswith("image/") for t in types)


def test_each_chart_has_a_numbered_caption_in_words_built_in_style(
    document: docx.document.Document, report: Path
) -> None:
    paragraphs = document.paragraphs
    charted = [i for i, p in enumerate(paragraphs) if p._p.xpath(".//c:chart")]
    for number, index in enumerate(charted, start=1):
        caption = paragraphs[index + 1]
        assert caption.style is not None and caption.style.name == "Caption"
        assert caption.style.style_id == "Caption"  # Word's own, so a table of figures finds it
        (instruction,) = caption._p.xpath("./w:fldSimple/@w:instr")
        assert instruction.split()[:2] == ["SEQ", "Figure"]
        assert caption._p.xpath("string(./w:fldSimple)") == str(number)
    captions = [line for line in rendition(report).splitlines() if line.startswith("[Caption]")]
    # the rendition shows the field, not the number Word and LibreOffice give it
    assert [line.split(":")[0] for line in captions] == ["[Caption] Figure {SEQ Figure}"] * 2


def test_the_timeline_holds_the_count_of_every_deposit_day(
    report: Path, inputs: Inputs, seed: SeedReport
) -> None:
    _, _, xml, _ = _charts(report)[TIMELINE]
    days, counts = _series(xml)["States Parties"]
    deposits = _deposits(seed)
    opened, as_of = inputs.report.convention.opened_for_signature, inputs.report.as_of
    assert days[0] == _serial(opened) and days[-1] == _serial(as_of)
    assert counts[0] == str(sum(1 for day in deposits if day <= opened))
    assert counts[-1] == str(seed.total_deposits)
    for day in sorted(set(deposits) - {opened}):  # a step: the count before, then after
        at = [i for i, d in enumerate(days) if d == _serial(day)]
        before = sum(1 for d in deposits if d < day)
        after = sum(1 for d in deposits if d <= day)
        assert [counts[i] for i in at][:1] == [str(before)] and counts[at[-1]] == str(after), day


def test_the_timeline_marks_each_meeting_closed_with_its_count(
    report: Path, inputs: Inputs, seed: SeedReport, formats: Formats
) -> None:
    _, _, xml, _ = _charts(report)[TIMELINE]
    series = _series(xml)
    for meeting in inputs.report.meetings:
        if meeting.end > inputs.report.as_of:  # the meeting the report is for: no count yet
            assert meeting.short_name not in series
            continue
        days, values = series[meeting.short_name]
        marked = [(days[i], v) for i, v in enumerate(values) if v is not None]
        at_close = sum(1 for day in _deposits(seed) if day <= meeting.end)
        assert marked == [(_serial(meeting.end), str(at_close))]
    days, values = series[formats.long_date(inputs.report.as_of)]
    assert [(days[i], v) for i, v in enumerate(values) if v] == [
        (_serial(inputs.report.as_of), str(seed.total_deposits))
    ]


def test_the_bars_are_the_new_states_parties_of_each_region(
    report: Path, inputs: Inputs, seed: SeedReport
) -> None:
    _, _, xml, _ = _charts(report)[REGIONS]
    since = inputs.meeting(inputs.report.counting_since)
    ((regions, counts),) = _series(xml).values()
    new = [r.data_name for r in seed.rows if r.deposit and r.deposit > since.end]
    assert regions == [region.name for region in inputs.report.regions]
    assert counts == [
        str(sum(1 for name in new if inputs.state(name).region == region.name))
        for region in inputs.report.regions
    ]
    assert counts == ["5", "5", "1", "7", "2"]  # Africa, the Americas, Asia, Europe, Pacific


def test_the_embedded_workbook_holds_what_each_series_refers_to(report: Path) -> None:
    # What Word's Edit Data opens: the cells each series names hold its cached values.
    for title, (_, _, xml, workbook) in _charts(report).items():
        assert workbook is not None, title
        cells = _sheet(workbook)
        root = etree.fromstring(xml)
        for ser in root.xpath("//c:ser", namespaces=C):
            (name_cell,) = ser.xpath("./c:tx/c:strRef/c:f/text()", namespaces=C)
            assert cells[name_cell.split("!$")[1].replace("$", "")] == "".join(
                ser.xpath("./c:tx//c:v/text()", namespaces=C)
            )
            for data in ("cat", "val"):
                (reference,) = ser.xpath(f"./c:{data}//c:f/text()", namespaces=C)
                column, first, last = re.fullmatch(
                    r"Sheet1!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)", reference
                ).groups()  # type: ignore[union-attr]
                cached = {
                    int(p.get("idx")): p.findtext("c:v", namespaces=C)
                    for p in ser.xpath(f"./c:{data}//c:pt", namespaces=C)
                }
                for row in range(int(first), int(last) + 1):
                    assert cells.get(f"{column}{row}") == cached.get(row - int(first)), (
                        title,
                        reference,
                        row,
                    )


def test_the_embedded_workbook_shows_dates_as_dates(report: Path) -> None:
    _, _, _, workbook = _charts(report)[TIMELINE]
    assert workbook is not None
    with zipfile.ZipFile(io.BytesIO(workbook)) as package:
        sheet = etree.fromstring(package.read("xl/worksheets/sheet1.xml"))
        styles = etree.fromstring(package.read("xl/styles.xml"))
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    (style,) = set(sheet.xpath("//x:c[starts-with(@r, 'A') and @r != 'A1']/@s", namespaces=C))
    number_format = styles.xpath("//x:cellXfs/x:xf", namespaces=C)[int(style)].get("numFmtId")
    assert styles.xpath(f"//x:numFmt[@numFmtId={number_format}]/@formatCode", namespaces=C) == [
        "dd.mm.yyyy"
    ]


def test_timeline_alt_text_states_its_counts(
    report: Path, inputs: Inputs, formats: Formats, seed: SeedReport
) -> None:
    text = _charts(report)[TIMELINE][1]["descr"]
    opened = inputs.report.convention.opened_for_signature
    on_opening_day = sum(1 for day in _deposits(seed) if day == opened)
    assert (
        f"rose from {on_opening_day} on {formats.long_date(opened)}, the day the Convention "
        f"opened for signature, to {seed.total_deposits} on "
        f"{formats.long_date(inputs.report.as_of)}"
    ) in text
    for meeting in inputs.report.meetings:
        if meeting.end <= inputs.report.as_of:
            at_close = sum(1 for day in _deposits(seed) if day <= meeting.end)
            assert (
                f"the {meeting.short_name} ({meeting.city}), closing on "
                f"{formats.long_date(meeting.end)} with {at_close} States Parties"
            ) in text
        else:  # the meeting the report is for, after the as-of date: no count yet
            assert f"the {meeting.short_name} ({meeting.city}), opening on" in text
    # Holy See, Ireland, Norway and Sierra Leone ratified on 3 December 2008: not "from 0".
    assert "rose from 4 on 3 December 2008" in text


def test_regions_alt_text_states_each_region_count(
    report: Path, inputs: Inputs, formats: Formats, seed: SeedReport
) -> None:
    text = _charts(report)[REGIONS][1]["descr"]
    since = inputs.meeting(inputs.report.counting_since)
    new = [r.data_name for r in seed.rows if r.deposit and r.deposit > since.end]
    assert f"the {len(new)} new States Parties since the {since.short_name}" in text
    for region in inputs.report.regions:
        count = sum(1 for name in new if inputs.state(name).region == region.name)
        assert f"{region.prose} {count}" in text
    assert "Africa 5, the Americas 5, Asia 1, Europe 7 and the Pacific 2" in text


def test_the_rendition_shows_each_chart_as_its_alt_text_and_its_data(
    report: Path, inputs: Inputs, seed: SeedReport
) -> None:
    lines = rendition(report).splitlines()
    since = inputs.meeting(inputs.report.counting_since)
    new = [r.data_name for r in seed.rows if r.deposit and r.deposit > since.end]
    (at,) = [i for i, line in enumerate(lines) if line.startswith("![Bar chart:")]
    rows = [
        f"| {region.name} | {sum(1 for n in new if inputs.state(n).region == region.name)} |"
        for region in inputs.report.regions
    ]
    assert lines[at + 2 : at + 2 + len(rows)] == rows
    (at,) = [i for i, line in enumerate(lines) if line.startswith("![Step line chart:")]
    assert lines[at + 1].split(" | ")[1] == "States Parties"
    assert lines[at + 2].startswith("| 03.12.2008 | 4 |")


# --- The template's design survives every build ------------------------------------------


def _template_with(tmp_path: Path, edit: dict[str, Callable[[etree._Element], None]]) -> Path:
    """A copy of the template whose chart parts are changed by `edit`, by chart title."""
    titles = {}
    document = docx.Document(str(TEMPLATE))
    for frame in document.element.body.xpath(".//wp:inline[.//c:chart]"):
        (rId,) = frame.xpath(".//c:chart/@r:id")
        titles[document.part.related_parts[rId].partname.lstrip("/")] = frame.xpath(
            "string(./wp:docPr/@title)"
        )
    edited = tmp_path / "restyled.docx"
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(edited, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if titles.get(info.filename) in edit:
                root = etree.fromstring(data)
                edit[titles[info.filename]](root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            target.writestr(info, data)
    return edited


def _red_bars(root: etree._Element) -> None:
    for colour in root.xpath("//c:ser/c:spPr/a:solidFill/a:srgbClr", namespaces=C):
        colour.set("val", "C00000")


def _larger_text(root: etree._Element) -> None:
    for properties in root.xpath("//*[@sz='900']", namespaces=C):
        properties.set("sz", "1100")


def _no_series(root: etree._Element) -> None:
    for ser in root.xpath("//c:ser", namespaces=C):
        ser.getparent().remove(ser)


def test_a_chart_restyled_in_the_template_keeps_its_style_with_other_data(
    data_copy: Path, tmp_path: Path, inputs: Inputs
) -> None:
    # The bars turn red and the line's labels grow to 11 pt, as a user would set them in
    # Word; then a State ratifies and the charts take the new figures, in the new style.
    template = _template_with(tmp_path, {REGIONS: _red_bars, TIMELINE: _larger_text})
    states = data_copy / "states.yaml"
    text = states.read_text(encoding="utf-8")
    at = text.index("name: Canada\n")
    end = text.index("\n- ", at)
    states.write_text(text[:end] + "\n  ratification: 2013-08-15" + text[end:], encoding="utf-8")
    output = tmp_path / "report.docx"
    build(data_copy, template, output)
    found = _charts(output)
    regions = etree.fromstring(found[REGIONS][2])
    (fill,) = regions.xpath("//c:ser/c:spPr/a:solidFill/a:srgbClr/@val", namespaces=C)
    assert fill == "C00000"
    ((names, counts),) = _series(found[REGIONS][2]).values()
    assert counts[names.index("Americas")] == "6"  # five, and Canada
    timeline = found[TIMELINE][2]
    assert b'sz="900"' not in timeline and b'sz="1100"' in timeline
    _, values = _series(timeline)["States Parties"]
    assert values[-1] == "84"


def test_every_meeting_takes_the_look_of_the_designs_meeting(
    figures: Figures, formats: Formats, say: Sentences
) -> None:
    # A later report marks a dozen meetings: each is styled as the design's one meeting
    # (a dot, a dashed line to the axis, its name and count), and filling a chart that was
    # filled before gives what filling the design does.
    timeline = figures.states_parties_over_time
    first = timeline.meetings[0]
    assert first.states_parties is not None
    yearly = tuple(
        MeetingMark(
            first.meeting.model_copy(
                update={"key": f"M{year}", "short_name": f"MSP {year}", "end": dt.date(year, 9, 1)}
            ),
            first.states_parties,
        )
        for year in range(2009, 2013)
    )
    longer = replace(timeline, meetings=yearly)
    chart = charts.states_parties_over_time(longer, formats, say)
    series = [ooxml_charts.ChartSeries(s.name, s.values, s.style, s.labelled) for s in chart.series]
    design = (DESIGNS / "states_parties_over_time.xml").read_bytes()
    filled = ooxml_charts.fill_chart(design, chart.categories, series)
    root = etree.fromstring(filled)
    meetings = [
        s
        for s in root.xpath("//c:ser", namespaces=C)
        if "MSP" in "".join(s.xpath("./c:tx//c:v/text()", namespaces=C))
    ]
    assert len(meetings) == 4
    for ser in meetings:
        assert ser.xpath("./c:errBars/c:errBarType/@val", namespaces=C) == ["minus"]
        assert ser.xpath("./c:dLbls/c:showSerName/@val", namespaces=C) == ["1"]
    last = root.xpath("//c:ser", namespaces=C)[-1]
    assert not last.xpath("./c:errBars", namespaces=C)  # the as-of count: a dot and its value
    assert [int(s.get("val")) for s in root.xpath("//c:ser/c:idx", namespaces=C)] == list(range(6))
    again = etree.fromstring(ooxml_charts.fill_chart(TEMPLATE_CHART(), chart.categories, series))
    assert etree.tostring(again.find("c:chart", C)) == etree.tostring(root.find("c:chart", C))


def TEMPLATE_CHART() -> bytes:
    """The template's timeline chart part, as filled when the template was made."""
    return _charts(TEMPLATE)[TIMELINE][2]


def test_a_chart_without_series_is_a_template_problem(
    tmp_path: Path, inputs: Inputs, figures: Figures
) -> None:
    template = _template_with(tmp_path, {TIMELINE: _no_series})
    with pytest.raises(InputError) as raised:
        render(KIND.document(inputs, figures), template)
    (problem,) = raised.value.problems
    assert "charts.states_parties_over_time" in str(problem)
    assert "no series" in str(problem)


# --- Placeholders ----------------------------------------------------------------------


def test_a_chart_left_out_of_the_template_leaves_no_chart_part(
    tmp_path: Path, inputs: Inputs, figures: Figures
) -> None:
    template = docx.Document(str(TEMPLATE))
    for paragraph in template.paragraphs:
        if "charts.states_parties_over_time" in paragraph.text:
            paragraph._p.getparent().remove(paragraph._p)
    edited = tmp_path / "template.docx"
    template.save(str(edited))
    output = tmp_path / "report.docx"
    output.write_bytes(render(KIND.document(inputs, figures), edited))
    assert list(_charts(output)) == [REGIONS]
    with zipfile.ZipFile(output) as package:
        names = package.namelist()
    assert len([n for n in names if n.startswith("word/charts/") and n.endswith(".xml")]) == 1
    assert len([n for n in names if n.endswith(".xlsx")]) == 1


def test_data_in_a_chart_is_shown_literally(data_copy: Path, tmp_path: Path) -> None:
    # "&" and "<" must survive as XML in the alt text, the series name and the workbook;
    # "{_{ 7*7 }_}" must not become a template tag.
    name = "2nd MSP $x^ & <b> {_{ 7*7 }_}"
    report = data_copy / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            "  - key: 2MSP\n", f"  - key: 2MSP\n    short_name: '{name}'\n", 1
        ),
        encoding="utf-8",
    )
    output = tmp_path / "report.docx"
    build(data_copy, TEMPLATE, output)
    found = _charts(output)
    assert f"the {name} (Beirut), closing on" in found[TIMELINE][1]["descr"]
    assert f"since the {name} closed" in found[REGIONS][1]["descr"]
    assert "49" not in found[TIMELINE][1]["descr"] + found[REGIONS][1]["descr"]
    assert name in _series(found[TIMELINE][2])
    workbook = found[TIMELINE][3]
    assert workbook is not None and name in _sheet(workbook).values()


def test_a_charts_placeholder_sits_in_its_paragraph_and_prints_nothing(report: Path) -> None:
    # In the template each chart's paragraph names its data; in the report the placeholder
    # is gone and the alternative text states the figures.
    for path, placeholders in ((TEMPLATE, True), (report, False)):
        found = _charts(path)
        assert set(found) == {TIMELINE, REGIONS}
        for title, (paragraph, _, _, _) in found.items():
            name = (
                "states_parties_over_time" if title == TIMELINE else "new_states_parties_by_region"
            )
            assert paragraph.text == (f"{{{{ charts.{name} }}}}" if placeholders else "")
    assert all(
        p["descr"].startswith(("Step line chart:", "Bar chart:"))
        for _, p, _, _ in _charts(report).values()
    )


@needs_libreoffice
def test_a_template_saved_by_libreoffice_still_fills_its_charts(
    report: Path, tmp_path: Path, inputs: Inputs, figures: Figures
) -> None:
    # LibreOffice 7.4 drops a chart's alternative text when it saves a .docx, and writes
    # the chart part anew: the paragraph's placeholder still binds it, its style stays.
    saved = libreoffice_convert(TEMPLATE, tmp_path, "docx", tmp_path / "profile")
    output = tmp_path / "report.docx"
    output.write_bytes(render(KIND.document(inputs, figures), saved))
    ours, theirs = _charts(report), _charts(output)
    assert set(theirs) == {TIMELINE, REGIONS}
    for title in (TIMELINE, REGIONS):
        assert theirs[title][1]["descr"] == ours[title][1]["descr"]
        assert _series(theirs[title][2]) == _series(ours[title][2])
        root = etree.fromstring(theirs[title][2])
        shown = "//c:catAx | //c:dateAx | //c:dLbls[c:showVal/@val='1' or c:showSerName/@val='1']"
        fonts = root.xpath(f"({shown})//a:latin/@typeface", namespaces=C)
        assert fonts and set(fonts) == {"Times New Roman"}  # what shows keeps its font
        assert theirs[title][0].text == ""


# --- Identical bytes, and nothing drawn -----------------------------------------------------


def test_the_same_figures_give_the_same_chart_parts_in_another_process(
    report: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.docx"
    build_in_a_process(other)
    with zipfile.ZipFile(report) as a, zipfile.ZipFile(other) as b:
        names = [n for n in a.namelist() if n.startswith(("word/charts/", "word/embeddings/"))]
        assert len(names) == 6  # two charts, their relationships and workbooks
        assert all(a.read(n) == b.read(n) for n in names)


def test_a_build_imports_no_plotting_library(tmp_path: Path) -> None:
    done = build_in_a_process(tmp_path / "report.docx", python_options=["-X", "importtime"])
    imported = {
        line.split("|")[-1].strip().partition(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "reportgen" in imported and "docx" in imported  # the listing is a build's
    assert imported.isdisjoint({"matplotlib", "numpy", "PIL", "openpyxl"})


# --- LibreOffice ----------------------------------------------------------------------------


@needs_libreoffice
def test_libreoffice_draws_both_charts_with_their_labels_and_values(
    report: Path, tmp_path: Path, inputs: Inputs, seed: SeedReport
) -> None:
    pdf = libreoffice_convert(report, tmp_path, "pdf", tmp_path / "profile")
    text = pdf_text(pdf)
    start = text.index("humanitarian law mechanism.")
    end = text.index("Figure 2:")
    charts_text = text[start:end]
    for region in inputs.report.regions:
        assert region.name in charts_text
    for meeting in inputs.report.meetings:
        if meeting.end <= inputs.report.as_of:
            at_close = sum(1 for day in _deposits(seed) if day <= meeting.end)
            # its label, name above count (pdftotext interleaves the axis' numbers)
            assert re.search(
                rf"{re.escape(meeting.short_name)}(?: \d+)? {at_close}\b", charts_text
            ), meeting.short_name
    assert str(seed.total_deposits) in charts_text
    assert "States Parties" in charts_text  # the value axis' title
    years = range(inputs.report.convention.opened_for_signature.year, inputs.report.as_of.year)
    assert all(f"Dec {year}" in charts_text for year in years)  # the date axis


def test_charts_are_set_in_the_documents_times_new_roman(report: Path) -> None:
    document = docx.Document(str(report))
    (font,) = set(document.styles.element.xpath("//w:docDefaults//w:rFonts/@w:ascii"))
    for title, (_, _, xml, _) in _charts(report).items():
        root = etree.fromstring(xml)
        assert set(root.xpath("//a:latin/@typeface", namespaces=C)) == {font}, title
        assert root.xpath("/c:chartSpace/c:txPr//a:latin/@typeface", namespaces=C) == [font]


def test_a_placeholder_without_its_chart_is_told_how_to_fix_it(
    tmp_path: Path, inputs: Inputs, figures: Figures
) -> None:
    # Templates made before native charts placed a picture with {{r charts.NAME }}; an
    # author may also cut a chart and leave its placeholder.
    template = docx.Document(str(TEMPLATE))
    template.add_paragraph().add_run("{{r charts.new_states_parties_by_region }}")
    old = tmp_path / "old.docx"
    template.save(str(old))
    with pytest.raises(InputError) as raised:
        render(KIND.document(inputs, figures), old)
    (problem,) = raised.value.problems
    message = str(problem)
    assert "{{ charts.new_states_parties_by_region }} holds no chart" in message
    assert "native Word charts" in message
    assert "delete that paragraph" in message


def test_a_placeholder_naming_no_chart_is_a_template_problem(
    tmp_path: Path, inputs: Inputs, figures: Figures
) -> None:
    template = docx.Document(str(TEMPLATE))
    for paragraph in template.paragraphs:
        for run in paragraph.runs:
            if "charts.new_states_parties_by_region" in run.text:  # not the chart's run
                run.text = run.text.replace("new_states_parties_by_region", "regions")
    misspelt = tmp_path / "misspelt.docx"
    template.save(str(misspelt))
    with pytest.raises(InputError) as raised:
        render(KIND.document(inputs, figures), misspelt)
    assert "regions" in " ".join(str(p) for p in raised.value.problems)


def _meetings_every(timeline: Any, days: int) -> Any:
    """The timeline with a meeting closing every `days` days before its end (each with the
    count of the real first meeting: the labels, not the counts, are what is tested)."""
    first = timeline.meetings[0]
    closes = []
    day = timeline.end - dt.timedelta(days=days)
    while day > timeline.start:
        closes.append(day)
        day -= dt.timedelta(days=days)
    marks = tuple(
        MeetingMark(
            first.meeting.model_copy(
                update={
                    "key": f"M{n}",
                    "typed_short_name": f"M{n}",
                    "typed_start": close,
                    "typed_end": close,
                }
            ),
            first.states_parties,
        )
        for n, close in enumerate(sorted(closes))
    )
    return replace(timeline, meetings=marks)


def test_crowded_meetings_keep_their_marks_and_only_the_labels_that_fit(
    figures: Figures, formats: Formats, say: Sentences
) -> None:
    timeline = _meetings_every(figures.states_parties_over_time, 60)
    chart = charts.states_parties_over_time(timeline, formats, say)
    meetings = [s for s in chart.series if s.style == charts.MEETING]
    assert len(meetings) == len(timeline.meetings) > 20
    labelled = [s for s in meetings if s.labelled]
    assert 3 <= len(labelled) < len(meetings)
    room = (timeline.end - timeline.start).days * charts.LABEL_ROOM
    days = [chart.categories[s.values.index(next(v for v in s.values if v))] for s in labelled]
    marks = sorted([*days, timeline.end])
    assert all((b - a).days >= room for a, b in itertools.pairwise(marks))

    series = [ooxml_charts.ChartSeries(s.name, s.values, s.style, s.labelled) for s in chart.series]
    design = (DESIGNS / "states_parties_over_time.xml").read_bytes()
    root = etree.fromstring(ooxml_charts.fill_chart(design, chart.categories, series))
    by_name = {
        "".join(s.xpath("./c:tx//c:v/text()", namespaces=C)): s
        for s in root.xpath("//c:ser", namespaces=C)
    }
    for meeting in meetings:
        ser = by_name[meeting.name]
        assert ser.xpath("./c:errBars", namespaces=C) and ser.xpath("./c:marker", namespaces=C)
        deleted = ser.xpath("./c:dLbls/c:delete/@val", namespaces=C) == ["1"]
        assert deleted == (not meeting.labelled), meeting.name

    # A template filled with these data, its first meetings unlabelled, still labels the
    # meetings of a report with room for them.
    roomy = charts.states_parties_over_time(figures.states_parties_over_time, formats, say)
    again = etree.fromstring(
        ooxml_charts.fill_chart(
            etree.tostring(root),
            roomy.categories,
            [ooxml_charts.ChartSeries(s.name, s.values, s.style, s.labelled) for s in roomy.series],
        )
    )
    for ser in again.xpath("//c:ser[c:errBars]", namespaces=C):
        assert ser.xpath("./c:dLbls/c:showSerName/@val", namespaces=C) == ["1"]


def test_the_rendition_reads_no_chart_part_larger_than_its_limit(
    report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A .docx given to `reportgen text` is untrusted: an outsized chart shows its words only.
    sizes = {
        n: i.file_size for n, i in ((i.filename, i) for i in zipfile.ZipFile(report).infolist())
    }
    monkeypatch.setattr(ooxml_charts, "CHART_PART_LIMIT", sizes["word/charts/chart1.xml"] - 1)
    lines = rendition(report).splitlines()
    (timeline,) = [i for i, line in enumerate(lines) if line.startswith("![Step line chart:")]
    (regions,) = [i for i, line in enumerate(lines) if line.startswith("![Bar chart:")]
    assert not lines[timeline + 1].startswith("| ")
    assert lines[regions + 1].startswith("| ")


def test_a_spreadsheet_reader_finds_the_charts_data_in_the_embedded_workbook(
    report: Path,
) -> None:
    # openpyxl, a reader we did not write, opens each workbook: a header of series names,
    # then the categories (days as dates) and the values the chart shows.
    for title, (_, _, xml, workbook) in _charts(report).items():
        assert workbook is not None
        sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active
        assert sheet is not None
        rows = list(sheet.iter_rows(values_only=True))
        series = _series(xml)
        assert list(rows[0][1:]) == list(series), title
        categories = next(iter(series.values()))[0]
        assert len(rows) == 1 + len(categories)
        for column, (_, values) in enumerate(series.values(), start=1):
            assert [row[column] for row in rows[1:]] == [
                None if v is None else int(v) for v in values
            ], title
        first = rows[1][0]
        if title == TIMELINE:
            assert isinstance(first, dt.datetime) and _serial(first.date()) == categories[0]
            assert sheet["A2"].number_format == "dd.mm.yyyy"
        else:
            assert [row[0] for row in rows[1:]] == categories
