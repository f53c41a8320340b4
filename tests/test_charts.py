"""The charts of section I: pictures with numbered captions, alt text that states their
figures, and PNG bytes that depend on the data alone.

Expected counts come from the seed report's own table (tests/seed.py) and the dates of
data/report.yaml; never from reportgen's output.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import struct
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import matplotlib
import pytest
from docx.text.paragraph import Paragraph
from matplotlib.font_manager import FontManager

from reportgen import charts
from reportgen import render as render_stage
from reportgen.figures import Figures, MeetingMark
from reportgen.formatting import Formats
from reportgen.models import Inputs
from reportgen.pipeline import build
from reportgen.render import render
from reportgen.text import rendition
from tests.conftest import DATA, ROOT, TEMPLATE
from tests.seed import SeedReport

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def formats(inputs: Inputs) -> Formats:
    return Formats(inputs.report.locale)


def _pictures(document: docx.document.Document) -> list[tuple[Paragraph, dict[str, str], bytes]]:
    """Each body paragraph holding a picture, with its wp:docPr attributes and image bytes."""
    found = []
    for paragraph in document.paragraphs:
        for inline in paragraph._p.xpath(".//wp:inline"):
            properties = dict(inline.xpath("./wp:docPr")[0].attrib)
            (embed,) = inline.xpath(".//a:blip/@r:embed")
            found.append((paragraph, properties, document.part.related_parts[embed].blob))
    return found


def _alt_text(document: docx.document.Document, title: str) -> str:
    matching = [p["descr"] for _, p, _ in _pictures(document) if p.get("title") == title]
    assert len(matching) == 1, title
    return matching[0]


def _chunks(png: bytes) -> list[bytes]:
    """The chunk types of a PNG file, in order."""
    assert png.startswith(PNG_SIGNATURE)
    types, at = [], len(PNG_SIGNATURE)
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        types.append(png[at + 4 : at + 8])
        at += 12 + length
    return types


def _media(docx_path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx_path) as package:
        return {n: package.read(n) for n in package.namelist() if n.startswith("word/media/")}


def _deposits(seed: SeedReport) -> list[dt.date]:
    return [r.deposit for r in seed.rows if r.deposit]


# --- In the report -----------------------------------------------------------------------


def test_two_charts_are_pictures_in_section_one(document: docx.document.Document) -> None:
    paragraphs = document.paragraphs
    headings = [i for i, p in enumerate(paragraphs) if p.style and p.style.name == "Heading 1"]
    section_one = next(i for i in headings if paragraphs[i].text == "I. Latest figures")
    section_two = headings[headings.index(section_one) + 1]
    pictures = _pictures(document)
    assert len(pictures) == 2
    for paragraph, _, image in pictures:
        index = next(i for i, p in enumerate(paragraphs) if p._p is paragraph._p)
        assert section_one < index < section_two
        assert image.startswith(PNG_SIGNATURE)
        assert paragraph.paragraph_format.keep_with_next  # the caption stays with it


def test_each_chart_has_a_numbered_caption_in_words_built_in_style(
    document: docx.document.Document, report: Path
) -> None:
    paragraphs = document.paragraphs
    for number, (paragraph, _, _) in enumerate(_pictures(document), start=1):
        index = next(i for i, p in enumerate(paragraphs) if p._p is paragraph._p)
        caption = paragraphs[index + 1]
        assert caption.style is not None and caption.style.name == "Caption"
        assert caption.style.style_id == "Caption"  # Word's own, so a table of figures finds it
        (instruction,) = caption._p.xpath("./w:fldSimple/@w:instr")
        assert instruction.split()[:2] == ["SEQ", "Figure"]
        assert caption._p.xpath("string(./w:fldSimple)") == str(number)
    captions = [line for line in rendition(report).splitlines() if line.startswith("[Caption]")]
    # the rendition shows the field, not the number Word and LibreOffice give it
    assert [line.split(":")[0] for line in captions] == ["[Caption] Figure {SEQ Figure}"] * 2


def test_image_parts_are_png_and_only_the_charts(report: Path) -> None:
    media = _media(report)
    assert sorted(media) == ["word/media/image1.png", "word/media/image2.png"]
    with zipfile.ZipFile(report) as package:
        types = package.read("[Content_Types].xml").decode()
    assert 'Extension="png" ContentType="image/png"' in types


def test_timeline_alt_text_states_its_counts(
    document: docx.document.Document, inputs: Inputs, formats: Formats, seed: SeedReport
) -> None:
    text = _alt_text(document, "States Parties over time")
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


def test_timeline_starts_with_the_four_ratifications_of_the_opening_day(
    document: docx.document.Document,
) -> None:
    # Holy See, Ireland, Norway and Sierra Leone ratified on 3 December 2008: not "from 0".
    assert "rose from 4 on 3 December 2008" in _alt_text(document, "States Parties over time")


def test_regions_alt_text_states_each_region_count(
    document: docx.document.Document, inputs: Inputs, formats: Formats, seed: SeedReport
) -> None:
    text = _alt_text(document, "New States Parties by region")
    since = inputs.meeting(inputs.report.counting_since)
    new = [r.data_name for r in seed.rows if r.deposit and r.deposit > since.end]
    assert f"the {len(new)} new States Parties since the {since.short_name}" in text
    for region in inputs.report.regions:
        count = sum(1 for name in new if inputs.state(name).region == region.name)
        assert f"{region.prose} {count}" in text
    assert "Africa 5, the Americas 5, Asia 1, Europe 7 and the Pacific 2" in text


# --- Identical bytes --------------------------------------------------------------------


def test_png_carries_no_text_time_or_version(report: Path) -> None:
    for name, png in _media(report).items():
        chunks = _chunks(png)
        assert set(chunks) <= {b"IHDR", b"pHYs", b"IDAT", b"IEND"}, name
        assert b"atplotlib" not in png and b"Software" not in png, name


def test_charts_are_the_same_bytes_in_a_build_with_a_hostile_matplotlib_setup(
    report: Path, tmp_path: Path
) -> None:
    # Another process, a user matplotlibrc that changes fonts, lines, colours and DPI, and an
    # empty matplotlib cache (the font list is rebuilt from the machine's fonts).
    config = tmp_path / "mplconfig"
    config.mkdir()
    (config / "matplotlibrc").write_text(
        "font.family: serif\nfont.size: 20\nlines.linewidth: 5\naxes.facecolor: black\n"
        "figure.facecolor: red\nsavefig.dpi: 50\nfigure.dpi: 30\ntext.hinting: none\n"
        "text.antialiased: False\n",
        encoding="utf-8",
    )
    other = tmp_path / "other.docx"
    environment = {**os.environ, "MPLCONFIGDIR": str(config), "MATPLOTLIBRC": str(config)}
    command = ["reportgen", "build", "--data", str(DATA), "--template", str(TEMPLATE)]
    subprocess.run(
        [sys.executable, "-m", *command, "--output", str(other)],
        check=True,
        cwd=ROOT,
        env=environment,
        capture_output=True,
    )
    assert _media(other) == _media(report)


def test_charts_ignore_rc_changes_made_in_the_process(
    report: Path, figures: Figures, formats: Formats
) -> None:
    with matplotlib.rc_context({"lines.linewidth": 7, "font.family": "serif", "font.size": 30}):
        drawn = charts.states_parties_over_time(figures.states_parties_over_time, formats)
    assert drawn.png in _media(report).values()


def test_chart_text_is_set_only_in_matplotlibs_own_dejavu_sans(
    monkeypatch: pytest.MonkeyPatch, inputs: Inputs, figures: Figures, formats: Formats
) -> None:
    found: list[str] = []
    original = FontManager.findfont

    def spy(self: FontManager, *args: Any, **kwargs: Any) -> str:
        path = original(self, *args, **kwargs)
        found.append(str(path))
        return str(path)

    monkeypatch.setattr(FontManager, "findfont", spy)
    charts.states_parties_over_time(figures.states_parties_over_time, formats)
    charts.new_states_parties_by_region(
        figures.new_states_parties,
        figures.new_states_parties_by_region,
        inputs.meeting(inputs.report.counting_since),
        formats,
    )
    assert found and set(found) == {str(charts.FONT)}
    assert charts.FONT.is_relative_to(Path(matplotlib.get_data_path()))


# --- Data and template -------------------------------------------------------------------


def test_data_in_a_chart_is_shown_literally(data_copy: Path, tmp_path: Path) -> None:
    # "$" would start matplotlib's mathtext (and an unbalanced one raise); "&" and "<" must
    # survive as XML; "{_{ 7*7 }_}" must not become a template tag.
    name = "2nd MSP $x^ & <b> {_{ 7*7 }_}"
    report = data_copy / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            "short_name: 2nd MSP", f"short_name: '{name}'", 1
        ),
        encoding="utf-8",
    )
    output = tmp_path / "report.docx"
    build(data_copy, TEMPLATE, output)
    document = docx.Document(str(output))
    assert f"the {name} (Beirut), closing on" in _alt_text(document, "States Parties over time")
    assert f"since the {name} closed" in _alt_text(document, "New States Parties by region")
    assert "49" not in "".join(p["descr"] for _, p, _ in _pictures(document))


def test_a_chart_left_out_of_the_template_leaves_no_image_part(
    tmp_path: Path, inputs: Inputs, figures: Figures
) -> None:
    template = docx.Document(str(TEMPLATE))
    for paragraph in template.paragraphs:
        if "charts.states_parties_over_time" in paragraph.text:
            paragraph._p.getparent().remove(paragraph._p)
    edited = tmp_path / "template.docx"
    template.save(str(edited))
    output = tmp_path / "report.docx"
    output.write_bytes(render(inputs, figures, edited))
    assert len(_media(output)) == 1
    assert [p["title"] for _, p, _ in _pictures(docx.Document(str(output)))] == [
        "New States Parties by region"
    ]


def test_charts_are_drawn_at_the_text_width(document: docx.document.Document) -> None:
    section = document.sections[0]
    assert section.page_width and section.left_margin and section.right_margin
    text_width = section.page_width - section.left_margin - section.right_margin
    for paragraph, _, image in _pictures(document):
        (extent,) = paragraph._p.xpath(".//wp:extent")
        assert abs(int(extent.get("cx")) - text_width) < 3600  # within 0.1 mm
        (width,) = struct.unpack(">I", image[16:20])
        assert abs(width - text_width / 914400 * charts.DPI) <= 1  # pixels at charts.DPI


def test_a_timeline_with_a_meeting_every_year_still_draws_the_same_bytes(
    figures: Figures, formats: Formats
) -> None:
    # A later report may mark a dozen meetings: their names then run along their lines.
    timeline = figures.states_parties_over_time
    first = timeline.meetings[0]
    yearly = tuple(
        MeetingMark(
            first.meeting.model_copy(
                update={
                    "key": f"M{year}",
                    "short_name": f"MSP {year}",
                    "start": first.meeting.start.replace(year=year),
                    "end": first.meeting.end.replace(year=year),
                }
            ),
            None,
        )
        for year in range(2010, 2024)
    )
    longer = replace(timeline, end=dt.date(2023, 12, 31), meetings=yearly)
    drawn = charts.states_parties_over_time(longer, formats)
    assert drawn.png.startswith(PNG_SIGNATURE)
    assert drawn.png == charts.states_parties_over_time(longer, formats).png
    assert "MSP 2023" in drawn.description


# --- Drawn once for the values they show -------------------------------------------------


def _count_drawings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the chart functions called from now on, in order."""
    drawn: list[str] = []
    for name in ("states_parties_over_time", "new_states_parties_by_region"):
        original = getattr(charts, name)

        @functools.wraps(original)
        def spy(*args: Any, _original: Any = original, **kwargs: Any) -> charts.Chart:
            drawn.append(_original.__name__)
            return _original(*args, **kwargs)  # type: ignore[no-any-return]

        monkeypatch.setattr(charts, name, spy)
    monkeypatch.setattr(render_stage, "_DRAWN", {})
    return drawn


