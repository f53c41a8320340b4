"""Fixed prose that printed a computed fact that becomes false (review of issue 19, #6).

"Following the path initiated in 2012" printed the year of the meeting opening the
highlighted period: true in 2013 only. The year is data (events.yaml categories_since);
left out, so is the clause.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from reportgen.app import build
from reportgen.review.rendition import rendition
from tests.conftest import template_of

DAY_AFTER = dt.date(2013, 9, 2)


def _text(data: Path, tmp_path: Path, lang: str) -> str:
    output = tmp_path / f"report.{lang}.docx"
    build(data, template_of(lang), output, lang=lang, today=DAY_AFTER)
    return " ".join(rendition(output).split())


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


OPENING = {
    "en": (
        "4. Following the path initiated in {y}, we herewith present a summary",
        "4. We herewith present a summary",
    ),
    "fr": (
        "4. Dans le prolongement de la démarche engagée en {y}, nous présentons ci-après un résumé",
        "4. Nous présentons ci-après un résumé",
    ),
    "es": (
        "4. Siguiendo el camino iniciado en {y}, presentamos a continuación un resumen",
        "4. Presentamos a continuación un resumen",
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_path_year_is_data_not_the_highlighted_periods(
    data_copy: Path, tmp_path: Path, lang: str
) -> None:
    events = data_copy / "events.yaml"
    _replace(events, "categories_since: 2012", "categories_since: 2010")
    assert OPENING[lang][0].format(y=2010) in _text(data_copy, tmp_path, lang)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_without_the_year_the_clause_is_left_out(
    data_copy: Path, tmp_path: Path, lang: str
) -> None:
    events = data_copy / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(re.sub(r"\ncategories_since: .*\n", "\n", text), encoding="utf-8")
    assert OPENING[lang][1] in _text(data_copy, tmp_path, lang)


# --- Demarches and letters of another period (review of issue 19, #6b) --------------------

from reportgen.app import check  # noqa: E402
from tests.conftest import DATA  # noqa: E402


def _warnings(data: Path) -> list[str]:
    found = check(data, template_of("en"), "en", today=DAY_AFTER)
    assert all(p.severity == "warning" for p in found), found
    return [f"{p.where}: {p.message}" for p in found]


def test_the_4th_msp_demarches_and_letter_give_no_warning() -> None:
    # Japan handed over at the 3rd MSP, inside the period from the 2nd MSP's close
    assert _warnings(DATA) == []


def test_demarches_by_a_state_that_no_longer_coordinated_is_a_warning(data_copy: Path) -> None:
    _replace(data_copy / "report.yaml", "until: 3MSP", "until: 2MSP")
    (found,) = _warnings(data_copy)
    assert found.startswith(
        "demarches.by[1]: Japan handed over the coordination at 2MSP (2011-09-16): it did not "
        "coordinate during the period this report covers, from the close of 2MSP (2011-09-16)"
    )
    assert found.endswith("are these a previous report's demarches?")


def test_demarches_by_a_state_that_never_coordinated_is_a_warning(data_copy: Path) -> None:
    _replace(data_copy / "events.yaml", "by: [Portugal, Japan]", "by: [Portugal, Zambia]")
    (found,) = _warnings(data_copy)
    assert found.startswith(
        "demarches.by[1]: Zambia is not a coordinator (report.yaml coordinators): it did not "
        "coordinate during the period this report covers"
    )


def test_a_letter_dated_before_the_period_is_a_warning(data_copy: Path) -> None:
    _replace(data_copy / "campaigns.yaml", "year: 2013 ", "date: 2011-05-01 ")
    (found,) = _warnings(data_copy)
    assert found.startswith(
        "campaigns[0] (2013-letter).date: the report tells of campaign '2013-letter' as "
        '"This year, in a letter", but it is dated before the period this report covers'
    )


def _status_source(data: Path, as_at: str) -> Path:
    """report.yaml with the status_source an import records, as at `as_at`."""
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(
        text.rstrip("\n") + "\nstatus_source:\n  publisher: United Nations Treaty Collection\n"
        f'  file: XXVI-6.html\n  as_at: {as_at}\n  sha256: "{"0" * 64}"\n',
        encoding="utf-8",
    )
    return report


def test_a_status_imported_before_the_as_of_day_is_a_located_warning(data_copy: Path) -> None:
    """as_of moved on without importing the depositary's status again: the figures given
    "as of 1 September 2013" would be those of 15 August."""
    report = _status_source(data_copy, "2013-08-15")
    found = check(data_copy, template_of("en"), "en", today=DAY_AFTER)
    (stale,) = [p for p in found if p.where == "status_source.as_at"]
    assert (stale.severity, stale.file, stale.line) == (
        "warning",
        str(report),
        next(n for n, x in enumerate(report.read_text().splitlines(), 1) if "as_at:" in x),
    )
    assert stale.message.startswith(
        "the depositary's status was imported as at 2013-08-15, 17 days before as_of "
        "(2013-09-01): a deposit of those days is not in states.yaml"
    )
    assert "import the status again (docs/import.md)" in stale.message


@pytest.mark.parametrize("as_at", ["2013-09-01", "2013-09-05"])
def test_a_status_as_at_or_after_the_as_of_day_gives_no_warning(
    data_copy: Path, as_at: str
) -> None:
    _status_source(data_copy, as_at)
    assert _warnings(data_copy) == []


# --- "this Meeting" in a category's paragraph: the meeting the report is presented to ------

CALL = {  # the third paragraph of Category II (categories.yaml), around {this meeting}
    "en": ("we call on Observers to {} to take a regional initiative", "this {}"),
    "fr": ("participent à {} en qualité d'observateurs", "la présente {}"),
    "es": ("participan en {} en calidad de observadores", "la presente {}"),
}
NOUN = {  # the meeting's noun, by its kind
    "msp": {"en": "Meeting", "fr": "Assemblée", "es": "Reunión"},
    "review_conference": {"en": "Conference", "fr": "Conférence", "es": "Conferencia"},
}


def _presented_to_a_review_conference(data: Path) -> None:
    """The meeting the report is for (4MSP) made the First Review Conference."""
    report = data / "report.yaml"
    text, count = re.subn(
        r"(  - key: 4MSP\n    kind: )msp( .*\n    number: )4\n",
        r"\1review_conference\g<2>1\n",
        report.read_text(encoding="utf-8"),
    )
    assert count == 1
    report.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize("kind", ["msp", "review_conference"])
def test_a_category_calls_on_observers_to_the_meeting_the_report_is_presented_to(
    data_copy: Path, tmp_path: Path, lang: str, kind: str
) -> None:
    if kind == "review_conference":
        _presented_to_a_review_conference(data_copy)
    text = _text(data_copy, tmp_path, lang)
    clause, this = CALL[lang]
    assert clause.format(this.format(NOUN[kind][lang])) in text
    other = next(k for k in NOUN if k != kind)
    assert clause.format(this.format(NOUN[other][lang])) not in text
    assert "{this meeting}" not in text


def test_a_marker_with_a_capital_begins_its_text_with_one() -> None:
    from reportgen.documents.report.context import written_out

    markers = {"this meeting": "la présente Conférence"}
    assert written_out("{This meeting} salue {this meeting}.", markers) == (
        "La présente Conférence salue la présente Conférence."
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("{this Meeting}", "{this Meeting} is not a marker"),
        ("{{ 7*7 }}", "'{{ 7*7 }}': braces only surround a marker"),
        ("{this meeting", "'{this meeting to take a region...': braces only surround"),
        # what looks right and is not: said, never printed as typed
        ("{this\u00a0meeting}", "is not a marker (it holds U+00A0, NO-BREAK SPACE)"),
        (
            "{this meet\u0456ng}",
            "(it holds U+0456, CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I)",
        ),
        ("\uff5bthis meeting\uff5d", "\uff5b (U+FF5B), \uff5d (U+FF5D) only look like braces"),
        ("\u2774this meeting\u2775", "(U+2774), \u2775 (U+2775) only look like braces: type"),
        # every mistake of a paragraph at once
        (
            "{this meeting}} {{this meeting}} { this meeting } {THIS MEETING} {% if 1 %}",
            "'{this meeting}}': braces only surround a marker, one on each side; "
            "'{{this meeting}}': braces only surround a marker, one on each side; "
            "{ this meeting } is not a marker; {THIS MEETING} is not a marker; "
            "{% if 1 %} is not a marker: a paragraph may hold",
        ),
    ],
)
def test_an_unknown_marker_in_a_category_is_a_located_error(
    data_copy: Path, tmp_path: Path, typed: str, said: str
) -> None:
    from reportgen.core.problems import InputError

    categories = data_copy / "categories.yaml"
    _replace(categories, "on Observers to {this meeting} to", f"on Observers to {typed} to")
    lines = categories.read_text("utf-8").splitlines()
    marked = next(n for n, text in enumerate(lines) if typed in text)
    # the text's place: the line of its `en: >-`, the column of its value
    line = max(n for n in range(marked) if lines[n].endswith("en: >-")) + 1
    with pytest.raises(InputError) as raised:
        _text(data_copy, tmp_path, "en")
    problems = [str(p) for p in raised.value.problems]
    assert len(problems) == 1, problems
    assert f"categories.yaml:{line}:" in problems[0], problems
    assert "categories[1] (II).description[" in problems[0] and said in problems[0], problems
    assert "49" not in problems[0]  # never evaluated


@pytest.mark.parametrize(
    ("lang", "typed", "quoted"),
    [
        ("en", "this Meeting", "this Meeting"),
        ("fr", "la présente Assemblée", "présente Assemblée"),
        ("es", "la presente Reunión", "presente Reunión"),
    ],
)
def test_this_meeting_typed_in_a_report_to_a_review_conference_is_a_warning(
    data_copy: Path, lang: str, typed: str, quoted: str
) -> None:
    """Data of an earlier year typed the meeting; a report to a Review Conference would
    call on Observers to "this Meeting": a warning on the paragraph says to write the marker."""
    _presented_to_a_review_conference(data_copy)
    categories = data_copy / "categories.yaml"
    text = categories.read_text(encoding="utf-8")
    # the markers of category II, in the order of its texts: en, fr, es
    languages = iter(["en", "fr", "es"])
    text = re.sub(
        r"\{this meeting\}",
        lambda m: typed if next(languages) == lang else m.group(0),
        text,
    )
    categories.write_text(text, encoding="utf-8")
    found = check(data_copy, template_of(lang), lang, today=DAY_AFTER)
    (said,) = [p for p in found if p.file == str(categories)]
    assert said.severity == "warning"
    assert said.where.startswith("categories[1] (II).description[")
    assert said.message.startswith(f'says "{quoted}", but the report is presented to a Review')
    assert "write {this meeting}" in said.message
    # presented to a Meeting, the same typed words are true: no warning
    report = data_copy / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("kind: review_conference", "kind: msp"),
        encoding="utf-8",
    )
    assert not [p for p in check(data_copy, template_of(lang), lang) if p.file == str(categories)]


def _presented_to_a_typed_review_conference(data: Path) -> None:
    """4MSP as data of the release before names a Review Conference: typed, without kind."""
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    old = re.search(r"    kind: msp .*\n    number: 4\n", text)
    assert old is not None
    typed = (
        "    name: {en: First Review Conference, fr: première Conférence d'examen, "
        "es: Primera Conferencia de Examen}\n    short_name: {en: 1RC, fr: 1RC, es: 1RC}\n"
    )
    report.write_text(text.replace(old.group(0), typed), encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_typed_review_conference_is_this_conference(
    data_copy: Path, tmp_path: Path, lang: str
) -> None:
    """Meeting names typed (the release before, still built with a warning): a name that
    says Conference gives "this Conference", never "this Meeting"."""
    _presented_to_a_typed_review_conference(data_copy)
    text = _text(data_copy, tmp_path, lang)
    clause, this = CALL[lang]
    assert clause.format(this.format(NOUN["review_conference"][lang])) in text
    assert clause.format(this.format(NOUN["msp"][lang])) not in text


def test_this_meeting_typed_is_warned_on_its_own_language_line(data_copy: Path) -> None:
    """Typed in all three texts of a paragraph, each warning is on its own text's line."""
    _presented_to_a_typed_review_conference(data_copy)
    categories = data_copy / "categories.yaml"
    typed = iter(["this Meeting", "la présente Assemblée", "la presente Reunión"])
    text = re.sub(r"\{this meeting\}", lambda _: next(typed), categories.read_text("utf-8"))
    categories.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    for lang, words in zip(
        ["en", "fr", "es"], ["this Meeting", "présente Assemblée", "presente Reunión"], strict=True
    ):
        found = [p for p in check(data_copy, template_of(lang), lang) if p.file == str(categories)]
        (problem,) = found
        assert problem.where.endswith(f".{lang}"), problem
        # the warning's line is that of the text's own `xx: >-`, before its words
        line = next(n for n, x in enumerate(lines, 1) if words in x)
        start = max(n for n in range(1, line + 1) if lines[n - 1].strip().endswith(": >-"))
        assert problem.line == start, (problem, start)


@pytest.mark.parametrize(
    ("file", "old"),
    [
        ("events.yaml", "A regional conference took place\n"),
        ("campaigns.yaml", "the answers were very few and inconclusive.\n"),
    ],
)
def test_a_marker_where_none_is_written_out_is_a_located_error(
    data_copy: Path, tmp_path: Path, file: str, old: str
) -> None:
    """{this meeting} is written out in a category's description only: elsewhere it would
    print as typed, so it is refused where it stands."""
    from reportgen.core.problems import InputError

    path = data_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, old.rstrip("\n") + " at {This Meeting}\n", 1), "utf-8")
    line = next(n for n, x in enumerate(path.read_text("utf-8").splitlines(), 1) if "{This" in x)
    with pytest.raises(InputError) as raised:
        _text(data_copy, tmp_path, "en")
    (problem,) = raised.value.problems
    assert (problem.file, problem.line) == (str(path), line)
    assert problem.message == (
        "{This Meeting} is written out only in a category's description; here, write the "
        "words themselves"
    )
