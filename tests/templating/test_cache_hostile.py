"""The template cache under attack (issue 21, defects 1 to 4): whoever can write the cache
folder runs nothing and changes no word of the report, pointing the cache at a folder of
one's own deletes none of its files, and no entry hangs a build or fills its memory.

Each attack is made as a stranger would, on a cache a real build filled: code entries
replaced by code that would create a file, Jinja entries edited, each with the checksum
recomputed (what any stranger can do), or with the user's own key where the folder or the
entries are someone else's. The report's bytes stay those of a build without a cache.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import signal
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reportgen.core.config import CACHE_SUBFOLDER
from reportgen.templating import cache
from tests.conftest import build_in_a_process

OTHER_UID = 4242


@pytest.fixture(scope="module")
def normal(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The report's bytes built without a cache."""
    output = tmp_path_factory.mktemp("normal") / "normal.docx"
    build_in_a_process(output, env={"REPORTGEN_CACHE": "off"})
    return output.read_bytes()


def _fill(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A cache filled by a build: its environment and the folder of its entries."""
    env = {
        "REPORTGEN_CACHE": str(tmp_path / "shared"),
        "XDG_CACHE_HOME": str(tmp_path / "private"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    build_in_a_process(tmp_path / "filling.docx", env=env)
    entries = tmp_path / "shared" / CACHE_SUBFOLDER
    assert any(entries.glob("code-*")) and any(entries.glob("jinja-*"))
    return env, entries


def _entries(tmp_path: Path, kind: str) -> list[Path]:
    """The entries of `kind` wherever a build put them under the shared folder."""
    found = sorted((tmp_path / "shared").rglob(f"{kind}-*"))
    assert found
    return found


def _checksummed(name: str, data: bytes) -> bytes:
    """An entry as a stranger writes it: data after its SHA-256 (the former format)."""
    return hashlib.sha256(data).digest() + data


def _signed(tmp_path: Path) -> Callable[[str, bytes], bytes]:
    """An entry carrying the user's key: what only the user, or a leaked key, can make."""
    key = (tmp_path / "state" / "reportgen" / "cache-key").read_bytes()

    def sign(name: str, data: bytes) -> bytes:
        return hmac.new(key, name.encode() + b"\0" + data, hashlib.sha256).digest() + data

    return sign


def _plant_code(entries: list[Path], marker: Path, seal: Callable[[str, bytes], bytes]) -> None:
    planted = compile(f"open({str(marker)!r}, 'w').close()\n", "planted", "exec")
    for entry in entries:
        mode = entry.stat().st_mode
        entry.chmod(0o600)
        entry.write_bytes(seal(entry.name, marshal.dumps(planted)))
        entry.chmod(stat.S_IMODE(mode))


def _edit_jinja(entries: list[Path], seal: Callable[[str, bytes], bytes]) -> None:
    for entry in entries:
        data = entry.read_bytes()[32:]
        if b"Latest figures" in data:
            entry.write_bytes(seal(entry.name, data.replace(b"Latest figures", b"Planted words")))


def _attacked_build(tmp_path: Path, env: dict[str, str]) -> tuple[bytes, str]:
    output = tmp_path / "attacked.docx"
    done = build_in_a_process(output, env=env)
    return output.read_bytes(), done.stderr


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "template cache" in line]


def test_planted_code_with_a_recomputed_checksum_is_never_run(
    tmp_path: Path, normal: bytes
) -> None:
    # Defect 1: fails before the fix (the planted code ran and created the marker).
    env, _ = _fill(tmp_path)
    marker = tmp_path / "planted-code-ran"
    _plant_code(_entries(tmp_path, "code"), marker, _checksummed)
    built, stderr = _attacked_build(tmp_path, env)
    assert not marker.exists()
    assert built == normal
    assert len(_warnings(stderr)) == 1 and "does not carry your key" in stderr


def test_edited_jinja_source_never_changes_the_report(tmp_path: Path, normal: bytes) -> None:
    # Defect 2: fails before the fix (the report said "Planted words", exit 0).
    env, _ = _fill(tmp_path)
    _edit_jinja(_entries(tmp_path, "jinja"), _checksummed)
    built, stderr = _attacked_build(tmp_path, env)
    with zipfile.ZipFile(tmp_path / "attacked.docx") as package:
        assert b"Planted words" not in package.read("word/document.xml")
    assert built == normal
    assert len(_warnings(stderr)) == 1


def test_a_folder_others_may_write_is_not_used_even_with_the_users_key(
    tmp_path: Path, normal: bytes
) -> None:
    env, entries = _fill(tmp_path)
    marker = tmp_path / "planted-code-ran"
    _plant_code(_entries(tmp_path, "code"), marker, _signed(tmp_path))
    _edit_jinja(_entries(tmp_path, "jinja"), _signed(tmp_path))
    entries.chmod(0o770)
    built, stderr = _attacked_build(tmp_path, env)
    assert not marker.exists()
    assert built == normal
    assert len(_warnings(stderr)) == 1 and "others may write" in stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_entries_of_another_user_are_not_used_even_with_the_users_key(
    tmp_path: Path, normal: bytes
) -> None:
    env, _ = _fill(tmp_path)
    marker = tmp_path / "planted-code-ran"
    _plant_code(_entries(tmp_path, "code"), marker, _signed(tmp_path))
    _edit_jinja(_entries(tmp_path, "jinja"), _signed(tmp_path))
    for entry in _entries(tmp_path, "code") + _entries(tmp_path, "jinja"):
        os.chown(entry, OTHER_UID, OTHER_UID)
    built, stderr = _attacked_build(tmp_path, env)
    assert not marker.exists()
    assert built == normal
    assert len(_warnings(stderr)) == 1 and f"another user (uid {OTHER_UID})" in stderr


