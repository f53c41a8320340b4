"""Import the depositary's status into data/: compare, say what changed, and write it.

`plan_import` reads a UNTC status (`reportgen.untc`), matches each participant to a State of
data/states.yaml (`depositary.matching`), and lists every difference as a `Change`, then
what the changes ask of categories.yaml and names.yaml (`depositary.followups`); it also
holds the new text of the files, written only by `write_plan`. Writing goes through a
round-trip YAML library (ruamel.yaml) so that the file a person maintains keeps its comments,
order, blank lines and quoting: only the values that change are touched. The result is
validated like any data before anything is written, so a failed import leaves data/ as it
was.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from reportgen.core.problems import InputError, Problem
from reportgen.core.writing import locked_folder, replace_together
from reportgen.depositary.edit import DATE_FIELDS, WITHDRAWAL_FIELDS, write_texts
from reportgen.depositary.followups import Removal, follow
from reportgen.depositary.matching import RENAMED, Matcher
from reportgen.depositary.untc import Entry, Participant, Status, read_status
from reportgen.inputs.load import DATA_FILES, load_with_warnings
from reportgen.inputs.models import Date, ReportFrame
from reportgen.inputs.withdrawals import WITHDRAWAL_MONTHS, months_after
from reportgen.inputs.yaml import SourceFile

_INSTRUMENT_FIELD = {
    "ratification": "ratification",
    "acceptance": "ratification",  # a signatory's consent to be bound, as ratification
    "approval": "ratification",
    "formal_confirmation": "ratification",
    "accession": "accession",
    "succession": "succession",
}
"""Where each instrument goes in data/states.yaml, which records ratification, accession and
succession: acceptance, approval and formal confirmation are a signatory's ratification."""


@dataclass(frozen=True)
class Change:
    """One difference between the depositary and data/states.yaml, and where it comes from."""

    state: str
    field: str
    old: dt.date | None
    new: dt.date | None
    where: str
    """The source's row: file:line: row N (name)."""

    def __str__(self) -> str:
        old = "none" if self.old is None else self.old.isoformat()
        new = "none" if self.new is None else self.new.isoformat()
        return f"{self.where}: {self.state}: {self.field}: {old} -> {new}"


@dataclass(frozen=True)
class NewState:
    """A participant that data/states.yaml lacks, as it will be inserted."""

    name: str
    iso3: str
    region: str
    where: str

    def __str__(self) -> str:
        return f"{self.where}: {self.name}: new State ({self.iso3}, region {self.region})"


@dataclass
class Plan:
    """What an import would change, and the new text of each file it would write."""

    status: Status
    changes: list[Change] = field(default_factory=list)
    new_states: list[NewState] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    """The members of categories.yaml that the changes make States Parties."""
    warnings: list[Problem] = field(default_factory=list)
    """What the data will lack after the changes: a new State's names (names.yaml)."""
    texts: dict[str, str] = field(default_factory=dict)
    """The new text of each data file that changes, by stem (states, report, categories)."""
    originals: dict[str, str] = field(default_factory=dict)
    """The text each new one was made from, by stem: a file that no longer holds it was
    changed by someone else (another import) and is not written over."""

    def lines(self, *, written: bool = False) -> list[str]:
        """One line per change, new States first where they stand in the source, then the
        categories' members it makes States Parties (removed if `written`)."""
        return (
            [str(n) for n in self.new_states]
            + [str(c) for c in self.changes]
            + [r.line_text(written=written) for r in self.removals]
        )

    def summary(self, data: Path, day: dt.date | None, *, written: bool) -> str:
        """The closing line of an import: what it changed (`written`) or would change."""
        status = f"the depositary's status as at {day}"
        if not self.lines():
            agrees = f"{data}/states.yaml agrees with {status}"
            if "report" not in self.texts:
                return agrees
            if written:
                return f"{agrees}; recorded it as report.yaml's status_source"
            return (
                f"{agrees}; only report.yaml's status_source would change: run again with "
                "--write to record it"
            )
        told = f"{len(self.lines())} change(s) from {status}"
        if written:
            return told
        return f"{told}; nothing written: run again with --write to apply them"


