"""The second hostile review of the letters (issue 22): what a letter may say of a State (never
that a State Party should join, never a reply not yet received, never a day not known), who
may sign, the dates of a campaign, and the campaign's folder (a file in its way, files
reportgen did not write, the batch it replaces, its mode)."""

from __future__ import annotations

import csv
import os
import re
import stat
from pathlib import Path

import pytest

from reportgen.core.problems import InputError
from reportgen.inputs.campaign import approached, recipients
from reportgen.inputs.load import load
from reportgen.review.rendition import rendition
from reportgen.sets import LettersBuilt, Sent, _csv, build_letters
from tests.conftest import DATA
from tests.documents.letter.test_letters import TEMPLATES, campaign_data

WITHDRAWN_ALGERIA = (
    "- name: Algeria\n  iso3: DZA\n  region: Africa\n",
    "- name: Algeria\n  iso3: DZA\n  region: Africa\n  accession: 2011-01-03\n"
    "  withdrawal_notified: 2013-01-15\n  withdrawal_effective: 2013-07-15\n",
)
"""Algeria a State Party until 15 July 2013: on the 2013 letter's day, in category II."""


def with_campaigns(tmp_path: Path, block: str, **edits: tuple[str, str]) -> Path:
    """The 4th MSP data with `block` as campaigns.yaml's campaigns (its correspondence kept)."""
    data = campaign_data(tmp_path)
    path = data / "campaigns.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("campaigns:\n"), text.index("\ncorrespondence:")
    path.write_text(text[:start] + "campaigns:\n" + block + text[end:], encoding="utf-8")
    for name, (old, new) in edits.items():
        file = data / f"{name}.yaml"
        content = file.read_text(encoding="utf-8")
        assert old in content, old
        file.write_text(content.replace(old, new, 1), encoding="utf-8")
    return data


def _problems(data: Path, out: Path, **options: object) -> list[str]:
    with pytest.raises(InputError) as raised:
        build_letters(data, templates=TEMPLATES, root=out, **options)  # type: ignore[arg-type]
    return [str(p) for p in raised.value.problems]


def _text(built: LettersBuilt, state: str) -> str:
    (sent,) = [s for s in built.letters if s.state == state]
    return rendition(sent.file).replace("\xa0", " ")


# --- 4: a State Party is never urged to join -------------------------------------------


def test_a_state_party_the_rule_selects_is_left_out_with_a_warning(tmp_path: Path) -> None:
    data = campaign_data(tmp_path, {"states.yaml": WITHDRAWN_ALGERIA})
    built = build_letters(data, templates=TEMPLATES, root=tmp_path / "out")
    assert "Algeria" not in {s.state for s in built.letters}
    (warning,) = [str(w) for w in built.warnings if "Algeria" in str(w)]
    assert re.search(
        r"campaigns\.yaml:\d+:\d+: campaigns\[1\] \(2013-illustration\)\.recipients\."
        r"categories\[1\]: warning: Algeria is a State Party on 2013-06-03: left out",
        warning,
    )
    inputs = load(data)[0]
    campaign = inputs.campaigns.campaign("2013-illustration")  # type: ignore[union-attr]
    assert approached(inputs, campaign.key).count == len(built.letters)  # type: ignore[union-attr]
    assert "Algeria" not in {r.name for r in recipients(inputs, campaign)}


def test_names_in_the_letters_and_the_csv_are_those_of_the_letters_day(tmp_path: Path) -> None:
    block = (
        "  - key: k1\n    date: 2013-08-01\n    signed_by:\n      - {state: Portugal}\n"
        "    recipients:\n      add: [Turkey, Swaziland]\n"
    )
    data = with_campaigns(tmp_path, block, report=("as_of: 2013-09-01", "as_of: 2013-09-01"))
    problems = _problems(data, tmp_path / "out")
    assert any("Swaziland is a State Party on 2013-08-01" in p for p in problems), problems
    block = block.replace("[Turkey, Swaziland]", "[Turkey]").replace("2013-08-01", "2022-07-01")
    data = with_campaigns(tmp_path / "later", block)
    built = build_letters(data, templates=TEMPLATES, root=tmp_path / "later" / "out")
    assert [s.state for s in built.letters] == ["Türkiye"]
    assert "Türkiye" in rendition(built.letters[0].file)
    assert built.csv is not None
    rows = list(csv.DictReader(built.csv.open(encoding="utf-8", newline="")))
    assert [row["state"] for row in rows] == ["Türkiye"]


