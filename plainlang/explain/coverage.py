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


# Words ending in -er or -est that are not comparatives of a listed word ("meter" is not
# "more met"): the Dale–Chall rules count -er/-est as familiar only on comparatives, and a
# suffix strip cannot tell, so the non-comparatives met on the pages are named here.
NOT_COMPARATIVES = frozenset(
    {
        "carer",
        "digest",
        "fiber",
        "hinder",
        "killer",
        "layer",
        "liter",
        "marker",
        "mater",
        "meter",
        "payer",
        "tracer",
        "user",
    }
)

# Plural -es follows these endings (boxes, dishes, tomatoes); elsewhere the plural is -s.
_ES_STEMS = ("s", "x", "z", "ch", "sh", "o")


def base_forms(word: str) -> Iterator[str]:
    """The word and the listed words it may be a regular inflection of.

    Chall and Dale (1995) count as familiar the regular inflections of a listed word, and
    nothing else: plurals and third-person -s (-s, -es, -ies), the possessive -'s, the past
    -ed/-d/-ied, the progressive -ing, and comparatives -er/-est (-ier/-iest). Spelling changes
    that go with them are followed: a dropped final e (larger → large, using → use), a doubled
    last consonant (planned → plan, bigger → big). Derivations (-ly, -ment, -ness, -tion) are
    not inflections: "treatment" is hard though "treat" is easy.
    """
    w = word.lower().strip("'’-")
    yield w
    if w.endswith(("'s", "’s")) and len(w) > 3:
        yield w[:-2]
    comparative = w not in NOT_COMPARATIVES
    for suffix in ("ed", "ing", "er", "est"):
        stem = w[: -len(suffix)]
        if suffix in ("er", "est") and not comparative:
            continue
        if w.endswith(suffix) and len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiousl":
            yield stem[:-1]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ier", "y"),  # earlier → early
        ("iest", "y"),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),  # -d on a word ending in e: agreed → agree, caused → cause
        ("ing", ""),
        ("ing", "e"),
        ("er", ""),
        ("er", "e"),  # larger → large
        ("est", ""),
        ("est", "e"),
    ):
        if suffix in ("ier", "iest", "er", "est") and not comparative:
            continue
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            yield w[: -len(suffix)] + repl
    if w.endswith("es") and w[:-2].endswith(_ES_STEMS) and len(w) > 4:
        yield w[:-2]


def is_easy(word: str, easy: frozenset[str]) -> bool:
    """On the Dale–Chall list, or a regular inflection of a listed word (see ``base_forms``).

    A hyphenated compound is read as its parts ("long-term": easy when each part is). A word
    in capitals is an abbreviation or shouting: only its exact letters are looked up, as an
    abbreviation is not inflected ("AIDS" is not the plural of "aid", "HAMD" not "ham" + d).
    """
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        return all(is_easy(p, easy) for p in parts)
    if len(word) > 1 and word.isupper():
        return word.lower() in easy
    return any(form in easy for form in base_forms(word))


def glossary_abbreviations(glossary: Glossary) -> frozenset[str]:
    """Every abbreviation the glossary's packs define, as written ("AML", "ALL")."""
    return frozenset(a for pack in glossary.packs for term in pack.terms for a in term.abbreviations)


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
    abbreviations = glossary_abbreviations(glossary)
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
            if len(word) < 2 or _is_name_or_code(word, start):
                continue
            if word not in abbreviations and is_easy(word, easy):
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
