"""How much of a generated trial page's hard vocabulary is explained or replaced.

The measure the glossary is held to (issue 3): over the pages ``plainlang.summarize`` writes, of
all hard word occurrences, what share a reader gets help with. A *hard word* is a word not on
the Dale–Chall easy list nor a regular inflection of a listed word (the Chall and Dale rules:
-s/-es/-ies, -'s, -ed/-d/-ied, -ing, -er/-est; see ``coverage.base_forms``), and not a name, a
number (Roman numerals too), an identifier or a unit. It is *covered* when

- it lies inside a glossary term that the page explains (its first use, or a later use of a
  term explained earlier on the page), where the page's own defining sentence ("Phase 1 is an
  early test ...") explains a term as well as one the explain stage adds, or
- the composer replaced it with a plain word (the plain-words table): such a word is no longer
  on the page, so the caller counts the replacements (``replaced``) and they are added to both
  the hard and the covered totals.

Names are what the composer marks in ``Sentence.keep`` (interventions, sites, conditions as
listed); the measure reads the page's body blocks, not headings or the contents list, which
are our fixed wording or the record's title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from plainlang.explain.coverage import glossary_abbreviations, is_easy
from plainlang.explain.glossary import Glossary
from plainlang.explain.matcher import TermMatch
from plainlang.explain.spans import SpanSet, protected_spans
from plainlang.explain.usage import is_defining
from plainlang.model import Sentence, Summary

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# Roman numerals ("stage III", "phase II") are numbers, not words a reader must learn.
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_BODY_KINDS = frozenset({"paragraph", "item", "note", "definition"})

# Units and their symbols: measurement, not vocabulary (the number beside them is the fact).
UNITS = frozenset(
    [
        "mg",
        "mcg",
        "µg",
        "ug",
        "ng",
        "pg",
        "kg",
        "g",
        "ml",
        "mL",
        "dl",
        "dL",
        "l",
        "L",
        "mmol",
        "µmol",
        "umol",
        "nmol",
        "mol",
        "mEq",
        "meq",
        "iu",
        "IU",
        "mm",
        "cm",
        "m",
        "km",
        "mmHg",
        "hr",
        "hrs",
        "h",
        "min",
        "sec",
        "msec",
        "ms",
        "wk",
        "wks",
        "mo",
        "mos",
        "yr",
        "yrs",
        "bpm",
        "kcal",
        "cc",
        "gy",
        "Gy",
        "cGy",
        "gm",
        "lb",
        "lbs",
        "Hz",
        "hz",
        "uL",
        "µL",
    ]
)


@dataclass(frozen=True)
class PageCoverage:
    """Hard word counts (by lower-case word; abbreviations as written) over some pages."""

    hard: Counter[str] = field(default_factory=Counter)
    covered: Counter[str] = field(default_factory=Counter)
    replaced: Counter[str] = field(default_factory=Counter)
    pages: int = 0

    @property
    def hard_total(self) -> int:
        return sum(self.hard.values()) + sum(self.replaced.values())

    @property
    def covered_total(self) -> int:
        return sum(self.covered.values()) + sum(self.replaced.values())

    @property
    def share(self) -> float:
        """Covered (explained or replaced) hard words over all hard words, replaced ones included."""
        return self.covered_total / self.hard_total if self.hard_total else 1.0

    @property
    def share_on_page(self) -> float:
        """Explained over the hard words left on the pages (replacements not credited)."""
        on_page = sum(self.hard.values())
        return sum(self.covered.values()) / on_page if on_page else 1.0

    def uncovered(self) -> Counter[str]:
        return self.hard - self.covered

    def __add__(self, other: PageCoverage) -> PageCoverage:
        return PageCoverage(
            self.hard + other.hard,
            self.covered + other.covered,
            self.replaced + other.replaced,
            self.pages + other.pages,
        )


def word_key(word: str) -> str:
    """Abbreviations keep their capitals ("AML"); other words are counted in lower case."""
    return word if len(word) > 1 and word.isupper() else word.lower()


def hard_words(
    text: str,
    easy: frozenset[str],
    skip: Iterable[tuple[int, int]] = (),
    abbreviations: frozenset[str] = frozenset(),
) -> Iterator[tuple[int, int, str]]:
    """``(start, end, word)`` of each hard word in one sentence, outside ``skip`` spans.

    Skipped: protected text (numbers, ids, URLs), words touching a digit (codes like CD20), Roman
    numerals (numbers: "stage III"; unless the glossary knows one as an abbreviation, "IV"),
    single letters, units, capitalized words after the sentence's first word (names), and easy
    words. Abbreviations in capitals are hard: a reader must be told what AML is, and one in
    ``abbreviations`` (the glossary's) is hard even when its letters spell an easy word ("ALL",
    "ART", "WHO").
    """
    guard = SpanSet([*protected_spans(text), *skip])
    first = True
    for m in _WORD.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        at_start, first = first, False
        if guard.overlaps(start, end) or _touches_digit(text, start, end):
            continue
        if len(word) < 2 or word in UNITS:
            continue
        if _ROMAN.fullmatch(word) and word not in abbreviations:
            continue
        if not word.isupper() and word[:1].isupper() and not at_start and not _after_stop(text, start):
            continue
        if word not in abbreviations and is_easy(word, easy):
            continue
        yield start, end, word


def _touches_digit(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


def _after_stop(text: str, start: int) -> bool:
    """A capital after a colon, a bracket or a list mark starts a phrase, not a name."""
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:;\n•*-(\"'"


def _kept(sentence: Sentence) -> list[tuple[int, int]]:
    spans = []
    for phrase in sentence.keep:
        at = sentence.text.find(phrase) if phrase else -1
        while at >= 0:
            spans.append((at, at + len(phrase)))
            at = sentence.text.find(phrase, at + len(phrase))
    return spans


def _glossary_text(text: str, wording: Iterable[str]) -> list[tuple[int, int]]:
    """Where the explain stage's own wording (definitions, explanation sentences) stands."""
    spans = []
    for piece in wording:
        at = text.find(piece) if piece else -1
        while at >= 0:
            spans.append((at, at + len(piece)))
            at = text.find(piece, at + len(piece))
    return spans


