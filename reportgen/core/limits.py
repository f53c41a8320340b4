"""What one input may cost: the limits on .docx packages, templates and the redline engine.

Every input from outside (a .docx given to `text`, `diff` or `redline`, a template) is read
under these limits, so that a hostile or broken file is refused in a bounded time and
memory instead of running for hours or filling the machine. Each default is far above what
a real report needs (the 4MSP report unpacks to about 240 kB and renders in under a second);
each can be raised through the environment variable named beside it, for instance
`REPORTGEN_MAX_PART_MB=200 reportgen text huge.docx`. The README's "Limits" section lists
them for users.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from reportgen.core.problems import InputError, Problem

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits in force, each with the environment variable that sets it."""

    max_parts: int = 2000
    """Parts (zip members) in one .docx (REPORTGEN_MAX_PARTS). Word writes a few dozen."""

    max_part_mb: int = 16
    """Unpacked megabytes of one XML part, such as the main document (REPORTGEN_MAX_PART_MB).
    A 500-page report is about 5 MB; reading text costs up to 60 times the part's size."""

    max_xml_mb: int = 32
    """Unpacked megabytes of all the XML parts read from one .docx (REPORTGEN_MAX_XML_MB):
    what reading text costs is in proportion to it."""

    max_media_mb: int = 64
    """Unpacked megabytes of one part that is not XML, such as a picture
    (REPORTGEN_MAX_MEDIA_MB)."""

    max_unpacked_mb: int = 256
    """Unpacked megabytes of all the parts read from one .docx (REPORTGEN_MAX_UNPACKED_MB);
    also the largest .docx file read."""

    max_ratio: int = 100
    """How many times larger than its compressed size a part may unpack, for parts over
    1 MB (REPORTGEN_MAX_RATIO). Word's XML compresses 5 to 30 times; a zip bomb, 1000."""

    template_seconds: float = 30.0
    """Seconds a template may take to render (REPORTGEN_TEMPLATE_SECONDS)."""

    template_loops: int = 1_000_000
    """Loop iterations in one render of a template (REPORTGEN_TEMPLATE_LOOPS)."""

    template_output_mb: int = 64
    """Megabytes of text one render of a template may produce, or any one value in it
    (REPORTGEN_TEMPLATE_OUTPUT_MB)."""

    redline_seconds: float = 300.0
    """Seconds the redline engine may run (REPORTGEN_REDLINE_SECONDS)."""

    redline_memory_mb: int = 4096
    """Megabytes of memory the redline engine may use (REPORTGEN_REDLINE_MEMORY_MB)."""

    @property
    def max_part_bytes(self) -> int:
        return self.max_part_mb * MB

    @property
    def max_media_bytes(self) -> int:
        return self.max_media_mb * MB

    @property
    def max_unpacked_bytes(self) -> int:
        return self.max_unpacked_mb * MB

    @property
    def template_output_chars(self) -> int:
        return self.template_output_mb * MB


def variable(name: str) -> str:
    """The environment variable that sets the limit `name` (a field of Limits)."""
    return "REPORTGEN_" + name.upper()


def from_environment(environ: Mapping[str, str] | None = None) -> Limits:
    """The defaults, with each limit the environment sets; InputError if one is not a number."""
    environ = os.environ if environ is None else environ
    values: dict[str, float | int] = {}
    problems = []
    for field in fields(Limits):
        text = environ.get(variable(field.name))
        if text is None or not text.strip():
            continue
        kind = float if field.type == "float" else int
        try:
            value = kind(text.strip())
        except ValueError:
            value = 0
        if value <= 0:
            problems.append(
                Problem.about(
                    "environment",
                    variable(field.name),
                    f"{text!r} is not a positive {'number' if kind is float else 'whole number'}",
                )
            )
            continue
        values[field.name] = value
    if problems:
        raise InputError(problems)
    return Limits(**values)  # type: ignore[arg-type]


def refused(what: str, limit_name: str, limits: Limits) -> str:
    """The end of a message about a limit reached: how much it is and how to raise it."""
    value = getattr(limits, limit_name)
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{what}; refused (raise {variable(limit_name)}, now {shown}, to allow it)"
