"""What changed between two Word documents, as a unified diff of their text.

`diff_documents` compares the text renditions (`reportgen.review.rendition`), so that a
reviewer sees paragraphs, table rows and footnotes that changed, not XML. The alignment is
difflib's, made near-linear by patience anchors (`opcodes`); on a terminal the changed
words are coloured (`colourise`). Word's own tracked changes are `reportgen.review.redline`.
"""

from __future__ import annotations

import bisect
import difflib
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Literal, TextIO

from reportgen.review.rendition import rendition

# git's default colours: headers bold, hunk ranges cyan, removals red, additions green;
# reverse video marks the words that changed inside a changed line.
_BOLD, _CYAN, _RED, _GREEN = "\033[1m", "\033[36m", "\033[31m", "\033[32m"
_REVERSE, _REVERSE_OFF, _RESET = "\033[7m", "\033[27m", "\033[0m"
_WORDS = re.compile(r"\w+|\s+|[^\w\s]")


def diff_texts(
    old: str, new: str, old_name: str = "old", new_name: str = "new", context: int = 3
) -> list[str]:
    """The unified diff of two renditions, one line per item without newlines; [] if equal.

    Unlike `difflib.unified_diff`, the matcher does not treat frequent lines (the blank
    lines around every table) as junk, so that unchanged lines are never shown as changed.
    """
    if context < 0:
        raise ValueError(f"context is a number of lines, 0 or more, not {context}")
    a, b = old.splitlines(), new.splitlines()
    matcher = _Matched(a, b)
    out: list[str] = []
    for group in matcher.get_grouped_opcodes(context):
        if not out:
            out += [f"--- {old_name}", f"+++ {new_name}"]
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [f" {line}" for line in a[i1:i2]]
                continue
            out += [f"-{line}" for line in a[i1:i2]]
            out += [f"+{line}" for line in b[j1:j2]]
    return out


Opcode = tuple[Literal["replace", "delete", "insert", "equal"], int, int, int, int]
"""What turns a[i1:i2] into b[j1:j2]: "equal", "replace", "delete" or "insert" (difflib's)."""

_SMALL = 250_000
"""Pairs of items up to which difflib's matcher, quadratic, is left to align a region."""


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """difflib's opcodes from `a` to `b`, in time near-linear in their lengths.

    difflib's matcher compares every item with every other that is equal to it: two
    renditions of 50,000 paragraphs, or a paragraph of 100,000 words, took minutes. Here
    the common head and tail are taken first; what is left is cut at the items that appear
    exactly once in each side, in the same order (patience diff); difflib aligns only the
    pieces left between them, and only when they are small. A large piece without such
    anchors is shown as replaced whole, which is still a correct diff. Small inputs get
    difflib's own alignment.
    """
    if len(a) * len(b) <= _SMALL:  # small: exactly difflib's alignment
        return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: list[Opcode] = []
    pending = [(0, len(a), 0, len(b))]
    while pending:
        alo, ahi, blo, bhi = pending.pop()
        head = 0
        while alo + head < ahi and blo + head < bhi and a[alo + head] == b[blo + head]:
            head += 1
        tail = 0
        while (
            ahi - tail > alo + head
            and bhi - tail > blo + head
            and a[ahi - tail - 1] == b[bhi - tail - 1]
        ):
            tail += 1
        if head:
            out.append(("equal", alo, alo + head, blo, blo + head))
        if tail:
            out.append(("equal", ahi - tail, ahi, bhi - tail, bhi))
        alo, ahi, blo, bhi = alo + head, ahi - tail, blo + head, bhi - tail
        if alo == ahi and blo == bhi:
            continue
        if alo == ahi or blo == bhi:
            out.append(("insert" if alo == ahi else "delete", alo, ahi, blo, bhi))
            continue
        anchors = _anchors(a, alo, ahi, b, blo, bhi)
        if anchors:
            starts = [(alo, blo), *((i + 1, j + 1) for i, j in anchors)]
            ends = [*anchors, (ahi, bhi)]
            out += [("equal", i, i + 1, j, j + 1) for i, j in anchors]
            pending += [(i1, i2, j1, j2) for (i1, j1), (i2, j2) in zip(starts, ends, strict=True)]
        elif (ahi - alo) * (bhi - blo) <= _SMALL:
            matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            out += [
                (tag, alo + i1, alo + i2, blo + j1, blo + j2)
                for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            ]
        else:
            out.append(("replace", alo, ahi, blo, bhi))
    return _merged(sorted(out, key=lambda op: (op[1], op[3])))


