"""The fast makers of frozen records give exactly what the classes' own constructors give."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainlang.explain.apply import Edit, ExplainedUse, _edit, explained_use
from plainlang.explain.matcher import TermMatch, _term_match
from plainlang.explain.usage import Use, _use

words = st.text(max_size=12)
offsets = st.integers(min_value=0, max_value=10_000)


def _same(made: object, built: object) -> None:
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    if isinstance(made, tuple):  # the named tuples (Use, Edit)
        assert made._asdict() == built._asdict()  # type: ignore[attr-defined]
    else:
        assert dataclasses.asdict(made) == dataclasses.asdict(built)  # type: ignore[call-overload]
    assert type(made) is type(built)


@given(words, offsets, offsets, words, st.booleans())
def test_term_match_made_fast_equals_term_match_constructed(
    term: str, start: int, end: int, surface: str, abbreviation: bool
) -> None:
    _same(
        _term_match(term, start, end, surface, abbreviation),
        TermMatch(term, start, end, surface, abbreviation),
    )


@given(words, offsets, offsets, st.booleans(), st.booleans())
def test_use_made_fast_equals_use_constructed(
    term: str, start: int, end: int, first: bool, explained: bool
) -> None:
    match = TermMatch(term, start, end, term, False)
    _same(_use(match, first, explained), Use(match, first=first, explained=explained))


@given(words, words, words, offsets, offsets, words, words, st.integers(min_value=-1, max_value=50))
def test_explained_use_made_fast_equals_explained_use_constructed(
    term: str, definition: str, surface: str, start: int, end: int, style: str, section: str, index: int
) -> None:
    _same(
        explained_use(term, definition, surface, start, end, style),
        ExplainedUse(term, definition, surface, start, end, style),
    )
    _same(
        explained_use(term, definition, surface, start, end, style, section, index),
        ExplainedUse(term, definition, surface, start, end, style, section, index),
    )


@given(offsets, offsets, words, words, words, st.none() | st.tuples(offsets, offsets))
def test_edit_made_fast_equals_edit_constructed(
    start: int, end: int, text: str, term: str, surface: str, mark: tuple[int, int] | None
) -> None:
    _same(_edit(start, end, text, term, surface, mark), Edit(start, end, text, term, surface, mark))


def test_fast_made_records_stay_frozen() -> None:
    edit = _edit(0, 1, "x", "t", "s", None)
    with pytest.raises(AttributeError):
        edit.start = 3  # type: ignore[misc]
    use = _use(TermMatch("x", 0, 1, "x", False), True, False)
    with pytest.raises(AttributeError):
        use.first = False  # type: ignore[misc]
