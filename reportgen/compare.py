"""What changed between two Word documents: a diff of their text, or a Word redline.

`diff_documents` compares the text renditions (`reportgen.text`), so that a reviewer sees
paragraphs, table rows and footnotes that changed, not XML. `redline` asks the docxodus
engine of python-redlines (the optional extra `reportgen[redline]`) for a Word document
whose tracked changes (w:ins / w:del) a reviewer accepts or rejects in Word.
"""

from __future__ import annotations

import datetime as dt
import difflib
import importlib
import os
import re
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Protocol, TextIO

from reportgen.ooxml import normalise_package
from reportgen.text import read_docx, rendition
from reportgen.write import write_atomically

# Revisions carry an author and a date; fixed defaults give the same bytes for the same
# inputs. 1980-01-01 is also the time normalise_package gives every zip entry.
DEFAULT_REDLINE_AUTHOR = "reportgen"
DEFAULT_REDLINE_DATE = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
REDLINE_EXTRA = "pip install 'reportgen[redline]'"

# git's default colours: headers bold, hunk ranges cyan, removals red, additions green;
# reverse video marks the words that changed inside a changed line.
_BOLD, _CYAN, _RED, _GREEN = "\033[1m", "\033[36m", "\033[31m", "\033[32m"
_REVERSE, _REVERSE_OFF, _RESET = "\033[7m", "\033[27m", "\033[0m"
_WORDS = re.compile(r"\w+|\s+|[^\w\s]")


class _Engine(Protocol):
    """What reportgen uses of a python-redlines engine."""

    def run_redline(
        self, author_tag: str, original: Path, modified: Path, *, date_time: str
    ) -> tuple[bytes, str | None, str | None]: ...


class RedlineUnavailable(RuntimeError):
    """python-redlines or its docxodus engine is not installed."""


class RedlineFailed(RuntimeError):
    """The comparison engine ran but could not compare the two documents."""


def diff_texts(
    old: str, new: str, old_name: str = "old", new_name: str = "new", context: int = 3
) -> list[str]:
    """The unified diff of two renditions, one line per item without newlines; [] if equal.

    Unlike `difflib.unified_diff`, the matcher does not treat frequent lines (the blank
    lines around every table) as junk, so that unchanged lines are never shown as changed.
    """
    if context < 0:
        raise ValueError(f"context is a number of lines, 0 or more, not {context}")
    a, b = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[str] = []
    for group in matcher.get_grouped_opcodes(context):
        if not out:
            out += [f"--- {old_name}", f"+++ {new_name}"]
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [f" {line}" for line in a[i1:i2]]
                continue
            out += [f"-{line}" for line in a[i1:i2]]
            out += [f"+{line}" for line in b[j1:j2]]
    return out


def _range(start: int, stop: int) -> str:
    """A hunk's line range as diff(1) writes it: "12,3", "12" for one line, "11,0" for none."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def diff_documents(old: Path, new: Path, context: int = 3) -> list[str]:
    """The unified diff of the text renditions of two .docx files; [] when they read the same.

    Raises `reportgen.text.NotADocx` when either file is not a readable .docx.
    """
    return diff_texts(rendition(old), rendition(new), str(old), str(new), context)


def wants_colour(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org) or TERM=dumb."""
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def colourise(lines: Iterable[str]) -> Iterator[str]:
    """A unified diff with ANSI colours, the changed words of paired lines in reverse video.

    A paragraph is one line of the rendition, so a changed figure would otherwise colour a
    whole paragraph; pairing each run of removed lines with the added lines that follow it
    points at the words that changed.
    """
    removed: list[str] = []
    added: list[str] = []

    def flush() -> Iterator[str]:
        if len(removed) == len(added):
            for old, new in zip(removed, added, strict=True):
                old_marked, new_marked = _mark_changed_words(old[1:], new[1:])
                yield f"{_RED}-{old_marked}{_RESET}"
                yield f"{_GREEN}+{new_marked}{_RESET}"
        else:
            yield from (f"{_RED}{line}{_RESET}" for line in removed)
            yield from (f"{_GREEN}{line}{_RESET}" for line in added)
        removed.clear()
        added.clear()

    for index, line in enumerate(lines):
        if index < 2 and line.startswith(("---", "+++")):  # the two file headers
            yield f"{_BOLD}{line}{_RESET}"
        elif line.startswith("-"):
            if added:
                yield from flush()
            removed.append(line)
        elif line.startswith("+"):
            added.append(line)
        else:
            yield from flush()
            yield f"{_CYAN}{line}{_RESET}" if line.startswith("@@") else line
    yield from flush()


