"""`reportgen import untc` reads a withdrawal from the depositary's page and writes it.

The pages are the 4th MSP fixtures (tests/fixtures/untc/, tools/make_untc_fixtures.py) edited
as the UN would mark a withdrawal: the participant in brackets and/or a footnote saying it
notified its withdrawal. Synthetic, not the public record: the form of the UN's page after a
withdrawal is not confirmed, and Lithuania's days are moved into 2012-2013 so that the 4th
MSP data (as of 1 September 2013) can hold them; both forms of the header's counts (the
withdrawn State counted or left out) are accepted, and the import says which it found.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reportgen.cli.main import main
from reportgen.depositary.importing import plan_import, write_plan
from reportgen.depositary.untc import read_status
from reportgen.figures.compute import compute
from reportgen.inputs.load import load_inputs
from tests.depositary.test_untc_import import HTML, XML, _edited

ROW = "<tr><td>Lithuania</td>"
NOTE = (
    "On 6 September 2012, the Government of Lithuania notified the Secretary-General of its "
    "decision to withdraw from the Convention. The withdrawal took effect on 6 March 2013 in "
    "accordance with article 20 (2)."
)
LAST_NOTE = "it is responsible.</p>\n"
LAST_END_NOTE = "it is responsible.</EndNote>\n"


def page(
    tmp_path: Path, *, brackets: bool, note: str | None, parties: int, signatories: int = 108
) -> Path:
    """The status page with Lithuania's row in brackets and/or footnote 4 (`note`)."""
    name = "[Lithuania]" if brackets else "Lithuania"
    mark = "<sup>4</sup>" if note else ""
    edits = [
        (ROW, f"<tr><td>{name}{mark}</td>"),
        ("Signatories : 108. Parties : 83", f"Signatories : {signatories}. Parties : {parties}"),
    ]
    if note:
        edits.append((LAST_NOTE, f"{LAST_NOTE}<p><sup>4</sup> {note}</p>\n"))
    return _edited(tmp_path, HTML, *edits)


