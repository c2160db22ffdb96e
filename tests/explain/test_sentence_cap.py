"""A sentence that uses many terms is followed by at most ``fit.MAX_SENTENCES_AFTER`` explanation
sentences; the other terms go to "Words to know", which the check counts as explained."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.check import check
from plainlang.explain import Glossary, explain
from plainlang.explain.fit import MAX_SENTENCES_AFTER, over_cap

CONDITIONS = [
    "neuroblastoma",
    "rhabdomyosarcoma",
    "lymphoma",
    "refractory",
    "malignant",
    "disseminated",
    "medulloblastoma",
]


def _listing(words: list[str]) -> str:
    return "This study is about " + ", ".join(words) + "."


def test_a_sentence_with_many_terms_gets_three_sentences_and_a_words_to_know_list() -> None:
    out = explain(_listing(CONDITIONS), Glossary.load(()), style="sentence").text
    assert out is not None
    body, _, words = out.partition("Words to know")
    assert len(re.findall(r"\. [A-Z]", body)) <= MAX_SENTENCES_AFTER
    assert words.count("\n- ") == len(CONDITIONS) - MAX_SENTENCES_AFTER


def test_the_capped_page_passes_the_glossary_rules() -> None:
    out = explain(_listing(CONDITIONS), Glossary.load(()), style="fit").text
    assert out is not None
    rules = ("jargon.unexplained", "abbreviation.unexpanded")
    assert [f.message for f in check(out).findings if f.rule_id in rules] == []


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5), max_size=20))
def test_over_cap_leaves_at_most_the_cap_after_any_one_sentence(sentences: list[int]) -> None:
    text = "".join(f"Sentence {i} here. " for i in range(6))
    positions = sorted(text.index(f"Sentence {i}") + 3 for i in sentences)
    extra = over_cap(text, positions)
    kept = [p for i, p in enumerate(positions) if i not in extra]
    for i in range(6):
        at = text.index(f"Sentence {i}") + 3
        assert kept.count(at) <= MAX_SENTENCES_AFTER
    assert len(kept) == sum(min(positions.count(p), MAX_SENTENCES_AFTER) for p in set(positions))


_SENTENCES_OF_TERMS = st.lists(
    st.lists(st.sampled_from([*CONDITIONS, "words", "a https://x.org/a", "30"]), min_size=1, max_size=8).map(
        _listing
    ),
    min_size=1,
    max_size=4,
).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(_SENTENCES_OF_TERMS, st.sampled_from(["fit", "sentence"]))
def test_insertions_from_the_ends_capping_found_are_the_insertions_found_afresh(
    text: str, style: str
) -> None:
    from plainlang.explain.apply import plan_text, sentence_insertions
    from plainlang.explain.usage import ScanState

    # _cap_sentences keeps the sentence ends it found for sentence_insertions; found afresh
    # from the positions, the insertions must be the same
    plan = plan_text(text, Glossary.load(()), style, ScanState())  # type: ignore[arg-type]
    kept = sentence_insertions(text, plan)
    plan.ends = None
    assert kept == sentence_insertions(text, plan)
