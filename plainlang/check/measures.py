"""Measures for metric rules: grade levels per page and section, words per sentence.

Sentences, words and syllables are the readability engine's (``plainlang.readability``): its
segmenter cuts the sentences (``Page.sentences``), its counts and textstat's formulas give the
grades, so ``plainlang check`` and a Summary's readability never disagree on a sentence.

Headings and list items are sentences of their own (registry text breaks scoring otherwise), so
each sentence span is scored as a sentence even when it has no full stop. A page or section with
fewer than three sentences gets no grade: SMOG is undefined there and a grade from a line or two
says nothing a publisher could act on.
"""

from __future__ import annotations

from collections.abc import Iterator

from plainlang.check.page import Page, Span
from plainlang.readability.counts import Counts, count
from plainlang.readability.formulas import FORMULAS

MIN_SENTENCES = 3


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


def sentence_counts(sentence: Span) -> Counts:
    """The readability engine's counts of one sentence (its scored text: no markers, no URLs)."""
    return count(sentence.scored if sentence.scored is not None else sentence.text).counts


def _counts(page: Page) -> dict[int, Counts]:
    """Counts of every sentence of the page, computed once for every measure and scope."""
    memo = page.memo.get("sentence-counts")
    if not isinstance(memo, dict):
        memo = {id(s): sentence_counts(s) for s in page.sentences}
        page.memo["sentence-counts"] = memo
    return memo


def _grade(page: Page, scope: str, formula: str, label: str) -> Iterator[tuple[Span | None, str, float]]:
    counts = _counts(page)
    for where, name, sentences in _units(page, scope):
        if len(sentences) < MIN_SENTENCES:
            continue
        total = sum((counts[id(s)] for s in sentences), Counts())
        yield where, f"{label} of {name}", FORMULAS[formula](total)


def smog(page: Page, scope: str) -> Iterator[tuple[Span | None, str, float]]:
    return _grade(page, scope, "smog", "SMOG grade")


def flesch_kincaid_grade(page: Page, scope: str) -> Iterator[tuple[Span | None, str, float]]:
    return _grade(page, scope, "flesch_kincaid_grade", "Flesch-Kincaid grade")


def words(page: Page, scope: str) -> Iterator[tuple[Span | None, str, float]]:
    """Words per sentence (scope ``sentence``); citation markers are not words."""
    if scope != "sentence":
        return
    counts = _counts(page)
    for sentence in page.sentences:
        if sentence.block.kind != "heading":
            yield sentence, "words in this sentence", float(counts[id(sentence)].words)
