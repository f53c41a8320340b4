"""A withdrawal in data/states.yaml: its two days, each a located error when wrong.

Synthetic, not the public record: Lithuania's withdrawal is written into a copy of the 4th
MSP data (as of 1 September 2013) with days chosen for each mistake.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reportgen.cli.main import main
from reportgen.inputs.withdrawals import months_after
from tests.conftest import TEMPLATE

LITHUANIA = "  ratification: 2011-03-24\n"


def _check(
    data: Path, capsys: pytest.CaptureFixture[str], *, lines: str, state: str = ""
) -> list[str]:
    """`reportgen check` of the data with `lines` added to Lithuania's record (or to the
    record of `state`, whose name line is replaced by `state`); its lines on stderr."""
    states = data / "states.yaml"
    text = states.read_text(encoding="utf-8")
    if state:
        old, new = state.split("=>")
        assert text.count(old) == 1
        text = text.replace(old, new + lines)
    else:
        assert text.count(LITHUANIA) == 1
        text = text.replace(LITHUANIA, LITHUANIA + lines)
    states.write_text(text, encoding="utf-8")
    code = main(["check", "--data", str(data), "--template", str(TEMPLATE)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    found = [line for line in err.splitlines() if "warning" not in line]
    assert (code == 0) == (not found), err
    return found


def _index(data: Path) -> int:
    """Lithuania's index in states.yaml, as a problem names its record."""
    names = [
        line
        for line in (data / "states.yaml").read_text(encoding="utf-8").splitlines()
        if line.startswith("- name: ")
    ]
    return names.index("- name: Lithuania")


def _line_of(data: Path, text: str) -> int:
    lines = (data / "states.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line == text)


def test_a_withdrawal_with_both_days_is_valid(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _check(
        data_copy,
        capsys,
        lines="  withdrawal_notified: 2012-10-01\n  withdrawal_effective: 2013-04-01\n",
    )
    assert found == []


def test_a_withdrawal_with_no_effective_day_is_a_located_error(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _check(data_copy, capsys, lines="  withdrawal_notified: 2012-10-01\n")
    line = _line_of(data_copy, "  withdrawal_notified: 2012-10-01")
    assert len(found) == 1
    assert found[0].startswith(
        f"{data_copy / 'states.yaml'}:{line}:3: states[{_index(data_copy)}] (Lithuania)."
        "withdrawal_notified: "
        "a withdrawal needs the day it takes effect: add withdrawal_effective, six months "
        "after notification (2013-04-01)"
    ), found


def test_an_effective_day_before_six_months_is_a_located_error(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _check(
        data_copy,
        capsys,
        lines="  withdrawal_notified: 2012-10-01\n  withdrawal_effective: 2013-03-31\n",
    )
    line = _line_of(data_copy, "  withdrawal_effective: 2013-03-31")
    assert found == [
        f"{data_copy / 'states.yaml'}:{line}:3: states[{_index(data_copy)}] (Lithuania)."
        "withdrawal_effective: "
        "2013-03-31 is less than six months after withdrawal_notified (2012-10-01): a "
        "withdrawal takes effect six months after the depositary receives it, on 2013-04-01 "
        "at the earliest (Article 20(2))"
    ]


def test_a_later_effective_day_is_valid_armed_conflict(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = "  withdrawal_notified: 2012-10-01\n  withdrawal_effective: 2013-08-30\n"
    assert _check(data_copy, capsys, lines=lines) == []


def test_an_effective_day_with_no_notification_is_a_located_error(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _check(data_copy, capsys, lines="  withdrawal_effective: 2013-04-01\n")
    assert len(found) == 1 and "(Lithuania).withdrawal_effective: " in found[0]
    assert "give withdrawal_notified" in found[0]


def test_a_withdrawal_by_a_state_that_never_became_party_is_a_located_error(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Angola signed on 3 December 2008 and had not ratified by 1 September 2013
    found = _check(
        data_copy,
        capsys,
        lines="  withdrawal_notified: 2012-10-01\n  withdrawal_effective: 2013-04-01\n",
        state="- name: Angola\n  iso3: AGO\n  region: Africa\n  signature: 2008-12-03\n=>"
        "- name: Angola\n  iso3: AGO\n  region: Africa\n  signature: 2008-12-03\n",
    )
    assert len(found) == 1, found
    assert "(Angola).withdrawal_notified: Angola never became a State Party" in found[0]


def test_a_rejoining_before_the_withdrawal_took_effect_is_a_located_error(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _check(
        data_copy,
        capsys,
        lines="  withdrawal_notified: 2011-10-01\n  withdrawal_effective: 2012-04-01\n"
        "  rejoined:\n  - accession: 2012-03-01\n",
    )
    assert len(found) == 1, found
    assert "(Lithuania).rejoined[0].accession: 2012-03-01 is before its withdrawal took" in found[0]
    good = "  rejoined:\n  - accession: 2012-03-01\n"
    states = data_copy / "states.yaml"
    states.write_text(
        states.read_text(encoding="utf-8").replace(
            good, "  rejoined:\n  - accession: 2013-01-10\n"
        ),
        encoding="utf-8",
    )
    assert main(["check", "--data", str(data_copy), "--template", str(TEMPLATE)]) == 0


def test_a_withdrawn_state_can_be_listed_among_the_states_not_party(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    categories = data_copy / "categories.yaml"
    text = categories.read_text(encoding="utf-8")
    assert text.count("    - Angola\n") == 1
    categories.write_text(
        text.replace("    - Angola\n", "    - Angola\n    - Lithuania\n"), encoding="utf-8"
    )
    in_effect = "  withdrawal_notified: 2012-10-01\n  withdrawal_effective: 2013-04-01\n"
    assert _check(data_copy, capsys, lines=in_effect) == []


def test_a_state_whose_withdrawal_is_pending_is_still_party_and_not_in_a_category(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    categories = data_copy / "categories.yaml"
    text = categories.read_text(encoding="utf-8")
    categories.write_text(
        text.replace("    - Angola\n", "    - Angola\n    - Lithuania\n"), encoding="utf-8"
    )
    pending = "  withdrawal_notified: 2013-05-01\n  withdrawal_effective: 2013-11-01\n"
    found = _check(data_copy, capsys, lines=pending)
    assert len(found) == 1 and "Lithuania is a State Party" in found[0], found


@pytest.mark.parametrize(
    ("day", "six_months_later"),
    [
        (dt.date(2024, 9, 6), dt.date(2025, 3, 6)),  # Lithuania's, Article 20(2)
        (dt.date(2024, 8, 31), dt.date(2025, 2, 28)),  # no 31 February: the month's last day
        (dt.date(2023, 8, 31), dt.date(2024, 2, 29)),
        (dt.date(2024, 12, 15), dt.date(2025, 6, 15)),
    ],
)
def test_six_months_after(day: dt.date, six_months_later: dt.date) -> None:
    assert months_after(day, 6) == six_months_later


def test_an_effective_day_before_the_notification_is_said_to_be_before_it(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hostile review of issue 19: it was said to be "less than six months after" it.
    found = _check(
        data_copy,
        capsys,
        lines="  withdrawal_notified: 2013-03-01\n  withdrawal_effective: 2012-09-01\n",
    )
    assert len(found) == 1
    assert "withdrawal_effective: 2012-09-01 is before withdrawal_notified (2013-03-01)" in found[0]
