"""The template stage: a Word template checked in its own terms before it is rendered.

A template is a document its users edit in Word or LibreOffice, and docxtpl turns it into
Jinja by regular expressions over its XML: a tag left open swallows everything up to the
next closing braces, a `{%p %}` tag takes its whole paragraph with it, a tracked change or
a comment travels into every report. None of that fails by itself, so it is checked here,
paragraph by paragraph, as a reader sees the document:

- every `{{ }}`, `{% %}` and `{# #}` closes in the paragraph where it opens, and nothing
  that looks like a mistyped tag (`{ x }}`, `{{ x }`, `{{{`) is left in the text;
- every block (`for`, `if`...) is ended, by a tag of its own kind: a `{%p %}` block by a
  `{%p %}` paragraph, a `{%tr %}` block by a `{%tr %}` row, an inline block in its paragraph;
- a `{%p %}` tag is alone in its paragraph and a `{%tr %}` tag alone in its row;
- the Jinja parses, and uses only filters, tests and names that exist;
- tracked changes are refused (deleted text must never be evaluated), and comments are
  listed, since they are never copied into a report.

Each problem names the part (body, header...), the paragraph's number and first words,
what is wrong and what to do. Errors that only data can show (a field a record lacks) are
found while rendering; `reportgen.templating.locate` locates them the same way.

This module knows Jinja and reads the template through `reportgen.ooxml`; it imports
nothing of the charts, so that `reportgen check` stays quick.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import nodes

from reportgen.core.memo import Memo
from reportgen.core.problems import Problem, Severity
from reportgen.ooxml import paragraphs as ooxml_paragraphs

# docxtpl's tags: {%p %} stands for its paragraph, {%tr %} its table row, {%tc %} its cell,
# {%r %} and {{r }} for a run.
_OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_PREFIX = re.compile(r"(p|tr|tc|r)(?=\s)")
_QUOTES = {"'": "'", '"': '"', "\u2018": "\u2019", "\u201c": "\u201d"}
_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_BLOCKS = {
    "for": "endfor",
    "if": "endif",
    "macro": "endmacro",
    "call": "endcall",
    "filter": "endfilter",
    "with": "endwith",
    "raw": "endraw",
    "block": "endblock",
    "autoescape": "endautoescape",
    "set": "endset",  # only a block set: {% set x %}...{% endset %}
}
_ENDS = {end: start for start, end in _BLOCKS.items()}
_WHAT = {
    "": "in the same paragraph",
    "p": "on a paragraph of its own",
    "tr": "in a table row of its own",
    "tc": "in a table cell of its own",
    "r": "in the same paragraph",
}
_RENDERED_PARTS = ("body", "header", "footer", "footnotes")
"""Parts docxtpl fills: a tag anywhere else (endnotes) would be printed as it is."""
_REVIEW_ADVICE = (
    "accept or reject every tracked change in Word (Review > Accept > Accept All Changes) "
    "or LibreOffice (Edit > Track Changes > Accept All), then save the template"
)


@dataclass(frozen=True)
class Tag:
    """A tag as written in a paragraph: `{%p for c in categories %}` has the opener `{%`,
    the prefix `p` and the statement `for c in categories`."""

    opener: str
    prefix: str
    statement: str
    text: str
    start: int = 0

    @property
    def keyword(self) -> str:
        return self.statement.split(maxsplit=1)[0] if self.statement.split() else ""

    def jinja(self) -> str:
        """The tag as Jinja reads it once docxtpl has removed the prefix (and Word's quotes)."""
        return f"{self.opener} {self.statement.translate(_CURLY)} {_OPENERS[self.opener]}"


@dataclass(frozen=True)
class _Scan:
    tags: tuple[Tag, ...]
    problems: tuple[str, ...]


@functools.lru_cache(maxsize=4096)
def scan(text: str) -> _Scan:
    """The tags of a paragraph's text, and what is wrong with how they are written."""
    tags: list[Tag] = []
    problems: list[str] = []
    for run in ("{{{", "}}}"):
        if run in text:
            problems.append(
                f"{_quote(_around(text, text.index(run)))} holds three braces {run!r}: "
                "a placeholder is written {{ name }}, with two braces on each side"
            )
    i = 0
    while i < len(text) - 1:
        pair = text[i : i + 2]
        if pair in _OPENERS:
            end, interrupted = _close(text, i + 2, _OPENERS[pair])
            if end is None:
                shown = text[i:interrupted].rstrip()
                closer = _OPENERS[pair]
                if interrupted < len(text):
                    problems.append(
                        f"{_quote(_shorten(shown))} is not closed before the next tag: "
                        f"end it with {closer}"
                    )
                else:
                    problems.append(
                        f"{_quote(_shorten(shown))} is not closed in its paragraph: end it "
                        f"with {closer} (a tag cannot run on into the next paragraph)"
                    )
                i = interrupted
                continue
            inner = text[i + 2 : end]
            prefix_match = _PREFIX.match(inner) if pair != "{#" or inner[:1] != " " else None
            prefix = prefix_match.group(1) if prefix_match else ""
            statement = inner[len(prefix) :].strip().removeprefix("-").removesuffix("-").strip()
            tag = Tag(pair, prefix, statement, text[i : end + 2], i)
            tags.append(tag)
            problems += _misused(tag, inner)
            i = end + 2
            continue
        if pair in _CLOSERS:
            start = text.rfind("{", 0, i)
            shown = text[start : i + 2] if start >= 0 else text[max(0, i - 30) : i + 2]
            problems.append(
                f"{_quote(_shorten(shown))} closes a tag that was never opened: a tag starts "
                f"with {_CLOSERS[pair]} (two characters), as in {_CLOSERS[pair]} ... {pair}"
            )
            i += 2
            continue
        i += 1
    return _Scan(tuple(tags), tuple(problems))


def _misused(tag: Tag, inner: str) -> list[str]:
    """docxtpl's meanings a template must not use: they lose or merge paragraphs."""
    found = []
    if tag.opener == "{%" and inner[len(tag.prefix) :].startswith("-"):
        found.append(
            f"{tag.text} starts with {{%-, which joins this paragraph to the one before it "
            "(everything between them is removed): write {% without the dash"
        )
    if tag.opener == "{%" and inner.endswith("-"):
        found.append(
            f"{tag.text} ends with -%}}, which joins this paragraph to the next one "
            "(everything between them is removed): write %} without the dash"
        )
    if tag.opener == "{{" and tag.prefix in ("p", "tr", "tc"):
        found.append(
            f"{tag.text} would replace its whole {_UNIT[tag.prefix]} with a value reportgen "
            f"does not give: write {{{{ {tag.statement} }}}} (or {{{{r {tag.statement} }}}} "
            "for formatted text)"
        )
    return found


_UNIT = {"p": "paragraph", "tr": "table row", "tc": "table cell"}


def _close(text: str, start: int, closer: str) -> tuple[int | None, int]:
    """Where the tag opened before `start` closes, skipping quoted strings; or None and
    where the scan stopped (the next tag's opening, or the end of the text)."""
    i, quote = start, None
    while i < len(text):
        char = text[i]
        if quote is not None:
            if char == quote:
                quote = None
        elif char in _QUOTES:
            quote = _QUOTES[char]
        elif text.startswith(closer, i):
            return i, i
        elif text[i : i + 2] in _OPENERS:
            return None, i
        i += 1
    if quote is not None:  # an unmatched quote: look again, as Jinja would not find it either
        end = text.find(closer, start)
        next_open = min((p for p in (text.find(o, start) for o in _OPENERS) if p >= 0), default=-1)
        if end >= 0 and (next_open < 0 or end < next_open):
            return end, end
    return None, len(text)


def _shorten(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _around(text: str, index: int, width: int = 30) -> str:
    return text[max(0, index - width // 2) : index + width // 2]


def _quote(text: str) -> str:
    return f'"{text}"'


def where(paragraph: ooxml_paragraphs.WordParagraph) -> str:
    """`body, paragraph 12 ("Since the {{ since.name }}...")`: a place a reader finds."""
    words = _shorten(paragraph.text, 50)
    return (
        f'{paragraph.part}, paragraph {paragraph.number} ("{words}")'
        if words
        else (f"{paragraph.part}, paragraph {paragraph.number} (empty)")
    )


@dataclass
class _Open:
    tag: Tag
    paragraph: ooxml_paragraphs.WordParagraph


@dataclass(frozen=True)
class Finding:
    """A problem of a template at its paragraph (None: a comment anchored nowhere)."""

    paragraph: ooxml_paragraphs.WordParagraph | None
    severity: Severity
    message: str


def _comment_warning(comment: ooxml_paragraphs.Comment) -> str:
    by = f" by {comment.author}" if comment.author else ""
    return (
        f'comment{by}: "{_shorten(comment.text, 120)}" (comments are not copied into the '
        "report; delete it in the template once it is dealt with)"
    )


def check_paragraphs(document: ooxml_paragraphs.WordDocument) -> list[Finding]:
    """Every problem of a template's paragraphs, its tracked changes and its comments."""
    found: list[Finding] = []
    parts: dict[str, list[ooxml_paragraphs.WordParagraph]] = {}
    for paragraph in document.paragraphs:
        parts.setdefault(paragraph.part, []).append(paragraph)
        for revision in paragraph.revisions:
            text = f' of "{_shorten(revision.text, 40)}"' if revision.text.strip() else ""
            by = f" by {revision.author}" if revision.author else ""
            on = f" on {revision.date[:10]}" if revision.date else ""
            message = f"a tracked change ({revision.kind}{text}{by}{on}): {_REVIEW_ADVICE}"
            found.append(Finding(paragraph, "error", message))
        for comment in paragraph.comments:
            found.append(Finding(paragraph, "warning", _comment_warning(comment)))
    for comment in document.unanchored:
        found.append(Finding(None, "warning", _comment_warning(comment)))
    for part, paragraphs in parts.items():
        found += _check_part(part, paragraphs)
    return found


def _check_part(part: str, paragraphs: Sequence[ooxml_paragraphs.WordParagraph]) -> list[Finding]:
    found: list[Finding] = []

    def error(paragraph: ooxml_paragraphs.WordParagraph, message: str) -> None:
        found.append(Finding(paragraph, "error", message))

    rendered_part = bool(set(part.split()) & set(_RENDERED_PARTS))  # "first-page header 2"
    stack: list[_Open] = []
    groups: dict[tuple[str, int], list[ooxml_paragraphs.WordParagraph]] = {}
    for paragraph in paragraphs:
        for unit, number in (("tr", paragraph.row), ("tc", paragraph.cell)):
            if number is not None:
                groups.setdefault((unit, number), []).append(paragraph)
    for paragraph in paragraphs:
        scanned = scan(paragraph.text)
        for message in scanned.problems:
            error(paragraph, message)
        for code in paragraph.fields:
            if any(opener in code for opener in _OPENERS):
                error(
                    paragraph,
                    f'the field code "{_shorten(code.strip(), 50)}" holds a tag, which '
                    "reportgen does not fill in field codes: put the tag in the text instead",
                )
        for tag in scanned.tags:
            if any(tag.start < b < tag.start + len(tag.text) for b in paragraph.boundaries):
                error(
                    paragraph,
                    f"part of {tag.text} is inside a hyperlink, a content control or a field, "
                    "and part outside it: retype the whole tag as plain text",
                )
        if scanned.tags and not rendered_part:
            error(
                paragraph,
                f"{scanned.tags[0].text} is in the {part}, where reportgen fills no tag: "
                "move it into the body, a header, a footer or a footnote",
            )
            continue
        for tag in scanned.tags:
            _check_placement(tag, paragraph, groups, error)
            if tag.opener != "{%":
                continue
            keyword = tag.keyword
            if keyword in _BLOCKS and not (keyword == "set" and "=" in tag.statement):
                stack.append(_Open(tag, paragraph))
            elif keyword in ("elif", "else"):
                if not any(o.tag.keyword in ("if", "for") for o in stack):
                    error(paragraph, f"{tag.text} has no {{% if %}} before it: remove it")
            elif keyword in _ENDS:
                _end(tag, paragraph, stack, error)
        # an inline block must end in its paragraph
        while stack and stack[-1].tag.prefix in ("", "r") and stack[-1].paragraph is paragraph:
            opened = stack.pop()
            error(paragraph, _never_ended(opened.tag))
    for opened in reversed(stack):
        error(opened.paragraph, _never_ended(opened.tag))
    return found


def _never_ended(tag: Tag) -> str:
    end = _BLOCKS[tag.keyword]
    prefix = tag.prefix if tag.prefix != "r" else ""
    closing = f"{{%{prefix} {end} %}}"
    message = f"{tag.text} is never ended: add {closing} {_WHAT[prefix]} where the "
    message += {
        "for": "repeated part ends",
        "if": "part it shows or hides ends",
    }.get(tag.keyword, "block ends")
    if not prefix:
        message += (
            " (to repeat, show or hide whole paragraphs, use {%p %} tags, each on a paragraph"
            " of its own)"
        )
    return message


def _end(
    tag: Tag,
    paragraph: ooxml_paragraphs.WordParagraph,
    stack: list[_Open],
    error: Callable[[ooxml_paragraphs.WordParagraph, str], None],
) -> None:
    start = _ENDS[tag.keyword]
    match = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].tag.keyword == start), None)
    if match is None:
        error(
            paragraph,
            f"{tag.text} ends a block that was never opened: remove it, or add the "
            f"{{%{tag.prefix} {start} ... %}} it ends",
        )
        return
    for opened in stack[match + 1 :]:
        error(opened.paragraph, _never_ended(opened.tag))
    opened = stack[match]
    del stack[match:]
    kind = opened.tag.prefix
    if kind == tag.prefix and kind in ("p", "tr", "tc"):
        attribute = {"p": "cell", "tr": "table", "tc": "row"}[kind]
        if getattr(opened.paragraph, attribute) != getattr(paragraph, attribute):
            place = {
                "cell": "in the same table cell (or both outside tables)",
                "table": "in the same table",
                "row": "in the same table row",
            }[attribute]
            error(
                paragraph,
                f"{tag.text} ends {opened.tag.text} ({opened.paragraph.part}, paragraph "
                f"{opened.paragraph.number}), but a block must begin and end {place}: "
                "move one of them (Word's Split Table, say, leaves them apart)",
            )
        return
    if opened.tag.prefix.replace("r", "") != tag.prefix.replace("r", ""):
        closing = f"{{%{opened.tag.prefix.replace('r', '')} {tag.keyword} %}}"
        error(
            paragraph,
            f"{tag.text} ends {opened.tag.text} ({opened.paragraph.part}, paragraph "
            f"{opened.paragraph.number}), which is a tag of another kind: write {closing} "
            f"{_WHAT[opened.tag.prefix.replace('r', '')]}",
        )


def _check_placement(
    tag: Tag,
    paragraph: ooxml_paragraphs.WordParagraph,
    groups: Mapping[tuple[str, int], list[ooxml_paragraphs.WordParagraph]],
    error: Callable[[ooxml_paragraphs.WordParagraph, str], None],
) -> None:
    """A {%p %} tag stands for its whole paragraph, a {%tr %} tag for its whole row and a
    {%tc %} tag for its whole cell: anything else in them would be lost."""
    if tag.prefix == "p":
        rest = " ".join(paragraph.text.replace(tag.text, " ", 1).split())
        if rest:
            error(
                paragraph,
                f'{tag.text} must be alone in its paragraph: the text "{_shorten(rest, 40)}" '
                "beside it would be lost; move one or the other to a paragraph of its own",
            )
    elif tag.prefix in ("tr", "tc"):
        if paragraph.row is None:
            error(
                paragraph,
                f"{tag.text} is not in a table: {{%{tag.prefix} %}} tags repeat table "
                "rows or cells; use {%p %} for paragraphs",
            )
            return
        number = paragraph.row if tag.prefix == "tr" else paragraph.cell
        group = groups.get((tag.prefix, number), []) if number is not None else []
        others = [p.text for p in group if p is not paragraph]
        rest = " ".join(" ".join([paragraph.text.replace(tag.text, " ", 1), *others]).split())
        if rest:
            unit = _UNIT[tag.prefix]
            error(
                paragraph,
                f'{tag.text} must be alone in its {unit}: the text "{_shorten(rest, 40)}" in '
                f"the same {unit} would be lost; move it to another "
                + ("row" if tag.prefix == "tr" else "cell"),
            )


# --- Jinja: syntax, filters, tests and names ---------------------------------------------------


def shadow_source(paragraphs: Iterable[ooxml_paragraphs.WordParagraph]) -> str:
    """The Jinja a part amounts to, one line a paragraph, so that Jinja's line numbers are
    the paragraphs' numbers. Text outside tags is kept; a {%p %} paragraph is its tag alone.
    """
    lines = []
    for paragraph in paragraphs:
        text = paragraph.text.replace("\n", " ").replace("\r", " ")
        tags = scan(text).tags
        if any(t.prefix in ("p", "tr", "tc") for t in tags):
            lines.append(" ".join(t.jinja() for t in tags))
            continue
        for tag in tags:
            text = text.replace(tag.text, tag.jinja(), 1)
        lines.append(text)
    return "\n".join(lines)


_SYNTAX = jinja2.Environment()
"""Parses templates (the sandbox's rules are the same for syntax)."""


@dataclass(frozen=True)
class Vocabulary:
    """What a template can use besides its own variables: `names` are the names its kind
    of document `given` and Jinja's own."""

    names: frozenset[str]
    filters: frozenset[str]
    tests: frozenset[str]
    given: frozenset[str] = frozenset()


def vocabulary(filters: Iterable[str], names: Iterable[str]) -> Vocabulary:
    """The names, filters and tests a template rendered with `filters`, and given `names`
    by its kind of document, can use."""
    given = frozenset(names)
    return Vocabulary(
        names=given | frozenset(_SYNTAX.globals),
        filters=frozenset(_SYNTAX.filters) | frozenset(filters),
        tests=frozenset(_SYNTAX.tests),
        given=given,
    )


def check_jinja(
    paragraphs: Sequence[ooxml_paragraphs.WordParagraph], known: Vocabulary
) -> list[tuple[ooxml_paragraphs.WordParagraph, str]]:
    """Syntax errors, and unknown filters, tests and names, each at its paragraph."""
    source = shadow_source(paragraphs)

    def at(line: int | None) -> ooxml_paragraphs.WordParagraph:
        return paragraphs[min(max((line or 1) - 1, 0), len(paragraphs) - 1)]

    try:
        tree = _SYNTAX.parse(source)
    except jinja2.TemplateSyntaxError as error:
        return [(at(error.lineno), f"a tag is broken: {error.message or error}")]
    found = []
    tags = {p.number: scan(p.text).tags for p in paragraphs}
    used = list(tree.find_all((nodes.Filter, nodes.Test, nodes.Name)))
    for node in used:
        if not isinstance(node, (nodes.Filter, nodes.Test)):
            continue
        kind = "filter" if isinstance(node, nodes.Filter) else "test"
        pool = known.filters if kind == "filter" else known.tests
        if node.name not in pool:
            paragraph = at(node.lineno)
            tag = tag_using(tags[paragraph.number], rf"(\||\bis\s+(not\s+)?){node.name}\b")
            listed = (
                ", ".join(sorted(pool - frozenset(_SYNTAX.filters))) if kind == "filter" else ""
            )
            also = f" (reportgen's filters: {listed})" if listed else ""
            found.append(
                (
                    paragraph,
                    f"{tag or node.name} uses the {kind} {node.name!r}, which does not exist{also}",
                )
            )
    # A name read but set nowhere in the part (by {% set %}, a loop or a macro) and not
    # given by the kind of document. Jinja's scopes are finer than this; rendering with the
    # data catches what slips through, at its paragraph too.
    names = [n for n in used if isinstance(n, nodes.Name)]
    set_here = {n.name for n in names if n.ctx in ("store", "param")} | {"loop"}
    set_here |= {m.name for m in tree.find_all(nodes.Macro)}
    reported: set[tuple[int, str]] = set()
    for node in names:
        if node.ctx != "load" or node.name in set_here or node.name in known.names:
            continue
        paragraph = at(node.lineno)
        if (paragraph.number, node.name) in reported:
            continue
        reported.add((paragraph.number, node.name))
        tag = tag_using(tags[paragraph.number], rf"(?<![\w.]){re.escape(node.name)}\b")
        found.append(
            (
                paragraph,
                f"{tag or node.name} has no value: {node.name!r} is not a name the template "
                f"knows ({', '.join(sorted(known.given))})",
            )
        )
    return found


def tag_using(tags: Sequence[Tag], pattern: str) -> str | None:
    """The first of `tags` whose statement matches `pattern`, as written."""
    return next((t.text for t in tags if re.search(pattern, t.statement)), None)


# --- The whole check, once per template version -----------------------------------------------

_CHECKED: Memo[tuple[str, str, frozenset[str], frozenset[str]], tuple[Problem, ...]] = Memo(16)


def check_template(path: Path, filters: Iterable[str], names: Iterable[str]) -> list[Problem]:
    """Every problem of the template at `path` (errors, and warnings for its comments),
    whose kind of document gives it `names`.

    The result depends on the file's bytes only, so it is kept for the next build of the
    same template in this process (a watched build checks each saved version once).
    """
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [Problem.about(name, "template", "is missing")]
    except OSError as error:
        return [Problem.about(name, "template", f"cannot be read ({error.strerror or error})")]
    known = vocabulary(filters, names)
    key = (name, hashlib.sha256(data).hexdigest(), known.filters, known.given)
    return list(_CHECKED.get(key, lambda: tuple(problems_of(data, name, known))))


def problems_of(data: bytes, name: str, known: Vocabulary) -> list[Problem]:
    """Every problem of a template given as bytes, reported against the file `name`, in
    the document's order."""
    try:
        document = ooxml_paragraphs.read_paragraphs(data)
    except ooxml_paragraphs.UnreadablePackage as error:
        return [Problem.about(name, "template", f"cannot be read: {error}")]
    from reportgen.templating import rules  # which uses this module's scan

    found = check_paragraphs(document) + rules.docxtpl_only(document.paragraphs)
    broken = {f.paragraph.part for f in found if f.severity == "error" and f.paragraph}
    parts: dict[str, list[ooxml_paragraphs.WordParagraph]] = {}
    for paragraph in document.paragraphs:
        parts.setdefault(paragraph.part, []).append(paragraph)
    for part, paragraphs in parts.items():
        if part not in broken:  # else its tags are broken already: Jinja would say so again
            found += [Finding(p, "error", m) for p, m in check_jinja(paragraphs, known)]
    found += rules.house_rules(document.paragraphs, found)
    order = {(p.part, p.number): n for n, p in enumerate(document.paragraphs)}

    def position(finding: Finding) -> tuple[int, bool]:
        at = finding.paragraph
        return (order[(at.part, at.number)] if at else len(order), finding.severity != "error")

    return [
        Problem(
            name, 0, 0, where(f.paragraph) if f.paragraph else "comments", f.message, f.severity
        )
        for f in sorted(found, key=position)
    ]