def plan_import(
    source: Path,
    data: Path,
    *,
    regions: Mapping[str, str] | None = None,
    as_at: dt.date | None = None,
    display: str | None = None,
) -> Plan:
    """Compare the status in `source` with `data`; raise InputError with every problem.

    `regions` gives the region of participants the data lacks (the depositary does not);
    `as_at` the day of a status that does not say it (the XML export).
    """
    frame, states, sources = _data(data)
    states_file = sources["states"]
    status = read_status(source, treaty=frame.convention.name, display=display)
    plan = Plan(status)
    problems: list[Problem] = []
    if status.as_at is None and as_at is None:
        problems.append(
            Problem(
                status.file,
                1,
                1,
                "status as at",
                "the file does not say on which day its status was taken; give it with "
                "--as-at YYYY-MM-DD (the day you downloaded it)",
            )
        )
    if as_at is not None and status.as_at is not None and as_at != status.as_at:
        problems.append(
            Problem(
                status.file,
                status.as_at_line,
                1,
                "status as at",
                f"the file says its status is as at {status.as_at.isoformat()}, but --as-at "
                f"gives {as_at.isoformat()}: leave out --as-at for a file that says its day",
            )
        )
    day = status.as_at or as_at
    if day is not None and day < frame.as_of:
        plan.notes.append(
            f"{status.file}: warning: the status is as at {day.isoformat()}, before the "
            f"report's as-of date {frame.as_of.isoformat()}: a deposit made between the two "
            "is not in it"
        )
    matcher = Matcher(states)
    targets: dict[int, tuple[Participant, dict[str, Entry]]] = {}
    new: list[tuple[Participant, str, dict[str, Entry]]] = []
    hinted: set[str] = set()
    new_rows: dict[str, Participant] = {}  # the participants the data lacks, by ISO code
    wanted_regions = dict(regions or {})
    region_names = {r.name for r in frame.regions}
    plan.notes += status.count_notes
    for participant in status.participants:
        where = f"{status.file}:{participant.line}: row {participant.row} ({participant.name})"
        fields = _fields(participant)
        for name, entry in fields.items():
            action = f"{entry.day.isoformat()} ({name.replace('_', ' ')})"
            located = (
                status.file,
                entry.line,
                1,
                f"row {participant.row} ({participant.name}), column {entry.column!r}",
            )
            if day is not None and entry.day > day:  # a status lists no later action
                problems.append(
                    Problem(
                        *located,
                        f"{action} is after the day of the status itself, {day.isoformat()}: "
                        "the file was edited, or --as-at is not the day it was downloaded",
                    )
                )
            elif entry.day > frame.as_of:
                problems.append(
                    Problem(
                        *located,
                        f"{action} is after the report's as-of date {frame.as_of.isoformat()}; "
                        "set as_of in report.yaml to the status's date first",
                    )
                )
        found = matcher.match(participant.name)
        if participant.withdrawn or participant.withdrawal is not None:
            record = states[found] if isinstance(found, int) else None
            problems += _withdrawal(
                plan, status.file, participant, record, fields, frame.as_of, where
            )
        if isinstance(found, int):
            _already_in_data(plan, wanted_regions, participant, states[found], where)
            _renamed_before(plan, participant, states[found], frame.as_of, where)
            if found in targets:
                other = targets[found][0]
                problems.append(
                    Problem(
                        status.file,
                        participant.line,
                        1,
                        f"row {participant.row} ({participant.name})",
                        f"is the same State of the data as row {other.row} ({other.name})",
                    )
                )
            targets[found] = (participant, fields)
        elif isinstance(found, str) and found in new_rows:
            other = new_rows[found]
            problems.append(
                Problem(
                    status.file,
                    participant.line,
                    1,
                    f"row {participant.row} ({participant.name})",
                    f"is the same State ({found}) as row {other.row} ({other.name}): the "
                    "table lists a participant once; the file was edited",
                )
            )
        elif isinstance(found, str):
            new_rows[found] = participant
            region = wanted_regions.pop(participant.name, None)
            if region is None:
                problems.append(
                    Problem(
                        status.file,
                        participant.line,
                        1,
                        f"row {participant.row} ({participant.name})",
                        "is not a State of states.yaml: which region does the report "
                        f"count it in? Say it with --region {participant.name!r}=REGION "
                        f"(one of: {', '.join(sorted(region_names))})",
                    )
                )
            elif region not in region_names:
                problems.append(
                    Problem(
                        status.file,
                        participant.line,
                        1,
                        f"row {participant.row} ({participant.name})",
                        f"--region {region!r} is not a region of report.yaml "
                        f"(one of: {', '.join(sorted(region_names))})",
                    )
                )
            else:
                new.append((participant, found, fields))
                plan.new_states.append(NewState(participant.name, found, region, where))
        else:
            hint = matcher.closest(participant.name)
            hinted.update(hint)  # their missing row is this one: said once, here
            problems.append(
                Problem(
                    status.file,
                    participant.line,
                    1,
                    f"row {participant.row} ({participant.name})",
                    "is neither a State of states.yaml, a former name of one, nor a "
                    "name with an ISO 3166 code"
                    + (f"; nearest: {', '.join(repr(h) for h in hint)}" if hint else ""),
                )
            )
    for name in wanted_regions:
        problems.append(
            Problem.about("--region", name, "is not a new participant of the depositary's table")
        )
    for index, state in enumerate(states):
        dated = [name for name in DATE_FIELDS if state.get(name) is not None]
        if index in targets or not dated or state["name"] in hinted:
            continue
        # The depositary keeps every participant in its table, withdrawn ones too:
        # a State with dates and no row is a misspelt or missing row, not a date to remove.
        problems.append(
            states_file.problem(
                (index, dated[0]),
                f"{state.get('name')} has dates ({', '.join(dated)}) but no row in the "
                f"depositary's table {status.file} (under its name, a former name or its "
                "ISO code): the import removes no date it is not given; check the row's "
                "name, or remove the dates by hand if they are wrong",
            )
        )
    if problems:
        raise InputError(problems)
    assert day is not None
    for index, state in enumerate(states):
        if index not in targets:
            continue
        listed, given = targets[index]
        where = f"{status.file}:{listed.line}: row {listed.row} ({listed.name})"
        for name in DATE_FIELDS:
            old = _as_date(state.get(name))
            found_entry = given.get(name)
            if found_entry is None and name in WITHDRAWAL_FIELDS:
                continue  # a withdrawal the page does not give is kept: its form is not sure
            now = None if found_entry is None else found_entry.day
            if old != now:
                plan.changes.append(Change(str(state.get("name")), name, old, now, where))
    for participant, _, row_fields in new:
        where = f"{status.file}:{participant.line}: row {participant.row} ({participant.name})"
        for name, entry in row_fields.items():
            plan.changes.append(Change(participant.name, name, None, entry.day, where))
    write_texts(plan, data, day)
    follow(plan, sources, frame, states, data)
    return plan


