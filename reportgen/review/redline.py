"""What changed between two Word documents: a diff of their text, or a Word redline.

`diff_documents` compares the text renditions (`reportgen.text`), so that a reviewer sees
paragraphs, table rows and footnotes that changed, not XML. `redline` asks the docxodus
engine of python-redlines (the optional extra `reportgen[redline]`) for a Word document
whose tracked changes (w:ins / w:del) a reviewer accepts or rejects in Word.
"""

from __future__ import annotations

import bisect
import contextlib
import ctypes
import datetime as dt
import difflib
import fcntl
import importlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Literal, Protocol, TextIO

from reportgen.core.limits import MB, Limits, from_environment, refused
from reportgen.core.problems import InputError
from reportgen.core.writing import output_problem, write_atomically
from reportgen.ooxml.package import NotADocx, open_docx
from reportgen.ooxml.writer import normalise_package
from reportgen.review.rendition import rendition

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
    """What reportgen uses of a python-redlines engine: the command that runs it."""

    def _build_command(
        self, author_tag: str, original: str, modified: str, target: str, *, date_time: str
    ) -> list[str]: ...


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
    matcher = _Matched(a, b)
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


Opcode = tuple[Literal["replace", "delete", "insert", "equal"], int, int, int, int]
"""What turns a[i1:i2] into b[j1:j2]: "equal", "replace", "delete" or "insert" (difflib's)."""

_SMALL = 250_000
"""Pairs of items up to which difflib's matcher, quadratic, is left to align a region."""


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """difflib's opcodes from `a` to `b`, in time near-linear in their lengths.

    difflib's matcher compares every item with every other that is equal to it: two
    renditions of 50,000 paragraphs, or a paragraph of 100,000 words, took minutes. Here
    the common head and tail are taken first; what is left is cut at the items that appear
    exactly once in each side, in the same order (patience diff); difflib aligns only the
    pieces left between them, and only when they are small. A large piece without such
    anchors is shown as replaced whole, which is still a correct diff. Small inputs get
    difflib's own alignment.
    """
    if len(a) * len(b) <= _SMALL:  # small: exactly difflib's alignment
        return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: list[Opcode] = []
    pending = [(0, len(a), 0, len(b))]
    while pending:
        alo, ahi, blo, bhi = pending.pop()
        head = 0
        while alo + head < ahi and blo + head < bhi and a[alo + head] == b[blo + head]:
            head += 1
        tail = 0
        while (
            ahi - tail > alo + head
            and bhi - tail > blo + head
            and a[ahi - tail - 1] == b[bhi - tail - 1]
        ):
            tail += 1
        if head:
            out.append(("equal", alo, alo + head, blo, blo + head))
        if tail:
            out.append(("equal", ahi - tail, ahi, bhi - tail, bhi))
        alo, ahi, blo, bhi = alo + head, ahi - tail, blo + head, bhi - tail
        if alo == ahi and blo == bhi:
            continue
        if alo == ahi or blo == bhi:
            out.append(("insert" if alo == ahi else "delete", alo, ahi, blo, bhi))
            continue
        anchors = _anchors(a, alo, ahi, b, blo, bhi)
        if anchors:
            starts = [(alo, blo), *((i + 1, j + 1) for i, j in anchors)]
            ends = [*anchors, (ahi, bhi)]
            out += [("equal", i, i + 1, j, j + 1) for i, j in anchors]
            pending += [(i1, i2, j1, j2) for (i1, j1), (i2, j2) in zip(starts, ends, strict=True)]
        elif (ahi - alo) * (bhi - blo) <= _SMALL:
            matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            out += [
                (tag, alo + i1, alo + i2, blo + j1, blo + j2)
                for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            ]
        else:
            out.append(("replace", alo, ahi, blo, bhi))
    return _merged(sorted(out, key=lambda op: (op[1], op[3])))


