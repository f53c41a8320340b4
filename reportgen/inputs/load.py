"""Load stage: data/*.yaml -> validated `Inputs`, or every problem at once with its line.

This stage knows YAML's line numbers (`inputs.yaml`) and nothing of Word. Each file is
validated by its pydantic model, then across records and files (`inputs.checks`); every
problem found is located in the file, as
`data/states.yaml:214:17: states[41] (Hungary).ratification: ...`.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from reportgen.core.languages import LANGUAGES
from reportgen.core.memo import Memo
from reportgen.core.problems import InputError, Problem
from reportgen.inputs import checks
from reportgen.inputs.campaign import CampaignsFile, campaign_findings
from reportgen.inputs.models import (
    CategoriesFile,
    EventsFile,
    Inputs,
    LessonsFile,
    Names,
    NamesFile,
    ReportFrame,
    State,
    StateNames,
    StatesFile,
)
from reportgen.inputs.withdrawals import Finding
from reportgen.inputs.yaml import Path_, SourceFile, read_file

DATA_FILES: dict[str, type[BaseModel]] = {
    "report": ReportFrame,
    "states": StatesFile,
    "categories": CategoriesFile,
    "events": EventsFile,
    "lessons": LessonsFile,
}
"""The files of data/, by stem, each with the model that validates it."""

NAMES_FILE = "names"
"""data/names.yaml (`NamesFile`): the States' names in French and Spanish, needed only by a
report in those languages."""

CAMPAIGNS_FILE = "campaigns"
"""data/campaigns.yaml (`reportgen.inputs.campaign`): the letters to States not party and
each State's language of correspondence; optional."""

NamesCheck = Callable[[Names, str], list[tuple[str, str]]]
"""What the language stage finds wrong with a State's names (or a renaming's) in a
language, as (field, why): `reportgen.language.naming.name_problems`, which knows each
language's articles; given by the caller, since this stage knows no language's rules."""


def _validation_problems(
    source: SourceFile,
    model: type[BaseModel],
    error: ValidationError,
    prefix: Path_ = (),
    lang: str = "en",
) -> list[Problem]:
    """Turn pydantic's errors into located problems in the data's own terms."""
    problems = []
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        message = _message(detail)
        if detail["type"] == "extra_forbidden":
            hint = _closest(str(loc[-1]), _fields_at(model, loc[:-1]))
            message += hint or " (the comment at the top of the file lists the fields)"
        at = prefix + loc
        if isinstance(_value_at(source.data, at), dict) and lang in _value_at(source.data, at):
            at += (lang,)  # a text given per language: its text in the language read
        problems.append(source.problem(at, message))
    return problems


def _value_at(data: Any, path: Path_) -> Any:
    """The value at `path` in a file's data, or None."""
    for step in path:
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return None
    return data


def _fields_at(model: type[BaseModel], path: Path_) -> list[str]:
    """The field names of the record at `path` inside `model` (for "did you mean")."""
    current: Any = model
    for part in path:
        if isinstance(current, type) and issubclass(current, BaseModel):
            if isinstance(part, str):
                field_info = current.model_fields.get(part)
                if field_info is None:
                    return []
                current = field_info.annotation
            continue
        args = [a for a in get_args(current) if a is not type(None)]
        current = args[0] if args else None
    while not (isinstance(current, type) and issubclass(current, BaseModel)):
        args = [a for a in get_args(current) if a is not type(None)]
        if not args:
            return []
        current = args[0]
    if "root" in current.model_fields:
        return []
    return list(current.model_fields)


def _closest(word: str, candidates: list[str]) -> str:
    """ "; did you mean 'x'?" when a candidate is close to `word`, else nothing."""
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


_MESSAGES = {
    "extra_forbidden": "is not a field here",
    "missing": "is missing",
    "string_type": "should be text",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "bool_type": "should be true or false",
    "list_type": "should be a list (one `- item` per line)",
    "model_type": "should be a record of fields (`field: value` lines)",
    "model_attributes_type": "should be a record of fields (`field: value` lines)",
    "dict_type": "should be a record of fields (`field: value` lines)",
    "too_short": "should not be empty",
}


