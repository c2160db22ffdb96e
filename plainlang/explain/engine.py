"""``plainlang.explain``: explain glossary terms in a text or a Document.

A text is planned and edited as one piece. A Document is walked section by section, block by
block: each block's sentences are joined so that a sentence-style explanation right after the
sentence is recognised, edits are mapped back to their sentences (which keep their sources and
citations), and explanation sentences become sentences of their own with no sources, since
they come from the glossary and not from the record.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from dataclasses import dataclass

from plainlang._gc import collector_paused
from plainlang.config import Profile
from plainlang.explain.apply import (
    STYLES,
    Edit,
    ExplainedUse,
    Plan,
    Style,
    apply_edits,
    check_style,
    explained_use,
    plan_text,
    sentence_insertions,
    words_to_know_text,
)
from plainlang.explain.fit import DEFAULT_SENTENCE_WORDS
from plainlang.explain.glossary import Glossary
from plainlang.explain.names import in_name, names
from plainlang.explain.packs import Term
from plainlang.explain.usage import WORDS_TO_KNOW_TITLE, ScanState, words_to_know_span
from plainlang.model import Block, Document, ExplainedTerm, Section, Sentence

WORDS_TO_KNOW_ID = "words-to-know"
_BODY_KINDS = frozenset({"paragraph", "item"})


@dataclass(frozen=True)
class Explained:
    """What ``explain`` returns: the new text or document, and the terms it explained."""

    terms: tuple[ExplainedUse, ...]
    text: str | None = None
    document: Document | None = None

    @property
    def explained_terms(self) -> tuple[ExplainedTerm, ...]:
        """The terms as ``plainlang.model.ExplainedTerm``, for a Summary."""
        return tuple(use.to_model() for use in self.terms)


def explain(
    text_or_document: str | Document,
    glossary: Glossary | None = None,
    style: Style | None = None,
    *,
    profile: Profile | None = None,
) -> Explained:
    """Explain each glossary term once, at its first body use.

    ``style`` is one of parenthetical, sentence, words-to-know, replace, none, fit; by default the
    profile's ``explanation_style``. ``glossary`` defaults to the built-in packs plus the
    profile's ``glossaries``.
    """
    profile = profile or Profile()
    chosen = check_style(style if style is not None else profile.explanation_style)
    if glossary is None:
        glossary = Glossary.load(profile.glossaries)
    limit = profile.long_sentence_words  # for the "fit" style
    # Explaining makes thousands of short-lived tuples and records, freed as it returns; the
    # collector would walk them (and, now and then, the whole glossary) a few times per text,
    # 5-10 % of the time. None of them form cycles, so it waits until explain returns.
    with collector_paused():
        if isinstance(text_or_document, Document):
            document, terms = explain_document(text_or_document, glossary, chosen, limit)
            return Explained(terms, document=document)
        text, terms = explain_text(text_or_document, glossary, chosen, limit)
        return Explained(terms, text=text)


def _uses(plan: Plan, marks: dict[int, tuple[int, int]], shift: list[Edit]) -> list[ExplainedUse]:
    uses = []
    for item in plan.explained:
        if item.edit is not None and item.edit in marks:
            start, end = marks[item.edit]
        else:
            start, end = _shifted(shift, item.match.start), _shifted(shift, item.match.end)
        uses.append(
            explained_use(item.term.term, item.term.definition, item.match.surface, start, end, item.style)
        )
    return uses


def _shifted(edits: list[Edit], position: int) -> int:
    """Where an input offset ends up once the edits (none of which covers it) are made."""
    return position + sum(len(e.text) - (e.end - e.start) for e in edits if e.end <= position)


def explain_text(
    text: str, glossary: Glossary, style: Style, limit: int = DEFAULT_SENTENCE_WORDS
) -> tuple[str, tuple[ExplainedUse, ...]]:
    plan = plan_text(text, glossary, style, ScanState(), limit=limit)
    edits = plan.edits + sentence_insertions(text, plan)
    if plan.words:
        edits.append(_words_to_know_edit(text, plan.words))
    new_text, marks = apply_edits(text, edits)
    return new_text, tuple(_uses(plan, marks, edits))


def _words_to_know_edit(text: str, terms: list[Term]) -> Edit:
    existing = words_to_know_span(text)
    if existing is not None:  # add to the list already there
        end = existing[1]
        body = text[:end].rstrip("\n")
        lines = "".join(f"\n- {t.term}: {t.definition.strip()}" for t in terms)
        return Edit(len(body), len(body), lines)
    stripped = text.rstrip()
    return Edit(len(stripped), len(text), ("\n\n" if stripped else "") + words_to_know_text(terms))


# --- documents ---------------------------------------------------------------------------------


def explain_document(
    document: Document, glossary: Glossary, style: Style, limit: int = DEFAULT_SENTENCE_WORDS
) -> tuple[Document, tuple[ExplainedUse, ...]]:
    state = ScanState()
    existing = document.section(WORDS_TO_KNOW_ID)
    if existing is not None:
        for block in existing.blocks:
            term = glossary.get(block.label)
            if term is not None:
                state.done.add(term.term)
    sections: list[Section] = []
    words: list[Term] = []
    uses: list[ExplainedUse] = []
    for section in document.sections:
        if section.id == WORDS_TO_KNOW_ID:
            continue
        blocks: list[Block] = []
        sentence_index = 0
        for block in section.blocks:
            if block.kind not in _BODY_KINDS or not block.sentences:
                blocks.append(block)
                sentence_index += len(block.sentences)
                continue
            new_block, block_uses, block_words = _explain_block(block, glossary, style, state, limit)
            for use in block_uses:
                uses.append(
                    dataclasses.replace(
                        use, section_id=section.id, sentence_index=sentence_index + use.sentence_index
                    )
                )
            words.extend(block_words)
            blocks.append(new_block)
            sentence_index += len(new_block.sentences)
        sections.append(dataclasses.replace(section, blocks=tuple(blocks)))
    if existing is not None or words:
        old = existing.blocks if existing is not None else ()
        new = tuple(
            Block("definition", (Sentence(term.definition.strip()),), label=term.term) for term in words
        )
        title = existing.title if existing is not None else WORDS_TO_KNOW_TITLE
        intro = existing.intro if existing is not None else ""
        sections.append(Section(WORDS_TO_KNOW_ID, title, old + new, intro))
    return dataclasses.replace(document, sections=tuple(sections)), tuple(uses)


def _explain_block(
    block: Block, glossary: Glossary, style: Style, state: ScanState, limit: int = DEFAULT_SENTENCE_WORDS
) -> tuple[Block, list[ExplainedUse], list[Term]]:
    """One block: join its sentences, plan on the joined text, map edits back to sentences."""
    starts: list[int] = []
    parts: list[str] = []
    position = 0
    for sentence in block.sentences:
        starts.append(position)
        parts.append(sentence.text)
        position += len(sentence.text) + 1
    joined = " ".join(parts)
    ends = [start + len(text) for start, text in zip(starts, parts, strict=False)]

    def owner(offset: int) -> int:
        return max(bisect_right(starts, offset) - 1, 0)

    matches = tuple(m for m in glossary.matcher.find(joined) if owner(m.start) == owner(max(m.end - 1, 0)))
    if not matches:
        # no term, nothing to plan: the block as it is (what planning it concludes; half the
        # blocks of a page, its sites, dates and notes, hold no term)
        return block, [], []
    kept = _kept_spans(block.sentences, starts)
    # A term inside a kept phrase is not rewritten (the name stays whole) but is still explained,
    # by a sentence after; inside the name of an organisation it is part of the name.
    organisations = names(joined) if kept else ()
    in_names = frozenset(m.start for m in matches if not _may_explain(m.start, m.end, kept))
    if organisations:
        matches = tuple(
            m for m in matches if m.start not in in_names or not in_name(organisations, m.start, m.end)
        )
    plan = plan_text(joined, glossary, style, state, matches, limit=limit, in_names=in_names)
    local: dict[int, list[tuple[int, Edit]]] = {}
    for index, edit in enumerate(plan.edits):
        i = owner(edit.start)
        if edit.end > ends[i]:
            continue  # an edit reaching into the next sentence cannot happen; never apply one
        shifted = edit._replace(start=edit.start - starts[i], end=edit.end - starts[i])
        local.setdefault(i, []).append((index, shifted))
    after: dict[int, list[str]] = {}
    for use_at, text in plan.sentences:
        after.setdefault(owner(use_at), []).append(text)
    new_sentences: list[Sentence] = []
    out_index: dict[int, int] = {}
    marks: dict[int, tuple[int, int]] = {}
    for i, sentence in enumerate(block.sentences):
        pairs = local.get(i, [])
        text, sentence_marks = apply_edits(sentence.text, [edit for _, edit in pairs])
        for k, (index, _) in enumerate(pairs):
            if k in sentence_marks:
                marks[index] = sentence_marks[k]
        out_index[i] = len(new_sentences)
        # most sentences have no edit: keep the object rather than copy an equal one
        new_sentences.append(sentence if text == sentence.text else dataclasses.replace(sentence, text=text))
        new_sentences.extend(Sentence(extra) for extra in after.get(i, []))
    uses = []
    for item in plan.explained:
        i = owner(item.match.start)
        if item.edit is not None and item.edit in marks:
            start, end = marks[item.edit]
        else:
            before = [edit for _, edit in local.get(i, [])]
            start = _shifted(before, item.match.start - starts[i])
            end = start + len(item.match.surface)
        uses.append(
            explained_use(
                item.term.term,
                item.term.definition,
                item.match.surface,
                start,
                end,
                item.style,
                sentence_index=out_index[i],
            )
        )
    sentences = tuple(new_sentences)
    same = sentences == block.sentences
    return block if same else dataclasses.replace(block, sentences=sentences), uses, plan.words


def _kept_spans(sentences: tuple[Sentence, ...], starts: list[int]) -> list[tuple[int, int]]:
    """Where each sentence's ``keep`` phrases stand in the joined block text."""
    spans = []
    for sentence, start in zip(sentences, starts, strict=True):
        for phrase in sentence.keep:
            at = sentence.text.find(phrase) if phrase else -1
            while at >= 0:
                spans.append((start + at, start + at + len(phrase)))
                at = sentence.text.find(phrase, at + len(phrase))
    return spans


def _may_explain(start: int, end: int, kept: list[tuple[int, int]]) -> bool:
    """A match inside a kept phrase is explained only when it is the whole phrase."""
    return all(end <= s or start >= e or (start, end) == (s, e) for s, e in kept)


__all__ = ["STYLES", "Explained", "ExplainedUse", "explain"]
