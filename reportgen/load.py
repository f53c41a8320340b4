"""Load stage: data/*.yaml -> validated `Inputs`, or every problem at once with its line.

This stage knows YAML and line numbers and nothing of Word. Each file is parsed into plain
values plus a map from each value's path (("states", 41, "ratification")) to where it stands
in the file, so that a problem found by pydantic or by `reportgen.checks` can be reported as
`data/states.yaml:214:17: states[41] (Hungary).ratification: ...`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from reportgen import checks
from reportgen.models import (
    CategoriesFile,
    EventsFile,
    Inputs,
    LessonsFile,
    ReportFrame,
    StatesFile,
)
from reportgen.problems import InputError, Problem, Severity

Path_ = tuple[str | int, ...]
"""Where a value sits inside one file's data: mapping keys and list indexes."""

DATA_FILES: dict[str, type[BaseModel]] = {
    "report": ReportFrame,
    "states": StatesFile,
    "categories": CategoriesFile,
    "events": EventsFile,
    "lessons": LessonsFile,
}
"""The files of data/, by stem, each with the model that validates it."""

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A data file larger than this is refused: the 4MSP data is about 20 kB."""

MAX_NODES = 200_000
"""Values in one file after expanding YAML aliases; more means an alias bomb."""


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 booleans and without implicit timestamps.

    `yes`, `no`, `on` and `off` stay text (a State's code `NO` is not False), and dates stay
    text so that pydantic parses them and an impossible date becomes a located message.
    """


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class SourceFile:
    """One data file: its display name, parsed values, and where each value stands."""

    name: str
    data: Any = None
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    names: dict[Path_, str] = field(default_factory=dict)

    def locate(self, path: Path_) -> tuple[int, int]:
        """Line and column of the value at `path`, or of its nearest located parent."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return (1, 1)

    def describe(self, path: Path_) -> str:
        """A path in the data's own terms: `states[41] (Hungary).ratification`."""
        stem = Path(self.name).stem
        text = stem if not path or isinstance(path[0], int) else ""
        for depth, part in enumerate(path):
            if isinstance(part, int):
                text += f"[{part}]"
                label = self.names.get(path[: depth + 1])
                if label:
                    text += f" ({label})"
            else:
                text += f".{part}" if text else part
        return text

    def problem(self, path: Path_, message: str, severity: Severity = "error") -> Problem:
        """A problem at `path` of this file."""
        line, column = self.locate(path)
        return Problem(self.name, line, column, self.describe(path), message, severity)


def _parse(source: SourceFile, text: str) -> list[Problem]:
    """Parse YAML text into `source.data` and `source.positions`; return syntax problems."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return [
                Problem(source.name, 1, 1, "file", "is empty; see the comment in the shipped file")
            ]
        problems = _index(source, node, ())
        if problems:
            return problems
        source.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(filter(None, [error.context, error.problem]))
        return [Problem(source.name, line, column, "YAML syntax", _yaml_hint(what))]
    except yaml.YAMLError as error:
        return [Problem(source.name, 1, 1, "YAML syntax", str(error))]
    finally:
        loader.dispose()
    return []


def _yaml_hint(what: str) -> str:
    """PyYAML's words, with the usual cause named for the errors delegates meet most."""
    if "found character '\\t'" in what:
        return f"{what} (indent with spaces, not tabs)"
    if "could not determine a constructor" in what:
        return f"{what} (tags such as !!python are not allowed in data files)"
    return what


def _index(source: SourceFile, root: yaml.Node, path: Path_) -> list[Problem]:
    """Record where every value stands; find repeated keys; refuse alias bombs."""
    problems: list[Problem] = []
    budget = MAX_NODES
    stack: list[tuple[yaml.Node, Path_]] = [(root, path)]
    while stack:
        node, here = stack.pop()
        budget -= 1
        if budget < 0:
            mark = root.start_mark
            return [
                Problem(
                    source.name,
                    mark.line + 1,
                    mark.column + 1,
                    "file",
                    f"expands to more than {MAX_NODES} values (YAML aliases?); refused",
                )
            ]
        source.positions.setdefault(here, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                line = key_node.start_mark.line + 1
                if key in seen and key != "<<":
                    problems.append(
                        Problem(
                            source.name,
                            line,
                            key_node.start_mark.column + 1,
                            source.describe((*here, key)),
                            f"appears twice in one record (first on line {seen[key]}); "
                            "keep one, since the other value would be lost",
                        )
                    )
                    continue
                seen[key] = line
                child = (*here, key)
                source.positions[child] = (line, key_node.start_mark.column + 1)
                if key in ("name", "key") and isinstance(value_node, yaml.ScalarNode):
                    source.names.setdefault(here, value_node.value)
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, (*here, index)))
    return problems


