"""A template costs bounded time and memory: every bomb is one problem of the template,
exit 2, the previous report untouched, within about the limit's time."""

from __future__ import annotations

import queue
import shutil
import threading
import time
from pathlib import Path

import docx
import pytest

from reportgen.app import Built, build, watch
from reportgen.core.problems import InputError
from tests.conftest import DATA, TEMPLATE, copy_template
from tests.hostile_docx import document_xml, rezip, run_measured


def _template_with(tmp_path: Path, paragraph: str) -> Path:
    """The frozen template with one more paragraph holding `paragraph`, and its catalogue."""
    document = docx.Document(str(TEMPLATE))
    document.add_paragraph(paragraph)
    path = copy_template(tmp_path / "template.docx")
    document.save(str(path))
    return path


CASES = {
    "nested range loops": (
        "{% for x in range(100000) %}{% for y in range(100000) %}{% endfor %}{% endfor %}",
        "the template's loops run more than 1000000 times; refused "
        "(raise REPORTGEN_TEMPLATE_LOOPS, now 1000000, to allow it)",
    ),
    "huge power": (
        "{{ (9**99999999) % 2 }}",
        "9 ** 99999999 has over 100000 bits; refused",
    ),
    "huge string": (
        "{{ 'a' * 10**9 }}",
        "the template builds a value of 1000000000 characters or items, more than 64 MB; "
        "refused (raise REPORTGEN_TEMPLATE_OUTPUT_MB, now 64, to allow it)",
    ),
    "huge range": (
        "{% for x in range(10**9) %}{% endfor %}",
        "range() gives 1000000000 numbers, more than 1000000; refused "
        "(raise REPORTGEN_TEMPLATE_LOOPS, now 1000000, to allow it)",
    ),
    "include": (
        "{% include 'secrets.txt' %}",
        "{% include %}, {% import %} and {% extends %} are not supported "
        "(the template names 'secrets.txt'): write the text in the template itself",
    ),
    "recursive macro": (
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
        "it calls itself without end (a recursive macro or loop)",
    ),
    "lipsum": ("{{ lipsum(10**6) }}", "'lipsum' is not a name the template knows"),
    "wide filter": ("{{ 'a'|center(10**9) }}", "1000000000 characters or items"),
    "wide format": ("{{ '{:>999999999}'.format(1) }}", "999999999 characters or items"),
    "doubling": (
        "{% set ns = namespace(s='aaaaaaaa') %}{% for i in range(40) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
        "characters or items, more than 64 MB",
    ),
    "division by zero": ("{{ 1 / 0 }}", "cannot be computed (ZeroDivisionError: division by zero)"),
}


@pytest.fixture
def last_good(tmp_path: Path) -> tuple[Path, bytes]:
    output = tmp_path / "out" / "report.docx"
    build(DATA, TEMPLATE, output)
    return output, output.read_bytes()


@pytest.mark.parametrize("case", list(CASES))
def test_a_costly_template_is_one_problem_and_the_report_stays(
    case: str, tmp_path: Path, last_good: tuple[Path, bytes]
) -> None:
    tag, reason = CASES[case]
    template = _template_with(tmp_path, tag)
    output, good = last_good
    arguments = ["--data", str(DATA), "--template", str(template), "--output", str(output)]
    result = run_measured("build", *arguments, tmp_path=tmp_path)
    assert result.status == 2, result.stderr
    (line,) = result.lines
    # Located at the paragraph that holds the tag: the one added, the last of the body.
    assert line.startswith(f"{template}: body, paragraph ") and reason in line
    assert f'("{tag[:18]}' in line
    assert output.read_bytes() == good
    # Before the limits: hours, or 3 to 6 GB then exit 70. Now the build's own cost.
    assert result.peak_mb < 600 and result.seconds < 60, result


@pytest.mark.parametrize(
    "tag",
    [
        "{% macro m(n) %}{% if n %}{{ m(n-1) }}{{ m(n-1) }}{% endif %}{% endmacro %}{{ m(40) }}",
        "{% for a in status %}{% for b in status %}{% for c in status %}{% for d in status %}"
        "{{ '' }}{% endfor %}{% endfor %}{% endfor %}{% endfor %}",
    ],
    ids=["macro-fan-out", "loops-over-data"],
)
def test_a_template_that_runs_too_long_stops_at_the_deadline(tag: str, tmp_path: Path) -> None:
    template = _template_with(tmp_path, tag)
    result = run_measured(
        "build",
        "--data",
        str(DATA),
        "--template",
        str(template),
        "--output",
        str(tmp_path / "report.docx"),
        tmp_path=tmp_path,
        environment={"REPORTGEN_TEMPLATE_SECONDS": "2", "REPORTGEN_TEMPLATE_LOOPS": "10000000000"},
    )
    assert result.status == 2, result.stderr
    (line,) = result.lines
    assert line.startswith(f"{template}: body, paragraph ")
    assert f'("{tag[:18]}' in line and "the template takes more than 2 s" in line
    assert "REPORTGEN_TEMPLATE_SECONDS" in line
    # Imports, data and charts take a second or two; the render stops at its deadline.
    assert result.seconds < 30 and result.peak_mb < 600, result
    assert not (tmp_path / "report.docx").exists()


