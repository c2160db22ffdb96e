"""What ``plainlang.score`` returns: frozen values, ready for JSON through ``as_dict``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from plainlang.readability import formulas
from plainlang.readability.counts import Counts

# Reliability flags. A formula still gives a number for a short text, but the number means
# little: SMOG was built on samples of 30 sentences, and every formula needs about 100 words.
NOTHING_TO_SCORE = "nothing-to-score"
SMOG_UNDER_30_SENTENCES = "smog-under-30-sentences"
UNDER_100_WORDS = "under-100-words"


@dataclass(frozen=True)
class Scores:
    """The seven scores of some text, the counts behind them, and what makes them unreliable.

    Grades (all but ``flesch_reading_ease``) are US school grades; reading ease runs from about
    0 (very hard) to 100 (very easy). A text with no words has every score 0.0 and the flag
    ``nothing-to-score``.
    """

    smog: float
    flesch_kincaid_grade: float
    flesch_reading_ease: float
    dale_chall: float
    coleman_liau: float
    ari: float
    gunning_fog: float
    words: int
    sentences: int
    syllables: int
    flags: tuple[str, ...] = ()

    @classmethod
    def of(cls, counts: Counts) -> Scores:
        # Positional, in field order (FORMULAS lists the scores in this class's order): one
        # Scores per sentence scored, so no dict of keyword arguments is built each time.
        smog, fkgl, fre, dale_chall, coleman_liau, ari, fog = [formula(counts) for formula in _FORMULAS]
        return cls(
            smog,
            fkgl,
            fre,
            dale_chall,
            coleman_liau,
            ari,
            fog,
            counts.words,
            counts.sentences,
            counts.syllables,
            flags(counts),
        )

    @property
    def reliable(self) -> bool:
        return not self.flags


_FORMULAS = tuple(formulas.FORMULAS.values())
if tuple(formulas.FORMULAS) != tuple(f.name for f in dataclasses.fields(Scores))[: len(_FORMULAS)]:
    raise AssertionError("formulas.FORMULAS must list the scores in the order of Scores' fields")


def flags(counts: Counts) -> tuple[str, ...]:
    if counts.words == 0:
        return (NOTHING_TO_SCORE,)
    found = []
    if counts.sentences < 30:
        found.append(SMOG_UNDER_30_SENTENCES)
    if counts.words < 100:
        found.append(UNDER_100_WORDS)
    return tuple(found)


@dataclass(frozen=True)
class SentenceDiagnostics:
    """One sentence: where it is, its scores, and what makes it hard to read.

    ``start``/``end`` are offsets into :attr:`Readability.text`. ``sentence_index`` is, for a
    Document, the index of the model sentence in its section (as in ``ExplainedTerm``).
    """

    text: str
    start: int
    end: int
    kind: str  # sentence, heading, item or cell
    section_id: str | None
    sentence_index: int | None
    words: int
    syllables: int
    hard_words: tuple[str, ...]
    is_long: bool
    passive: tuple[str, ...]
    unexplained_terms: tuple[str, ...]
    scores: Scores


@dataclass(frozen=True)
class SectionScores:
    section_id: str
    title: str
    scores: Scores


@dataclass(frozen=True)
class HardSentence:
    """One of the hardest sentences, and why: ``index`` is its place in ``Readability.sentences``."""

    index: int
    text: str
    grade: float  # Flesch–Kincaid grade of the sentence alone
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Target:
    name: str  # a field of Scores: "smog", "flesch_kincaid_grade"
    value: float
    limit: float
    met: bool


@dataclass(frozen=True)
class Readability:
    """Scores for the document, each section and each sentence, checked against targets.

    ``empty`` is true when there was nothing to score (no words): then every score is 0.0,
    there are no sentences, and no target is checked.
    """

    document: Scores
    sections: tuple[SectionScores, ...]
    sentences: tuple[SentenceDiagnostics, ...]
    hardest: tuple[HardSentence, ...]
    targets: tuple[Target, ...]
    textstat_version: str
    empty: bool
    text: str = dataclasses.field(default="", repr=False)  # what the offsets point into

    @property
    def targets_met(self) -> bool:
        return all(target.met for target in self.targets)

    def _repr_html_(self) -> str:
        """Jupyter's rich display: scores against targets, section grades, hardest sentences."""
        from plainlang.display.show import readability_html  # lazy: keeps `import plainlang` light

        return readability_html(self)

    def as_dict(self) -> dict[str, Any]:
        """Everything but ``text``, as JSON-ready dicts and lists."""
        data = dataclasses.asdict(self)
        del data["text"]
        data["targets_met"] = self.targets_met
        return data
