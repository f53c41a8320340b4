"""The languages reportgen builds a report in, by code.

Here rather than beside the languages' rules (reportgen.language) because the inputs, below
them, read a text in the language being built and name it in their messages.
"""

from __future__ import annotations

LANGUAGES = {"en": "English", "fr": "French", "es": "Spanish"}
"""The languages a report can be built in (`reportgen build --lang`), by code."""
