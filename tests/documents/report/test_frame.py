"""The report as a UN working paper (`frame: working-paper`, docs/frame.md): its first page,
its numbered paragraphs, in the .docx and in LibreOffice's PDF, in English, French and
Spanish; the letterhead frame unchanged; its fields checked where they are typed.

The working_paper block below is an illustration written for these tests over the 4th MSP
data: its symbol and agenda are of the Convention's form, not the 4th MSP's real ones.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest

from reportgen.app import Target, build, build_all
from reportgen.cli.main import main
from reportgen.ooxml.xml import qn
from reportgen.review.rendition import rendition
from tests.conftest import DATA, template_of

PAPER_DATE = dt.date(2013, 8, 30)
SYMBOL = "CCM/MSP/2013/WP.2"
WORKING_PAPER = f"""
frame: working-paper
working_paper:
  symbol: {SYMBOL}
  date: {PAPER_DATE.isoformat()}
  meeting:
    en: Fourth Meeting of States Parties
    fr: Quatrième Assemblée des États parties
    es: Cuarta Reunión de los Estados Partes
  agenda_item:
    number: 10(a)
  agenda:
    - number: "9"
      title:
        en: General exchange of views
        fr: Échange de vues général
        es: Intercambio general de opiniones
    - number: 10(a)
      title:
        en: Universalization of the Convention
        fr: Universalisation de la Convention
        es: Universalización de la Convención
"""
"""An illustration of the block, appended to a copy of the 4th MSP's report.yaml."""

FIRST_PAGE = {
    "en": [
        "Distr.: General",
        f"{PAPER_DATE.day} August {PAPER_DATE.year}",
        "Original: English",
        "Fourth Meeting of States Parties",
        "Lusaka, 10\u201313 September 2013",
        "Item 10 (a) of the provisional agenda",
        "Universalization of the Convention",
        "Submitted by Portugal and Ghana",
    ],
    "fr": [
        "Distr. générale",
        f"{PAPER_DATE.day} août {PAPER_DATE.year}",
        "Original : anglais",
        "Quatrième Assemblée des États parties",
        "Lusaka, 10-13 septembre 2013",
        "Point 10 a) de l'ordre du jour provisoire",
        "Universalisation de la Convention",
        "Présenté par le Portugal et le Ghana",
    ],
    "es": [
        "Distr. general",
        f"{PAPER_DATE.day} de agosto de {PAPER_DATE.year}",
        "Original: inglés",
        "Cuarta Reunión de los Estados Partes",
        "Lusaka, 10 a 13 de septiembre de 2013",
        "Tema 10 a) del programa provisional",
        "Universalización de la Convención",
        "Presentado por Portugal y Ghana",
    ],
}
"""What each language's first page says: the UN's formulas, and the data's meeting (Lusaka,
10 to 13 September 2013, in report.yaml) and coordinators (Portugal and Ghana)."""

LANGS = ("en", "fr", "es")


