"""Pyphen's count of hyphenation points, without trying substrings no pattern starts with.

textstat counts the syllables of a word the CMU dictionary lacks as Pyphen's hyphenation points
plus one. Pyphen (Liang's algorithm) looks every substring of the word up to the longest
pattern's length (about nine characters for en_US) in its pattern table; most of those lookups
miss, and a word seen for the first time costs about 40 µs, the largest part of counting a new
page. Once a substring is the start of no pattern, no longer substring from the same place can
be one, so here the lookups from a place stop there. The points found, and so the count, are
Pyphen's own: the same patterns, the same way of keeping the highest value at each point, the
same rule that a point is one with an odd value, the same margins (two letters at each end).

This reads Pyphen's pattern table (``HyphDict.patterns``, ``maxlen``), which is not its
documented API: a Pyphen without them gets ``len(positions(word))``, Pyphen's own answer, and
``tests/readability/test_hyphenation.py`` holds the two equal on the installed Pyphen.
"""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def _table(hyph_dict: Any) -> tuple[dict[str, Any], int] | None:
    """Every start of one of Pyphen's patterns (the patterns themselves too), each with its
    pattern or None, and the longest pattern's length: one lookup says both whether the piece
    is a pattern and whether a longer one may start the same way. None when this Pyphen keeps
    its patterns some other way."""
    patterns = getattr(hyph_dict, "patterns", None)
    if not isinstance(patterns, dict) or not isinstance(getattr(hyph_dict, "maxlen", None), int):
        return None
    table: dict[str, Any] = dict.fromkeys({key[:end] for key in patterns for end in range(1, len(key))})
    table.update(patterns)
    return table, hyph_dict.maxlen


def points(pyphen: Any, word: str) -> int:
    """``len(pyphen.positions(word))``: the hyphenation points of ``word`` within the margins."""
    known = _table(pyphen.hd)
    if known is None:
        return len(pyphen.positions(word))
    table, longest = known
    pointed = f".{word.lower()}."
    size = len(pointed)
    values = [0] * (size + 1)
    for i in range(size - 1):
        for j in range(i + 1, min(i + longest, size) + 1):
            pattern = table.get(pointed[i:j], False)
            if pattern is False:
                break  # no pattern starts with this piece, so none starts with a longer one
            if pattern:
                offset, weights = pattern
                where = slice(i + offset, i + offset + len(weights))
                values[where] = map(max, weights, values[where])
    # Pyphen's point i is values[i + 1]; it keeps the points from `left` to len(word) - `right`.
    first, last = pyphen.left, len(word) - pyphen.right
    return sum(1 for i in range(first + 1, last + 2) if i < len(values) and values[i] % 2)
