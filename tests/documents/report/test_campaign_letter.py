"""The report's letter (part II, point 3) told from campaigns.yaml (issue 22, "Done when").

"This year, in a letter signed by the Permanent Representatives of Portugal and Ghana ...,
74 States ... were urged": the signers and the count come from the campaign the report tells
of (the latest dated by the as-of day), the replies from its list. events.yaml's typed
`letter:` is deprecated beside a campaign (a located warning), an error where it disagrees.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from reportgen.app import build, check
from reportgen.core.problems import InputError, Problem
from reportgen.inputs.campaign import approached
from reportgen.inputs.load import load_inputs
from reportgen.review.rendition import rendition
from tests.conftest import DATA, ROOT, template_of

EXAMPLE = ROOT / "tests" / "fixtures" / "campaign" / "campaigns.yaml"
DAY_AFTER = dt.date(2013, 9, 2)  # "today" for the 4th MSP data, as of 1 September 2013

LETTER = {
    "en": "in a letter signed by the Permanent Representatives of Portugal and Ghana to the "
    "United Nations in Geneva, the merits of the CCM were again highlighted and {n} States",
    "fr": "dans une lettre signée par les Représentants permanents du Portugal et du Ghana "
    "auprès de l'Office des Nations Unies à Genève, les mérites de la Convention ont de nouveau "
    "été soulignés et {n} États",
    "es": "en una carta firmada por los Representantes Permanentes de Portugal y de Ghana ante "
    "la Oficina de las Naciones Unidas en Ginebra, se destacaron de nuevo los méritos de la "
    "Convención y se instó a {n} Estados",
}
REPLIED_ONE = {
    "en": "By 1 September 2013, one of them had replied.",
    "fr": "Au 1er septembre 2013, l'un d'entre eux avait répondu.",
    "es": "Al 1 de septiembre de 2013, uno de ellos había respondido.",
}
SEED_REPLIES = {
    "en": "Unlike the demarches carried out the year before, the answers were very few",
    "fr": "À la différence des démarches effectuées l'année précédente",
    "es": "A diferencia de las gestiones realizadas el año anterior",
}
LETTER_WORDS = {"en": "in a letter signed", "fr": "dans une lettre", "es": "en una carta"}


def _text(data: Path, tmp_path: Path, lang: str) -> str:
    output = tmp_path / f"report.{lang}.docx"
    build(data, template_of(lang), output, lang=lang, today=DAY_AFTER)
    return " ".join(rendition(output).split())


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _no_signers(campaigns: Path) -> None:
    text = campaigns.read_text(encoding="utf-8")
    block = re.search(
        r"    signed_by:.*\n      - \{state: Portugal\}\n      - \{state: Ghana\}\n", text
    )
    assert block is not None
    campaigns.write_text(text.replace(block.group(0), ""), encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    """The first line that holds `text`, or (`^text`) that starts with it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if text.startswith("^"):
        return next(n for n, line in enumerate(lines, 1) if line.startswith(text[1:]))
    return next(n for n, line in enumerate(lines, 1) if text in line)


@pytest.fixture
def with_example(data_copy: Path) -> Path:
    """The frozen 4th MSP data with the tests' example campaign (an illustration)."""
    shutil.copyfile(EXAMPLE, data_copy / "campaigns.yaml")
    return data_copy


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_example_campaign_gives_the_reports_count_and_replies(
    with_example: Path, tmp_path: Path, lang: str
) -> None:
    inputs = load_inputs(with_example)
    figure = approached(inputs, "2013-illustration")
    assert figure is not None and not figure.reported
    assert figure.count not in (0, 74)  # the letters' own count, not the seed's
    text = _text(with_example, tmp_path, lang)
    assert LETTER[lang].format(n=figure.count) in text
    # Benin's reply of 1 July 2013 is the only one to the 2013 letter
    assert REPLIED_ONE[lang] in text
    assert SEED_REPLIES[lang] not in text


def test_replies_after_the_as_of_day_are_not_counted(with_example: Path, tmp_path: Path) -> None:
    campaigns = with_example / "campaigns.yaml"
    _replace(campaigns, "{state: Benin, date: 2013-07-01}", "{state: Benin, date: 2013-10-01}")
    assert "By 1 September 2013, none of them had replied." in _text(with_example, tmp_path, "en")