def measure_page(summary: Summary, glossary: Glossary, easy: frozenset[str]) -> PageCoverage:
    """Hard words of one generated page, and which of them the page explains.

    The definitions and explanation sentences the explain stage adds are not counted: they
    are the explaining, written at grade 6 and held to it by the glossary linter (G006).
    """
    # each body sentence with its glossary matches, found once for both uses below
    found = [(sentence, glossary.matcher.find(sentence.text)) for sentence in _body_sentences(summary)]
    explained = {term.term for term in summary.explained} | _defined_terms(found)
    inserted: list[str] = []
    for name in explained:
        entry = glossary.get(name)
        if entry is not None:
            inserted.append(entry.definition.strip())
            inserted.extend(entry.explanation.strip() for _ in (0,) if entry.explanation)
            inserted.append(f"means {entry.definition.strip()}")
    abbreviations = glossary_abbreviations(glossary)
    hard: Counter[str] = Counter()
    covered: Counter[str] = Counter()
    for sentence, matches in found:
        text = sentence.text
        kept = _kept(sentence) + _glossary_text(text, inserted)
        inside = SpanSet((m.start, m.end) for m in matches if m.term in explained)
        for start, end, word in hard_words(text, easy, kept, abbreviations):
            key = word_key(word)
            hard[key] += 1
            if inside.overlaps(start, end):
                covered[key] += 1
    return PageCoverage(hard, covered, Counter(), 1)


def _body_sentences(summary: Summary) -> Iterator[Sentence]:
    """The sentences of the page's body blocks: not headings, contents or Words to know."""
    for section in summary.document.sections:
        for block in section.blocks:
            if block.kind in _BODY_KINDS and block.kind != "definition":
                yield from block.sentences


def _defined_terms(found: Iterable[tuple[Sentence, Iterable[TermMatch]]]) -> set[str]:
    """Glossary terms the page defines in a sentence of its own: "Phase 1 is an early test in a
    small group of people." The explain stage leaves such a use alone (it is explained already,
    as ``plainlang check`` also judges), so it is not in ``summary.explained``; the reader is
    told what the term means all the same."""
    return {m.term for sentence, matches in found for m in matches if is_defining(sentence.text, m)}


def replaced_hard_words(phrases: Iterable[str], easy: frozenset[str]) -> Counter[str]:
    """Hard words inside the registry phrases the composer swapped for plain words."""
    found: Counter[str] = Counter()
    for phrase in phrases:
        for m in _WORD.finditer(phrase):
            word = m.group()
            if len(word) >= 2 and not is_easy(word, easy):
                found[word_key(word)] += 1
    return found
