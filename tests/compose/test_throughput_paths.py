"""Compose's shortcuts for pipeline throughput (issue 9) give what the straightforward code gave.

Each test keeps the former definition and compares it with the fast one on generated input.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.compose import finish
from plainlang.compose.cite import split_sentences
from plainlang.compose.frame_sections import Estimate, estimated_smog
from plainlang.config import Profile
from plainlang.explain import Glossary
from plainlang.model import Block, Document, Section, Sentence, SourceRef, Trial
from plainlang.policy import Policy, load_policy, mask_contacts
from plainlang.readability.counts import Counts, count
from plainlang.readability.formulas import smog
from plainlang.records import load

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "v2_small.json"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


@pytest.fixture(scope="module")
def trial() -> Trial:
    return load(FIXTURE)


def _estimated_smog_at_once(texts: list[str], glossary: Glossary) -> float:
    """The former ``estimated_smog``: every sentence and definition of the texts counted anew."""
    said = [s for text in texts for s in split_sentences(text)]
    seen: set[str] = set()
    for text in texts:
        for match in glossary.find(text):
            term = glossary.get(match.term)
            if match.term in seen or term is None:
                continue
            seen.add(match.term)
            said.append(f"{match.surface} means {term.definition}")
    return smog(Counts.total(count(s).counts for s in said))


# "In short" sentences: plain words, long words, glossary terms (one with an abbreviation),
# sentence ends inside a text, and a text with no words
_SUMMARY_PIECES = st.sampled_from(
    [
        "This study is in phase 2.",
        "It tests",
        "blinatumomab",
        "placebo",
        "acute myeloid leukemia (AML)",
        "AML",
        "chemotherapy",
        "in adults with",
        "cardiovascular abnormality",
        "It lasts about 2 years.",
        "The study measures overall survival.",
        "and",
        "Dr. Smith",
        ".",
        "",
        # a text that reads like a definition the estimate adds: remembered apart from it
        "AML means a fast-growing cancer of the blood and bone marrow",
    ]
)
_TEXTS = st.lists(st.lists(_SUMMARY_PIECES, max_size=8).map(" ".join), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=5))
def test_estimates_that_remember_texts_across_steps_equal_counting_each_step_at_once(
    glossary: Glossary, steps: list[list[str]]
) -> None:
    # one memo over every step, as "In short" asks step after step about mostly the same texts
    seen: dict[str, Estimate] = {}
    for texts in steps:
        assert estimated_smog(texts, glossary, seen) == _estimated_smog_at_once(texts, glossary)
        assert estimated_smog(texts, glossary) == _estimated_smog_at_once(texts, glossary)


def _finish_with_replace(
    document: Document, trials: list[Trial], policy: Policy, profile: Profile
) -> Document:
    """The former sentence and block step of ``finish``: ``dataclasses.replace`` on each."""
    numbers = {trial.id: number for number, trial in enumerate(trials, start=1)}

    def mask(text: str) -> str:
        return mask_contacts(text, policy.masking) if profile.mask_contacts else text

    def fix(sentence: Sentence) -> Sentence:
        cited = tuple(sorted({numbers[r] for r in sentence.record_ids if r in numbers}))
        return replace(
            sentence, text=mask(sentence.text), citations=cited, keep=tuple(mask(k) for k in sentence.keep)
        )

    def fix_block(block: Block) -> Block:
        return replace(
            block,
            sentences=tuple(fix(s) for s in block.sentences),
            label=mask_contacts(block.label, policy.masking) if profile.mask_contacts else block.label,
        )

    return replace(
        document,
        sections=tuple(replace(s, blocks=tuple(fix_block(b) for b in s.blocks)) for s in document.sections),
    )


_TEXT = st.lists(
    st.sampled_from(
        ["Call", "555-123-4567", "or", "write to", "a@b.org", "1-800-FLOWERS", "the site", "8", ""]
    ),
    max_size=5,
).map(" ".join)


@st.composite
def _documents(draw: st.DrawFn, record_id: str) -> Document:
    ids = st.sampled_from([record_id, "NCT99999999"])
    sentence = st.builds(
        Sentence,
        _TEXT,
        st.lists(st.builds(SourceRef, ids, st.just("a.b")), max_size=3).map(tuple),
        st.just(()),
        st.lists(_TEXT, max_size=2).map(tuple),
    )
    block = st.builds(
        Block,
        st.sampled_from(["paragraph", "item", "note"]),
        st.lists(sentence, max_size=3).map(tuple),
        _TEXT,
    )
    sections = draw(st.lists(st.builds(Section, st.just("s"), _TEXT, st.lists(block, max_size=3).map(tuple))))
    return Document(title="T", sections=tuple(sections), record_ids=(record_id,))


@settings(max_examples=150, deadline=None)
@given(st.data(), st.booleans())
def test_finish_made_with_constructors_equals_finish_made_with_replace(
    trial: Trial, data: st.DataObject, masked: bool
) -> None:
    document = data.draw(_documents(trial.id))
    profile = Profile(today="2026-01-01", mask_contacts=masked)
    policy = load_policy()
    done = finish(document, (trial,), policy, profile)
    assert done.sections == _finish_with_replace(document, [trial], policy, profile).sections
