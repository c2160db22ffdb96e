"""Measures for metric rules: grade levels per page and section, words per sentence.

Sentences, words and syllables are the readability engine's (``plainlang.readability``): its
segmenter cuts the sentences (``Page.sentences``), its counts and textstat's formulas give the
grades, so ``plainlang check`` and a Summary's readability never disagree on a sentence.

Headings and list items are sentences of their own (registry text breaks scoring otherwise), so
each sentence span is scored as a sentence even when it has no full stop. A page or section with
fewer than three sentences gets no grade: SMOG is undefined there and a grade from a line or two
says nothing a publisher could act on.

A section is graded on its prose only, and only when there is enough of it. Readability
formulas score running prose and were normed on samples far larger than a page section: SMOG
on 30-sentence samples (McLaughlin 1969), Flesch and Fry on passages of 100 words. Vale's
readability rules, the linter publishers already run, score the whole document only. A list of
site names or of conditions "as listed by the registrant" is not prose: graded, its names and
medical terms make a "grade 14" no rewrite of the page could fix, while the page grade (which
scores every sentence, lists too), the long-sentence rule and the jargon rule still judge the
same words. So a section's grade counts the sentences of its paragraphs, not its list items,
table cells or headings, and needs at least ``Profile.section_grade_words`` words of them
(default 100, the smallest sample the formulas' authors used; set it in ``[tool.plainlang]``).
On the 307 pages plainlang writes from ../shared/data this drops the section findings on the
site, condition and criteria lists and keeps those on the prose of "In short" and "What the
study tests" when they run long.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import fields

from plainlang.check.page import Page, Span
from plainlang.readability.counts import Counts, count_row
from plainlang.readability.formulas import FORMULAS

MIN_SENTENCES = 3
# Blocks whose sentences are a section's prose (list items, table cells and headings are not).
PROSE_KINDS = frozenset({"paragraph"})


def _units(page: Page, scope: str) -> Iterator[tuple[Span | None, str, tuple[Span, ...]]]:
    """(where to report, what it is called, its sentences) for the page or each section."""
    if scope == "document":
        yield None, "the page", page.sentences
        return
    by_section: dict[int, list[Span]] = {}
    for sentence in page.sentences:
        if sentence.block.kind != "heading":
            by_section.setdefault(sentence.block.section, []).append(sentence)
    headings = {b.section: b for b in reversed(page.blocks) if b.kind == "heading"}
    body = sum(len(group) for group in by_section.values())
    for index, section in enumerate(page.prose.sections):
        if len(by_section.get(index, ())) == body:
            continue  # the only section with text: its grade is the page's, reported once
        sentences = tuple(s for s in by_section.get(index, ()) if s.block.kind in PROSE_KINDS)
        heading = headings.get(index)
        where = Span(heading, 0, len(heading.text)) if heading else (sentences[0] if sentences else None)
        yield where, f"section '{section.title}'" if section.title else "the opening section", sentences


def sentence_counts(sentence: Span) -> tuple[int, ...]:
    """The readability engine's counts of one sentence (its scored text: no markers, no URLs),
    as a row of Counts' fields."""
    return _row(sentence.scored if sentence.scored is not None else sentence.text)


@functools.lru_cache(maxsize=16384)
def _row(text: str) -> tuple[int, ...]:
    # Remembered by text: generated pages repeat most sentences (stock phrases, disclaimers;
    # 24,157 sentences, 7,674 distinct texts on the pages written from ../shared/data).
    return count_row(text)


_FIELDS = tuple(f.name for f in fields(Counts))
_WORDS = _FIELDS.index("words")


def _counts(page: Page) -> dict[int, tuple[int, ...]]:
    """Counts of every sentence of the page, computed once for every measure and scope."""
    memo = page.memo.get("sentence-counts")
    if not isinstance(memo, dict):
        memo = {id(s): sentence_counts(s) for s in page.sentences}
        page.memo["sentence-counts"] = memo
    return memo


def _totals(page: Page, scope: str) -> list[tuple[Span | None, str, Counts]]:
    """Each unit of ``scope`` with three sentences or more (a section: and enough words of
    prose) and its summed counts; computed once per page and scope, for every formula."""
    key = f"totals-{scope}"
    memo = page.memo.get(key)
    if isinstance(memo, list):
        return memo
    counts = _counts(page)
    totals: list[tuple[Span | None, str, Counts]] = []
    least = page.profile.section_grade_words if scope == "section" else 0
    for where, name, sentences in _units(page, scope):
        if len(sentences) >= MIN_SENTENCES:
            rows = [counts[id(s)] for s in sentences]
            total = Counts(*(sum(column) for column in zip(*rows, strict=True)))
            if total.words >= least:
                totals.append((where, name, total))
    page.memo[key] = totals
    return totals


def _grade(page: Page, scope: str, formula: str, label: str) -> Iterator[tuple[Span | None, str, float]]:
    for where, name, total in _totals(page, scope):
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
            yield sentence, "words in this sentence", float(counts[id(sentence)][_WORDS])
