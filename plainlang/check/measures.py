"""Measures for metric rules: grade levels per page and section, words per sentence.

Headings and list items are sentences of their own (registry text breaks scoring otherwise), so
each sentence span is scored as a sentence even when it has no full stop. A page or section with
fewer than three sentences gets no grade: SMOG is undefined there and a grade from a line or two
says nothing a publisher could act on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plainlang._textstat import textstat
from plainlang.check.page import Page, Span

WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)*")
CITATION_MARK = re.compile(r"\[\d[\d,\s–-]*\]")
MIN_SENTENCES = 3


def word_count(text: str) -> int:
    return len(WORD.findall(CITATION_MARK.sub(" ", text)))


def _as_text(sentences: tuple[Span, ...]) -> str:
    parts = []
    for sentence in sentences:
        text = CITATION_MARK.sub("", sentence.text).strip()
        parts.append(text if text.endswith((".", "!", "?")) else text + ".")
    return " ".join(parts)


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


# FALLBACK(readability): grades straight from textstat until plainlang.readability.score is on main.
def _grade(page: Page, scope: str, formula: str, label: str) -> Iterator[tuple[Span | None, str, float]]:
    stats = textstat()
    stats.set_lang(page.profile.language)
    for where, name, sentences in _units(page, scope):
        if len(sentences) < MIN_SENTENCES:
            continue
        yield where, f"{label} of {name}", float(getattr(stats, formula)(_as_text(sentences)))


def smog(page: Page, scope: str) -> Iterator[tuple[Span | None, str, float]]:
    return _grade(page, scope, "smog_index", "SMOG grade")


def flesch_kincaid_grade(page: Page, scope: str) -> Iterator[tuple[Span | None, str, float]]:
    return _grade(page, scope, "flesch_kincaid_grade", "Flesch-Kincaid grade")


def words(page: Page, scope: str) -> Iterator[tuple[Span | None, str, float]]:
    """Words per sentence (scope ``sentence``); citation markers are not words."""
    if scope != "sentence":
        return
    for sentence in page.sentences:
        if sentence.block.kind != "heading":
            yield sentence, "words in this sentence", float(word_count(sentence.text))
