"""The page's sections built once per step field they read (``PageSections``) are the sections
``trial_sections`` builds afresh at every step, whatever steps a page asks for, in any order."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, shared_records
from hypothesis import given, settings
from hypothesis import strategies as st

import plainlang
from plainlang.compose.plainness import build_gate
from plainlang.compose.trial_page import STEPS, PageSections, Shorter, in_short, trial_sections
from plainlang.compose.wording import load_wording
from plainlang.explain import Glossary
from plainlang.model import Trial
from plainlang.policy import load_policy
from plainlang.records import load

PROFILE = plainlang.Profile(today="2026-11-21")
# every v2 record, and a sample of the XML ones (hard pages with many places and conditions
# among them), or the examples when ../shared/data is absent
_SAMPLE = shared_records("ctgov-v2", "*.json") + shared_records("ctgov-xml", "*.xml")[::12]
_PATHS = _SAMPLE or sorted(EXAMPLES.glob("*.json"))


def _fresh_and_memoised(trial: Trial, steps: list[Shorter]) -> None:
    policy, wording, glossary = load_policy(PROFILE.policy), load_wording("en"), Glossary.load()
    gate = build_gate(PROFILE, policy, trial, glossary)
    short = in_short(trial, wording, policy, PROFILE, glossary)
    memo = PageSections(trial, wording, policy, PROFILE, glossary, gate, short)
    for step in steps:
        fresh = trial_sections(
            trial,
            wording,
            policy,
            PROFILE,
            glossary,
            build_gate(PROFILE, policy, trial, glossary),
            step,
            short,
        )
        assert memo.at(step) == fresh, step


@pytest.mark.parametrize("path", _PATHS, ids=lambda p: p.stem)
def test_sections_remembered_across_the_page_steps_equal_sections_built_afresh(path: Path) -> None:
    _fresh_and_memoised(load(path), list(STEPS))


_STEP = st.builds(
    Shorter,
    places_named=st.booleans(),
    conditions_listed=st.booleans(),
    other_names=st.integers(0, 4),
    conditions_named=st.integers(1, 4),
    other_measures=st.integers(0, 6),
)


@pytest.fixture(scope="module")
def trials() -> list[Trial]:
    return [load(p) for p in _PATHS[:6]]


@settings(max_examples=25, deadline=None)
@given(index=st.integers(0, 5), steps=st.lists(_STEP, min_size=1, max_size=6))
def test_sections_remembered_for_any_steps_in_any_order_equal_sections_built_afresh(
    trials: list[Trial], index: int, steps: list[Shorter]
) -> None:
    _fresh_and_memoised(trials[index % len(trials)], steps)


@pytest.mark.parametrize("path", _PATHS[:8], ids=lambda p: p.stem)
def test_in_short_sharing_the_pages_estimate_memo_equals_in_short_with_its_own(path: Path) -> None:
    from plainlang.compose.frame_sections import Estimate
    from plainlang.compose.trial_page import page_grade
    from plainlang.model import Document

    trial = load(path)
    policy, wording, glossary = load_policy(PROFILE.policy), load_wording("en"), Glossary.load()
    alone = in_short(trial, wording, policy, PROFILE, glossary)
    # a memo that already holds every text of the page (as at a later step), and one that is empty
    seen: dict[str, Estimate] = {}
    page = Document("A page", trial_sections(trial, wording, policy, PROFILE, glossary))
    page_grade(page, glossary, seen)
    assert in_short(trial, wording, policy, PROFILE, glossary, seen) == alone
    fresh: dict[str, Estimate] = {}
    assert in_short(trial, wording, policy, PROFILE, glossary, fresh) == alone
    assert page_grade(page, glossary, fresh) == page_grade(page, glossary)


@settings(max_examples=20, deadline=None)
@given(index=st.integers(0, 5), order=st.permutations(range(5)), repeat=st.integers(0, 4))
def test_in_short_sentences_remembered_across_its_steps_equal_sentences_made_afresh(
    trials: list[Trial], index: int, order: list[int], repeat: int
) -> None:
    from plainlang.compose import frame_sections as frame
    from plainlang.compose.cite import Citer
    from plainlang.compose.parts import Remembered

    trial = trials[index % len(trials)]
    policy, wording, glossary = load_policy(PROFILE.policy), load_wording("en"), Glossary.load()
    part = Remembered()
    cite = Citer(trial.id)
    for number in [*order, order[repeat]]:
        step = frame._STEPS[number]
        fresh = frame._summary_sentences(trial, wording, glossary, policy, cite, step)
        assert frame._summary_sentences(trial, wording, glossary, policy, cite, step, part) == fresh
