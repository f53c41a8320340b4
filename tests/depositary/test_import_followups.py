"""What `reportgen import untc` does to the other data files after its changes (issue 19,
point 5): a categorised State that became a Party is said, one located line, and removed
from categories.yaml with --write (every other byte kept, in the same all-or-nothing
replacement); a withdrawn State stays in its category; a new State that names.yaml lacks is
a located warning naming what to add, with ISO 3166's names to check, never written.

The sources are the 4th MSP fixtures (tests/fixtures/untc/) edited; the data is the 4th MSP
copy, whose category I lists Iceland (a signatory) and category II Turkey (not a signatory).
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Callable
from pathlib import Path

import pycountry
import pytest

from reportgen.cli.main import main
from reportgen.depositary.matching import Matcher
from reportgen.figures.compute import compute
from reportgen.inputs.load import load_inputs, load_with_warnings
from reportgen.language.naming import Naming, name_problems
from tests.conftest import NAMES
from tests.depositary.test_untc_import import (
    HTML,
    _edited,
    _files,
    _member_line,
    _with_south_sudan,
)
from tests.depositary.test_withdrawal_import import NOTE, page

ICELAND_SIGNED = "<tr><td>Iceland</td><td> 3 Dec 2008</td><td></td><td></td></tr>"


def _iceland_ratifies(tmp_path: Path) -> Path:
    """The status page with Iceland (a signatory in category I) ratifying on 2 July 2013."""
    return _edited(
        tmp_path,
        HTML,
        (ICELAND_SIGNED, ICELAND_SIGNED.replace("<td></td></tr>", "<td> 2 Jul 2013</td></tr>")),
        ("Parties : 83", "Parties : 84"),
    )


def _run(
    capsys: pytest.CaptureFixture[str], source: Path, data: Path, *options: str
) -> tuple[int, list[str], list[str]]:
    code = main(["import", "untc", str(source), "--data", str(data), *options])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out.splitlines(), err.splitlines()


# --- A categorised State that became a Party -------------------------------------------


def test_a_categorised_state_that_ratified_is_one_line_then_removed_with_write(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _iceland_ratifies(tmp_path)
    categories = data_copy / "categories.yaml"
    original = categories.read_text(encoding="utf-8")
    line = _member_line(categories, "Iceland")
    before = _files(data_copy)

    code, out, err = _run(capsys, source, data_copy)
    assert code == 0, err
    assert out[-1] == (
        f"{categories}:{line}: Iceland: now a State Party (ratification 2013-07-02): "
        "--write removes it from category I"
    )
    assert _files(data_copy) == before  # without --write, nothing changes

    code, out, err = _run(capsys, source, data_copy, "--write")
    assert code == 0, err
    assert out[-1] == (
        f"{categories}:{line}: Iceland: now a State Party (ratification 2013-07-02): "
        "removed from category I"
    )
    assert f"wrote {categories}" in err
    lines = original.splitlines(keepends=True)
    assert lines[line - 1] == "    - Iceland\n"
    assert categories.read_text(encoding="utf-8") == "".join(lines[: line - 1] + lines[line:])
    inputs = load_inputs(data_copy)  # the data is valid: no State Party in a category
    assert all("Iceland" not in c.members for c in inputs.categories)
    assert "Iceland" in compute(inputs).new_states_parties.states

    code, out, err = _run(capsys, source, data_copy)  # again: nothing left to do
    assert code == 0 and out == []
    assert err[-1].endswith("agrees with the depositary's status as at 2013-09-01")


def test_a_member_with_comments_around_it_leaves_only_its_own_line(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    categories = data_copy / "categories.yaml"
    text = categories.read_text(encoding="utf-8")
    assert text.count("    - Iceland\n") == 1
    text = text.replace(
        "    - Iceland\n",
        "    # Iceland: met in May\n    - Iceland  # ratification expected\n    # next: Jamaica\n",
    )
    categories.write_text(text, encoding="utf-8")
    code, _, err = _run(capsys, _iceland_ratifies(tmp_path), data_copy, "--write")
    assert code == 0, err
    assert categories.read_text(encoding="utf-8") == text.replace(
        "    - Iceland  # ratification expected\n", ""
    )


def test_a_member_not_alone_on_its_line_is_left_to_the_person(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    categories = data_copy / "categories.yaml"
    text = categories.read_text(encoding="utf-8")
    flow = "  members: [Angola, Iceland]\n"
    start = text.index("  members:\n    - Angola\n")
    end = text.index("\n- key: II")
    text = text[:start] + flow + text[end:]
    categories.write_text(text, encoding="utf-8")
    before = _files(data_copy)
    code, out, err = _run(capsys, _iceland_ratifies(tmp_path), data_copy, "--write")
    assert code == 2
    line = text[: text.index(flow)].count("\n") + 1
    assert out[-1] == (
        f"{categories}:{line}: Iceland: now a State Party (ratification 2013-07-02): remove it "
        "from category I by hand (it is not alone on its line, or the category's last member: "
        "a category lists at least one State)"
    )
    assert "after the import: Iceland is a State Party" in err[-1]
    assert _files(data_copy) == before


def test_the_last_member_of_a_category_is_left_to_the_person(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    categories = data_copy / "categories.yaml"
    text = categories.read_text(encoding="utf-8")
    start = text.index("  members:\n    - Angola\n")
    text = text[:start] + "  members:\n    - Iceland\n" + text[text.index("\n- key: II") :]
    categories.write_text(text, encoding="utf-8")
    load_inputs(data_copy)  # valid: the other States are simply in no category
    code, out, err = _run(capsys, _iceland_ratifies(tmp_path), data_copy, "--write")
    assert code == 2
    assert "after the import: Iceland is a State Party" in err[-1]
    assert out[-1].startswith(f"{categories}:{_member_line(categories, 'Iceland')}: Iceland: ")
    assert out[-1].endswith(
        "remove it from category I by hand (it is not alone on its line, "
        "or the category's last member: a category lists at least one State)"
    )
    assert categories.read_text(encoding="utf-8") == text


def test_a_failure_writing_categories_leaves_every_file_as_it_was(
    tmp_path: Path,
    data_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = _iceland_ratifies(tmp_path)
    before = _files(data_copy)
    calls: list[str] = []
    real_replace: Callable[..., None] = os.replace

    def failing_on_categories(source: str, target: str | Path, **kwargs: object) -> None:
        calls.append(str(target))
        if Path(target).name == "categories.yaml":
            raise OSError(28, "No space left on device")
        real_replace(source, target, **kwargs)

    monkeypatch.setattr(os, "replace", failing_on_categories)
    code, _, err = _run(capsys, source, data_copy, "--write")
    monkeypatch.undo()
    assert code == 2
    assert any(Path(c).name == "states.yaml" for c in calls)  # replaced, then put back
    assert err[-1] == (
        f"{data_copy / 'categories.yaml'}: output: cannot be written (No space left on device)"
    )
    assert _files(data_copy) == before


# --- A withdrawn State stays among the States not party ---------------------------------

LITHUANIA = "  ratification: 2011-03-24\n"


def test_a_withdrawn_state_in_a_category_stays_in_it(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    states, categories = data_copy / "states.yaml", data_copy / "categories.yaml"
    text = states.read_text(encoding="utf-8")
    assert text.count("- name: Lithuania\n") == 1
    at = text.index(LITHUANIA, text.index("- name: Lithuania\n")) + len(LITHUANIA)
    # its withdrawal, written by hand a day before the depositary's footnote gives it
    hand = "  withdrawal_notified: 2012-09-05\n  withdrawal_effective: 2013-03-05\n"
    states.write_text(text[:at] + hand + text[at:], encoding="utf-8")
    listed = categories.read_text(encoding="utf-8").replace(
        "    - Latvia\n", "    - Latvia\n    - Lithuania\n"
    )
    categories.write_text(listed, encoding="utf-8")
    assert not compute(load_inputs(data_copy)).states_parties.states.count("Lithuania")

    source = page(tmp_path, brackets=True, note=NOTE, parties=82)
    code, out, err = _run(capsys, source, data_copy, "--write")
    assert code == 0, err
    assert [line.split(": ", 2)[2] for line in out] == [
        "Lithuania: withdrawal_notified: 2012-09-05 -> 2012-09-06",
        "Lithuania: withdrawal_effective: 2013-03-05 -> 2013-03-06",
    ]
    assert categories.read_text(encoding="utf-8") == listed
    assert "Lithuania" in load_inputs(data_copy).categories[1].members


# --- A new State without its names ------------------------------------------------------


def _iso_name(code: str, lang: str) -> str:
    """The country's name in pycountry's ISO 3166 catalogue for `lang`."""
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    country = pycountry.countries.get(alpha_3=code)
    assert country is not None
    return catalogue.gettext(country.name)


def test_a_new_state_without_names_is_a_located_warning_and_no_name_is_written(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _with_south_sudan(tmp_path)
    names = data_copy / "names.yaml"
    original = names.read_bytes()
    entries = names.read_text(encoding="utf-8").splitlines()
    codes = [c[:3] for c in entries if re.fullmatch(r"[A-Z]{3}:", c)]
    assert "SSD" not in codes and codes == sorted(codes)
    following = next(c for c in codes if c > "SSD")
    line = entries.index(f"{following}:") + 1
    fr, es = _iso_name("SSD", "fr"), _iso_name("SSD", "es")
    assert fr != "South Sudan" and es != "South Sudan"  # translations, not the English name
    warning = (
        f"{names}:{line}:1: SSD: warning: add `SSD:` with `fr:` and `es:` (before "
        f"`{following}:`): South Sudan is new in states.yaml, and a report in French or "
        "Spanish (`reportgen check --lang fr`) is refused until names.yaml gives its UN short "
        "name (UNTERM) with its article; ISO 3166's names (pycountry), not written, a "
        f"starting point to check against UNTERM: fr: {fr}, es: {es}"
    )
    argv = ["--region", "South Sudan=Africa"]
    code, _, err = _run(capsys, source, data_copy, *argv)
    assert code == 0 and err[-1] == warning

    code, _, err = _run(capsys, source, data_copy, *argv, "--write")
    assert code == 0  # a warning, not an error: the import itself is done
    assert err[-1] == warning
    assert names.read_bytes() == original  # never a name that is not UNTERM's
    assert load_inputs(data_copy).state("South Sudan").accession is not None
    inputs, problems, _ = load_with_warnings(data_copy, lang="fr")  # as `check --lang fr`
    assert inputs is None
    assert any("South Sudan has no French name" in str(p) for p in problems)


def test_a_state_the_data_has_gets_no_names_warning(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, _iceland_ratifies(tmp_path), data_copy)
    assert code == 0 and not any("warning: add" in line for line in err)


def test_with_the_shipped_names_a_new_state_has_its_names_by_data(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """names.yaml lists every State the depositary may list: the State the import adds
    builds in French and Spanish at once, with no warning."""
    names = data_copy / "names.yaml"
    names.write_text(NAMES.read_text(encoding="utf-8"), encoding="utf-8")
    original = names.read_bytes()
    argv = ["--region", "South Sudan=Africa", "--write"]
    code, _, err = _run(capsys, _with_south_sudan(tmp_path), data_copy, *argv)
    assert code == 0, err
    assert not any("names.yaml" in line or "warning: add" in line for line in err), err
    assert names.read_bytes() == original
    for lang, running in (("fr", "le Soudan du Sud"), ("es", "Sudán del Sur")):
        inputs, problems, _ = load_with_warnings(data_copy, lang=lang, names_check=name_problems)
        assert inputs is not None, [str(p) for p in problems]
        assert Naming(inputs, lang, inputs.report.as_of).running("South Sudan") == running


@pytest.mark.parametrize(
    "name", ["State of Palestine", "Holy See", "Cook Islands", "Niue", "South Sudan"]
)
def test_the_states_without_un_membership_match_a_code_names_yaml_has(name: str) -> None:
    """The depositary's names of the States beyond the 193 Member States find their entry."""
    shipped = NAMES.read_text(encoding="utf-8")
    code = Matcher([]).match(name)
    assert isinstance(code, str) and f"\n{code}:\n" in shipped
