"""``score``: a text or a Document in, a :class:`Readability` out.

Both inputs become one *layout*: a text, its sentences as spans of that text, and its sections.
For a string the text is the string itself and sections start at its Markdown headings. For a
Document the text is a plain rendering (title, section titles, intros, each block's sentences),
so that every offset, and the spans an ``unexplained`` callable returns, live in one text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from plainlang import _textstat
from plainlang.config import DEFAULT_PROFILE, Profile
from plainlang.errors import ConfigError, Location
from plainlang.model import Document, Summary
from plainlang.readability import diagnostics
from plainlang.readability.counts import Counts, count
from plainlang.readability.results import (
    HardSentence,
    Readability,
    Scores,
    SectionScores,
    SentenceDiagnostics,
    Target,
)
from plainlang.readability.segment import Segment, SegmentKind, segment


class TermSpan(Protocol):
    """A term's place in a text, as ``plainlang.explain``'s TermMatch gives it."""

    @property
    def term(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


Unexplained = Callable[[str], Sequence[tuple[int, int, str] | TermSpan]]
"""Glossary terms a text uses without explaining them: ``(start, end, term)`` tuples, or
objects with ``start``, ``end`` and ``term`` such as ``plainlang.explain.unexplained_terms``
returns (bind its glossary with ``functools.partial``)."""


@dataclass(frozen=True)
class _Unit:
    segment: Segment  # offsets into the layout's text
    section: int | None  # index into the layout's sections
    sentence_index: int | None


@dataclass(frozen=True)
class _Layout:
    text: str
    units: tuple[_Unit, ...]
    sections: tuple[tuple[str, str], ...]  # (id, title)


def score(
    subject: str | Summary | Document,
    profile: Profile | None = None,
    *,
    unexplained: Unexplained | None = None,
    hardest: int = 5,
) -> Readability:
    """Readability of ``subject``: a Markdown or plain text, a Summary or a Document.

    Never raises on any text: a short text gets scores with reliability flags, a text with no
    words gets an ``empty`` result. ``unexplained`` finds glossary terms used without
    explanation (the explain stage's ``unexplained_terms`` with a glossary bound to it).
    """
    profile = profile or DEFAULT_PROFILE
    if not profile.language.lower().startswith("en"):
        raise ConfigError(
            f"readability scores are for English text only, not {profile.language!r}",
            Location(field="language"),
            hint="set language to 'en' or do not score this text",
        )
    layout = _layout(subject)
    terms = _terms_by_unit(layout, unexplained)
    sentences: list[SentenceDiagnostics] = []
    in_section: list[list[Counts]] = [[] for _ in layout.sections]
    every: list[Counts] = []
    for index, unit in enumerate(layout.units):
        counted = count(unit.segment.text)
        every.append(counted.counts)
        if unit.section is not None:
            in_section[unit.section].append(counted.counts)
        sentences.append(_diagnose(layout, unit, counted.counts, counted.hard, terms[index], profile))
    # Summed once at the end: adding as we go would build two Counts per sentence.
    total = Counts.total(every)
    by_section = [Counts.total(counts) for counts in in_section]
    version = _textstat.version()
    if total.words == 0:
        return Readability(Scores.of(total), (), (), (), (), version, True, layout.text)
    document = Scores.of(total)
    return Readability(
        document=document,
        sections=tuple(
            SectionScores(section_id, title, Scores.of(counts))
            for (section_id, title), counts in zip(layout.sections, by_section, strict=True)
        ),
        sentences=tuple(sentences),
        hardest=_hardest(sentences, profile, hardest),
        targets=(
            Target("smog", document.smog, profile.target_smog, document.smog <= profile.target_smog),
            Target(
                "flesch_kincaid_grade",
                document.flesch_kincaid_grade,
                profile.target_fkgl,
                document.flesch_kincaid_grade <= profile.target_fkgl,
            ),
        ),
        textstat_version=version,
        empty=False,
        text=layout.text,
    )


def _diagnose(
    layout: _Layout,
    unit: _Unit,
    counts: Counts,
    hard: tuple[str, ...],
    terms: tuple[str, ...],
    profile: Profile,
) -> SentenceDiagnostics:
    seg = unit.segment
    return SentenceDiagnostics(
        text=layout.text[seg.start : seg.end],
        start=seg.start,
        end=seg.end,
        kind=seg.kind,
        section_id=layout.sections[unit.section][0] if unit.section is not None else None,
        sentence_index=unit.sentence_index,
        words=counts.words,
        syllables=counts.syllables,
        hard_words=hard,
        is_long=counts.words > profile.long_sentence_words,
        passive=diagnostics.passive_phrases(seg.text),
        unexplained_terms=terms,
        scores=Scores.of(counts),
    )


def _hardest(
    sentences: Sequence[SentenceDiagnostics], profile: Profile, limit: int
) -> tuple[HardSentence, ...]:
    """The ``limit`` sentences with a reason to be hard, hardest (highest grade) first.

    Headings are left out: one long word makes a one-word heading "grade 20", which says
    nothing a writer can act on (their hard words are still in their diagnostics).
    """
    # Which sentences have a reason is known from numbers and flags; the reasons are written
    # out (string formatting) only for the few that are kept.
    candidates = sorted(
        (-sentence.scores.flesch_kincaid_grade, index)
        for index, sentence in enumerate(sentences)
        if sentence.kind != "heading"
        and (
            sentence.scores.flesch_kincaid_grade > profile.target_fkgl
            or sentence.scores.words > profile.long_sentence_words
            or sentence.hard_words
            or sentence.passive
            or sentence.unexplained_terms
        )
    )
    found = []
    for _, index in candidates[: max(limit, 0)]:
        sentence = sentences[index]
        why = diagnostics.reasons(
            sentence.scores,
            sentence.hard_words,
            profile.long_sentence_words,
            sentence.passive,
            sentence.unexplained_terms,
            profile.target_fkgl,
        )
        found.append(HardSentence(index, sentence.text, sentence.scores.flesch_kincaid_grade, why))
    return tuple(found)


def _terms_by_unit(layout: _Layout, unexplained: Unexplained | None) -> list[tuple[str, ...]]:
    """The unexplained terms of each sentence, each term once, in the order found."""
    terms: list[dict[str, None]] = [{} for _ in layout.units]
    if unexplained is None or not layout.units:
        return [()] * len(layout.units)
    starts = [unit.segment.start for unit in layout.units]
    spans = (
        span if isinstance(span, tuple) else (span.start, span.end, span.term)
        for span in unexplained(layout.text)
    )
    for start, end, term in sorted(spans, key=lambda span: (span[0], span[1])):
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and start < layout.units[index].segment.end and end > start:
            terms[index][term] = None
    return [tuple(found) for found in terms]


def _layout(subject: str | Summary | Document) -> _Layout:
    if isinstance(subject, str):
        return _text_layout(subject)
    if isinstance(subject, Summary):
        return _document_layout(subject.document)
    if isinstance(subject, Document):
        return _document_layout(subject)
    raise TypeError(f"score() takes a str, Summary or Document, not {type(subject).__name__}")


def _slug(title: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w]+", "-", title.lower()).strip("-_") or "section"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def _text_layout(text: str) -> _Layout:
    """Sections start at the headings of the highest level used more than once (``##`` under
    a single ``#`` title); text before the first of them belongs to no section."""
    segments = segment(text)
    levels = Counter(s.level for s in segments if s.kind == "heading")
    repeated = [level for level, n in levels.items() if n > 1]
    section_level = min(repeated) if repeated else min(levels, default=0)
    sections: list[tuple[str, str]] = []
    taken: set[str] = set()
    units = []
    current: int | None = None
    for seg in segments:
        if seg.kind == "heading" and seg.level <= section_level:
            if seg.level == section_level:
                title = " ".join(seg.text.split())
                sections.append((_slug(title, taken), title))
                current = len(sections) - 1
            else:
                current = None
        units.append(_Unit(seg, current, None))
    return _Layout(text, tuple(units), tuple(sections))


def _document_layout(document: Document) -> _Layout:
    """A plain rendering of the document; each model sentence is segmented as plain text."""
    parts: list[str] = []
    units: list[_Unit] = []
    size = 0

    def put(text: str, kind: SegmentKind, section: int | None, index: int | None, level: int = 0) -> None:
        nonlocal size
        for seg in segment(text, markdown=False):
            # the constructor, not dataclasses.replace: one call per sentence scored
            units.append(
                _Unit(Segment(seg.start + size, seg.end + size, seg.text, kind, level), section, index)
            )
        parts.append(text)
        size += len(text)

    def gap(separator: str) -> None:
        nonlocal size
        parts.append(separator)
        size += len(separator)

    if document.title:
        put(document.title, "heading", None, None, 1)
        gap("\n\n")
    for number, section in enumerate(document.sections):
        put(section.title, "heading", number, None, 2)
        gap("\n\n")
        if section.intro:
            put(section.intro, "sentence", number, None)
            gap("\n\n")
        index = 0
        for block in section.blocks:
            kind: SegmentKind = "item" if block.kind in ("item", "definition") else "sentence"
            for sentence in block.sentences:
                put(sentence.text, kind, number, index)
                gap(" ")
                index += 1
            gap("\n\n")
    sections = tuple((s.id, s.title) for s in document.sections)
    return _Layout("".join(parts), tuple(units), sections)
