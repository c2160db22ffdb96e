"""Counting words, syllables and letters once, the way textstat counts them.

textstat computes each formula from the raw text, so one call per formula re-tokenises the text
and counts each word's syllables again (three or four times for a full set of scores). Here each
whitespace token is analysed once, through a cache shared by every sentence, and the seven
formulas in :mod:`plainlang.readability.formulas` work on the sums.

Parity with textstat 0.7 is the point, so its rules are copied exactly:

- a *token* is a run of non-space characters; a *word* is what is left of a token after
  punctuation is removed, keeping the apostrophe of English contractions (don't, it's);
- *syllables*: the first pronunciation in the CMU dictionary (vowel phones carry a stress
  digit), else Pyphen's hyphenation points plus one;
- *letters* are word characters (``\\w``) and *characters* are all non-space characters, which
  is what Coleman–Liau and ARI divide by the number of words and tokens;
- a *difficult* word (Dale–Chall) is one not on the Dale–Chall easy list; a *hard* word
  (Gunning fog, and our diagnostics) is also three syllables or more; a *polysyllable* (SMOG)
  is any word of three syllables or more.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, fields
from importlib.resources import files

from plainlang._textstat import cmu_dictionary

# textstat's remove_punctuation(rm_apostrophe=False): drop apostrophes that do not start an
# English contraction ending, then every other character that is not a word character.
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_NOT_LETTER = re.compile(r"\W")
_LONG_WORD_LETTERS = 6  # textstat's count_long_words: more than six letters
_PYPHEN_LANGUAGE = "en_US"  # textstat's default language, which it hands to Pyphen


@dataclass(frozen=True)
class Token:
    """What one whitespace token contributes to the counts."""

    word: str  # textstat's word, lower-case; "" when the token is only punctuation
    syllables: int
    letters: int
    characters: int
    long: bool
    easy: bool  # on the Dale–Chall easy list


@dataclass(frozen=True)
class Counts:
    """Sums over some sentences: everything the seven formulas need."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    letters: int = 0
    characters: int = 0
    tokens: int = 0  # whitespace tokens, punctuation-only ones included (ARI's word count)
    polysyllables: int = 0
    long_words: int = 0
    difficult_words: int = 0  # not on the Dale–Chall easy list
    hard_words: int = 0  # not on the easy list and three syllables or more

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@functools.cache
def easy_words() -> frozenset[str]:
    """The Dale–Chall easy words, from textstat's own copy of the list."""
    text = files("textstat").joinpath("resources/en/easy_words.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines())


@functools.cache
def _pyphen() -> object:
    from pyphen import Pyphen

    return Pyphen(lang=_PYPHEN_LANGUAGE)


@functools.lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables of a lower-case word, as textstat counts them."""
    try:
        return sum(1 for phone in cmu_dictionary()[word][0] if phone[-1].isdigit())
    except (KeyError, IndexError):
        return len(_pyphen().positions(word)) + 1  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=1 << 16)
def token(raw: str) -> Token:
    """The counts of one whitespace token (cached: most tokens of a text repeat)."""
    word = _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", raw)).lower()
    letters = len(_NOT_LETTER.sub("", raw))
    if not word:
        return Token("", 0, letters, len(raw), False, True)
    return Token(
        word,
        syllables(word),
        letters,
        len(raw),
        letters > _LONG_WORD_LETTERS,
        word in easy_words(),
    )


@dataclass(frozen=True)
class SentenceCounts:
    counts: Counts
    hard: tuple[str, ...]  # the hard words, as written (surrounding punctuation removed)


_EDGE_PUNCTUATION = "\"'“”‘’()[]{}<>.,;:!?«»"


def count(text: str) -> SentenceCounts:
    """Counts of one sentence's scored text; a sentence with no word counts as none."""
    words = syllable_sum = letters = characters = tokens = 0
    poly = long = difficult = 0
    hard: list[str] = []
    for raw in text.split():
        info = token(raw)
        tokens += 1
        characters += info.characters
        letters += info.letters
        if not info.word:
            continue
        words += 1
        syllable_sum += info.syllables
        long += info.long
        if info.syllables >= 3:
            poly += 1
        if not info.easy:
            difficult += 1
            if info.syllables >= 3:
                hard.append(raw.strip(_EDGE_PUNCTUATION) or info.word)
    counts = Counts(
        words=words,
        sentences=1 if words else 0,
        syllables=syllable_sum,
        letters=letters,
        characters=characters,
        tokens=tokens,
        polysyllables=poly,
        long_words=long,
        difficult_words=difficult,
        hard_words=len(hard),
    )
    return SentenceCounts(counts, tuple(hard))
