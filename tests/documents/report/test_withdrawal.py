"""Withdrawal in the report: the sentence of States Parties since a meeting (a message for
each case: rise, fall, rise and fall, unchanged, pending), the status table's mark and
footnote, the timeline and `reportgen figures`, in English, French and Spanish.

Synthetic, not the public record: Lithuania's withdrawal is moved into the 4th MSP's years
(copies of tests/fixtures/4msp/data/ edited by each test) so that each case can be built;
every number expected is computed from the data, never typed. The public record (Lithuania,
2024-2025) is tests/fixtures/public-2025/ (test_public_record.py).
"""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest

from reportgen.app import build
from reportgen.cli.main import main
from reportgen.documents.report import charts
from reportgen.documents.report.context import report_formats
from reportgen.documents.report.values import SENTENCES
from reportgen.figures.compute import compute
from reportgen.inputs.load import load_inputs
from reportgen.language.fluent import Sentences, read_catalogue
from reportgen.language.formats import Formats
from reportgen.review.rendition import rendition
from tests.conftest import DATA, template_of

LITHUANIA = "  ratification: 2011-03-24\n"
SECOND_MSP_CLOSED = "2011-09-16"
DEPOSIT = re.compile(r"^  (ratification|accession|succession): (\d{4}-\d\d-\d\d)\n", re.MULTILINE)


def make_data(
    target: Path,
    lines: str = "",
    *,
    no_deposit_after: str | None = None,
    keep: tuple[str, ...] = (),
) -> Path:
    """A copy of the 4th MSP data with `lines` added to Lithuania's record and, with
    `no_deposit_after`, every later deposit removed but those of the States `keep`."""
    shutil.copytree(DATA, target)
    states = target / "states.yaml"
    text = states.read_text(encoding="utf-8")
    if no_deposit_after is not None:
        records = text.split("\n- name: ")
        for index, record in enumerate(records):
            if record.split("\n", 1)[0] in keep:
                continue
            records[index] = DEPOSIT.sub(
                lambda m: "" if m.group(2) > no_deposit_after else m.group(0), record
            )
        text = "\n- name: ".join(records)
    assert text.count(LITHUANIA) == 1
    states.write_text(text.replace(LITHUANIA, LITHUANIA + lines), encoding="utf-8")
    return target


def built(data: Path, lang: str) -> str:
    """The report of `data` in `lang`, as text with its spaces folded."""
    output = data.parent / f"report.{lang}.docx"
    build(data, template_of(lang), output, lang=lang)
    return rendition(output)


def folded(text: str) -> str:
    """The text with its lines and spaces folded: the rendition writes a no-break space
    (French, before ";" and in dates) as a space."""
    return " ".join(text.split())


IN_EFFECT = "  withdrawal_notified: 2012-10-01\n  withdrawal_effective: 2013-04-01\n"
PENDING = "  withdrawal_notified: 2013-05-01\n  withdrawal_effective: 2013-11-01\n"


