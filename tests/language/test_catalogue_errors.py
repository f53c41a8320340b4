"""A catalogue's mistakes at the line and column of the mistake, in a translator's words;
and catalogues as Windows' Notepad saves them (a byte order mark, CRLF line breaks).

Issue 20: a missing `}` was reported at the message's first line ("Expected token: }"),
and a misspelt `$yet_befor` listed 48 values without saying which was meant.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.app import build
from reportgen.cli.main import main
from reportgen.documents.report.values import SENTENCES
from reportgen.language.fluent import check_catalogue
from reportgen.review.rendition import rendition
from tests.conftest import CATALOGUE, DATA, TEMPLATE

ENGLISH = CATALOGUE.read_text(encoding="utf-8")


def _problems(text: str) -> list[str]:
    problems, _ = check_catalogue(text, "report.ftl", SENTENCES, "en")
    return [str(p) for p in problems]


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The line and column (from 1) of the `nth` occurrence of `needle` in `text`."""
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def test_a_brace_not_closed_is_reported_at_the_brace_not_at_the_message() -> None:
    # The case: in yet_to_ratify (a message of ten lines), "({ $yet_before })"
    # loses its "}" on the sixth line.
    written = "({ $yet_before }) since { $period_month }.\n        [up]"
    assert ENGLISH.count(written) == 1
    text = ENGLISH.replace(written, written.replace("$yet_before }", "$yet_before "))
    line, column = _at(text, "{ $yet_before ) since")
    first_line, _ = _at(text, "yet_to_ratify =")
    assert line > first_line + 4
    assert _problems(text) == [
        f'report.ftl:{line}:{column}: yet_to_ratify: this "{{" is not closed: '
        '"{ $yet_before ) since { $period_month }." needs a "}" where its value ends '
        '(as in "{ $new }")'
    ]


def test_a_choice_not_closed_is_reported_at_its_brace_with_what_it_needs() -> None:
    # The "}" that ends the inner choice "{ $yet ->" (has / have) is removed: counted, the
    # braces leave the outer choice open (the inner one takes the outer one's "}"), so
    # that is where the problem is; its words say the inner one may be the culprit.
    inner = "{ $yet ->\n        [one] has\n       *[other] have\n    } yet to ratify"
    assert ENGLISH.count(inner) == 1
    text = ENGLISH.replace(inner, inner.replace("    } yet", "     yet"))
    line, column = _at(text, "{ $yet ->")
    assert _problems(text) == [
        f'report.ftl:{line}:{column}: yet_to_ratify: this choice is not closed: "{{ $yet ->" '
        'needs a "}" on a line of its own after its last variant (or one of the choices '
        "inside it lost its own)"
    ]


def test_a_misspelt_value_is_given_the_one_it_resembles() -> None:
    text = ENGLISH.replace("({ $yet_before }) since", "({ $yet_befor }) since", 1)
    line, column = _at(text, "$yet_befor }")
    assert _problems(text) == [
        f"report.ftl:{line}:{column}: yet_to_ratify: $yet_befor is not a value this message "
        "is given (did you mean $yet_before?)"
    ]


def test_a_value_like_none_is_listed_with_the_values_the_message_has() -> None:
    text = ENGLISH.replace("({ $yet_before }) since", "({ $zzz }) since", 1)
    (problem,) = _problems(text)
    assert "$zzz is not a value this message is given; it has $acceded" in problem
    assert "did you mean" not in problem


def test_a_misspelt_message_or_term_reference_is_given_the_one_it_resembles() -> None:
    assert "joined_verb =" in ENGLISH
    text = ENGLISH + "extra = { joined_verbb } and { -convention_nme }\n-convention_name = CCM\n"
    line, _ = _at(text, "extra =")
    assert _problems(text) == [
        f"report.ftl:{line}:11: extra: joined_verbb is not a message of this file (did you "
        "mean joined_verb?)",
        f"report.ftl:{line}:32: extra: -convention_nme is not a term of this file (did you "
        "mean -convention_name?)",
    ]


@pytest.mark.parametrize(
    ("added", "at", "words"),
    [
        (
            "extra = { $new ->\n    [one] one\n    [other] many\n}\n",
            "}\n",
            'this choice has no default: mark one of its variants with "*", as in *[other]',
        ),
        (
            "extra = first line\nsecond line\n",
            "line\n",
            "this line starts at the margin, so it is read as a new message",
        ),
        ("extra = a } b\n", "} b", 'this "}" closes nothing: remove it'),
        ("extra = a { } b\n", "} b", '"{ }" holds nothing: put a value in it'),
        ("extra =\n", "\n", "extra has no text: write it after the ="),
    ],
    ids=["no default", "not indented", "stray brace", "empty braces", "no text"],
)
def test_each_syntax_mistake_is_said_in_a_translators_words(
    added: str, at: str, words: str
) -> None:
    text = ENGLISH + added
    offset = text.rindex(at)  # the mistake's own place
    line, column = text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
    (problem,) = _problems(text)
    assert problem.startswith(f"report.ftl:{line}:{column}: ")
    assert words in problem


# --- Catalogues saved by Notepad ----------------------------------------------------------------


def _notepad(text: str) -> bytes:
    """`text` as Windows' Notepad saves it as "UTF-8 with BOM": a BOM and CRLF line breaks."""
    return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")


def _template_with(tmp_path: Path, catalogue: bytes) -> Path:
    template = tmp_path / "report.docx"
    shutil.copyfile(TEMPLATE, template)
    template.with_suffix(".ftl").write_bytes(catalogue)
    return template


def test_a_catalogue_with_a_bom_and_crlf_gives_the_same_report(tmp_path: Path) -> None:
    template = _template_with(tmp_path, _notepad(ENGLISH))
    build(DATA, template, tmp_path / "notepad.docx")
    build(DATA, TEMPLATE, tmp_path / "original.docx")
    assert rendition(tmp_path / "notepad.docx") == rendition(tmp_path / "original.docx")


def test_a_mistake_in_a_crlf_catalogue_is_at_the_same_line_and_column() -> None:
    text = ENGLISH.replace("({ $yet_before }) since", "({ $yet_befor }) since", 1)
    expected = _problems(text)
    crlf, _ = check_catalogue(
        _notepad(text).decode("utf-8").removeprefix("\ufeff"), "report.ftl", SENTENCES, "en"
    )
    assert [str(p) for p in crlf] == expected
    unclosed = ENGLISH.replace("({ $yet_before }) since", "({ $yet_before ) since", 1)
    crlf, _ = check_catalogue(unclosed.replace("\n", "\r\n"), "report.ftl", SENTENCES, "en")
    assert [str(p) for p in crlf] == _problems(unclosed)


def test_a_catalogue_saved_as_windows_1252_is_refused_at_its_first_bad_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = _template_with(tmp_path, ENGLISH.replace("\n", "\r\n").encode("cp1252"))
    first = next(c for c in ENGLISH if ord(c) > 127)  # where Notepad's ANSI differs
    line, column = _at(ENGLISH, first)
    arguments = ["check", "--data", str(DATA), "--template", str(template), "--lang", "en"]
    assert main(arguments) == 2
    (printed,) = capsys.readouterr().err.splitlines()
    assert printed.startswith(
        f"{template.with_suffix('.ftl')}:{line}:{column}: catalogue: is not UTF-8 text: byte "
        f"0x{first.encode('cp1252')[0]:02x} here ("
    )
    assert printed.endswith("); save the file as UTF-8")
