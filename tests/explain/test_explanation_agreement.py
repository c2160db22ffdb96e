"""An explanation sentence agrees with its subject: "Myelodysplastic syndromes mean ...", and a
sentence in that form still counts as the term's explanation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainlang.explain import Glossary, explain
from plainlang.explain.fit import means, sentence_after
from plainlang.explain.usage import unexplained_terms


@pytest.mark.parametrize(
    ("subject", "definition", "verb"),
    [
        ("Myelodysplastic syndromes", "bone marrow illnesses in which blood cells do not form well", "mean"),
        ("White blood cells", "cells that help the body fight germs", "mean"),
        ("Diabetes", "an illness where there is too much sugar in the blood", "means"),
        ("Sepsis", "a very serious reaction to an infection", "means"),
        ("Status", "how a person is doing", "means"),
        ("AIDS", "the late stage of HIV infection", "means"),
        ("Placebo", "a dummy pill with no medicine in it", "means"),
    ],
)
def test_the_verb_agrees_with_a_plural_or_singular_subject(subject: str, definition: str, verb: str) -> None:
    assert means(subject, definition) == verb


@given(
    st.text(min_size=1, max_size=30),
    st.sampled_from(["a ", "an ", "the ", "when ", "one "]),
    st.text(max_size=30),
)
def test_a_definition_that_starts_as_a_singular_one_always_takes_means(
    subject: str, start: str, rest: str
) -> None:
    assert means(subject, start + rest) == "means"


def test_a_plural_term_is_explained_with_mean_and_that_counts_as_explained() -> None:
    glossary = Glossary.load(())
    term = glossary["myelodysplastic syndromes"]
    assert sentence_after(term, "myelodysplastic syndromes").startswith("Myelodysplastic syndromes mean ")
    text = (
        "Adults with myelodysplastic syndromes can join. Myelodysplastic syndromes mean "
        + term.definition
        + "."
    )
    assert all(u.match.term != term.term for u in unexplained_terms(text, glossary))
    out = explain("Adults with myelodysplastic syndromes can join.", glossary, style="sentence").text
    assert out is not None and " means bone marrow" not in out
