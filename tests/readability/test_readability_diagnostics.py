"""Per-sentence diagnostics: passive voice by rule, and the reasons a sentence is hard."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from plainlang.readability.diagnostics import passive_phrases, reasons
from plainlang.readability.results import Scores


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The drug was given to every patient.", ("was given",)),
        ("Patients are randomly assigned to a group.", ("are randomly assigned",)),
        ("You will be asked about your health.", ("be asked",)),
        ("Blood is being collected and samples were not stored.", ("being collected", "were not stored")),
        ("Results WERE SHOWN to the doctors.", ("WERE SHOWN",)),
    ],
)
def test_a_form_of_be_and_a_past_participle_is_passive(text: str, expected: tuple[str, ...]) -> None:
    assert passive_phrases(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You are happy to help.",
        "The study is open to adults.",
        "We gave the drug to every patient.",
        "There were a hundred people.",
        "The room is red.",
    ],
)
def test_active_sentences_and_adjectives_are_not_passive(text: str) -> None:
    assert passive_phrases(text) == ()


def scores(grade: float, words: int) -> Scores:
    return Scores(grade, grade, 50.0, grade, grade, grade, grade, words, 1, words)


def test_an_easy_short_sentence_has_no_reasons() -> None:
    assert reasons(scores(3.0, 6), (), 20, (), (), 8.0) == ()


def test_each_reason_says_what_to_fix() -> None:
    found = reasons(scores(12.04, 25), ("eligible", "eligible"), 20, ("was given",), ("AML",), 8.0)
    assert found == (
        "grade 12.0 (Flesch–Kincaid), above the target 8",
        "long: 25 words (more than 20)",
        "hard words: eligible",
        "passive voice: was given",
        "terms not explained: AML",
    )


_PASSIVE_PIECES = [
    "was given",
    "being treated",
    "am told",
    "isn't made",
    "be seen",
    "been",
    "being",
    " ",
    "\n",
    "\u00a0",
    "given",
    "treated",
    "not",
    "often",
    "quickly",
    "bed",
    "it",
    ",",
    ".",
]


@example("Patients being treated")
@example("It isn't made here")
@example("They were\u00a0often given")
@given(st.lists(st.sampled_from(_PASSIVE_PIECES) | st.text(max_size=3), max_size=12).map("".join))
def test_the_quick_be_test_never_hides_a_passive_phrase(text: str) -> None:
    # passive_phrases returns early when no form of "be" is followed by white space; the full
    # pattern must then find nothing either.
    from plainlang.readability.diagnostics import _NOT_PARTICIPLES, _PASSIVE

    full = tuple(
        " ".join(m.group(0).split())
        for m in _PASSIVE.finditer(text)
        if m.group("participle").lower() not in _NOT_PARTICIPLES
    )
    assert passive_phrases(text) == full