def _anchors(
    a: Sequence[str], alo: int, ahi: int, b: Sequence[str], blo: int, bhi: int
) -> list[tuple[int, int]]:
    """The items found once in a[alo:ahi] and once in b[blo:bhi], the longest run of them
    in the same order on both sides, as (i, j) pairs."""
    counts: dict[str, list[int]] = {}
    for i in range(alo, ahi):
        entry = counts.setdefault(a[i], [0, i, 0, -1])
        entry[0] += 1
    for j in range(blo, bhi):
        entry = counts.get(b[j])  # type: ignore[assignment]
        if entry is not None:
            entry[2] += 1
            entry[3] = j
    pairs = sorted((e[1], e[3]) for e in counts.values() if e[0] == 1 and e[2] == 1)
    # The longest increasing run of j (patience sorting), in O(n log n).
    tops: list[int] = []
    links: list[int] = []
    top_index: list[int] = []
    for index, (_, j) in enumerate(pairs):
        place = bisect.bisect_left(tops, j)
        if place == len(tops):
            tops.append(j)
            top_index.append(index)
        else:
            tops[place] = j
            top_index[place] = index
        links.append(top_index[place - 1] if place else -1)
    run: list[tuple[int, int]] = []
    at = top_index[-1] if top_index else -1
    while at >= 0:
        run.append(pairs[at])
        at = links[at]
    return run[::-1]


def _merged(codes: list[Opcode]) -> list[Opcode]:
    """Opcodes that tile both sides, neighbours of one kind joined as difflib gives them:
    equal runs as one, and changes side by side as one replace (or delete, or insert)."""
    out: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        if i1 == i2 and j1 == j2:
            continue
        if out and (out[-1][0] == "equal") == (tag == "equal"):
            _, i1, _, j1, _ = out.pop()
            if tag != "equal":
                tag = "replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert"
        out.append((tag, i1, i2, j1, j2))
    return out or [("equal", 0, 0, 0, 0)]


class _Matched(difflib.SequenceMatcher[str]):
    """difflib's grouping of opcodes into hunks, over the opcodes of `opcodes`."""

    def __init__(self, a: Sequence[str], b: Sequence[str]) -> None:
        super().__init__(None, [], [], autojunk=False)
        self.a, self.b = a, b
        self._codes = opcodes(a, b)

    def get_opcodes(self) -> list[Opcode]:
        return list(self._codes)


