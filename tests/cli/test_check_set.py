"""`reportgen check` covers the set `build` makes: the report, the annex's and the letters'
templates and catalogues, and every campaign with recipients; each problem one located
line, all at once, nothing written (issue 22 point 4)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from reportgen.cli.main import main
from tests.conftest import DATA, TEMPLATES
from tests.documents.letter.test_letters import CAMPAIGN
from tests.documents.letter.test_letters import TEMPLATES as SET_TEMPLATES

REPORTS = ["templates/report.docx", "templates/report.fr.docx", "templates/report.es.docx"]


def _folder(tmp_path: Path, *, campaign: bool = True, letters: bool = True) -> Path:
    """A user's folder: the 4th MSP data (with the example campaign when `campaign`), the
    report's templates, and the annex's and letters' unless `letters` is False (a folder
    from before them)."""
    folder = tmp_path / "project"
    shutil.copytree(DATA, folder / "data")
    shutil.copytree(TEMPLATES, folder / "templates")
    if campaign:
        shutil.copyfile(CAMPAIGN / "campaigns.yaml", folder / "data" / "campaigns.yaml")
    for path in SET_TEMPLATES.iterdir():
        if letters:
            shutil.copyfile(path, folder / "templates" / path.name)
        else:  # the frozen templates hold them too (the README's walk-through)
            (folder / "templates" / path.name).unlink(missing_ok=True)
    return folder


def _edit(path: Path, old: str, new: str, *, pattern: bool = False) -> None:
    text = path.read_text(encoding="utf-8")
    edited = re.sub(old, new, text) if pattern else text.replace(old, new, 1)
    assert edited != text, old
    path.write_text(edited, encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _check(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[str]]:
    monkeypatch.chdir(folder)
    before = _files(folder)
    status = main(["check", *args])
    assert _files(folder) == before, "check writes nothing"
    return status, capsys.readouterr().err.splitlines()


def test_check_says_what_it_said_before_when_nothing_is_wrong_with_the_letters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, campaign=False)  # the 4th MSP data, its reported campaign
    status, said = _check(folder, monkeypatch, capsys)
    assert status == 0
    assert said == [f"data/ and {', '.join(REPORTS)}: no errors, 0 warning(s)"]
    assert _check(folder, monkeypatch, capsys, "report") == (status, said)
    shutil.copyfile(CAMPAIGN / "campaigns.yaml", folder / "data" / "campaigns.yaml")
    assert _check(folder, monkeypatch, capsys) == (status, said)  # its letters are right too


def test_every_problem_of_the_campaigns_and_letters_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    campaigns = folder / "data" / "campaigns.yaml"
    _edit(campaigns, r"\n  CAF:[^\n]*", "", pattern=True)  # no language of correspondence
    _edit(campaigns, "categories: [I, II, III]", "categories: [I, II, III]\n      add: [Benin]")
    _edit(folder / "data" / "names.yaml", "BEN:\n  fr: Bénin (le)\n", "BEN:\n")
    (folder / "templates" / "letter.es.docx").unlink()
    status, said = _check(folder, monkeypatch, capsys, "letters")
    assert status == 2
    located = r"data/campaigns\.yaml:\d+:\d+: "
    assert all(re.match(located, line) for line in said), said
    # Both campaigns with recipients write to the Central African Republic, a signatory.
    assert [line for line in said if "(CAF) has no language" in line] == [
        line
        for line in said
        if re.match(located + r"campaigns\[[01]\] .*signatories: Central", line)
    ]
    assert len([line for line in said if "(CAF) has no language" in line]) == 2
    assert any(
        re.match(located + r"correspondence\.BEN\.language: .*no French name", line)
        for line in said
    )
    assert any("add[0]: Benin is named twice" in line for line in said)
    spanish = [line for line in said if "templates/letter.es.docx is missing" in line]
    assert spanish and all(
        re.match(located + r"correspondence\.[A-Z]{3}\.language", s) for s in spanish
    )


def test_a_state_party_among_the_recipients_is_a_warning_an_error_when_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    _edit(  # a State Party on the 2013 letter's day, not yet withdrawn, in category II
        folder / "data" / "states.yaml",
        "- name: Algeria\n  iso3: DZA\n  region: Africa\n",
        "- name: Algeria\n  iso3: DZA\n  region: Africa\n  accession: 2011-01-03\n"
        "  withdrawal_notified: 2013-01-15\n  withdrawal_effective: 2013-07-15\n",
    )
    status, said = _check(folder, monkeypatch, capsys)
    assert status == 0
    (warning,) = [line for line in said if "warning:" in line]
    assert re.match(
        r"data/campaigns\.yaml:\d+:\d+: .*categories\[1\]: warning: Algeria is a State Party "
        r"on 2013-06-03: left out",
        warning,
    )
    assert said[-1].endswith("no errors, 1 warning(s)")
    assert _check(folder, monkeypatch, capsys, "--strict") == (2, [warning])


def test_the_letters_and_annex_templates_and_catalogues_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    _edit(folder / "templates" / "letter.fr.ftl", "\nsalutation = ", "\nsalutation ")
    _edit(folder / "templates" / "annex.es.ftl", "\nannex_as_of = ", "\nannex_as_of ")
    status, said = _check(folder, monkeypatch, capsys)
    assert status == 2
    assert [line for line in said if line.startswith("templates/letter.fr.ftl:")]
    assert [line for line in said if line.startswith("templates/annex.es.ftl:")], said
    assert all(re.match(r"templates/(letter\.fr|annex\.es)\.ftl:\d+:\d+: ", line) for line in said)
    status, only = _check(folder, monkeypatch, capsys, "letters")
    assert status == 2 and only == [line for line in said if "letter.fr.ftl" in line]


def test_a_folder_without_letter_templates_is_told_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, campaign=False, letters=False)
    status, said = _check(folder, monkeypatch, capsys)
    assert status == 0
    (warning,) = said[:-1]
    assert warning.startswith("templates/letter.docx: template: warning: is missing")
    assert said[-1] == f"data/ and {', '.join(REPORTS)}: no errors, 1 warning(s)"
    assert _check(folder, monkeypatch, capsys, "--strict")[0] == 2
    status, said = _check(folder, monkeypatch, capsys, "letters", "annex")  # named: errors
    assert status == 2
    assert said == [
        "templates/annex.docx: template: is missing",
        warning.replace("warning: ", ""),
    ]
    # A campaign with recipients needs its templates: each recipient's is an error.
    shutil.copyfile(CAMPAIGN / "campaigns.yaml", folder / "data" / "campaigns.yaml")
    status, said = _check(folder, monkeypatch, capsys)
    assert status == 2 and said and "warning:" not in "".join(said)
    assert all(re.search(r"templates/letter(\.fr|\.es)?\.docx is missing", line) for line in said)


def test_check_letters_without_a_campaign_to_write_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, campaign=False)
    status, said = _check(folder, monkeypatch, capsys, "letters")
    assert status == 2
    assert said == [
        "data/campaigns.yaml: campaigns: has no campaign with recipients: (a rule over the "
        "data) to write letters for"
    ]
    assert _check(folder, monkeypatch, capsys)[0] == 0  # not named: nothing to write is fine
