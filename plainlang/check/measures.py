"""Measures for metric rules: grade levels per page and section, words per sentence.

Headings and list items are sentences of their own (registry text breaks scoring otherwise), so
each sentence span is scored as a sentence even when it has no full stop. A page or section with
fewer than three sentences gets no grade: SMOG is undefined there and a grade from a line or two
says nothing a publisher could act on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from plainlang._textstat import textstat
from plainlang.check.page import Page, Span

WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)*")
CITATION_MARK = re.compile(r"\[\d[\d,\s–-]*\]")
MIN_SENTENCES = 3


def word_count(text: str) -> int:
    return len(WORD.findall(CITATION_MARK.sub(" ", text)))


def _units(page: Page, scope: str) -> Iterator[tuple[Span | None, str, tuple[Span, ...]]]:
    """(where to report, what it is called, its sentences) for the page or each section."""
    if scope == "document":
        yield None, "the page", page.sentences
        return
    for index, section in enumerate(page.prose.sections):
        sentences = tuple(s for s in page.sentences if s.block.section == index and s.block.kind != "heading")
        if len(sentences) == sum(1 for s in page.sentences if s.block.kind != "heading"):
            continue  # the only section with text: its grade is the page's, reported once
        heading = next((b for b in page.blocks if b.section == index and b.kind == "heading"), None)
        where = Span(heading, 0, len(heading.text)) if heading else (sentences[0] if sentences else None)
        yield where, f"section '{section.title}'" if section.title else "the opening section", sentences


# FALLBACK(readability): until plainlang.readability.score is on main, grades are computed here
# with textstat's formulas (SMOG: 1.043 * sqrt(30 * polysyllables / sentences) + 3.1291;
# Flesch-Kincaid: 0.39 * words/sentence + 11.8 * syllables/word - 15.59) over counts taken
# once per sentence, with textstat's syllable count cached per word: a page and its sections
# are scored from the same counts, which keeps checking a page fast.
@dataclass(frozen=True)
class Counts:
    sentences: int
    words: int
    syllables: int
    polysyllables: int

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.sentences + other.sentences,
            self.words + other.words,
            self.syllables + other.syllables,
            self.polysyllables + other.polysyllables,
        )

    def smog(self) -> float:
        return 1.043 * (30 * self.polysyllables / self.sentences) ** 0.5 + 3.1291 if self.sentences else 0.0

    def flesch_kincaid_grade(self) -> float:
        if not self.sentences or not self.words:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59


@functools.lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """English syllables of one lower-case word (textstat's count, offline)."""
    return int(textstat().syllable_count(word)) or 1


def sentence_counts(text: str) -> Counts:
    found = WORD.findall(CITATION_MARK.sub(" ", text))
    counts = [syllables(w.lower()) for w in found if not w[0].isdigit()]
    return Counts(1, len(found), sum(counts) + (len(found) - len(counts)), sum(1 for c in counts if c >= 3))


def _counts(page: Page) -> dict[int, Counts]:
    """Counts of every sentence of the page, computed once for every measure and scope."""
    memo = page.memo.get("sentence-counts")
    if not isinstance(memo, dict):
        memo = {id(s): sentence_counts(s.text) for s in page.sentences}
        page.memo["sentence-counts"] = memo
    return memo


def _grade(page: Page, scope: str, formula: str, label: str) -> Iterator[tuple[Span | None, str, float]]:
    counts = _counts(page)
    for where, name, sentences in _units(page, scope):
        if len(sentences) < MIN_SENTENCES:
            continue
        total = sum((counts[id(s)] for s in sentences), Counts(0, 0, 0, 0))
        yield where, f"{label} of {name}", float(getattr(total, formula)())


def smog(page: Page, scope: str) -> Iterator[tuple[Span | None, str, float]]:
    return _grade(page, scope, "smog", "SMOG grade")


def flesch_kincaid_grade(page: Page, scope: str) -> Iterator[tuple[Span | None, str, float]]:
    return _grade(page, scope, "flesch_kincaid_grade", "Flesch-Kincaid grade")


def words(page: Page, scope: str) -> Iterator[tuple[Span | None, str, float]]:
    """Words per sentence (scope ``sentence``); citation markers are not words."""
    if scope != "sentence":
        return
    for sentence in page.sentences:
        if sentence.block.kind != "heading":
            yield sentence, "words in this sentence", float(word_count(sentence.text))
