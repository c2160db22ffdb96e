"""Hypothesis properties of explaining: protected facts survive, it settles, it is deterministic."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plainlang.explain import STYLES, Glossary, explain, unexplained_terms
from plainlang.explain.usage import words_to_know_span
from plainlang.explain.variants import phrase_variants, spellings

# Test packs' definitions hold no digits, so every number in the output came from the input.
_FACTS = re.compile(
    r"https?://\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|NCT\d{8}|\d{4}-\d{6}-\d{2}|"
    r"ISRCTN\d{8}|\d+(?:[.,:/-]\d+)*"
)

_WORDS = st.sampled_from(
    [
        "AML",
        "ALL",
        "all",
        "refractory",
        "Refractory",
        "remissions",
        "complete remission",
        "CR",
        "randomised",
        "randomized",
        "placebo",
        "a placebo",
        "an",
        "the",
        "event-free survival",
        "EFS",
        "survival",
        "tumours",
        "relapse",
        "relapsed",
        "type 2 diabetes",
        "COVID-19",
        "people",
        "were",
        "with",
        "and",
        "in",
        "is",
        "means",
        "(",
        ")",
        ",",
        ".",
        "\n",
        "\n\n",
        "# Refractory AML\n",
        "- ",
        "hematologist",
    ]
)
_FACTS_GEN = st.one_of(
    st.integers(0, 10**6).map(str),
    st.decimals(0, 1000, places=2).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.integers(0, 10**8 - 1).map(lambda n: f"NCT{n:08d}"),
    st.integers(0, 10**6 - 1).map(lambda n: f"2019-{n:06d}-12"),
    st.sampled_from(
        [
            "https://example.org/refractory-AML",
            "https://ctgov.invalid/NCT01234567",
            "team.refractory@example.org",
        ]
    ),
)
_TEXTS = st.lists(st.one_of(_WORDS, _FACTS_GEN), min_size=1, max_size=40).map(" ".join)
_STYLES = st.sampled_from(STYLES)
_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(text=_TEXTS, style=_STYLES)
@example(text="( type 2 diabetes", style="parenthetical")  # found by hypothesis: the term holds a number
@example(text="( type 2 diabetes )", style="parenthetical")
def test_explaining_never_changes_numbers_dates_ids_or_urls(mini: Glossary, text: str, style: str) -> None:
    out = explain(text, mini, style).text  # type: ignore[arg-type]
    assert out is not None
    added = words_to_know_span(out) if words_to_know_span(text) is None else None
    body = out[: added[0]] if added else out  # the list repeats terms such as "type 2 diabetes"
    assert _FACTS.findall(_without_explanation_sentences(body, mini)) == _FACTS.findall(text)


def _without_explanation_sentences(text: str, glossary: Glossary) -> str:
    """``text`` less the sentences explain adds after a first use: they name their term, and a
    term may hold a number ("Type 2 diabetes means ..."), which is the term's, not a new fact."""
    for term in glossary.terms:
        text = text.replace(f" {term.explanation.strip()}", "") if term.explanation else text
        definition = re.escape(term.definition.strip())
        # the subject starts the sentence: never reach back over a parenthesis into the text
        text = re.sub(rf"\s*[A-Za-z][^.!?()]*? means {definition}\.", "", text)
        text = re.sub(rf"\s*\S+ stands for {re.escape(term.term)}\.", "", text)
    return text


@_SETTINGS
@given(text=_TEXTS, style=_STYLES)
# an unclosed parenthesis then a URL: the sentence after is left open, and must still define
@example(text="( type 2 diabetes https://example.org/refractory-AML", style="parenthetical")
def test_explaining_twice_equals_explaining_once(mini: Glossary, text: str, style: str) -> None:
    once = explain(text, mini, style).text  # type: ignore[arg-type]
    assert once is not None
    twice = explain(once, mini, style)  # type: ignore[arg-type]
    assert twice.text == once
    assert twice.terms == ()


@_SETTINGS
@given(text=_TEXTS, style=_STYLES)
def test_explaining_is_deterministic(mini: Glossary, fresh_mini: Glossary, text: str, style: str) -> None:
    assert fresh_mini is not mini
    first = explain(text, mini, style)  # type: ignore[arg-type]
    second = explain(text, fresh_mini, style)  # type: ignore[arg-type]
    assert first == second


@_SETTINGS
@given(text=_TEXTS, style=st.sampled_from([s for s in STYLES if s != "none"]))
@example(text="( COVID-19", style="parenthetical")  # found by hypothesis: a sentence ending in a number
@example(text="( survival 0", style="parenthetical")
@example(text="AML means AML", style="replace")  # found by hypothesis: the defined subject was replaced
def test_explained_text_leaves_nothing_unexplained(mini: Glossary, text: str, style: str) -> None:
    out = explain(text, mini, style).text  # type: ignore[arg-type]
    assert out is not None
    assert unexplained_terms(out, mini) == ()


@_SETTINGS
@given(text=_TEXTS)
def test_reported_positions_point_at_the_term_words(mini: Glossary, text: str) -> None:
    result = explain(text, mini, "parenthetical")
    assert result.text is not None
    for use in result.terms:
        written = result.text[use.start : use.end].lower()
        assert written in {use.surface.lower(), use.term.lower()}


@given(st.from_regex(r"[a-z]{3,12}", fullmatch=True))
def test_a_word_is_among_its_own_variants_first(word: str) -> None:
    variants = phrase_variants(word)
    assert variants[0] == word
    assert len(variants) == len(set(variants))


@given(st.from_regex(r"[a-z]{3,12}", fullmatch=True))
def test_spelling_variants_are_symmetric(word: str) -> None:
    for other in spellings(word):
        assert word in spellings(other)


def _max_depth(text: str) -> int:
    """The deepest parenthesis nesting on any line (a parenthesis never spans a line break)."""
    depth = deepest = 0
    for ch in text:
        if ch == "\n":
            depth = 0
        elif ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")" and depth:
            depth -= 1
    return deepest


@_SETTINGS
@given(text=_TEXTS)
def test_parenthetical_style_never_nests_a_definition_in_a_parenthesis(mini: Glossary, text: str) -> None:
    out = explain(text, mini, "parenthetical").text
    assert out is not None
    assert _max_depth(out) <= max(_max_depth(text), 1)


def test_two_explanations_after_one_open_sentence_share_one_full_stop(mini: Glossary) -> None:
    out = explain("It was refractory and remissions were rare", mini, "sentence").text
    assert out is not None
    assert ".." not in out
    assert out.startswith("It was refractory and remissions were rare. Refractory means ")


def test_a_sentence_ending_in_a_number_is_closed_before_its_explanation(mini: Glossary) -> None:
    out = explain("( COVID-19", mini, "sentence").text
    assert out == "( COVID-19. COVID-19 means an illness caused by a virus that can harm the lungs."


@pytest.mark.parametrize("lead", ["A", "The"])
def test_a_defining_sentence_that_starts_with_an_article_explains_its_term(mini: Glossary, lead: str) -> None:
    text = f"{lead} placebo is a dummy pill with no drug in it. Later a placebo was given."
    assert explain(text, mini, "parenthetical").text == text
