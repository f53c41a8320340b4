"""`diff` is near-linear: long documents and long paragraphs are compared in seconds, and
the faster alignment is still a correct diff."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.review.diff import colourise, diff_texts, opcodes

# Rendition-like lines: many repeated (blank lines, table rules), some unique.
_COMMON = ["", "| | |", "[Heading1] Annex", "- item"]


def _rendition(paragraphs: int) -> list[str]:
    return [_COMMON[n % 4] if n % 3 else f"Paragraph {n} of the report" for n in range(paragraphs)]


def test_two_renditions_of_50000_paragraphs_one_apart_diff_in_seconds() -> None:
    old = _rendition(50_000)
    new = list(old)
    new[25_000] = "Paragraph 25000, amended"
    started = time.perf_counter()
    lines = diff_texts("\n".join(old) + "\n", "\n".join(new) + "\n")
    elapsed = time.perf_counter() - started
    assert [line for line in lines if line[:1] in "+-" and line[:3] not in ("---", "+++")] == [
        f"-{old[25_000]}",
        "+Paragraph 25000, amended",
    ]
    assert elapsed < 30  # a bound, not a benchmark: difflib alone took 257 s


def test_the_changed_words_of_a_paragraph_of_100000_words_are_found_in_seconds() -> None:
    words = [f"w{n % 50}" for n in range(100_000)]
    old, new = " ".join(words), " ".join([*words[:50_000], "CHANGED", *words[50_001:]])
    started = time.perf_counter()
    marked = list(colourise([f"-{old}", f"+{new}"]))
    assert time.perf_counter() - started < 30
    assert "\x1b[7mCHANGED\x1b[27m" in marked[1]


def _apply(a: list[str], b: list[str]) -> list[str]:
    out: list[str] = []
    position = 0
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        assert i1 == position  # the opcodes tile the old side in order
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
            out += a[i1:i2]
        else:
            out += b[j1:j2]
        position = i2
    assert position == len(a)
    return out


@settings(max_examples=30, deadline=None)
@given(
    a=st.lists(st.sampled_from(["", "a", "b", "c", "| x |"]), min_size=500, max_size=700),
    b=st.lists(st.sampled_from(["", "a", "b", "c", "d"]), min_size=500, max_size=700),
    unique=st.integers(0, 50),
)
def test_the_fast_alignment_turns_the_old_side_into_the_new(
    a: list[str], b: list[str], unique: int
) -> None:
    # Unique lines shared in order give the patience step anchors to cut at.
    for n in range(unique):
        a.insert(n * 10 % len(a), f"anchor {n}")
        b.insert(n * 10 % len(b), f"anchor {n}")
    assert _apply(a, b) == b
