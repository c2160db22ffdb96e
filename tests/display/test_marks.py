"""Cutting sentences into marked pieces: nothing lost, nothing overlapping, the right mark wins."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from plainlang.display.marks import Mark, find_word, pieces, resolve, term_marks, word_marks

KINDS = st.sampled_from(["term", "unexplained", "hard"])


@st.composite
def text_and_marks(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = draw(st.text(max_size=60))
    n = len(text)
    marks = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(-2, n + 2))
        end = draw(st.integers(-2, n + 2))
        marks.append(Mark(start, end, draw(KINDS), draw(st.text(max_size=5))))
    return text, marks


@given(text_and_marks())
def test_pieces_join_back_to_the_sentence(case: tuple[str, list[Mark]]) -> None:
    text, marks = case
    assert "".join(p.text for p in pieces(text, marks)) == text


@given(text_and_marks())
def test_pieces_are_never_empty_and_chosen_marks_never_overlap(case: tuple[str, list[Mark]]) -> None:
    text, marks = case
    assert all(p.text for p in pieces(text, marks))
    chosen = resolve(marks)
    for a, b in itertools.pairwise(chosen):
        assert a.end <= b.start


def test_an_explained_term_wins_over_a_hard_word_inside_it() -> None:
    text = "They have acute myeloid leukemia now."
    marks = term_marks(text, [("acute myeloid leukemia", "a blood cancer")]) + word_marks(
        text, ["leukemia"], "hard", "long"
    )
    out = pieces(text, marks)
    assert [(p.text, p.kind) for p in out if p.kind] == [("acute myeloid leukemia", "term")]
    assert out[1].note == "a blood cancer"


def test_words_are_found_whole_and_in_any_case_but_not_inside_longer_words() -> None:
    assert find_word("Cancer and cancers, precancer", "cancer", ignore_case=True) == [(0, 6)]
    assert find_word("IFN-γ and IFN-γ2", "IFN-γ", ignore_case=False) == [(0, 5)]
    assert find_word("anything", "   ", ignore_case=True) == []


def test_a_term_is_marked_at_its_first_use_only() -> None:
    text = "AML is rare. AML can come back."
    assert [(m.start, m.end) for m in term_marks(text, [("AML", "a blood cancer")])] == [(0, 3)]


@given(st.text(max_size=40), st.text(min_size=1, max_size=8))
def test_every_found_word_is_the_word(text: str, word: str) -> None:
    for start, end in find_word(text, word, ignore_case=True):
        assert text[start:end].lower() == word.lower() or text[start:end].casefold() == word.casefold()
