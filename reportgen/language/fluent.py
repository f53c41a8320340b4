"""The sentences whose words depend on the data, from a catalogue per language.

A template prints such a sentence by its name, `{{ sentence.new_states_parties }}`; the
words are a message of the template's catalogue, a Project Fluent file beside it with the
same name (`templates/report.fr.docx` reads `templates/report.fr.ftl`). A message chooses its
words with the values it is given (plurals by the language's own rules, none/one/many, a
rise or a fall) and formats them with the document's formats: `{ WORDS($new) }` writes
"twenty", "vingt", "veinte".

Which values a message is given is the kind of document's to say (`Values`; the report's
are `reportgen.documents.report.values`): this module reads and checks a catalogue against
them, and writes its messages (`Sentences`).

A message's text is only ever text: a value that looks like a tag or a placeable is printed
as it is, never evaluated (Fluent does not read values as Fluent).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from fluent.runtime import FluentBundle, resolver
from fluent.runtime.types import FluentType
from fluent.syntax import FluentParser, ast

from reportgen.core.memo import Memo
from reportgen.core.problems import InputError, Problem
from reportgen.core.reading import NotUtf8, Unreadable, decode_utf8, read_regular
from reportgen.language.base import Gender
from reportgen.language.fluent_errors import did_you_mean, junk_problem, position
from reportgen.language.fluent_rules import ABSENT, rule_problems

if TYPE_CHECKING:
    from reportgen.language.formats import Formats

MAX_CATALOGUE_BYTES = 512 * 1024
"""A catalogue larger than this is refused: the English one is about 10 kB."""


# --- Functions a message may call ----------------------------------------------------------


def _number(value: object) -> int:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value)  # FluentInt and FluentFloat are int and float underneath
    raise TypeError(f"{value!r} is not a number")


def functions(current: list[Formats]) -> dict[str, Callable[..., Any]]:
    """The functions a message calls, by name: each one a format of the report being
    written, `current[0]` (a bundle is kept between reports, its formats change)."""

    def words(value: object, gender: str = "m", noun: str = "yes") -> str:
        chosen: Gender = "f" if gender == "f" else "m"
        return current[0].words(_number(value), chosen, before_noun=noun != "no")

    def capital(value: object) -> str:
        if isinstance(value, FluentType):
            value = value.format(current[0].locale)
        text = str(value)
        return text[:1].upper() + text[1:]

    def ordinal(value: object, gender: str = "m") -> str:
        return current[0].ordinal(_number(value), "f" if gender == "f" else "m")

    return {"WORDS": words, "CAPITAL": capital, "ORDINAL": ordinal}


FUNCTIONS = frozenset({"WORDS", "CAPITAL", "ORDINAL"})
"""The functions a message may call. Fluent's own NUMBER and DATETIME are left out: the
report's formats are reportgen's, and NUMBER's options could ask for a billion digits."""


# --- The values a kind of document gives its messages ---------------------------------------


@dataclass(frozen=True, eq=False)
class Values:
    """What a kind of document gives its catalogue's messages: the values every message
    is given, with what each holds; the messages written once per item (a clause per
    State, a line per initiative), with the values each is given instead; and the messages
    the program itself writes, which every catalogue of that kind must have. Compared and
    hashed by identity: a kind has one.

    `choices` and `absent` name a value as `variables` does ("trend"), and a value of a
    message written once per item with its message ("initiative_line.place")."""

    variables: Mapping[str, str]
    per_use: Mapping[str, frozenset[str]]
    required: frozenset[str]
    choices: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """The words a text value may be ("trend": down, up, same): the keys a choice on it may
    have, besides numbers and plural categories."""
    absent: frozenset[str] = frozenset()
    """The values that may be absent (None when written): a message chooses `[none]` for
    them, and prints them only in another variant of that choice."""
    counts: frozenset[str] = frozenset()
    """The values given as numbers (named as `choices` names them): the only ones a choice
    may choose on by number ([0], [1]) or plural category ([one], [other])."""


class _Absent(FluentType):
    """A value that is absent (None): chosen by a `[none]` variant, and never printed (the
    check allows it only in the other variants of a choice on it)."""

    def __eq__(self, other: object) -> bool:
        return other == ABSENT  # the key `[none]` (fluent.runtime compares the key's name)

    def __hash__(self) -> int:
        return hash(ABSENT)

    def format(self, locale: object) -> str:
        raise ValueError("a value that is absent cannot be printed")