def _withdrawal(
    plan: Plan,
    file: str,
    participant: Participant,
    record: Mapping[str, Any] | None,
    fields: dict[str, Entry],
    as_of: dt.date,
    where: str,
) -> list[Problem]:
    """Add to `fields` the withdrawal a withdrawn participant's footnote gives, and say where
    it comes from; the problems of a withdrawal the page marks but does not date."""
    located = (file, participant.line, 1, f"row {participant.row} ({participant.name})")
    note = participant.withdrawal
    if note is None:
        if record is not None and record.get("withdrawal_notified") is not None:
            plan.notes.append(
                f"{where}: withdrawn (in brackets); no footnote gives its days: states.yaml's "
                "withdrawal_notified and withdrawal_effective are kept"
            )
            return []
        return [
            Problem(
                *located,
                "is in brackets (withdrawn from the treaty), but no footnote of the file says "
                "when its withdrawal was notified: add withdrawal_notified and "
                "withdrawal_effective to its record in states.yaml from the depositary "
                "notification (C.N. ...), then import again",
            )
        ]
    line = note.footnote.line
    column = f"footnote {note.footnote.mark}"
    problems: list[Problem] = []
    if record is not None and record.get("withdrawal_effective") is not None:
        effective_before = _as_date(record.get("withdrawal_effective"))
        deposit = participant.deposit
        if deposit is not None and effective_before is not None and deposit.day >= effective_before:
            problems.append(
                Problem(
                    *located,
                    f"deposited on {deposit.day.isoformat()}, after its withdrawal took effect "
                    f"({effective_before.isoformat()}): record the new instrument under "
                    "rejoined: in states.yaml by hand; the import does not write a "
                    "rejoining",
                )
            )
    fields["withdrawal_notified"] = Entry("withdrawal_notified", note.notified, column, line)
    effective = note.effective
    if effective is None:
        effective = months_after(note.notified, WITHDRAWAL_MONTHS)
        kept = record is not None and record.get("withdrawal_effective") is not None
        if kept:
            plan.notes.append(
                f"{where}: warning: footnote {note.footnote.mark} gives no day the withdrawal "
                "takes effect: states.yaml's withdrawal_effective is kept"
            )
            return problems
        plan.notes.append(
            f"{where}: warning: footnote {note.footnote.mark} gives no day the withdrawal "
            f"takes effect: withdrawal_effective {effective.isoformat()} is six months after "
            "the notification (Article 20(2)); check it in the depositary notification (later "
            "if the State was then engaged in an armed conflict)"
        )
    fields["withdrawal_effective"] = Entry("withdrawal_effective", effective, column, line)
    state = "pending on the report's as-of date" if effective > as_of else "in effect"
    plan.notes.append(
        f"{where}: withdrawn: footnote {note.footnote.mark} (line {line}) gives its withdrawal, "
        f"notified on {note.notified.isoformat()}, effective {effective.isoformat()} ({state})"
    )
    return problems