def _message(detail: Mapping[str, Any]) -> str:
    """pydantic's message, in words a delegate recognises."""
    kind = str(detail["type"])
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind == "greater_than_equal":
        return f"should be at least {detail['ctx']['ge']}"
    if kind == "too_long":
        context = detail["ctx"]
        return (
            f"lists {context.get('actual_length', 'more')} items: "
            f"at most {context['max_length']} are allowed"
        )
    return str(detail["msg"]).removeprefix("Value error, ")


def load(
    data_dir: Path, *, strict: bool = False, lang: str = "en", names_check: NamesCheck | None = None
) -> tuple[Inputs, list[Problem]]:
    """Load and validate every file of `data_dir` for a report in `lang`: the inputs and
    their warnings (`names_check` as in `load_with_warnings`).

    Raises InputError with every problem when there is an error, or any warning and
    `strict` is set.
    """
    inputs, problems, _ = load_with_warnings(data_dir, lang=lang, names_check=names_check)
    failing = [p for p in problems if p.severity == "error" or strict]
    if failing or inputs is None:
        raise InputError(problems)
    return inputs, problems


def locate(data_dir: Path, findings: Iterable[Finding]) -> list[Problem]:
    """Findings made after loading (by a kind of document, from the figures) as problems
    located in the files of `data_dir`, each on its value or on the nearest value there is
    (a text given as one string for every language is located on that string)."""
    sources: dict[str, SourceFile] = {}
    problems = []
    for finding in findings:
        source = sources.get(finding.file)
        if source is None:
            path = data_dir / f"{finding.file}.yaml"
            source = sources[finding.file] = read_file(path, _display(path))[0]
        at = finding.path
        while at and at not in source.positions:
            at = at[:-1]
        problems.append(source.problem(at, finding.message, finding.severity))
    return problems


def load_inputs(data_dir: Path) -> Inputs:
    """Load and validate every file of `data_dir`; raise InputError with all problems."""
    return load(data_dir)[0]


def load_with_warnings(
    data_dir: Path,
    *,
    lang: str = "en",
    names_check: NamesCheck | None = None,
    despite_campaigns: bool = False,
) -> tuple[Inputs | None, list[Problem], dict[str, SourceFile]]:
    """Load `data_dir`: the inputs (None when any error), all problems, and the parsed files.

    Texts given in several languages are read in `lang`; names.yaml must then name every
    State in it (English names are states.yaml's own), each renaming too, in names that
    `names_check` finds nothing wrong with.

    Records of a list file are validated one by one, so that one bad State does not hide
    the problems of the others: the checks across files run on every valid record, and
    know the names of the invalid ones (so that they are not reported again as unknown).

    With `despite_campaigns`, the inputs are given even when campaigns.yaml's checks
    against the other files find errors (an unknown code, a State named twice), so that
    the letters' build can say the recipients' own problems in the same run.
    """
    problems: list[Problem] = []
    sources: dict[str, SourceFile] = {}
    models: dict[str, Any] = {}
    if not data_dir.is_dir():
        return None, [Problem.about(_display(data_dir), "data", "is not a folder")], sources
    for stem, model in DATA_FILES.items():
        path = data_dir / f"{stem}.yaml"
        source, found = read_file(path, _display(path))
        sources[stem] = source
        problems += found + _names_on_two_lines(source)
        if source.data is None:
            continue
        validated, invalid = _validated(model, source, lang)
        problems += invalid
        if validated is not None:
            models[stem] = validated
    parts = checks.Parts(
        report=models.get("report"),
        states=models.get("states"),
        categories=models.get("categories"),
        events=models.get("events"),
        also_known=frozenset(_record_names(sources["states"].data)),
        also_named=frozenset(_member_names(sources["categories"].data)),
    )
    for finding in checks.check(parts):
        problems.append(
            sources[finding.file].problem(finding.path, finding.message, finding.severity)
        )
    names_path = data_dir / f"{NAMES_FILE}.yaml"
    names: dict[str, StateNames] = {}
    if names_path.exists() or lang != "en":
        source, found = read_file(names_path, _display(names_path))
        sources[NAMES_FILE] = source
        if names_path.exists():
            problems += found
        if source.data is not None:
            validated, invalid = _validated(NamesFile, source, lang)
            names = validated or {}
            if invalid and isinstance(source.data, dict):  # keep the good entries
                for code, entry in source.data.items():
                    alone = dataclasses.replace(source, data={code: entry})
                    names.update(_validate(NamesFile, alone, lang)[0] or {})
            problems += invalid
        problems += _names_problems(sources, models.get("states"), names, lang, names_path.exists())
        problems += _names_in_language(sources.get(NAMES_FILE), names, lang, names_check)
    campaigns = None
    campaigns_path = data_dir / f"{CAMPAIGNS_FILE}.yaml"
    if campaigns_path.exists():  # optional: the letters' data (reportgen.inputs.campaign)
        source, found = read_file(campaigns_path, _display(campaigns_path))
        sources[CAMPAIGNS_FILE] = source
        problems += found
        if source.data is not None:
            campaigns, invalid = _validated(CampaignsFile, source, lang)
            problems += invalid
    if any(p.severity == "error" for p in problems) or len(models) < len(DATA_FILES):
        return None, problems, sources
    for stem in ("states", "categories"):
        models[stem] = [record for _, record in models[stem]]
    inputs = Inputs(**models, names=names, lang=lang, campaigns=campaigns)
    for finding in campaign_findings(inputs):
        problems.append(
            sources[finding.file].problem(finding.path, finding.message, finding.severity)
        )
    if any(p.severity == "error" for p in problems) and not despite_campaigns:
        return None, problems, sources
    return inputs, problems, sources


