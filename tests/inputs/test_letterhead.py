"""The top-level letterhead of the release before, on the report of an issuer that has none
(review of issue 19, finding 5): never printed as another coordinator's silently, and never
moved under the issuer's record without checking whose ministry it names."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from reportgen.app import check
from tests.conftest import DATA

LINES = (
    "letterhead:\n"
    "  - {en: MINISTRY OF FOREIGN AFFAIRS, fr: MINISTÈRE DES AFFAIRES ÉTRANGÈRES,"
    " es: MINISTERIO DE ASUNTOS EXTERIORES}\n"
    "  - {en: PORTUGUESE REPUBLIC, fr: RÉPUBLIQUE PORTUGAISE, es: REPÚBLICA PORTUGUESA}\n"
)


def _report_of_ghana(tmp_path: Path, *, portugal_keeps_its_own: bool) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    if not portugal_keeps_its_own:
        start = text.index("    letterhead:")
        text = text[:start] + text[text.index("  - state: Ghana") :]
    text = text.replace("issuer: Portugal", LINES + "issuer: Ghana")
    report.write_text(text, encoding="utf-8")
    return [str(p) for p in check(data, None, today=dt.date(2013, 9, 1))]


def test_the_old_letterhead_on_another_issuers_report_asks_whose_it_is(tmp_path: Path) -> None:
    found = [
        p for p in _report_of_ghana(tmp_path, portugal_keeps_its_own=False) if "letterhead" in p
    ]
    assert len(found) == 1, found
    assert found[0].endswith(
        "letterhead: warning: is deprecated, and printed on Ghana's report: check that these "
        "lines are Ghana's ministry's; then move them under its record (coordinators, state: "
        "Ghana) as `letterhead:` (docs/data.md)"
    )


def test_another_coordinators_own_letterhead_is_never_printed_as_the_issuers(
    tmp_path: Path,
) -> None:
    found = [
        p for p in _report_of_ghana(tmp_path, portugal_keeps_its_own=True) if "letterhead" in p
    ]
    assert len(found) == 1, found
    assert found[0].endswith(
        "letterhead: these are Portugal's lines (its record under coordinators has the same "
        "letterhead), not those of the issuer, Ghana: give Ghana's record its own "
        "`letterhead:` and remove these"
    )