def test_a_rebuild_draws_again_only_the_chart_whose_values_changed(
    monkeypatch: pytest.MonkeyPatch, data_copy: Path, tmp_path: Path
) -> None:
    drawn = _count_drawings(monkeypatch)
    first, again, edited = (tmp_path / f"{n}.docx" for n in ("first", "again", "edited"))
    build(data_copy, TEMPLATE, first)
    assert sorted(drawn) == ["new_states_parties_by_region", "states_parties_over_time"]

    drawn.clear()
    build(data_copy, TEMPLATE, again)
    assert drawn == []
    assert again.read_bytes() == first.read_bytes()

    # Albania's deposit a year later, still before the 1MSP: the timeline moves; the new
    # States Parties since the 2MSP, and so the chart of regions, stay as they were.
    states = data_copy / "states.yaml"
    text = states.read_text(encoding="utf-8")
    assert text.count("ratification: 2009-06-16") == 1  # Albania's, as in the seed's table
    states.write_text(
        text.replace("ratification: 2009-06-16", "ratification: 2010-06-16"), encoding="utf-8"
    )
    drawn.clear()
    build(data_copy, TEMPLATE, edited)
    assert drawn == ["states_parties_over_time"]
    before, after = _media(first), _media(edited)
    assert len(set(before.values()) & set(after.values())) == 1  # the regions' chart