def _names_problems(
    sources: dict[str, SourceFile],
    states: list[tuple[int, State]] | None,
    names: dict[str, StateNames],
    lang: str,
    exists: bool,
) -> list[Problem]:
    """A State with no name in `lang`. names.yaml is a reference list: names for a code no
    State has yet are kept for the day one is added (by the import, say)."""
    if states is None:
        return []
    problems: list[Problem] = []
    names_file = sources.get(NAMES_FILE)
    if lang == "en" or (names_file is not None and names_file.data is None and exists):
        return problems  # names.yaml is there but cannot be read: that is its problem
    language = LANGUAGES.get(lang, lang)
    given = set(names_file.data) if names_file and isinstance(names_file.data, dict) else set()
    for index, state in states:
        entry = names.get(state.iso3)
        if entry is None and state.iso3 in given:
            continue  # its entry is there, and wrong: reported where it stands
        if entry is None:
            problems.append(
                sources["states"].problem(
                    (index, "name"),
                    f"{state.name} has no {language} name: add `{state.iso3}:` with "
                    f"`{lang}:` to {NAMES_FILE}.yaml (the UN short name, UNTERM)",
                )
            )
        elif getattr(entry, lang, None) is None and names_file is not None:
            problems.append(
                names_file.problem(
                    (state.iso3,),
                    f"{state.name} has no {language} name: add `{lang}:` (the UN short "
                    "name, UNTERM)",
                )
            )
    return problems


def _names_in_language(
    names_file: SourceFile | None,
    names: dict[str, StateNames],
    lang: str,
    names_check: NamesCheck | None,
) -> list[Problem]:
    """A renaming that gives no name in `lang` (the report would print the English one, or
    the old one), and names `names_check` finds wrong, each at its line in names.yaml."""
    if names_file is None or names_file.data is None:
        return []
    problems = []
    language = LANGUAGES.get(lang, lang)
    for code, entry in names.items():
        found: list[tuple[Path_, Names]] = [((code,), entry)]
        for index, renaming in enumerate(entry.renamed):
            at = (code, "renamed", index)
            found.append((at, renaming))
            short = "en" if lang == "en" else Names.FIELDS.get(lang, (None,))[0]
            if short is not None and getattr(renaming, short, None) is None:
                problems.append(
                    names_file.problem(
                        at,
                        f"the renaming of {renaming.on.isoformat()} gives no {language} name: "
                        f"add `{short}:` (the UN short name from that day; the same as before "
                        "if it did not change)",
                    )
                )
        for where, given in found:
            for name, why in names_check(given, lang) if names_check else []:
                problems.append(names_file.problem((*where, name), why))
    return problems


