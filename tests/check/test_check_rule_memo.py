"""Matches remembered by pattern and text (``rules.base.matches``, ``found_in``) are the matches
``finditer`` and ``search`` give on any equal text, whichever page's text filled the memo."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.check.prose import CITATION
from plainlang.check.rules.base import finder, found_in, matcher, matches
from plainlang.check.rules.sources import _numbers

PATTERNS = [CITATION, re.compile(r"\b(?:is|was) (\w+ed)\b", re.IGNORECASE), re.compile(r"[A-Z]{2,}")]
TEXT = st.lists(st.sampled_from(["The drug", " was tested", ".[1]", "[1, 3–5]", " AML", " is", " ok", " "]))


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(PATTERNS))
def test_remembered_matches_equal_finditer_on_an_equal_text(
    pieces: list[str], pattern: re.Pattern[str]
) -> None:
    first, again = "".join(pieces), "".join(reversed(pieces))
    matches(pattern, first)  # the memo now holds this text's matches
    same = "".join(pieces)  # an equal text, another object (another page's block)
    expected = [(m.span(), m[0], m.groups()) for m in pattern.finditer(same)]
    assert [(m.span(), m[0], m.groups()) for m in matches(pattern, same)] == expected
    assert found_in(pattern, same) == (pattern.search(same) is not None)
    assert found_in(pattern, again) == (pattern.search(again) is not None)
    # a pattern compiled again from the same source and flags shares the memo, and matches the same
    twin = re.compile(pattern.pattern, pattern.flags)
    assert [(m.span(), m[0], m.groups()) for m in matches(twin, same)] == expected


@settings(max_examples=200, deadline=None)
@given(TEXT, st.sampled_from(PATTERNS))
def test_a_matcher_and_a_finder_answer_as_matches_and_found_in(
    pieces: list[str], pattern: re.Pattern[str]
) -> None:
    text = "".join(pieces)
    expected = [(m.span(), m[0], m.groups()) for m in pattern.finditer(text)]
    assert [(m.span(), m[0], m.groups()) for m in matcher(pattern)(text)] == expected
    assert matcher(pattern)(text) == matches(pattern, text)
    assert finder(pattern)(text) == found_in(pattern, text) == (pattern.search(text) is not None)


@given(st.lists(st.integers(1, 300), min_size=1, max_size=4), st.integers(0, 3))
def test_a_marker_cites_its_numbers_and_ranges(numbers: list[int], span: int) -> None:
    marker = ", ".join(str(n) for n in numbers) + (f"–{numbers[-1] + span}" if span else "")
    expected = [*numbers[:-1], *range(numbers[-1], numbers[-1] + span + 1)]
    assert list(_numbers(marker)) == expected