def _already_in_data(
    plan: Plan,
    wanted_regions: dict[str, str],
    participant: Participant,
    state: Mapping[str, Any],
    where: str,
) -> None:
    """A --region for a State the data has: running the same command again (after a
    --write added it) is fine; a region other than the data's is noted, never applied."""
    for name in (participant.name, str(state["name"])):
        region = wanted_regions.pop(name, None)
        if region is not None and region != state.get("region"):
            plan.notes.append(
                f"{where}: --region {name}={region}: {state['name']} is already in "
                f"states.yaml, in {state.get('region')}; the import changes no region "
                "(edit states.yaml to move it)"
            )


def _renamed_before(
    plan: Plan, participant: Participant, state: Mapping[str, Any], as_of: dt.date, where: str
) -> None:
    """Note a State the data still calls by a name it had left by the report's as-of date:
    the import keeps the data's name, but a report as at that date prints today's."""
    for renamed in RENAMED:
        if (
            renamed.new == participant.name
            and state.get("name") == renamed.old
            and as_of >= renamed.since
        ):
            plan.notes.append(
                f"{where}: warning: states.yaml calls it {renamed.old}, its name "
                f"until {renamed.since.isoformat()}; a report as of {as_of.isoformat()} "
                f"names it {renamed.new}: rename it in data/ (states.yaml and wherever "
                "else the data names it)"
            )


def _data(data: Path) -> tuple[ReportFrame, list[dict[str, Any]], dict[str, SourceFile]]:
    """The report's frame and the records of states.yaml, as they stand (valid data only),
    and the files read, to locate a problem with one of their records."""
    inputs, problems, sources = load_with_warnings(data)
    if inputs is None:
        raise InputError(problems)
    return inputs.report, list(sources["states"].data), sources


def _fields(participant: Participant) -> dict[str, Entry]:
    """The dated fields of data/states.yaml that the participant's row gives."""
    fields: dict[str, Entry] = {}
    if participant.signature is not None:
        fields["signature"] = participant.signature
    if participant.provisional_application is not None:
        fields["provisional_application"] = participant.provisional_application
    if participant.deposit is not None:
        fields[_INSTRUMENT_FIELD[participant.deposit.action]] = participant.deposit
    return fields


_DATE: TypeAdapter[dt.date] = TypeAdapter(Date)


def _as_date(value: object) -> dt.date | None:
    """A date of the data as written (2008-12-03, 03.12.2008, 3 December 2008)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return _DATE.validate_python(str(value))  # the data validated: it is a date


LOCK_SECONDS = 10.0
"""How long an import waits for another one writing the same data folder."""


def write_plan(plan: Plan, data: Path) -> list[Path]:
    """Validate the new files with the rest of `data`, then write them; the paths written.

    Raises InputError, and writes nothing, when the data would not be valid, when a file
    changed since the plan read it, when another import holds the data folder for longer
    than `LOCK_SECONDS`, or when a file cannot be written (each file is then as it was).
    The files are replaced together: each new one is written in full beside its target
    first, and if one cannot be moved into place, those already moved are put back. A data
    file keeps its mode, and a symbolic link its target (the file it points to is replaced).
    """
    if not plan.texts:
        return []
    busy = "another import is writing this folder: nothing written; run the import again"
    with locked_folder(data, "import", busy, LOCK_SECONDS):
        for stem, original in plan.originals.items():
            path = data / f"{stem}.yaml"
            if stem in plan.texts and _current_text(path) != original:
                raise InputError(
                    [
                        Problem.about(
                            str(path),
                            "import",
                            "changed since the import read it (another import, or an "
                            "editor): nothing written; run the import again",
                        )
                    ]
                )
        _validate(plan, data)
        replace_together({data / f"{stem}.yaml": t.encode() for stem, t in plan.texts.items()})
    return [data / f"{stem}.yaml" for stem in plan.texts]


def _current_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _validate(plan: Plan, data: Path) -> None:
    """InputError with every problem the data would have after the import."""
    with tempfile.TemporaryDirectory(prefix="reportgen-import-") as scratch:
        trial = Path(scratch) / "data"
        trial.mkdir()
        for stem in DATA_FILES:
            source = data / f"{stem}.yaml"
            if stem in plan.texts:
                (trial / f"{stem}.yaml").write_text(plan.texts[stem], encoding="utf-8")
            elif source.exists():
                shutil.copyfile(source, trial / f"{stem}.yaml")
        inputs, problems, _ = load_with_warnings(trial)
        if inputs is None:
            prefix = str(trial)
            raise InputError(
                Problem(
                    str(data / Path(p.file).name) if p.file.startswith(prefix) else p.file,
                    p.line,
                    p.column,
                    p.where,
                    f"after the import: {p.message}",
                    p.severity,
                )
                for p in problems
                if p.severity == "error"
            )