def test_a_template_that_is_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    template = copy_template(
        tmp_path / "bomb.docx",
        rezip(TEMPLATE.read_bytes(), replace={"word/document.xml": document_xml(1_500_000)}),
    )
    result = run_measured(
        "build",
        "--data",
        str(DATA),
        "--template",
        str(template),
        "--output",
        str(tmp_path / "report.docx"),
        tmp_path=tmp_path,
        environment={"REPORTGEN_MAX_PART_MB": "4"},
    )
    assert result.status == 2
    assert result.lines == [
        f"{template}: template: word/document.xml: unpacks to more than 4 MB; refused "
        "(raise REPORTGEN_MAX_PART_MB, now 4, to allow it)"
    ]
    assert result.peak_mb < 400 and result.seconds < 60, result


@pytest.mark.parametrize("kind", ["xxe", "billion laughs", "corrupt", "malformed styles"])
def test_a_template_with_a_dtd_or_a_broken_zip_is_refused(kind: str, tmp_path: Path) -> None:
    template = copy_template(tmp_path / "template.docx")  # and its catalogue
    if kind in ("xxe", "billion laughs"):
        entities = (
            b'<!ENTITY x SYSTEM "file:///etc/passwd">'
            if kind == "xxe"
            else b'<!ENTITY a "lol">'
            + b"".join(
                b'<!ENTITY %s "%s">' % (bytes([98 + i]), b"&%s;" % bytes([97 + i]) * 10)
                for i in range(9)
            )
            + b'<!ENTITY x "&j;">'
        )
        xml = document_xml(1, "&x;").replace(b"?>", b"?><!DOCTYPE d [" + entities + b"]>", 1)
        template.write_bytes(rezip(TEMPLATE.read_bytes(), replace={"word/document.xml": xml}))
        expected = "word/document.xml: holds a document type declaration"
    elif kind == "corrupt":
        template.write_bytes(TEMPLATE.read_bytes()[:4000])
        expected = "is not a Word document (.docx)"
    else:
        template.write_bytes(rezip(TEMPLATE.read_bytes(), replace={"word/styles.xml": b"<w:st"}))
        expected = "is a Word document whose parts cannot be read ("
    with pytest.raises(InputError) as caught:
        build(DATA, template, tmp_path / "report.docx")
    (problem,) = caught.value.problems
    assert problem.where == "template" and problem.message.startswith(expected)


def test_the_limits_can_be_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    template = _template_with(tmp_path, "{{ 'ab' * 2000000 }}")
    monkeypatch.setenv("REPORTGEN_TEMPLATE_OUTPUT_MB", "1")
    with pytest.raises(InputError, match="REPORTGEN_TEMPLATE_OUTPUT_MB"):
        build(DATA, template, tmp_path / "report.docx")
    monkeypatch.setenv("REPORTGEN_TEMPLATE_OUTPUT_MB", "16")
    build(DATA, template, tmp_path / "report.docx")
    assert (tmp_path / "report.docx").exists()


def test_a_template_bomb_saved_under_watch_is_reported_and_watching_goes_on(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORTGEN_TEMPLATE_SECONDS", "1")
    monkeypatch.setenv("REPORTGEN_TEMPLATE_LOOPS", "10000000000")
    template = _template_with(
        tmp_path,
        "{% for a in status %}{% for b in status %}{% for c in status %}{% for d in status %}"
        "{{ '' }}{% endfor %}{% endfor %}{% endfor %}{% endfor %}",
    )
    outcomes: queue.Queue[Built | Exception] = queue.Queue()
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch,
        args=(data_copy, template, tmp_path / "report.docx"),
        kwargs={"report": lambda o, s: outcomes.put(o), "interval": 0.02, "stop": stop.is_set},
    )
    started = time.monotonic()
    watcher.start()
    try:
        first = outcomes.get(timeout=120)
        assert isinstance(first, InputError), first
        assert "takes more than 1 s to render" in first.problems[0].message
        assert time.monotonic() - started < 60
        shutil.copyfile(TEMPLATE, template)  # the user undoes the save
        second = outcomes.get(timeout=120)
        assert isinstance(second, Built)
    finally:
        stop.set()
        watcher.join(timeout=60)
