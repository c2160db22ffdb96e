"""Rewriting registry sentences: plainer, never different in fact."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from plainlang.compose.rewrite import (
    NEGATIONS,
    load_plain_words,
    phrase_matcher,
    rewrite_sentence,
    split_long,
)

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ID = re.compile(r"\b(?:NCT\d{8}|\d{4}-\d{6}-\d{2}|ISRCTN\d{8})\b")
# symbols are case-sensitive (mg is not Mg); time words may gain a capital at a sentence start
SYMBOLS = re.compile(r"(?<!\w)(?:mg|kg|ml|mL|g|µg|mcg|mmol|L|msec|mm|cm)(?!\w)|%")
TIME_WORDS = re.compile(r"\b(?:days?|weeks?|months?|years?|hours?)\b", re.IGNORECASE)


def marks(text: str) -> tuple[Counter[str], ...]:
    return (
        Counter(NUMBER.findall(text)),
        Counter(ID.findall(text)),
        Counter(SYMBOLS.findall(text)),
        Counter(u.lower() for u in TIME_WORDS.findall(text)),
        Counter(n.lower() for n in NEGATIONS.findall(text)),
    )


def test_boilerplate_openers_go_and_the_content_stays() -> None:
    assert rewrite_sentence("RATIONALE: Giving drugs may stop cancer cells.") == [
        "Giving drugs may stop cancer cells."
    ]
    assert rewrite_sentence("The purpose of this study is to compare two doses.") == [
        "This study aims to compare two doses."
    ]


def test_plain_words_replace_jargon_and_keep_a_leading_capital() -> None:
    assert rewrite_sentence("Utilize the device prior to surgery.") == ["Use the device before surgery."]
    assert rewrite_sentence("Participants receive approximately 5 mg.") == ["People get about 5 mg."]


def test_long_sentences_split_at_semicolons_and_clause_joints() -> None:
    long = (
        "People in the first group will get the study medicine every day for twelve weeks at home; "
        "people in the second group will get the usual care from their own doctor at the clinic."
    )
    assert len(rewrite_sentence(long)) == 2
    joint = (
        "The study medicine is taken by mouth once a day with food for as long as it helps, "
        "and the researchers will check blood counts and liver tests at every single visit."
    )
    assert rewrite_sentence(joint)[1].startswith("The researchers will check")


def test_short_sentences_are_not_split() -> None:
    assert split_long("Take it daily; stop if sick.") == ["Take it daily; stop if sick."]


def test_the_table_never_changes_a_negation_or_a_number() -> None:
    words = load_plain_words("en")
    for phrase, plain in words.replacements.items():
        assert len(NEGATIONS.findall(phrase)) == len(NEGATIONS.findall(plain)), phrase
        assert NUMBER.findall(phrase) == NUMBER.findall(plain), phrase


registry_words = st.sampled_from(
    [
        "patients",
        "participants",
        "will",
        "receive",
        "utilize",
        "prior",
        "to",
        "not",
        "no",
        "without",
        "2.5",
        "mg",
        "18",
        "years",
        "NCT01234567",
        "2019-001234-56",
        "in",
        "order",
        "to",
        "and",
        "the",
        ";",
        ",",
        "which",
        "is",
        "are",
        "approximately",
        "administered",
        "≥",
        "40%",
        "weeks",
        "never",
        "subjects",
        "must",
        "have",
        "had",
        "therapy",
        "RATIONALE:",
        "cannot",
        "dose",
    ]
)


@settings(max_examples=300)
@given(st.lists(registry_words | st.text(max_size=8), min_size=1, max_size=60).map(" ".join))
def test_rewriting_keeps_every_number_id_unit_and_negation(sentence: str) -> None:
    rewritten = " ".join(rewrite_sentence(sentence))
    assert marks(rewritten) == marks(sentence)


@given(st.text(max_size=300))
def test_rewriting_is_deterministic_and_never_raises(sentence: str) -> None:
    assert rewrite_sentence(sentence) == rewrite_sentence(sentence)


@given(st.lists(registry_words, min_size=1, max_size=40).map(" ".join))
@example(" ".join(["patients"] * 21) + " ; RATIONALE: patients patients patients")  # a lead-in after a joint
def test_rewriting_twice_changes_nothing_more(sentence: str) -> None:
    once = rewrite_sentence(sentence)
    assert [s for part in once for s in rewrite_sentence(part)] == once


def _flat_matcher(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])", re.IGNORECASE
    )


_TABLE = sorted(load_plain_words().replacements)


@given(
    st.lists(
        st.sampled_from(_TABLE) | st.sampled_from([" ", "-", ", ", "A", "ing", "\n"]) | st.text(max_size=4),
        max_size=12,
    ).map("".join)
)
def test_grouped_phrase_matcher_finds_what_one_flat_alternation_finds(text: str) -> None:
    # phrase_matcher groups the alternatives by first character for speed; the plain
    # longest-first alternation it replaced is the definition of what must match.
    grouped = load_plain_words().matcher
    assert [m.span() for m in grouped.finditer(text)] == [
        m.span() for m in _flat_matcher(_TABLE).finditer(text)
    ]


@given(
    st.lists(st.text(alphabet="abAB-é ", min_size=1, max_size=5), max_size=8),
    st.text(alphabet="abAB-é .", max_size=30),
)
def test_any_phrase_table_groups_to_the_same_matches(phrases: list[str], text: str) -> None:
    lowered = [p.lower() for p in phrases]
    assert [m.span() for m in phrase_matcher(lowered).finditer(text)] == [
        m.span() for m in _flat_matcher(lowered).finditer(text)
    ]


@pytest.mark.parametrize(
    ("sentence", "plain"),
    [
        # a swap before a noun or at a sentence start keeps the grammar whole
        (
            "Eligible patients must not have had palifermin.",
            "People who can join must not have had palifermin.",
        ),
        ("Patient is eligible for PCI.", "Person is eligible for PCI."),
        ("Children are eligible to participate.", "Children are able to take part."),
        # "objective response" is a measured result, never a "goal response"
        ("Objective response rate.", "Objective response rate."),
        ("The primary objective is safety.", "The key goal is safety."),
        # "consent obtained" never turns into "consent got"
        ("Informed consent obtained.", "Informed consent obtained."),
    ],
)
def test_plain_word_swaps_keep_the_sentence_grammatical(sentence: str, plain: str) -> None:
    assert rewrite_sentence(sentence) == [plain]
