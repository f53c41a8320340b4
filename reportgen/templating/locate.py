"""Problems a template's own check cannot see, located at their paragraph as it locates
its own: a tag that fails with the data while rendering, and a `{{ sentence.NAME }}` whose
NAME the template's catalogue lacks.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2

from reportgen.core.problems import Problem
from reportgen.ooxml import paragraphs as ooxml_paragraphs
from reportgen.ooxml import text as ooxml_text
from reportgen.templating.check import Tag, scan, shadow_source, tag_using, where
from reportgen.templating.sandbox import template_line

# --- Errors found while rendering, located the same way ----------------------------------------


def runtime_problem(
    data: bytes,
    name: str,
    part_name: str,
    render: Callable[[str], Any],
    error: BaseException,
    filters: Iterable[str],
) -> Problem:
    """A template error raised while rendering the part `part_name` (/word/document.xml),
    located at its paragraph.

    `render(source)` renders a Jinja source with the same environment and context: the
    part's shadow source fails at the same place, and its line is the paragraph.
    """
    document = ooxml_paragraphs.read_paragraphs(data)
    paragraphs = [p for p in document.paragraphs if p.source == part_name.lstrip("/")]
    paragraph = None
    if paragraphs:
        try:
            render(shadow_source(paragraphs))
        except Exception as again:  # the same error, now with the paragraph's line
            line = getattr(again, "lineno", None) or template_line(again)
            if line:
                paragraph = paragraphs[min(line, len(paragraphs)) - 1]
                error = again
    tags = scan(paragraph.text).tags if paragraph is not None else []
    message = describe(error, tags, filters)
    return Problem.about(name, where(paragraph) if paragraph else "template", message)


def raised_by_template(error: BaseException) -> bool:
    """Whether `error` was raised while running a template's own code."""
    return template_line(error) is not None


def describe(error: BaseException, tags: Sequence[Tag], filters: Iterable[str]) -> str:
    """What went wrong, in the words of the template: the tag, and what it lacks."""
    reason = (getattr(error, "message", None) or str(error) or type(error).__name__).rstrip(".")
    attribute = re.search(r"has no attribute '([^']+)'", reason)
    variable = re.search(r"^'([^']+)' is undefined", reason)
    unknown_filter = re.search(r"No filter named '([^']+)'", reason)
    if unknown_filter:
        name = unknown_filter.group(1)
        tag = tag_using(tags, rf"\|\s*{re.escape(name)}\b")
        known = ", ".join(sorted(filters))
        return f"{tag or name} uses the filter {name!r}, which does not exist ({known})"
    if attribute or variable:
        name = (attribute or variable).group(1)  # type: ignore[union-attr]
        used = rf"\.{re.escape(name)}\b" if attribute else rf"(?<![\w.]){re.escape(name)}\b"
        tag = tag_using(tags, used)
        owner = re.search(rf"([\w.]+)\.{re.escape(name)}\b", tag or "") if attribute else None
        if not attribute:
            return f"{tag or name} has no value: {name!r} is not a name the template knows"
        record = owner.group(1) if owner else "its object"
        advice = (
            "; `reportgen figures` lists every figure's name"
            if record.split(".")[0] == "figures"
            else ""
        )
        return f"{tag or name} has no value: {record} has no field {name!r}{advice}"
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"a tag is broken: {reason}"
    if isinstance(error, (jinja2.TemplateError, ooxml_text.UnprintableValue)):
        return reason
    shown = tag_using(tags, r".") if len(tags) == 1 else None
    return (
        f"{shown or 'a tag'} cannot be computed ({type(error).__name__}: {reason}); "
        "check its arithmetic and the kinds of value it combines"
    )


# --- Sentences the template names ---------------------------------------------------------------

_SENTENCE = re.compile(r"\bsentence\.([A-Za-z_][A-Za-z0-9_]*)")


@functools.lru_cache(maxsize=8)
def _sentences_named(
    data: bytes,
) -> tuple[tuple[ooxml_paragraphs.WordParagraph, tuple[str, ...]], ...]:
    """Each paragraph of a template that names sentences, with their names (kept per
    template: a watched build checks the same template again and again)."""
    document = ooxml_paragraphs.read_paragraphs(data)
    return tuple(
        (paragraph, tuple(m.group(1) for m in _SENTENCE.finditer(paragraph.text)))
        for paragraph in document.paragraphs
        if "sentence." in paragraph.text
    )


def unknown_sentences(path: Path, messages: Iterable[str], catalogue: str) -> list[Problem]:
    """Each `{{ sentence.NAME }}` of the template whose NAME no message of its catalogue has,
    located at its paragraph."""
    try:
        data = path.read_bytes()
        named = _sentences_named(data)
    except (OSError, ooxml_paragraphs.UnreadablePackage):
        return []  # the template's own check says why
    known = set(messages)
    problems = []
    for paragraph, names in named:
        for name in names:
            if name not in known:
                near = difflib.get_close_matches(name, sorted(known), n=1)
                hint = f" (did you mean sentence.{near[0]}?)" if near else ""
                problems.append(
                    Problem(
                        str(path),
                        0,
                        0,
                        where(paragraph),
                        f"sentence.{name} is not a message of {catalogue}{hint}: add it there, "
                        "or name one of its messages",
                    )
                )
    return problems
