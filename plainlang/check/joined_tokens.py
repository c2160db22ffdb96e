"""The explain tokenizer's tokens of a page's joined text, from cached tokens of its blocks.

``jargon.term_scan`` hands the glossary matcher the whole page as one string (``Page.joined``:
blocks separated by blank lines), and tokenizing it was a third of the glossary scan. Pages
written by one tool share most of their blocks (on the 305 pages plainlang writes from
../shared/data, 14,438 blocks hold 5,653 distinct texts), and the tokenizer reads white space
as the edge of every token: a block with no white space at its ends has the same tokens inside
the page as alone, shifted. So each block's tokens are remembered by its text, and the runs of
white space between blocks get the token the tokenizer gives such a run (the run, less a first
space). A text whose first or last character is white space, or a part that is white space
only, is tokenized whole: those edges follow other rules and never occur on a page's blocks.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from plainlang.explain.tokens import Token, tokenize


@functools.lru_cache(maxsize=16384)
def _part_tokens(text: str) -> tuple[Token, ...]:
    return tuple(tokenize(text))


def joined_tokens(text: str, parts: Sequence[tuple[int, int]]) -> list[Token]:
    """``tokenize(text)``, for ``text`` made of ``parts`` (``[start, end)``, in order) with only
    white space outside them and between them."""
    if not text or text[0].isspace() or text[-1].isspace():
        return tokenize(text)
    tokens: list[Token] = []
    extend, append = tokens.extend, tokens.append
    previous_end = 0
    for start, end in parts:
        # the part without white space at its ends: the tokenizer's edges are white space
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            return tokenize(text)
        if previous_end:
            run = text[previous_end:start]
            if not run:
                return tokenize(text)  # parts that touch may make one token between them
            if run != " ":  # one space between chunks is no token; any other run is one
                append((previous_end + 1 if run[0] == " " else previous_end, start))
        elif start:
            return tokenize(text)  # white space before the first part: the text starts with it
        if start == 0:
            extend(_part_tokens(text[start:end]))
        else:
            extend([(s + start, e + start) for s, e in _part_tokens(text[start:end])])
        previous_end = end
    if previous_end != len(text):
        return tokenize(text)
    return tokens
