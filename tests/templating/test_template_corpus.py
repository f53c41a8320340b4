"""The corpus of edited templates: what Word and LibreOffice do to a template, and mistakes.

A case (tests/bad_templates/NN-what.yaml) edits a copy of the frozen 4th MSP template
(tests/fixtures/4msp/templates/report.docx, its catalogue beside it) the way an
editor would: XML find-and-replace in a part (runs split with rsids, spelling marks,
bookmarks, tracked changes, a mistyped tag), a comment anchored on some text, track changes
switched on, a tag in an endnote. Then either:

- it is refused: `problems` lists every line `reportgen check --template` and `reportgen
  build` print, in order (`found_by: build` for what only rendering with data can find),
  each at the paragraph holding the text `at`; the build exits 2 and leaves the previous
  output as it was; or
- it builds (`report`): the report's text rendition equals the original's, exactly
  (`same`) or up to the intended edit (find/replace on the original's rendition), with any
  warnings listed in `problems`. Paragraphs are compared, so no variant can pass with a
  paragraph missing.
"""

from __future__ import annotations

import difflib
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.cli.main import main
from reportgen.documents.report.kind import NAMES
from reportgen.figures.compute import Figures
from reportgen.inputs.models import Inputs
from reportgen.ooxml import paragraphs as ooxml_paragraphs
from reportgen.review.rendition import rendition
from reportgen.templating.check import check_paragraphs, where
from tests.conftest import CATALOGUE, DATA, TEMPLATE
from tests.review.test_text import libreoffice_convert, needs_libreoffice

