"""`reportgen import untc`: the depositary's status into data/states.yaml.

The fixtures (tests/fixtures/untc/, written by tools/make_untc_fixtures.py) hold the seed
report's status table in the depositary's two layouts, under the names the depositary uses
today. Imported into a copy of the 4th MSP data (tests/fixtures/4msp/data/) whose dates are
removed, they must give back its states.yaml byte for byte; edited, exactly the changes
made; malformed, one located line and exit 2.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.app import build
from reportgen.cli.main import main
from reportgen.core.problems import InputError
from reportgen.depositary.importing import plan_import, write_plan
from reportgen.depositary.untc import MAX_SOURCE_BYTES, read_status
from reportgen.figures.compute import compute
from reportgen.inputs.load import load_inputs
from reportgen.language.formats import Formats
from reportgen.review.diff import diff_documents
from reportgen.review.rendition import rendition
from reportgen.templating.docxtpl import environment
from tests.conftest import DATA, TEMPLATE
from tests.seed import SeedReport

FIXTURES = Path(__file__).parents[1] / "fixtures" / "untc"
XML = FIXTURES / "XXVI-6.en.xml"
HTML = FIXTURES / "XXVI-6.html"
GOLDEN_REPORT = Path(__file__).parents[1] / "golden" / "report.txt"
CCM = "Convention on Cluster Munitions"
DATE_LINE = re.compile(r"^  (signature|ratification|accession|succession): .*\n", re.MULTILINE)


@pytest.fixture
def undated(tmp_path: Path) -> Path:
    """A copy of the 4th MSP data whose States have names, codes and regions but no dates."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    states = copy / "states.yaml"
    states.write_text(DATE_LINE.sub("", states.read_text(encoding="utf-8")), encoding="utf-8")
    return copy


def _files(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data.glob("*.yaml"))}


def _edited(tmp_path: Path, source: Path, *edits: tuple[str, str]) -> Path:
    """A copy of a fixture with each (old, new) text replaced once (each must be there)."""
    encoding = "iso-8859-1" if source.suffix == ".xml" else "utf-8"
    text = source.read_text(encoding=encoding)
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} is not in {source.name} exactly once"
        text = text.replace(old, new)
    path = tmp_path / source.name
    path.write_text(text, encoding=encoding)
    return path


def _with_south_sudan(tmp_path: Path) -> Path:
    """The status page with a participant the data lacks: South Sudan, acceded 3 Aug 2013."""
    return _edited(
        tmp_path,
        HTML,
        (
            "<tr><td>Switzerland</td>",
            "<tr><td>South Sudan</td><td></td><td></td><td> 3 Aug 2013 a</td></tr>\n"
            "<tr><td>Switzerland</td>",
        ),
        ("Parties : 83", "Parties : 84"),
    )


def _member_line(categories: Path, name: str) -> int:
    """The line of categories.yaml that lists `name` as a member (it must list it once)."""
    lines = categories.read_text(encoding="utf-8").splitlines()
    assert lines.count(f"    - {name}") == 1
    return lines.index(f"    - {name}") + 1


def _xml_row(name: str, signature: str = "", provisional: str = "", deposit: str = "") -> str:
    cells = "".join(
        f"\n                <Entry>{c}</Entry>" for c in (signature, provisional, deposit)
    )
    return (
        f"              <Row>\n                <Entry>{name}</Entry>{cells}\n              </Row>\n"
    )


def _before_row(name: str) -> str:
    """The text that opens the XML fixture's row of `name` (to insert a row before it)."""
    return f"              <Row>\n                <Entry>{name}</Entry>"


# --- Reading the two forms --------------------------------------------------------------


@pytest.mark.parametrize("source", [XML, HTML], ids=["xml", "html"])
def test_both_forms_give_the_seed_tables_counts(source: Path, seed: SeedReport) -> None:
    status = read_status(source, treaty=CCM)
    assert (status.signatories, status.parties) == (seed.total_signatures, seed.total_deposits)
    assert status.counted() == (108, 83)
    assert len(status.participants) == len(seed.rows)
    names = [p.name for p in status.participants]
    assert "Eswatini" in names and "Swaziland" not in names  # the depositary's name of today
    denmark = next(p for p in status.participants if p.name == "Denmark")
    assert denmark.footnotes == ("1",)  # the marker is not part of the name


def test_the_html_page_says_as_at_when_and_the_xml_export_does_not() -> None:
    page = read_status(HTML, treaty=CCM)
    assert page.as_at is not None and page.as_at.isoformat() == "2013-09-01"
    assert page.as_at_time == "09:00:00 EDT"
    assert read_status(XML, treaty=CCM).as_at is None


# --- Round trip: the 4th MSP dates come back exactly ------------------------------------