_BREAKS = re.compile(r"[\t\n\r]")


def _names_on_two_lines(source: SourceFile) -> list[Problem]:
    """A name or key holding a tab or a line break, typed as a YAML escape ("Ango\\nla").

    Text elsewhere may run over several lines, folded into one; a name is what other
    files and every message refer to a record by, so it is written on one line.
    """
    problems = []
    for path, label in source.names.items():
        found = _BREAKS.search(label)
        if found is None:
            continue
        record: Any = source.data
        for step in path:
            record = record[step] if isinstance(record, (list, dict)) else None  # type: ignore[index]
        field = "name" if isinstance(record, dict) and record.get("name") == label else "key"
        problems.append(
            source.problem(
                (*path, field),
                f"holds U+{ord(found.group()):04X} (a tab or a line break); "
                f"a {field} is written on one line: remove it",
            )
        )
    return problems


def _validated(model: type[BaseModel], source: SourceFile, lang: str) -> tuple[Any, list[Problem]]:
    """`_validate`, kept for a file parsed before (`_PARSED` gives the same SourceFile for
    the same bytes): models are immutable, and a watched build validates unchanged files
    again and again."""
    key = (id(source), model, lang)
    kept = _VALIDATED.find(key)
    if kept is not None and kept[0] is source:
        return kept[1]
    return _VALIDATED.put(key, (source, _validate(model, source, lang)))[1]


_VALIDATED: Memo[tuple[int, type[BaseModel], str], tuple[SourceFile, tuple[Any, list[Problem]]]] = (
    Memo(32)
)


def _validate(
    model: type[BaseModel], source: SourceFile, lang: str = "en"
) -> tuple[Any, list[Problem]]:
    """The validated content of one file, and its problems.

    For a list file, the valid records with their index in the file: a finding about one
    of them must name its place in the file, whatever records before it failed.
    """
    item_model = _list_item_model(model)
    if item_model is None or not isinstance(source.data, list):
        try:
            validated = model.model_validate(source.data, context={"lang": lang})
        except ValidationError as error:
            return None, _validation_problems(source, model, error, lang=lang)
        return getattr(validated, "root", validated), []
    records, problems = [], []
    for index, item in enumerate(source.data):
        try:
            records.append((index, item_model.model_validate(item, context={"lang": lang})))
        except ValidationError as error:
            problems += _validation_problems(source, item_model, error, (index,), lang)
    return records, problems


def _list_item_model(model: type[BaseModel]) -> type[BaseModel] | None:
    """For a file whose root is a list (`RootModel[list[X]]`), the model X of its records."""
    root = model.model_fields.get("root")
    if root is None:
        return None
    args = getattr(root.annotation, "__args__", ())
    return (
        args[0] if args and isinstance(args[0], type) and issubclass(args[0], BaseModel) else None
    )


def _member_names(data: Any) -> set[str]:
    """The member names a list of categories gives, valid or not."""
    if not isinstance(data, list):
        return set()
    return {
        name
        for item in data
        if isinstance(item, dict) and isinstance(item.get("members"), list)
        for name in item["members"]
        if isinstance(name, str)
    }


def _record_names(data: Any) -> set[str]:
    """The names a list of records gives, valid or not."""
    if not isinstance(data, list):
        return set()
    return {
        item["name"]
        for item in data
        if isinstance(item, dict) and isinstance(item.get("name"), str)
    }


def _display(path: Path) -> str:
    """The path as the user typed it, relative to the working directory where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
