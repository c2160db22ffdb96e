"""Counts add field by field (the attrgetter form scoring uses is the same sum as by name)."""

from __future__ import annotations

from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from plainlang.readability.counts import Counts

_COUNTS = st.builds(Counts, *[st.integers(0, 10**6) for _ in fields(Counts)])


@given(_COUNTS, _COUNTS)
def test_adding_counts_adds_every_field(a: Counts, b: Counts) -> None:
    total = a + b
    for f in fields(Counts):
        assert getattr(total, f.name) == getattr(a, f.name) + getattr(b, f.name)
