"""What changed: the text diff and the Word redline of two reports one accession apart.

The pair: the frozen 4th MSP data, and the same data where one more State accedes within the
highlighted intersessional period. The diff must show that State and every figure that
depends on it, and nothing else; the redline must hold those changes as Word revisions.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.app import build
from reportgen.core.collation import collation_key
from reportgen.figures.compute import Figures, Share, Tally, compute
from reportgen.inputs.load import load_inputs
from reportgen.inputs.models import Inputs
from reportgen.language.formats import Formats
from reportgen.review.diff import colourise, diff_documents, diff_texts, wants_colour
from reportgen.review.redline import (
    DEFAULT_REDLINE_AUTHOR,
    RedlineFailed,
    RedlineUnavailable,
    parse_revision_date,
    redline,
    redline_bytes,
)
from reportgen.review.rendition import NotADocx, rendition
from tests.conftest import DATA, TEMPLATE
from tests.review.test_text import libreoffice_convert, needs_libreoffice, package, pdf_text

# The data change: one more State accedes, within the highlighted period (after the 3rd MSP).
NEW_STATE, NEW_STATE_ISO3, NEW_STATE_REGION = "Saint Kitts and Nevis", "KNA", "Americas"
ACCEDED = dt.date(2013, 6, 3)

# The figures an accession in the highlighted period changes, besides its region's tally.
DEPEND_ON_THE_ACCESSION = {
    "states_parties",
    "accessions",  # listed by `reportgen figures`, not printed
    "new_states_parties",
    "new_states_parties_share",
    "growth_since_meeting",
    "new_accessions",
    "period_states_parties",
    "period_accessions",
    "status_table",  # the State gains its row's date
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def one_more_accession(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of data/ where NEW_STATE accedes on ACCEDED."""
    data = tmp_path_factory.mktemp("accession") / "data"
    shutil.copytree(DATA, data)
    states = data / "states.yaml"
    record = (
        f"\n- name: {NEW_STATE}\n  iso3: {NEW_STATE_ISO3}\n  region: {NEW_STATE_REGION}\n"
        f"  accession: {ACCEDED.isoformat()}\n"
    )
    states.write_text(states.read_text(encoding="utf-8") + record, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def pair(
    report: Path, one_more_accession: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """The report of the 4th MSP data, and the report with the one more accession."""
    new = tmp_path_factory.mktemp("accession-report") / "report.docx"
    build(one_more_accession, TEMPLATE, new)
    return report, new


# --- The text diff --------------------------------------------------------------------------


def _value(figure: Tally | Share) -> object:
    return figure.states if isinstance(figure, Tally) else (figure.part, figure.whole)


def _line_with(text: str, phrase: str) -> str:
    (line,) = [line for line in text.splitlines() if phrase in line]
    return line


def _swap(line: str, changes: list[tuple[str, str]]) -> str:
    """`line` with each old phrase (which must be there) replaced by its new one."""
    for old, new in changes:
        assert old in line, f"{old!r} is not in {line!r}"
        line = line.replace(old, new, 1)
    return line


def _new_states_table(figures: Figures) -> list[str]:
    """The table of new States Parties as the report lays it out: names down the first
    column, then the second; those of the highlighted period in bold."""
    names = sorted(figures.new_states_parties.states, key=collation_key)
    bold = set(figures.period_states_parties.states)
    cells = [f"**{name}**" if name in bold else name for name in names]
    height = (len(cells) + 1) // 2
    cells += [""] * (2 * height - len(cells))
    return [f"| {cells[row]} | {cells[row + height]} |" for row in range(height)]


def _expected_changes(
    old_inputs: Inputs, old: Figures, new: Figures, old_text: str
) -> tuple[Counter[str], Counter[str]]:
    """The lines the accession must remove from and add to the rendition, from the figures."""
    formats = Formats(old_inputs.report.locale)
    words, names, pct = formats.words, formats.names, formats.percent

    def capital(number: int) -> str:
        return words(number).capitalize()

    def acceded(f: Figures) -> str:
        return (
            f"{capital(f.new_accessions.count)} of the abovementioned States acceded to the "
            f"Convention ({names(formats.sorted_names(f.new_accessions.states))})"
        )

    def acceded_in_period(f: Figures) -> str:
        count = f.period_accessions.count
        return (
            f"and {words(count)} {formats.plural(count, 'has', 'have')} acceded to it "
            f"({names(f.period_accessions.states)})"
        )

    def by_region(f: Figures) -> str:
        (entry,) = [e for e in f.new_states_parties_by_region if e.region.name == NEW_STATE_REGION]
        return f"- {entry.tally.count} from {entry.region.prose}"

    def total(f: Figures) -> str:
        return f"| **Total** | **{f.signatories.count}** | **{f.states_parties.count}** |"

    new_count, old_count = new.new_states_parties.count, old.new_states_parties.count
    intro = _line_with(old_text, f"{words(old_count)} ({old_count}) States")
    new_intro = _swap(
        intro,
        [
            (f"{words(old_count)} ({old_count})", f"{words(new_count)} ({new_count})"),
            (f"to {old.states_parties.count},", f"to {new.states_parties.count},"),
            (pct(old.growth_since_meeting, 1), pct(new.growth_since_meeting, 1)),
            (
                f"{pct(old.new_states_parties_share, 1)} of all {old.states_parties.count}",
                f"{pct(new.new_states_parties_share, 1)} of all {new.states_parties.count}",
            ),
            (
                f"{capital(old.period_states_parties.count)} of them",
                f"{capital(new.period_states_parties.count)} of them",
            ),
        ],
    )
    accessions = _line_with(old_text, acceded(old))
    new_accessions = _swap(
        accessions,
        [(acceded(old), acceded(new)), (acceded_in_period(old), acceded_in_period(new))],
    )
    old_rows, new_rows = Counter(_new_states_table(old)), Counter(_new_states_table(new))
    assert set(old_rows) <= set(old_text.splitlines()), "the table is laid out as the report's"
    status_row = f"| {NEW_STATE} |  | {formats.short_date(ACCEDED)} |"
    removed = Counter([intro, accessions, by_region(old), total(old)]) + (old_rows - new_rows)
    added = Counter([new_intro, new_accessions, by_region(new), total(new), status_row])
    return removed, added + (new_rows - old_rows)


def test_one_more_accession_shows_that_state_and_every_figure_that_depends_on_it(
    pair: tuple[Path, Path], inputs: Inputs, one_more_accession: Path
) -> None:
    old_docx, new_docx = pair
    period_start = inputs.meeting(inputs.report.highlight.after)
    assert not inputs.has_state(NEW_STATE)
    assert period_start.end < ACCEDED <= inputs.report.as_of
    old, new = compute(inputs), compute(load_inputs(one_more_accession))
    changed = {
        name for name, figure in new.named().items() if _value(figure) != _value(old.named()[name])
    }
    assert changed == DEPEND_ON_THE_ACCESSION | {f"new_states_parties_by_region.{NEW_STATE_REGION}"}

    diff = diff_documents(old_docx, new_docx)
    assert diff[:2] == [f"--- {old_docx}", f"+++ {new_docx}"]
    old_text, new_text = rendition(old_docx), rendition(new_docx)
    chart_rows = _chart_rows(old_text) | _chart_rows(new_text)
    text_lines = [line for line in diff[2:] if line[1:] not in chart_rows]
    removed = Counter(line[1:] for line in text_lines if line.startswith("-"))
    added = Counter(line[1:] for line in text_lines if line.startswith("+"))
    pictures_removed = [line[1:] for line in diff[2:] if line.startswith("-![")]
    pictures_added = [line[1:] for line in diff[2:] if line.startswith("+![")]
    expected_removed, expected_added = _expected_changes(inputs, old, new, old_text)
    assert removed - Counter(pictures_removed) == expected_removed
    assert added - Counter(pictures_added) == expected_added
    assert any(NEW_STATE in line for line in expected_added)

    # A chart's alternative text may state figures too: it may change only in the numbers
    # of the figures that changed, each from its old value to its new one.
    count_changes = set()
    for name in changed:
        before, after = old.named()[name], new.named()[name]
        if isinstance(before, Tally) and isinstance(after, Tally):
            count_changes.add((str(before.count), str(after.count)))
    for was, now in zip(pictures_removed, pictures_added, strict=True):
        assert _NUMBER.split(was) == _NUMBER.split(now), (was, now)
        numbers = zip(_NUMBER.findall(was), _NUMBER.findall(now), strict=True)
        assert {(a, b) for a, b in numbers if a != b} <= count_changes, (was, now)

    # The charts' data: the region's bar grows by one, and the timeline steps up on the day.
    (count_before, count_after) = (
        next(e.tally.count for e in f.new_states_parties_by_region if e.region.name == region)
        for f, region in ((old, NEW_STATE_REGION), (new, NEW_STATE_REGION))
    )
    region_row = f"| {NEW_STATE_REGION} | {{}} |"
    assert f"-{region_row.format(count_before)}" in diff
    assert f"+{region_row.format(count_after)}" in diff
    day = Formats(inputs.report.locale).short_date(ACCEDED)
    assert any(line.startswith(f"+| {day} |") for line in diff)
    assert not any(line.startswith(f"| {day} |") for line in _chart_rows(old_text))


def _chart_rows(text: str) -> set[str]:
    """The rows of chart data in a rendition: the table lines right below a chart's `![...]`."""
    rows: set[str] = set()
    in_chart = False
    for line in text.splitlines():
        if line.startswith("!["):
            in_chart = True
        elif in_chart and line.startswith("| "):
            rows.add(line)
        else:
            in_chart = False
    return rows


def test_documents_that_read_the_same_have_no_diff(report: Path, tmp_path: Path) -> None:
    # the same document, its zip written anew: other bytes, the same text
    copy = tmp_path / "copy.docx"
    with zipfile.ZipFile(report) as source, zipfile.ZipFile(copy, "w") as target:
        for info in reversed(source.infolist()):
            target.writestr(info.filename, source.read(info), zipfile.ZIP_STORED)
    assert copy.read_bytes() != report.read_bytes()
    assert diff_documents(report, copy) == []


def test_diff_refuses_a_file_that_is_not_a_docx(report: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.docx"
    notes.write_text("draft notes", encoding="utf-8")
    with pytest.raises(NotADocx, match=re.escape(str(tmp_path / "notes.docx"))):
        diff_documents(report, notes)


@pytest.mark.skipif(shutil.which("patch") is None, reason="patch(1) not on PATH")
def test_the_diff_is_a_patch_that_turns_the_old_text_into_the_new(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    old_docx, new_docx = pair
    target = tmp_path / "report.txt"
    target.write_text(rendition(old_docx), encoding="utf-8")
    diff = "\n".join(diff_documents(old_docx, new_docx)) + "\n"
    subprocess.run(
        ["patch", "--quiet", str(target)], input=diff, text=True, check=True, capture_output=True
    )
    assert target.read_text(encoding="utf-8") == rendition(new_docx)


_LINES = st.lists(st.sampled_from(["", "a", "b", "| x |", "c d"]), max_size=40)


@given(old=_LINES, new=_LINES)
def test_the_diff_is_difflibs_unified_diff_where_no_line_is_junk(
    old: list[str], new: list[str]
) -> None:
    # fewer than 200 lines: difflib's autojunk heuristic, which diff_texts turns off, is idle
    expected = difflib.unified_diff(old, new, "old", "new", lineterm="")
    as_text = "".join(f"{line}\n" for line in old), "".join(f"{line}\n" for line in new)
    assert diff_texts(*as_text) == list(expected)


def test_context_is_the_number_of_unchanged_lines_around_a_change() -> None:
    old = "".join(f"line {n}\n" for n in range(10))
    new = old.replace("line 5", "line five")
    assert diff_texts(old, new, context=0) == [
        "--- old",
        "+++ new",
        "@@ -6 +6 @@",
        "-line 5",
        "+line five",
    ]
    assert diff_texts(old, new, context=1)[2:] == [
        "@@ -5,3 +5,3 @@",
        " line 4",
        "-line 5",
        "+line five",
        " line 6",
    ]
    with pytest.raises(ValueError, match="0 or more"):
        diff_texts(old, new, context=-1)


def test_colour_marks_the_changed_words_of_a_changed_paragraph() -> None:
    old = "Heading\nraising the number of States Parties from 63 to 83, an increase\nEnd\n"
    new = "Heading\nraising the number of States Parties from 63 to 84, an increase\nEnd\n"
    lines = diff_texts(old, new)
    coloured = list(colourise(lines))
    assert [_ANSI.sub("", line) for line in coloured] == lines
    (removed,) = [line for line in coloured if _ANSI.sub("", line).startswith("-raising")]
    (added,) = [line for line in coloured if _ANSI.sub("", line).startswith("+raising")]
    assert re.findall(r"\x1b\[7m(.*?)\x1b\[27m", removed) == ["83"]
    assert re.findall(r"\x1b\[7m(.*?)\x1b\[27m", added) == ["84"]
    assert removed.startswith("\x1b[31m") and added.startswith("\x1b[32m")


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    leader, follower = os.openpty()
    try:
        with open(follower, "w") as terminal:
            assert wants_colour(terminal, {})
            assert not wants_colour(terminal, {"NO_COLOR": "1"})
            assert wants_colour(terminal, {"NO_COLOR": ""})  # no-color.org: set and not empty
            assert not wants_colour(terminal, {"TERM": "dumb"})
            monkeypatch.setenv("NO_COLOR", "yes")
            assert not wants_colour(terminal)
    finally:
        os.close(leader)
    assert not wants_colour(io.StringIO(), {})


# --- The redline ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def redline_of_pair(pair: tuple[Path, Path]) -> bytes:
    pytest.importorskip("python_redlines", reason="the extra reportgen[redline] is not installed")
    return redline_bytes(*pair)


def _document_xml(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return package.read("word/document.xml").decode("utf-8")


def _rewrite_document(docx: bytes, *substitutions: tuple[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                for pattern, replacement in substitutions:
                    xml = re.sub(pattern, replacement, xml, flags=re.DOTALL)
                data = xml.encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def _row_marked(mark: str) -> str:
    """A table row whose properties mark it inserted or deleted as a whole."""
    return rf"<w:tr\b(?:(?!</w:tr>).)*?<w:trPr>(?:(?!</w:trPr>).)*<w:{mark}\b.*?</w:tr>"


def _accept_all(docx: bytes) -> bytes:
    """What Word's Accept All Changes leaves (for the markup docxodus writes)."""
    return _rewrite_document(
        docx,
        (_row_marked("del"), ""),
        (r"<w:del\b[^>]*(?<!/)>.*?</w:del>", ""),
        (r"<w:ins\b[^>]*(?<!/)>(.*?)</w:ins>", r"\1"),
    )


def _reject_all(docx: bytes) -> bytes:
    """What Word's Reject All Changes leaves (for the markup docxodus writes)."""
    return _rewrite_document(
        docx,
        (_row_marked("ins"), ""),
        (r"<w:ins\b[^>]*(?<!/)>.*?</w:ins>", ""),
        (r"<w:del\b[^>]*(?<!/)>(.*?)</w:del>", r"\1"),
        (r"<(/?)w:delText\b", r"<\1w:t"),
    )


def _revisions(xml: str) -> list[tuple[str, str, str]]:
    """(kind, author, date) of every w:ins and w:del."""
    found = []
    for match in re.finditer(r"<w:(ins|del)\b([^>]*)>", xml):
        attributes = dict(re.findall(r'w:(\w+)="([^"]*)"', match.group(2)))
        found.append((match.group(1), attributes.get("author", ""), attributes.get("date", "")))
    return found


def test_the_redline_holds_insertions_and_deletions_by_the_default_author(
    redline_of_pair: bytes,
) -> None:
    revisions = _revisions(_document_xml(redline_of_pair))
    kinds = Counter(kind for kind, _, _ in revisions)
    assert kinds["ins"] > 0 and kinds["del"] > 0
    assert {(author, date) for _, author, date in revisions} == {
        (DEFAULT_REDLINE_AUTHOR, "1980-01-01T00:00:00Z")
    }


def test_accepting_every_change_gives_the_new_report_and_rejecting_gives_the_old(
    redline_of_pair: bytes, pair: tuple[Path, Path]
) -> None:
    old_docx, new_docx = pair
    final = _without_comments(redline_of_pair)  # Word's Delete All Comments
    assert rendition(_accept_all(final)) == rendition(new_docx)
    # A changed chart is the new chart inserted (Word's revisions cannot hold "the same
    # chart with other data"): rejecting every change leaves the old report without it.
    assert rendition(_reject_all(final)) == _without_charts(rendition(old_docx))


def _without_comments(docx: bytes) -> bytes:
    return _rewrite_document(
        docx,
        (r"<w:commentRange(?:Start|End)\b[^>]*/>", ""),
        (r"<w:r><w:commentReference\b[^>]*/></w:r>", ""),
    )


def _without_charts(text: str) -> str:
    """A rendition without its charts: their `![...]` lines and rows of data."""
    rows = _chart_rows(text)
    return "".join(
        line for line in text.splitlines(keepends=True)
        if not line.startswith("![") and line.rstrip("\n") not in rows
    )  # fmt: skip


def test_the_same_inputs_give_the_same_redline_file(
    redline_of_pair: bytes, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    output = tmp_path / "out" / "changes.docx"
    assert redline(*pair, output) == output
    assert output.read_bytes() == redline_of_pair


def test_author_and_date_are_recorded_as_given(
    redline_of_pair: bytes, pair: tuple[Path, Path]
) -> None:
    lisbon_summer = dt.timezone(dt.timedelta(hours=1))
    given_date = dt.datetime(2013, 9, 2, 10, 30, tzinfo=lisbon_summer)
    changes = redline_bytes(*pair, author="Portugal and Ghana", date=given_date)
    revisions = _revisions(_document_xml(changes))
    assert {(author, date) for _, author, date in revisions} == {
        ("Portugal and Ghana", "2013-09-02T09:30:00Z")
    }
    # the same changes as with the defaults, only signed differently
    assert [kind for kind, _, _ in revisions] == [
        kind for kind, _, _ in _revisions(_document_xml(redline_of_pair))
    ]


def test_without_python_redlines_the_message_names_the_extra(
    pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "python_redlines", None)  # import now raises ImportError
    output = tmp_path / "changes.docx"
    with pytest.raises(RedlineUnavailable, match=re.escape("pip install 'reportgen[redline]'")):
        redline(*pair, output)
    assert not output.exists()


def test_a_document_the_engine_cannot_read_fails_in_one_line(report: Path, tmp_path: Path) -> None:
    pytest.importorskip("python_redlines", reason="the extra reportgen[redline] is not installed")
    broken = tmp_path / "broken.docx"  # a Word package whose document part is not XML
    broken.write_bytes(package("<w:p><w:r><w:t>unclosed</w:r></w:p>"))
    with pytest.raises(RedlineFailed) as failed:
        redline(report, broken, tmp_path / "changes.docx")
    assert str(broken) in str(failed.value) and "\n" not in str(failed.value)
    assert not (tmp_path / "changes.docx").exists()


def test_the_redline_refuses_a_file_that_is_not_a_docx(report: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_text("draft", encoding="utf-8")
    with pytest.raises(NotADocx, match=re.escape(str(draft))):
        redline(report, draft, tmp_path / "changes.docx")
    assert not (tmp_path / "changes.docx").exists()


@needs_libreoffice
def test_the_redline_opens_in_libreoffice_with_its_tracked_changes(
    redline_of_pair: bytes, tmp_path: Path
) -> None:
    changes = tmp_path / "changes.docx"
    changes.write_bytes(redline_of_pair)
    profile = tmp_path / "profile"
    page = pdf_text(libreoffice_convert(changes, tmp_path, "pdf", profile))
    assert NEW_STATE in page
    # LibreOffice reads the revisions as its own tracked changes, not as plain text
    odt = libreoffice_convert(changes, tmp_path, "odt", profile)
    with zipfile.ZipFile(odt) as package:
        content = package.read("content.xml").decode("utf-8")
    insertions = content.count("<text:insertion>")
    deletions = content.count("<text:deletion>")
    assert insertions > 0 and deletions > 0
    assert set(re.findall(r"<dc:creator>([^<]*)</dc:creator>", content)) == {DEFAULT_REDLINE_AUTHOR}


# --- Options ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2013-09-01", dt.datetime(2013, 9, 1, tzinfo=dt.timezone.utc)),
        ("2013-09-01T10:00:00Z", dt.datetime(2013, 9, 1, 10, tzinfo=dt.timezone.utc)),
        ("2013-09-01T12:00:00+02:00", dt.datetime(2013, 9, 1, 10, tzinfo=dt.timezone.utc)),
        ("2013-09-01T10:00", dt.datetime(2013, 9, 1, 10, tzinfo=dt.timezone.utc)),
    ],
)
def test_revision_dates_are_iso_8601_in_utc(text: str, expected: dt.datetime) -> None:
    parsed = parse_revision_date(text)
    assert parsed == expected and parsed.utcoffset() == dt.timedelta(0)


def test_a_revision_date_that_is_not_iso_8601_is_refused() -> None:
    with pytest.raises(ValueError, match="not an ISO 8601 date"):
        parse_revision_date("1 September 2013")
