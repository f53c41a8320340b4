"""What changed between two Word documents, as a Word document of tracked changes.

`redline` asks the docxodus engine of python-redlines (the optional extra
`reportgen[redline]`) for a Word document whose tracked changes (w:ins / w:del) a reviewer
accepts or rejects in Word. The engine runs in a sandboxed subprocess of its own, under the
redline limits of time and memory (`reportgen.core.limits`).
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import importlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from reportgen.core import locks
from reportgen.core.errors import BadInput, MissingTool
from reportgen.core.limits import MB, Limits, from_environment, refused
from reportgen.core.problems import InputError
from reportgen.core.writing import output_problem, write_atomically
from reportgen.ooxml import revisions
from reportgen.ooxml.package import NotADocx, Package, open_docx
from reportgen.ooxml.writer import normalise_package

# Revisions carry an author and a date; fixed defaults give the same bytes for the same
# inputs. 1980-01-01 is also the time normalise_package gives every zip entry.
DEFAULT_REDLINE_AUTHOR = "reportgen"
DEFAULT_REDLINE_DATE = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
REDLINE_EXTRA = "pip install 'reportgen[redline]'"


class _Engine(Protocol):
    """What reportgen uses of a python-redlines engine: the command that runs it."""

    def _build_command(
        self, author_tag: str, original: str, modified: str, target: str, *, date_time: str
    ) -> list[str]: ...


class RedlineUnavailable(MissingTool, RuntimeError):
    """python-redlines or its docxodus engine is not installed."""


class RedlineFailed(BadInput, RuntimeError):
    """The comparison engine ran but could not compare the two documents."""


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
    limits: Limits | None = None,
) -> bytes:
    """A .docx showing `new` with its differences from `old` as Word tracked changes.

    The bytes are normalised: the same inputs, author and date give the same bytes.
    The engine reads only the parts of each document that Word reads (within `limits`,
    by default those the environment sets), runs under the redline limits of time and
    memory, and its output keeps only the parts its relationships reach.
    Raises NotADocx for an input that is not a .docx, RedlineUnavailable when the
    optional extra is missing, RedlineFailed when the engine cannot compare the two.
    """
    limits = from_environment() if limits is None else limits
    old_package, new_package = open_docx(old, limits), open_docx(new, limits)
    engine = _engine()
    when = _utc(date).strftime("%Y-%m-%dT%H:%M:%SZ")
    _remove_abandoned_scratch()
    with tempfile.TemporaryDirectory(prefix=_SCRATCH) as scratch, _locked(Path(scratch)):
        original, modified = Path(scratch, "old.docx"), Path(scratch, "new.docx")
        target = Path(scratch, "redline.docx")
        old_main, new_main, aside = revisions.set_tables_aside(
            old_package.parts[old_package.main], new_package.parts[new_package.main]
        )
        original.write_bytes(_with_part(old_package, old_package.main, old_main))
        modified.write_bytes(_with_part(new_package, new_package.main, new_main))
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
    return normalise_package(_finished(written, aside, revisions.Revision(author, when), limits))


def _with_part(package: Package, name: str, body: bytes) -> bytes:
    """The package's reached parts as a zip, with part `name` replaced by `body`."""
    return replace(package, parts={**package.parts, name: body}).sanitised()


def _finished(
    written: Package, aside: revisions.SetAside, revision: revisions.Revision, limits: Limits
) -> bytes:
    """The engine's output with reportgen's own work on it (reportgen.ooxml.revisions):
    tables put back compared cell by cell, a changed chart shown once, row marks made
    schema-valid; then only the parts its relationships still reach."""
    main = written.main
    document = revisions.put_tables_back(written.parts[main], aside, revision)
    document, dropped, charts = revisions.show_changed_charts_once(document)
    document = revisions.complete_row_properties(document)
    folder, _, leaf = main.rpartition("/")
    links = f"{folder}/_rels/{leaf}.rels"
    parts = {**written.parts, main: document}
    added = {}
    if charts:
        comments = f"{folder}/comments.xml"
        if comments in parts:  # the engine's own comments: theirs, ours would collide
            raise RedlineFailed("the redline engine wrote comments of its own")
        parts[comments] = revisions.comments_part(charts, revision)
        parts["[Content_Types].xml"] = revisions.with_content_type(
            parts["[Content_Types].xml"], f"/{comments}", revisions.COMMENTS_TYPE
        )
        added["comments.xml"] = revisions.COMMENTS_RELATIONSHIP
    parts[links] = revisions.relink(parts[links], dropped, added)
    return open_docx(replace(written, parts=parts).sanitised(), limits).sanitised()


_SCRATCH = "reportgen-redline-"
"""The prefix of the folder each redline works in, in the temporary folder."""


@contextlib.contextmanager
def _locked(scratch: Path) -> Iterator[None]:
    """Hold a lock in `scratch` while the redline works there: a lock dies with its
    process, so a folder whose lock is free was left by a redline that was killed."""
    with open(scratch / "lock", "wb") as lock:
        locks.lock(lock.fileno())
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
            descriptor = os.open(folder / "lock", os.O_RDONLY | locks.NOFOLLOW)
            try:
                if not locks.try_lock(descriptor):
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
            start_new_session=locks.POSIX,
            preexec_fn=_die_with_parent if locks.POSIX else None,
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
                    if locks.POSIX:  # the engine and whatever it started
                        os.killpg(process.pid, signal.SIGKILL)
                    else:
                        process.kill()
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
    limits: Limits | None = None,
) -> Path:
    """Write the redline of `old` against `new` to `output` atomically; return `output`.

    Raises InputError when `output` cannot be written (the previous file stays as it was).
    """
    document = redline_bytes(old, new, author=author, date=date, limits=limits)
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