def _anchors(
    a: Sequence[str], alo: int, ahi: int, b: Sequence[str], blo: int, bhi: int
) -> list[tuple[int, int]]:
    """The items found once in a[alo:ahi] and once in b[blo:bhi], the longest run of them
    in the same order on both sides, as (i, j) pairs."""
    counts: dict[str, list[int]] = {}
    for i in range(alo, ahi):
        entry = counts.setdefault(a[i], [0, i, 0, -1])
        entry[0] += 1
    for j in range(blo, bhi):
        entry = counts.get(b[j])  # type: ignore[assignment]
        if entry is not None:
            entry[2] += 1
            entry[3] = j
    pairs = sorted((e[1], e[3]) for e in counts.values() if e[0] == 1 and e[2] == 1)
    # The longest increasing run of j (patience sorting), in O(n log n).
    tops: list[int] = []
    links: list[int] = []
    top_index: list[int] = []
    for index, (_, j) in enumerate(pairs):
        place = bisect.bisect_left(tops, j)
        if place == len(tops):
            tops.append(j)
            top_index.append(index)
        else:
            tops[place] = j
            top_index[place] = index
        links.append(top_index[place - 1] if place else -1)
    run: list[tuple[int, int]] = []
    at = top_index[-1] if top_index else -1
    while at >= 0:
        run.append(pairs[at])
        at = links[at]
    return run[::-1]


def _merged(codes: list[Opcode]) -> list[Opcode]:
    """Opcodes that tile both sides, neighbours of one kind joined as difflib gives them:
    equal runs as one, and changes side by side as one replace (or delete, or insert)."""
    out: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        if i1 == i2 and j1 == j2:
            continue
        if out and (out[-1][0] == "equal") == (tag == "equal"):
            _, i1, _, j1, _ = out.pop()
            if tag != "equal":
                tag = "replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert"
        out.append((tag, i1, i2, j1, j2))
    return out or [("equal", 0, 0, 0, 0)]


class _Matched(difflib.SequenceMatcher[str]):
    """difflib's grouping of opcodes into hunks, over the opcodes of `opcodes`."""

    def __init__(self, a: Sequence[str], b: Sequence[str]) -> None:
        super().__init__(None, [], [], autojunk=False)
        self.a, self.b = a, b
        self._codes = opcodes(a, b)

    def get_opcodes(self) -> list[Opcode]:
        return list(self._codes)


def _range(start: int, stop: int) -> str:
    """A hunk's line range as diff(1) writes it: "12,3", "12" for one line, "11,0" for none."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def diff_documents(old: Path, new: Path, context: int = 3) -> list[str]:
    """The unified diff of the text renditions of two .docx files; [] when they read the same.

    Raises `reportgen.review.rendition.NotADocx` when either file is not a readable .docx.
    """
    return diff_texts(rendition(old), rendition(new), str(old), str(new), context)


def wants_colour(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org) or TERM=dumb."""
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def colourise(lines: Iterable[str]) -> Iterator[str]:
    """A unified diff with ANSI colours, the changed words of paired lines in reverse video.

    A paragraph is one line of the rendition, so a changed figure would otherwise colour a
    whole paragraph; pairing each run of removed lines with the added lines that follow it
    points at the words that changed.
    """
    removed: list[str] = []
    added: list[str] = []

    def flush() -> Iterator[str]:
        if len(removed) == len(added):
            for old, new in zip(removed, added, strict=True):
                old_marked, new_marked = _mark_changed_words(old[1:], new[1:])
                yield f"{_RED}-{old_marked}{_RESET}"
                yield f"{_GREEN}+{new_marked}{_RESET}"
        else:
            yield from (f"{_RED}{line}{_RESET}" for line in removed)
            yield from (f"{_GREEN}{line}{_RESET}" for line in added)
        removed.clear()
        added.clear()

    for index, line in enumerate(lines):
        if index < 2 and line.startswith(("---", "+++")):  # the two file headers
            yield f"{_BOLD}{line}{_RESET}"
        elif line.startswith("-"):
            if added:
                yield from flush()
            removed.append(line)
        elif line.startswith("+"):
            added.append(line)
        else:
            yield from flush()
            yield f"{_CYAN}{line}{_RESET}" if line.startswith("@@") else line
    yield from flush()


def _mark_changed_words(old: str, new: str) -> tuple[str, str]:
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    old_out: list[str] = []
    new_out: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes(old_words, new_words):
        old_part, new_part = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        if tag == "equal":
            old_out.append(old_part)
            new_out.append(new_part)
            continue
        if old_part:
            old_out.append(f"{_REVERSE}{old_part}{_REVERSE_OFF}")
        if new_part:
            new_out.append(f"{_REVERSE}{new_part}{_REVERSE_OFF}")
    return "".join(old_out), "".join(new_out)