CASES = sorted((Path(__file__).parents[1] / "bad_templates").glob("*.yaml"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _load(case: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(case.read_text(encoding="utf-8"))
    return loaded


def edited_template(edits: list[dict[str, Any]], target: Path) -> Path:
    """A copy of the frozen template with `edits` applied, written to `target` (its
    catalogue beside it)."""
    with zipfile.ZipFile(TEMPLATE) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    for edit in edits:
        if "find" in edit:
            name = edit.get("part", "word/document.xml")
            xml = parts[name].decode("utf-8")
            assert edit["find"] in xml, f"{edit['find']!r} is not in {name}"
            parts[name] = xml.replace(edit["find"], edit["replace"], 1).encode("utf-8")
        elif "comment" in edit:
            _add_comment(parts, **edit["comment"])
        elif edit.get("track_changes"):
            settings = parts["word/settings.xml"].decode("utf-8")
            settings = settings.replace("<w:defaultTabStop", "<w:trackRevisions/><w:defaultTabStop")
            parts["word/settings.xml"] = settings.encode("utf-8")
        elif "endnote" in edit:
            _add_endnote(parts, edit["endnote"])
        else:
            raise AssertionError(f"unknown edit {edit}")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    shutil.copyfile(CATALOGUE, target.with_suffix(".ftl"))
    return target


def _add_part(parts: dict[str, bytes], name: str, content_type: str, reltype: str) -> None:
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = types.replace(
        "</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'
    )
    parts["[Content_Types].xml"] = types.encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    target = name.removeprefix("word/")
    relationship = f'<Relationship Id="rId90{len(parts)}" Type="{reltype}" Target="{target}"/>'
    rels = rels.replace("</Relationships>", f"{relationship}</Relationships>")
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")


def _add_comment(parts: dict[str, bytes], anchor: str, author: str, text: str) -> None:
    """A comment anchored on the run holding `anchor`, as Word writes one."""
    body = parts["word/document.xml"].decode("utf-8")
    run = re.search(r"<w:r>(?:(?!<w:r>).)*?" + re.escape(anchor) + r".*?</w:r>", body, re.DOTALL)
    assert run is not None, f"no run holds {anchor!r}"
    anchored = (
        '<w:commentRangeStart w:id="7"/>'
        + run.group(0)
        + '<w:commentRangeEnd w:id="7"/>'
        + '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
        + '<w:commentReference w:id="7"/></w:r>'
    )
    parts["word/document.xml"] = body.replace(run.group(0), anchored, 1).encode("utf-8")
    parts["word/comments.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W}">'
        f'<w:comment w:id="7" w:author="{author}" w:date="2013-08-01T10:00:00Z" w:initials="AS">'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment></w:comments>"
    ).encode()
    _add_part(
        parts,
        "word/comments.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
        f"{REL}/comments",
    )


def _add_endnote(parts: dict[str, bytes], text: str) -> None:
    parts["word/endnotes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:endnotes xmlns:w="{W}">'
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:endnote>"
        f'<w:endnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:endnote></w:endnotes>'
    ).encode()
    _add_part(
        parts,
        "word/endnotes.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
        f"{REL}/endnotes",
    )


def expected_lines(template: Path, problems: list[dict[str, Any]]) -> list[str]:
    """Each problem as printed: the file, the paragraph holding `at`, the message."""
    paragraphs = ooxml_paragraphs.read_paragraphs(template.read_bytes()).paragraphs
    lines = []
    for problem in problems:
        paragraph = next(
            (
                p
                for p in paragraphs
                if problem["at"] in p.text and problem.get("in", p.part) == p.part
            ),
            None,
        )
        assert paragraph is not None, f"no paragraph of the edited template holds {problem['at']!r}"
        warning = "warning: " if problem.get("severity") == "warning" else ""
        lines.append(f"{template}: {where(paragraph)}: {warning}{problem['message']}")
    return lines


def _stderr_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if not line.startswith("wrote ")]


@pytest.fixture(scope="module")
def original_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    output = tmp_path_factory.mktemp("original") / "report.docx"
    arguments = ["--quiet", "build", "--data", str(DATA), "--template", str(TEMPLATE)]
    assert main([*arguments, "--output", str(output)]) == 0
    return rendition(output)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_each_edited_template_builds_the_same_report_or_is_refused_at_its_paragraph(
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], original_text: str
) -> None:
    spec = _load(case)
    assert spec.get("why"), "each case says why it is here"
    template = edited_template(spec["edits"], tmp_path / "template.docx")
    expected = expected_lines(template, spec.get("problems", []))
    output = tmp_path / "report.docx"
    output.write_bytes(b"the previous report")
    arguments = ["build", "--data", str(DATA), "--template", str(template)]
    status = main([*arguments, "--output", str(output)])
    printed = _stderr_lines(capsys)
    assert printed == expected
    if "report" not in spec:
        assert status == 2
        assert output.read_bytes() == b"the previous report"
        checked = main(["check", "--data", str(DATA), "--template", str(template)])
        # `found_by: build`: only filling the template with the data shows the mistake;
        # check fills it too (issue 20: it passed these, which build then refused).
        assert checked == 2
        assert _stderr_lines(capsys) == expected
        return
    assert status == 0
    # What builds passes the check, with the same warnings: filling the template without
    # docxtpl finds nothing docxtpl does not.
    assert main(["check", "--data", str(DATA), "--template", str(template)]) == 0
    assert _stderr_lines(capsys)[:-1] == expected
    text = rendition(output)
    wanted = original_text
    for change in [] if spec["report"] == "same" else spec["report"]:
        assert change["find"] in wanted
        wanted = wanted.replace(change["find"], change["replace"])
    assert text.splitlines() == wanted.splitlines()
    _assert_clean(output.read_bytes())
    if any(p.get("severity") == "warning" for p in spec.get("problems", [])):
        strict = main([*arguments, "--strict", "--output", str(tmp_path / "strict.docx")])
        assert strict == 2 and not (tmp_path / "strict.docx").exists()


def _assert_clean(report: bytes) -> None:
    """What only a template's editors should see never reaches a report."""
    with zipfile.ZipFile(io.BytesIO(report)) as package:
        names = package.namelist()
        assert not [n for n in names if "comment" in n.lower() or n.endswith("people.xml")]
        settings = package.read("word/settings.xml").decode("utf-8")
        assert "trackRevisions" not in settings
        for name in names:
            if not re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", name):
                continue
            xml = package.read(name).decode("utf-8")
            assert "w:comment" not in xml
            starts = re.findall(r'<w:bookmarkStart [^>]*w:id="([^"]+)"', xml)
            ends = re.findall(r'<w:bookmarkEnd [^>]*w:id="([^"]+)"', xml)
            assert sorted(starts) == sorted(ends), f"unpaired bookmarks in {name}"
            assert len(set(starts)) == len(starts), f"repeated bookmarks in {name}"


def test_the_frozen_template_passes_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--data", str(DATA), "--template", str(TEMPLATE)]) == 0
    assert "no errors, 0 warning(s)" in capsys.readouterr().err


def test_a_place_names_the_part_the_paragraph_and_its_first_words() -> None:
    paragraph = ooxml_paragraphs.WordParagraph(
        "body", 12, "Since the {{ since.name }} ({{ since.start|year }}), the following"
    )
    assert (
        where(paragraph)
        == 'body, paragraph 12 ("Since the {{ since.name }} ({{ since.start|year...")'
    )
    assert where(ooxml_paragraphs.WordParagraph("footer", 1, "")) == "footer, paragraph 1 (empty)"


@needs_libreoffice
def test_a_template_saved_by_libreoffice_without_edits_gives_the_same_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "saved"
    template = libreoffice_convert(TEMPLATE, saved, "docx:MS Word 2007 XML", tmp_path / "profile")
    assert template.read_bytes() != TEMPLATE.read_bytes(), "LibreOffice rewrote the package"
    shutil.copyfile(CATALOGUE, template.with_suffix(".ftl"))

    # The review is quiet: the template's own rendition does not churn (but for the charts'
    # alternative text, which LibreOffice 7.4 drops from a chart it saves; each build
    # writes it again from the figures)...
    def without_alt_text(text: str) -> str:
        return re.sub(r"^!\[[^\]\n]*\]", "![]", text, flags=re.MULTILINE)

    assert without_alt_text(rendition(template)) == without_alt_text(rendition(TEMPLATE))
    # ...it passes the check, and the reports built from both read the same.
    assert main(["check", "--data", str(DATA), "--template", str(template)]) == 0
    before, after = tmp_path / "before.docx", tmp_path / "after.docx"
    arguments = ["--quiet", "build", "--data", str(DATA), "--template"]
    assert main([*arguments, str(TEMPLATE), "--output", str(before)]) == 0
    assert main([*arguments, str(template), "--output", str(after)]) == 0
    capsys.readouterr()
    assert main(["diff", str(before), str(after)]) == 0
    assert capsys.readouterr().out == ""


def test_the_rendition_shows_comments_and_tracked_changes_to_a_reviewer(tmp_path: Path) -> None:
    corpus = Path(__file__).parents[1] / "bad_templates"
    edits = [
        *_load(corpus / "19-comment.yaml")["edits"],
        *_load(corpus / "17-tracked-deletion-of-a-misspelt-tag.yaml")["edits"],
    ]
    edits.append(
        {
            "find": "{{ letter.states_addressed }}",
            "replace": '</w:t></w:r><w:ins w:id="904" w:author="Kofi Mensah"><w:r><w:t>'
            "{{ letter.states_addressed }}</w:t></w:r></w:ins><w:r><w:t>",
        }
    )
    text = rendition(edited_template(edits, tmp_path / "template.docx"))
    assert (
        "| **Total** | **{{ figures.signatories.count }}"
        in text.split("[comment by Ana Silva: Check this number with Geneva before sending!]")[0]
    )
    assert "reported in [deleted by Ana Silva: {{ demarche.perod }}]{{ demarches.period }}" in text
    assert "highlighted and [inserted by Kofi Mensah: {{ letter.states_addressed }}] States" in text


def test_check_reads_the_template_without_the_renderer_or_the_charts() -> None:
    arguments = ["--quiet", "check", "--data", str(DATA), "--template", str(TEMPLATE)]
    program = (
        f"import sys; from reportgen.cli.main import main; status = main({arguments!r}); "
        "print(status, sorted(m for m in ('docxtpl', 'docx2python', 'matplotlib', 'numpy') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.stdout.split(None, 1) == ["0", "[]\n"]


def test_tags_are_filled_in_every_header_and_footer_not_in_endnotes() -> None:
    def problems(part: str) -> list[str]:
        paragraph = ooxml_paragraphs.WordParagraph(part, 1, "{{ report.title }}")
        return [f.message for f in check_paragraphs(ooxml_paragraphs.WordDocument((paragraph,)))]

    for part in ("body", "header", "first-page header 2", "even-page footer", "footnotes"):
        assert problems(part) == [], part
    assert problems("endnotes") == [
        "{{ report.title }} is in the endnotes, where reportgen fills no tag: move it into "
        "the body, a header, a footer or a footnote"
    ]


_TEXTS = re.compile(r"<w:t(?: [^>]*)?>([^<]+)</w:t>")
_PIECES = ["{", "}", "{{", "}}", "{%", "%}", "{#", "#}", " ", "x", "p ", "tr ", "tc ", "if x "]
_PIECES += ["endif ", "for a in b ", "endfor ", '"', "\u2018", "-", "{%-", "-%}", "set a = 1 "]


@pytest.fixture(scope="module")
def template_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(TEMPLATE) as source:
        return {info.filename: source.read(info) for info in source.infolist()}


@settings(max_examples=40, derandomize=True, deadline=None)
@given(
    where_at=st.floats(min_value=0, max_value=1, exclude_max=True),
    offset=st.floats(min_value=0, max_value=1),
    typed=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4),
)
def test_no_stray_braces_anywhere_build_a_report_with_a_paragraph_missing(
    template_parts: dict[str, bytes],
    original_text: str,
    tmp_path_factory: pytest.TempPathFactory,
    where_at: float,
    offset: float,
    typed: list[str],
) -> None:
    """Braces and tag words typed anywhere in the text: refused (exit 2), or built with
    the original report's paragraphs, each the same or changed in place (by the typed text),
    none lost, merged or added."""
    body = template_parts["word/document.xml"].decode("utf-8")
    texts = list(_TEXTS.finditer(body))
    text = texts[int(where_at * len(texts))]
    position = text.start(1) + round(offset * (text.end(1) - text.start(1)))
    body = body[:position] + "".join(typed) + body[position:]
    folder = tmp_path_factory.mktemp("typed")
    template, output = folder / "template.docx", folder / "report.docx"
    with zipfile.ZipFile(template, "w") as out:
        for name, data in template_parts.items():
            out.writestr(name, body.encode("utf-8") if name == "word/document.xml" else data)
    shutil.copyfile(CATALOGUE, template.with_suffix(".ftl"))
    arguments = ["--quiet", "build", "--data", str(DATA), "--template", str(template)]
    status = main([*arguments, "--output", str(output)])
    assert status in (0, 2)
    # check says what build says: it refuses what build refuses, and passes what it builds
    assert main(["--quiet", "check", "--data", str(DATA), "--template", str(template)]) == status
    if status == 0:
        before, after = original_text.splitlines(), rendition(output).splitlines()
        matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
        for operation, start, end, new_start, new_end in matcher.get_opcodes():
            assert operation in ("equal", "replace"), (operation, before[start:end])
            assert end - start == new_end - new_start, (before[start:end], after[new_start:new_end])


def test_a_comment_anchored_nowhere_is_listed_too() -> None:
    comment = ooxml_paragraphs.Comment("Ana Silva", "2013-08-01T10:00:00Z", "Who wrote this?")
    (finding,) = check_paragraphs(ooxml_paragraphs.WordDocument((), unanchored=(comment,)))
    assert (finding.paragraph, finding.severity) == (None, "warning")
    assert finding.message.startswith('comment by Ana Silva: "Who wrote this?"')


def test_the_template_knows_every_name_the_render_stage_gives(
    inputs: Inputs, figures: Figures
) -> None:
    from reportgen.documents.report.context import _context, report_formats
    from reportgen.documents.report.values import SENTENCES, variables
    from reportgen.language.fluent import Sentences, read_catalogue

    formats = report_formats(inputs)
    say = Sentences(read_catalogue(CATALOGUE, "en_GB", SENTENCES), formats)
    say.given(variables(inputs, figures, formats, say))
    context, _ = _context(inputs, figures, formats, say, 1)
    assert set(context) | {"charts"} == NAMES
