"""The plainness gate: registry sentences are kept or left out whole, never edited."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainlang.compose.cite import Citer
from plainlang.compose.facts import plain_units
from plainlang.compose.people_sections import _criterion
from plainlang.compose.plainness import (
    Gate,
    Limits,
    abbreviations,
    build_gate,
    defined_abbreviations,
    gated_units,
    hard_word_budget,
    hard_words,
    is_fragment,
)
from plainlang.compose.study_sections import how_given
from plainlang.config import Profile
from plainlang.model import Field
from plainlang.policy import load_policy


@pytest.fixture(scope="module")
def gate() -> Gate:
    return build_gate(Profile(), load_policy())


def test_a_short_plain_whole_sentence_passes(gate: Gate) -> None:
    assert gate.reason("Age 18 years or older.") == ""
    assert gate.reason("Pregnant or breastfeeding.") == ""


def test_a_sentence_over_the_profile_word_limit_is_left_out(gate: Gate) -> None:
    long = "People will come to the clinic every week for a blood test and a talk with the nurse about how they feel."
    assert gate.reason(long) == "long"
    assert build_gate(Profile(long_sentence_words=30), load_policy()).reason(long) == ""


def test_abbreviation_expansions_count_towards_the_word_limit(gate: Gate) -> None:
    # 17 words, but explain writes "acute myeloid leukemia (AML)" and "graft-versus-host disease (GVHD)"
    sentence = "People with AML who had GVHD after a transplant in the last year may not be able to join."
    assert len(sentence.split()) <= gate.limits.words
    assert gate.reason(sentence) == "long"


@pytest.mark.parametrize(
    "fragment",
    [
        "Children should have an adult carer in the household who is either.",
        "Taking part in the DART trial OR.",
        "Diagnosis of one of the following:",
        "The person may not enter the study if ANY of the following apply.",
        "<12 months: treat all.",
        "and the study doctor agrees.",
        "CD4% <15% for children > 5years (consideration should also be taken of the CD4 count.",
    ],
)
def test_fragments_that_lead_into_a_list_or_were_cut_are_left_out(fragment: str) -> None:
    assert is_fragment(fragment)


@pytest.mark.parametrize(
    "whole", ["Age 18 years or older.", "eGFR above 60 mL/min.", "Able to swallow pills."]
)
def test_whole_sentences_are_not_fragments(whole: str) -> None:
    assert not is_fragment(whole)


def test_wording_the_policy_forbids_is_left_out(gate: Gate) -> None:
    assert gate.reason("No known cure for the illness exists yet for this group.") == ""  # a hedge
    assert gate.reason("This drug is a breakthrough.") == "wording"
    assert gate.reason("People get free drug for a year.") == "wording"


def test_an_abbreviation_neither_in_the_glossary_nor_spelled_out_is_left_out(gate: Gate) -> None:
    assert gate.reason("Taking part in the DART study.") == "abbreviation"
    assert gate.reason("Adults with AML can join.") == ""  # the glossary spells it out
    spelled = "A Weekly Phone Call (WPC) for all."
    assert gate.reason(spelled) == ""  # spelled out where it is used
    assert gate.reason("A WPC for all.") == "abbreviation"  # the gate alone does not know the record...
    knows = Gate(gate.limits, gate.glossary, gate.policy, defined_abbreviations([spelled]))
    assert knows.reason("A WPC for all.") == ""  # ...a gate built for the record does
    assert gate.reason("Lung CT scan in adults.") == ""  # "CT" is part of the glossary's "CT scan"


def test_product_codes_are_names_and_r_slash_r_is_an_abbreviation() -> None:
    assert abbreviations("It tests PL-101 and KO-539 in adults with R/R AML.") == ["R/R", "AML"]


def test_the_record_spells_out_abbreviations_either_way_round() -> None:
    found = defined_abbreviations(
        [
            "Laboratory plus Clinical Monitoring (LCM) and recommended Phase 2 dose (RP2D).",
            "CDM (Clinically Driven Monitoring) only. Blood counts (CD4) are not a spelling out.",
        ]
    )
    assert found == {"LCM", "RP2D", "CDM"}


def test_hard_words_outside_glossary_terms_are_counted_like_the_readability_engine(gate: Gate) -> None:
    sentence = "Documented hypersensitivity to the investigational medication."
    matches = gate.glossary.find(sentence)
    assert hard_words(sentence) > hard_words(sentence, [(m.start, m.end) for m in matches])
    assert hard_word_budget(8.0) == 1
    assert hard_word_budget(6.0) < hard_word_budget(10.0)


def test_a_sentence_with_more_hard_words_than_the_budget_is_left_out(gate: Gate) -> None:
    assert gate.reason("Documented uncontrolled intercurrent cardiovascular abnormality.") == "hard"


def test_the_route_is_said_in_plain_words_when_the_record_states_it() -> None:
    assert how_given("Given PO (capsules or oral suspension) once daily.") == "by mouth"
    assert (
        how_given("Given IV and SC on days 1-7.")
        == "into the blood through a needle or as a shot under the skin"
    )
    assert how_given("Participants take it with food.") == ""
    assert how_given("It was used in the trial.") == ""  # "it" is not intrathecal, nor "po" anything
    assert how_given("Adults with stage IV cancer.") == ""  # a stage, not a route


# --- keep or drop whole units, never edit ---------------------------------------------------

_SENTENCES = st.sampled_from(
    [
        "Age 18 years or older.",
        "Pregnant or breastfeeding.",
        "Children should have an adult carer in the household who is either.",
        "Taking part in the DART trial OR.",
        "Able to swallow pills.",
        "People will come to the clinic every week for a blood test and a talk with the nurse about it.",
        "No more than 2 earlier treatments.",
        "Not taking part in another study.",
    ]
)


@given(units=st.lists(st.lists(_SENTENCES, min_size=1, max_size=3), max_size=6), most=st.integers(0, 8))
def test_the_gate_keeps_a_leading_run_of_whole_units_and_counts_the_rest(
    units: list[list[str]], most: int
) -> None:
    gate = build_gate(Profile(), load_policy())
    kept, dropped = gated_units(units, gate, most)
    shown = len(units) - dropped
    assert kept == [s for unit in units[:shown] for s in unit]  # whole units, as given, in order
    assert len(kept) <= most
    assert all(gate.passes(s) for s in kept)
    if dropped:  # the first unit left out failed or would not fit
        unit = units[shown]
        assert not gate.unit(unit) or len(kept) + len(unit) > most


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION = re.compile(r"\b(?:not|no|never|without)\b", re.IGNORECASE)

_CRITERIA = st.lists(
    st.sampled_from(
        [
            "Patients",
            "participants",
            "must",
            "not",
            "have",
            "received",
            "prior",
            "to",
            "2.5",
            "mg/kg",
            "within",
            "14",
            "days",
            "no",
            "history",
            "of",
            "AML",
            "DART",
            "either",
            "hepatitis",
            "B",
            ";",
            "and",
            "the",
            "utilize",
            "approximately",
        ]
    ),
    min_size=1,
    max_size=40,
).map(" ".join)


@given(text=_CRITERIA)
def test_a_criterion_is_shown_exactly_as_rewritten_or_not_at_all(text: str) -> None:
    gate = build_gate(Profile(), load_policy())
    block = _criterion(
        Field(text, "protocolSection.eligibilityModule.eligibilityCriteria"), Citer("NCT0"), gate
    )
    if block is None:
        return
    shown = [s.text for s in block.sentences]
    rewritten = [s for unit in plain_units(text[:1].upper() + text[1:], gate.language) for s in unit]
    assert shown == rewritten
    joined = " ".join(shown)
    # rewrite's guarantees carry over: numbers and negations survive (it may only add "not"s never)
    assert sorted(_NUMBER.findall(joined)) == sorted(_NUMBER.findall(text))
    assert len(_NEGATION.findall(joined)) == len(_NEGATION.findall(text))


def test_limits_come_from_the_profile() -> None:
    limits = Limits.from_profile(Profile(long_sentence_words=15, target_smog=10.0))
    assert limits.words == 15 and limits.hard_words == hard_word_budget(10.0)


def test_an_abbreviation_spelled_out_in_the_sentence_adds_no_words(gate: Gate) -> None:
    spelled = (
        "Number of people with treatment-emergent adverse events (TEAEs) in the first year of the study."
    )
    assert defined_abbreviations([spelled]) >= {"TEAEs", "TEAE"}
    knows = Gate(gate.limits, gate.glossary, gate.policy, defined_abbreviations([spelled]))
    assert knows.reason(spelled) == ""
    # "Adults with acute myeloid leukemia (AML)": the full words are there, explain adds none
    assert (
        gate.reason("Adults with acute myeloid leukemia (AML) who had two earlier treatments can join.") == ""
    )


def test_a_term_whose_definition_the_policy_forbids_keeps_its_sentence_off_the_page(gate: Gate) -> None:
    # the sentence is fine; "curative" would be explained as "meant to cure the disease"
    sentence = "Current disease state must be one for which there is now no known curative therapy."
    assert not gate.policy.forbidden_in(sentence)
    assert gate.reason(sentence) == "wording"


def test_a_term_whose_explanation_has_a_forbidden_sentence_keeps_its_sentence_off_the_page(
    gate: Gate,
) -> None:
    # inside parentheses, explain writes the pack's explanation: "... A higher score is better."
    assert gate.reason("ECOG performance status 0-2 (Karnofsky ≥ 60%).") == "wording"


def test_a_sentence_naming_another_trial_by_id_is_left_out(gate: Gate) -> None:
    assert gate.reason("Not in study NCT00055523.") == "id"


def test_a_term_the_page_explained_before_does_not_count_against_the_term_limit(gate: Gate) -> None:
    # three terms: one too many for a rule, each bringing its own explanation along
    rule = "Severe insomnia after a concussion."
    assert gate.reason(rule) == "hard"
    # "In short" explained "severe" already: the rule brings two explanations, not three
    assert gate.explaining_first(["severe"]).reason(rule) == ""
    # the gate it was made from is unchanged (a new gate, the same readings memo)
    assert gate.reason(rule) == "hard"


def test_a_term_explained_before_counts_its_hard_words_like_plain_text(gate: Gate) -> None:
    # a term explained before gets no definition in this rule, so its polysyllables count as
    # hard words: "insomnia" and "scoliosis" (polysyllables) are two, over the budget of one
    rule = "Severe insomnia or scoliosis."
    assert gate.limits.hard_words == 1
    assert gate.reason(rule) == "hard"  # three terms
    assert gate.explaining_first(["severe"]).reason(rule) == ""  # two terms, no hard word
    assert gate.explaining_first(["severe", "insomnia", "scoliosis"]).reason(rule) == "hard"


def test_an_abbreviation_still_counts_after_its_full_words_were_explained(gate: Gate) -> None:
    # explain spells "PTSD" out at its own first use whatever came before: it brings words along
    rule = "Severe PTSD or scoliosis."
    assert gate.explaining_first(["post-traumatic stress disorder"]).reason(rule) == "hard"
    assert gate.explaining_first(["severe"]).reason(rule) == ""


_WORDS = [
    "severe",
    "insomnia",
    "scoliosis",
    "PTSD",
    "concussion",
    "acute",
    "after",
    "a",
    "or",
    "use",
    "and",
    "the",
]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12), st.sets(st.sampled_from(_WORDS[:6])))
def test_knowing_terms_explained_before_changes_only_the_hard_verdict(
    picked: list[str], known: set[str]
) -> None:
    gate = build_gate(Profile(), load_policy())
    sentence = " ".join(picked).capitalize() + "."
    plain = gate.reason(sentence)
    assert gate.explaining_first([]).reason(sentence) == plain
    told = gate.explaining_first(sorted(known)).reason(sentence)
    assert told == plain or {told, plain} <= {"", "hard"}