class _Text(FluentType):
    """A text that reads "none" but is not absent: printed, never chosen by `[none]`."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Text) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def format(self, locale: object) -> str:
        return self.text


_ABSENT = _Absent()


def _given(value: Any) -> Any:
    """A value as Fluent is given it: None as absent, the text "none" as a mere text."""
    if value is None:
        return _ABSENT
    return _Text(value) if value == ABSENT and isinstance(value, str) else value


_TEXT_SLOT = "\x00text\x00"
"""Stands for a text with formatting (italics) in a message, to put back as runs; no data
value can hold U+0000 (`models.clean_text`)."""


# --- The catalogue -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Catalogue:
    """A catalogue read and checked: its messages, and the file they come from."""

    path: str
    resource: ast.Resource
    messages: frozenset[str]
    locale: str
    text: str = ""

    def line_of(self, name: str) -> int:
        """The line where message `name` is defined (0 when it is not)."""
        for entry in self.resource.body:
            if isinstance(entry, ast.Message) and entry.id.name == name and entry.id.span:
                return _line(self.text, entry.id.span.start)
        return 0


def read_catalogue(path: Path, locale: str, values: Values) -> Catalogue:
    """Read a catalogue and check it against the `values` its kind of document gives its
    messages; InputError with one line per problem."""
    shown = str(path)
    try:
        data = read_regular(path, MAX_CATALOGUE_BYTES)
    except Unreadable as unread:
        reason = {
            "missing": "is missing: a template's sentences come from the .ftl file of the same "
            "name beside it (templates/report.fr.ftl for templates/report.fr.docx)",
            "error": f"cannot be read ({unread.detail})",
        }.get(unread.why, "is not a regular file (a device, a pipe or a folder)")
        raise InputError([Problem.about(shown, "catalogue", reason)]) from None
    if len(data) > MAX_CATALOGUE_BYTES:
        raise InputError(
            [Problem.about(shown, "catalogue", f"is over {MAX_CATALOGUE_BYTES} bytes")]
        )
    try:
        text = decode_utf8(data)
    except NotUtf8 as bad:
        raise InputError([Problem(shown, bad.line, bad.column, "catalogue", bad.message)]) from None
    key = (shown, hashlib.sha256(data).digest(), values, locale)
    problems, messages, resource = _READ.get(key, lambda: _checked(text, shown, values, locale))
    if problems:
        raise InputError(problems)
    return _catalogue(shown, resource, frozenset(messages), locale, text)


@functools.lru_cache(maxsize=16)
def _catalogue(
    path: str, resource: ast.Resource, messages: frozenset[str], locale: str, text: str
) -> Catalogue:
    """One Catalogue object per catalogue and locale, so that its Fluent bundle is kept."""
    return Catalogue(path, resource, messages, locale, text)


_READ: Memo[tuple[str, bytes, Values, str], tuple[list[Problem], set[str], ast.Resource]] = Memo(8)
"""Catalogues read and checked in this process, by file, content, kind and locale: a build reads
its catalogue to check the template, then to write the sentences."""


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


MAX_REFERENCE_DEPTH = 16
"""How deep messages may refer to messages: `a = { b }`, `b = { c }`... (the shipped
catalogues go 2 deep); deeper, or in a circle, is refused before anything is written."""


def check_catalogue(
    text: str, path: str, values: Values, locale: str = "en"
) -> tuple[list[Problem], set[str]]:
    """Every problem of a catalogue's text for a report in `locale`, and the names of its
    messages."""
    problems, messages, _ = _checked(text, path, values, locale)
    return problems, messages


def _checked(
    text: str, path: str, values: Values, locale: str
) -> tuple[list[Problem], set[str], ast.Resource]:
    """The problems, the message names and the parsed catalogue."""
    try:
        resource = FluentParser(with_spans=True).parse(text)
    except RecursionError:
        problem = "nests placeables ({ { { ...) too deeply to be read"
        return [Problem.about(path, "catalogue", problem)], set(), ast.Resource([])
    problems: list[Problem] = []
    messages: set[str] = set()
    terms = {e.id.name for e in resource.body if isinstance(e, ast.Term)}
    known = _ids(resource)
    for entry in resource.body:
        if isinstance(entry, ast.Junk):  # text that is not Fluent, at its mistake
            problems.append(junk_problem(text, entry, path))
            continue
        if not isinstance(entry, (ast.Message, ast.Term)):
            continue
        name = entry.id.name
        where = _line(text, entry.id.span.start if entry.id.span else 0)  # not its comment
        if isinstance(entry, ast.Message):
            if name in messages:
                problems.append(Problem(path, where, 1, name, "is defined twice"))
            messages.add(name)
        allowed = values.per_use.get(name, frozenset(values.variables))
        if isinstance(entry, ast.Term):  # its values are its references' (fluent_rules)
            found = _walk_measured(entry)[0]
            allowed = frozenset(v.id.name for v in found if isinstance(v, ast.VariableReference))
        nodes, deepest = _walk_measured(entry)
        if deepest > MAX_NESTING:
            problems.append(
                Problem(
                    path,
                    where,
                    1,
                    name,
                    f"nests placeables and selectors {deepest} deep; at most {MAX_NESTING}",
                )
            )
            continue
        for node in nodes:
            span = getattr(node, "span", None)
            line, column = position(text, span.start) if span else (where, 1)
            reason = _node_problem(node, allowed, terms, known)
            if reason:
                problems.append(Problem(path, line, column, name, reason))
    problems += _reference_problems(resource, text, path)
    unreadable = any(p.where == "catalogue" for p in problems)  # text that is not Fluent
    if not unreadable:
        problems += rule_problems(resource, text, path, locale, values)
    missing = sorted(values.required - messages)
    if missing and not unreadable:
        problems.append(
            Problem(
                path,
                1,
                1,
                "catalogue",
                f"has no message {', '.join(missing)}, which this version of reportgen "
                f"needs: copy {'it' if len(missing) == 1 else 'them'} from the "
                f"{PurePath(path).name} that reportgen ships (templates/"
                f"{PurePath(path).name} of a fresh copy), in this catalogue's language",
            )
        )
    return problems, messages, resource


def _reference_problems(resource: ast.Resource, text: str, path: str) -> list[Problem]:
    """Messages and terms that refer to themselves, through others or not, or through
    references deeper than MAX_REFERENCE_DEPTH: each would never finish being written."""
    refers: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    for entry in resource.body:
        if isinstance(entry, (ast.Message, ast.Term)):
            key = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
            lines[key] = _line(text, entry.id.span.start if entry.id.span else 0)
            refers[key] = [
                ("-" if isinstance(node, ast.TermReference) else "") + node.id.name
                for node in _walk_measured(entry)[0]
                if isinstance(node, (ast.MessageReference, ast.TermReference))
            ]
    depth: dict[str, int] = {}
    circular: set[str] = set()
    problems = []

    def deepest(key: str, trail: tuple[str, ...]) -> int:
        if key in trail:
            raise _Circle((*trail[trail.index(key) :], key))
        if len(trail) > MAX_REFERENCE_DEPTH:
            return 1  # deep enough to be refused: no need to go further down
        if key not in depth:
            depth[key] = 1 + max(
                (deepest(r, (*trail, key)) for r in refers.get(key, []) if r in refers),
                default=0,
            )
        return depth[key]

    for key in refers:
        try:
            if deepest(key, ()) > MAX_REFERENCE_DEPTH:
                problems.append(
                    Problem(
                        path,
                        lines[key],
                        1,
                        key,
                        f"refers to messages more than {MAX_REFERENCE_DEPTH} deep; "
                        "write the text in fewer steps",
                    )
                )
        except _Circle as circle:
            members = circle.keys[:-1]
            if not set(members) & circular:  # reported once, at its first message in the file
                circular.update(members)
                start = members.index(min(members, key=lambda m: lines[m]))
                turn = (*members[start:], *members[:start], members[start])
                problems.append(
                    Problem(
                        path,
                        lines[turn[0]],
                        1,
                        turn[0],
                        f"refers to itself ({' -> '.join(turn)}): it could never be "
                        "written; remove one of the references",
                    )
                )
            depth[key] = 0  # the circle is the problem, not the messages that use it
    return problems


class _Circle(Exception):
    """Messages that refer to each other in a circle."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        super().__init__(" -> ".join(keys))
        self.keys = keys


