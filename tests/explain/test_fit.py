"""The "fit" explanation style: a parenthesis while the sentence stays short, else a sentence after."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainlang.check import check
from plainlang.explain import explain, fit
from plainlang.explain.fit import sentence_bounds, words
from plainlang.explain.glossary import Glossary
from plainlang.explain.spans import sentence_start
from plainlang.explain.usage import unexplained_terms


def test_a_short_sentence_keeps_the_parenthesis(mini: Glossary) -> None:
    out = explain("Adults with relapsed AML can join.", mini, "fit").text
    assert out is not None
    assert "relapsed (" in out and " means " not in out


def test_a_long_sentence_gets_the_explanation_as_a_sentence_after_it(mini: Glossary) -> None:
    text = "Adults with relapsed disease who had two earlier treatments and a transplant can join this study now."
    out = explain(text, mini, "fit").text
    assert out is not None
    first = out.split(". ")[0] + "."
    assert words(first) <= 20 and "(" not in first
    assert "Relapsed disease means " in out
    assert unexplained_terms(out, mini) == ()


def test_the_limit_is_the_profiles_long_sentence_words(mini: Glossary) -> None:
    from plainlang.config import Profile

    text = "Adults with relapsed disease who had two earlier treatments and a transplant can join this study now."
    roomy = explain(text, mini, profile=Profile(long_sentence_words=40, explanation_style="fit")).text
    assert roomy is not None and "relapsed disease (" in roomy


def test_an_abbreviation_keeps_its_full_words_and_the_definition_follows(mini: Glossary) -> None:
    text = "Adults who had two earlier treatments and one transplant in the last year with AML can join now."
    out = explain(text, mini, "fit").text
    assert out is not None
    assert "acute myeloid leukemia (AML)" in out
    assert "Acute myeloid leukemia means " in out
    assert unexplained_terms(out, mini) == ()


def test_a_plural_use_is_defined_by_the_entrys_own_form(mini: Glossary) -> None:
    text = "People who had two or more earlier treatments for their tumours in the last five years can join."
    out = explain(text, mini, "fit").text
    assert out is not None and "Tumor means " in out and "Tumours means" not in out


def test_a_line_without_a_full_stop_keeps_the_parenthesis(mini: Glossary) -> None:
    # a sentence written after "- ... (EFS)" would run on from the list line
    text = "- Complete remission (CR) and event-free survival (EFS) at two years after the end of all the treatment"
    out = explain(text, mini, "fit").text
    assert out is not None and " means " not in out
    assert unexplained_terms(out, mini) == ()


def test_e_g_and_etc_do_not_end_the_sentence_being_measured() -> None:
    text = "History of lung disorders (e.g. COPD, etc.) or asthma. Next one."
    start, end = sentence_bounds(text, text.index("lung"))
    assert text[start:end] == "History of lung disorders (e.g. COPD, etc.) or asthma."


def test_a_sentence_starts_after_a_citation_marker() -> None:
    text = "Any treatment can cause side effects.[1] Side effects means a harm a drug can cause."
    assert sentence_start(text, text.index("Side")) == text.index("Side")


def test_check_accepts_the_sentence_after_on_a_rendered_page_with_citations() -> None:
    page = (
        "# A study\n\n## What could go wrong\n\n"
        "Any medicine can cause side effects, and it may not work for everyone.[1] "
        "Side effects means a harm a drug can cause besides what it is for.\n"
    )
    report = check(page)
    assert not [f for f in report.findings if f.rule_id == "jargon.unexplained"]


_WORDS = st.sampled_from(
    [
        "Adults",
        "with",
        "relapsed",
        "AML",
        "or",
        "ALL",
        "were",
        "randomised",
        "to",
        "a",
        "placebo",
        "and",
        "complete",
        "remission",
        "tumours",
        "in",
        "2",
        "of",
        "10",
        "people",
        "the",
        "study",
        "had",
    ]
)
_SENTENCE = st.lists(_WORDS, min_size=3, max_size=30).map(lambda ws: " ".join(ws) + ".")


@given(sentences=st.lists(_SENTENCE, min_size=1, max_size=4))
def test_fit_never_adds_a_parenthesis_that_makes_a_short_sentence_long(
    mini: Glossary, sentences: list[str]
) -> None:
    """A sentence that was within the limit stays within it, except for abbreviations' own full
    words (those are written in every style); explanations beyond that follow as sentences."""
    text = " ".join(sentences)
    out = explain(text, mini, "fit").text
    assert out is not None
    assert unexplained_terms(out, mini) == ()
    expansions = sum(
        words(mini.get(m.term).term)  # type: ignore[union-attr]
        for m in mini.find(text)
        if m.is_abbreviation
    )
    if all(words(s) + expansions <= 20 for s in sentences):
        for start in range(len(out)):
            if out[start] == "(":
                s, e = sentence_bounds(out, start)
                assert words(out[s:e]) <= 20, out[s:e]


@pytest.mark.parametrize(
    ("subject", "start"),
    [
        ("mRNA vaccine", "The term mRNA vaccine"),
        ("ml", "The term ml"),
        ("Refractory", "Refractory"),
        ("AML", "AML"),
    ],
)
def test_an_explanation_sentence_never_starts_in_lower_case(subject: str, start: str) -> None:
    assert fit.opening(subject) == start


def test_a_lower_case_term_explained_after_its_sentence_starts_a_new_sentence() -> None:
    text = "Babies reach full milk feeds (150 ml per kg each day) within 3 days of birth."
    out = explain(text, style="fit").text
    assert "birth. The term ml stands for milliliter." in out
    assert ". ml " not in out


def test_check_accepts_the_term_opening_for_a_lower_case_term() -> None:
    page = (
        "# A study\n\n## What the study tests\n\n"
        "- Comirnaty (COVID-19, mRNA vaccine) is a medicine made from living cells.[1] "
        "The term mRNA vaccine means a vaccine that gives cells short-lived plans to make one germ part.\n"
    )
    flagged = [f.message for f in check(page).findings if f.rule_id == "jargon.unexplained"]
    assert not [m for m in flagged if "'mRNA vaccine'" in m]
