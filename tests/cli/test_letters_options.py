"""`reportgen build` and the letters, on the command line (review 2 of issue 22): options that
do not apply, a campaign's warnings kept to the letters, long values cut, keys a folder
cannot take, and what a built letter and its line say."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reportgen.cli.main import main
from tests.cli.test_check_set import _edit, _folder


def _run(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[str]]:
    monkeypatch.chdir(folder)
    status = main(list(args))
    return status, capsys.readouterr().err.splitlines()


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["build", "letters", "--output", "x.docx"], "--output"),
        (["build", "letters", "--template", "t.docx"], "--template"),
        (["build", "annex", "--campaign", "2013-illustration"], "--campaign"),
        (["build", "report", "--campaign", "2013-illustration"], "--campaign"),
        (["build", "letters", "--lang", "fr"], "--lang"),
    ],
)
def test_an_option_that_does_not_apply_is_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    option: str,
) -> None:
    folder = _folder(tmp_path)
    status, said = _run(folder, monkeypatch, capsys, *args)
    assert status == 2
    (line,) = said
    assert line.startswith(f"{option}: option: ")
    assert not (folder / "output").exists()


def test_a_campaigns_warning_does_not_fail_the_report_with_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    _edit(  # a warning of the 2012 campaign: Turkey is not among its rule's States
        folder / "data" / "campaigns.yaml",
        "      signatories: true\n    replies:",
        "      signatories: true\n      exclude: [Turkey]\n    replies:",
    )
    status, said = _run(folder, monkeypatch, capsys, "build", "--lang", "en", "--strict")
    assert status == 0, said
    assert not [line for line in said if "Turkey" in line]
    status, said = _run(folder, monkeypatch, capsys, "check", "letters")
    assert status == 0 and [line for line in said if "Turkey is not among" in line]


def test_a_long_value_is_cut_in_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    long = "X" * 100_000
    _edit(
        folder / "data" / "campaigns.yaml",
        "      - {state: Ghana}\n",
        f"      - {{state: {long}}}\n",
    )
    status, said = _run(folder, monkeypatch, capsys, "build", "letters")
    assert status == 2
    assert said and all(len(line) < 1_000 for line in said)
    assert any("(100,000 characters)" in line for line in said)
    status, said = _run(folder, monkeypatch, capsys, "build", "letters", "--campaign", long)
    assert status == 2 and all(len(line) < 1_000 for line in said)


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("con", "a name Windows reserves"),
        ("LPT1", "a name Windows reserves"),
        ("a..", "ends with a dot"),
        ("2013-ILLUSTRATION", "only by its capitals"),
    ],
)
def test_a_key_no_folder_can_take_is_an_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    key: str,
    reason: str,
) -> None:
    folder = _folder(tmp_path)
    _edit(folder / "data" / "campaigns.yaml", "key: 2012-illustration", f"key: {key}")
    _edit(folder / "data" / "campaigns.yaml", "previous: 2012-illustration", f"previous: {key}")
    status, said = _run(folder, monkeypatch, capsys, "check", "letters")
    assert status == 2
    assert [line for line in said if ".key: " in line and reason in line], said


def test_one_letter_is_one_letter_and_reportgen_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    _edit(
        folder / "data" / "campaigns.yaml",
        "    recipients:\n      signatories: true\n      categories: [I, II, III]",
        "    recipients:\n      add: [Turkey]",
    )
    _edit(
        folder / "data" / "campaigns.yaml",
        "    replies:\n      - {state: Benin, date: 2013-07-01}\n",
        "",
    )
    status, said = _run(folder, monkeypatch, capsys, "build", "letters")
    assert status == 0, said
    assert said[-2] == (
        "wrote 1 letter of 2013-illustration (1 in English) in output/letters/2013-illustration"
    )
    (letter,) = (folder / "output" / "letters" / "2013-illustration").glob("*.docx")
    with zipfile.ZipFile(letter) as package:
        app = package.read("docProps/app.xml").decode()
    assert "<Application>reportgen</Application>" in app
