"""The 4th MSP report as published (tests/fixtures/4msp-report.txt), read independently.

Its status table is the reference the figures are checked against; its footnotes give the
category lists. Nothing here uses reportgen: the expectations come from the seed alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

SEED = Path(__file__).parent / "fixtures" / "4msp-report.txt"

# The seed's spellings that data/ corrects to UN usage.
SEED_NAMES = {"Saint-Vincent and Grenadines": "Saint Vincent and the Grenadines"}

# The seed's footnotes use short or misspelt names ("Nigéria"); data/ has one name per State.
FOOTNOTE_NAMES = {
    "Brunei": "Brunei Darussalam",
    "DR Congo": "Democratic Republic of the Congo",
    "Nigéria": "Nigeria",
    "Slovak Republic": "Slovakia",
    "Tanzania": "United Republic of Tanzania",
    "Vietnam": "Viet Nam",
    "Micronesia": "Micronesia (Federated States of)",
    "Papua New-Guinea": "Papua New Guinea",
    "Iran": "Iran (Islamic Republic of)",
    "South Korea": "Republic of Korea",
    "Russia": "Russian Federation",
}

# Meeting dates from the CCM's meeting records: the 2MSP closed on 16 September 2011 and
# the 3MSP on 14 September 2012.
SECOND_MSP_CLOSED = dt.date(2011, 9, 16)
THIRD_MSP_CLOSED = dt.date(2012, 9, 14)


@dataclass(frozen=True)
class SeedRow:
    """A row of the seed's status table."""

    name: str
    signature: dt.date | None
    deposit: dt.date | None

    @property
    def data_name(self) -> str:
        """The State's name as data/states.yaml spells it."""
        return SEED_NAMES.get(self.name, self.name)


@dataclass(frozen=True)
class SeedReport:
    """What the seed report's table and footnotes say."""

    rows: tuple[SeedRow, ...]
    total_signatures: int
    total_deposits: int
    footnotes: dict[int, tuple[str, ...]]

    def footnote_states(self, number: int) -> tuple[str, ...]:
        """The States a category footnote lists, named as data/states.yaml names them."""
        return tuple(FOOTNOTE_NAMES.get(n, n) for n in self.footnotes[number])


def _date(text: str) -> dt.date | None:
    text = text.strip()
    return dt.datetime.strptime(text, "%d.%m.%Y").date() if text else None


def read_seed(path: Path = SEED) -> SeedReport:
    text = path.read_text(encoding="utf-8")
    start = text.index("States\tSignature")
    end = text.rindex("III. Regional outreach")
    rows, totals = [], (0, 0)
    for line in text[start:end].splitlines()[1:]:
        if not line.strip():
            continue
        cells = [*line.split("\t"), "", ""]
        if cells[0] == "Total:":
            totals = (int(cells[1]), int(cells[2]))
            continue
        rows.append(SeedRow(cells[0], _date(cells[1]), _date(cells[2])))
    footnotes = {}
    for mark, number in (("\u00b9", 1), ("\u00b2", 2), ("\u00b3", 3)):
        found = re.search(rf"^{mark} (.+)$", text, re.MULTILINE)
        assert found, f"footnote {number} not found in the seed"
        names = [n.strip().rstrip(".") for n in found.group(1).split(",")]
        footnotes[number] = tuple(n for n in names if n)
    return SeedReport(tuple(rows), totals[0], totals[1], footnotes)
