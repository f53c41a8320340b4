"""YAML with the line of every value: a data file read under limits, parsed into plain values
and a map from each value's path (("states", 41, "ratification")) to where it stands.

Only YAML's core schema is read (no Python objects, YAML 1.2 booleans), and a file over a
limit (size, values after aliases, depth) is refused at its line, so that `inputs.load` can
report any problem as `data/states.yaml:214:17: states[41] (Hungary).ratification: ...`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reportgen.core.memo import Memo
from reportgen.core.problems import Problem, Severity
from reportgen.core.reading import NotUtf8, Unreadable, decode_utf8, read_regular

Path_ = tuple[str | int, ...]
"""Where a value sits inside one file's data: mapping keys and list indexes."""

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A data file larger than this is refused: the 4MSP data is about 20 kB."""

MAX_NODES = 200_000
"""Values in one file after expanding YAML aliases; more means an alias bomb."""

MAX_DEPTH = 50
"""Lists and records inside one another in one file; the 4MSP data goes five deep. Deeper
means a mistake, or an alias inside the list or record it names (`&a [*a]`), which never ends."""

MAX_VALUE_CHARS = 100_000
"""The longest text value of a data file, in characters (about 15 pages): a longer one
is refused at its line. Sentences built from values are bounded accordingly
(`reportgen.language.fluent`)."""


_STR, _NULL, _BOOL, _INT = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "null", "bool", "int"))
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader with YAML 1.2 booleans and without implicit timestamps.

    Parsing is libyaml's (CSafeLoader), five times faster than PyYAML's own parser; the
    wheels of PyYAML ship it on every common platform, and the messages below are its.

    `yes`, `no`, `on` and `off` stay text (a State's code `NO` is not False), and dates stay
    text so that pydantic parses them and an impossible date becomes a located message.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of a value as PyYAML's `resolve` finds it, sooner: it runs for every value.

        The same implicit resolvers in the same order; the loader has no path resolvers.
        """
        if kind is not yaml.ScalarNode:
            return str(super().resolve(kind, value, implicit))
        if implicit[0]:
            for tag, regexp in _RESOLVERS.get(value[:1], _ANY_FIRST):
                if regexp.match(value):
                    return tag
        return _STR


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
_Resolvers = tuple[tuple[str, re.Pattern[str]], ...]
_ANY_FIRST: _Resolvers = tuple(_Loader.yaml_implicit_resolvers.get(None, ()))
_RESOLVERS: dict[str, _Resolvers] = {
    first: (*resolvers, *_ANY_FIRST)
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
    if first is not None
}
"""The implicit resolvers `_Loader.resolve` tries, by a value's first character."""


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


class _TooLarge(Exception):
    """A file whose values, aliases expanded, exceed MAX_NODES."""


class _TooDeep(Exception):
    """A file whose values, aliases expanded, nest deeper than MAX_DEPTH."""


class _AliasLoop(Exception):
    """A list or record that holds an alias to itself, at the mark of its anchor."""

    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark


def _parse(source: SourceFile, text: str) -> list[Problem]:
    """Parse YAML text into `source.data` and `source.positions`; return its problems.

    A repeated key is reported, and the file is still validated (with the last value, as
    PyYAML keeps it), so that every problem comes out in one run.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return [Problem(source.name, 1, 1, "file", "is empty; see the shipped file's comment")]
        problems, data = _index(source, node)
        if data is _UNBUILT:  # PyYAML builds what _index could not (tags, merges, aliases)
            try:
                data = loader.construct_document(node)
            except (ArithmeticError, LookupError, TypeError, ValueError):
                # PyYAML's constructors fail this way on a few values ("!!bool x", "0x_")
                return [*problems, *_unreadable_values(source, text, loader, node)]
        source.data = data
        return problems
    except _TooLarge:
        return [
            Problem(
                source.name,
                1,
                1,
                "file",
                f"expands to more than {MAX_NODES} values (YAML aliases?); refused",
            )
        ]
    except _AliasLoop as error:
        return [
            Problem(
                source.name,
                error.mark.line + 1,
                error.mark.column + 1,
                "YAML alias",
                "this list or record holds an alias to itself, so it never ends; "
                "write its values out instead",
            )
        ]
    except (RecursionError, _TooDeep):
        return [Problem(source.name, 1, 1, "file", "is nested too deeply to be report data")]
    except yaml.MarkedYAMLError as error:
        return [_syntax_problem(source, text, error)]
    except yaml.reader.ReaderError as error:
        return [_character_problem(source, text, error)]
    except yaml.YAMLError as error:
        return [Problem(source.name, 1, 1, "YAML syntax", str(error))]
    finally:
        loader.dispose()


def _character_problem(source: SourceFile, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML does not allow (a control character pasted from Word, say), at its
    line and column: PyYAML gives only its position in the whole text."""
    # libyaml (the C loader) counts the position in bytes of UTF-8, PyYAML in characters:
    # the character is found again by PyYAML's own rule, which both apply
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    position = (
        found.start() if found else len(text.encode()[: error.position].decode(errors="ignore"))
    )
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    char = text[position : position + 1] or "\0"
    return Problem(
        source.name,
        line,
        column,
        "YAML syntax",
        f"the character U+{ord(char):04X} is not allowed in a data file "
        "(an invisible control character, often pasted from another program): delete it",
    )