def test_a_campaign_after_the_as_of_day_is_not_told(with_example: Path, tmp_path: Path) -> None:
    campaigns = with_example / "campaigns.yaml"
    _replace(campaigns, "date: 2013-06-03", "date: 2013-10-03")
    _replace(campaigns, "{state: Benin, date: 2013-07-01}", "{state: Benin, date: 2013-10-10}")
    inputs = load_inputs(with_example)
    earlier = approached(inputs, "2012-illustration")
    assert earlier is not None
    assert LETTER["en"].format(n=earlier.count) in _text(with_example, tmp_path, "en")


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_shipped_reported_campaign_keeps_the_4th_msp_words(tmp_path: Path, lang: str) -> None:
    text = _text(DATA, tmp_path, lang)
    assert LETTER[lang].format(n=74) in text
    assert SEED_REPLIES[lang] in text


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_campaign_that_approached_no_state_leaves_the_paragraph_out(
    data_copy: Path, tmp_path: Path, lang: str
) -> None:
    _replace(data_copy / "campaigns.yaml", "recipients: 74", "recipients: 0")
    text = _text(data_copy, tmp_path, lang)
    assert LETTER_WORDS[lang] not in text
    # point 3 keeps its number: the paragraph after the letter takes it
    assert re.search(r"3\. (We should note|Nous tenons|Cabe señalar)", text)


def test_no_campaign_and_no_typed_letter_leaves_the_paragraph_out(
    data_copy: Path, tmp_path: Path
) -> None:
    (data_copy / "campaigns.yaml").unlink()
    text = _text(data_copy, tmp_path, "en")
    assert "in a letter signed" not in text
    assert "3. We should note in particular that since 2011" in text


def _typed_letter(data: Path, states: int = 74, signed: str = "Portugal, Ghana") -> Path:
    events = data / "events.yaml"
    _replace(
        events,
        "\nstrategy:\n",
        f"\nletter:\n  signed_by: [{signed}]\n  states_addressed: {states}\n\nstrategy:\n",
    )
    return events


def test_a_typed_letter_without_a_campaign_still_builds_with_a_warning(
    data_copy: Path, tmp_path: Path
) -> None:
    (data_copy / "campaigns.yaml").unlink()
    events = _typed_letter(data_copy, 61, "Ghana, Portugal")
    (found,) = check(data_copy, template_of("en"), "en", today=DAY_AFTER)
    assert (found.severity, found.file, found.line, found.where) == (
        "warning",
        str(events),
        _line_of(events, "^letter:"),
        "letter",
    )
    assert "give the letter as a campaign of campaigns.yaml" in found.message
    text = _text(data_copy, tmp_path, "en")
    assert LETTER["en"].replace("Portugal and Ghana", "Ghana and Portugal").format(n=61) in text
    # 2013's judgement of the replies is the 2013 campaign's data, not a typed letter's
    assert SEED_REPLIES["en"] not in text


# --- A reported campaign: what came of it is its own data, never 2013's words ---------------

AFTER_LETTER = {
    "en": "were urged to consider joining the CCM.",
    "fr": "ont été instamment invités à envisager d'adhérer à la Convention.",
    "es": "a que consideraran la posibilidad de adherirse a ella.",
}
NEXT_PARAGRAPH = {"en": "We should note", "fr": "Nous tenons", "es": "Cabe señalar"}


def _without_outcome(campaigns: Path) -> None:
    text = campaigns.read_text(encoding="utf-8")
    block = re.search(r"      outcome:.*\n(        (en|fr|es): .*\n){3}", text)
    assert block is not None
    campaigns.write_text(text.replace(block.group(0), ""), encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_reported_campaign_without_an_outcome_says_nothing_of_its_replies(
    data_copy: Path, tmp_path: Path, lang: str
) -> None:
    _without_outcome(data_copy / "campaigns.yaml")
    assert check(data_copy, template_of(lang), lang, today=DAY_AFTER) == []
    text = _text(data_copy, tmp_path, lang)
    assert LETTER[lang].format(n=74) in text
    assert SEED_REPLIES[lang] not in text
    # the letter's sentence is the paragraph's last: the next paragraph follows it
    assert f"{AFTER_LETTER[lang]} {NEXT_PARAGRAPH[lang]}" in text


def test_a_reported_campaign_says_its_own_outcome(data_copy: Path, tmp_path: Path) -> None:
    campaigns = data_copy / "campaigns.yaml"
    _replace(
        campaigns,
        "en: Unlike the demarches carried out the year before, the answers were very few and "
        "inconclusive.",
        "en: Several missions asked for a briefing on the Convention.",
    )
    text = _text(data_copy, tmp_path, "en")
    assert f"{AFTER_LETTER['en']} Several missions asked for a briefing on the Convention." in text
    assert SEED_REPLIES["en"] not in text


def test_a_reported_number_of_replies_is_said_as_a_number(data_copy: Path, tmp_path: Path) -> None:
    campaigns = data_copy / "campaigns.yaml"
    _without_outcome(campaigns)
    _replace(campaigns, "recipients: 74\n", "recipients: 74\n      replies: 9\n")
    text = _text(data_copy, tmp_path, "en")
    assert f"{AFTER_LETTER['en']} By 1 September 2013, nine of them had replied." in text


def test_an_outcome_missing_in_the_reports_language_is_located(data_copy: Path) -> None:
    campaigns = data_copy / "campaigns.yaml"
    text = campaigns.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("        fr: "))
    _replace(campaigns, line + "\n", "")
    with pytest.raises(InputError) as raised:
        build(data_copy, template_of("fr"), data_copy.parent / "out.docx", lang="fr")
    (problem,) = raised.value.problems
    assert problem.file == str(campaigns)
    assert problem.line == _line_of(campaigns, "      outcome:")
    assert "outcome" in problem.where and "fr" in problem.message
    assert not (data_copy.parent / "out.docx").exists()


