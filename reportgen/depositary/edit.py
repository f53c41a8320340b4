"""The data files' new text after an import, edited in place: only the values that change.

Writing goes through a round-trip YAML library (ruamel.yaml) so that the file a person
maintains keeps its comments, order, blank lines and quoting; a new State is inserted in
alphabetical order, with its comments moved as a person would move them.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import SingleQuotedScalarString
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from reportgen.core.collation import collation_key
from reportgen.depositary.untc import PUBLISHER

if TYPE_CHECKING:
    from reportgen.depositary.importing import Plan

WITHDRAWAL_FIELDS = ("withdrawal_notified", "withdrawal_effective")
"""The days of a State's withdrawal (Article 20), which the import writes from a footnote."""
DATE_FIELDS = (
    "signature",
    "provisional_application",
    "ratification",
    "accession",
    "succession",
    *WITHDRAWAL_FIELDS,
)
"""The dated fields of a State, in the order a record lists them."""
FIELD_ORDER = ("name", "iso3", "region", *DATE_FIELDS)


def _yaml(text: str) -> YAML:
    """A round-trip YAML that writes `text` back as it is: same indents, quotes and lines."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the person wrote on one
    _, indent, dash = load_yaml_guess_indent(text)
    if indent:
        yaml.indent(mapping=indent - (dash or 0) or 2, sequence=indent, offset=dash or 0)
    return yaml


def write_texts(plan: Plan, data: Path, day: dt.date) -> None:
    """Put in `plan.texts` the new text of each file the import changes."""
    states_path, report_path = data / "states.yaml", data / "report.yaml"
    states_text = states_path.read_text(encoding="utf-8")
    plan.originals["states"] = states_text
    yaml = _yaml(states_text)
    records: CommentedSeq = yaml.load(states_text)
    by_name = {str(r["name"]): r for r in records}
    for change in plan.changes:
        record = by_name.get(change.state)
        if record is None:
            continue  # a new State: inserted below with all its fields
        _set(record, change.field, change.new)
    for new_state in plan.new_states:
        record = CommentedMap()
        record["name"] = new_state.name
        record["iso3"] = new_state.iso3
        record["region"] = new_state.region
        for change in plan.changes:
            if change.state == new_state.name:
                record[change.field] = change.new
        _insert(records, record)
    new_states_text = _dump(yaml, records)
    if new_states_text != states_text:
        plan.texts["states"] = new_states_text
    report_text = report_path.read_text(encoding="utf-8")
    plan.originals["report"] = report_text
    yaml = _yaml(report_text)
    frame = yaml.load(report_text)
    source = {
        "publisher": PUBLISHER,
        "file": Path(plan.status.file).name,
        "as_at": day,
        # quoted: YAML 1.1 (PyYAML) would read 10:15:33 as a number of seconds
        "as_at_time": None
        if plan.status.as_at_time is None
        else SingleQuotedScalarString(plan.status.as_at_time),
        "sha256": plan.status.sha256,
    }
    current = frame.get("status_source")
    before = None if not isinstance(current, Mapping) else _as_plain(current.get("as_at"))
    if not isinstance(current, CommentedMap):
        current = CommentedMap()
        frame["status_source"] = current
        frame.yaml_set_comment_before_after_key(
            "status_source",
            before="\nWhere the dates of states.yaml come from (`reportgen import untc`)",
        )
    for key, value in source.items():
        if value is None:
            current.pop(key, None)
        elif _as_plain(current.get(key)) != _as_plain(value):
            current[key] = value
    new_report_text = _dump(yaml, frame)
    if new_report_text != report_text:
        plan.texts["report"] = new_report_text
        plan.notes.append(
            f"{report_path}: status_source: as at {before or 'none'} -> {day.isoformat()}, "
            f"sha256 {plan.status.sha256[:12]}..."
        )


def _as_plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _dump(yaml: YAML, document: Any) -> str:
    out = io.StringIO()
    yaml.dump(document, out)
    text = out.getvalue()
    return text if text.endswith("\n") else text + "\n"


def _set(record: CommentedMap, key: str, value: dt.date | None) -> None:
    """Set, add or remove one dated field, keeping the record's order and trailing lines."""
    keys = list(record)
    last = keys[-1]
    _, trailing = _split_comment(record, last)
    if value is None:
        if key in record:
            del record[key]
            record.ca.items.pop(key, None)  # its own comment goes with it
    elif key in record:
        record[key] = value
    else:
        rank = FIELD_ORDER.index(key) if key in FIELD_ORDER else len(FIELD_ORDER)
        position = 0
        for index, existing in enumerate(keys):
            if (FIELD_ORDER.index(existing) if existing in FIELD_ORDER else -1) < rank:
                position = index + 1
        record.insert(position, key, value)
    if record and list(record)[-1] != last:
        _move_trailing(record, last, trailing)


def _split_comment(record: CommentedMap, key: str) -> tuple[str, str]:
    """The comment after `key`'s value in two: its own inline comment ("# checked\n", or ""
    when it has none) and the lines that follow it (blank lines, comment lines).

    ruamel.yaml holds both in one token after the key, whose value is either
    "# inline\n" + following, or "\n" (the end of the line) + following.
    """
    token = _comment_token(record, key)
    if token is None:
        return "", ""
    value = token.value
    if value.lstrip(" ").startswith("#"):
        inline, newline, following = value.partition("\n")
        return inline + newline, following
    return "", value[1:] if value.startswith("\n") else value


def _comment_token(record: CommentedMap, key: str) -> Any:
    entry = record.ca.items.get(key)
    return None if entry is None or len(entry) < 3 else entry[2]


def _set_comment(record: CommentedMap, key: str, inline: str, following: str) -> None:
    """Give `key` the comment `inline` (its own) followed by the lines `following`."""
    token = _comment_token(record, key)
    if not inline and not following:
        if token is not None:
            record.ca.items[key][2] = None
            if not any(record.ca.items[key]):
                del record.ca.items[key]
        return
    value = (inline or "\n") + following
    if token is not None:
        token.value = value
        return
    entry = record.ca.items.setdefault(key, [None, None, None, None])
    entry[2] = CommentToken(value, CommentMark(0), None)


def _move_trailing(record: CommentedMap, old_last: str, following: str) -> None:
    """Keep the blank lines and comment lines that followed the record after its new last
    key; each key keeps its own inline comment (`signature: 2008-12-03  # in Oslo`)."""
    if not following:
        return
    new_last = list(record)[-1]
    if old_last in record:
        inline, _ = _split_comment(record, old_last)
        _set_comment(record, old_last, inline, "")
    inline, own_following = _split_comment(record, new_last)
    _set_comment(record, new_last, inline, own_following + following)


def _insert(records: CommentedSeq, record: CommentedMap) -> None:
    """Insert a new State where the file's order puts it (alphabetical, as the file is)."""
    names = [str(r["name"]) for r in records]
    keys = [collation_key(n) for n in names]
    ordered = keys == sorted(keys)
    key = collation_key(str(record["name"]))
    position = len(records)
    if ordered:
        position = next((i for i, k in enumerate(keys) if k > key), len(records))
    separator = ""
    for existing in records:  # the blank line that separates two records, not a comment
        _, following = _split_comment(existing, list(existing)[-1])
        if following and not following.strip():
            separator = following
            break
    if position == len(records) and records:
        previous = records[-1]
        last = list(previous)[-1]
        inline, following = _split_comment(previous, last)
        if separator and not following:
            _set_comment(previous, last, inline, separator)
    elif separator:
        _set_comment(record, list(record)[-1], "", separator)
    records.insert(position, record)
