"""The third hostile review of the letters (issue 22): a State whose withdrawal took effect is
asked to accede, never to ratify; a State whose withdrawal has not yet taken effect is a State
Party; a reported campaign's counts are checked against the data; messages name the data's
files by their plain names, whatever the data folder."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from reportgen.documents.letter.context import letter_formats
from reportgen.inputs.load import load
from reportgen.language.formats import Formats
from reportgen.review.rendition import rendition
from reportgen.sets import build_letters
from tests.conftest import DATA
from tests.documents.letter.test_letters import TEMPLATES
from tests.documents.letter.test_review2 import WITHDRAWN_ALGERIA, _problems, with_campaigns

NOTIFIED, EFFECTIVE = dt.date(2012, 9, 6), dt.date(2013, 3, 6)
LITHUANIA = (
    "  signature: 2008-12-03\n  ratification: 2011-03-24\n",
    "  signature: 2008-12-03\n  ratification: 2011-03-24\n"
    f"  withdrawal_notified: {NOTIFIED}\n  withdrawal_effective: {EFFECTIVE}\n",
)
"""Lithuania, a signatory that ratified, then withdrew: a State not party from 6 March 2013."""

AFTER = (
    "  - key: k1\n    date: 2013-06-03\n    signed_by:\n      - {state: Portugal}\n"
    "      - {state: Ghana}\n    recipients:\n      signatories: true\n      add: [Lithuania]\n"
)
"""A campaign after Lithuania's withdrawal took effect, writing to it by name."""

WORDS = {
    "en": ("The withdrawal {of} from the Convention took effect on {day}.", "accession"),
    "fr": ("Le retrait {of} de la Convention a pris effet le {day}.", "adhésion"),
    "es": ("La denuncia de la Convención por {the} surtió efecto el {day}.", "adhesión"),
}
"""What each language says of a State whose withdrawal took effect, and what it welcomes."""


def _formats(data: Path, lang: str) -> Formats:
    """The formats of the letters of AFTER in `lang`, as the build makes them."""
    return letter_formats(load(data, lang=lang)[0], dt.date(2013, 6, 3))


def _said(formats: Formats, day: dt.date) -> str:
    return formats.long_date(day).replace("\xa0", " ")  # the rendition's spaces


# --- 1: a State that withdrew --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_state_that_withdrew_is_asked_to_accede_not_to_ratify(tmp_path: Path, lang: str) -> None:
    data = with_campaigns(
        tmp_path,
        AFTER,
        states=LITHUANIA,
        campaigns=("LTU: {language: en", f"LTU: {{language: {lang}"),
    )
    built = build_letters(data, templates=TEMPLATES, root=tmp_path / "out")
    (sent,) = [s for s in built.letters if s.state == "Lithuania"]
    assert sent.lang == lang
    text = rendition(sent.file).replace("\xa0", " ")
    formats = _formats(data, lang)
    said, welcomed = WORDS[lang]
    recall = said.format(
        of=formats.name("Lithuania", "of"),
        the=formats.name("Lithuania", "the"),
        day=_said(formats, EFFECTIVE),
    )
    assert recall in text
    paragraph = next(line for line in text.splitlines() if recall in line)
    assert welcomed in paragraph and "16" in paragraph  # Article 16: accession
    assert not re.search(r"ratif", text, re.IGNORECASE)
    assert _said(formats, dt.date(2008, 12, 3)) not in text  # its signature is spent
    (warning,) = [str(w) for w in built.warnings if "Lithuania" in str(w)]
    assert re.search(
        r"campaigns\.yaml:\d+:\d+: campaigns\[0\] \(k1\)\.recipients\.add\[0\]: warning: "
        rf"Lithuania withdrew from the Convention \(effective {EFFECTIVE}\): the shipped letters "
        r"recall the withdrawal and invite it to accede again \(a catalogue's \$withdrawn\)",
        warning,
    )


def test_a_state_that_withdrew_twice_is_recalled_its_latest_withdrawal(tmp_path: Path) -> None:
    first = dt.date(2011, 10, 1)
    twice = (
        LITHUANIA[0],
        f"  signature: 2008-12-03\n  ratification: 2011-03-24\n"
        f"  withdrawal_notified: 2011-04-01\n  withdrawal_effective: {first}\n"
        f"  rejoined:\n    - accession: 2011-12-01\n      withdrawal_notified: {NOTIFIED}\n"
        f"      withdrawal_effective: {EFFECTIVE}\n",
    )
    data = with_campaigns(tmp_path, AFTER, states=twice)
    built = build_letters(data, templates=TEMPLATES, root=tmp_path / "out")
    (sent,) = [s for s in built.letters if s.state == "Lithuania"]
    text = rendition(sent.file).replace("\xa0", " ")
    formats = _formats(data, "en")
    assert f"took effect on {_said(formats, EFFECTIVE)}." in text
    assert _said(formats, first) not in text
    # acceded again before the letter's day: a State Party, never written to
    again = (twice[0], twice[1] + "    - accession: 2013-05-02\n")
    problems = _problems(with_campaigns(tmp_path / "again", AFTER, states=again), tmp_path / "o")
    assert any(
        re.search(r"add\[0\]: Lithuania is a State Party on 2013-06-03: a letter urging", p)
        for p in problems
    ), problems


