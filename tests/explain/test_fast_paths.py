"""The shortcuts taken for speed answer exactly what the plain versions they replace answer."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from plainlang.explain.apply import _at_sentence_start, _open_parenthesis
from plainlang.explain.spans import _PROTECTED_KINDS, SpanSet, protected_spans, sentence_start

_SENTENCEY = st.text(alphabet=st.sampled_from(list("aZ1 \n\t.!?)(-*•#x")), max_size=30)


@given(_SENTENCEY, st.data())
def test_at_sentence_start_agrees_with_sentence_start(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(text)))
    assert _at_sentence_start(text, position) == (sentence_start(text, position) == position)


def _open_parenthesis_by_scanning(text: str, position: int) -> int | None:
    """The former definition: scan the line from its start for every question."""
    line_start = text.rfind("\n", 0, position) + 1
    depth = 0
    for ch in text[line_start:position]:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    if not depth:
        return None
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    for at in range(position, line_end):
        if text[at] == "(":
            depth += 1
        elif text[at] == ")":
            depth -= 1
            if not depth:
                return at
    return position


@given(st.text(alphabet=st.sampled_from(list("ab ()\n")), max_size=40), st.data())
def test_open_parenthesis_agrees_with_scanning_the_line(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(text)))
    assert _open_parenthesis(text, position) == _open_parenthesis_by_scanning(text, position)


_NUMBER_AS_WRITTEN_FIRST = re.compile(r"(?<![\w.])\d+(?:[.,:/-]\d+)*%?")


@given(st.text(alphabet=st.sampled_from(list("a1.9-,:/%_ xé٣")), max_size=30))
def test_number_pattern_finds_what_the_lookbehind_first_pattern_found(text: str) -> None:
    numbers = next(pattern for test, pattern in _PROTECTED_KINDS if test == "")
    expected = [m.span() for m in _NUMBER_AS_WRITTEN_FIRST.finditer(text)]
    assert [m.span() for m in numbers.finditer(text)] == expected
    assert set(expected) <= set(protected_spans(text))


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 10)), max_size=8),
    st.integers(0, 70),
    st.integers(0, 12),
)
def test_spanset_crosses_is_overlap_without_containment(
    spans: list[tuple[int, int]], start: int, length: int
) -> None:
    pieces = SpanSet((s, s + n) for s, n in spans)
    end = start + length
    merged = list(pieces)
    expected = any(s < end and start < e and not (start <= s and e <= end) for s, e in merged)
    assert pieces.crosses(start, end) == expected
