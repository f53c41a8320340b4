"""A set (`reportgen build report annex letters`) is built all or none: every document of
every kind and language, and every letter, is checked before any is written, and Ctrl-C
at any point leaves the previous set as it was."""

from __future__ import annotations

import os
import re
import shutil
import signal
from pathlib import Path

import pytest

from reportgen.app import Target
from reportgen.cli.main import main
from reportgen.core.folders import uninterrupted
from reportgen.core.problems import InputError
from reportgen.sets import SetBuilt, build_set
from tests.conftest import template_of
from tests.documents.letter.test_letters import TEMPLATES, campaign_data

ALL = ("report", "annex", "letters")


def _set(folder: Path, data: Path, langs: tuple[str, ...] = ("en",), **more: object) -> SetBuilt:
    """The example campaign's set into `folder`/out: the report and annex in `langs`."""
    out = folder / "out"
    reports = [Target(lang, template_of(lang), out / f"report.{lang}.docx") for lang in langs]
    annexes = [
        Target(
            lang,
            TEMPLATES / ("annex.docx" if lang == "en" else f"annex.{lang}.docx"),
            out / f"annex.{lang}.docx",
        )
        for lang in langs
    ]
    return build_set(
        data,
        ALL,
        reports=reports,
        annexes=annexes,
        templates=TEMPLATES,
        root=out / "letters",
        **more,  # type: ignore[arg-type]
    )


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden scratch folders too), with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _without_language(data: Path, code: str = "BEN") -> None:
    """A recipient's language of correspondence removed: only the letters can find it."""
    path = data / "campaigns.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"\n  {code}:[^\n]*", "", text), encoding="utf-8")


def test_a_set_writes_every_kind(tmp_path: Path) -> None:
    built = _set(tmp_path, campaign_data(tmp_path), ("en", "fr"))
    assert [b.output.name for b in built.reports] == ["report.en.docx", "report.fr.docx"]
    assert [b.output.name for b in built.annexes] == ["annex.en.docx", "annex.fr.docx"]
    assert built.letters is not None and built.letters.letters
    assert all(s.file.is_file() for s in built.letters.letters)


def test_a_letters_error_leaves_the_previous_report_annex_and_letters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = campaign_data(tmp_path)
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    for lang in ("en", "fr", "es"):
        shutil.copy(template_of(lang), tmp_path / "templates")
        shutil.copy(template_of(lang).with_suffix(".ftl"), tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    assert main(["build", *ALL, "--data", "data"]) == 0
    output = tmp_path / "output"
    for path in (output / "report.docx", output / "annex.fr.docx"):
        path.write_bytes(b"the previous set's " + path.name.encode())  # an older build
    before = _tree(output)
    _without_language(data)
    capsys.readouterr()
    assert main(["build", *ALL, "--data", "data"]) == 2
    said = capsys.readouterr().err
    assert re.search(r"campaigns\.yaml:\d+:\d+: .*Benin \(BEN\) has no language", said)
    assert "wrote" not in said
    assert _tree(output) == before


def test_every_problem_of_every_kind_at_once(tmp_path: Path) -> None:
    """A report's template error and a letter's recipient error, in one run."""
    data = campaign_data(tmp_path)
    _without_language(data)
    broken = tmp_path / "report.docx"
    broken.write_bytes(b"not a Word document")
    out = tmp_path / "out"
    with pytest.raises(InputError) as raised:
        build_set(
            data,
            ALL,
            reports=[Target("en", broken, out / "report.docx")],
            annexes=[],
            templates=TEMPLATES,
            root=out / "letters",
        )
    said = [str(p) for p in raised.value.problems]
    assert any(p.startswith(str(broken)) for p in said)
    assert any("Benin (BEN) has no language" in p for p in said)
    assert not out.exists() or not any(out.rglob("*.docx"))


def _interrupting(calls: list[int], at: int):  # type: ignore[no-untyped-def]
    """os.replace that raises KeyboardInterrupt at its `at`-th call (counted in `calls`)."""
    real = os.replace

    def replace(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == at:
            raise KeyboardInterrupt
        real(*args, **kwargs)  # type: ignore[arg-type]

    return replace


def test_ctrl_c_at_any_point_leaves_the_previous_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = campaign_data(tmp_path)
    _set(tmp_path, data)
    text = (data / "campaigns.yaml").read_text(encoding="utf-8")
    (data / "campaigns.yaml").write_text(text.replace("[I, II, III]", "[I, II]"), "utf-8")
    (tmp_path / "out" / "report.en.docx").write_bytes(b"an older report")
    before = _tree(tmp_path / "out")
    counted: list[int] = []
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", _interrupting(counted, 0))
        shutil.copytree(tmp_path / "out", tmp_path / "count" / "out")
        _set(tmp_path / "count", data)
    assert len(counted) >= 4  # the letters (old out, new in), a report and the one it replaces
    for at in range(1, len(counted) + 1):
        with monkeypatch.context() as patch:
            patch.setattr(os, "replace", _interrupting([], at))
            with pytest.raises(KeyboardInterrupt):
                _set(tmp_path, data)
        assert _tree(tmp_path / "out") == before, at

    def stop(done: int, total: int) -> None:  # while the letters are made
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _set(tmp_path, data, progress=stop)
    assert _tree(tmp_path / "out") == before
    _set(tmp_path, data)  # and then the set is built
    assert _tree(tmp_path / "out") != before


def test_ctrl_c_is_held_while_a_set_is_swapped_in() -> None:
    done = []
    with pytest.raises(KeyboardInterrupt), uninterrupted():
        os.kill(os.getpid(), signal.SIGINT)
        done.append("the rest of the swap")
    assert done == ["the rest of the swap"]


def test_a_campaigns_error_does_not_hide_the_recipients_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown code in `correspondence` (Benin's, mistyped) and a recipient without a
    language (the Central African Republic's line removed): both said, each located."""
    data = campaign_data(tmp_path, {"campaigns.yaml": ("  BEN: {", "  XXB: {")})
    _without_language(data, "CAF")
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "letters", "--data", "data"]) == 2
    said = capsys.readouterr().err.splitlines()
    located = r"data/campaigns\.yaml:\d+:\d+: "
    assert any(re.match(located + r"correspondence\.XXB: no State", line) for line in said)
    for state in ("Benin (BEN)", "Central African Republic (CAF)"):
        assert any(
            re.match(located + rf"campaigns\[1\].*{re.escape(state)} has no language", line)
            for line in said
        ), state
    assert "Traceback" not in "\n".join(said)
    assert not (tmp_path / "output").exists()