def _syntax_problem(source: SourceFile, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error at its line, with the usual cause named where we can tell it."""
    mark = error.problem_mark or error.context_mark
    if error.context_mark is not None and "simple key" in (error.context or ""):
        mark = error.context_mark  # the text that lacks its ':', not the line after it
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    unclosed = _unclosed_quote(text, line)
    if unclosed is not None:
        return Problem(
            source.name,
            *unclosed,
            "YAML syntax",
            "a quotation mark opened here is not closed on its line",
        )
    what = " ".join(filter(None, [error.context, error.problem]))
    if "nesting depth" in what:
        return Problem(source.name, 1, 1, "file", "is nested too deeply to be report data")
    for clue, hint in _SYNTAX_HINTS:
        if clue in what:
            what += f" ({hint})"
            break
    return Problem(source.name, line, column, "YAML syntax", what)


_SYNTAX_HINTS = (
    ("tab character", "indent with spaces, not tabs"),
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("could not determine a constructor", "tags such as !!python are not allowed in data files"),
    (
        "could not find expected ':'",
        "a list item starts with '- '; a field is written 'name: value'",
    ),
    ("expected <block end>", "check this line's indentation against the lines above"),
    (
        "mapping values are not allowed",
        "check this line's indentation, or quote a value holding ': '",
    ),
)


def _unclosed_quote(text: str, upto: int) -> tuple[int, int] | None:
    """The first line, up to `upto`, whose value opens a quotation mark it does not close.

    YAML lets a quoted value run over several lines, so PyYAML reports an unclosed quote
    where it finally gives up, often far below the real mistake.
    """
    value_start = re.compile(r"^\s*(?:-\s+)?(?:[^#'\"\s][^:#]*:\s+)?(['\"])")
    for number, line in enumerate(text.splitlines()[:upto], start=1):
        found = value_start.match(line)
        if found is None:
            continue
        quote, rest = found.group(1), line[found.end() :]
        closed = rest.replace(quote * 2, "") if quote == "'" else re.sub(r"\\.", "", rest)
        if quote not in closed:
            return number, found.start(1) + 1
    return None


_UNBUILT = object()
"""What `_index` returns as the data of a document it leaves to PyYAML's constructor."""

_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
"""The booleans `_Loader` resolves (YAML 1.2's), with the values PyYAML gives them."""
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
"""The whole numbers whose value is plain `int(text)`, as PyYAML's constructor reads them."""
_INT_DIGITS = 4000  # int() refuses longer texts (sys.int_info); PyYAML's path reports them


def _index(source: SourceFile, root: yaml.Node) -> tuple[list[Problem], Any]:
    """Record where every value stands and find repeated keys; refuse alias bombs and loops.

    Aliases share nodes, so a "billion laughs" document is small once composed; it is
    walked here, value by value, before anything is built from it.

    The walk also builds the values, as PyYAML's safe constructor would, when the document
    holds nothing but text, whole numbers, booleans, nulls, lists and records with text keys
    (report data): doing so here costs less than a second walk. For anything else (a tag,
    a merge key, a shared record, a repeated key) the data is `_UNBUILT`, left to PyYAML.
    """
    problems: list[Problem] = []
    positions, names = source.positions, source.names
    scalar_node, mapping_node = yaml.ScalarNode, yaml.MappingNode
    budget = MAX_NODES
    plain = True  # so far, the document is one this walk builds as PyYAML would
    collections: set[int] = set()  # one met twice is an alias, which PyYAML builds once
    built: list[Any] = [None]  # the document, once the walk has put it in its slot
    stack: list[tuple[yaml.Node, Path_, Any, Any]] = [(root, (), built, 0)]
    while stack:
        node, here, parent, slot = stack.pop()
        budget -= 1
        if budget < 0:
            raise _TooLarge
        if len(here) > MAX_DEPTH:
            # A collection met again this deep is most likely an alias inside itself.
            raise _AliasLoop(node.start_mark) if id(node) in collections else _TooDeep
        mark = node.start_mark
        positions.setdefault(here, (mark.line + 1, mark.column + 1))
        if isinstance(node, scalar_node):
            tag, text = node.tag, node.value
            if len(text) > MAX_VALUE_CHARS:
                problems.append(
                    Problem(
                        source.name,
                        mark.line + 1,
                        mark.column + 1,
                        source.describe(here),
                        f"is {len(text):,} characters long; text values over "
                        f"{MAX_VALUE_CHARS:,} characters are refused",
                    )
                )
            if tag == _STR:
                parent[slot] = text
            elif tag == _NULL:
                parent[slot] = None
            elif tag == _BOOL and text in _BOOLS:
                parent[slot] = _BOOLS[text]
            elif tag == _INT and len(text) <= _INT_DIGITS and _DECIMAL.fullmatch(text):
                parent[slot] = int(text)
            else:
                plain = False
        elif isinstance(node, mapping_node):
            if node.tag != _MAP or id(node) in collections:
                plain = False
            collections.add(id(node))
            record: dict[Any, Any] = {}
            parent[slot] = record
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, scalar_node):
                    key = key_node.value
                    if key_node.tag != _STR:
                        plain = False
                else:
                    key = str(key_node)
                    plain = False
                key_mark = key_node.start_mark
                line = key_mark.line + 1
                if key in seen:
                    plain = False  # PyYAML keeps the last value, or merges a second "<<"
                    if key != "<<":
                        problems.append(
                            Problem(
                                source.name,
                                line,
                                key_mark.column + 1,
                                source.describe((*here, key)),
                                f"appears twice in one record (first on line {seen[key]}); "
                                "keep one, since the other value would be lost",
                            )
                        )
                        continue
                seen[key] = line
                child = (*here, key)
                positions[child] = (line, key_mark.column + 1)
                if key in ("name", "key") and isinstance(value_node, scalar_node):
                    names.setdefault(here, value_node.value)
                record[key] = None  # its place in the record's order, until the walk fills it
                stack.append((value_node, child, record, key))
        else:  # a sequence, the only other kind of node
            if node.tag != _SEQ or id(node) in collections:
                plain = False
            collections.add(id(node))
            items: list[Any] = [None] * len(node.value)
            parent[slot] = items
            for index, item in enumerate(node.value):
                stack.append((item, (*here, index), items, index))
    return problems, built[0] if plain else _UNBUILT


