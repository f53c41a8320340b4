"""Which module writes each language: the languages with rules of their own, by code.

Adding one is its module (language/xx.py, with `LANGUAGE`, an object of the protocol
`base.Language`), one line of `REGISTERED`, its code in `reportgen.core.languages`, its names
in data/names.yaml and its template and catalogue. A language that is not registered is
written by babel and num2words (`default.Default`). Modules are imported when first asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

    from reportgen.language.base import Language

REGISTERED = {
    "fr": "reportgen.language.fr",
    "es": "reportgen.language.es",
}
"""The module of each language with rules of its own (the UN's editorial rules), by code."""


def language_for(locale: str | Locale) -> Language:
    """The language of a locale ("fr", "en_GB"): its own rules when registered, babel's and
    num2words' otherwise."""
    from babel import Locale

    parsed = locale if isinstance(locale, Locale) else Locale.parse(locale)
    module = REGISTERED.get(parsed.language)
    if module is None:
        from reportgen.language.default import Default

        return Default(parsed)
    language: Language = importlib.import_module(module).LANGUAGE
    return language
