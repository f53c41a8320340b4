"""docxtpl and Jinja, adapted: a Word template rendered once per part, strictly parsed, and
compiled once per process (and kept on disk, `reportgen.templating.cache`).

Nothing here knows a kind of document: `render` gives this adapter the context a kind built.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from types import CodeType
from typing import Any, ClassVar

import jinja2
from docxtpl import DocxTemplate

from reportgen.core.limits import Limits
from reportgen.core.memo import Memo
from reportgen.language.formats import Formats
from reportgen.ooxml import footnotes as ooxml_footnotes
from reportgen.ooxml import text as ooxml_text
from reportgen.ooxml import xml as ooxml_xml
from reportgen.templating import cache, dry_run, locate, sandbox
from reportgen.templating.sandbox import BoundedSandbox


class WordTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, made safe for data and quick to render again.

    Safe: docxtpl renders the footnotes part once per section, so with two sections a data
    value such as "{{ 7*7 }}" would be evaluated on the second pass: here each part is
    rendered once. It also renders core properties as templates (escaping them twice): the
    render stage sets them itself instead. The rendered body is parsed strictly.

    Quick: the template's rewrite into Jinja source is kept, and the passes that would
    change nothing (listing characters, table grids) are skipped.
    """

    def render_footnotes(
        self, context: dict[str, Any], jinja_env: jinja2.Environment | None = None
    ) -> None:
        for part, xml in ooxml_footnotes.footnotes_xml(self.docx):
            xml = self.patch_xml(xml)
            rendered = self.render_xml_part(xml, part, context, jinja_env)
            ooxml_xml.check_well_formed(rendered)
            ooxml_footnotes.replace_footnotes_xml(part, rendered)

    def render_properties(
        self, context: dict[str, Any], jinja_env: jinja2.Environment | None = None
    ) -> None:
        return None

    def render_xml_part(
        self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None
    ) -> str:
        try:
            return str(super().render_xml_part(src_xml, part, context, jinja_env))
        except (jinja2.TemplateError, ooxml_text.UnprintableValue) as error:
            raise TemplateProblem(str(getattr(part, "partname", "")), error) from error
        except Exception as error:
            # An expression of the template that fails ({{ n // 0 }}, text + number) is the
            # template's mistake, not reportgen's: its traceback passes through the template.
            if locate.raised_by_template(error):
                raise TemplateProblem(str(getattr(part, "partname", "")), error) from error
            raise

    def fix_tables(self, xml: str) -> Any:
        # docxtpl parses the rendered body in recover mode, which would hide a corruption:
        # it is parsed strictly here (from bytes: lxml reads UTF-8 twice as fast as a str).
        # docxtpl's own pass, a second parse, is needed only when a grid must change.
        data = xml.encode("utf-8")
        body = ooxml_xml.parse_strictly(data)
        return body if ooxml_text.tables_fit_their_grids(body) else super().fix_tables(data)

    _patched: ClassVar[Memo[str, str]] = Memo(64)

    def patch_xml(self, src_xml: str) -> str:
        """docxtpl's rewrite of a part into Jinja source, kept for the next render.

        The rewrite (a few dozen regular expressions over the whole part) depends on the
        part's XML alone, and the template's parts are the same from one build to the next.
        """
        return self._patched.get(
            src_xml,
            lambda: cache.text(
                "jinja", src_xml, lambda: str(super(WordTemplate, self).patch_xml(src_xml))
            ),
        )

    def resolve_listing(self, xml: str) -> str:
        # docxtpl turns tabs, line feeds, \a and \f inside <w:t> into Word's elements, one
        # regular expression per paragraph and run. Values from data never hold them raw
        # (ooxml_text.text_markup writes character references), so usually there is nothing to do.
        if ooxml_text.has_listing_characters(xml):
            return str(super().resolve_listing(xml))
        return xml


class TemplateProblem(Exception):
    """A tag of the template that cannot be filled, raised while rendering the part
    `part_name` (/word/document.xml); `locate.runtime_problem` locates it. Only `render`
    catches it: it never leaves the templating package."""

    def __init__(self, part_name: str, error: BaseException) -> None:
        super().__init__(f"{part_name}: {error}")
        self.part_name, self.error = part_name, error


class _Environment(BoundedSandbox):
    """The sandbox, keeping each part's compiled code by its source.

    docxtpl hands Jinja every part of the template as a new source on every render, and
    compiling them is a sixth of a warm render and more of a cold one. The code depends
    only on the source and on this class's settings (`_settings`), so a second render of
    the same template reuses it, and so does the next process (`reportgen.templating.cache`).
    """

    _compiled: ClassVar[Memo[str, CodeType]] = Memo(64)

    def _settings(self) -> list[str]:
        """What compiled code depends on besides its source: the names of the filters and
        tests (an unknown one is an error when compiling) and the environment's options."""
        return [
            type(self).__name__,
            sandbox.SOURCE_DIGEST,  # the hooks its parse adds to every loop and concatenation
            repr((self.autoescape, self.finalize is not None, self.keep_trailing_newline)),
            self.undefined.__name__,
            ",".join(sorted(self.filters)),
            ",".join(sorted(self.tests)),
        ]

    def from_string(
        self,
        source: str | jinja2.nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[jinja2.Template] | None = None,
    ) -> jinja2.Template:
        if not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        code = self._compiled.get(
            source,
            lambda: cache.code(source, lambda: self.compile(source), self._settings()),
        )
        cls = template_class or self.template_class
        return cls.from_code(self, code, self.make_globals(globals), None)


_finalize = dry_run.finalize
"""Every printed value as Word text (the sandbox's `finalize`)."""


def environment(formats: Formats, limits: Limits | None = None) -> jinja2.Environment:
    """The Jinja environment templates are rendered in: sandboxed, escaping, strict (the
    one `reportgen check` fills a template in, keeping each part's compiled code)."""
    return dry_run.sandboxed(formats, limits, _Environment)
