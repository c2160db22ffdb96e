"""Readability: textstat's seven scores for a document, each section and each sentence.

    >>> from plainlang.readability import score
    >>> result = score("You can join if you are 18 or older. You will visit the clinic once a week.")
    >>> result.document.words, result.document.sentences
    (17, 2)

The text is first cut into sentences fit for registry and Markdown text (:mod:`.segment`); each
word is counted once (:mod:`.counts`); the formulas are textstat's (:mod:`.formulas`), so on
ordinary prose the document scores equal textstat's own; :mod:`.diagnostics` says what makes a
sentence hard.
"""

from plainlang.readability.masking import line_col
from plainlang.readability.results import (
    NOTHING_TO_SCORE,
    SMOG_UNDER_30_SENTENCES,
    UNDER_100_WORDS,
    HardSentence,
    Readability,
    Scores,
    SectionScores,
    SentenceDiagnostics,
    Target,
)
from plainlang.readability.scoring import Unexplained, score
from plainlang.readability.segment import Segment, segment

__all__ = [
    "NOTHING_TO_SCORE",
    "SMOG_UNDER_30_SENTENCES",
    "UNDER_100_WORDS",
    "HardSentence",
    "Readability",
    "Scores",
    "SectionScores",
    "Segment",
    "SentenceDiagnostics",
    "Target",
    "Unexplained",
    "line_col",
    "score",
    "segment",
]