def _range(start: int, stop: int) -> str:
    """A hunk's line range as diff(1) writes it: "12,3", "12" for one line, "11,0" for none."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def diff_documents(old: Path, new: Path, context: int = 3) -> list[str]:
    """The unified diff of the text renditions of two .docx files; [] when they read the same.

    Raises `reportgen.review.rendition.NotADocx` when either file is not a readable .docx.
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
    old_out: list[str] = []
    new_out: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes(old_words, new_words):
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
    The engine reads only the parts of each document that Word reads (within
    `reportgen.limits`), runs under the redline limits of time and memory, and its
    output keeps only the parts its relationships reach.
    Raises NotADocx for an input that is not a .docx, RedlineUnavailable when the
    optional extra is missing, RedlineFailed when the engine cannot compare the two.
    """
    limits = from_environment()
    old_package, new_package = open_docx(old, limits), open_docx(new, limits)
    engine = _engine()
    when = _utc(date).strftime("%Y-%m-%dT%H:%M:%SZ")
    _remove_abandoned_scratch()
    with tempfile.TemporaryDirectory(prefix=_SCRATCH) as scratch, _locked(Path(scratch)):
        original, modified = Path(scratch, "old.docx"), Path(scratch, "new.docx")
        target = Path(scratch, "redline.docx")
        original.write_bytes(old_package.sanitised())
        modified.write_bytes(new_package.sanitised())
        command = engine._build_command(
            author, str(original), str(modified), str(target), date_time=when
        )
        _run_engine(command, limits, f"{old} and {new}")
        try:
            written = open_docx(target, limits)
        except NotADocx as error:
            reason = str(error).removeprefix(f"{target}: ")
            raise RedlineFailed(
                f"the redline engine wrote no usable document for {old} and {new}: {reason}"
            ) from None
    return normalise_package(written.sanitised())


_SCRATCH = "reportgen-redline-"
"""The prefix of the folder each redline works in, in the temporary folder."""


@contextlib.contextmanager
def _locked(scratch: Path) -> Iterator[None]:
    """Hold a lock in `scratch` while the redline works there: a lock dies with its
    process, so a folder whose lock is free was left by a redline that was killed."""
    with open(scratch / "lock", "wb") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        yield


def _remove_abandoned_scratch(older_than: float = 10.0) -> None:
    """Remove the working folders of redlines killed before they could (SIGKILL)."""
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob(f"{_SCRATCH}*"):
        with contextlib.suppress(OSError):
            if (
                not folder.is_dir()
                or folder.is_symlink()
                or now - folder.stat().st_mtime < older_than
            ):
                continue
            descriptor = os.open(folder / "lock", os.O_RDONLY | os.O_NOFOLLOW)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a redline at work
            finally:
                os.close(descriptor)
            shutil.rmtree(folder)


def _run_engine(command: list[str], limits: Limits, inputs: str) -> None:
    """Run the comparison engine in a process group of its own, under the redline limits.

    The engine is a .NET program: its heap is capped with DOTNET_GCHeapHardLimit. It is
    killed, with anything it started, when the time runs out and whenever reportgen
    stops first (an error, Ctrl-C, or SIGTERM, which `_terminating` turns into an exit).
    """
    environment = {
        **os.environ,
        "DOTNET_GCHeapHardLimit": f"{limits.redline_memory_mb * MB:x}",
    }
    with _terminating():
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            env=environment,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        try:
            out, err = process.communicate(timeout=limits.redline_seconds)
        except subprocess.TimeoutExpired:
            raise RedlineFailed(
                f"the redline engine could not compare {inputs}: "
                + refused(
                    f"it ran for more than {limits.redline_seconds:g} s",
                    "redline_seconds",
                    limits,
                )
            ) from None
        finally:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    if process.returncode != 0:
        error = subprocess.CalledProcessError(process.returncode, command, out, err)
        reason = _diagnostic(error)
        if process.returncode < 0 or "OutOfMemory" in (err or "") + (out or ""):
            reason = refused(
                f"it needed more than {limits.redline_memory_mb} MB of memory or was stopped "
                f"({reason})",
                "redline_memory_mb",
                limits,
            )
        raise RedlineFailed(f"the redline engine could not compare {inputs}: {reason}")


def _diagnostic(error: Exception) -> str:
    """The engine's own last word on a failure, on one line, without its advice to
    programmers (such as .NET's to set DtdProcessing), which a reader cannot act on."""
    for stream in ("stderr", "stdout"):
        lines = [line.strip() for line in (getattr(error, stream, None) or "").splitlines()]
        lines = [line for line in lines if line]
        if lines:
            return _ADVICE.sub("", lines[-1]).strip()
    return f"{type(error).__name__}: {error}"


_ADVICE = re.compile(r"\s*(?:To enable DTD processing|For security reasons DTD)[^.]*\.?", re.I)


def _die_with_parent() -> None:
    """In the engine's process before it starts: on Linux, be killed when reportgen dies,
    even by SIGKILL, which reportgen cannot catch to kill it itself."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


_PR_SET_PDEATHSIG = 1


@contextlib.contextmanager
def _terminating() -> Iterator[None]:
    """Within the block, SIGTERM exits (status 143) through the usual clean-ups."""

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: signals stay as they are
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def redline(
    old: Path,
    new: Path,
    output: Path,
    *,
    author: str = DEFAULT_REDLINE_AUTHOR,
    date: dt.datetime = DEFAULT_REDLINE_DATE,
) -> Path:
    """Write the redline of `old` against `new` to `output` atomically; return `output`.

    Raises InputError when `output` cannot be written (the previous file stays as it was).
    """
    document = redline_bytes(old, new, author=author, date=date)
    try:
        write_atomically(document, output)
    except OSError as error:
        raise InputError([output_problem(output, error)]) from None
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