@pytest.mark.parametrize(
    ("source", "options"), [(XML, ["--as-at", "2013-09-01"]), (HTML, [])], ids=["xml", "html"]
)
def test_importing_into_undated_data_gives_back_the_4msp_file_byte_for_byte(
    source: Path, options: list[str], undated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "untc", str(source), "--data", str(undated), *options]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 108 + 83  # one line per signature and per instrument
    assert (undated / "states.yaml").read_bytes() != (DATA / "states.yaml").read_bytes()

    assert main(["import", "untc", str(source), "--data", str(undated), *options, "--write"]) == 0
    assert (undated / "states.yaml").read_bytes() == (DATA / "states.yaml").read_bytes()
    shipped, imported = load_inputs(DATA), load_inputs(undated)
    assert imported.states == shipped.states
    source_record = imported.report.status_source
    assert source_record is not None and source_record.file == source.name
    assert source_record.as_at.isoformat() == "2013-09-01"
    assert len(source_record.sha256) == 64


@pytest.mark.parametrize("source", [XML, HTML], ids=["xml", "html"])
def test_the_report_built_from_imported_data_is_todays_report(
    source: Path, undated: Path, tmp_path: Path
) -> None:
    plan = plan_import(source, undated, as_at=dt.date(2013, 9, 1))
    write_plan(plan, undated)
    output = tmp_path / "report.docx"
    build(undated, TEMPLATE, output)
    assert rendition(output) == GOLDEN_REPORT.read_text(encoding="utf-8")


