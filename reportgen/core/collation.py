"""Alphabetical order without a language's own rules: accents and case do not count.

The figures sort States with it (a language-neutral order, so that they are the same in every
report); a language with rules of its own sorts its names with its own `collation_key`.
"""

from __future__ import annotations

import unicodedata


def collation_key(name: str) -> tuple[str, str]:
    """Alphabetical order as a reader expects it: accents and case do not count (Côte, Costa)."""
    if name.isascii():  # nothing to decompose (most names): the same key, sooner
        return (name.casefold(), name)
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return (folded.casefold(), name)