def test_a_chart_reused_from_an_earlier_build_has_the_bytes_of_one_drawn_afresh(
    monkeypatch: pytest.MonkeyPatch, inputs: Inputs, figures: Figures, tmp_path: Path
) -> None:
    drawn = _count_drawings(monkeypatch)
    render(inputs, figures, TEMPLATE)
    reused = render(inputs, figures, TEMPLATE)
    assert len(drawn) == 2  # the second render drew nothing
    monkeypatch.setattr(render_stage, "_DRAWN", {})
    assert render(inputs, figures, TEMPLATE) == reused
    assert len(drawn) == 4


def test_a_chart_is_drawn_again_when_anything_it_shows_changes(
    monkeypatch: pytest.MonkeyPatch, figures: Figures, formats: Formats
) -> None:
    monkeypatch.setattr(render_stage, "_DRAWN", {})
    drawn: list[tuple[object, ...]] = []

    def draw(*arguments: object) -> charts.Chart:
        drawn.append(arguments)
        return charts.Chart(b"", 1.0, 1.0, "title", "description")

    timeline = figures.states_parties_over_time
    first = timeline.meetings[0]
    renamed = replace(
        timeline,
        meetings=(
            MeetingMark(first.meeting.model_copy(update={"short_name": "MSP-2"}), None),
            *timeline.meetings[1:],
        ),
    )
    calls: list[tuple[object, ...]] = [
        (timeline, formats, 16.0),
        (timeline, formats, 16.0),  # the same: reused
        (timeline, formats, 15.0),  # another width
        (timeline, Formats("en_US"), 16.0),  # another locale
        (renamed, formats, 16.0),  # a meeting's label
        (replace(timeline, end=timeline.end + dt.timedelta(days=1)), formats, 16.0),
    ]
    for arguments in calls:
        render_stage._drawn(draw, *arguments)
    assert len(drawn) == len(calls) - 1
