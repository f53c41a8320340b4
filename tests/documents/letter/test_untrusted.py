"""A campaign file is untrusted: what it says is printed as text, never run as template
code, and never breaks a letter's XML; a file of thousands of entries is refused or read
in bounded time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reportgen.core.problems import InputError
from reportgen.review.rendition import rendition
from reportgen.sets import build_letters
from tests.documents.letter.test_letters import TEMPLATES, campaign_data
from tests.test_office_validation import findings

HOSTILE = "{{ 7*7 }} {% if true %}x{% endif %} { $state } <w:t>&amp; \"'</w:t> سفير"
"""A signer's name with Jinja, Fluent and XML syntax, and right-to-left letters."""


def test_template_syntax_in_a_name_is_printed_as_it_is(tmp_path: Path) -> None:
    yaml_name = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    data = campaign_data(
        tmp_path,
        {
            "campaigns.yaml": (
                "previous: 2012-illustration\n    signed_by:\n      - {state: Portugal}",
                "previous: 2012-illustration\n    signed_by:\n"
                f'      - {{state: Portugal, name: "{yaml_name}"}}',
            )
        },
    )
    built = build_letters(data, templates=TEMPLATES, root=tmp_path / "out")
    for lang in ("en", "fr", "es"):
        sent = next(s for s in built.letters if s.lang == lang)
        text = rendition(sent.file)
        assert HOSTILE in text, lang
        assert "49" not in text
        assert findings(sent.file) == [], lang


@pytest.mark.parametrize("control", ["\u202e", "\x07"])
def test_a_control_character_in_a_name_is_refused_where_it_stands(
    tmp_path: Path, control: str
) -> None:
    escaped = control.encode("unicode_escape").decode()
    data = campaign_data(
        tmp_path,
        {
            "campaigns.yaml": (
                "previous: 2012-illustration\n    signed_by:\n      - {state: Portugal}",
                "previous: 2012-illustration\n    signed_by:\n"
                f'      - {{state: Portugal, name: "A{escaped}B"}}',
            )
        },
    )
    with pytest.raises(InputError) as raised:
        build_letters(data, templates=TEMPLATES, root=tmp_path / "out")
    (problem,) = raised.value.problems
    lines = (data / "campaigns.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if 'name: "A' in text)
    assert f"campaigns.yaml:{line}:" in str(problem) and "signed_by[0]" in str(problem)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_thousands_of_replies_and_additions_in_bounded_time(tmp_path: Path) -> None:
    """5,000 replies from States not written to and 5,000 unknown additions: each said on
    its line, in a few seconds, nothing written."""
    replies = "".join(f"\n      - {{state: Nowhere {i}, date: 2013-07-01}}" for i in range(5000))
    added = ", ".join(f"Nowhere {i}" for i in range(5000))
    data = campaign_data(
        tmp_path,
        {
            "campaigns.yaml": (
                "categories: [I, II, III]\n    replies:\n      - {state: Benin, date: 2013-07-01}",
                f"categories: [I, II, III]\n      add: [{added}]\n    replies:{replies}",
            )
        },
    )
    started = time.perf_counter()
    with pytest.raises(InputError) as raised:
        build_letters(data, templates=TEMPLATES, root=tmp_path / "out")
    assert time.perf_counter() - started < 60
    problems = [str(p) for p in raised.value.problems]
    assert len(problems) == 10000
    assert all("campaigns.yaml:" in p and "is not a State of states.yaml" in p for p in problems)