MAX_NESTING = 24
"""How deep placeables and selectors may nest in one message (the shipped ones go 8 deep)."""

_ARGUMENTS = {"WORDS": ("gender", "noun"), "ORDINAL": ("gender",), "CAPITAL": ()}
"""The named arguments each function takes (all others take one value, positional)."""

_FORBIDDEN_IN_TEXT = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
    r"\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""What a message's text may not hold, as data may not (`models.clean_text`): characters a
Word document cannot hold, and the bidi controls that show text in another order."""


def _node_problem(
    node: ast.BaseNode, allowed: frozenset[str], terms: set[str], known: set[str]
) -> str | None:
    """What is wrong with one element of a message, if anything."""
    if isinstance(node, ast.VariableReference) and node.id.name not in allowed:
        near = did_you_mean(node.id.name, allowed, "$")
        listed = f"; it has {', '.join('$' + v for v in sorted(allowed))}"
        return f"${node.id.name} is not a value this message is given{near or listed}"
    if isinstance(node, ast.FunctionReference):
        return _call_problem(node)
    if isinstance(node, ast.TermReference) and node.id.name not in terms:
        return f"-{node.id.name} is not a term of this file{did_you_mean(node.id.name, terms, '-')}"
    if isinstance(node, ast.MessageReference):
        if node.id.name not in known:
            near = did_you_mean(node.id.name, known)
            return f"{node.id.name} is not a message of this file{near}"
        if node.attribute is not None:
            return f"{node.id.name}.{node.attribute.name}: messages here have no attributes"
    text = None
    if isinstance(node, ast.TextElement):
        text = node.value
    elif isinstance(node, ast.StringLiteral):
        text = str(node.parse()["value"])
    if text is not None:
        found = _FORBIDDEN_IN_TEXT.search(text)
        if found:
            char = found.group()
            what = unicodedata.name(char, "a control character")
            return f"holds U+{ord(char):04X} ({what}), which a report may not hold; remove it"
    return None


def _call_problem(call: ast.FunctionReference) -> str | None:
    """A call of a function reportgen does not have, or with arguments it does not take."""
    name = call.id.name
    if name not in _ARGUMENTS:
        return (
            f"{name}() is not a function of reportgen; the functions are "
            f"{', '.join(sorted(_ARGUMENTS))}"
        )
    positional, named = call.arguments.positional, call.arguments.named
    if len(positional) != 1:
        return f"{name}() takes one value, as in {name}($new); it is given {len(positional)}"
    value = positional[0]
    if name != "CAPITAL" and not isinstance(value, (ast.VariableReference, ast.NumberLiteral)):
        return f"{name}() takes a number: a count such as $new, or a figure"
    for argument in named:
        if argument.name.name not in _ARGUMENTS[name]:
            takes = ", ".join(f"{a}:" for a in _ARGUMENTS[name]) or "no named arguments"
            return f"{name}() has no argument {argument.name.name}: it takes {takes}"
        if not isinstance(argument.value, ast.StringLiteral):
            return f'{name}({argument.name.name}: ...) takes a text in quotes, such as "f"'
    return None


def _walk_measured(root: ast.BaseNode) -> tuple[list[ast.BaseNode], int]:
    """Every element under `root`, and how deep placeables and selectors nest in it;
    iterative, so that no nesting can exhaust Python's stack."""
    found: list[ast.BaseNode] = []
    deepest = 0
    stack: list[tuple[ast.BaseNode, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        found.append(node)
        if isinstance(node, (ast.Placeable, ast.SelectExpression)):
            depth += 1
            deepest = max(deepest, depth)
        for value in vars(node).values():
            children = value if isinstance(value, list) else [value]
            for child in children:
                if isinstance(child, ast.BaseNode) and not isinstance(child, ast.Span):
                    stack.append((child, depth))
    found.sort(key=lambda n: n.span.start if isinstance(n, ast.SyntaxNode) and n.span else 0)
    return found, deepest


def _ids(resource: ast.Resource) -> set[str]:
    return {e.id.name for e in resource.body if isinstance(e, ast.Message)}


# --- Writing sentences ---------------------------------------------------------------------------


MAX_SENTENCE_PART_CHARS = 4 * 1024 * 1024
"""The longest text fluent.runtime builds for one part of a sentence (a value, a list of
values, a message it names): more than a whole data file (2 MB, `inputs.yaml`) and a whole
catalogue (512 kB) together, so that no data the loader accepts is refused here. Its own
limit, 2,500, refused a paragraph of data and called itself 1000."""
resolver.MAX_PART_LENGTH = MAX_SENTENCE_PART_CHARS

_BUNDLES: Memo[Catalogue, tuple[FluentBundle, list[Formats], dict[Any, str]]] = Memo(8)
"""A bundle per catalogue read in this process, with the formats its functions use and
the sentences it wrote, by message and values: the same values give the same words (the
functions depend only on the catalogue's locale)."""


def _bundle(catalogue: Catalogue) -> tuple[FluentBundle, list[Formats], dict[Any, str]]:
    """A new bundle of `catalogue`, its functions pointed at a list of one formats (set by
    each `Sentences`), and no sentence written yet."""
    current: list[Formats] = []
    bundle = FluentBundle(
        [catalogue.locale.replace("_", "-")], use_isolating=False, functions=functions(current)
    )
    bundle.add_resource(catalogue.resource)
    return bundle, current, {}


class Sentences:
    """The sentences of one report: `sentences.NAME` is the message NAME, written."""

    def __init__(self, catalogue: Catalogue, formats: Formats) -> None:
        self._catalogue = catalogue
        # A bundle compiles each message the first time it is written: one bundle is kept
        # per catalogue, its functions pointed at the formats of the report being written.
        self._bundle, current, self._written = _BUNDLES.get(catalogue, lambda: _bundle(catalogue))
        current[:] = [formats]
        self._values: dict[str, Any] = {}

    def given(self, values: Mapping[str, Any]) -> None:
        """The values every message of the template is written with (`Document.values`)."""
        self._values = dict(values)

    def say(self, name: str, values: Mapping[str, Any] | None = None) -> str:
        """Message `name` written with `values` (the report's values by default)."""
        if not self._bundle.has_message(name):
            raise SentenceError(
                self._catalogue.path,
                name,
                "is not a message of this catalogue; the template names it as "
                f"{{{{ sentence.{name} }}}}",
            )
        message = self._bundle.get_message(name)
        if message.value is None:
            raise SentenceError(
                self._catalogue.path, name, "has no text", self._catalogue.line_of(name)
            )
        given = self._values if values is None else values
        key = (name, tuple(sorted(given.items())))
        written = self._written.get(key)
        if written is not None:  # the same message with the same values, in this process
            return written
        try:
            arguments = {k: _given(v) for k, v in given.items()}
            text, errors = self._bundle.format_pattern(message.value, arguments)
        except (RecursionError, ValueError, TypeError, LookupError) as error:
            errors = [error]  # checked catalogues do not get here; a value of our own might
        # fluent.runtime reports its length limit with a constant of its own, and returns it
        # among the errors as often as it raises it
        errors = [
            ValueError(f"a part is over {MAX_SENTENCE_PART_CHARS:,} characters")
            if "Too many characters" in str(error)
            else error
            for error in errors
        ]
        if errors:
            raise SentenceError(
                self._catalogue.path,
                name,
                f"cannot be written with this data: {errors[0]}",
                self._catalogue.line_of(name),
            )
        if len(self._written) >= 1024:
            self._written.clear()
        self._written[key] = str(text)
        return str(text)

    def say_around(self, name: str, values: Mapping[str, Any]) -> list[str]:
        """Message `name` cut where its `$text` stands, which the caller writes itself
        (with runs) between the pieces: one piece more than the times it is printed; two,
        `$text` first, when the message does not print it."""
        pieces = self.say(name, {**values, "text": _TEXT_SLOT}).split(_TEXT_SLOT)
        return pieces if len(pieces) > 1 else ["", *pieces]

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.say(name)


class SentenceError(Exception):
    """A message that cannot be written: its catalogue, its name and why."""

    def __init__(self, path: str, name: str, reason: str, line: int = 0) -> None:
        super().__init__(f"{path}: {name}: {reason}")
        self.problem = Problem(path, line, 1 if line else 0, name, reason)
