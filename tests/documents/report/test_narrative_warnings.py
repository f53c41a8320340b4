"""Warnings for a stale narrative (issue 19, point 4), by `check` and `build`.

The report covers the period from the close of the meeting new States Parties are counted
from (report.yaml counting_since) to its as-of day. Each test breaks a copy of the frozen
4th MSP data in one way and expects one located warning: exit 0, unless --strict.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from reportgen.app import build, check
from reportgen.cli.main import main
from reportgen.core.problems import InputError, Problem
from reportgen.inputs.load import load_inputs
from tests.conftest import DATA, template_of

DAY_AFTER = dt.date(2013, 9, 2)  # "today" for the 4th MSP data, as of 1 September 2013


def _warnings(data: Path, lang: str = "en", today: dt.date = DAY_AFTER) -> list[Problem]:
    found = check(data, template_of(lang), lang, today=today)
    assert all(p.severity == "warning" for p in found), found
    return found


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    """The first line that holds `text`, or (`^text`) that starts with it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if text.startswith("^"):
        return next(n for n, line in enumerate(lines, 1) if line.startswith(text[1:]))
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_the_shipped_4th_msp_data_gives_no_narrative_warning() -> None:
    for lang in ("en", "fr", "es"):
        assert _warnings(DATA, lang) == []
    # nor with the clock's today
    assert check(DATA, template_of("en")) == []


def test_an_initiative_before_the_period_is_a_warning(data_copy: Path) -> None:
    events = data_copy / "events.yaml"
    _replace(
        events,
        "    start: 2012-05-28\n    end: 2012-05-29",
        "    start: 2011-05-28\n    end: 2011-05-29",
    )
    (found,) = _warnings(data_copy)
    assert (found.file, found.line) == (str(events), _line_of(events, "end: 2011-05-29"))
    assert found.where == "initiatives[2].end"
    since = load_inputs(DATA).meeting("2MSP").end.isoformat()
    assert found.message == (
        f"2011-05-29 is before the period this report covers, from the close of 2MSP ({since}), "
        "from which new States Parties are counted, to the as-of day (2013-09-01): is it a "
        "previous report's initiative?"
    )


def test_the_strategys_initiative_before_the_period_says_so(data_copy: Path) -> None:
    _replace(
        data_copy / "events.yaml",
        "    start: 2013-05-22\n    end: 2013-05-23",
        "    start: 2011-05-22\n    end: 2011-05-23",
    )
    (found,) = _warnings(data_copy)
    assert found.where == "initiatives[0].end"
    assert "(the strategy's adopted_at: the strategy may be an earlier one too)" in found.message


def test_an_initiative_on_the_day_the_period_opens_is_not_a_warning(data_copy: Path) -> None:
    close = load_inputs(DATA).meeting("2MSP").end.isoformat()
    _replace(
        data_copy / "events.yaml",
        "    start: 2012-05-28\n    end: 2012-05-29",
        f"    start: {close}",
    )
    assert _warnings(data_copy) == []


def test_demarches_of_earlier_years_are_a_warning(data_copy: Path) -> None:
    _replace(
        data_copy / "events.yaml",
        "period: {en: 2011/2012, fr: 2011-2012, es: 2011-2012}",
        "period: {en: 2009/2010, fr: 2009-2010, es: 2009-2010}",
    )
    (found,) = _warnings(data_copy)
    assert found.where == "demarches.period"
    assert found.message.startswith("names only years before the period this report covers")


def test_a_region_named_in_the_regional_results_with_no_new_state_party(data_copy: Path) -> None:
    # a sixth region, "Middle East", that no State belongs to: none joined from it
    _replace(
        data_copy / "report.yaml",
        "  - name: Pacific\n",
        "  - name: Middle East\n"
        "    label: {en: Middle East, fr: Moyen-Orient, es: Oriente Medio}\n"
        "    in_prose: {en: the Middle East, fr: le Moyen-Orient, es: el Oriente Medio}\n"
        "  - name: Pacific\n",
    )
    events = data_copy / "events.yaml"
    _replace(events, "while Africa has made", "while the Middle East and Africa have made")
    _replace(events, "si l'Afrique a fait", "si le Moyen-Orient et l'Afrique ont fait")
    (english,) = _warnings(data_copy, "en")
    assert english.where == "regional_results.en"
    assert english.line == _line_of(events, "^regional_results:") + 1  # its en: text
    assert english.message.startswith(
        "names Middle East, but no State of that region became a Party in the period this "
        "report covers, from the close of 2MSP"
    )
    assert "new_states_parties_by_region.Middle East is 0" in english.message
    (french,) = _warnings(data_copy, "fr")
    assert french.where == "regional_results.fr"
    assert french.message.startswith("names Moyen-Orient, but no State")
    assert _warnings(data_copy, "es") == []  # the Spanish text does not name it


