"""Cutting a sentence into marked pieces: explained terms, unexplained terms, hard words.

The annotated view never builds HTML from record text by concatenation. Instead a sentence is
cut here into ``Piece`` values (plain text, or text with one mark and its note), and the
autoescaping template writes each piece. Joining the pieces' text gives the sentence back
exactly, which the property tests hold us to.

Where marks overlap, the more useful one wins: an explained term (it carries a definition)
over an unexplained term (it needs a writer's attention) over a hard word (a hint only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

MarkKind = Literal["term", "unexplained", "hard"]
_PRIORITY: dict[MarkKind, int] = {"term": 0, "unexplained": 1, "hard": 2}


@dataclass(frozen=True)
class Mark:
    """A span of a sentence to mark, with a note shown on hover (a definition, a reason)."""

    start: int
    end: int
    kind: MarkKind
    note: str = ""


@dataclass(frozen=True)
class Piece:
    """A run of a sentence's text; ``kind`` is None for unmarked text."""

    text: str
    kind: MarkKind | None = None
    note: str = ""


def find_word(text: str, word: str, *, ignore_case: bool) -> list[tuple[int, int]]:
    """Where ``word`` occurs in ``text`` as a whole word (not inside a longer word)."""
    if not word.strip():
        return []
    flags = re.IGNORECASE if ignore_case else 0
    # Lookarounds instead of \b: a term may start or end with a non-word character ("IFN-γ",
    # "T-cell"), where \b would not match at all.
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", flags)
    return [m.span() for m in pattern.finditer(text)]


def term_marks(text: str, terms: Iterable[tuple[str, str]]) -> list[Mark]:
    """The first whole-word occurrence of each ``(surface, definition)`` in ``text``."""
    marks = []
    for surface, definition in terms:
        spans = find_word(text, surface, ignore_case=False) or find_word(text, surface, ignore_case=True)
        if spans:
            start, end = spans[0]
            marks.append(Mark(start, end, "term", definition))
    return marks


def word_marks(text: str, words: Iterable[str], kind: MarkKind, note: str) -> list[Mark]:
    """Every whole-word occurrence, in any case, of each of ``words``."""
    return [
        Mark(start, end, kind, note)
        for word in dict.fromkeys(words)
        for start, end in find_word(text, word, ignore_case=True)
    ]


def resolve(marks: Sequence[Mark]) -> list[Mark]:
    """Marks that do not overlap, chosen by priority, then by earlier start, then by length."""
    chosen: list[Mark] = []
    ranked = sorted(marks, key=lambda m: (_PRIORITY[m.kind], m.start, -(m.end - m.start)))
    for mark in ranked:
        if mark.end <= mark.start:
            continue
        if all(mark.end <= other.start or mark.start >= other.end for other in chosen):
            chosen.append(mark)
    return sorted(chosen, key=lambda m: m.start)


def pieces(text: str, marks: Sequence[Mark]) -> tuple[Piece, ...]:
    """``text`` cut at the marks (overlaps resolved); the pieces' texts join back to ``text``."""
    out: list[Piece] = []
    position = 0
    for mark in resolve([m for m in marks if m.start >= 0 and m.end <= len(text)]):
        if mark.start > position:
            out.append(Piece(text[position : mark.start]))
        out.append(Piece(text[mark.start : mark.end], mark.kind, mark.note))
        position = mark.end
    if position < len(text):
        out.append(Piece(text[position:]))
    return tuple(out)


__all__ = ["Mark", "MarkKind", "Piece", "find_word", "pieces", "resolve", "term_marks", "word_marks"]
