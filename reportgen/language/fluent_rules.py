"""The rules a catalogue's messages follow beyond being Fluent, so that a report never
prints a wrong word with a clean check.

- A catalogue says which language it is in (`### Language: fr` in its first comments) and
  must be in the report's; one that does not say is taken for English only.
- A term sees none of the values a message is given (Fluent gives it only the arguments
  of its reference, `-term(case: "gen")`): a term that uses one, or refers to a message
  that does, would print its name ("new") instead of its value.
- A value that may be absent (an initiative with no place) is chosen on with a `[none]`
  variant and printed only in the other variants of that choice.
- A variant's key is a number, a plural category of the catalogue's language (babel's
  CLDR rules: `one`, `many`, `other`...), or a value the selector is documented to take
  (`Values.choices`): `[One]` or a translated `[un]` would never be chosen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from fluent.syntax import ast

from reportgen.core.languages import LANGUAGES
from reportgen.core.problems import Problem

if TYPE_CHECKING:
    from reportgen.language.fluent import Values

ABSENT = "none"
"""The key of the variant a message chooses when a value is absent, `[none]`."""

_DECLARATION = re.compile(r"^\s*Language:\s*(\S+)\s*$", re.IGNORECASE)
_ALL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _start(node: ast.BaseNode) -> int:
    span = getattr(node, "span", None)
    return span.start if isinstance(span, ast.Span) else 0


def _children(node: ast.BaseNode) -> Iterator[ast.BaseNode]:
    for value in vars(node).values():
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, ast.BaseNode) and not isinstance(child, ast.Span):
                yield child


def _nodes(root: ast.BaseNode) -> Iterator[ast.BaseNode]:
    """Every element under `root` (iterative: nesting is bounded by the caller's check)."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(_children(node))


def language_code(locale: str) -> str:
    """ "fr" for fr, fr_FR or fr-FR."""
    return re.split(r"[-_]", locale, maxsplit=1)[0].lower()


def plural_categories(locale: str) -> frozenset[str]:
    """The CLDR plural categories of `locale` (babel's), `other` included; all six for a
    locale babel does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        return frozenset(Locale.parse(locale.replace("-", "_")).plural_form.tags) | {"other"}
    except (UnknownLocaleError, ValueError, TypeError):
        return _ALL_CATEGORIES


def rule_problems(
    resource: ast.Resource, text: str, path: str, locale: str, values: Values
) -> list[Problem]:
    """Every breach of this module's rules in a parsed catalogue, at its line."""
    problems = _language_problems(resource, text, path, locale)
    problems += _term_problems(resource, text, path)
    categories = plural_categories(locale)
    language = LANGUAGES.get(language_code(locale), locale)
    for entry in resource.body:
        if isinstance(entry, ast.Message):
            problems += _choice_problems(entry, text, path, values, categories, language)
    return problems


# --- The catalogue's language ------------------------------------------------------------------


def _language_problems(resource: ast.Resource, text: str, path: str, locale: str) -> list[Problem]:
    """A catalogue in another language than the report's, or one that does not say its
    language for a report in a language other than English."""
    wanted = language_code(locale)
    declarations: list[tuple[str, int]] = []
    for entry in resource.body:
        if isinstance(entry, (ast.Message, ast.Term)):
            break  # the declaration is in the catalogue's first comments
        if isinstance(entry, ast.BaseComment):
            for index, content in enumerate((entry.content or "").splitlines()):
                found = _DECLARATION.match(content)
                if found:
                    declarations.append((found.group(1), _line(text, _start(entry)) + index))
    codes = {language_code(code) for code, _ in declarations}
    if len(codes) > 1:
        (first, _), (other, line) = (
            declarations[0],
            next(
                d for d in declarations if language_code(d[0]) != language_code(declarations[0][0])
            ),
        )
        reason = f"says its language twice, {first} and then {other}: keep the one it is in"
        return [Problem(path, line, 1, "catalogue", reason)]
    declared = declarations[0] if declarations else None
    shipped = "templates/report.ftl" if wanted == "en" else f"templates/report.{wanted}.ftl"
    name = LANGUAGES.get(wanted, wanted)
    if declared is None:
        if wanted == "en":
            return []  # a catalogue that does not say is taken for English
        reason = (
            f"does not say its language; a catalogue for a report in {name} says so in its "
            f"first comments, with the line `### Language: {wanted}` (as {shipped} does)"
        )
        return [Problem(path, 1, 1, "catalogue", reason)]
    code, line = declared
    if language_code(code) == wanted:
        return []
    theirs = LANGUAGES.get(language_code(code), code)
    reason = (
        f"is a catalogue in {theirs} (Language: {code}), not in {name}: build with --lang "
        f"{language_code(code)}, or put a catalogue in {name} beside the template (as {shipped})"
    )
    return [Problem(path, line, 1, "catalogue", reason)]


# --- Terms ---------------------------------------------------------------------------------------


def _term_problems(resource: ast.Resource, text: str, path: str) -> list[Problem]:
    """Values a term uses that some reference does not give it, and messages a term refers
    to that use values: Fluent would print their names, or choose a default, silently."""
    entries = [e for e in resource.body if isinstance(e, (ast.Message, ast.Term))]
    references: dict[str, list[set[str]]] = {}
    for entry in entries:
        for node in _nodes(entry):
            if isinstance(node, ast.TermReference):
                named = node.arguments.named if node.arguments else []
                references.setdefault(node.id.name, []).append({a.name.name for a in named})
    with_values = _messages_with_values(entries)
    problems = []
    for term in (e for e in entries if isinstance(e, ast.Term)):
        name = term.id.name
        given = references.get(name, [])
        for node in _nodes(term):
            if isinstance(node, ast.VariableReference):
                value = node.id.name
                if not given or any(value not in passed for passed in given):
                    reason = (
                        f"${value}: a term is given none of a message's values, only what each "
                        f'of its references passes, -{name}({value}: "..."); write ${value} in '
                        "the message itself"
                    )
                    problems.append(Problem(path, _line(text, _start(node)), 1, f"-{name}", reason))
            elif isinstance(node, ast.MessageReference) and node.id.name in with_values:
                reason = (
                    f"{node.id.name} uses values a term is not given: refer to it from a "
                    "message, not from a term"
                )
                problems.append(Problem(path, _line(text, _start(node)), 1, f"-{name}", reason))
    return problems


def _messages_with_values(entries: list[ast.Message | ast.Term]) -> set[str]:
    """The messages that use a value, themselves or through the messages they refer to."""
    refers: dict[str, set[str]] = {}
    found: set[str] = set()
    for entry in entries:
        if isinstance(entry, ast.Message):
            nodes = list(_nodes(entry))
            if any(isinstance(n, ast.VariableReference) for n in nodes):
                found.add(entry.id.name)
            targets = {n.id.name for n in nodes if isinstance(n, ast.MessageReference)}
            refers[entry.id.name] = targets
    grown = True
    while grown:
        more = {name for name, targets in refers.items() if targets & found} - found
        found |= more
        grown = bool(more)
    return found


# --- Choices: variant keys and absent values ------------------------------------------------------


def _choice_problems(
    message: ast.Message,
    text: str,
    path: str,
    values: Values,
    categories: frozenset[str],
    language: str,
) -> list[Problem]:
    """Variant keys that can never be chosen, and values that may be absent used outside a
    choice on them (or chosen on without a [none] variant)."""
    name = message.id.name
    prefix = f"{name}." if name in values.per_use else ""  # how `Values` names its values
    absent = {v.removeprefix(prefix) for v in values.absent if v.rpartition(".")[0] == prefix[:-1]}
    problems: list[Problem] = []

    def problem(node: ast.BaseNode, reason: str) -> None:
        problems.append(Problem(path, _line(text, _start(node)), 1, name, reason))

    stack: list[tuple[ast.BaseNode, frozenset[str]]] = [(message, frozenset())]
    while stack:
        node, present = stack.pop()
        if isinstance(node, ast.VariableReference):
            if node.id.name in absent and node.id.name not in present:
                problem(
                    node,
                    f"${node.id.name} may be absent: print it only inside a choice on it, in a "
                    f"variant other than [none]: {{ ${node.id.name} -> [none] ... *[other] ... }}",
                )
            continue
        if not isinstance(node, ast.SelectExpression):
            stack.extend((child, present) for child in _children(node))
            continue
        selector = node.selector
        value = selector.id.name if isinstance(selector, ast.VariableReference) else None
        if isinstance(selector, ast.FunctionReference):
            # WORDS(1) is the text "un", which no [one] or [1] ever matches
            problem(
                selector,
                f"a choice is made on a value, not on {selector.id.name}(...): choose on the "
                f"value ({{ $n -> [one] ... *[other] ... }}) and call {selector.id.name} "
                "inside the variants",
            )
            stack.extend((v.value, present) for v in node.variants)
            continue
        documented = set(values.choices.get(prefix + value, ())) if value else set()
        if value in absent:
            documented.add(ABSENT)
        is_count = value is None or prefix + value in values.counts
        allowed = (categories if is_count else frozenset()) | documented
        for variant in node.variants:
            key = variant.key
            if variant.default and _key(variant) == "other":
                continue  # *[other]: the words for every value the other variants do not name
            if isinstance(key, ast.Identifier) and key.name not in allowed:
                problem(
                    key,
                    _key_reason(
                        key.name,
                        value,
                        allowed_categories(is_count, categories),
                        documented,
                        language,
                    ),
                )
            elif isinstance(key, ast.NumberLiteral) and not is_count:
                problem(key, f"[{key.value}] can never be chosen: ${value} is not a number")
        if value in absent:
            if not any(_key(v) == ABSENT for v in node.variants):
                problem(
                    selector,
                    f"${value} may be absent: this choice needs a [none] variant for when it is",
                )
            stack.extend(
                (v.value, present if _key(v) == ABSENT else present | {value})
                for v in node.variants
            )
        else:
            stack.extend((child, present) for child in _children(node))
    return problems


def allowed_categories(is_count: bool, categories: frozenset[str]) -> frozenset[str]:
    """The plural categories a choice may use: its language's on a count, none otherwise."""
    return categories if is_count else frozenset()


def _key(variant: ast.Variant) -> str | None:
    return variant.key.name if isinstance(variant.key, ast.Identifier) else None


def _key_reason(
    key: str, value: str | None, categories: frozenset[str], documented: set[str], language: str
) -> str:
    if not categories:  # a choice on a text value: only its documented words
        words = ", ".join(sorted(documented)) or "none"
        return f"[{key}] can never be chosen: ${value} is a text, whose values are: {words}"
    order = ("zero", "one", "two", "few", "many", "other")
    plural = ", ".join(c for c in order if c in categories)
    reason = (
        f"[{key}] can never be chosen: a key is a number ([0], [1]...), a plural category of "
        f"{language} ({plural})"
    )
    if documented:
        reason += f", or a value of ${value} ({', '.join(sorted(documented))})"
    return reason + ", in lowercase"
