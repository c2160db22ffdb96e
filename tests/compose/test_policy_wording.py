"""The default policy's forbidden wording: promises are caught, medical terms and hedges are not."""

from __future__ import annotations

import pytest

from plainlang.policy import load_policy

POLICY = load_policy()


@pytest.mark.parametrize(
    "sentence",
    [
        "This breakthrough drug may help you.",
        "The treatment could cure your cancer.",
        "A revolutionary new approach.",
        "Get free treatment at no cost.",
    ],
)
def test_promises_are_forbidden(sentence: str) -> None:
    assert POLICY.forbidden_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Incidence of COVID-19 breakthrough infections in fully vaccinated people.",
        "Breakthrough pain is pain that flares up between doses.",
        "Advanced cancer is cancer that has spread so it is hard to cure.",
        "There is no cure for this illness yet.",
    ],
)
def test_medical_terms_and_hedges_are_allowed(sentence: str) -> None:
    assert not POLICY.forbidden_in(sentence)
