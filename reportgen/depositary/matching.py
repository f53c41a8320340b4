"""Which State of data/states.yaml a participant of the depositary's table is: by its name,
a former name (the UN renamed it after the report's date), or its ISO 3166 code."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from reportgen.inputs.checks import fold_name, iso_names_index, name_forms


@dataclass(frozen=True)
class Renamed:
    """A State that the UN names differently since `since`: `old` is its name before."""

    old: str
    new: str
    since: dt.date


RENAMED: tuple[Renamed, ...] = (
    # The day each State's new name took effect at the United Nations.
    Renamed("Cape Verde", "Cabo Verde", dt.date(2013, 10, 24)),
    Renamed("Swaziland", "Eswatini", dt.date(2018, 4, 19)),
    Renamed("The former Yugoslav Republic of Macedonia", "North Macedonia", dt.date(2019, 2, 14)),
    Renamed("Turkey", "Türkiye", dt.date(2022, 6, 1)),
)
"""Names the depositary uses today for States whose data (and report) may use the old one.

A 2013 report prints the names of 2013: the import matches "Eswatini" to the data's
"Swaziland" and never renames a State of the data; it warns when the report's as-of date
is on or after `since` and the data still uses the old name. Names whose ISO 3166 code says who they
are ("Czechia", "Netherlands (Kingdom of the)") need no entry: they are matched by code.
"""


class Matcher:
    """Finds the State of the data a participant is: by name, former name, then ISO code."""

    def __init__(self, states: list[dict[str, Any]]) -> None:
        self.names = {str(s["name"]): i for i, s in enumerate(states)}
        self.codes: dict[str, list[int]] = {}
        for index, state in enumerate(states):
            self.codes.setdefault(str(state["iso3"]), []).append(index)
        self.folded = {fold_name(name): i for name, i in self.names.items()}

    def match(self, name: str) -> int | str | None:
        """The index of the State, or the ISO code of a State the data lacks, or None."""
        if name in self.names:
            return self.names[name]
        for renamed in RENAMED:
            if renamed.new == name and renamed.old in self.names:
                return self.names[renamed.old]
        codes = _codes(name)
        for renamed in RENAMED:
            if renamed.new == name:
                codes |= _codes(renamed.old)
        held = {i for code in codes for i in self.codes.get(code, [])}
        if len(held) == 1:
            return held.pop()
        if fold_name(name) in self.folded:
            return self.folded[fold_name(name)]
        if len(codes) == 1 and not held:
            return next(iter(codes))
        return None

    def closest(self, name: str) -> list[str]:
        """The names of the data nearest to `name`, for the message."""
        candidates = {fold_name(n): n for n in self.names}
        for renamed in RENAMED:
            candidates.setdefault(fold_name(renamed.new), renamed.new)
        close = difflib.get_close_matches(fold_name(name), list(candidates), n=3, cutoff=0.5)
        return [candidates[c] for c in close]


def _codes(name: str) -> set[str]:
    """The ISO 3166 alpha-3 codes a name may stand for (one, for a known country's name)."""
    index = iso_names_index()
    return {code for form in name_forms(name) for code in index.get(form, ())}
