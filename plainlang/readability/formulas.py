"""The seven readability formulas, as pure functions of :class:`Counts`.

Each reproduces textstat 0.7's published English formula term for term, in the same order of
operations and with the same guard against dividing by zero (textstat returns 0.0), so that on
the same counts the floats are identical. Constants are the formulas' published ones.
"""

from __future__ import annotations

from plainlang.readability.counts import Counts

# Flesch reading ease, English (textstat's LANG_CONFIGS["en"]).
_FRE_BASE = 206.835
_FRE_SENTENCE_LENGTH = 1.015
_FRE_SYLLABLES_PER_WORD = 84.6


def words_per_sentence(c: Counts) -> float:
    return c.words / c.sentences if c.sentences else 0.0


def syllables_per_word(c: Counts) -> float:
    return c.syllables / c.words if c.words else 0.0


def flesch_kincaid_grade(c: Counts) -> float:
    sentence_length, syllables = words_per_sentence(c), syllables_per_word(c)
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * syllables) - 15.59


def flesch_reading_ease(c: Counts) -> float:
    sentence_length, syllables = words_per_sentence(c), syllables_per_word(c)
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return _FRE_BASE - _FRE_SENTENCE_LENGTH * sentence_length - _FRE_SYLLABLES_PER_WORD * syllables


def smog(c: Counts) -> float:
    if not c.sentences:
        return 0.0
    # ``** 0.5`` as textstat writes it (not math.sqrt), so that the floats are identical.
    root = float((30 * (c.polysyllables / c.sentences)) ** 0.5)
    return (1.043 * root) + 3.1291


def dale_chall(c: Counts) -> float:
    if not c.words:
        return 0.0
    percent_difficult = 100 * c.difficult_words / c.words
    score = (0.1579 * percent_difficult) + (0.0496 * words_per_sentence(c))
    if percent_difficult > 5:
        score += 3.6365  # the formula's adjustment for texts with more than 5% difficult words
    return score


def coleman_liau(c: Counts) -> float:
    letters = (c.letters / c.words if c.words else 0.0) * 100
    sentences = (c.sentences / c.words if c.words else 0.0) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


def automated_readability_index(c: Counts) -> float:
    characters_per_word = c.characters / c.tokens if c.tokens else 0.0
    sentence_length = words_per_sentence(c)
    if characters_per_word == 0 or sentence_length == 0:
        return 0.0
    return (4.71 * characters_per_word) + (0.5 * sentence_length) - 21.43


def gunning_fog(c: Counts) -> float:
    if not c.words:
        return 0.0
    percent_hard = 100 * c.hard_words / c.words
    return 0.4 * (words_per_sentence(c) + percent_hard)


FORMULAS = {
    "smog": smog,
    "flesch_kincaid_grade": flesch_kincaid_grade,
    "flesch_reading_ease": flesch_reading_ease,
    "dale_chall": dale_chall,
    "coleman_liau": coleman_liau,
    "ari": automated_readability_index,
    "gunning_fog": gunning_fog,
}
"""Each score of :class:`~plainlang.readability.Scores`, by field name."""
