"""The matcher's stretch memo (``CompiledMatcher._stretched``) finds what the straightforward
path finds: the whole text tokenized, then the tries searched over all its tokens."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.explain import Glossary
from plainlang.explain import matcher as matcher_module
from plainlang.explain.matcher import CompiledMatcher
from plainlang.explain.tokens import stretches, tokenize

# Words the built-in packs know (terms, abbreviations, parts of longer terms), words in capitals
# (an abbreviation in a run of capitals is no match), protected text, and every kind of gap.
_WORDS = st.sampled_from(
    [
        "acute myeloid leukemia", "AML", "ALL", "all", "PATIENTS", "MUST", "SIGN", "HIV", "placebo",
        "event-free survival", "survival", "(AML)", "AML.", "QT interval", "randomized", "the", "a",
        "https://example.org/AML", "NCT01234567", "2.5 mg", "\"placebo\"", "[1]", "e.g.", "#",
        "WHO performance status", "Phase 3", "CR)/Complete remission", "é", "\u00a0",
    ]
)  # fmt: skip
_GAPS = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", " \n", "\t", "\r\n", " \n\n "])
_TEXT = st.lists(st.tuples(_WORDS, _GAPS), max_size=24).map(lambda parts: "".join(w + g for w, g in parts))
_RAW = st.text(alphabet=st.sampled_from(list("aA Z\n\t .()-/é\u00a0")), max_size=40)


@functools.cache
def _matcher() -> CompiledMatcher:
    return Glossary.load().matcher


def _assembled(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end, chunks in stretches(text):
        if chunks:
            out.extend((s + start, e + start) for s, e in tokenize(text[start:end]))
        else:
            out.append((start, end))
    return out


@given(_TEXT | _RAW)
def test_tokens_put_together_from_stretches_are_the_tokens_of_the_whole_text(text: str) -> None:
    assert _assembled(text) == tokenize(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT | _RAW, min_size=1, max_size=4))
def test_stretch_memo_gives_the_tokens_and_hits_of_the_whole_text(texts: list[str]) -> None:
    matcher = _matcher()
    # several texts, so stretches met before come from the memo, shifted to a new place
    for text in texts:
        tokens, words, abbreviations = matcher._stretched(text)
        expected_tokens = tokenize(text)
        expected_words, expected_abbreviations = matcher.phrase_hits(text, expected_tokens)
        assert tokens == expected_tokens
        assert words == expected_words
        assert abbreviations == expected_abbreviations


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=4))
def test_find_with_the_stretch_memo_finds_what_the_straightforward_path_finds(texts: list[str]) -> None:
    matcher = _matcher()
    for text in texts:
        remembered = matcher.find(text)
        matcher._simple_phrases = False  # the straightforward path: tokenize, then search
        try:
            straight = matcher.find(text)
        finally:
            matcher._simple_phrases = True
        assert remembered == straight


def test_a_full_stretch_memo_starts_again_and_still_finds_the_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    matcher = _matcher()
    monkeypatch.setattr(matcher_module, "_STRETCH_MEMO", 1)
    text = "AML is a cancer.\n\nPatients with acute myeloid leukemia (AML) take part."
    first = matcher.find(text)
    assert len(matcher._stretch_memo) <= 1
    assert matcher.find(text) == first
    assert [m.surface for m in first].count("AML") == 2