def _lines(
    data: Path, source: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[int, list[str], list[str]]:
    code = main(["import", "untc", str(source), "--data", str(data), *options])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out.splitlines(), err.splitlines()


def test_a_bracketed_participant_with_its_footnote_is_imported_as_a_withdrawal(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = page(tmp_path, brackets=True, note=NOTE, parties=82)
    before = compute(load_inputs(data_copy)).states_parties.count
    code, out, err = _lines(data_copy, source, capsys)
    assert code == 0, err
    changes = [line.split(": ", 2)[2] for line in out if "(Lithuania)" in line and "->" in line]
    assert changes == [
        "Lithuania: withdrawal_notified: none -> 2012-09-06",
        "Lithuania: withdrawal_effective: none -> 2013-03-06",
    ]
    notes = "\n".join(out + err)
    assert "header: Parties : 82 leaves out the withdrawn participant(s) Lithuania" in notes
    assert "withdrawn: footnote 4" in notes
    assert "agrees" not in notes
    code, out, err = _lines(data_copy, source, capsys, "--write")
    assert code == 0, err
    text = (data_copy / "states.yaml").read_text(encoding="utf-8")
    assert (
        "  ratification: 2011-03-24\n  withdrawal_notified: 2012-09-06\n"
        "  withdrawal_effective: 2013-03-06\n" in text
    )
    figures = compute(load_inputs(data_copy))
    assert figures.states_parties.count == before - 1
    assert figures.withdrawals.states == ("Lithuania",)
    code, out, err = _lines(data_copy, source, capsys)
    assert code == 0 and out == []
    assert err[-1].endswith("agrees with the depositary's status as at 2013-09-01")


def test_a_header_that_still_counts_the_withdrawn_state_is_accepted_and_said(
    tmp_path: Path, data_copy: Path
) -> None:
    plan = plan_import(page(tmp_path, brackets=True, note=NOTE, parties=83), data_copy)
    assert any(
        "header: Parties : 83 counts the withdrawn participant(s) Lithuania" in n
        for n in plan.notes
    )
    assert any(
        "header: Signatories : 108 counts the withdrawn participant(s) Lithuania" in n
        for n in plan.notes
    )
    assert {c.field for c in plan.changes} == {"withdrawal_notified", "withdrawal_effective"}


def test_a_header_that_fits_neither_count_is_refused(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = page(tmp_path, brackets=True, note=NOTE, parties=81)
    code, out, err = _lines(data_copy, source, capsys, "--write")
    assert code == 2 and out == []
    assert any(
        "header: says Parties : 81, but 83 rows give an instrument (82 without the withdrawn "
        "participant(s) Lithuania)" in line
        for line in err
    ), err


def test_a_footnote_alone_marks_the_withdrawal(tmp_path: Path, data_copy: Path) -> None:
    plan = plan_import(page(tmp_path, brackets=False, note=NOTE, parties=82), data_copy)
    assert [(c.state, c.field, str(c.new)) for c in plan.changes] == [
        ("Lithuania", "withdrawal_notified", "2012-09-06"),
        ("Lithuania", "withdrawal_effective", "2013-03-06"),
    ]


def test_brackets_without_a_dated_footnote_are_an_error_never_agreement(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p.name: p.read_bytes() for p in data_copy.glob("*.yaml")}
    code, out, err = _lines(
        data_copy, page(tmp_path, brackets=True, note=None, parties=82), capsys, "--write"
    )
    assert code == 2 and out == []
    assert [line.split(": ", 2)[1:] for line in err] == [
        [
            "row 64 (Lithuania)",
            "is in brackets (withdrawn from the treaty), but no footnote of the file says when "
            "its withdrawal was notified: add withdrawal_notified and withdrawal_effective to "
            "its record in states.yaml from the depositary notification (C.N. ...), then "
            "import again",
        ]
    ]
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.yaml")} == before


def test_brackets_without_a_footnote_keep_a_withdrawal_written_by_hand(
    tmp_path: Path, data_copy: Path
) -> None:
    states = data_copy / "states.yaml"
    text = states.read_text(encoding="utf-8")
    states.write_text(
        text.replace(
            "  ratification: 2011-03-24\n",
            "  ratification: 2011-03-24\n  withdrawal_notified: 2012-09-06\n"
            "  withdrawal_effective: 2013-03-06\n",
        ),
        encoding="utf-8",
    )
    plan = plan_import(page(tmp_path, brackets=True, note=None, parties=82), data_copy)
    assert plan.changes == []
    assert any("no footnote gives its days" in n and "are kept" in n for n in plan.notes)


def test_a_footnote_without_the_effective_day_gives_six_months_and_says_so(
    tmp_path: Path, data_copy: Path
) -> None:
    note = (
        "On 31 August 2012, the Government of Lithuania notified the Secretary-General of "
        "its decision to withdraw from the Convention."
    )
    plan = plan_import(page(tmp_path, brackets=True, note=note, parties=82), data_copy)
    assert [(c.field, str(c.new)) for c in plan.changes] == [
        ("withdrawal_notified", "2012-08-31"),
        ("withdrawal_effective", "2013-02-28"),
    ]
    assert any(
        "footnote 4 gives no day the withdrawal takes effect: withdrawal_effective 2013-02-28 "
        "is six months after the notification (Article 20(2))" in n
        for n in plan.notes
    )


def test_a_withdrawal_pending_on_the_day_of_the_status_is_still_a_party(
    tmp_path: Path, data_copy: Path
) -> None:
    note = (
        "On 2 May 2013, the Government of Lithuania notified the Secretary-General of its "
        "decision to withdraw from the Convention, which will take effect on 2 November 2013."
    )
    source = page(tmp_path, brackets=False, note=note, parties=83)
    lithuania = next(
        p
        for p in read_status(source, treaty="Convention on Cluster Munitions").participants
        if p.name == "Lithuania"
    )
    assert not lithuania.withdrawn and lithuania.withdrawal is not None
    plan = plan_import(source, data_copy)
    assert [(c.field, str(c.new)) for c in plan.changes] == [
        ("withdrawal_notified", "2013-05-02"),
        ("withdrawal_effective", "2013-11-02"),
    ]
    assert any("pending on the report's as-of date" in n for n in plan.notes)
    write_plan(plan, data_copy)
    figures = compute(load_inputs(data_copy))
    assert "Lithuania" in figures.states_parties.states
    assert figures.withdrawals_pending.states == ("Lithuania",)


def test_the_withdrawal_of_a_reservation_is_not_a_withdrawal_from_the_treaty(
    tmp_path: Path, data_copy: Path
) -> None:
    note = "On 6 September 2012, the Government of Lithuania withdrew its declaration."
    plan = plan_import(page(tmp_path, brackets=False, note=note, parties=83), data_copy)
    assert plan.changes == []


def test_the_xml_export_gives_the_withdrawal_too(tmp_path: Path, data_copy: Path) -> None:
    source = _edited(
        tmp_path,
        XML,
        (
            "<Entry>Lithuania</Entry>",
            "<Entry>[Lithuania]&lt;superscript&gt;4&lt;/superscript&gt;</Entry>",
        ),
        ("<Value>83</Value>", "<Value>82</Value>"),
        (LAST_END_NOTE, f'{LAST_END_NOTE}      <EndNote Number="4">{NOTE}</EndNote>\n'),
    )
    plan = plan_import(source, data_copy, as_at=dt.date(2013, 9, 1))
    assert [(c.field, str(c.new)) for c in plan.changes] == [
        ("withdrawal_notified", "2012-09-06"),
        ("withdrawal_effective", "2013-03-06"),
    ]
