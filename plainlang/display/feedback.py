"""Feedback on a draft as a writer types: grade, hard words, unexplained terms, plainer words.

``feedback`` is a pure function of the text (and a profile and glossary), so the live editor
in :mod:`.notebook` only has to call it on each change and show ``html``; tests call it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from plainlang.compose.rewrite import load_plain_words
from plainlang.config import DEFAULT_PROFILE, Profile
from plainlang.display import html
from plainlang.display.sources import score_panel
from plainlang.display.view import ScorePanel, SentenceMarks, SentenceView, sentence_view
from plainlang.explain import Glossary, unexplained_terms
from plainlang.readability import score


@dataclass(frozen=True)
class Suggestion:
    """A word or phrase of the draft, and a plainer one to use instead."""

    found: str
    plain: str
    source: str  # "plain words" (our table) or the glossary pack's name


@dataclass(frozen=True)
class Feedback:
    text: str
    grade: float  # Flesch–Kincaid grade of the whole draft
    smog: float
    target: float
    hard_words: tuple[str, ...]  # in order of first use, each once
    unexplained: tuple[str, ...]  # glossary terms used before they are explained, as written
    suggestions: tuple[Suggestion, ...]
    parts: tuple[tuple[str, SentenceView], ...]  # (text before the sentence, the sentence)
    tail: str  # text after the last sentence
    panel: ScorePanel

    @property
    def on_target(self) -> bool:
        return self.grade <= self.target

    @property
    def html(self) -> str:
        return html.feedback_html(self)


def suggestions(text: str, glossary: Glossary, language: str = "en") -> tuple[Suggestion, ...]:
    """Plainer words for phrases of the draft: our plain-words table, then glossary terms."""
    found: dict[str, Suggestion] = {}
    table = load_plain_words(language)
    for match in table.matcher.finditer(text):
        key = match[0].lower()
        found.setdefault(key, Suggestion(match[0], table.replacements[key], "plain words"))
    for term_match in glossary.find(text):
        term = glossary.get(term_match.term)
        if term is not None and term.plain and term.plain.lower() != term_match.surface.lower():
            found.setdefault(
                term_match.surface.lower(), Suggestion(term_match.surface, term.plain, term.pack)
            )
    return tuple(found.values())


def feedback(text: str, profile: Profile | None = None, glossary: Glossary | None = None) -> Feedback:
    """Everything the editor shows about ``text``."""
    profile = profile or DEFAULT_PROFILE
    glossary = glossary if glossary is not None else Glossary.load(profile.glossaries)
    missing = unexplained_terms(text, glossary)
    spans = [(m.start, m.end, m.surface) for m in missing]
    result = score(text, profile, unexplained=lambda _: spans)
    target = profile.target_fkgl
    parts: list[tuple[str, SentenceView]] = []
    position = 0
    for d in result.sentences:
        marks = SentenceMarks(d.scores.flesch_kincaid_grade, d.hard_words, d.unexplained_terms, d.is_long)
        parts.append(
            (text[position : d.start], sentence_view(text[d.start : d.end], marks=marks, target=target))
        )
        position = d.end
    hard = tuple(dict.fromkeys(word for d in result.sentences for word in d.hard_words))
    return Feedback(
        text=text,
        grade=result.document.flesch_kincaid_grade,
        smog=result.document.smog,
        target=target,
        hard_words=hard,
        unexplained=tuple(dict.fromkeys(m.surface for m in missing)),
        suggestions=suggestions(text, glossary, profile.language),
        parts=tuple(parts),
        tail=text[position:],
        panel=score_panel(result),
    )


__all__ = ["Feedback", "Suggestion", "feedback", "suggestions"]