# --- 3: who signs ----------------------------------------------------------------------


def test_signers_are_checked(tmp_path: Path) -> None:
    block = (
        "  - key: k1\n    date: 2013-06-03\n    signed_by:\n      - {state: Brazil}\n"
        "      - {state: Brazil}\n      - {state: Portugal}\n      - {state: Norway}\n"
        "    recipients:\n      add: [Brazil, Canada]\n"
    )
    problems = _problems(with_campaigns(tmp_path, block), tmp_path / "out")
    said = "\n".join(problems)
    assert re.search(r"signed_by\[0\]\.state: Brazil signs and is also written to", said)
    assert re.search(r"signed_by\[0\]\.state: Brazil is not a State Party on 2013-06-03", said)
    assert re.search(r"signed_by\[1\]\.state: Brazil signs once already", said)
    assert re.search(r"signed_by\[3\]\.state: warning: Norway is not a coordinator", said)
    assert "signed_by[2]" not in said  # Portugal coordinates from the 2nd MSP


# --- 2: replies ------------------------------------------------------------------------


def test_only_replies_received_by_the_letters_day_are_thanked(tmp_path: Path) -> None:
    data = campaign_data(
        tmp_path,
        {
            "campaigns.yaml": (
                "      - {state: Paraguay, date: 2013-01-15}\n",
                "      - {state: Paraguay, date: 2013-01-15}\n"
                "      - {state: Canada, date: 2013-08-01}\n"
                "      - {state: Kenya, date: 2099-01-01}\n",
            )
        },
    )
    import datetime as dt

    built = build_letters(
        data, templates=TEMPLATES, root=tmp_path / "out", today=dt.date(2014, 1, 1)
    )
    assert "grateful for the reply" not in _text(built, "Canada")
    assert "grateful for the reply" not in _text(built, "Kenya")
    assert "Nous vous remercions de la réponse" in _text(built, "Benin")
    assert not [w for w in built.warnings if "replies" in str(w)]  # the 2012 campaign's
    built = build_letters(
        data,
        "2012-illustration",
        templates=TEMPLATES,
        root=tmp_path / "out",
        today=dt.date(2014, 1, 1),
    )
    checked = [str(w) for w in built.warnings]
    assert any(
        re.search(r"replies\[3\]\.date: warning: is in the future \(today is 2014-01-01\)", w)
        for w in checked
    ), checked
    assert any(
        re.search(r"replies\[2\]\.date: warning: is after the next campaign's letters", w)
        for w in checked
    ), checked


# --- 5: a day not known is never printed -------------------------------------------------


def test_a_reported_campaign_known_by_its_year_is_said_by_its_year(tmp_path: Path) -> None:
    block = (
        "  - key: old\n    year: 2012\n    reported: {recipients: 70, source: a report}\n"
        "  - key: k1\n    date: 2013-06-03\n    previous: old\n    signed_by:\n"
        "      - {state: Portugal}\n    recipients:\n      add: [Canada, Benin, Argentina]\n"
    )
    built = build_letters(with_campaigns(tmp_path, block), templates=TEMPLATES, root=tmp_path / "o")
    assert "addressed to the States not party in 2012." in _text(built, "Canada")
    assert "adressées aux États non parties en 2012." in _text(built, "Benin")
    assert "dirigieron a los Estados no partes en 2012." in _text(built, "Argentina")
    shipped = load(DATA)[0].campaigns
    assert shipped is not None
    (reported,) = [c for c in shipped.campaigns if c.reported is not None]
    assert reported.date is None and reported.year == 2013


# --- 10 and 13: dates, and what the letter says of them ---------------------------------


def test_campaign_dates_are_checked(tmp_path: Path) -> None:
    block = (
        "  - key: k1\n    date: 2007-06-03\n    signed_by:\n      - {state: Portugal}\n"
        "    recipients:\n      add: [Canada]\n"
    )
    problem = _problems(with_campaigns(tmp_path, block), tmp_path / "out")[0]
    assert re.search(
        r"date: is before the Convention was opened for signature \(2008-12-03\)", problem
    )
    data = with_campaigns(tmp_path / "late", block.replace("2007-06-03", "2099-06-03"))
    built = build_letters(data, templates=TEMPLATES, root=tmp_path / "late" / "out")
    assert any("date: warning: is in the future" in str(w) for w in built.warnings)


