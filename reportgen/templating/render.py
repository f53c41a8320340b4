"""Render stage: a document of some kind -> .docx bytes, through its Word template.

This stage knows Word and the template, not the data: a `Document` (`templating.kind`)
gives it the context, footnotes, charts and properties of one build, and its catalogue
names the values its sentences take. What happens here is the same for every kind: the
template opened and cleaned, filled, its charts bound, its properties set, its problems
located in the template's terms.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportgen.core.limits import Limits
from reportgen.core.problems import InputError, Problem
from reportgen.language.fluent import SentenceError, Sentences, read_catalogue
from reportgen.ooxml import charts as ooxml_charts
from reportgen.ooxml import cleaning as ooxml_cleaning
from reportgen.ooxml import footnotes as ooxml_footnotes
from reportgen.ooxml import frame as ooxml_frame
from reportgen.ooxml import writer as ooxml_writer
from reportgen.ooxml import xml as ooxml_xml
from reportgen.ooxml.package import open_docx, without_advice
from reportgen.templating import charts, locate
from reportgen.templating.docxtpl import TemplateProblem, WordTemplate, environment
from reportgen.templating.kind import Document, Properties


def render(document: Document, template: Path, limits: Limits | None = None) -> bytes:
    """The document as .docx bytes: the same document and template give the same bytes.
    `limits` bound the template's cost (the defaults when None; `app` reads the environment)."""
    limits = Limits() if limits is None else limits
    # Only the parts the template's relationships reach, within reportgen.limits.
    package = open_docx(template, limits).sanitised()
    try:
        word = WordTemplate(io.BytesIO(package))
        docx = word.get_docx()
    except (SyntaxError, KeyError) as error:  # lxml's XMLSyntaxError; a part named but absent
        reason = f"a Word document whose parts cannot be read ({without_advice(str(error))})"
        raise InputError([Problem.about(str(template), "template", f"is {reason}")]) from None
    ooxml_cleaning.standardise_core_properties(docx)  # before python-docx reads them
    ooxml_cleaning.drop_comments(docx)  # never circulated; `reportgen build` lists them as warnings
    ooxml_cleaning.stop_tracking_changes(docx)
    kind, formats = document.kind, document.formats
    catalogue = read_catalogue(
        kind.catalogue(template, document.lang), str(formats.locale), kind.sentences
    )
    say = Sentences(catalogue, formats)
    jinja_env = environment(formats, limits)
    try:
        say.given(document.values(say))
        views = document.views(say, ooxml_footnotes.next_footnote_id(docx))
        context = views.context
        alt_texts = charts.bind(docx, context.get("charts"), str(template))
        word.render(context, jinja_env=jinja_env)
    except SentenceError as error:
        raise InputError([error.problem]) from error
    except TemplateProblem as problem:
        if isinstance(problem.error, SentenceError):  # the catalogue's problem, at its line
            raise InputError([problem.error.problem]) from problem
        raise InputError(
            [
                locate.runtime_problem(
                    template.read_bytes(),
                    str(template),
                    problem.part_name,
                    lambda source: jinja_env.from_string(source).render(context),
                    problem.error,
                    formats.filters(),
                )
            ]
        ) from problem
    except ooxml_xml.MalformedXML as error:
        raise InputError(
            [
                Problem.about(
                    str(template),
                    "template",
                    f"{error}; reportgen check --template {template} shows the tags to mend",
                )
            ]
        ) from error
    ooxml_cleaning.pair_bookmarks(docx)
    ooxml_cleaning.drop_unplaced_parts(docx)
    ooxml_charts.describe_charts(docx, alt_texts)
    ooxml_footnotes.add_footnotes(docx, views.footnotes)
    if views.frame is not None:  # a working paper's first page and numbered paragraphs
        ooxml_frame.frame_as_working_paper(docx, views.frame)
    _set_properties(docx, document.properties(say))
    return ooxml_writer.package_bytes(docx)


MAX_PROPERTY_CHARS = 255
"""The longest text of a core property (title, subject, author, keywords) that
python-docx writes; a longer one is cut to it, ending with an ellipsis. The report's own
text is never cut."""


def _cut(text: str) -> str:
    return text if len(text) <= MAX_PROPERTY_CHARS else text[: MAX_PROPERTY_CHARS - 1] + "…"


def _set_properties(docx: Any, given: Properties) -> None:
    """Set the document's core properties: `given`, and the rest emptied."""
    properties = docx.core_properties
    properties.title = _cut(given.title)
    properties.subject = _cut(given.subject)
    properties.author = _cut(given.author)
    properties.last_modified_by = "reportgen"
    properties.keywords = _cut(given.keywords)
    properties.comments = ""
    properties.category = ""
    properties.content_status = ""
    properties.identifier = ""
    properties.language = given.language
    properties.version = ""
    properties.revision = 1
    properties.created = given.moment
    properties.modified = given.moment
    properties.last_printed = given.moment
