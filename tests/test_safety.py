"""Safe loading and nothing lost: hostile files are refused fast, and no failure costs the
last good report or touches the inputs."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from reportgen.app import build, check
from reportgen.core.problems import InputError
from reportgen.inputs.load import load_inputs
from reportgen.inputs.yaml import MAX_FILE_BYTES
from tests.conftest import TEMPLATE

BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def _messages(data: Path) -> list[str]:
    return [f"{p.where}: {p.message}" for p in check(data, TEMPLATE)]


def test_an_alias_bomb_is_refused_quickly(data_copy: Path) -> None:
    (data_copy / "lessons.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.perf_counter()
    messages = _messages(data_copy)
    elapsed = time.perf_counter() - started
    assert messages == ["file: expands to more than 200000 values (YAML aliases?); refused"]
    # Not a benchmark: expanding it would take minutes and gigabytes, refusing it takes none.
    assert elapsed < 5


def test_an_oversized_file_is_refused_before_parsing(data_copy: Path) -> None:
    lessons = data_copy / "lessons.yaml"
    lessons.write_text("# padding\n" * (MAX_FILE_BYTES // 10 + 1), encoding="utf-8")
    (message,) = _messages(data_copy)
    assert message.startswith(f"file: is {lessons.stat().st_size} bytes; data files over")


def test_deep_nesting_is_refused(data_copy: Path) -> None:
    (data_copy / "lessons.yaml").write_text(
        "x: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8"
    )
    assert _messages(data_copy) == ["file: is nested too deeply to be report data"]


@pytest.mark.parametrize("loop", ["&a [1, *a]", "&a {next: *a}"])
def test_an_alias_inside_what_it_names_is_refused_where_it_stands(
    loop: str, data_copy: Path
) -> None:
    # Followed, it never ends: before MAX_DEPTH, the walk filled memory until killed.
    (data_copy / "lessons.yaml").write_text(f"# a comment\nx:\n  - {loop}\n", encoding="utf-8")
    (problem,) = check(data_copy, TEMPLATE)
    assert (problem.file.endswith("lessons.yaml"), problem.line, problem.column) == (True, 3, 5)
    assert problem.message.startswith("this list or record holds an alias to itself")


def test_a_number_too_long_to_read_is_a_located_problem(data_copy: Path) -> None:
    lessons = data_copy / "lessons.yaml"
    lessons.write_text(f"x: {'9' * 5000}\n", encoding="utf-8")  # int() refuses over 4300
    assert _messages(data_copy) == [
        f"x: '{'9' * 37}...' cannot be read as a whole number; put it in quotes if it is text"
    ]


def test_python_tags_never_run(data_copy: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    report = data_copy / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            "  en: Universalisation",
            f"  en: !!python/object/apply:os.system ['touch {marker}']",
        ),
        encoding="utf-8",
    )
    assert any("tags such as !!python are not allowed" in m for m in _messages(data_copy))
    assert not marker.exists()


@pytest.mark.parametrize("written", ["2008-12-03", "03.12.2008", "3 December 2008"])
def test_documented_date_formats_are_accepted(written: str, data_copy: Path) -> None:
    states = data_copy / "states.yaml"
    text = states.read_text(encoding="utf-8")
    states.write_text(
        text.replace("  signature: 2008-12-03", f"  signature: {written}", 1), encoding="utf-8"
    )
    assert str(load_inputs(data_copy).states[0].signature) == "2008-12-03"


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_build_never_modifies_its_inputs(data_copy: Path, tmp_path: Path) -> None:
    before, template = _digest(data_copy), hashlib.sha256(TEMPLATE.read_bytes()).hexdigest()
    build(data_copy, TEMPLATE, tmp_path / "report.docx")
    assert _digest(data_copy) == before
    assert hashlib.sha256(TEMPLATE.read_bytes()).hexdigest() == template


@pytest.fixture
def last_good(data_copy: Path, tmp_path: Path) -> tuple[Path, bytes]:
    output = tmp_path / "out" / "report.docx"
    build(data_copy, TEMPLATE, output)
    return output, output.read_bytes()


def _unchanged(output: Path, good: bytes) -> None:
    assert output.read_bytes() == good
    assert [p.name for p in output.parent.iterdir()] == [output.name]  # no temporary left


def test_bad_data_leaves_the_last_good_report(
    data_copy: Path, last_good: tuple[Path, bytes]
) -> None:
    output, good = last_good
    (data_copy / "states.yaml").write_text("- name: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError):
        build(data_copy, TEMPLATE, output)
    _unchanged(output, good)


def test_a_missing_template_leaves_the_last_good_report(
    data_copy: Path, last_good: tuple[Path, bytes], tmp_path: Path
) -> None:
    output, good = last_good
    with pytest.raises(InputError) as caught:
        build(data_copy, tmp_path / "no-such-template.docx", output)
    assert caught.value.problems[0].message == "is missing"
    _unchanged(output, good)


def test_a_failure_while_writing_leaves_the_last_good_report(
    data_copy: Path, last_good: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    output, good = last_good
    # a report that differs from the last one (an unchanged report is not written again)
    states = data_copy / "states.yaml"
    signed = "  iso3: CAN\n  region: Americas\n  signature: 2008-12-03\n"
    text = states.read_text(encoding="utf-8")
    assert signed in text
    states.write_text(text.replace(signed, signed + "  ratification: 2013-05-02\n"), "utf-8")

    def fail_halfway(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reportgen.core.writing.os.replace", fail_halfway)
    with pytest.raises(InputError) as caught:
        build(data_copy, TEMPLATE, output)
    assert "No space left on device" in caught.value.problems[0].message
    _unchanged(output, good)


def test_an_internal_failure_while_rendering_leaves_the_last_good_report(
    data_copy: Path, last_good: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    output, good = last_good

    def broken(*args: object) -> bytes:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("reportgen.templating.render.render", broken)
    with pytest.raises(RuntimeError):
        build(data_copy, TEMPLATE, output)
    _unchanged(output, good)
