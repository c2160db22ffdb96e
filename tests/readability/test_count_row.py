"""``count_row`` (a sentence's counts as a row, no Counts built) is ``count(text).counts`` field
by field, the checker's sums per page and section rest on it."""

from __future__ import annotations

from dataclasses import astuple

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.readability.counts import count, count_row

WORDS = st.sampled_from(
    [
        "The",
        "participants",
        "don't",
        "it's",
        "study's",
        "(AML)",
        "—",
        "...",
        "2.5",
        "mg/kg",
        "x",
        "Über",
        "",
        " ",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=12).map(" ".join))
def test_a_count_row_is_the_sentence_counts_field_by_field(text: str) -> None:
    row = count_row(text)
    assert row == astuple(count(text).counts)
    assert all(type(value) is int for value in row)