def test_regions_with_new_states_parties_are_not_a_warning() -> None:
    # the shipped text names Africa, Asia and the Pacific: each had new States Parties
    figures_text = load_inputs(DATA).events.regional_results
    assert all(word in figures_text for word in ("Africa", "Asia", "Pacific"))
    assert _warnings(DATA) == []


def test_an_as_of_after_the_meetings_opening_is_a_warning(data_copy: Path) -> None:
    report = data_copy / "report.yaml"
    _replace(report, "as_of: 2013-09-01", "as_of: 2013-09-11")
    (found,) = _warnings(data_copy, today=dt.date(2013, 9, 12))
    assert (found.where, found.line) == ("as_of", _line_of(report, "as_of: 2013-09-11"))
    assert found.message.startswith(
        "2013-09-11 is after the opening day of 4MSP (2013-09-10), the meeting the report is "
        "presented to"
    )


def test_an_as_of_on_the_meetings_opening_day_is_not_a_warning(data_copy: Path) -> None:
    _replace(data_copy / "report.yaml", "as_of: 2013-09-01", "as_of: 2013-09-10")
    assert _warnings(data_copy, today=dt.date(2013, 9, 12)) == []


def test_an_as_of_in_the_future_is_a_warning() -> None:
    (found,) = _warnings(DATA, today=dt.date(2013, 8, 31))
    assert found.where == "as_of"
    assert found.message == (
        "2013-09-01 is in the future (today is 2013-08-31): the status table and the figures "
        "can only be as of a day that has come"
    )
    assert _warnings(DATA, today=dt.date(2013, 9, 1)) == []


def test_build_reports_the_warning_and_strict_refuses_it(data_copy: Path, tmp_path: Path) -> None:
    _replace(data_copy / "report.yaml", "as_of: 2013-09-01", "as_of: 2013-09-11")
    output = tmp_path / "report.docx"
    built = build(data_copy, template_of("en"), output, today=dt.date(2013, 9, 12))
    assert [p.where for p in built.warnings] == ["as_of"]
    before = output.read_bytes()
    with pytest.raises(InputError) as refused:
        build(data_copy, template_of("en"), output, strict=True, today=dt.date(2013, 9, 12))
    assert [p.where for p in refused.value.problems] == ["as_of"]
    assert output.read_bytes() == before  # the previous output is untouched


def test_the_commands_print_one_located_line_and_exit_0_unless_strict(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = data_copy / "events.yaml"
    _replace(
        events,
        "    start: 2012-05-28\n    end: 2012-05-29",
        "    start: 2011-05-28\n    end: 2011-05-29",
    )
    template = str(template_of("en"))
    assert main(["check", "--data", str(data_copy), "--template", template]) == 0
    out = capsys.readouterr()
    lines = [line for line in (out.out + out.err).splitlines() if "warning:" in line]
    assert len(lines) == 1
    assert re.match(
        rf"{re.escape(str(events))}:\d+:\d+: initiatives\[2\]\.end: warning: 2011-05-29 is before",
        lines[0],
    )
    assert main(["check", "--data", str(data_copy), "--template", template, "--strict"]) == 2
    capsys.readouterr()
    output = tmp_path / "out" / "report.docx"
    args = ["build", "--data", str(data_copy), "--template", template, "--output", str(output)]
    assert main(args) == 0
    assert output.exists()
    out = capsys.readouterr()
    assert "initiatives[2].end: warning: 2011-05-29 is before" in out.out + out.err
    output.unlink()
    assert main([*args, "--strict"]) == 2
    assert not output.exists()
