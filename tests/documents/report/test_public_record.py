"""Lithuania's withdrawal from the Convention, the public record (tests/fixtures/2025-withdrawal/).

The fixture is the 4th MSP data rolled forward to 1 September 2025 only as far as the
withdrawal: its README gives the source of each date and what it does not hold. The
withdrawal's days are asserted as the record gives them; every count is compared with the
same data without the withdrawal, never typed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reportgen.app import build
from reportgen.figures.compute import compute
from reportgen.inputs.load import load_inputs
from reportgen.inputs.models import Inputs
from reportgen.review.rendition import rendition
from tests.conftest import template_of

FIXTURE = Path(__file__).parents[2] / "fixtures" / "2025-withdrawal" / "data"
NOTIFIED, EFFECTIVE = dt.date(2024, 9, 6), dt.date(2025, 3, 6)


@pytest.fixture(scope="module")
def record() -> Inputs:
    return load_inputs(FIXTURE)


def _without_the_withdrawal(inputs: Inputs, **report: object) -> Inputs:
    states = [
        s.model_copy(update={"withdrawal_notified": None, "withdrawal_effective": None})
        if s.name == "Lithuania"
        else s
        for s in inputs.states
    ]
    frame = inputs.report.model_copy(update=report)
    return Inputs(**{**dict(inputs), "states": states, "report": frame})


def test_lithuania_notified_on_6_september_2024_effective_6_march_2025(record: Inputs) -> None:
    lithuania = record.state("Lithuania")
    assert (lithuania.withdrawal_notified, lithuania.withdrawal_effective) == (NOTIFIED, EFFECTIVE)
    assert record.report.as_of == dt.date(2025, 9, 1)


def test_on_1_september_2025_one_state_party_fewer_than_without_the_withdrawal(
    record: Inputs,
) -> None:
    figures = compute(record)
    without = compute(_without_the_withdrawal(record))
    assert figures.states_parties.count == without.states_parties.count - 1
    assert set(without.states_parties.states) - set(figures.states_parties.states) == {"Lithuania"}
    assert figures.signatories_yet_to_ratify == without.signatories_yet_to_ratify
    assert figures.signatories == without.signatories
    assert figures.states_parties_over_time.last.count == figures.states_parties.count
    assert figures.states_parties_over_time.steps[-1].day == EFFECTIVE
    assert figures.states_parties_over_time.steps[-1].left == ("Lithuania",)


def test_between_notification_and_effect_lithuania_is_still_a_state_party(
    record: Inputs,
) -> None:
    pending_day = dt.date(2024, 12, 1)
    frame = record.report.model_copy(update={"as_of": pending_day})
    figures = compute(Inputs(**{**dict(record), "report": frame}))
    without = compute(_without_the_withdrawal(record, as_of=pending_day))
    assert figures.states_parties.states == without.states_parties.states
    assert figures.withdrawals_pending.states == ("Lithuania",)


@pytest.mark.parametrize(
    ("lang", "sentence", "row", "footnote"),
    [
        (
            "en",
            "and Lithuania's withdrawal took effect on 6 March 2025: the number of States "
            "Parties rose from",
            "| Lithuania[^4] | 03.12.2008 | 24.03.2011 |",
            "[^4]: Withdrawal notified on 6 September 2024, effective 6 March 2025.",
        ),
        (
            "fr",
            "et le retrait de la Lituanie a pris effet le 6 mars 2025 : le nombre d'États "
            "parties est passé de",
            "| Lituanie[^4] | 03.12.2008 | 24.03.2011 |",
            "[^4]: Retrait notifié le 6 septembre 2024, effectif le 6 mars 2025.",
        ),
        (
            "es",
            "y surtió efecto la denuncia de Lituania el 6 de marzo de 2025: el número de "
            "Estados partes ha pasado de",
            "| Lituania[^4] | 03.12.2008 | 24.03.2011 |",
            "[^4]: Denuncia notificada el 6 de septiembre de 2024, con efecto desde el 6 de "
            "marzo de 2025.",
        ),
    ],
)
def test_the_reports_state_and_footnote_the_withdrawal(
    tmp_path: Path, record: Inputs, lang: str, sentence: str, row: str, footnote: str
) -> None:
    assert len(record.categories) == 3  # the withdrawal's footnote follows theirs: [^4]
    output = tmp_path / f"report.{lang}.docx"
    build(FIXTURE, template_of(lang), output, lang=lang)
    text = rendition(output)
    lines = text.splitlines()
    parties = compute(record).states_parties.count
    assert sentence in " ".join(text.split())
    assert row in lines and footnote in lines
    assert f"| **{compute(record).signatories.count}** | **{parties}** |" in text
