"""A template filled with the data without docxtpl and without writing: what `reportgen
check` does to find what only the data shows (`{{ convention.entry_in_force }}`, a field
the records lack; a sentence the catalogue cannot write with these values).

Each part of the template (body, each header, footer, the footnotes) is rendered as its
shadow source (`check.shadow_source`: one line a paragraph, its tags as Jinja reads them
once docxtpl has taken their prefixes) in the same sandbox, with the same filters and the
same context as a build: a tag that fails here fails the build, at the same paragraph, and
is said in the same words (`locate.describe`). docxtpl, the charts and the package writer
are not imported, so that the check stays quick.

What only the real render can find is left to `build`: a chart whose series the template
does not hold, a Word part that cannot be read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from reportgen.core.limits import Limits
from reportgen.core.problems import Problem
from reportgen.language.fluent import SentenceError, Sentences, read_catalogue
from reportgen.language.formats import Formats
from reportgen.ooxml import paragraphs as ooxml_paragraphs
from reportgen.ooxml import text as ooxml_text
from reportgen.templating.check import scan, shadow_source, where
from reportgen.templating.kind import Document
from reportgen.templating.locate import describe, raised_by_template
from reportgen.templating.sandbox import BoundedSandbox, template_line


def finalize(value: object) -> object:
    """Every printed value as Word text; an undefined one is left for Jinja to report."""
    return value if isinstance(value, jinja2.Undefined) else ooxml_text.text_markup(value)


def sandboxed(
    formats: Formats, limits: Limits | None = None, kind: type[BoundedSandbox] = BoundedSandbox
) -> BoundedSandbox:
    """The Jinja environment templates are rendered in: sandboxed, escaping, strict, with
    the formats' filters (`templating.docxtpl` renders in one of these too)."""
    env = kind(
        Limits() if limits is None else limits,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        keep_trailing_newline=True,
    )
    env.bound_filters(formats.filters())
    return env


def rendering_problems(document: Document, template: Path, limits: Limits) -> list[Problem]:
    """What filling `template` with `document` would refuse, each at its paragraph (or, for
    a sentence, at its catalogue's line); nothing is written."""
    kind, formats = document.kind, document.formats
    try:
        data = template.read_bytes()
        paragraphs = ooxml_paragraphs.read_paragraphs(data).paragraphs
    except (OSError, ooxml_paragraphs.UnreadablePackage):
        return []  # the template's own check says why
    path = kind.catalogue(template, document.lang)
    catalogue = read_catalogue(path, str(formats.locale), kind.sentences)
    say = Sentences(catalogue, formats)
    env = sandboxed(formats, limits)
    try:
        say.given(document.values(say))
        context: dict[str, Any] = document.views(say, 1).context
    except SentenceError as error:
        return [error.problem]
    parts: dict[str, list[ooxml_paragraphs.WordParagraph]] = {}
    for paragraph in paragraphs:
        parts.setdefault(paragraph.source or paragraph.part, []).append(paragraph)
    problems = []
    for part in parts.values():
        try:
            env.from_string(shadow_source(part)).render(context)
        except SentenceError as error:
            problems.append(error.problem)
        except Exception as error:
            expected = (jinja2.TemplateError, ooxml_text.UnprintableValue)
            if not isinstance(error, expected) and not raised_by_template(error):
                raise  # reportgen's own mistake, not the template's
            problems.append(_located(error, part, str(template), formats))
            env.restart()
    return problems


def _located(
    error: BaseException,
    part: list[ooxml_paragraphs.WordParagraph],
    name: str,
    formats: Formats,
) -> Problem:
    line = getattr(error, "lineno", None) or template_line(error)
    if not line:
        return Problem.about(name, "template", describe(error, [], formats.filters()))
    paragraph = part[min(line, len(part)) - 1]
    tags = scan(paragraph.text).tags
    return Problem.about(name, where(paragraph), describe(error, tags, formats.filters()))