@pytest.fixture(scope="module")
def rise_and_fall(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_data(tmp_path_factory.mktemp("rise-and-fall") / "data", IN_EFFECT)


@pytest.fixture(scope="module")
def fall(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fall") / "data"
    return make_data(folder, IN_EFFECT, no_deposit_after=SECOND_MSP_CLOSED)


def test_the_count_fell_when_the_withdrawal_took_effect(fall: Path) -> None:
    figures = compute(load_inputs(fall))
    before, after = (
        figures.states_parties_at_since_meeting.count,
        figures.states_parties.count,
    )
    assert (figures.new_states_parties.count, after) == (0, before - 1)
    expected = {
        "en": f"Since the 2nd Meeting of States Parties (2011), no State has ratified or "
        f"acceded to the CCM; the number of States Parties fell from {before} to {after} when "
        "Lithuania's withdrawal took effect on 1 April 2013.",
        "fr": f"le nombre d'États parties est passé de {before} à {after} lorsque le retrait "
        "de la Lituanie a pris effet le 1er avril 2013.",
        "es": f"el número de Estados partes bajó de {before} a {after} cuando surtió efecto "
        "la denuncia de Lituania el 1 de abril de 2013.",
    }
    for lang, sentence in expected.items():
        text = folded(built(fall, lang))
        assert sentence in text, lang
        assert f"| **{after}** |" in text, lang  # the table's total of States Parties


def test_the_count_rose_and_fell_in_one_sentence(rise_and_fall: Path) -> None:
    figures = compute(load_inputs(rise_and_fall))
    new, before, after = (
        figures.new_states_parties.count,
        figures.states_parties_at_since_meeting.count,
        figures.states_parties.count,
    )
    assert after == before + new - 1
    text = folded(built(rise_and_fall, "en"))
    assert (
        f"({new}) States have ratified or acceded to the CCM, and Lithuania's withdrawal took "
        f"effect on 1 April 2013: the number of States Parties rose from {before} to {after}; "
        f"they make up" in text
    )
    assert "an increase of" not in text  # the rise of the new alone is not the change
    french = folded(
        "et le retrait de la Lituanie a pris effet le 1er avril 2013\u00a0: le nombre "
        f"d'États parties est passé de {before} à {after}\u00a0;"
    )
    assert french in folded(built(rise_and_fall, "fr"))
    assert (
        "y surtió efecto la denuncia de Lituania el 1 de abril de 2013: el número de "
        f"Estados partes ha pasado de {before} a {after};" in folded(built(rise_and_fall, "es"))
    )


def test_the_count_unchanged_when_as_many_joined_as_withdrew(tmp_path: Path) -> None:
    data = make_data(
        tmp_path / "data", IN_EFFECT, no_deposit_after=SECOND_MSP_CLOSED, keep=("Andorra",)
    )
    figures = compute(load_inputs(data))
    assert figures.new_states_parties.states == ("Andorra",)
    parties = figures.states_parties.count
    assert parties == figures.states_parties_at_since_meeting.count
    text = folded(built(data, "en"))
    assert (
        "the following State has ratified or acceded to the CCM, and Lithuania's "
        f"withdrawal took effect on 1 April 2013: the number of States Parties remains {parties};"
    ) in text


def test_no_change_and_no_withdrawal_keeps_its_sentence(tmp_path: Path) -> None:
    data = make_data(tmp_path / "data", no_deposit_after=SECOND_MSP_CLOSED)
    parties = compute(load_inputs(data)).states_parties.count
    assert (
        "no State has ratified or acceded to the CCM; the number of States Parties remains "
        f"{parties}." in folded(built(data, "en"))
    )


def test_a_pending_withdrawal_is_stated_with_its_effective_day(tmp_path: Path) -> None:
    data = make_data(tmp_path / "data", PENDING)
    inputs = load_inputs(data)
    figures = compute(inputs)
    assert "Lithuania" in figures.states_parties.states
    note = len(inputs.categories) + 1
    expected = {
        "en": (
            "Lithuania, which notified its withdrawal on 1 May 2013, remains a State Party "
            "until the withdrawal takes effect on 1 November 2013.",
            f"[^{note}]: Withdrawal notified on 1 May 2013, to take effect on 1 November 2013.",
        ),
        "fr": (
            "Le retrait de la Lituanie, notifié le 1er mai 2013, ne prendra effet que le 1er "
            "novembre 2013\u00a0; jusque-là, la Lituanie reste État partie.",
            f"[^{note}]: Retrait notifié le 1er mai 2013, qui prendra effet le 1er novembre 2013.",
        ),
        "es": (
            "La denuncia de Lituania, notificada el 1 de mayo de 2013, no surtirá efecto hasta "
            "el 1 de noviembre de 2013; hasta entonces, Lituania sigue siendo Estado parte.",
            f"[^{note}]: Denuncia notificada el 1 de mayo de 2013, que surtirá efecto el 1 de "
            "noviembre de 2013.",
        ),
    }
    for lang, (sentence, footnote) in expected.items():
        text = built(data, lang)
        assert folded(sentence) in folded(text), lang
        assert footnote in text.splitlines(), lang
        assert f"| **{figures.states_parties.count}** |" in text, lang


@pytest.mark.parametrize(
    ("lang", "row", "footnote"),
    [
        ("en", "Lithuania", "Withdrawal notified on 1 October 2012, effective 1 April 2013."),
        ("fr", "Lituanie", "Retrait notifié le 1er octobre 2012, effectif le 1er avril 2013."),
        (
            "es",
            "Lituania",
            "Denuncia notificada el 1 de octubre de 2012, con efecto desde el 1 de abril de 2013.",
        ),
    ],
)
def test_the_status_table_keeps_the_state_marked_and_footnoted(
    rise_and_fall: Path, lang: str, row: str, footnote: str
) -> None:
    inputs = load_inputs(rise_and_fall)
    figures = compute(inputs)
    note = len(inputs.categories) + 1  # after the categories' footnotes
    lines = built(rise_and_fall, lang).splitlines()
    assert f"| {row}[^{note}] | 03.12.2008 | 24.03.2011 |" in lines
    assert f"[^{note}]: {footnote}" in lines
    signatories, parties = figures.signatories.count, figures.states_parties.count
    assert f"| **Total** | **{signatories}** | **{parties}** |" in lines or lang != "en"
    rows = [line for line in lines if line.startswith("| ") and "**" not in line]
    dated = [line for line in rows if re.search(r"\| \d\d\.\d\d\.\d{4} \|$", line)]
    assert len(dated) == parties + 1  # the withdrawn State keeps its date, not counted


def test_a_state_that_joined_again_shows_its_latest_instrument_and_its_history(
    tmp_path: Path,
) -> None:
    data = make_data(
        tmp_path / "data",
        "  withdrawal_notified: 2011-10-01\n  withdrawal_effective: 2012-04-01\n"
        "  rejoined:\n  - accession: 2013-01-10\n",
    )
    inputs = load_inputs(data)
    note = len(inputs.categories) + 1
    lines = built(data, "en").splitlines()
    assert f"| Lithuania[^{note}] | 03.12.2008 | 10.01.2013 |" in lines
    assert (
        f"[^{note}]: Ratification of 24 March 2011: withdrawal notified on 1 October 2011, "
        "effective 1 April 2012."
    ) in lines


def test_the_timeline_chart_steps_down_and_ends_at_the_count(rise_and_fall: Path) -> None:
    inputs = load_inputs(rise_and_fall)
    figures = compute(inputs)
    formats = report_formats(inputs)
    say = Sentences(
        read_catalogue(template_of("en").with_suffix(".ftl"), "en_GB", SENTENCES), formats
    )
    chart = charts.states_parties_over_time(figures.states_parties_over_time, formats, say)
    line = [v for v in chart.series[0].values if v is not None]
    assert line[-1] == figures.states_parties.count
    assert any(b < a for a, b in itertools.pairwise(line))
    assert f"to {figures.states_parties.count} on 1 September 2013" in chart.description


def test_reportgen_figures_lists_the_withdrawal(
    rise_and_fall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["figures", "--data", str(rise_and_fall)]) == 0
    out = capsys.readouterr().out
    blocks = {block.split()[0]: block for block in out.split("\n\n") if block.strip()}
    assert blocks["withdrawals"].split()[1] == "1"
    assert "States: Lithuania" in blocks["withdrawals"]
    assert "States: Lithuania" in blocks["withdrawals_since_meeting"]
    withdrawal = folded(blocks["withdrawal.LTU"])
    assert withdrawal.split()[1] == "1"  # in effect on the as-of day
    assert "Lithuania notified its withdrawal (Article 20) on 2012-10-01;" in withdrawal
    assert "it took effect on 2013-04-01: not a State Party from that day on" in withdrawal


REJOINED = (
    "  withdrawal_notified: 2011-10-01\n  withdrawal_effective: 2012-04-01\n"
    "  rejoined:\n  - accession: 2013-01-10\n"
)
"""Lithuania, a State Party when the 2nd MSP closed (16 September 2011), withdrew and acceded
again in the period counted: it is no new State Party, and the count is unchanged by it."""

BACK = {
    "en": "Lithuania, whose withdrawal took effect on 1 April 2012, acceded again on "
    "10 January 2013",
    "fr": "la Lituanie, dont le retrait avait pris effet le 1er avril 2012, a adhéré de nouveau "
    "à la Convention le 10 janvier 2013",
    "es": "Lituania, cuya denuncia había surtido efecto el 1 de abril de 2012, se adhirió de "
    "nuevo a la Convención el 10 de enero de 2013",
}


def test_a_state_that_withdrew_and_acceded_again_alone_is_told_so(tmp_path: Path) -> None:
    # Hostile review of issue 19, #11: the report said "the following State has ratified or
    # acceded to the CCM, and Lithuania's withdrawal took effect ...: the number of States
    # Parties remains 112", with Lithuania alone in the table of new States Parties.
    data = make_data(tmp_path / "data", REJOINED, no_deposit_after=SECOND_MSP_CLOSED)
    figures = compute(load_inputs(data))
    assert figures.new_states_parties.count == 0
    assert figures.rejoined_since_meeting.states == ("Lithuania",)
    assert figures.withdrawals_since_meeting.count == 0
    parties = figures.states_parties.count
    assert parties == figures.states_parties_at_since_meeting.count
    ending = {
        "en": f"; the number of States Parties remains {parties}.",
        "fr": f" ; le nombre d'États parties est toujours de {parties}.",
        "es": f"; el número de Estados partes sigue siendo {parties}.",
    }
    opening = {"en": "(2011), ", "fr": "(2011), ", "es": "(2011), "}
    for lang, back in BACK.items():
        text = folded(built(data, lang))
        assert opening[lang] + back + ending[lang] in text, lang
        assert "Lithuania's withdrawal took effect" not in text
        assert "no State has ratified" not in text


def test_a_state_that_acceded_again_is_told_beside_the_new_states_parties(
    tmp_path: Path,
) -> None:
    data = make_data(tmp_path / "data", REJOINED)
    figures = compute(load_inputs(data))
    new, before, after = (
        figures.new_states_parties.count,
        figures.states_parties_at_since_meeting.count,
        figures.states_parties.count,
    )
    assert "Lithuania" not in figures.new_states_parties.states
    assert "Lithuania" not in figures.period_states_parties.states
    assert after == before + new  # Lithuania's return changes nothing
    sentence = {
        "en": f"(2011), {BACK['en']}, and the following {Formats('en').words(new)} ({new}) "
        f"States have ratified or acceded to the CCM, raising the number of States Parties "
        f"from {before} to {after},",
        "fr": f"(2011), {BACK['fr']}, et les {Formats('fr').words(new)} ({new}) États suivants "
        "ont ratifié la Convention ou y ont adhéré, ce qui a porté le nombre d'États parties de "
        f"{before} à {after}",
        "es": f"(2011), {BACK['es']}, y los siguientes {Formats('es').words(new)} ({new}) Estados",
    }
    for lang, expected in sentence.items():
        text = built(data, lang)
        assert folded(expected) in folded(text), lang
        # the table of new States Parties (names only, no dates) does not hold it
        table = [
            line
            for line in text.splitlines()
            if line.startswith("| ") and not re.search(r"\d", line)
        ]
        assert table, lang
        assert not any("Lit" in line for line in table), lang


def test_reportgen_figures_counts_a_return_apart_from_the_new_states_parties(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = make_data(tmp_path / "data", REJOINED)
    assert main(["figures", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    blocks = {block.split()[0]: folded(block) for block in out.split("\n\n") if block.strip()}
    assert "States: Lithuania" in blocks["rejoined_since_meeting"]
    assert "Lithuania" not in blocks["new_states_parties"]
    assert "Lithuania" not in blocks["withdrawals_since_meeting"]
    assert "not rejoined" in blocks["new_states_parties"]
