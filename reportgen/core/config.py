"""Where reportgen finds and puts things by default: the data, templates and their
catalogues, the report, the schemas, and the template cache.

Every default path is here, relative to the folder reportgen runs in, like the paths a user
gives; the shipped templates are found beside the package. The environment is read for the
cache folder here, and for the limits in `reportgen.core.limits`: nowhere else.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from reportgen.core.languages import LANGUAGES

DEFAULT_DATA = Path("data")
DEFAULT_TEMPLATE = Path("templates/report.docx")
DEFAULT_OUTPUT = Path("output/report.docx")
DEFAULT_OUTPUTS = Path("output")
DEFAULT_SCHEMAS = Path("schemas")  # beside data/: the data files' modelines say ../schemas/

SHIPPED = Path(__file__).resolve().parents[2] / "templates"
"""The folder of the shipped templates and their catalogues."""

CACHE_VARIABLE = "REPORTGEN_CACHE"
"""The environment variable naming the template cache's folder, or `off`."""


def template_for(lang: str, given: Path | None = None, kind: str = "report") -> Path:
    """The template a document of `kind` (report, annex, letter) in `lang` is built from:
    `given`, or the shipped one of its language (templates/report.docx for English,
    templates/report.fr.docx, templates/letter.es.docx...)."""
    if given is not None:
        return given
    if kind == "report":
        return DEFAULT_TEMPLATE if lang == "en" else Path(f"templates/report.{lang}.docx")
    return DEFAULT_TEMPLATE.parent / (f"{kind}.docx" if lang == "en" else f"{kind}.{lang}.docx")


def output_for(lang: str, given: Path | None = None, kind: str = "report") -> Path:
    """Where a document of `kind` (report, annex) in `lang` is written: `given`, or by
    default output/report.docx (English), output/report.fr.docx, output/annex.es.docx...
    One file per language: there is no second English report (report.en.docx) that could
    disagree with the first."""
    if given is not None:
        return given
    if kind == "report" and lang == "en":
        return DEFAULT_OUTPUT
    return DEFAULT_OUTPUTS / (f"{kind}.docx" if lang == "en" else f"{kind}.{lang}.docx")


LETTERS_FOLDER = DEFAULT_OUTPUTS / "letters"
"""Where a campaign's letters are written: output/letters/<campaign>/."""


def built_languages(templates: Path | None = None, kind: str = "report") -> list[str]:
    """The languages `reportgen build` builds a document of `kind` in when it is given
    none: each one whose template is in templates/ (report.docx for English,
    report.fr.docx...), in the order of `LANGUAGES`; English alone when there is none, so
    that the build says what is missing."""
    folder = DEFAULT_TEMPLATE.parent if templates is None else templates
    found = [lang for lang in LANGUAGES if (folder / template_for(lang, kind=kind).name).is_file()]
    return found or ["en"]


PREVIOUS_FOLDER = "previous"
"""The folder beside a report where a build keeps the report it replaces."""


def previous_of(output: Path) -> Path:
    """Where a build keeps the report it replaces: previous/ beside it
    (output/previous/report.docx for output/report.docx)."""
    return output.parent / PREVIOUS_FOLDER / output.name


def changes_for(lang: str, given: Path | None = None) -> Path:
    """Where `reportgen redline` writes the tracked changes of a report in `lang`: `given`,
    or by default output/changes.docx (English), output/changes.fr.docx..."""
    if given is not None:
        return given
    return DEFAULT_OUTPUTS / ("changes.docx" if lang == "en" else f"changes.{lang}.docx")


def catalogue_for(template: Path, shipped: Path) -> Path:
    """The catalogue of a template: the file beside it with the same name and `.ftl`
    (templates/report.fr.ftl for templates/report.fr.docx); for a template without one (a
    copy of it elsewhere), `shipped`, the shipped catalogue of its kind and language."""
    beside = template.with_suffix(".ftl")
    if beside.exists() or beside.is_symlink():  # a FIFO or a device is refused when read
        return beside
    return shipped


def cache_folder(environ: Mapping[str, str] | None = None) -> Path | None:
    """The folder the template cache makes its own subfolder in (`CACHE_SUBFOLDER`), or
    None when it is off: `$REPORTGEN_CACHE`, or `private_cache_folder()`;
    `REPORTGEN_CACHE=off` turns it off."""
    environ = os.environ if environ is None else environ
    configured = environ.get(CACHE_VARIABLE, "")
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured)
    return private_cache_folder(environ)


def private_cache_folder(environ: Mapping[str, str] | None = None) -> Path:
    """The user's own cache folder for reportgen: `reportgen` under `$XDG_CACHE_HOME`
    (`~/.cache`), where the template cache keeps its entries unless `$REPORTGEN_CACHE`
    says otherwise."""
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportgen"


def key_folder(environ: Mapping[str, str] | None = None) -> Path:
    """Where the template cache's key is kept: `reportgen` under `$XDG_STATE_HOME`
    (`~/.local/state`), never under a cache folder. A cache folder is what CI restores from
    another branch, a sync tool copies and a colleague shares; whoever supplies it must not
    supply what authenticates its entries as well."""
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "reportgen"


CACHE_SUBFOLDER = "reportgen-compiled"
"""The subfolder of the cache folder that reportgen creates for itself (mode 0700): its
entries, nothing else. Nothing outside it is read or removed."""
