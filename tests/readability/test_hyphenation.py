"""The pruned hyphenation count is Pyphen's own count, word for word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pyphen import Pyphen

from plainlang._textstat import cmu_syllables
from plainlang.readability.counts import syllables
from plainlang.readability.hyphenation import points

_PYPHEN = Pyphen(lang="en_US")

# Letters the English patterns know, the apostrophe and hyphen textstat keeps, digits, and a few
# letters the patterns never name (so lookups stop at once).
_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz'-0123456789éüßİ", min_size=0, max_size=30)


@settings(max_examples=800)
@given(_WORDS)
def test_pruned_count_equals_pyphen_positions(word: str) -> None:
    assert points(_PYPHEN, word) == len(_PYPHEN.positions(word))


@given(_WORDS, st.integers(0, 4), st.integers(0, 4))
def test_pruned_count_keeps_pyphens_margins(word: str, left: int, right: int) -> None:
    pyphen = Pyphen(lang="en_US", left=left, right=right)
    assert points(pyphen, word) == len(pyphen.positions(word))


def test_words_outside_the_dictionary_count_pyphen_points_plus_one() -> None:
    words = [w for w in ("nivolumab", "pembrolizumab", "xqzt", "tislelizumab") if w not in cmu_syllables()]
    assert words
    for word in words:
        assert syllables(word) == len(_PYPHEN.positions(word)) + 1


class _PyphenWithoutItsTable:
    """A Pyphen whose dictionary keeps its patterns some other way (a later Pyphen might)."""

    def __init__(self) -> None:
        self.hd = object()
        self.left, self.right = _PYPHEN.left, _PYPHEN.right

    def positions(self, word: str) -> list[int]:
        return list(_PYPHEN.positions(word))


@given(_WORDS)
def test_a_pyphen_without_its_pattern_table_is_asked_its_own_positions(word: str) -> None:
    assert points(_PYPHEN_WITHOUT_TABLE, word) == len(_PYPHEN.positions(word))


_PYPHEN_WITHOUT_TABLE = _PyphenWithoutItsTable()