_KINDS = {"bool": "true or false", "int": "a whole number", "float": "a number"}


def _shortened(text: str, width: int = 40) -> str:
    """`text`, cut to `width` characters with "..." when longer (a value in a message)."""
    return text if len(text) <= width else text[: width - 3] + "..."


def _unreadable_values(
    source: SourceFile, text: str, loader: Any, root: yaml.Node
) -> list[Problem]:
    """Each value PyYAML's constructor cannot read, where it stands (run after `_index`)."""
    problems = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Path_]] = [(root, ())]
    while stack:
        node, here = stack.pop()
        if id(node) in seen:  # an alias: reported where it was defined
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [(value, (*here, getattr(key, "value", ""))) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, (*here, index)) for index, item in enumerate(node.value)]
        elif isinstance(node, yaml.ScalarNode):
            construct = loader.yaml_constructors.get(node.tag)
            try:
                if construct is not None:
                    construct(loader, node)
            except (ArithmeticError, LookupError, TypeError, ValueError):
                line, column = node.start_mark.line, node.start_mark.column
                tagged = text.splitlines()[line][column:].startswith("!")
                kind = node.tag.removeprefix("tag:yaml.org,2002:")
                advice = f"remove the !!{kind} tag" if tagged else "put it in quotes if it is text"
                problems.append(
                    Problem(
                        source.name,
                        line + 1,
                        column + 1,
                        source.describe(here),
                        f"{_shortened(node.value)!r} cannot be read as "
                        f"{_KINDS.get(kind, kind)}; {advice}",
                    )
                )
    problems.sort()
    return problems or [Problem(source.name, 1, 1, "file", "holds a value YAML cannot read")]


def _unreadable(unread: Unreadable) -> str:
    if unread.why == "missing":
        return "is missing"
    if unread.why == "error":
        return f"cannot be read ({unread.detail})"
    return "is not a regular file (a device, a pipe or a folder)"


def read_file(path: Path, name: str) -> tuple[SourceFile, list[Problem]]:
    """Read and parse one YAML file; its problems, if any, come back instead of data.

    Only a regular file is read: a FIFO would wait for a writer forever, and a device such
    as /dev/zero has no size to check and never ends (a cloned repository can hold both,
    as symbolic links). Never more than MAX_FILE_BYTES are read, whatever the size says.
    """
    source = SourceFile(name)
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except Unreadable as unread:
        return source, [Problem.about(name, "file", _unreadable(unread))]
    if len(data) > MAX_FILE_BYTES:
        size = max(len(data), path.stat().st_size)
        return source, [
            Problem(
                name,
                1,
                1,
                "file",
                f"is {size} bytes; data files over {MAX_FILE_BYTES} bytes are refused",
            )
        ]
    key = (name, hashlib.sha256(data).digest())
    kept = _PARSED.find(key)  # the same file as in the last build of this process (watch, bench)
    if kept is not None:
        return kept
    try:
        text = decode_utf8(data).replace("\r\n", "\n").replace("\r", "\n")  # as read_text
    except NotUtf8 as bad:
        return source, [Problem(name, bad.line, bad.column, "file", bad.message)]
    return _PARSED.put(key, (source, _parse(source, text)))


_PARSED: Memo[tuple[str, bytes], tuple[SourceFile, list[Problem]]] = Memo(32)
"""Files parsed in this process, by name and content: parsing is most of a warm build's
loading, and a watched build reads the same unchanged files again. Nothing changes a
parsed file's data afterwards (validation reads it)."""
