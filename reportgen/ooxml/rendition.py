"""What the text rendition reads: a package whose fields, tracked changes and comments are
made visible as text, the same way whichever program saved the document.

docx2python reads what this module gives it: each field (`w:fldSimple`, `w:fldChar`) as its
instruction, tracked changes (`w:ins`, `w:del`) and comments as marked text, numbering a
style gives (`w:numPr`) on the paragraph; and `w:styles` read for the names and the language
the rendition and the template check show.
"""

from __future__ import annotations

import copy
import io
import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Mapping

from lxml import etree

from reportgen.ooxml.paragraphs import Comment, UnreadablePackage, WordParts, read_comments
from reportgen.ooxml.xml import R_NS, W_NS, MalformedXML, parse_strictly, qn, serialise

_FORMAT_SWITCH = re.compile(r"\\\*\s*\S+")  # \* ARABIC, \* MERGEFORMAT: how a result looks
_SHOWN_CHANGES = {
    "ins": "inserted",
    "del": "deleted",
    "moveTo": "moved here",
    "moveFrom": "moved away",
}


def readable_package(data: bytes) -> bytes:
    """The package as the text rendition reads it: what a reviewer must see, the same way
    whichever program saved the document.

    - A field shows as its instruction, `{PAGE}` or `{SEQ Figure}`, never its cached result,
      which Word and LibreOffice refresh whenever they like (a page count, say).
    - A paragraph numbered through its style is numbered on the paragraph, as LibreOffice
      stores it ("List Number"); `numId` 0, Word's "no numbering", is no numbering.
    - A tracked change shows as `[inserted by AUTHOR: text]`, `[deleted by AUTHOR: text]`.
    - A comment shows where it is anchored, as `[comment by AUTHOR: text]`.
    - The prefixes w: and r: are declared on every part (see `declare_prefixes`).
    """
    data = declare_prefixes(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        try:
            parts = WordParts(package)
            comments: dict[str, Comment] = {}
            for name in parts.comments:
                comments.update(read_comments(parts.read(name)))
            numbering = _style_numbering(parts.read(parts.styles[0]) if parts.styles else None)
        except UnreadablePackage:
            return data  # docx2python says what is wrong with it
        rewritten = {}
        for _, name in parts.text_parts:
            try:
                root = parts.read(name)
            except UnreadablePackage:
                continue
            if root is None:
                continue
            changed = [
                _show_fields(root),
                _number_through_styles(root, numbering),
                _show_changes(root),
                _show_comments(root, comments),
            ]
            if any(changed):
                rewritten[name] = serialise(root)
        if not rewritten:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in package.infolist():
                target.writestr(info, rewritten.get(info.filename) or package.read(info))
    return out.getvalue()


def _style_numbering(styles: etree._Element | None) -> dict[str, etree._Element]:
    """The numbering (`w:numPr`) each paragraph style gives, its own or its base's."""
    if styles is None:
        return {}
    own, bases = {}, {}
    for style in styles.iter(qn("w:style")):
        style_id = style.get(qn("w:styleId"), "")
        numbering = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numbering is not None:
            own[style_id] = numbering
        based = style.find(qn("w:basedOn"))
        if based is not None:
            bases[style_id] = based.get(qn("w:val"), "")
    found = {}
    for style_id in set(own) | set(bases):
        seen, current = set(), style_id
        while current and current not in own and current not in seen:
            seen.add(current)
            current = bases.get(current, "")
        if current in own:
            found[style_id] = own[current]
    return found


def _number_through_styles(root: etree._Element, numbering: Mapping[str, etree._Element]) -> bool:
    """Give each paragraph the numbering its style gives it, and drop numbering that
    numbers nothing (numId 0); return whether any paragraph changed."""
    changed = False
    for properties in root.iter(qn("w:pPr")):
        direct = properties.find(qn("w:numPr"))
        if direct is None:
            style = properties.find(qn("w:pStyle"))
            inherited = numbering.get(style.get(qn("w:val"), "")) if style is not None else None
            if inherited is None:
                continue
            direct = copy.deepcopy(inherited)
            if direct.find(qn("w:ilvl")) is None:  # a style's list level is 0 unless it says
                level = etree.Element(qn("w:ilvl"))
                level.set(qn("w:val"), "0")
                direct.insert(0, level)
            properties.append(direct)
            changed = True
        number = direct.find(qn("w:numId"))
        if number is not None and number.get(qn("w:val")) == "0":
            properties.remove(direct)
            changed = True
    return changed


def _text_run(text: str) -> etree._Element:
    run = etree.Element(qn("w:r"))
    element = etree.SubElement(run, qn("w:t"))
    element.set(qn("xml:space"), "preserve")
    element.text = text
    return run


def _field_text(instruction: str) -> str:
    return "{" + " ".join(_FORMAT_SWITCH.sub("", instruction).split()) + "}"


def _show_fields(root: etree._Element) -> bool:
    """Replace each field's cached result by its instruction, a nested field's as {INNER};
    return whether any field was found. A field whose end is missing is left as it is."""
    changed = False
    for field in list(root.iter(qn("w:fldSimple"))):
        field.getparent().replace(field, _text_run(_field_text(field.get(qn("w:instr"), ""))))
        changed = True
    phases: list[str] = []  # per open field: "instruction" until its separator, then "result"
    starts: list[int] = []  # where each open nested field's instruction starts
    instruction, runs = "", []
    for run in list(root.iter(qn("w:r"))):
        char = run.find(qn("w:fldChar"))
        kind = char.get(qn("w:fldCharType")) if char is not None else None
        if not phases and kind != "begin":
            continue
        runs.append(run)
        reading = all(phase == "instruction" for phase in phases)
        if kind == "begin":
            starts.append(len(instruction))
            phases.append("instruction")
        elif kind == "separate":
            phases[-1] = "result"
        elif kind == "end":
            phases.pop()
            start = starts.pop()
            if not phases:
                runs[0].getparent().replace(runs[0], _text_run(_field_text(instruction)))
                for other in runs[1:]:
                    other.getparent().remove(other)
                instruction, runs, changed = "", [], True
            elif all(phase == "instruction" for phase in phases):
                instruction = instruction[:start] + _field_text(instruction[start:])
        elif reading:
            instruction += "".join(t.text or "" for t in run.iter(qn("w:instrText")))
    return changed


def _show_changes(root: etree._Element) -> bool:
    """Unwrap tracked insertions and deletions into marked text; return whether any was found."""
    changed = False
    for change in list(root.iter(*(qn(f"w:{name}") for name in _SHOWN_CHANGES))):
        parent = change.getparent()
        if parent is None or etree.QName(parent).localname in ("rPr", "trPr"):
            continue
        for deleted in change.iter(qn("w:delText")):
            deleted.tag = qn("w:t")
        author = change.get(qn("w:author")) or "someone"
        what = _SHOWN_CHANGES[etree.QName(change).localname]
        position = parent.index(change)
        pieces = [_text_run(f"[{what} by {author}: "), *change, _text_run("]")]
        parent.remove(change)
        for offset, piece in enumerate(pieces):
            parent.insert(position + offset, piece)
        changed = True
    return changed


def _show_comments(root: etree._Element, comments: Mapping[str, Comment]) -> bool:
    """Put each comment's text where it is referred to; return whether any was found."""
    changed = False
    for reference in list(root.iter(qn("w:commentReference"))):
        comment = comments.get(reference.get(qn("w:id"), ""))
        run = reference.getparent()
        if comment is None or run is None or run.getparent() is None:
            continue
        author = comment.author or "someone"
        run.getparent().replace(run, _text_run(f" [comment by {author}: {comment.text}]"))
        changed = True
    return changed


def style_names(data: bytes) -> dict[str, str]:
    """Each paragraph style's id, as its built-in identity: the name it shows in Word, in
    one word (LibreOffice's "Caption1", named "caption", is "Caption")."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/styles.xml" not in package.namelist():
            return {}
        try:
            root = parse_strictly(package.read("word/styles.xml"))
        except MalformedXML:
            return {}
    names = {}
    for style in root.iter(qn("w:style")):
        name = style.find(qn("w:name"))
        style_id = style.get(qn("w:styleId"))
        if name is not None and style_id:
            names[style_id] = "".join(
                w[:1].upper() + w[1:] for w in name.get(qn("w:val"), "").split()
            )
    return names


def text_language(parts: Mapping[str, bytes], main: str = "word/document.xml") -> str | None:
    """The language a document's text is marked in ("en-GB", "fr-FR"): its default
    paragraph style's (Normal), else its styles' document defaults, else the one of the runs
    that hold most of its text, when they hold more than half; None when nothing names one.
    `parts` by member name, as read."""
    styles = _parsed(parts.get(posixpath.join(posixpath.dirname(main), "styles.xml")))
    if styles is not None:
        normal = styles.xpath(
            "w:style[@w:type='paragraph'][@w:default='1' or @w:default='true']/w:rPr/w:lang/@w:val",
            namespaces={"w": W_NS},
        )
        defaults = f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
        found = styles.find(defaults)
        for value in [*normal, found.get(qn("w:val")) if found is not None else None]:
            if value:
                return str(value)
    document = _parsed(parts.get(main))
    if document is None:
        return None
    # No default: the runs' own marks decide only when they cover most of the text, so that
    # one quotation marked French does not make an English template French.
    by_language: Counter[str | None] = Counter()
    for run in document.iter(qn("w:r")):
        mark = run.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        value = mark.get(qn("w:val")) if mark is not None else None
        by_language[str(value) if value else None] += sum(
            len(text.text or "") for text in run.iter(qn("w:t"))
        )
    marked = [(count, language) for language, count in by_language.items() if language]
    if not marked:
        return None
    count, language = max(marked)
    return language if count * 2 > sum(by_language.values()) else None


def _parsed(xml: bytes | None) -> etree._Element | None:
    if xml is None:
        return None
    try:
        return parse_strictly(xml)
    except MalformedXML:
        return None


# The prefixes declare_prefixes adds where a part lacks them, and the root element's start
# tag, found in the bytes (the part may not even parse as the document it claims to be).
_PREFIXES = {b"w": W_NS.encode(), b"r": R_NS.encode()}
_ROOT_START_TAG = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*"  # declaration, comments
    rb"<([^\s/>!?]+)"  # the root element's name
    rb"((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*/?>",  # its attributes
    re.DOTALL,
)


def declare_prefixes(data: bytes) -> bytes:
    """The package with w: and r: declared on the root of every word/*.xml part.

    docx2python looks the prefixes up in each element's own namespace map and fails
    (KeyError 'r') on a part that never declares them, as some writers leave out xmlns:r
    in footnotes.xml. Declaring them on the root element changes nothing else.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {
            info.filename: package.read(info)
            for info in package.infolist()
            if info.filename.startswith("word/") and info.filename.endswith(".xml")
        }
        patched = {name: _with_prefixes(xml) for name, xml in parts.items()}
        if patched == parts:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in package.infolist():
                body = patched[info.filename] if info.filename in patched else package.read(info)
                target.writestr(info, body)
    return out.getvalue()


def _with_prefixes(xml: bytes) -> bytes:
    """One part with the missing prefixes declared on its root element."""
    root = _ROOT_START_TAG.match(xml)
    if root is None:
        return xml
    missing = b"".join(
        b' xmlns:%s="%s"' % (prefix, uri)
        for prefix, uri in _PREFIXES.items()
        if not re.search(rb"\sxmlns:" + prefix + rb"\s*=", root.group(2))
    )
    return xml[: root.end(1)] + missing + xml[root.end(1) :] if missing else xml
