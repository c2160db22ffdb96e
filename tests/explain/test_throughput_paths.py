"""Explain's shortcuts for pipeline throughput (issue 9) conclude what planning concludes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.explain import Glossary
from plainlang.explain.apply import STYLES, plan_text
from plainlang.explain.engine import _explain_block
from plainlang.explain.usage import ScanState
from plainlang.model import Block, Sentence


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


# words and marks of a page's term-less blocks (sites, dates, notes), a "Words to know"
# heading, parentheses and defining verbs: what planning looks at besides the terms
_PIECES = st.sampled_from(
    ["Boston", "(USA)", "means", "is a", "Words to know", "##", "\n\n", "Open now.", "2026", "-", ":", "it"]
)
_TEXT = st.lists(_PIECES, max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(STYLES), st.sets(st.sampled_from(["chemotherapy", "placebo"])))
def test_a_text_without_terms_plans_nothing_in_any_style(
    glossary: Glossary, text: str, style: str, done: set[str]
) -> None:
    # what _explain_block returns at once for a block with no term in it
    state = ScanState(set(done))
    plan = plan_text(text, glossary, style, state, matches=())  # type: ignore[arg-type]
    assert (plan.edits, plan.sentences, plan.words, plan.explained) == ([], [], [], [])
    assert state.done == done


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, max_size=4), st.sampled_from(STYLES))
def test_a_block_without_terms_comes_back_as_it_is(glossary: Glossary, texts: list[str], style: str) -> None:
    block = Block("paragraph", tuple(Sentence(t) for t in texts if t))
    assert not glossary.find(" ".join(s.text for s in block.sentences))
    new, uses, words = _explain_block(block, glossary, style, ScanState())  # type: ignore[arg-type]
    assert new is block and (uses, words) == ([], [])