def test_before_entry_into_force_a_letter_asks_for_signature_and_invites_to_the_next_meeting(
    tmp_path: Path,
) -> None:
    block = (
        "  - key: k0\n    date: 2009-01-10\n    signed_by:\n      - {state: Norway}\n"
        "    recipients:\n      add: [Canada]\n"
        "  - key: k1\n    date: 2010-06-01\n    previous: k0\n    signed_by:\n"
        "      - {state: Norway}\n    recipients:\n      signatories: true\n"
        "      add: [Turkey]\n"
    )
    built = build_letters(with_campaigns(tmp_path, block), templates=TEMPLATES, root=tmp_path / "o")
    turkey = _text(built, "Turkey")
    assert "Turkey has not yet signed the Convention, which is open to its signature" in turkey
    assert "accession" not in turkey
    jamaica = _text(built, "Jamaica")  # signed in 2009, not written to in January 2009
    assert "since then" not in jamaica.casefold()
    assert jamaica.count("signed the Convention") == 1
    assert "The Second Meeting of States Parties will be held in Beirut" in _text(built, "Canada")


# --- 14: CSV cells ---------------------------------------------------------------------


def test_a_csv_cell_is_never_a_formula() -> None:
    hostile = '=HYPERLINK("http://evil.example","x")'
    rows = [Sent(1, hostile, "XXX", "en", Path("01-XXX-en.docx"))]
    rows += [Sent(2, f"{c}1+1", "YYY", "en", Path("02-YYY-en.docx")) for c in "+-@\t\r"]
    read = list(csv.reader(_csv(rows).splitlines()[1:]))
    assert read[0][1] == "'" + hostile
    assert all(row[1].startswith("'") for row in read)


# --- 6, 7, 8: the campaign's folder ----------------------------------------------------


