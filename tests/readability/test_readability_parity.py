"""Parity: on ordinary prose our document scores are textstat's, to the last bit of the float.

The paragraphs are our own. "Ordinary" means what textstat's own sentence counter gets right:
sentences of three words or more, ended by ``.``, ``!`` or ``?`` and a space, no abbreviations,
no decimals, no lists.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang import score
from plainlang._textstat import textstat

PARAGRAPHS = [
    "This study tests a new medicine for people with high blood pressure. Doctors want to learn "
    "if the medicine is safe and if it works better than the usual treatment. You will visit the "
    "clinic every two weeks for six months.",
    "During each visit, a nurse will measure your blood pressure and ask how you feel. Some people "
    "may have headaches or feel dizzy. If you have any problems, you can stop taking part at any "
    "time! Would you like to know more? Please talk with your doctor about joining.",
    "Researchers compared two approaches to managing chronic inflammatory conditions. The "
    "investigational therapy demonstrated considerable improvement in participants' quality of "
    "life, although gastrointestinal complications occurred occasionally. Hospitalization wasn't "
    "necessary for most volunteers.",
]

# textstat method for each field of Scores.
TEXTSTAT = {
    "smog": "smog_index",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "flesch_reading_ease": "flesch_reading_ease",
    "dale_chall": "dale_chall_readability_score",
    "coleman_liau": "coleman_liau_index",
    "ari": "automated_readability_index",
    "gunning_fog": "gunning_fog",
}


def assert_parity(text: str) -> None:
    ts: Any = textstat()
    ours = score(text).document
    assert ours.words == ts.lexicon_count(text)
    assert ours.sentences == ts.sentence_count(text)
    assert ours.syllables == ts.syllable_count(text)
    for field, method in TEXTSTAT.items():
        assert getattr(ours, field) == getattr(ts, method)(text), field


@pytest.mark.parametrize("text", [*PARAGRAPHS, "\n\n".join(PARAGRAPHS)])
def test_document_scores_equal_textstat_on_our_paragraphs(text: str) -> None:
    assert_parity(text)


WORDS = (  # noqa: SIM905 (a word list reads better as prose)
    "the patients doctor medicine study will take a pill every day for weeks and nurses measure "
    "blood pressure hospital researchers investigational treatment inflammatory you can stop "
    "at any time questions visit clinic safety volunteers don't it's children's"
).split()
sentence = st.builds(
    lambda words, end: " ".join(words).capitalize() + end,
    st.lists(st.sampled_from(WORDS), min_size=3, max_size=25),
    st.sampled_from([".", "!", "?", '," she said.']),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=12), st.sampled_from([" ", "\n", "\n\n"]))
def test_document_scores_equal_textstat_on_generated_prose(sentences: list[str], separator: str) -> None:
    assert_parity(separator.join(sentences))