def test_importing_the_same_file_twice_changes_nothing(
    undated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "untc", str(HTML), "--data", str(undated), "--write"]) == 0
    written = _files(undated)
    capsys.readouterr()
    assert main(["import", "untc", str(HTML), "--data", str(undated), "--write"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "agrees with the depositary's status as at 2013-09-01" in err
    assert _files(undated) == written


def test_the_4msp_data_agrees_with_the_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    plan = plan_import(HTML, DATA)
    assert plan.changes == [] and plan.new_states == []
    assert set(plan.texts) == {"report"}  # only the provenance would be recorded


# --- Edits give exactly the changes made -------------------------------------------------


def test_an_edited_status_gives_exactly_its_changes_located(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _edited(
        tmp_path,
        XML,
        # one accession, by a State of the data that had not joined
        (
            _before_row("Andorra"),
            _xml_row("Algeria", deposit=" 2 Jul 2013 a") + _before_row("Andorra"),
        ),
        # one changed date
        ("<Entry>16 Jun 2009</Entry>", "<Entry>17 Jun 2009</Entry>"),
        # one new participant, under the name the depositary uses today
        (
            _before_row("Uganda"),
            _xml_row("Türkiye", deposit=" 1 Aug 2013 a") + _before_row("Uganda"),
        ),
        ("<Value>83</Value>", "<Value>85</Value>"),
    )
    before = _files(data_copy)
    assert (
        main(["import", "untc", str(source), "--data", str(data_copy), "--as-at", "2013-09-01"])
        == 0
    )
    out, err = capsys.readouterr()
    lines = source.read_text(encoding="iso-8859-1").splitlines()

    def at(name: str) -> str:
        """Line and row number of the row of `name`: the line of its <Row>, counted rows."""
        index = lines.index(f"                <Entry>{name}</Entry>")
        row = sum(line == "              <Row>" for line in lines[:index])
        return f"{source}:{index}: row {row} ({name})"

    categories = data_copy / "categories.yaml"
    assert out.splitlines() == [  # in the order of data/states.yaml, then of categories.yaml
        f"{at('Albania')}: Albania: ratification: 2009-06-16 -> 2009-06-17",
        f"{at('Algeria')}: Algeria: accession: none -> 2013-07-02",
        f"{at('Türkiye')}: Turkey: accession: none -> 2013-08-01",
        f"{categories}:{_member_line(categories, 'Algeria')}: Algeria: now a State Party "
        "(accession 2013-07-02): --write removes it from category II",
        f"{categories}:{_member_line(categories, 'Turkey')}: Turkey: now a State Party "
        "(accession 2013-08-01): --write removes it from category II",
    ]
    assert "nothing written" in err
    assert _files(data_copy) == before  # without --write, nothing changes


def test_written_changes_show_in_the_reports_diff(
    tmp_path: Path, data_copy: Path, report: Path
) -> None:
    source = _edited(
        tmp_path,
        XML,
        (
            _before_row("Uganda"),
            _xml_row("Türkiye", deposit=" 1 Aug 2013 a") + _before_row("Uganda"),
        ),
        ("<Value>83</Value>", "<Value>84</Value>"),
    )
    categories = data_copy / "categories.yaml"  # a State Party is no longer in a category
    text = categories.read_text(encoding="utf-8")
    assert text.count("    - Turkey\n") == 1
    categories.write_text(text.replace("    - Turkey\n", ""), encoding="utf-8")
    write_plan(plan_import(source, data_copy, as_at=dt.date(2013, 9, 1)), data_copy)
    text = (data_copy / "states.yaml").read_text(encoding="utf-8")
    assert "- name: Turkey\n  iso3: TUR\n  region: Europe\n  accession: 2013-08-01\n\n" in text
    assert "Türkiye" not in text  # the import never renames a State of the data
    figures = compute(load_inputs(data_copy))
    assert "Turkey" in figures.new_states_parties.states
    output = tmp_path / "report.docx"
    build(data_copy, TEMPLATE, output)
    changed = diff_documents(report, output)
    assert any(line.startswith("+") and "Turkey" in line for line in changed)
    assert any("84" in line for line in changed if line.startswith("+"))


def test_a_write_that_would_make_the_data_invalid_writes_nothing(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _edited(
        tmp_path,
        XML,
        (  # a ratification by a State that never signed (the file was edited)
            _before_row("Uganda"),
            _xml_row("Türkiye", deposit=" 1 Aug 2013") + _before_row("Uganda"),
        ),
        ("<Value>83</Value>", "<Value>84</Value>"),
    )
    before = _files(data_copy)
    argv = ["import", "untc", str(source), "--data", str(data_copy), "--as-at", "2013-09-01"]
    assert main([*argv, "--write"]) == 2
    out, err = capsys.readouterr()
    categories = data_copy / "categories.yaml"
    ratified, removed = out.splitlines()[-2:]  # what it would have done, categories.yaml too
    assert ratified.endswith("(Türkiye): Turkey: ratification: none -> 2013-08-01")
    assert removed == (
        f"{categories}:{_member_line(categories, 'Turkey')}: Turkey: now a State Party "
        "(ratification 2013-08-01): --write removes it from category II"
    )
    assert _files(data_copy) == before  # all or nothing: categories.yaml is kept too
    assert re.fullmatch(
        rf"{re.escape(str(data_copy / 'states.yaml'))}:\d+:\d+: states\[\d+\] \(Turkey\)"
        r"\.ratification: after the import: a State that did not sign joins by accession.*",
        err.splitlines()[-1],
    ), err


def test_a_state_the_data_lacks_needs_its_region_then_is_inserted_in_order(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _with_south_sudan(tmp_path)
    before = _files(data_copy)
    assert main(["import", "untc", str(source), "--data", str(data_copy), "--write"]) == 2
    err = capsys.readouterr().err
    assert re.search(
        rf"^{re.escape(str(source))}:\d+:1: row \d+ \(South Sudan\): is not a State of "
        r"states.yaml: which region does the report count it in\? Say it with "
        r"--region 'South Sudan'=REGION",
        err,
        re.MULTILINE,
    )
    assert _files(data_copy) == before
    assert (
        main(
            [
                "import",
                "untc",
                str(source),
                "--data",
                str(data_copy),
                "--write",
                "--region",
                "South Sudan=Africa",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "South Sudan: new State (SSD, region Africa)" in out
    text = (data_copy / "states.yaml").read_text(encoding="utf-8")
    inserted = "- name: South Sudan\n  iso3: SSD\n  region: Africa\n  accession: 2013-08-03\n\n"
    assert inserted in text
    assert text.index("- name: South Africa") < text.index(inserted) < text.index("- name: Spain")
    assert load_inputs(data_copy).state("South Sudan").accession is not None


def _bahamas_accedes(tmp_path: Path, *rows: str) -> Path:
    """The XML fixture with the Bahamas (not in the data) acceding in each of `rows`."""
    return _edited(
        tmp_path,
        XML,
        (
            _before_row("Belgium"),
            "".join(_xml_row("Bahamas", deposit=row) for row in rows) + _before_row("Belgium"),
        ),
        ("<Value>83</Value>", f"<Value>{83 + len(rows)}</Value>"),
    )


def test_the_same_command_with_region_runs_again_once_the_state_is_in_the_data(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _bahamas_accedes(tmp_path, " 1 May 2013 a")
    argv = ["import", "untc", str(source), "--data", str(data_copy), "--as-at", "2013-09-01"]
    argv += ["--region", "Bahamas=Americas", "--write"]
    assert main(argv) == 0
    capsys.readouterr()
    written = _files(data_copy)
    assert main(argv) == 0  # the same command: Bahamas is in the data now
    out, err = capsys.readouterr()
    assert out == "" and "agrees with the depositary's status" in err
    assert _files(data_copy) == written


def test_a_region_other_than_the_datas_is_noted_and_not_applied(
    tmp_path: Path, data_copy: Path
) -> None:
    plan = plan_import(XML, data_copy, regions={"Albania": "Asia"}, as_at=dt.date(2013, 9, 1))
    assert plan.changes == [] and "states" not in plan.texts
    assert any(
        "--region Albania=Asia: Albania is already in states.yaml, in Europe" in note
        for note in plan.notes
    )


def test_a_new_participant_in_two_rows_is_a_duplicate_row(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _bahamas_accedes(tmp_path, " 1 May 2013 a", " 2 May 2013 a")
    err = _refused(
        source, data_copy, capsys, "--as-at", "2013-09-01", "--region", "Bahamas=Americas"
    )
    assert re.fullmatch(
        rf"{re.escape(str(source))}:\d+:1: row (\d+) \(Bahamas\): is the same State \(BHS\) "
        r"as row \d+ \(Bahamas\): the table lists a participant once; the file was edited\n",
        err,
    )


def test_a_name_matched_by_its_iso_code_keeps_the_datas_name(
    tmp_path: Path, data_copy: Path
) -> None:
    source = _edited(tmp_path, HTML, ("<td>Czech Republic</td>", "<td>Czechia</td>"))
    plan = plan_import(source, data_copy)
    assert plan.changes == [] and plan.new_states == []


def test_acceptance_and_approval_are_recorded_as_ratification(
    tmp_path: Path, data_copy: Path
) -> None:
    source = _edited(
        tmp_path,
        HTML,
        ("<td>14 Jul 2009</td>", "<td>14 Jul 2009 A</td>"),  # Japan: the same day, accepted
        ("<td>12 Feb 2010</td>", "<td>13 Feb 2010 AA</td>"),  # Denmark: a day later, approved
    )
    changes = plan_import(source, data_copy).changes
    assert [str(c).split(": ", 2)[2] for c in changes] == [
        "Denmark: ratification: 2010-02-12 -> 2010-02-13"
    ]


def test_provisional_application_is_recorded_without_making_a_state_party(
    tmp_path: Path, data_copy: Path
) -> None:
    source = _edited(
        tmp_path,
        HTML,
        (
            "<tr><td>Angola</td><td> 3 Dec 2008</td><td></td>",
            "<tr><td>Angola</td><td> 3 Dec 2008</td><td> 2 Aug 2013 n</td>",
        ),
    )
    write_plan(plan_import(source, data_copy), data_copy)
    inputs = load_inputs(data_copy)
    angola = inputs.state("Angola")
    assert angola.provisional_application is not None
    assert angola.provisional_application.isoformat() == "2013-08-02"
    figures = compute(inputs)
    assert "Angola" not in figures.states_parties.states
    assert "Angola" in figures.signatories_yet_to_ratify.states


# --- Malformed sources: one located line each, exit 2, data untouched -------------------


def _refused(source: Path, data: Path, capsys: pytest.CaptureFixture[str], *options: str) -> str:
    before = _files(data)
    assert main(["import", "untc", str(source), "--data", str(data), "--write", *options]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    assert _files(data) == before
    return err


def test_a_truncated_export_is_located(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = XML.read_bytes()
    source = tmp_path / "XXVI-6.en.xml"
    source.write_bytes(data[: len(data) // 2])
    err = _refused(source, data_copy, capsys, "--as-at", "2013-09-01")
    assert re.fullmatch(
        rf"{re.escape(str(source))}:\d+:\d+: file: is not well-formed XML .*\n", err
    )


def test_a_truncated_page_is_caught_by_the_header_counts(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HTML.read_text(encoding="utf-8")
    source = tmp_path / "XXVI-6.html"
    source.write_text(text[: text.index("<tr><td>Peru</td>")], encoding="utf-8")
    err = _refused(source, data_copy, capsys)
    assert re.search(r":\d+:1: header: says Parties : 83, but \d+ rows give an instrument", err)


def test_an_unknown_code_names_its_row_and_column(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _edited(
        tmp_path, XML, ("<Entry> 9 Apr 2013 a</Entry>", "<Entry> 9 Apr 2013 x</Entry>")
    )
    err = _refused(source, data_copy, capsys, "--as-at", "2013-09-01")
    assert err == (
        f"{source}:47:1: row 3 (Andorra), column 'Approval(AA), Acceptance(A), Accession(a), "
        "Ratification': ' 9 Apr 2013 x' has the code 'x', which the column's legend does not "
        "give (AA approval, A acceptance, a accession, (none) ratification)\n"
    ).replace("' 9 Apr", "'9 Apr")


def test_an_unreadable_date_names_its_row_and_column(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _edited(tmp_path, HTML, ("<td>16 Jun 2009</td>", "<td>16 Jnu 2009</td>"))
    err = _refused(source, data_copy, capsys)
    assert re.fullmatch(
        rf"{re.escape(str(source))}:\d+:1: row 2 \(Albania\), column 'Approval\(AA\), "
        r"Acceptance\(A\), Accession\(a\), Ratification': '16 Jnu 2009': 'Jnu' is not a month\n",
        err,
    )


@pytest.mark.parametrize("month", ["Junk", "Juni", "Jnue", "Juin"])
def test_a_misspelt_month_is_refused_not_read_as_its_first_letters(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str], month: str
) -> None:
    source = _edited(tmp_path, HTML, ("<td>16 Jun 2009</td>", f"<td>16 {month} 2009</td>"))
    err = _refused(source, data_copy, capsys)
    assert err.endswith(f": '16 {month} 2009': '{month}' is not a month\n"), err


@pytest.mark.parametrize("month", ["Jun", "June", "JUNE"])
def test_the_depositarys_month_forms_are_read(tmp_path: Path, data_copy: Path, month: str) -> None:
    source = _edited(tmp_path, HTML, ("<td>16 Jun 2009</td>", f"<td>17 {month} 2009</td>"))
    assert [str(c).split(": ", 2)[2] for c in plan_import(source, data_copy).changes] == [
        "Albania: ratification: 2009-06-16 -> 2009-06-17"
    ]


@pytest.mark.parametrize("month", ["Sep", "Sept", "Sept.", "September"])
def test_september_is_read_in_each_of_its_forms(tmp_path: Path, month: str) -> None:
    # Swaziland (Eswatini today) acceded on 13 September 2011
    source = _edited(tmp_path, HTML, ("<td>13 Sep 2011 a</td>", f"<td>13 {month} 2011 a</td>"))
    eswatini = next(p for p in read_status(source, treaty=CCM).participants if p.name == "Eswatini")
    assert eswatini.deposit is not None and eswatini.deposit.day == dt.date(2011, 9, 13)


def test_a_header_whose_counts_disagree_is_refused(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _edited(tmp_path, XML, ("<Value>108</Value>", "<Value>109</Value>"))
    err = _refused(source, data_copy, capsys, "--as-at", "2013-09-01")
    assert err == (
        f"{source}:13:1: header: says Signatories : 109, but 108 rows give a signature; "
        "the file is cut or was edited\n"
    )


def test_a_page_of_another_treaty_is_refused(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _edited(tmp_path, HTML, ("6. Convention on Cluster Munitions", "8. Arms Trade Treaty"))
    err = _refused(source, data_copy, capsys)
    assert err == (
        f"{source}:1:1: title: is '8. Arms Trade Treaty', not 'Convention on Cluster "
        "Munitions' (report.yaml convention.name): this is the status of another treaty\n"
    )


def test_a_name_that_matches_nothing_suggests_the_nearest(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _edited(tmp_path, HTML, ("<td>Lithuania</td>", "<td>Lithuanie</td>"))
    err = _refused(source, data_copy, capsys)
    assert re.fullmatch(
        rf"{re.escape(str(source))}:\d+:1: row \d+ \(Lithuanie\): is neither a State of "
        r"states.yaml, a former name of one, nor a name with an ISO 3166 code; "
        r"nearest: 'Lithuania'.*\n",
        err,
    )


def test_a_date_after_the_reports_as_of_date_is_refused(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _edited(
        tmp_path,
        HTML,
        ("STATUS AS AT : 01-09-2013", "STATUS AS AT : 01-09-2014"),  # a year after the report
        ("<td>16 Jun 2009</td>", "<td>16 Jun 2014</td>"),
    )
    err = _refused(source, data_copy, capsys)
    assert "row 2 (Albania)" in err and "is after the report's as-of date 2013-09-01" in err


def test_a_date_after_the_status_own_day_is_refused(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # before the report's as-of date, but after the day the status was taken
    source = _edited(tmp_path, XML, ("<Entry>16 Jun 2009</Entry>", "<Entry>15 Aug 2013</Entry>"))
    err = _refused(source, data_copy, capsys, "--as-at", "2013-08-01")
    cell = [t.strip() for t in source.read_text(encoding="iso-8859-1").splitlines()].index(
        "<Entry>15 Aug 2013</Entry>"
    )
    assert err == (
        f"{source}:{cell + 1}:1: row 2 (Albania), column 'Approval(AA), Acceptance(A), "
        "Accession(a), Ratification': 2013-08-15 (ratification) is after the day of the "
        "status itself, 2013-08-01: the file was edited, or --as-at is not the day it was "
        "downloaded\n"
    )


def test_as_at_that_contradicts_the_pages_own_day_is_refused(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = HTML.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines) if "STATUS AS AT" in text)
    err = _refused(HTML, data_copy, capsys, "--as-at", "2013-08-01")
    assert err == (
        f"{HTML}:{line + 1}:1: status as at: the file says its status is as at 2013-09-01, "
        "but --as-at gives 2013-08-01: leave out --as-at for a file that says its day\n"
    )


def test_as_at_that_agrees_with_the_pages_own_day_is_accepted(data_copy: Path) -> None:
    plan = plan_import(HTML, data_copy, as_at=dt.date(2013, 9, 1))
    assert plan.changes == [] and plan.new_states == []


def test_an_export_without_its_day_asks_for_as_at(
    undated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(XML, undated, capsys)
    assert err == (
        f"{XML}:1:1: status as at: the file does not say on which day its status was taken; "
        "give it with --as-at YYYY-MM-DD (the day you downloaded it)\n"
    )


def test_not_a_status_file_is_one_line(tmp_path: Path, data_copy: Path) -> None:
    source = tmp_path / "notes.html"
    source.write_text("<html><body><p>Hello</p></body></html>", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        plan_import(source, data_copy)
    assert [p.message for p in raised.value.problems] == [
        "has no status table (an HTML table whose id ends in 'tblgrid'); save the treaty's "
        "status page from treaties.un.org, or its XML export"
    ]


def test_a_page_saved_without_the_title_id_is_read_by_its_numbered_title(
    tmp_path: Path, data_copy: Path
) -> None:
    source = _edited(
        tmp_path,
        HTML,
        (
            'id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInner'
            'Page_rptTreaty_ctl00_tcTreaty"',
            'class="title"',
        ),
    )
    assert read_status(source, treaty=CCM).title == "6. Convention on Cluster Munitions"
    assert plan_import(source, data_copy).changes == []


def test_a_status_older_than_the_report_is_flagged(data_copy: Path) -> None:
    plan = plan_import(XML, data_copy, as_at=dt.date(2013, 8, 1))
    assert (
        f"{XML}: warning: the status is as at 2013-08-01, before the report's as-of date "
        "2013-09-01: a deposit made between the two is not in it" in plan.notes
    )


def test_an_export_never_reads_an_external_entity(tmp_path: Path, data_copy: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Atlantis", encoding="utf-8")
    text = (
        XML.read_text(encoding="iso-8859-1")
        .replace("<MTDSG>", f'<!DOCTYPE MTDSG [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n<MTDSG>')
        .replace("<Entry>Afghanistan</Entry>", "<Entry>&x;</Entry>")
    )
    source = tmp_path / "XXVI-6.en.xml"
    source.write_text(text, encoding="iso-8859-1")
    with pytest.raises(InputError) as raised:
        plan_import(source, data_copy, as_at=dt.date(2013, 9, 1))
    assert "Atlantis" not in str(raised.value)
    assert "row 1 (" in str(raised.value)


def test_a_state_with_dates_and_no_row_keeps_its_dates_and_is_located(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HTML.read_text(encoding="utf-8")
    row = "<tr><td>Angola</td><td> 3 Dec 2008</td><td></td><td></td></tr>\n"
    assert text.count(row) == 1
    source = tmp_path / "XXVI-6.html"
    source.write_text(
        text.replace(row, "").replace("Signatories : 108", "Signatories : 107"), encoding="utf-8"
    )
    err = _refused(source, data_copy, capsys)
    states = (DATA / "states.yaml").read_text(encoding="utf-8").splitlines()
    line = states.index("- name: Angola") + 4  # its signature
    index = sum(text.startswith("- name: ") for text in states[:line]) - 1
    assert err == (
        f"{data_copy / 'states.yaml'}:{line}:3: states[{index}] (Angola).signature: Angola has "
        f"dates (signature) but no row in the depositary's table {source} (under its name, a "
        "former name or its ISO code): the import removes no date it is not given; check the "
        "row's name, or remove the dates by hand if they are wrong\n"
    )


@pytest.mark.parametrize("count", ["0", "108"], ids=["counts-0", "counts-kept"])
def test_a_table_with_no_participants_is_refused(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str], count: str
) -> None:
    text = XML.read_text(encoding="iso-8859-1")
    body = re.compile(r"<Rows>.*</Rows>", re.DOTALL)
    assert len(body.findall(text)) == 1
    text = body.sub("<Rows></Rows>", text)
    text = text.replace("<Value>108</Value>", f"<Value>{count}</Value>")
    text = text.replace("<Value>83</Value>", f"<Value>{'0' if count == '0' else '83'}</Value>")
    source = tmp_path / "XXVI-6.en.xml"
    source.write_text(text, encoding="iso-8859-1")
    err = _refused(source, data_copy, capsys, "--as-at", "2013-09-01")
    assert err == (
        f"{source}:1:1: table: has no participants: the file is cut or is not the status\n"
    )


def test_writing_touches_only_the_lines_that_change(tmp_path: Path, data_copy: Path) -> None:
    states = data_copy / "states.yaml"
    text = states.read_text(encoding="utf-8")
    edits = {
        "  ratification: 2009-06-16\n": "  ratification: 2009-06-16   # checked by hand\n",
        "- name: Andorra\n": "# acceded during the 3rd intersessional period\n- name: Andorra\n",
        "  signature: 2010-07-16\n": '  signature: "16.07.2010"\n',  # Antigua, in another form
    }
    for old, new in edits.items():
        assert text.count(old) == 1
        text = text.replace(old, new)
    states.write_text(text, encoding="utf-8")
    source = _edited(tmp_path, HTML, ("<td>16 Jun 2009</td>", "<td>17 Jun 2009</td>"))
    write_plan(plan_import(source, data_copy), data_copy)
    written = states.read_text(encoding="utf-8").splitlines(keepends=True)
    before = text.splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(before, written, strict=True) if a != b]
    assert changed == [
        (
            "  ratification: 2009-06-16   # checked by hand\n",
            "  ratification: 2009-06-17   # checked by hand\n",
        )
    ]


def test_the_report_can_name_its_source(undated: Path) -> None:
    write_plan(plan_import(HTML, undated), undated)
    inputs = load_inputs(undated)
    placeholder = (  # as README gives it
        "{% if report.status_source %}Source: {{ report.status_source.publisher }}, status as "
        "at {{ report.status_source.as_at|long_date }}{% endif %}"
    )
    template = environment(Formats(inputs.report.locale)).from_string(placeholder)
    assert template.render(report=inputs.report) == (
        "Source: United Nations Treaty Collection, status as at 1 September 2013"
    )


# --- Bounded cost: every source is read in time and memory linear in its size -----------

_READ_IN_A_CHILD = """
import sys, time
from pathlib import Path
from reportgen.core.problems import InputError
from reportgen.depositary.untc import MAX_SOURCE_BYTES, read_status
started = time.perf_counter()
try:
    read_status(Path(sys.argv[1]), treaty="Convention on Cluster Munitions")
except InputError as error:
    print("\\n".join(p.message for p in error.problems))
print(f"seconds {time.perf_counter() - started:.3f}")
"""


def test_a_footnote_marker_never_closed_is_located_in_linear_time(tmp_path: Path) -> None:
    # 100 kB of spaces after an opening marker: a backtracking pattern takes hours here.
    # The read runs in a child process so that a regression fails at the timeout, not hangs.
    source = _edited(
        tmp_path,
        XML,
        (
            "<Entry>Albania</Entry>",
            "<Entry>Albania&lt;superscript&gt;" + " " * 100_000 + "x</Entry>",
        ),
    )
    done = subprocess.run(
        [sys.executable, "-c", _READ_IN_A_CHILD, str(source)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    *messages, timing = done.stdout.splitlines()
    assert messages == [
        "has a footnote marker <superscript> that is not closed: the file was cut or edited"
    ]
    assert float(timing.split()[1]) < 10  # generous: it takes milliseconds


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_is_refused_without_waiting_for_a_writer(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "XXVI-6.html"
    os.mkfifo(pipe)  # no one writes to it: reading would wait for ever
    err = _refused(pipe, data_copy, capsys)
    assert err == (
        f"{pipe}:1:1: file: is not a regular file (a device, a pipe or a socket); save the "
        "status to a file and give its path\n"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_an_endless_device_is_refused_before_it_is_read(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # stat() says /dev/zero has 0 bytes; reading it to its end would exhaust memory
    err = _refused(Path("/dev/zero"), data_copy, capsys)
    assert err.startswith("/dev/zero:1:1: file: is not a regular file")


def test_a_file_over_the_limit_is_refused(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "XXVI-6.html"
    with source.open("wb") as out:  # sparse: one byte past the limit
        out.truncate(MAX_SOURCE_BYTES + 1)
    err = _refused(source, data_copy, capsys)
    assert err == f"{source}:1:1: file: is over {MAX_SOURCE_BYTES} bytes: refused\n"


def test_a_new_last_field_leaves_each_inline_comment_on_its_own_key(
    tmp_path: Path, data_copy: Path
) -> None:
    states = data_copy / "states.yaml"
    text = states.read_text(encoding="utf-8")
    angola = "- name: Angola\n  iso3: AGO\n  region: Africa\n  signature: 2008-12-03\n\n"
    albania_dates = "  signature: 2008-12-03\n  ratification: 2009-06-16\n\n"
    assert text.count(angola) == 1 and text.count(albania_dates) == 1
    text = text.replace(
        angola,
        angola.replace("2008-12-03\n\n", "2008-12-03  # signed in Oslo\n\n# ratified late\n"),
    ).replace(
        albania_dates,
        "  signature: 2008-12-03  # in Oslo\n  ratification: 2009-06-16  # checked by hand\n\n",
    )
    states.write_text(text, encoding="utf-8")
    source = _edited(
        tmp_path,
        HTML,
        (  # Angola ratifies: a field after its last one
            "<tr><td>Angola</td><td> 3 Dec 2008</td><td></td><td></td>",
            "<tr><td>Angola</td><td> 3 Dec 2008</td><td></td><td> 2 Aug 2013</td>",
        ),
        (  # Albania's ratification is withdrawn from the table: its last field goes
            "<tr><td>Albania</td><td> 3 Dec 2008</td><td></td><td>16 Jun 2009</td>",
            "<tr><td>Albania</td><td> 3 Dec 2008</td><td></td><td></td>",
        ),
    )
    written = plan_import(source, data_copy).texts["states"]  # as write_plan would write it
    assert (
        "- name: Angola\n  iso3: AGO\n  region: Africa\n"
        "  signature: 2008-12-03  # signed in Oslo\n  ratification: 2013-08-02\n\n"
        "# ratified late\n- name: Antigua" in written
    )
    assert (
        "- name: Albania\n  iso3: ALB\n  region: Europe\n"
        "  signature: 2008-12-03  # in Oslo\n\n- name: Algeria" in written
    )


# --- Encodings and marks: said as they are ------------------------------------------------


def _reencoded(tmp_path: Path, prefix: bytes, encoding: str, declared: str) -> Path:
    text = XML.read_text(encoding="iso-8859-1")
    assert text.count('encoding="ISO-8859-1"') == 1
    source = tmp_path / "XXVI-6.en.xml"
    source.write_bytes(
        prefix + text.replace('encoding="ISO-8859-1"', f'encoding="{declared}"').encode(encoding)
    )
    return source


@pytest.mark.parametrize(
    ("prefix", "encoding", "declared"),
    [(b"\xef\xbb\xbf", "utf-8", "UTF-8"), (b"", "utf-16", "UTF-16")],
    ids=["utf-8-bom", "utf-16"],
)
def test_an_export_with_a_byte_order_mark_is_read_as_xml(
    tmp_path: Path, prefix: bytes, encoding: str, declared: str
) -> None:
    status = read_status(_reencoded(tmp_path, prefix, encoding, declared), treaty=CCM)
    assert status.form == "xml" and status.counted() == (108, 83)
    assert "Côte d'Ivoire" in [p.name for p in status.participants]


def test_utf8_bytes_declared_iso_8859_1_are_said_to_be_in_the_wrong_encoding(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _reencoded(tmp_path, b"", "utf-8", "ISO-8859-1")
    err = _refused(source, data_copy, capsys, "--as-at", "2013-09-01")
    line = (
        source.read_text(encoding="utf-8")
        .splitlines()
        .index("                <Entry>Côte d'Ivoire</Entry>")
    )
    assert err == (
        f"{source}:{line + 1}:1: file: declares the encoding ISO-8859-1 but is written in "
        'UTF-8 ("<Entry>Côte d\'Ivoire</Entry>" would read "<Entry>CÃ\u00b4te d\'Ivoire</Entry>"): '
        "the encoding is wrong; save the export again, or change its declaration to "
        'encoding="UTF-8"\n'
    )


def test_a_byte_order_mark_before_iso_8859_1_bytes_is_said_to_be_wrong(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "XXVI-6.en.xml"
    source.write_bytes(b"\xef\xbb\xbf" + XML.read_bytes())
    err = _refused(source, data_copy, capsys, "--as-at", "2013-09-01")
    assert err == (
        f"{source}:1:1: file: opens with a UTF-8 byte-order mark but is written in "
        "ISO-8859-1, as it declares: the encoding is wrong; remove the mark (its first 3 "
        "bytes) or save the export again\n"
    )


def test_a_superscript_element_is_a_footnote_mark_like_the_escaped_one(tmp_path: Path) -> None:
    name = "United Kingdom of Great Britain and Northern Ireland"
    escaped = "&lt;superscript&gt;3&lt;/superscript&gt;"  # as the export writes it
    source = _edited(tmp_path, XML, (name + escaped, name + "<superscript>3</superscript>"))
    united_kingdom = next(
        p for p in read_status(source, treaty=CCM).participants if p.name.startswith("United K")
    )
    assert (united_kingdom.name, united_kingdom.footnotes) == (name, ("3",))


def test_when_only_the_source_would_change_the_import_says_so(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "untc", str(HTML), "--data", str(data_copy)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == (
        f"{data_copy}/states.yaml agrees with the depositary's status as at 2013-09-01; only "
        "report.yaml's status_source would change: run again with --write to record it"
    )


def test_the_count_of_changes_includes_each_new_state(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _with_south_sudan(tmp_path)
    argv = ["import", "untc", str(source), "--data", str(data_copy)]
    assert main([*argv, "--region", "South Sudan=Africa"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2  # the new State, and its accession
    assert (
        "2 change(s) from the depositary's status as at 2013-09-01; nothing written: run "
        "again with --write to apply them"
    ) in err.splitlines()


def test_a_report_dated_after_a_renaming_is_warned_that_the_data_keeps_the_old_name(
    tmp_path: Path, data_copy: Path
) -> None:
    report = data_copy / "report.yaml"
    text = report.read_text(encoding="utf-8")
    assert text.count("as_of: 2013-09-01") == 1
    report.write_text(text.replace("as_of: 2013-09-01", "as_of: 2018-05-01"), encoding="utf-8")
    source = _edited(tmp_path, HTML, ("STATUS AS AT : 01-09-2013", "STATUS AS AT : 01-05-2018"))
    notes = [n.split(": ", 1)[1] for n in plan_import(source, data_copy).notes if "Eswatini" in n]
    assert notes == [
        "row 37 (Eswatini): warning: states.yaml calls it Swaziland, its name until "
        "2018-04-19; a report as of 2018-05-01 names it Eswatini: rename it in data/ "
        "(states.yaml and wherever else the data names it)"
    ]


def test_a_report_dated_before_a_renaming_keeps_the_old_name_quietly(data_copy: Path) -> None:
    assert not [n for n in plan_import(HTML, data_copy).notes if "Eswatini" in n]


def test_a_count_word_followed_by_a_long_run_of_spaces_is_read_in_linear_time(
    tmp_path: Path,
) -> None:
    # "Parties" then 100 kB of spaces and no number: \s*:?\s* tried every split of the run
    source = _edited(
        tmp_path, HTML, ("Parties : 83", "Parties" + " " * 100_000 + "x. Parties : 83")
    )
    done = subprocess.run(
        [sys.executable, "-c", _READ_IN_A_CHILD, str(source)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    (timing,) = done.stdout.splitlines()  # read without a problem: the counts are found
    assert float(timing.split()[1]) < 10  # generous: it takes milliseconds
