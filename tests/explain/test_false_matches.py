"""Everyday words are not glossary terms: "oxygen mask" is not blinding, "a stage" is not a cancer stage.

Generated inflections must not turn a participle term into its everyday stem ("masking" →
"mask"), and the shipped packs must not list everyday words as one-word aliases.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainlang.explain import Glossary, explain, find_terms
from plainlang.explain.variants import is_everyday, phrase_variants, verb_forms
from plainlang.readability.counts import easy_words


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return Glossary.load()


@pytest.mark.parametrize(
    "sentence",
    [
        "She breathed through an oxygen mask at night.",
        "Masks must be worn at the site.",
        "People who are blind can take part.",
        "At this stage the study is open.",
        "The screen showed the results.",
        "The team held an event for families.",
    ],
)
def test_everyday_words_are_not_matched_as_terms(shipped: Glossary, sentence: str) -> None:
    surfaces = {m.surface.lower() for m in find_terms(sentence, shipped)}
    assert not surfaces & {"mask", "masks", "blind", "stage", "screen", "event"}


def test_oxygen_mask_is_not_explained_as_blinding(shipped: Glossary) -> None:
    result = explain("Some people need an oxygen mask during the test.", shipped, "parenthetical")
    assert result.text == "Some people need an oxygen mask during the test."
    assert [use.term for use in result.terms] == []


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("The study used masking of the doctors.", "masking"),
        ("It is a masked study.", "masked"),
        ("Staging was done before treatment.", "cancer stage"),
        ("Screening visits take one day.", "screening"),
        ("A clinical event was counted.", "clinical event"),
    ],
)
def test_the_terms_themselves_still_match(shipped: Glossary, sentence: str, term: str) -> None:
    assert term in {m.term for m in find_terms(sentence, shipped)}


def _everyday_alias(alias: str, term: str) -> bool:
    """A one-word alias that is an everyday word or its plural (not the term's own plural)."""
    word = alias.strip().lower()
    if " " in word or "-" in word:
        return False  # compounds ("double-masked", "wash-out") are not everyday words
    return is_everyday(word) or (word.endswith("s") and is_everyday(word[:-1]) and word[:-1] != term.lower())


def test_shipped_one_word_aliases_are_not_everyday_words(shipped: Glossary) -> None:
    everyday = [
        f"{term.pack}: {term.term} → {alias}"
        for term in shipped.terms
        for alias in term.aliases
        if _everyday_alias(alias, term.term)
    ]
    assert everyday == []


def test_the_alias_rule_catches_the_reported_cases() -> None:
    assert _everyday_alias("stage", "cancer stage") and _everyday_alias("mask", "masking")
    assert _everyday_alias("scales", "rating scale")
    assert not _everyday_alias("staging", "cancer stage") and not _everyday_alias("blasts", "blast")


def test_no_participle_form_generates_an_everyday_stem(shipped: Glossary) -> None:
    found = []
    for term in shipped.terms:
        for form in term.forms:
            if " " in form or not form.lower().endswith(("ing", "ed")):
                continue
            found.extend(f"{form} → {v}" for v in phrase_variants(form)[1:] if is_everyday(v))
    assert found == []


_EVERYDAY_VERBS = sorted(w for w in easy_words() if w.isalpha() and len(w) >= 4 and not w.endswith("e"))


@given(st.sampled_from(_EVERYDAY_VERBS), st.sampled_from(["ing", "ed"]))
def test_a_participle_of_an_everyday_word_never_yields_the_word(stem: str, suffix: str) -> None:
    participle = stem + suffix
    assert stem not in verb_forms(participle)
    assert stem + "s" not in verb_forms(participle)


@given(st.sampled_from(["randomize", "dose", "relapse", "infuse", "titrate"]), st.sampled_from(["d", "ing"]))
def test_a_participle_of_a_hard_word_still_yields_its_stem(stem: str, suffix: str) -> None:
    participle = stem + suffix if suffix == "d" else stem[:-1] + suffix
    assert stem in verb_forms(participle)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Now accepted aseptic conditions will be met.", "conditioning"),
        ("Use of hypnosis for any condition.", "conditioning"),
        ("Images of the knee are read twice.", "imaging"),
        ("A sequence of three visits.", "sequencing"),
    ],
)
def test_a_noun_with_its_own_sense_is_not_read_as_the_gerund_term(
    shipped: Glossary, text: str, term: str
) -> None:
    assert term not in {m.term for m in shipped.find(text)}


def test_the_gerund_terms_still_match_their_own_forms(shipped: Glossary) -> None:
    found = {m.term for m in shipped.find("Conditioning, imaging and sequencing were done; sequenced twice.")}
    assert {"conditioning", "imaging", "sequencing"} <= found


@pytest.mark.parametrize(
    "text", ["Stage I PTSD symptoms.", "WHO clinical stage III HIV disease.", "Stage II hypertension."]
)
def test_a_numbered_stage_outside_cancer_is_not_given_the_cancer_meaning(
    shipped: Glossary, text: str
) -> None:
    terms = {m.term for m in shipped.find(text)}
    assert "cancer stage" not in terms
    assert "disease stage" in terms
