"""Abbreviations a record writes out without parentheses, conditions that abbreviate one another,
and an abbreviation met first inside a parenthesis: each is spelled out where the reader meets it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plainlang.compose.abbreviations import abbreviates, initials_in, spell_out
from plainlang.compose.naming import condition_names
from plainlang.model import Block, Document, Field, Section, Sentence


def test_initials_written_out_elsewhere_in_the_record_spell_out_the_abbreviation() -> None:
    texts = ["Changes in PMH care practices", "Changes in perinatal mental health protocols"]
    assert initials_in("PMH", texts) == "perinatal mental health"


def test_the_usual_run_of_words_wins_over_a_rare_one_with_the_same_initials() -> None:
    texts = ["perinatal mental health"] * 3 + ["to promote mental health support"]
    assert initials_in("PMH", texts) == "perinatal mental health"


def test_two_runs_as_common_as_each_other_spell_out_nothing() -> None:
    assert initials_in("PMH", ["perinatal mental health", "promote mental health"]) is None


def test_a_run_with_a_function_word_is_no_spelling_out() -> None:
    assert initials_in("LIT", ["the levels in the blood", "leukocytes in tubes"]) is None


def test_initials_need_every_letter_as_a_word_start() -> None:
    assert initials_in("PMH", ["postpartum health"]) is None


@given(st.text(alphabet="abcdefghij ", max_size=60))
def test_initials_found_always_start_with_the_letters_in_order(text: str) -> None:
    found = initials_in("ABC", [text])
    if found is not None:
        assert "".join(w[0] for w in found.split()) == "abc"


def test_a_condition_that_abbreviates_another_is_written_with_it() -> None:
    fields = [
        Field(v, f"conditions[{i}]") for i, v in enumerate(["Obstructive Sleep Apnea", "OSA", "Sleep Apnea"])
    ]
    assert condition_names(fields) == ["obstructive sleep apnea (OSA)", "sleep apnea"]


def test_conditions_that_do_not_abbreviate_one_another_are_all_kept() -> None:
    fields = [Field(v, f"conditions[{i}]") for i, v in enumerate(["Sleep Apnea", "OSA"])]
    assert condition_names(fields) == ["sleep apnea", "OSA"]
    assert not abbreviates("OSA", "sleep apnea")


def _doc(*sentences: Sentence) -> Document:
    return Document("A study", (Section("measures", "Measures", (Block("item", sentences),)),))


def test_an_abbreviation_met_first_inside_a_parenthesis_is_spelled_out_by_the_sentence_after() -> None:
    doc = spell_out(_doc(Sentence("Bone mineral density (DXA scan).")), {"DXA": "bone density scan"})
    texts = [s.text for s in doc.sections[0].blocks[0].sentences]
    assert texts == ["Bone mineral density (DXA scan).", "DXA stands for bone density scan."]


def test_an_abbreviation_met_first_outside_a_parenthesis_gets_its_words_in_one() -> None:
    doc = spell_out(_doc(Sentence("A DXA scan (a test).")), {"DXA": "bone density scan"})
    assert doc.sections[0].blocks[0].sentences[0].text == "A DXA (bone density scan) scan (a test)."


def test_a_short_form_inside_another_condition_is_spelled_out_at_the_name_it_abbreviates() -> None:
    names = ["Acute Myeloid Leukemia", "Relapsed Adult AML", "Refractory AML"]
    fields = [Field(v, f"conditions[{i}]") for i, v in enumerate(names)]
    assert condition_names(fields) == ["acute myeloid leukemia (AML)", "relapsed adult AML", "refractory AML"]
