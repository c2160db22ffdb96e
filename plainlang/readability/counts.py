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
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from importlib.resources import files

from plainlang._textstat import cmu_syllables, version
from plainlang.readability.hyphenation import points

# textstat's remove_punctuation(rm_apostrophe=False): drop apostrophes that do not start an
# English contraction ending, then every other character that is not a word character.
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_NOT_LETTER = re.compile(r"\W")
_LONG_WORD_LETTERS = 6  # textstat's count_long_words: more than six letters
_PYPHEN_LANGUAGE = "en_US"  # textstat's default language, which it hands to Pyphen


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

    @classmethod
    def total(cls, counts: Iterable[Counts]) -> Counts:
        """The sum of many Counts, field by field, built once."""
        columns = zip(*map(_VALUES, counts), strict=True)
        return cls(*map(sum, columns))

    def __add__(self, other: Counts) -> Counts:
        # scoring adds two Counts per sentence: one C-level attrgetter per side, not 20 getattrs
        return Counts(*map(operator.add, _VALUES(self), _VALUES(other)))


_FIELDS = tuple(f.name for f in fields(Counts))
_VALUES = operator.attrgetter(*_FIELDS)


def _read_easy_words() -> list[str]:
    text = files("textstat").joinpath("resources/en/easy_words.txt").read_text("utf-8")
    return [line.strip() for line in text.splitlines()]


@functools.cache
def easy_words() -> frozenset[str]:
    """The Dale–Chall easy words, from textstat's own copy of the list.

    Cached on disk by textstat version: reaching the file through ``files("textstat")``
    imports textstat, a tenth of a second of a cold start.
    """
    from plainlang._cache import cached

    return frozenset(cached("dale-chall-easy-words", version(), _read_easy_words))


@functools.cache
def _pyphen() -> object:
    from pyphen import Pyphen

    return Pyphen(lang=_PYPHEN_LANGUAGE)


@functools.lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables of a lower-case word, as textstat counts them."""
    found = cmu_syllables().get(word)
    if found is not None:
        return found
    return points(_pyphen(), word) + 1


@functools.lru_cache(maxsize=1 << 16)
def token(raw: str) -> tuple[int, ...]:
    """What one whitespace token adds to each field of :class:`Counts`, in field order.

    A tuple of ints rather than a Counts, so that a sentence's counts are column sums done in C;
    cached, because most tokens of a text repeat.
    """
    word = _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", raw)).lower()
    letters = len(_NOT_LETTER.sub("", raw))
    if not word:
        return (0, 0, 0, letters, len(raw), 1, 0, 0, 0, 0)
    count = syllables(word)
    poly = count >= 3
    difficult = word not in easy_words()
    long = letters > _LONG_WORD_LETTERS
    return (1, 0, count, letters, len(raw), 1, poly, long, difficult, difficult and poly)


@dataclass(frozen=True)
class SentenceCounts:
    counts: Counts
    hard: tuple[str, ...]  # the hard words, as written (surrounding punctuation removed)


_EDGE_PUNCTUATION = "\"'“”‘’()[]{}<>.,;:!?«»*_"
_HARD = 9  # index of hard_words in a token's tuple


def count(text: str) -> SentenceCounts:
    """Counts of one sentence's scored text; a sentence with no word counts as none."""
    raws = text.split()
    rows = list(map(token, raws))
    if not rows:
        return SentenceCounts(Counts(), ())
    sums = _sums(rows)
    hard: tuple[str, ...] = ()
    if sums[_HARD]:
        hard = tuple(
            raw.strip(_EDGE_PUNCTUATION) or raw for raw, row in zip(raws, rows, strict=True) if row[_HARD]
        )
    return SentenceCounts(Counts(*sums), hard)


def count_row(text: str) -> tuple[int, ...]:
    """``count(text).counts`` as a row of Counts' fields, in field order, without building a
    Counts or the hard words: what the checker sums per page and section (``check.measures``),
    one new sentence of a page after another. Held to ``count`` by a property test."""
    rows = list(map(token, text.split()))
    if not rows:
        return (0,) * len(_FIELDS)
    return tuple(_sums(rows))


def _sums(rows: list[tuple[int, ...]]) -> list[int]:
    """The column sums of a sentence's token rows (done in C), with its sentence count: one
    when it holds a word."""
    sums = list(map(sum, zip(*rows, strict=True)))
    sums[1] = 1 if sums[0] else 0  # sentences
    return sums
