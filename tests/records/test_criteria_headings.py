"""Eligibility headings written without a colon ("Inclusion", "5.3 Exclusion") still split the list."""

from __future__ import annotations

import pytest

from plainlang.records.criteria import split_criteria
from plainlang.records.text import to_passage

LEGACY = """
        Inclusion

          -  Patient >18 years of age

          -  Patient is eligible for PCI

        5.3 Exclusion

          -  Failure of index PCI

          -  Patient or physician refusal to enroll in the study
"""


def test_bare_headings_switch_sides_and_are_not_criteria() -> None:
    inclusion, exclusion = split_criteria(to_passage(LEGACY, "criteria"))
    assert [f.value for f in inclusion] == ["Patient >18 years of age", "Patient is eligible for PCI"]
    assert [f.value for f in exclusion] == [
        "Failure of index PCI",
        "Patient or physician refusal to enroll in the study",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Exclusion of other causes of anemia is required",
        "Inclusion in another trial within 30 days",
        "Patients meeting the inclusion criteria of study A",
    ],
)
def test_a_criterion_that_mentions_the_words_is_not_a_heading(sentence: str) -> None:
    text = f"Inclusion Criteria:\n\n- Age 18 or older\n\n{sentence}\n"
    inclusion, exclusion = split_criteria(to_passage(text, "criteria"))
    assert sentence in [f.value for f in inclusion]
    assert exclusion == ()