def test_a_typed_letter_beside_a_campaign_is_deprecated(data_copy: Path) -> None:
    events = _typed_letter(data_copy)
    (found,) = check(data_copy, template_of("en"), "en", today=DAY_AFTER)
    assert (found.severity, found.file, found.line) == (
        "warning",
        str(events),
        _line_of(events, "^letter:"),
    )
    assert found.where == "letter"
    assert found.message == (
        "is deprecated: the report tells of campaigns.yaml's campaign '2013-letter' (its "
        "signers and the States it approached); remove letter: from events.yaml"
    )


def test_a_typed_letter_beside_a_campaign_without_signers_says_to_move_them(
    data_copy: Path, tmp_path: Path
) -> None:
    _no_signers(data_copy / "campaigns.yaml")
    _typed_letter(data_copy)
    (found,) = check(data_copy, template_of("en"), "en", today=DAY_AFTER)
    assert found.severity == "warning"
    assert "first give the campaign signed_by: [{state: Portugal}, {state: Ghana}]" in (
        found.message
    )
    assert LETTER["en"].format(n=74) in _text(data_copy, tmp_path, "en")  # still built


def test_a_typed_letter_that_disagrees_with_the_campaign_is_an_error(data_copy: Path) -> None:
    events = _typed_letter(data_copy, 75, "Portugal, Japan")
    with pytest.raises(InputError) as raised:
        build(data_copy, template_of("en"), data_copy.parent / "out.docx", today=DAY_AFTER)
    found = {p.where: p for p in raised.value.problems}
    count, signers = found["letter.states_addressed"], found["letter.signed_by"]
    assert count.line == _line_of(events, "states_addressed: 75")
    assert count.message == (
        "75 disagrees with campaigns.yaml's campaign '2013-letter', which approached 74 States "
        "(reported): the report says the campaign's; remove letter: from events.yaml"
    )
    assert signers.message.startswith(
        "Portugal, Japan disagrees with the signers of campaigns.yaml's campaign '2013-letter' "
        "(Portugal, Ghana)"
    )
    assert not (data_copy.parent / "out.docx").exists()


def test_a_told_campaign_without_any_signer_is_an_error(data_copy: Path) -> None:
    campaigns = data_copy / "campaigns.yaml"
    _no_signers(campaigns)
    found: list[Problem] = check(data_copy, template_of("en"), "en", today=DAY_AFTER)
    (error,) = [p for p in found if p.severity == "error"]
    assert (error.file, error.where) == (str(campaigns), "campaigns[0] (2013-letter)")
    assert "give its signed_by" in error.message


def test_an_outcome_beside_a_number_of_replies_is_a_warning(data_copy: Path) -> None:
    """The report says the number when both are given: the outcome's words would be lost
    without a word, so the outcome gets a located warning."""
    campaigns = data_copy / "campaigns.yaml"
    _replace(campaigns, "recipients: 74\n", "recipients: 74\n      replies: 3\n")
    found = [p for p in check(data_copy, template_of("en"), "en", today=DAY_AFTER)]
    (said,) = [p for p in found if p.where.endswith("reported.outcome")]
    assert (said.severity, said.file, said.line) == (
        "warning",
        str(campaigns),
        _line_of(campaigns, "      outcome:"),
    )
    assert said.message.startswith("is not printed: the report says how many replied")