def _mark_changed_words(old: str, new: str) -> tuple[str, str]:
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    old_out: list[str] = []
    new_out: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        if tag == "equal":
            old_out.append(old_part)
            new_out.append(new_part)
            continue
        if old_part:
            old_out.append(f"{_REVERSE}{old_part}{_REVERSE_OFF}")
        if new_part:
            new_out.append(f"{_REVERSE}{new_part}{_REVERSE_OFF}")
    return "".join(old_out), "".join(new_out)


def parse_revision_date(text: str) -> dt.datetime:
    """An ISO 8601 date or date and time ("2013-09-01", "2013-09-01T10:00:00Z"), in UTC.

    A time without a zone is taken as UTC, so that the same option gives the same redline
    on any machine.
    """
    value = text.strip()
    if value.endswith(("Z", "z")):  # Python 3.10's fromisoformat does not read "Z"
        value = value[:-1] + "+00:00"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{text!r} is not an ISO 8601 date such as 2013-09-01 or 2013-09-01T10:00:00Z"
        ) from None
    return _utc(moment)


def redline_bytes(
    old: Path,
    new: Path,
    *,
    author: str = DEFAULT_REDLINE_AUTHOR,
    date: dt.datetime = DEFAULT_REDLINE_DATE,
) -> bytes:
    """A .docx showing `new` with its differences from `old` as Word tracked changes.

    The bytes are normalised: the same inputs, author and date give the same bytes.
    Raises NotADocx for an input that is not a .docx, RedlineUnavailable when the
    optional extra is missing, RedlineFailed when the engine cannot compare the two.
    """
    read_docx(old)
    read_docx(new)
    engine = _engine()
    when = _utc(date).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        output, _, _ = engine.run_redline(author, old, new, date_time=when)
    except (subprocess.CalledProcessError, OSError) as error:
        # python-redlines raises EngineExecutionError, a CalledProcessError that carries
        # the engine's own diagnostics.
        raise RedlineFailed(
            f"the redline engine could not compare {old} and {new}: {_diagnostic(error)}"
        ) from error
    return normalise_package(bytes(output))


def _diagnostic(error: Exception) -> str:
    """The engine's own last word on a failure, on one line."""
    for stream in ("stderr", "stdout"):
        lines = [line.strip() for line in (getattr(error, stream, None) or "").splitlines()]
        lines = [line for line in lines if line]
        if lines:
            return lines[-1]
    return f"{type(error).__name__}: {error}"


def redline(
    old: Path,
    new: Path,
    output: Path,
    *,
    author: str = DEFAULT_REDLINE_AUTHOR,
    date: dt.datetime = DEFAULT_REDLINE_DATE,
) -> Path:
    """Write the redline of `old` against `new` to `output` atomically; return `output`."""
    write_atomically(redline_bytes(old, new, author=author, date=date), output)
    return output


def _engine() -> _Engine:
    """python-redlines' docxodus engine, imported only when a redline is asked for."""
    try:
        engines = importlib.import_module("python_redlines")
        engine: _Engine = engines.DocxodusEngine()
    except ImportError as error:  # the package, or its engine binary (EngineNotInstalledError)
        raise RedlineUnavailable(
            f"reportgen redline needs the optional extra: {REDLINE_EXTRA} ({error})"
        ) from None
    except OSError as error:  # no engine binary for this platform
        raise RedlineUnavailable(f"the redline engine cannot run here: {error}") from None
    return engine


def _utc(moment: dt.datetime) -> dt.datetime:
    """`moment` in UTC; a time without a zone is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)