def _paper_data(target: Path, block: str = WORKING_PAPER) -> Path:
    shutil.copytree(DATA, target)
    report = target / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + block, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The working paper in each language, and the letterhead report beside it, built in
    one run each."""
    root = tmp_path_factory.mktemp("frame")
    data = _paper_data(root / "data")
    made = build_all(
        data, [Target(lang, template_of(lang), root / f"wp.{lang}.docx") for lang in LANGS]
    )
    letterheads = build_all(
        DATA, [Target(lang, template_of(lang), root / f"report.{lang}.docx") for lang in LANGS]
    )
    return {
        **{built.lang: built.output for built in made},
        **{f"letterhead.{built.lang}": built.output for built in letterheads},
    }


def _normalised(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_page_has_the_symbol_the_meeting_and_the_agenda_item(
    papers: dict[str, Path], lang: str
) -> None:
    text = rendition(papers[lang])
    body = text.split("\n\n", 1)[1]
    head = _normalised(body[: body.index("1) ")])
    assert head.startswith("| **"), head  # the symbol table opens the body
    assert SYMBOL in head
    for words in FIRST_PAGE[lang]:
        assert _normalised(words) in head, (words, head)
    # the letterhead is gone from the first page; the symbol heads every other page
    letterhead = rendition(papers[f"letterhead.{lang}"])
    for line in (line for line in letterhead.splitlines() if line.startswith("[header]")):
        assert line not in text
    assert f"[header] **{SYMBOL}**" in text
    # the template's title block gave way to the working paper's
    assert "[Title]" not in text and "[Subtitle]" not in text


def _top_paragraphs(path: Path) -> list[Any]:
    return list(docx.Document(str(path)).element.body.findall(qn("w:p")))


def _text(paragraph) -> str:  # type: ignore[no-untyped-def]
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t")))


def _num_id(paragraph) -> str | None:  # type: ignore[no-untyped-def]
    found = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return None if found is None else found.get(qn("w:val"))


def _style(paragraph) -> str | None:  # type: ignore[no-untyped-def]
    found = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if found is None else found.get(qn("w:val"))


def _text_paragraphs(path: Path) -> list[str]:
    """The letterhead report's paragraphs of text: Normal, at the body's level, with text,
    not in a list, no chart; its centred "Report by" line aside (the title block)."""
    texts: list[str] = []
    for paragraph in _top_paragraphs(path):
        centred = paragraph.find(f"{qn('w:pPr')}/{qn('w:jc')}")
        if _style(paragraph) is not None or _num_id(paragraph) is not None:
            continue
        if next(paragraph.iter(qn("w:drawing")), None) is not None or not _text(paragraph).strip():
            continue
        if centred is not None and centred.get(qn("w:val")) == "center" and not texts:
            continue  # "Report by Portugal and Ghana", under the title
        texts.append(_text(paragraph))
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_the_paragraphs_of_text_are_numbered_and_nothing_else(
    papers: dict[str, Path], lang: str
) -> None:
    document = docx.Document(str(papers[lang]))
    paragraphs = document.element.body.findall(qn("w:p"))
    numbered = [p for p in paragraphs if _num_id(p) is not None and _style(p) is None]
    assert {_num_id(p) for p in numbered} == {_num_id(numbered[0])}  # one list, 1. to N.
    # exactly the letterhead report's paragraphs of text, in order
    assert [_text(p) for p in numbered] == _text_paragraphs(papers[f"letterhead.{lang}"])
    list_id = _num_id(numbered[0])
    for paragraph in document.element.body.iter(qn("w:p")):
        if paragraph not in numbered:
            assert _num_id(paragraph) != list_id, _text(paragraph)  # headings, lists, cells
    numbering = document.part.numbering_part.element
    level = numbering.xpath(
        f"w:abstractNum[@w:abstractNumId=../w:num[@w:numId='{list_id}']/w:abstractNumId/@w:val]"
        "/w:lvl[@w:ilvl='0']"
    )[0]
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "decimal"
    assert level.find(qn("w:lvlText")).get(qn("w:val")) == "%1."
    # the rendition numbers them 1) ... N) (docx2python's way of writing Word's numbers)
    shown = [int(m.group(1)) for m in re.finditer(r"^(\d+)\) ", rendition(papers[lang]), re.M)]
    assert shown == list(range(1, len(numbered) + 1))


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        reason = f"{name} not on PATH"
        if os.environ.get("REPORTGEN_REQUIRE_SOFFICE") == "1":
            pytest.fail(f"{reason}, and REPORTGEN_REQUIRE_SOFFICE=1 requires it")
        pytest.skip(reason)
    return found


def test_libreoffice_prints_the_first_page_and_the_numbers(
    papers: dict[str, Path], tmp_path: Path
) -> None:
    _tool("soffice")
    pdftotext = _tool("pdftotext")
    from reportgen.review.pdf import convert_all_to_pdf

    sources = []
    for lang in LANGS:
        sources.append(tmp_path / f"wp.{lang}.docx")
        shutil.copyfile(papers[lang], sources[-1])
    pdfs = convert_all_to_pdf(sources)
    for lang, pdf in zip(LANGS, pdfs, strict=True):
        pages = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout.split("\f")
        first = _normalised(pages[0])
        assert SYMBOL in first
        for words in FIRST_PAGE[lang]:
            assert _normalised(words) in first, (lang, words)
        printed = [int(m.group(1)) for m in re.finditer(r"^(\d+)\.\s+\S", "\n".join(pages), re.M)]
        count = len(_text_paragraphs(papers[f"letterhead.{lang}"]))
        assert printed == list(range(1, count + 1)), (lang, printed)


def test_the_letterhead_frame_is_the_default_and_its_bytes_do_not_move(
    papers: dict[str, Path], tmp_path: Path
) -> None:
    data = _paper_data(tmp_path / "data", "\nframe: letterhead\n")
    output = tmp_path / "report.docx"
    build(data, template_of("en"), output)
    assert output.read_bytes() == papers["letterhead.en"].read_bytes()


def test_a_working_paper_block_under_the_letterhead_is_a_warning_and_changes_nothing(
    papers: dict[str, Path], tmp_path: Path
) -> None:
    data = _paper_data(tmp_path / "data", WORKING_PAPER.replace("frame: working-paper", ""))
    output = tmp_path / "report.docx"
    built = build(data, template_of("en"), output)
    line = _line_of(data / "report.yaml", "working_paper:")
    assert [(w.line, w.where) for w in built.warnings if "working_paper" in w.where] == [
        (line, "working_paper")
    ]
    assert output.read_bytes() == papers["letterhead.en"].read_bytes()


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def _at(path: Path, text: str) -> str:
    """Where `text` starts, as line:column: a key, where the problems of its value are."""
    line = _line_of(path, text)
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index(text) + 1
    return f"{line}:{column}"


def _problems(data: Path, output: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    status = main(
        [
            "build",
            "--data",
            str(data),
            "--template",
            str(template_of("en")),
            "--output",
            str(output),
        ]
    )
    err = capsys.readouterr().err
    assert status == 2, err
    assert "Traceback" not in err
    assert not output.exists()
    return err.splitlines()


def test_a_symbol_of_another_form_and_a_missing_date_are_located_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    block = WORKING_PAPER.replace(f"symbol: {SYMBOL}", "symbol: CCM/MSP/2013/2").replace(
        f"  date: {PAPER_DATE.isoformat()}\n", ""
    )
    data = _paper_data(tmp_path / "data", block)
    lines = _problems(data, tmp_path / "out.docx", capsys)
    report = data / "report.yaml"
    assert [line for line in lines if "working_paper" in line] == [
        f"{report}:{_at(report, 'working_paper:')}: working_paper.date: is missing",
        f"{report}:{_at(report, 'symbol:')}: working_paper.symbol: 'CCM/MSP/2013/2' is not the "
        "symbol of a working paper of the Convention: write CCM/MSP/<year>/WP.<n> for a Meeting "
        "of States Parties or CCM/CONF/<year>/WP.<n> for a Review Conference (CCM/MSP/2013/WP.2), "
        "with /Rev.<n> for a revision",
    ]


def test_an_agenda_item_not_on_the_agenda_is_located_at_its_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    block = WORKING_PAPER.replace("    number: 10(a)\n  agenda:", "    number: 11\n  agenda:")
    data = _paper_data(tmp_path / "data", block)
    lines = _problems(data, tmp_path / "out.docx", capsys)
    report = data / "report.yaml"
    assert [line for line in lines if "agenda_item" in line] == [
        f"{report}:{_at(report, 'number: 11')}: working_paper.agenda_item.number: "
        "item 11 is not on the agenda given (its items: 9, 10(a))"
    ]


def test_a_working_paper_frame_without_its_block_is_located_at_frame(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _paper_data(tmp_path / "data", "\nframe: working-paper\n")
    lines = _problems(data, tmp_path / "out.docx", capsys)
    report = data / "report.yaml"
    assert [line for line in lines if ": frame:" in line] == [
        f"{report}:{_at(report, 'frame: working-paper')}: frame: working-paper needs a "
        "`working_paper:` block: its symbol, date and agenda item (docs/frame.md)"
    ]


@pytest.mark.parametrize(
    ("symbol", "valid"),
    [
        ("CCM/MSP/2013/WP.2", True),
        ("CCM/CONF/2015/WP.1", True),
        ("CCM/MSP/2011/WP.3/Rev.1/Amend.1", True),
        ("CCM/MSP/2013/2", False),  # a document, not a working paper
        ("CCW/MSP/2013/WP.2", False),  # another convention
        ("CCM/MSP/13/WP.2", False),
        ("CCM/MSP/2013/WP.0", False),
        ("ccm/msp/2013/wp.2", False),
    ],
)
def test_the_symbol_is_of_the_conventions_form(symbol: str, valid: bool) -> None:
    from pydantic import ValidationError

    from reportgen.inputs.frame import WorkingPaper

    given = {"symbol": symbol, "date": "2013-08-30", "agenda_item": {"number": "10", "title": "T"}}
    if valid:
        assert WorkingPaper.model_validate(given).symbol == symbol
    else:
        with pytest.raises(ValidationError, match="not the symbol of a working paper"):
            WorkingPaper.model_validate(given)