def test_the_folder_of_letters_is_never_lost(tmp_path: Path) -> None:
    data = campaign_data(tmp_path)
    root = tmp_path / "output" / "letters"
    first = build_letters(data, templates=TEMPLATES, root=root)
    mode = stat.S_IMODE(first.folder.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    assert mode == 0o777 & ~mask
    second = build_letters(data, templates=TEMPLATES, root=root)
    kept = tmp_path / "output" / "previous" / "letters" / "2013-illustration"
    assert second.kept == kept and (kept / "letters.csv").is_file()
    (first.folder / "reply.pdf").write_bytes(b"a signed reply")
    (problem,) = _problems(data, root)
    assert problem.startswith(f"{first.folder / 'reply.pdf'}: output: was not written by")
    assert (first.folder / "reply.pdf").read_bytes() == b"a signed reply"


def test_a_file_where_the_letters_folder_should_be_is_one_line(tmp_path: Path) -> None:
    data = campaign_data(tmp_path)
    (tmp_path / "output").write_text("not a folder")
    (problem,) = _problems(data, tmp_path / "output" / "letters")
    assert problem.startswith(f"{tmp_path / 'output'}: output: is a file")


# --- 11, 12: no State written to; warnings of the campaign built ------------------------


def test_a_rule_selecting_no_state_writes_nothing_and_warns(tmp_path: Path) -> None:
    block = (
        "  - key: k1\n    date: 2013-06-03\n    signed_by:\n      - {state: Portugal}\n"
        "    recipients:\n      add: []\n"
    )
    data = with_campaigns(tmp_path, block)
    built = build_letters(data, templates=TEMPLATES, root=tmp_path / "out")
    assert built.letters == () and built.csv is None and not (tmp_path / "out").exists()
    assert any("no State is written to" in str(w) for w in built.warnings)


def test_only_the_built_campaigns_warnings_are_said(tmp_path: Path) -> None:
    data = campaign_data(
        tmp_path,
        {
            "campaigns.yaml": (
                "      signatories: true\n",
                "      signatories: true\n      exclude: [Turkey]\n",
            )
        },
    )
    built = build_letters(data, templates=TEMPLATES, root=tmp_path / "out")
    assert not [w for w in built.warnings if "Turkey" in str(w)]  # the 2012 campaign's
    built = build_letters(data, "2012-illustration", templates=TEMPLATES, root=tmp_path / "out")
    assert [w for w in built.warnings if "Turkey is not among the rule's States" in str(w)]
    data = campaign_data(
        tmp_path / "both",
        {
            "states.yaml": WITHDRAWN_ALGERIA,
            "campaigns.yaml": ("      - {state: Ghana}\n", "      - {state: Nowhere}\n"),
        },
    )
    said = _problems(data, tmp_path / "both" / "out")
    assert any("Algeria is a State Party" in p for p in said), said  # not hidden by the error


# --- 9: as many campaigns as a file may hold, checked in linear time --------------------


def test_checking_the_most_chained_campaigns_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from reportgen.inputs import campaign as module
    from reportgen.inputs.campaign import MAX_CAMPAIGNS, CampaignsFile, campaign_findings

    count = MAX_CAMPAIGNS
    first = dt.date(2012, 10, 1)
    file = CampaignsFile.model_validate(
        {
            "campaigns": [
                {
                    "key": f"c{i}",
                    "date": (first + dt.timedelta(days=i)).isoformat(),
                    "signed_by": [{"state": "Portugal"}],
                    "recipients": {"signatories": True},
                    **({"previous": f"c{i - 1}"} if i else {}),
                }
                for i in range(count)
            ]
        }
    )
    inputs = load(DATA)[0].model_copy(update={"campaigns": file})
    calls = {"resolve": 0, "signatures": 0, "index": 0}
    for name in calls:
        real = getattr(module, name) if name != "index" else CampaignsFile.index

        def counting(
            *args: object, _real: object = real, _name: str = name, **kwargs: object
        ) -> object:
            calls[_name] += 1
            return _real(*args, **kwargs)  # type: ignore[operator]

        if name == "index":
            monkeypatch.setattr(CampaignsFile, "index", counting)
        else:
            monkeypatch.setattr(module, name, counting)
    import reportgen.inputs.campaign_checks as checks

    monkeypatch.setattr(checks, "resolve", module.resolve)
    monkeypatch.setattr(checks, "signatures", module.signatures)
    found = campaign_findings(inputs, None, dt.date(2030, 1, 1))
    assert not [f for f in found if f.severity == "error"]
    assert calls["signatures"] == 1  # the States read once, not once a campaign
    assert calls["resolve"] <= count  # once a campaign (twice with add: or exclude:)
    assert calls["index"] <= count  # each previous found by key, never searched


def test_a_file_of_more_campaigns_than_allowed_is_refused_on_its_line(tmp_path: Path) -> None:
    """Thousands of campaigns would take minutes to check, each against the whole data: a
    file over the limit is one located error at once, exit 2, and nothing is written."""
    import datetime as dt
    import subprocess
    import sys

    from reportgen.inputs.campaign import MAX_CAMPAIGNS
    from tests.conftest import ROOT

    first = dt.date(2012, 10, 1)
    rows = [
        f"  - {{key: c{i}, date: {first + dt.timedelta(days=i)}, signed_by: [{{state: Portugal}}],"
        f" recipients: {{signatories: true}}}}\n"
        for i in range(MAX_CAMPAIGNS + 1)
    ]
    data = with_campaigns(tmp_path, "".join(rows))
    campaigns = data / "campaigns.yaml"
    line = campaigns.read_text(encoding="utf-8").splitlines().index("campaigns:") + 1
    said = _problems(data, tmp_path / "out")
    assert said == [
        f"{campaigns}:{line}:1: campaigns: lists {MAX_CAMPAIGNS + 1} items: at most "
        f"{MAX_CAMPAIGNS} are allowed"
    ]
    assert not (tmp_path / "out").exists()
    done = subprocess.run(
        [sys.executable, "-m", "reportgen", "check", "letters", "--data", str(data)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert f"campaigns.yaml:{line}:1: campaigns: lists {MAX_CAMPAIGNS + 1} items" in done.stderr
    assert "Traceback" not in done.stderr
    limits = " ".join((ROOT / "docs" / "limits.md").read_text(encoding="utf-8").split())
    assert f"more than {MAX_CAMPAIGNS} campaigns" in limits  # the documented limit is this one