# --- in one process --------------------------------------------------------------------------


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The cache in tmp_path/shared, its key in tmp_path/private; the folder of entries."""
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "shared"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "private"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(cache, "_warned", [], raising=False)
    yield tmp_path / "shared" / CACHE_SUBFOLDER


def test_a_folder_of_another_user_is_not_used(
    folders: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made = cache.code("source", lambda: compile("made = 1", "made", "exec"))
    assert "made" in made.co_names
    monkeypatch.setattr(os, "geteuid", lambda: os.getuid() + 1)  # the files are not "mine"
    again = cache.code("source", lambda: compile("fresh = 1", "fresh", "exec"))
    assert "fresh" in again.co_names
    assert "belongs to another user" in capsys.readouterr().err


def test_pointing_the_cache_at_a_folder_of_ones_own_removes_none_of_its_files(
    folders: Path, tmp_path: Path
) -> None:
    # Defect 3: fails before the fix (pruning deleted the folder's files beyond the newest 64).
    shared = tmp_path / "shared"  # REPORTGEN_CACHE=~/Documents, say
    shared.mkdir(exist_ok=True)
    documents = [shared / f"document {n}.txt" for n in range(100)]
    documents.append(shared / ("code-" + "0" * 64))  # even a name the cache would give
    for document in documents:
        document.write_text("mine", encoding="utf-8")
    for number in range(cache.LIMIT + 20):
        cache.text("jinja", str(number), str)
    assert all(d.read_text(encoding="utf-8") == "mine" for d in documents)
    assert len(list(folders.glob("jinja-*"))) == cache.LIMIT


@pytest.fixture
def deadline() -> Iterator[None]:
    """A TimeoutError after 10 seconds, instead of a test that hangs."""

    def expired(*_: object) -> None:
        raise TimeoutError("the cache hung")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.usefixtures("deadline")
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "huge"])
def test_an_entry_that_never_ends_or_is_huge_is_not_read(
    folders: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Defect 4: fails before the fix (the FIFO hung, /dev/zero ended in MemoryError, a
    # file of 3 GB was read whole).
    assert cache.text("jinja", "source", lambda: "made") == "made"  # the folder and its key
    entry = next(folders.glob("jinja-*"))
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry, 0o600)
    elif kind == "dev-zero":
        entry.symlink_to("/dev/zero")
    else:
        with entry.open("wb") as out:
            out.truncate(3 * 1024**3)  # sparse: no disk used
    assert cache.text("jinja", "source", lambda: "made afresh") == "made afresh"
    assert "template cache" in capsys.readouterr().err
    if kind != "fifo":  # a regular entry of the cache's own replaces it
        assert cache.text("jinja", "source", lambda: "never made") == "made afresh"


def test_a_cache_folder_restored_from_elsewhere_brings_no_key_and_runs_nothing(
    tmp_path: Path, normal: bytes
) -> None:
    """A CI cache restored from another branch, a synced or copied ~/.cache: the default
    cache folder of one account, with everything in it, given to another. Its owner signed
    the planted entries with whatever key that folder holds; the other account's build
    runs none of them and prints the normal report."""
    attacker = {
        "XDG_CACHE_HOME": str(tmp_path / "attacker" / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "attacker" / "state"),
        "REPORTGEN_CACHE": "",
    }
    build_in_a_process(tmp_path / "attacker.docx", env=attacker)
    restored = tmp_path / "attacker" / "cache"
    assert not [p for p in restored.rglob("*") if p.is_file() and "key" in p.name], (
        "the key is in the cache folder, so whoever supplies the folder supplies the key"
    )
    key = (tmp_path / "attacker" / "state" / "reportgen" / "cache-key").read_bytes()

    def sign(name: str, data: bytes) -> bytes:
        return hmac.new(key, name.encode() + b"\0" + data, hashlib.sha256).digest() + data

    marker = tmp_path / "ran"
    _plant_code(sorted(restored.rglob("code-*")), marker, sign)
    victim = {
        "XDG_CACHE_HOME": str(restored),  # the attacker's folder, as a restore gives it
        "XDG_STATE_HOME": str(tmp_path / "victim" / "state"),
        "REPORTGEN_CACHE": "",
    }
    output = tmp_path / "victim.docx"
    build_in_a_process(output, env=victim)
    assert not marker.exists()
    assert output.read_bytes() == normal


@pytest.mark.parametrize("target_is_folder", [True, False])
def test_a_subfolder_that_is_a_link_is_not_used_and_says_so(
    folders: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], target_is_folder: bool
) -> None:
    target = tmp_path / "elsewhere"
    if target_is_folder:
        target.mkdir(mode=0o700)
    else:
        target.write_bytes(b"")
    folders.parent.mkdir(parents=True, exist_ok=True)
    folders.symlink_to(target)
    made = cache.text("jinja", "source", lambda: "made afresh")
    assert made == "made afresh"
    assert "symbolic link" in capsys.readouterr().err
    assert list(target.iterdir()) == [] if target_is_folder else target.read_bytes() == b""
