"""The French texts of the template, by English run text (see template_text.py)."""

TEXTS: dict[str, str] = {}
