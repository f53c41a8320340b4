"""`reportgen import untc --write` writes the data files as a person keeps them (issue 21,
defects 14, 17, 18): a data folder it cannot write is exit 2 with the file named; modes and
symbolic links stay; two imports at once lose no change; the files are replaced together.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reportgen.cli.main import main
from reportgen.core.problems import InputError
from reportgen.depositary import importing
from reportgen.depositary.importing import plan_import, write_plan
from tests.depositary.test_untc_import import XML, _edited

AS_AT = dt.date(2013, 9, 1)
ALBANIA = ("<Entry>16 Jun 2009</Entry>", "<Entry>17 Jun 2009</Entry>")
ANTIGUA = ("<Entry>23 Aug 2010</Entry>", "<Entry>24 Aug 2010</Entry>")


def _source(folder: Path, *edits: tuple[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    return _edited(folder, XML, *edits)


def _files(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data.iterdir())}


def _argv(source: Path, data: Path) -> list[str]:
    return ["import", "untc", str(source), "--data", str(data), "--as-at", AS_AT.isoformat()]


def test_a_data_folder_that_cannot_be_written_is_exit_2_and_names_the_file(
    tmp_path: Path,
    data_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Defect 14: fails before the fix (exit 70, "internal error: PermissionError").
    source = _source(tmp_path / "source", ALBANIA)
    before = _files(data_copy)
    if os.geteuid() == 0:  # root writes anywhere: the system refuses as it would a user
        real_mkstemp = tempfile.mkstemp

        def refused(*args: Any, **kwargs: Any) -> tuple[int, str]:
            if Path(kwargs.get("dir", "")) == data_copy:
                raise PermissionError(13, "Permission denied", str(kwargs["dir"]))
            return real_mkstemp(*args, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", refused)
    else:
        data_copy.chmod(0o555)
    status = main([*_argv(source, data_copy), "--write"])
    data_copy.chmod(0o755)
    err = capsys.readouterr().err
    assert status == 2, err
    assert err.splitlines()[-1] == (
        f"{data_copy / 'states.yaml'}: output: cannot be written (Permission denied)"
    )
    assert _files(data_copy) == before


def test_modes_and_symbolic_links_of_the_data_files_are_kept(
    tmp_path: Path, data_copy: Path
) -> None:
    # Defect 17: fails before the fix (mode 0600, the link replaced by a regular file).
    kept = tmp_path / "kept elsewhere"
    kept.mkdir()
    (data_copy / "states.yaml").rename(kept / "states.yaml")
    (data_copy / "states.yaml").symlink_to(kept / "states.yaml")
    (kept / "states.yaml").chmod(0o664)
    (data_copy / "report.yaml").chmod(0o640)
    assert main([*_argv(_source(tmp_path / "source", ALBANIA), data_copy), "--write"]) == 0
    assert (data_copy / "states.yaml").readlink() == kept / "states.yaml"
    assert "ratification: 2009-06-17" in (kept / "states.yaml").read_text(encoding="utf-8")
    assert stat.S_IMODE((kept / "states.yaml").stat().st_mode) == 0o664
    assert stat.S_IMODE((data_copy / "report.yaml").stat().st_mode) == 0o640
    assert "status_source" in (data_copy / "report.yaml").read_text(encoding="utf-8")


def test_two_imports_at_once_lose_no_change(tmp_path: Path, data_copy: Path) -> None:
    # Defect 18: fails before the fix (both wrote; Albania's change was lost).
    first = plan_import(_source(tmp_path / "a", ALBANIA), data_copy, as_at=AS_AT)
    second = plan_import(_source(tmp_path / "b", ANTIGUA), data_copy, as_at=AS_AT)
    write_plan(first, data_copy)
    written = _files(data_copy)
    with pytest.raises(InputError) as refused:
        write_plan(second, data_copy)
    assert refused.value.lines() == [
        f"{data_copy / 'states.yaml'}: import: changed since the import read it (another "
        "import, or an editor): nothing written; run the import again"
    ]
    assert _files(data_copy) == written
    assert "ratification: 2009-06-17" in (data_copy / "states.yaml").read_text(encoding="utf-8")


def test_an_import_waits_for_another_writing_the_folder_then_gives_up(
    tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Defect 18: fails before the fix (nothing locked the folder: it wrote at once).
    monkeypatch.setattr(importing, "LOCK_SECONDS", 0.2, raising=False)
    plan = plan_import(_source(tmp_path / "a", ALBANIA), data_copy, as_at=AS_AT)
    before = _files(data_copy)
    other = os.open(data_copy, os.O_RDONLY | os.O_DIRECTORY)  # another import's lock
    try:
        fcntl.flock(other, fcntl.LOCK_EX)
        with pytest.raises(InputError) as refused:
            write_plan(plan, data_copy)
    finally:
        os.close(other)
    assert "another import is writing this folder: nothing written" in str(refused.value)
    assert _files(data_copy) == before
    assert write_plan(plan, data_copy)  # once the other has finished


def test_a_failure_between_the_two_files_leaves_both_as_they_were(
    tmp_path: Path,
    data_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Defect 18: fails before the fix (states.yaml was replaced, report.yaml was not).
    source = _source(tmp_path / "source", ALBANIA)
    before = _files(data_copy)
    calls: list[str] = []
    real_replace: Callable[..., None] = os.replace

    def replace_failing_the_second(source: str, target: str | Path, **kwargs: object) -> None:
        calls.append(str(target))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(source, target, **kwargs)

    monkeypatch.setattr(os, "replace", replace_failing_the_second)
    assert main([*_argv(source, data_copy), "--write"]) == 2
    monkeypatch.undo()
    assert len(calls) >= 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        f"{data_copy / 'report.yaml'}: output: cannot be written (No space left on device)"
    )
    assert _files(data_copy) == before  # no leftover temporary file either


def test_schema_to_a_place_that_cannot_be_written_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Defect 13: fails before the fix (exit 70, "internal error: NotADirectoryError").
    in_the_way = tmp_path / "a file"
    in_the_way.write_text("mine", encoding="utf-8")
    assert main(["schema", "--output", str(in_the_way / "schemas")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{in_the_way / 'schemas'}: output: cannot be written (Not a directory)"
    ]
    assert in_the_way.read_text(encoding="utf-8") == "mine"
