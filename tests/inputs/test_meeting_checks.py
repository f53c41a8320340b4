"""report.yaml's meetings and coordinators checked across records (review of issue 19,
findings 4, 7, 8, 15, 16): each problem a located line in the user's words.

Each case is the 4th MSP data with report.yaml edited; `check` gives every problem.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from reportgen.app import check
from reportgen.inputs.meetings import MAX_NUMBER, MAX_PARTS
from tests.conftest import DATA

CHECKED_ON = __import__("datetime").date(2013, 9, 1)


def _problems(tmp_path: Path, *replacements: tuple[str, str]) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    report.write_text(text, encoding="utf-8")
    return [str(p) for p in check(data, None, today=CHECKED_ON)]


def _line(tmp_path: Path, text: str) -> int:
    lines = (tmp_path / "data" / "report.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.strip() == text)


def _errors(found: list[str]) -> list[str]:
    return [p for p in found if ": warning: " not in p]


def test_the_issuer_must_serve_at_the_meeting_reported_to(tmp_path: Path) -> None:
    found = _problems(
        tmp_path, ("    appointed_at: 2MSP\n", "    appointed_at: 2MSP\n    until: 4MSP\n")
    )
    line = _line(tmp_path, "until: 4MSP")
    assert _errors(found) == [
        f"{tmp_path}/data/report.yaml:{line}:5: coordinators[1].until: 4MSP: the "
        "issuer (Portugal) no longer coordinates at 4MSP, the meeting the report is presented "
        "to; the issuer is a coordinator serving then (check issuer:, or this until:)"
    ]


def test_two_meetings_of_one_kind_and_number_are_refused(tmp_path: Path) -> None:
    found = _problems(tmp_path, ("    number: 4\n", "    number: 3\n"))
    (error,) = _errors(found)
    assert error.endswith(
        "meetings[2] (4MSP).number: msp 3 is also 3MSP: a kind and number name one meeting; "
        "list it once"
    )


def test_numbers_going_down_while_dates_go_up_are_refused(tmp_path: Path) -> None:
    found = _problems(
        tmp_path, ("    number: 3\n", "    number: 5\n"), ("    number: 4\n", "    number: 6\n")
    )
    assert _errors(found) == []
    found = _problems(
        tmp_path / "b",
        (
            "2nd Meeting of States Parties, 2nd MSP\n    number: 2\n",
            "2nd Meeting of States Parties, 2nd MSP\n    number: 7\n",
        ),
    )
    (error,) = _errors(found)
    assert (
        "meetings[1] (3MSP).number: 3 is lower than the number of 2MSP (7), held before it" in error
    )


def test_online_with_a_city_is_refused(tmp_path: Path) -> None:
    found = _problems(tmp_path, ("    city: Oslo\n", "    city: Oslo\n    online: true\n"))
    (error,) = _errors(found)
    line = _line(tmp_path, "online: true")  # the line of the meeting's record
    assert error == (
        f"{tmp_path}/data/report.yaml:{line}:5: meetings[1] (3MSP).online: online and a city: "
        "choose one (`online: true` for a meeting held online, `city:` and `country:` for one "
        "held there)"
    )


ONE_PART = "    city: Lusaka\n    country: Zambia\n    start: 2013-09-10\n    end: 2013-09-13\n"


def test_a_meeting_in_more_parts_than_the_bound_is_refused(tmp_path: Path) -> None:
    many = "".join(
        f"      - {{city: Lusaka, country: Zambia, start: 2013-09-{d}, end: 2013-09-{d}}}\n"
        for d in range(10, 10 + MAX_PARTS + 1)
    )
    found = _problems(tmp_path, (ONE_PART, "    parts:\n" + many))
    (error,) = _errors(found)
    assert (
        f"meetings[2] (4MSP).parts: lists {MAX_PARTS + 1} parts: a meeting is held in at "
        f"most {MAX_PARTS}"
    ) in error


def test_a_number_above_the_bound_is_refused(tmp_path: Path) -> None:
    found = _problems(tmp_path, ("    number: 4\n", f"    number: {10**100}\n"))
    (error,) = _errors(found)
    assert (
        f"meetings[2] (4MSP).number: {10**100} is not a meeting's number (at most {MAX_NUMBER})"
        in error
    )


def test_a_part_ending_before_its_own_start_says_so(tmp_path: Path) -> None:
    found = _problems(
        tmp_path,
        (
            ONE_PART,
            "    parts:\n"
            "      - {online: true, start: 2013-09-10, end: 2013-09-10}\n"
            "      - {city: Lusaka, country: Zambia, start: 2013-09-12, end: 2013-09-11}\n",
        ),
    )
    (error,) = _errors(found)
    assert error.endswith("meetings[2] (4MSP).parts[1].end: is before its own start")


def test_a_former_coordinator_kept_without_until_is_warned_of(tmp_path: Path) -> None:
    found = _problems(tmp_path, ("  - state: Japan\n    until: 3MSP\n", "  - state: Japan\n"))
    warnings = [p for p in found if "coordinators" in p]
    assert warnings == [
        f"{tmp_path}/data/report.yaml:{_line(tmp_path, '- state: Japan')}:5: coordinators[0]: "
        "warning: Japan has no `until`: still a coordinator at 4MSP? Portugal and "
        "Ghana were appointed after it; give it `until:`, the meeting at which it handed over"
    ]


def test_three_coordinators_appointed_together_are_warned_of(tmp_path: Path) -> None:
    found = _problems(
        tmp_path,
        (
            "  - state: Ghana\n    appointed_at: 3MSP\n",
            "  - state: Ghana\n    appointed_at: 2MSP\n  - state: Spain\n    appointed_at: 2MSP\n",
        ),
    )
    warnings = [p for p in found if "coordinators serve" in p]
    assert len(warnings) == 1
    assert warnings[0].endswith(
        "coordinators: warning: 3 coordinators serve at 4MSP (Portugal, Ghana, Spain): "
        "co-coordinators are 2; give a former one `until:`, the meeting at which it handed over"
    )


def test_the_4th_msp_coordinators_give_no_problem(tmp_path: Path) -> None:
    assert [p for p in _problems(tmp_path) if "coordinators" in p or "meetings" in p] == []
