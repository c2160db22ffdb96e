"""Finding terms: inflections, spellings, longest match, case-sensitive abbreviations, protected text."""

from __future__ import annotations

import pytest

from plainlang.explain import Glossary, find_terms, unexplained_terms


def _found(text: str, glossary: Glossary) -> list[tuple[str, str]]:
    return [(m.term, m.surface) for m in find_terms(text, glossary)]


@pytest.mark.parametrize(
    ("text", "term", "surface"),
    [
        ("Two remissions were seen.", "remission", "remissions"),
        ("People were randomised.", "randomized", "randomised"),
        ("People are randomly assigned.", "randomized", "randomly assigned"),
        ("Tumours shrank.", "tumor", "Tumours"),
        ("Ask your haematologists.", "hematologist", "haematologists"),
        ("She relapsed in May.", "relapse", "relapsed"),
        ("Event free survival was longer.", "event-free survival", "Event free survival"),
    ],
)
def test_inflections_and_spellings_match_the_term(mini: Glossary, text: str, term: str, surface: str) -> None:
    assert (term, surface) in _found(text, mini)


def test_longest_match_wins(mini: Glossary) -> None:
    assert _found("Event-free survival was better.", mini) == [("event-free survival", "Event-free survival")]
    assert _found("Complete remission and remission.", mini) == [
        ("complete remission", "Complete remission"),
        ("remission", "remission"),
    ]


def test_abbreviations_match_case_sensitively_as_whole_tokens(mini: Glossary) -> None:
    assert _found("People with ALL can join.", mini) == [("acute lymphoblastic leukemia", "ALL")]
    assert _found("all people can join. All of them.", mini) == []
    assert _found("AMLs and XAML and AMLx are not AML words.", mini) == [("acute myeloid leukemia", "AML")]


def test_abbreviations_in_capitalized_text_are_not_matched(mini: Glossary) -> None:
    assert _found("ALL PATIENTS MUST AGREE.", mini) == []


@pytest.mark.parametrize(
    "text",
    [
        "See https://example.org/refractory-AML for details.",
        "Write to refractory.team@example.org today.",
        "The record NCT01234567 and 2019-001234-56 and ISRCTN12345678.",
        "Run `refractory --AML` in a shell.",
        'The study "Refractory AML in adults" is closed.',
        "The study “Refractory AML in adults” is closed.",
    ],
)
def test_never_matches_inside_protected_text(mini: Glossary, text: str) -> None:
    assert _found(text, mini) == []


def test_a_term_may_contain_a_number_but_not_cut_one(mini: Glossary) -> None:
    assert _found("Type 2 diabetes and COVID-19.", mini) == [
        ("type 2 diabetes", "Type 2 diabetes"),
        ("COVID-19", "COVID-19"),
    ]
    assert _found("Type 2.5 diabetes", mini) == []


def test_unexplained_terms_are_first_uses_without_any_explanation(mini: Glossary) -> None:
    text = (
        "# Refractory AML\n\n"
        "Refractory means the illness did not get better with treatment. The AML was refractory.\n"
        "A placebo (a fake medicine) was used. Some had a relapse. Another relapse came later.\n\n"
        "Words to know\n\n- randomized: put in a group by chance\n\nPeople were randomized."
    )
    assert [(m.term, m.surface) for m in unexplained_terms(text, mini)] == [
        ("acute myeloid leukemia", "AML"),
        ("relapse", "relapse"),
    ]


def test_an_abbreviation_followed_by_its_expansion_is_explained(mini: Glossary) -> None:
    assert unexplained_terms("AML (acute myeloid leukemia) is rare.", mini) == ()
    # an abbreviation after the term introduces it but does not say what it is
    text = "Adults with acute myeloid leukemia (AML) can join."
    assert [m.surface for m in unexplained_terms(text, mini)] == ["acute myeloid leukemia"]
