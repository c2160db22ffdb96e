"""How much of a text's hard vocabulary the glossary explains.

A *hard word* is a word occurrence whose base form is not on the Dale–Chall list of 3,000 easy
words, and is not a number, an identifier or a name. It is *covered* when it falls inside a
glossary match (so explaining the match explains it). The report lists the hard words found,
the share covered, and the most frequent uncovered ones: the glossary's to-do list.

Records are read straight from their JSON (ClinicalTrials.gov API v2 and the classic API):
brief summary, detailed description, eligibility criteria and outcome texts.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plainlang.explain.glossary import Glossary
from plainlang.explain.spans import SpanSet, protected_spans

# One Dale–Chall list for the project: readability loads it (and caches it on disk).

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


def base_forms(word: str) -> Iterator[str]:
    """The word and what a simple inflection strip leaves: years → year, studied → study.

    The endings are the ones the Dale–Chall rules count as familiar on an easy word: plurals
    and possessives, -ed, -ing, -er, -est, -ly; a doubled last consonant goes with them
    (planned → plan, bigger → big).
    """
    w = word.lower().strip("'’-")
    yield w
    for suffix in ("ed", "ing", "er", "est"):
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiousl":
            yield stem[:-1]
    for suffix, repl in (
        ("'s", ""),
        ("’s", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("ier", "y"),  # earlier → early
        ("iest", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("er", ""),
        ("er", "e"),  # larger → large
        ("est", ""),
        ("est", "e"),
        ("ly", ""),
        ("d", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            yield w[: -len(suffix)] + repl


def is_easy(word: str, easy: frozenset[str]) -> bool:
    if "-" in word:  # "long-term": easy when every part is
        parts = [p for p in word.split("-") if p]
        return all(is_easy(p, easy) for p in parts)
    return any(form in easy for form in base_forms(word))


def _is_name_or_code(word: str, at_sentence_start: bool) -> bool:
    """Capitalized mid-sentence words are names; all-caps words are codes or abbreviations."""
    if len(word) > 1 and word.isupper():
        return False  # abbreviations are hard words (a reader must be told what AML is)
    return word[:1].isupper() and not at_sentence_start


def _touches_digit(text: str, start: int, end: int) -> bool:
    """Part of a code like AZD1234 or CD20: an identifier, not a word."""
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


@dataclass(frozen=True)
class CoverageReport:
    hard: Counter[str]
    covered: Counter[str]
    texts: int

    @property
    def hard_total(self) -> int:
        return sum(self.hard.values())

    @property
    def covered_total(self) -> int:
        return sum(self.covered.values())

    @property
    def share(self) -> float:
        return self.covered_total / self.hard_total if self.hard_total else 1.0

    def uncovered(self) -> Counter[str]:
        return self.hard - self.covered


def measure(texts: Iterable[str], glossary: Glossary, easy: frozenset[str]) -> CoverageReport:
    hard: Counter[str] = Counter()
    covered: Counter[str] = Counter()
    count = 0
    for text in texts:
        count += 1
        guard = SpanSet(protected_spans(text))
        matches = glossary.matcher.find(text, guard)
        inside = SpanSet((m.start, m.end) for m in matches)
        for m in _WORD.finditer(text):
            word = m.group()
            if guard.overlaps(m.start(), m.end()) or _touches_digit(text, m.start(), m.end()):
                continue
            before = text[: m.start()].rstrip()
            start = not before or before[-1] in '.!?:;\n•*-("' or before.endswith("\\")
            # single letters are initials or pieces of "e.g.", not words a reader must learn
            if len(word) < 2 or _is_name_or_code(word, start) or is_easy(word, easy):
                continue
            key = word if word.isupper() and len(word) > 1 else word.lower()
            hard[key] += 1
            if inside.overlaps(m.start(), m.end()):
                covered[key] += 1
    return CoverageReport(hard, covered, count)


# --- texts of registry records -----------------------------------------------------------------

_V2_PATHS = (
    ("descriptionModule", "briefSummary"),
    ("descriptionModule", "detailedDescription"),
    ("eligibilityModule", "eligibilityCriteria"),
)
_CLASSIC_PATHS = (
    ("DescriptionModule", "BriefSummary"),
    ("DescriptionModule", "DetailedDescription"),
    ("EligibilityModule", "EligibilityCriteria"),
)


def _get(data: Any, keys: Iterable[str]) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _outcome_texts(outcomes: Any, measure_key: str, description_key: str) -> Iterator[str]:
    for outcome in outcomes if isinstance(outcomes, list) else []:
        for key in (measure_key, description_key):
            value = outcome.get(key) if isinstance(outcome, dict) else None
            if isinstance(value, str) and value.strip():
                yield value


def record_texts(data: Any) -> Iterator[str]:
    """The patient-facing free texts of a ClinicalTrials.gov record (API v2 or classic)."""
    if isinstance(data, dict) and "protocolSection" in data:
        protocol = data["protocolSection"]
        paths, outcomes_module, kinds, m_key, d_key = (
            _V2_PATHS,
            "outcomesModule",
            ("primaryOutcomes", "secondaryOutcomes", "otherOutcomes"),
            "measure",
            "description",
        )
    else:
        protocol = _get(data, ("FullStudy", "Study", "ProtocolSection")) or _get(data, ("ProtocolSection",))
        paths, outcomes_module, kinds, m_key, d_key = (
            _CLASSIC_PATHS,
            "OutcomesModule",
            ("PrimaryOutcomeList", "SecondaryOutcomeList", "OtherOutcomeList"),
            "",
            "",
        )
    if not isinstance(protocol, dict):
        return
    for path in paths:
        value = _get(protocol, path)
        if isinstance(value, str) and value.strip():
            yield value
    module = protocol.get(outcomes_module)
    for kind in kinds:
        if m_key:
            yield from _outcome_texts(_get(module, (kind,)), m_key, d_key)
        else:  # classic: PrimaryOutcomeList.PrimaryOutcome[].PrimaryOutcomeMeasure
            singular = kind.removesuffix("List")
            yield from _outcome_texts(
                _get(module, (kind, singular)), singular + "Measure", singular + "Description"
            )


def path_texts(path: Path) -> Iterator[str]:
    """Texts of a record file (.json), a text file (.txt, .md), or every such file in a directory."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in (".json", ".txt", ".md"):
                yield from path_texts(child)
        return
    if path.suffix.lower() == ".json":
        yield from record_texts(json.loads(path.read_text("utf-8")))
    else:
        yield path.read_text("utf-8")