def test_a_state_whose_withdrawal_is_not_yet_in_effect_is_never_urged_to_join(
    tmp_path: Path,
) -> None:
    pending = (LITHUANIA[0], LITHUANIA[1].replace(f"{EFFECTIVE}", "2013-09-06"))
    problems = _problems(with_campaigns(tmp_path, AFTER, states=pending), tmp_path / "out")
    assert any(
        re.search(
            r"campaigns\.yaml:\d+:\d+: campaigns\[0\] \(k1\)\.recipients\.add\[0\]: Lithuania is "
            r"a State Party on 2013-06-03: a letter urging it to join would be false; remove it "
            rf"from recipients\.add \(its withdrawal, notified on {NOTIFIED}, takes effect on "
            r"2013-09-06: it is a State Party until then\)",
            p,
        )
        for p in problems
    ), problems
    # selected by its category, it is left out with a warning that says why
    data = with_campaigns(
        tmp_path / "rule",
        AFTER.replace("add: [Lithuania]", "categories: [II]"),
        states=WITHDRAWN_ALGERIA,
    )
    built = build_letters(data, templates=TEMPLATES, root=tmp_path / "rule" / "out")
    assert "Algeria" not in {s.state for s in built.letters}
    (warning,) = [str(w) for w in built.warnings if "Algeria" in str(w)]
    assert warning.endswith(
        "Algeria is a State Party on 2013-06-03: left out, no letter is written to it (its "
        "withdrawal, notified on 2013-01-15, takes effect on 2013-07-15: it is a State Party "
        "until then)"
    )


# --- 2: a reported count the data contradicts ------------------------------------------------


LISTED = AFTER.replace("\n      add: [Lithuania]", "")
"""A campaign with recipients after the reported one (Lithuania is a State Party here)."""


def _reported(recipients: int, replies: int | None = None, when: str = "year: 2013") -> str:
    counted = f"recipients: {recipients}" + ("" if replies is None else f", replies: {replies}")
    return f"  - key: r\n    {when}\n    reported: {{{counted}, source: a report}}\n" + LISTED


def _not_party(day: dt.date) -> int:
    """The States the data knows (states.yaml's, names.yaml's) not party on `day`."""
    inputs = load(DATA)[0]
    known = {s.iso3 for s in inputs.states} | set(inputs.names)
    return len(known) - sum(1 for s in inputs.states if s.is_party_on(day))


def test_more_replies_than_states_approached_is_an_error_on_replies(tmp_path: Path) -> None:
    problems = _problems(with_campaigns(tmp_path, _reported(60, 70)), tmp_path / "out")
    assert any(
        re.search(
            r"campaigns\.yaml:\d+:\d+: campaigns\[0\] \(r\)\.reported\.replies: is more than the "
            r"60 States approached \(reported\.recipients\): write how many of them replied",
            p,
        )
        for p in problems
    ), problems
    built = build_letters(
        with_campaigns(tmp_path / "ok", _reported(60, 60)),
        templates=TEMPLATES,
        root=tmp_path / "ok" / "out",
    )
    assert not [w for w in built.warnings if "reported" in str(w)]


@pytest.mark.parametrize(
    ("when", "day"),
    [("year: 2013", dt.date(2013, 1, 1)), ("year: 2012\n    month: 9", dt.date(2012, 9, 1))],
)
def test_more_states_approached_than_were_not_party_is_an_error(
    tmp_path: Path, when: str, day: dt.date
) -> None:
    most, period = _not_party(day), str(day)[: 7 if "month" in when else 4]
    assert most != _not_party(dt.date(2013, 6, 3))  # the period's first day is the one read
    problems = _problems(with_campaigns(tmp_path, _reported(most + 1, when=when)), tmp_path / "o")
    (line,) = [p for p in problems if "reported.recipients" in p]
    assert re.search(
        r"campaigns\.yaml:\d+:\d+: campaigns\[0\] \(r\)\.reported\.recipients: is more than the "
        rf"{most} States not party on {day}, the first day of {period}: .*write the count "
        "reported then",
        line,
    ), line
    built = build_letters(
        with_campaigns(tmp_path / "ok", _reported(most, when=when)),
        templates=TEMPLATES,
        root=tmp_path / "ok" / "out",
    )
    assert built.letters


def test_five_thousand_states_approached_is_refused(tmp_path: Path) -> None:
    problems = _problems(with_campaigns(tmp_path, _reported(5000)), tmp_path / "out")
    assert any("(r).reported.recipients: is more than the" in p for p in problems), problems


# --- 3: the data's files by their plain names, whatever the data folder --------------------


def test_no_campaign_is_said_of_campaigns_yaml_not_of_a_data_folder(tmp_path: Path) -> None:
    from reportgen.documents.letter.kind import KIND, NoCampaign
    from reportgen.figures.compute import compute

    folder = tmp_path / "elsewhere"
    shutil.copytree(DATA, folder)  # only a reported campaign, in a folder not named data
    inputs = load(folder)[0]
    with pytest.raises(NoCampaign) as raised:
        KIND.document(inputs, compute(inputs))
    assert str(raised.value) == "campaigns.yaml has no campaign with recipients"
