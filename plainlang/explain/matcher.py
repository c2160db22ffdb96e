"""Finding glossary terms in text with spaCy, without any downloaded model.

``spacy.blank("en")`` gives the English tokenizer. Two ``PhraseMatcher`` tables are built once
per glossary: one on lower case for terms and aliases (with the inflected and US/UK variants
from ``variants``), one on the exact text for abbreviations, so "ALL" the leukemia matches and
"all" does not, and "AML" only ever matches a whole token.

Overlaps resolve to the longest match ("event-free survival" over "survival"), then to forms
written in a pack over generated variants, then to the earlier term. Matches that cut into a
protected span (URL, e-mail, id, number, code, quotation) are dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from plainlang.explain.packs import Term
from plainlang.explain.spans import SpanSet, protected_spans
from plainlang.explain.variants import phrase_variants


@dataclass(frozen=True)
class TermMatch:
    """One place a glossary term occurs: ``text[start:end] == surface``."""

    term: str  # the glossary entry's main form
    start: int
    end: int
    surface: str
    is_abbreviation: bool


@functools.cache
def blank_english() -> Any:
    """The spaCy blank English pipeline (tokenizer only), made once: it takes ~0.1 s."""
    import spacy

    return spacy.blank("en")


@dataclass(frozen=True)
class _Candidate:
    term_index: int
    start: int  # token offsets
    end: int
    written: bool  # a form written in the pack, not a generated variant
    abbreviation: bool


_CAPS_WORD = re.compile(r"^[A-Z][A-Z-]+$")


class CompiledMatcher:
    """The phrase tables for a list of terms, and the search over a text."""

    def __init__(self, terms: Sequence[Term]) -> None:
        from spacy.matcher import PhraseMatcher

        self.terms = tuple(terms)
        nlp = blank_english()
        self._tokenizer = nlp.tokenizer
        self._words = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._abbreviations = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._abbreviation_set = frozenset(a for t in terms for a in t.abbreviations)
        strings = nlp.vocab.strings
        # Written forms claim their text first, so a generated variant never takes a real
        # form of another term away; within a kind the earlier term wins.
        claimed: dict[str, tuple[int, bool]] = {}
        for index, term in enumerate(self.terms):
            for form in term.forms:
                claimed.setdefault(form.lower().strip(), (index, True))
        for index, term in enumerate(self.terms):
            for form in term.forms:
                for variant in phrase_variants(form):
                    claimed.setdefault(variant, (index, False))
        by_key: dict[str, list[str]] = {}
        for text, (index, written) in claimed.items():
            by_key.setdefault(f"{index}:{int(written)}", []).append(text)
        self._keys: dict[int, tuple[int, bool]] = {}
        for key, texts in by_key.items():
            index_text, written_text = key.split(":")
            self._keys[strings.add("plainlang-w" + key)] = (int(index_text), written_text == "1")
            self._words.add("plainlang-w" + key, self._word_patterns(texts))
        for index, term in enumerate(self.terms):
            if term.abbreviations:
                key = f"plainlang-a{index}"
                self._keys[strings.add(key)] = (index, True)
                self._abbreviations.add(key, list(self._tokenizer.pipe(term.abbreviations)))

    def _word_patterns(self, texts: list[str]) -> list[Any]:
        """Lower-case pattern Docs, tokenized as the text would be in capitals too.

        The tokenizer's exceptions depend on case: "itd" splits like "it'd" into "it", "d", but
        "ITD" stays one token. Patterns are made from the capitalized spelling as well, so
        "FLT3 ITD" matches however the text writes it.
        """
        patterns: list[Any] = []
        seen: set[tuple[str, ...]] = set()
        lower_docs = self._tokenizer.pipe(texts)
        upper_docs = self._tokenizer.pipe([text.upper() for text in texts])
        for lower, upper in zip(lower_docs, upper_docs, strict=True):
            for doc in (lower, upper):  # LOWER matching: the capitalized Doc serves as is
                words = tuple(token.lower_ for token in doc)
                if words and words not in seen:
                    seen.add(words)
                    patterns.append(doc)
        return patterns

    def _candidates(self, doc: Any) -> list[_Candidate]:
        found = []
        for key, start, end in self._words(doc):
            index, written = self._keys[key]
            found.append(_Candidate(index, start, end, written, False))
        for key, start, end in self._abbreviations(doc):
            index, _ = self._keys[key]
            if not self._in_capitals(doc, start, end):
                found.append(_Candidate(index, start, end, True, True))
        return found

    def _in_capitals(self, doc: Any, start: int, end: int) -> bool:
        """True when the abbreviation sits in a run of capitals ("ALL PATIENTS MUST ...").

        Text in capitals uses "ALL" as a word, so an abbreviation there proves nothing.
        """
        neighbours = [
            doc[i].text
            for i in (*range(max(start - 3, 0), start), *range(end, min(end + 3, len(doc))))
            if doc[i].is_alpha and len(doc[i].text) > 1
        ]
        shouting = [w for w in neighbours if _CAPS_WORD.match(w) and w not in self._abbreviation_set]
        return len(shouting) >= 2

    def find(self, text: str, protected: SpanSet | None = None) -> tuple[TermMatch, ...]:
        """Every non-overlapping term occurrence in ``text``, in order."""
        if not text:
            return ()
        doc = self._tokenizer(text)
        candidates = self._candidates(doc)
        if not candidates:
            return ()
        guard = protected if protected is not None else SpanSet(protected_spans(text))
        # longest first, then written forms, then the earlier term; then keep what fits
        candidates.sort(key=lambda c: (-(c.end - c.start), not c.written, c.term_index, c.start))
        taken = [False] * len(doc)
        chosen: list[TermMatch] = []
        for c in candidates:
            if any(taken[c.start : c.end]):
                continue
            start_char = doc[c.start].idx
            end_char = doc[c.end - 1].idx + len(doc[c.end - 1].text)
            if guard and guard.crosses(start_char, end_char):
                continue
            for i in range(c.start, c.end):
                taken[i] = True
            chosen.append(
                TermMatch(
                    self.terms[c.term_index].term,
                    start_char,
                    end_char,
                    text[start_char:end_char],
                    c.abbreviation,
                )
            )
        chosen.sort(key=lambda m: m.start)
        return tuple(chosen)
