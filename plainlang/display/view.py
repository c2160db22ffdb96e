"""The annotated view of a summary, as plain values a template can write.

``summary_view`` walks the Document once and returns frozen values: each sentence cut into
marked pieces (see :mod:`.marks`) and tinted by its grade, each section with its grade, the
score panel and the findings. Nothing here knows HTML; the templates in ``templates/`` do,
with autoescaping on, so record text can never become markup.

What a sentence is marked with comes in as ``SentenceMarks`` keyed by (section id, sentence
index), the same key ``ExplainedTerm`` uses, so this module needs no scorer: the adapters in
:mod:`.sources` turn a Readability and a Report into these values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from plainlang.display.marks import Mark, Piece, pieces, term_marks, word_marks
from plainlang.model import Block, Document, Reference, Section, Summary

Band = Literal["easy", "ok", "hard", "very-hard", "none"]
SentenceKey = tuple[str, int]  # (section id, index of the sentence within its section)

# Notes shown on hover. Our own words, grade 6 or below.
HARD_NOTE = "A long word. Is there a short one?"
UNEXPLAINED_NOTE = "This word is not explained yet. Add what it means."
_HTTP = ("https://", "http://")
# Sections whose text is our own definitions: marking hard words in a definition list helps no one.
_UNMARKED_KINDS = frozenset({"definition", "nav"})


@dataclass(frozen=True)
class SentenceMarks:
    """What the scorer says about one sentence: its grade and the words to flag."""

    grade: float | None = None
    hard_words: tuple[str, ...] = ()
    unexplained: tuple[str, ...] = ()
    long: bool = False


@dataclass(frozen=True)
class SentenceView:
    pieces: tuple[Piece, ...]
    citations: tuple[int, ...]
    grade: float | None
    band: Band
    long: bool = False

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True)
class BlockView:
    kind: str
    label: str
    sentences: tuple[SentenceView, ...]


@dataclass(frozen=True)
class SectionView:
    id: str
    title: str
    intro: str
    blocks: tuple[BlockView, ...]
    grade: float | None = None
    band: Band = "none"


@dataclass(frozen=True)
class ScoreRow:
    """One line of the score panel; ``limit`` and ``met`` only for scores with a target."""

    label: str
    value: float
    limit: float | None = None
    met: bool | None = None


@dataclass(frozen=True)
class FindingView:
    where: str  # file:line:col
    severity: str
    rule_id: str
    message: str


@dataclass(frozen=True)
class ScorePanel:
    rows: tuple[ScoreRow, ...] = ()
    words: int = 0
    sentences: int = 0
    notes: tuple[str, ...] = ()  # reliability flags in plain words

    @property
    def targets_met(self) -> bool:
        return all(row.met is not False for row in self.rows)


@dataclass(frozen=True)
class SummaryView:
    title: str
    language: str
    sections: tuple[SectionView, ...]
    references: tuple[Reference, ...]
    panel: ScorePanel
    findings: tuple[FindingView, ...]
    target: float
    explained: int  # how many terms carry a definition on hover


@dataclass(frozen=True)
class SectionGrade:
    title: str
    grade: float
    words: int
    band: Band


@dataclass(frozen=True)
class HardView:
    """One of the hardest sentences, marked, with its grade and what makes it hard."""

    sentence: SentenceView
    grade: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ReadabilityView:
    panel: ScorePanel
    sections: tuple[SectionGrade, ...]
    hardest: tuple[HardView, ...]


def band(grade: float | None, target: float) -> Band:
    """How a grade compares with the target: the tint of a sentence or a section."""
    if grade is None:
        return "none"
    if grade <= target - 2:
        return "easy"
    if grade <= target:
        return "ok"
    if grade <= target + 4:
        return "hard"
    return "very-hard"


def safe_url(url: str) -> str | None:
    """The URL if it is http(s), else None: a record must not put ``javascript:`` in a link."""
    stripped = url.strip()
    return stripped if stripped.lower().startswith(_HTTP) else None


def sentence_view(
    text: str,
    citations: tuple[int, ...] = (),
    terms: Sequence[tuple[str, str]] = (),
    marks: SentenceMarks | None = None,
    target: float = 8.0,
    mark_words: bool = True,
) -> SentenceView:
    """One sentence cut into marked pieces, tinted by its grade against ``target``."""
    found: list[Mark] = term_marks(text, terms)
    if marks is not None and mark_words:
        found += word_marks(text, marks.unexplained, "unexplained", UNEXPLAINED_NOTE)
        found += word_marks(text, marks.hard_words, "hard", HARD_NOTE)
    grade = marks.grade if marks is not None else None
    return SentenceView(
        pieces(text, found), citations, grade, band(grade, target), bool(marks and marks.long)
    )


def _section_view(
    section: Section,
    terms: Mapping[SentenceKey, list[tuple[str, str]]],
    marks: Mapping[SentenceKey, SentenceMarks],
    grade: float | None,
    target: float,
) -> SectionView:
    blocks: list[BlockView] = []
    index = 0
    for block in section.blocks:
        sentences = []
        for sentence in block.sentences:
            key = (section.id, index)
            sentences.append(
                sentence_view(
                    sentence.text,
                    sentence.citations,
                    terms.get(key, ()),
                    marks.get(key),
                    target,
                    block.kind not in _UNMARKED_KINDS,
                )
            )
            index += 1
        blocks.append(_block_view(block, tuple(sentences)))
    return SectionView(section.id, section.title, section.intro, tuple(blocks), grade, band(grade, target))


def _block_view(block: Block, sentences: tuple[SentenceView, ...]) -> BlockView:
    return BlockView(block.kind, block.label, sentences)


def summary_view(
    summary: Summary | Document,
    marks: Mapping[SentenceKey, SentenceMarks] | None = None,
    *,
    section_grades: Mapping[str, float] | None = None,
    panel: ScorePanel | None = None,
    findings: Sequence[FindingView] = (),
    target: float = 8.0,
) -> SummaryView:
    """The annotated view of a summary; every argument but the summary is optional."""
    document = summary.document if isinstance(summary, Summary) else summary
    explained = summary.explained if isinstance(summary, Summary) else ()
    terms: dict[SentenceKey, list[tuple[str, str]]] = {}
    for term in explained:
        terms.setdefault((term.section_id, term.sentence_index), []).append((term.surface, term.definition))
    marks = marks or {}
    grades = section_grades or {}
    return SummaryView(
        title=document.title,
        language=document.language or "en",
        sections=tuple(
            _section_view(section, terms, marks, grades.get(section.id), target)
            for section in document.sections
        ),
        references=document.references,
        panel=panel or ScorePanel(),
        findings=tuple(findings),
        target=target,
        explained=len(explained),
    )


__all__ = [
    "Band",
    "BlockView",
    "FindingView",
    "HardView",
    "ReadabilityView",
    "ScorePanel",
    "ScoreRow",
    "SectionGrade",
    "SectionView",
    "SentenceMarks",
    "SentenceView",
    "SummaryView",
    "band",
    "safe_url",
    "sentence_view",
    "summary_view",
]
