"""The cache of what the template's text alone decides (reportgen.cache): it only saves time.

A build with the cache, without it, with a damaged one, or in another process writes the
same bytes; a changed template is never served the old one's code. Hostile entries (planted
code, edited Jinja source, a FIFO, a link to /dev/zero, someone else's files) are never
run nor read whole, and a folder the cache is pointed at keeps every file of its own.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from reportgen.core.config import CACHE_SUBFOLDER
from reportgen.templating import cache
from tests.conftest import TEMPLATE, build_in_a_process


def _build(tmp_path: Path, name: str, folder: str, template: Path = TEMPLATE) -> bytes:
    """A cold build in a process of its own, with REPORTGEN_CACHE set to `folder`."""
    output = tmp_path / f"{name}.docx"
    build_in_a_process(output, template=template, env={"REPORTGEN_CACHE": folder})
    return output.read_bytes()


def test_a_cold_build_gives_the_same_bytes_with_and_without_its_cache(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    without = _build(tmp_path, "without", "off")
    filling = _build(tmp_path, "filling", str(folder))
    entries = sorted(p.name.split("-")[0] for p in (folder / CACHE_SUBFOLDER).iterdir())
    assert "code" in entries and "jinja" in entries  # what the next process reuses
    reusing = _build(tmp_path, "reusing", str(folder))
    assert without == filling == reusing
    for entry in (folder / CACHE_SUBFOLDER).glob("*-*"):  # damaged entries are made afresh
        entry.write_bytes(b"\x00 not what was stored")
    assert _build(tmp_path, "damaged", str(folder)) == without


def test_the_cache_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTGEN_CACHE", "off")
    assert cache.folder() is None
    made: list[str] = []

    def make() -> str:
        made.append("made")
        return "made"

    assert cache.text("jinja", "source", make) == "made"
    assert cache.text("jinja", "source", make) == "made"
    assert made == ["made", "made"]


def test_an_entry_is_kept_by_everything_it_depends_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "private"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert cache.text("jinja", "a", lambda: "made from a") == "made from a"
    assert cache.text("jinja", "a", lambda: "never made") == "made from a"
    assert cache.text("jinja", "b", lambda: "made from b") == "made from b"
    assert cache.text("jinja", "a", lambda: "other filters", ["f"]) == "other filters"
    for number in range(cache.LIMIT + 5):
        cache.text("jinja", str(number), str)
    assert len(list((tmp_path / CACHE_SUBFOLDER).iterdir())) == cache.LIMIT


def test_an_unwritable_cache_does_not_stop_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("REPORTGEN_CACHE", str(blocker / "cache"))
    assert cache.text("jinja", "source", lambda: "made") == "made"


def test_a_template_edited_between_builds_is_compiled_anew(tmp_path: Path) -> None:
    # The same cache folder, a template whose title placeholder changed: the new text shows.
    folder = str(tmp_path / "cache")
    first = _build(tmp_path, "first", folder)
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(edited, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b">I. Latest figures<", b">I. The latest figures<")
            target.writestr(info, data)
    shutil.copyfile(TEMPLATE.with_suffix(".ftl"), edited.with_suffix(".ftl"))  # not the user's
    second = _build(tmp_path, "second", folder, edited)
    assert first != second
    with zipfile.ZipFile(io.BytesIO(second)) as package:
        assert b"I. The latest figures" in package.read("word/document.xml")


def test_compiled_code_depends_on_the_sandbox_that_adds_the_limits() -> None:
    """Code kept on disk before a change to the sandbox's loop and size hooks is never
    loaded after it: the sandbox's own text is part of the key."""
    from reportgen.language.formats import Formats
    from reportgen.templating import sandbox
    from reportgen.templating.docxtpl import environment

    settings = environment(Formats("en"))._settings()  # type: ignore[attr-defined]
    assert sandbox.SOURCE_DIGEST in settings