def _validation_problems(
    source: SourceFile, error: ValidationError, prefix: Path_ = ()
) -> list[Problem]:
    """Turn pydantic's errors into located problems in the data's own terms."""
    problems = []
    for detail in error.errors(include_url=False):
        path: Path_ = prefix + tuple(detail["loc"])
        message = _message(detail)
        problems.append(source.problem(path, message))
    return problems


_MESSAGES = {
    "extra_forbidden": "is not a field here (misspelt?); see the comment at the top of the file",
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
    return str(detail["msg"]).removeprefix("Value error, ")


def read_file(path: Path, name: str) -> tuple[SourceFile, list[Problem]]:
    """Read and parse one YAML file; its problems, if any, come back instead of data."""
    source = SourceFile(name)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return source, [Problem(name, 1, 1, "file", "is missing")]
    if size > MAX_FILE_BYTES:
        return source, [
            Problem(
                name,
                1,
                1,
                "file",
                f"is {size} bytes; data files over {MAX_FILE_BYTES} bytes are refused",
            )
        ]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return source, [Problem(name, 1, 1, "file", f"is not UTF-8 text ({error.reason})")]
    return source, _parse(source, text)


def load_inputs(data_dir: Path) -> Inputs:
    """Load and validate every file of `data_dir`; raise InputError with all problems."""
    inputs, problems, _ = load_with_warnings(data_dir)
    errors = [p for p in problems if p.severity == "error"]
    if errors or inputs is None:
        raise InputError(problems)
    return inputs


def load_with_warnings(
    data_dir: Path,
) -> tuple[Inputs | None, list[Problem], dict[str, SourceFile]]:
    """Load `data_dir`: the inputs (None when any error), all problems, and the parsed files.

    Records of a list file are validated one by one, so that one bad State does not hide
    the problems of the others: the checks across files run on every valid record, and
    know the names of the invalid ones (so that they are not reported again as unknown).
    """
    problems: list[Problem] = []
    sources: dict[str, SourceFile] = {}
    models: dict[str, Any] = {}
    for stem, model in DATA_FILES.items():
        path = data_dir / f"{stem}.yaml"
        source, found = read_file(path, _display(path))
        sources[stem] = source
        problems += found
        if found:
            continue
        validated, invalid = _validate(model, source)
        problems += invalid
        if validated is not None:
            models[stem] = validated
    if len(models) < len(DATA_FILES):
        return None, problems, sources
    inputs = Inputs(**models)
    named = _record_names(sources["states"].data)
    for finding in checks.check(inputs, also_known=named):
        problems.append(
            sources[finding.file].problem(finding.path, finding.message, finding.severity)
        )
    has_errors = any(p.severity == "error" for p in problems)
    return (None if has_errors else inputs), problems, sources


def _validate(model: type[BaseModel], source: SourceFile) -> tuple[Any, list[Problem]]:
    """The validated content of one file (its valid records, for a list), and its problems."""
    item_model = _list_item_model(model)
    if item_model is None or not isinstance(source.data, list):
        try:
            validated = model.model_validate(source.data)
        except ValidationError as error:
            return None, _validation_problems(source, error)
        return getattr(validated, "root", validated), []
    records, problems = [], []
    for index, item in enumerate(source.data):
        try:
            records.append(item_model.model_validate(item))
        except ValidationError as error:
            problems += _validation_problems(source, error, prefix=(index,))
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


def format_problems(problems: Iterable[Problem]) -> str:
    """One line per problem, sorted by file and line."""
    return "\n".join(str(p) for p in sorted(problems))
