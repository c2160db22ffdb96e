"""Adapters: a Readability, a Report and a Summary's terms become the values of :mod:`.view`.

Kept apart from the view so that the view can be built (and tested) from any marks, and so
that this is the one place that knows the shapes of the scorer's and the checker's results.
"""

from __future__ import annotations

from collections.abc import Iterable

from plainlang.check import Finding, Report
from plainlang.display.view import (
    FindingView,
    HardView,
    ReadabilityView,
    ScorePanel,
    ScoreRow,
    SectionGrade,
    SentenceKey,
    SentenceMarks,
    band,
    sentence_view,
)
from plainlang.readability import (
    NOTHING_TO_SCORE,
    SMOG_UNDER_30_SENTENCES,
    UNDER_100_WORDS,
    Readability,
)

# The grade a sentence is tinted by. Flesch–Kincaid works on one sentence; SMOG does not
# (it counts long words per 30 sentences), so sentence tints always use Flesch–Kincaid.
SENTENCE_GRADE = "flesch_kincaid_grade"

LABELS: dict[str, str] = {
    "smog": "SMOG grade",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "flesch_reading_ease": "Flesch reading ease (higher is easier)",
    "dale_chall": "Dale–Chall score",
    "coleman_liau": "Coleman–Liau grade",
    "ari": "Automated readability index",
    "gunning_fog": "Gunning fog grade",
}

# Reliability flags in our own words, grade 6 or below.
FLAG_NOTES: dict[str, str] = {
    NOTHING_TO_SCORE: "There are no words to score.",
    SMOG_UNDER_30_SENTENCES: "SMOG is made for 30 sentences or more. With fewer, take its grade as a rough guide.",
    UNDER_100_WORDS: "This text has fewer than 100 words. Take every score as a rough guide.",
}


def sentence_marks(readability: Readability) -> dict[SentenceKey, SentenceMarks]:
    """Marks for each model sentence the scorer saw (headings and titles have no key)."""
    marks: dict[SentenceKey, SentenceMarks] = {}
    for d in readability.sentences:
        if d.section_id is None or d.sentence_index is None:
            continue
        marks[(d.section_id, d.sentence_index)] = SentenceMarks(
            grade=getattr(d.scores, SENTENCE_GRADE),
            hard_words=d.hard_words,
            unexplained=d.unexplained_terms,
            long=d.is_long,
        )
    return marks


def section_grades(readability: Readability) -> dict[str, float]:
    return {s.section_id: s.scores.flesch_kincaid_grade for s in readability.sections if s.scores.words}


def score_panel(readability: Readability) -> ScorePanel:
    """Every score of the whole text; the ones with a target say whether it is met."""
    targets = {t.name: t for t in readability.targets}
    scores = readability.document
    rows = []
    for name, label in LABELS.items():
        target = targets.get(name)
        rows.append(
            ScoreRow(
                label,
                float(getattr(scores, name)),
                target.limit if target else None,
                target.met if target else None,
            )
        )
    notes = tuple(FLAG_NOTES.get(flag, flag) for flag in scores.flags)
    return ScorePanel(tuple(rows), scores.words, scores.sentences, notes)


def readability_view(readability: Readability, target: float) -> ReadabilityView:
    """The panel, each section's grade and the hardest sentences with their words marked."""
    sections = tuple(
        SectionGrade(
            s.title,
            s.scores.flesch_kincaid_grade,
            s.scores.words,
            band(s.scores.flesch_kincaid_grade, target),
        )
        for s in readability.sections
        if s.scores.words
    )
    hardest = []
    for hard in readability.hardest:
        d = readability.sentences[hard.index]
        marks = SentenceMarks(hard.grade, d.hard_words, d.unexplained_terms, d.is_long)
        hardest.append(
            HardView(sentence_view(hard.text, marks=marks, target=target), hard.grade, hard.reasons)
        )
    return ReadabilityView(score_panel(readability), sections, tuple(hardest))


def finding_views(findings: Iterable[Finding]) -> tuple[FindingView, ...]:
    return tuple(
        FindingView(f"{f.file}:{f.line}:{f.column}", f.severity, f.rule_id, f.message) for f in findings
    )


def report_counts(report: Report) -> str:
    return ", ".join(f"{n} {severity}" for severity, n in report.counts().items() if n)


__all__ = [
    "FLAG_NOTES",
    "LABELS",
    "finding_views",
    "readability_view",
    "report_counts",
    "score_panel",
    "section_grades",
    "sentence_marks",
]
