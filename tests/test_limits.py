"""Hostile .docx files: every one refused with exit 2 and one located line, in bounded time
and memory, by `text`, `diff` and `redline` alike; what no relationship reaches is never read.

Each bomb is generated here and the limits are set low for the command measured (see
tests/hostile_docx.py), so that the bound asserted is the limit's, not the machine's.
Memory and time are measured in the command's own process with `resource`; the bounds
are generous, since the machine running the tests is shared.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from reportgen.core.limits import Limits, from_environment
from reportgen.core.problems import InputError
from reportgen.ooxml.package import NotADocx, open_docx
from tests.hostile_docx import (
    LOW_LIMITS,
    corrupt_deflate,
    document_xml,
    patch_member,
    rezip,
    run_measured,
    small_docx,
)

# A command that refuses before unpacking stays near the interpreter and its imports.
PEAK_MB = 400
SECONDS = 60

BOMB_PARAGRAPHS = 1_500_000  # 54 MB of XML, 13 times the part limit the tests set


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """A .docx whose main document unpacks to 54 MB from about 60 kB."""
    return rezip(small_docx(), replace={"word/document.xml": document_xml(BOMB_PARAGRAPHS)})


def _commands(path: Path, tmp_path: Path) -> dict[str, list[str]]:
    good = tmp_path / "good.docx"
    good.write_bytes(small_docx())
    return {
        "text": ["text", str(path)],
        "diff": ["diff", str(good), str(path)],
        "redline": ["redline", str(good), str(path), "--output", str(tmp_path / "out.docx")],
    }


@pytest.mark.parametrize("command", ["text", "diff", "redline"])
def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    command: str, bomb: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    result = run_measured(
        *_commands(path, tmp_path)[command], tmp_path=tmp_path, environment=LOW_LIMITS
    )
    assert result.status == 2, result.stderr
    assert result.lines == [
        f"{path}: word/document.xml: unpacks to more than 4 MB; refused "
        "(raise REPORTGEN_MAX_PART_MB, now 4, to allow it)"
    ]
    assert result.peak_mb < PEAK_MB and result.seconds < SECONDS, result
    assert not (tmp_path / "out.docx").exists()


def test_a_bomb_in_a_part_nothing_refers_to_is_never_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "junk.docx"
    path.write_bytes(
        rezip(small_docx("Kept"), add={"word/junk.xml": document_xml(BOMB_PARAGRAPHS)})
    )
    result = run_measured("text", str(path), tmp_path=tmp_path, environment=LOW_LIMITS)
    assert result.status == 0, result.stderr
    assert "Kept" in result.stdout and "lol" not in result.stdout
    assert result.peak_mb < PEAK_MB and result.seconds < SECONDS, result


def test_a_part_that_unpacks_a_thousandfold_is_refused_under_the_size_limit(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ratio.docx"
    path.write_bytes(rezip(small_docx(), replace={"word/document.xml": document_xml(60_000)}))
    result = run_measured("text", str(path), tmp_path=tmp_path)  # default limits
    assert result.status == 2
    (line,) = result.lines
    assert line.startswith(f"{path}: word/document.xml: unpacks ")
    assert line.endswith(
        "times larger than it is stored (a zip bomb?); refused "
        "(raise REPORTGEN_MAX_RATIO, now 100, to allow it)"
    )


def test_parts_that_together_unpack_too_much_are_refused(tmp_path: Path) -> None:
    # Each header under the part limit; together over the total.
    docx = small_docx()
    pieces = {f"word/header{n}.xml": os.urandom(3 * 1024 * 1024).hex().encode() for n in (1, 2, 3)}
    relations = "".join(
        f'<Relationship Id="rIdH{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/header" Target="header{n}.xml"/>'
        for n in (1, 2, 3)
    )
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
    rels = rels.replace("</Relationships>", relations + "</Relationships>")
    path = tmp_path / "total.docx"
    path.write_bytes(
        rezip(docx, replace={"word/_rels/document.xml.rels": rels.encode()}, add=pieces)
    )
    with pytest.raises(NotADocx) as refused:
        open_docx(path, Limits(max_part_mb=8, max_unpacked_mb=12))
    assert "the parts read unpack to more than 12 MB" in str(refused.value)
    assert "REPORTGEN_MAX_UNPACKED_MB" in str(refused.value)
    with pytest.raises(NotADocx) as refused:  # the headers are XML: their own total too
        open_docx(path, Limits(max_part_mb=8, max_xml_mb=12))
    assert str(refused.value).endswith(
        "the XML parts read unpack to more than 12 MB; refused "
        "(raise REPORTGEN_MAX_XML_MB, now 12, to allow it)"
    )
    assert len(open_docx(path, Limits(max_part_mb=8, max_xml_mb=20)).parts) > 3


def test_a_package_of_too_many_parts_is_refused_before_they_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "parts.docx"
    path.write_bytes(rezip(small_docx(), add={f"word/n{i}.xml": b"<x/>" for i in range(300)}))
    with zipfile.ZipFile(path) as archive:
        parts = len(archive.infolist())
    result = run_measured("text", str(path), tmp_path=tmp_path, environment=LOW_LIMITS)
    assert result.status == 2
    assert result.lines == [
        f"{path}: holds {parts} parts, more than 200; refused "
        "(raise REPORTGEN_MAX_PARTS, now 200, to allow it)"
    ]


def _damaged(kind: str) -> bytes:
    good = rezip(small_docx("x" * 5000))
    if kind == "corrupt deflate":
        return corrupt_deflate(good, "word/document.xml")
    if kind == "unknown compression":
        return patch_member(good, "word/document.xml", method=99)
    if kind == "encrypted":
        return patch_member(good, "word/document.xml", flags=0x1)
    if kind == "truncated zip":
        return good[: len(good) // 2]
    raise AssertionError(kind)


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("corrupt deflate", "word/document.xml: is damaged and cannot be unpacked"),
        ("unknown compression", "word/document.xml: is compressed with method 99"),
        ("encrypted", "word/document.xml: is encrypted"),
        ("truncated zip", "not a Word document (.docx)"),
    ],
)
@pytest.mark.parametrize("command", ["text", "diff", "redline"])
def test_a_damaged_package_is_exit_2_with_the_part_named(
    command: str, kind: str, reason: str, tmp_path: Path
) -> None:
    path = tmp_path / "damaged.docx"
    path.write_bytes(_damaged(kind))
    result = run_measured(*_commands(path, tmp_path)[command], tmp_path=tmp_path)
    assert result.status == 2, result.stderr
    (line,) = result.lines
    assert line.startswith(f"{path}: ") and reason in line


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x0 "lol">'
    + b"".join(b'<!ENTITY x%d "%s">' % (i, b"&x%d;" % (i - 1) * 10) for i in range(1, 10))
    + b'<!ENTITY x "&x9;">]>'
)
XXE = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


@pytest.mark.parametrize("prolog", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_a_part_with_a_dtd_is_refused(prolog: bytes, tmp_path: Path) -> None:
    xml = document_xml(1, "&x;").replace(DECLARATION, prolog)
    path = tmp_path / "dtd.docx"
    path.write_bytes(rezip(small_docx(), replace={"word/document.xml": xml}))
    result = run_measured("text", str(path), tmp_path=tmp_path)
    assert result.status == 2
    assert result.lines == [
        f"{path}: word/document.xml: holds a document type declaration (<!DOCTYPE>), which "
        "Word never writes and which can expand entities or name other files; refused"
    ]
    assert "root:" not in result.stdout


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_file_that_is_not_a_regular_file_is_refused_at_once(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "special.docx"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    result = run_measured("text", str(path), tmp_path=tmp_path, timeout=60)
    assert result.status == 2
    assert result.lines == [f"{path}: is not a regular file (a device, a pipe or a socket)"]


def test_members_outside_the_package_never_reach_a_reader(tmp_path: Path) -> None:
    docx = rezip(small_docx("Kept"), add={"../../../tmp/x": b"escape", "/tmp/x": b"escape"})
    package = open_docx(docx)
    assert all(not name.startswith(("/", "..")) for name in package.parts)
    with zipfile.ZipFile(io.BytesIO(package.sanitised())) as archive:
        names = archive.namelist()
    assert "word/document.xml" in names and "/tmp/x" not in names


def test_limits_come_from_the_environment_and_a_bad_value_is_a_usage_problem() -> None:
    assert from_environment({"REPORTGEN_MAX_PART_MB": "200"}).max_part_mb == 200
    assert from_environment({}) == Limits()
    with pytest.raises(InputError) as caught:
        from_environment({"REPORTGEN_MAX_PART_MB": "lots", "REPORTGEN_TEMPLATE_SECONDS": "-1"})
    assert [str(p) for p in caught.value.problems] == [
        "environment: REPORTGEN_MAX_PART_MB: 'lots' is not a positive whole number",
        "environment: REPORTGEN_TEMPLATE_SECONDS: '-1' is not a positive number",
    ]


def _paragraph_of_runs(megabytes: float) -> bytes:
    """A main document of one paragraph of many runs of random words (it compresses little)."""
    words = os.urandom(int(megabytes * 1024 * 1024) // 31 * 4).hex()  # 8 digits a run of 31 bytes
    runs = "".join(f"<w:r><w:t>{words[i : i + 8]} </w:t></w:r>" for i in range(0, len(words), 8))
    return document_xml(1, "x").replace(
        b"<w:p><w:r><w:t>x</w:t></w:r></w:p>", f"<w:p>{runs}</w:p>".encode()
    )


def test_a_paragraph_of_many_runs_over_the_part_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "runs.docx"
    path.write_bytes(rezip(small_docx(), replace={"word/document.xml": _paragraph_of_runs(6)}))
    result = run_measured("text", str(path), tmp_path=tmp_path, environment=LOW_LIMITS)
    assert result.status == 2
    assert result.lines == [
        f"{path}: word/document.xml: unpacks to more than 4 MB; refused "
        "(raise REPORTGEN_MAX_PART_MB, now 4, to allow it)"
    ]
    assert result.peak_mb < PEAK_MB and result.seconds < SECONDS, result


def test_a_paragraph_of_many_runs_under_the_limit_is_read_in_bounded_memory(
    tmp_path: Path,
) -> None:
    # Reading text costs up to 60 times a part's size: 2 MB of runs, well under 400 MB.
    path = tmp_path / "runs.docx"
    path.write_bytes(rezip(small_docx(), replace={"word/document.xml": _paragraph_of_runs(2)}))
    result = run_measured("text", str(path), tmp_path=tmp_path, environment=LOW_LIMITS)
    assert result.status == 0, result.stderr
    assert len(result.stdout.split()) > 2 * 1024 * 1024 // 31 - 10  # every run read
    assert result.peak_mb < PEAK_MB and result.seconds < SECONDS, result


def test_a_picture_over_the_media_limit_is_refused(tmp_path: Path) -> None:
    docx = small_docx()
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdP" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/image" Target="media/photo.png"/></Relationships>',
    )
    path = tmp_path / "photo.docx"
    path.write_bytes(
        rezip(
            docx,
            replace={"word/_rels/document.xml.rels": rels.encode()},
            add={"word/media/photo.png": os.urandom(3 * 1024 * 1024)},
        )
    )
    with pytest.raises(NotADocx) as refused:
        open_docx(path, Limits(max_media_mb=2))
    assert str(refused.value) == (
        f"{path}: word/media/photo.png: unpacks to more than 2 MB; refused "
        "(raise REPORTGEN_MAX_MEDIA_MB, now 2, to allow it)"
    )
    assert "word/media/photo.png" in open_docx(path, Limits(max_media_mb=4)).parts


def test_a_library_s_advice_to_programmers_is_left_out(tmp_path: Path) -> None:
    text = os.urandom(6 * 1024 * 1024).hex()[: 11 * 1024 * 1024]  # over libxml2's 10 MB node
    path = tmp_path / "node.docx"
    path.write_bytes(rezip(small_docx(), replace={"word/document.xml": document_xml(1, text)}))
    result = run_measured("text", str(path), tmp_path=tmp_path)
    assert result.status == 2
    (line,) = result.lines
    assert "Text node too long" in line and "XML_PARSE_HUGE" not in line


def test_a_file_read_again_is_read_anew_once_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(small_docx("First draft"))
    first = open_docx(path)
    assert open_docx(path) is first  # a build reads its template twice: once is enough
    path.write_bytes(small_docx("Second draft, longer"))
    assert b"Second draft" in open_docx(path).parts["word/document.xml"]
    assert open_docx(path, Limits(max_part_mb=1)) is not open_docx(path)
