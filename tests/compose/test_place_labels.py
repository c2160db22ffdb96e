"""A place label leaves out postal and province codes: "Austin, TX 78758" is "Austin"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainlang.compose.people_sections import _without_postal_codes


@pytest.mark.parametrize(
    ("place", "label"),
    [
        ("Austin, TX 78758", "Austin"),
        ("Villejuif CEDEX", "Villejuif"),
        ("Saint Louis, MO", "Saint Louis"),
        ("Reggio Emilia", "Reggio Emilia"),
        ("New York", "New York"),
        ("MI", "MI"),  # nothing else to name the place: kept
    ],
)
def test_postal_codes_are_left_out_of_a_place(place: str, label: str) -> None:
    assert _without_postal_codes(place) == label


@given(st.text(alphabet="ABCXYZabcxyz ,0123456789-", max_size=40))
def test_a_place_label_only_drops_words_and_is_never_empty_for_a_place(place: str) -> None:
    label = _without_postal_codes(place)
    assert set(label.replace(",", " ").split()) <= set(place.replace(",", " ").split())
    assert bool(label) == bool(place.strip())
