"""Explaining terms in a text or a Document, in the style the profile names.

Styles:
    parenthetical  "refractory (did not get better with treatment)"
    sentence       the pack's explanation after the sentence of first use
    words-to-know  a "Words to know" list at the end
    replace        every use replaced with the pack's plain word
    none           nothing
    fit            parenthetical while the sentence stays short enough, else sentence (fit.py)
In every style an abbreviation's first use is expanded: "acute myeloid leukemia (AML)". A term
is explained once per document, at its first body use; headings and later uses are left alone.
When a term lacks what a style needs (an explanation sentence, a plain word), its first use
gets the parenthetical style instead, so it is never left unexplained. A first use that is
itself inside parentheses gets the sentence style instead of a parenthesis: a definition in a
parenthesis within a parenthesis is hard to follow ("(related or unrelated; cord blood (blood
saved ...) donors)"). Its explanation, or "X means ...", follows the sentence.

The work is a plan of edits made on the text as given (``_plan``), then applied; planning on
the input only means an inserted definition is never itself scanned for terms.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, get_args

from plainlang.errors import ConfigError
from plainlang.explain import fit
from plainlang.explain._records import filled
from plainlang.explain.fit_sentences import SentenceFit
from plainlang.explain.glossary import Glossary
from plainlang.explain.matcher import TermMatch
from plainlang.explain.packs import Term
from plainlang.explain.spans import ADDRESS, Span, SpanSet, protected_spans, sentence_ends, sentence_start
from plainlang.explain.usage import (
    WORDS_TO_KNOW_TITLE,
    ScanState,
    parenthesis_after,
    scan,
)
from plainlang.explain.variants import spelling_variants
from plainlang.model import ExplainedTerm

Style = Literal["parenthetical", "sentence", "words-to-know", "replace", "none", "fit"]
STYLES: tuple[str, ...] = get_args(Style)


@dataclass(frozen=True)
class ExplainedUse:
    """A term explained (or replaced) in the output, and where.

    ``start``/``end`` locate the term's words in the output text; for a document they are
    offsets in the sentence ``sentence_index`` of section ``section_id``.
    """

    term: str
    definition: str
    surface: str  # the words as they were written in the input
    start: int
    end: int
    style: str
    section_id: str = ""
    sentence_index: int = -1

    def to_model(self) -> ExplainedTerm:
        return ExplainedTerm(self.term, self.definition, self.section_id, self.sentence_index, self.surface)


class Edit(NamedTuple):
    """Replace ``[start, end)`` of the planned text with ``text``; ``mark`` locates the term in it.

    A named tuple rather than a frozen dataclass, as ``Explanation``: a plan makes one or two
    per term explained, and a tuple is made in C (0.1 µs against 0.5 µs for a dataclass
    filled without its ``__init__``). Both stay inside the explain stage.
    """

    start: int
    end: int
    text: str
    term: str = ""
    surface: str = ""
    mark: tuple[int, int] | None = None  # (start, end) of the term's words inside ``text``


class Explanation(NamedTuple):
    """A term the plan explains: its first use, the style used and the edit that does it."""

    term: Term
    match: TermMatch
    style: str
    edit: int | None  # index in Plan.edits, None when the text is left as it is


_tuple_new = tuple.__new__


def explained_use(
    term: str,
    definition: str,
    surface: str,
    start: int,
    end: int,
    style: str,
    section_id: str = "",
    sentence_index: int = -1,
) -> ExplainedUse:
    """``ExplainedUse(...)``, made faster (see ``_records``)."""
    return filled(
        ExplainedUse,
        {
            "term": term,
            "definition": definition,
            "surface": surface,
            "start": start,
            "end": end,
            "style": style,
            "section_id": section_id,
            "sentence_index": sentence_index,
        },
    )


def _edit(start: int, end: int, text: str, term: str, surface: str, mark: tuple[int, int] | None) -> Edit:
    """``Edit(...)`` with every field, made without the named tuple's keyword handling."""
    return _tuple_new(Edit, (start, end, text, term, surface, mark))


@dataclass
class Plan:
    edits: list[Edit] = field(default_factory=list)
    sentences: list[tuple[int, str]] = field(default_factory=list)  # (use position, sentence)
    words: list[Term] = field(default_factory=list)  # for "Words to know", in order of first use
    explained: list[Explanation] = field(default_factory=list)
    facts: tuple[Span, ...] | None = None  # the text's protected spans, when planning found them
    # sentence_ends of the positions in ``sentences``, when capping them found those already
    ends: list[int] | None = None


def check_style(style: str) -> Style:
    if style not in STYLES:
        raise ConfigError(
            f"unknown explanation style {style!r}",
            hint=f"use one of: {', '.join(STYLES)}",
            code="C010",
        )
    return style  # type: ignore[return-value]


# --- wording helpers ---------------------------------------------------------------------------

_SILENT_VOWEL = re.compile(r"^(?:uni|use|usu|ur[aeiou]|eu|one|once)", re.IGNORECASE)
_VOWEL_SOUND = re.compile(r"^(?:[aeiou]|hour|honest)", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the|some)\s", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(
    r"(?<![\w])(?:the|this|that|these|those|your|their|his|her|its|our|my|each|every|no|any)"
    r"[ \t]+$",
    re.IGNORECASE,
)
_ARTICLE_BEFORE = re.compile(r"(?<![\w])(a|an|A|An)([ \t]+)$")


def _word_before(text: str, end: int, longest: int) -> int:
    """Where to start searching for a word of at most ``longest`` letters, then blanks, ending at ``end``.

    The patterns above end in ``[ \t]+$``; searching them over all of ``text[:end]`` for each
    use made a long text's plan quadratic. ``$`` also matches before a final line end.
    """
    at = end - 1 if end and text[end - 1] == "\n" else end
    while at and text[at - 1] in " \t":
        at -= 1
    return max(at - longest, 0)


def _article_for(word: str) -> str:
    return "an" if _VOWEL_SOUND.match(word) and not _SILENT_VOWEL.match(word) else "a"


def _at_sentence_start(text: str, position: int) -> bool:
    """``sentence_start(text, position) == position``, without walking back the whole sentence.

    Only the blanks before ``position`` and the character before them decide it: a line end
    or a sentence's closing mark starts a sentence; a bullet or a list number ("1.", "a)")
    may, and is left to ``sentence_start``; any other character means mid-sentence. The
    replace style asks this at every use of a term.
    """
    i = position
    while i > 0 and text[i - 1].isspace() and text[i - 1] != "\n":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return True
    mark = text[i - 1]
    if mark in ".!?" and (i < position or i == len(text) or text[i].isspace()):
        return True
    if mark in ".!?)-*+•>#":
        return sentence_start(text, position) == position
    return False


def _cased(replacement: str, text: str, position: int, surface: str) -> str:
    """``replacement`` capitalized when it starts a sentence or the surface was capitalized."""
    if not replacement:
        return replacement
    capital = _at_sentence_start(text, position) or (
        surface[:1].isupper()
        and not surface.isupper()
        and replacement[:1].islower()
        and surface.lower() != surface
    )
    return replacement[:1].upper() + replacement[1:] if capital else replacement


def _expansion(term: Term, match: TermMatch) -> str | None:
    """The words to write for an abbreviation's first use, or None when it needs none."""
    if not match.is_abbreviation or term.term.strip().lower() == match.surface.lower():
        return None
    return term.term


def _replace_words(text: str, match: TermMatch, new: str, plan: Plan, term: Term, suffix: str = "") -> None:
    """Plan writing ``new`` (+ ``suffix``) in place of the match, fixing a/an before it."""
    start = match.start
    words = _cased(new, text, match.start, match.surface)
    if _LEADING_ARTICLE.match(words) and _DETERMINER_BEFORE.search(
        text, _word_before(text, match.start, 5), match.start
    ):
        # "the placebo" → "the fake medicine": the text's own word already does the job
        words = _LEADING_ARTICLE.sub("", words, count=1)
    article = _ARTICLE_BEFORE.search(text, _word_before(text, match.start, 2), match.start)
    if article is not None and _LEADING_ARTICLE.match(words):
        # "a placebo" → "a fake medicine", not "a a fake medicine": keep the plain word's own
        start = article.start()
        if article.group(1)[0].isupper():
            words = words[:1].upper() + words[1:]
        plan.edits.append(_edit(start, match.end, words + suffix, term.term, match.surface, (0, len(words))))
        return
    if article is not None:
        wanted = _article_for(words)
        if wanted != article.group(1).lower():
            fixed = wanted.capitalize() if article.group(1)[0].isupper() else wanted
            start = article.start()
            words_at = len(fixed) + len(article.group(2))
            plan.edits.append(
                _edit(
                    start,
                    match.end,
                    fixed + article.group(2) + words + suffix,
                    term.term,
                    match.surface,
                    (words_at, words_at + len(words)),
                )
            )
            return
    plan.edits.append(_edit(start, match.end, words + suffix, term.term, match.surface, (0, len(words))))


def _parenthetical(text: str, match: TermMatch, term: Term, plan: Plan) -> None:
    expansion = _expansion(term, match)
    if expansion is not None:
        _replace_words(text, match, expansion, plan, term, f" ({match.surface}, {term.definition})")
        return
    paren = parenthesis_after(text, match.end)
    if paren is not None and paren.group(1).strip() in term.abbreviations:
        # "acute myeloid leukemia (AML)": the definition joins the abbreviation
        inner = paren.group(1).strip()
        plan.edits.append(
            _edit(
                match.start,
                paren.end(),
                f"{match.surface} ({inner}, {term.definition})",
                term.term,
                match.surface,
                (0, len(match.surface)),
            )
        )
        return
    plan.edits.append(
        _edit(
            match.start,
            match.end,
            f"{match.surface} ({term.definition})",
            term.term,
            match.surface,
            (0, len(match.surface)),
        )
    )


def _expand_only(text: str, match: TermMatch, term: Term, plan: Plan) -> None:
    expansion = _expansion(term, match)
    if expansion is not None:
        _replace_words(text, match, expansion, plan, term, f" ({match.surface})")
    else:
        plan.edits.append(
            _edit(match.start, match.end, match.surface, term.term, match.surface, (0, len(match.surface)))
        )


@functools.lru_cache(maxsize=4)
def _parenthesis_marks(text: str) -> tuple[tuple[int, ...], str, tuple[int, ...]]:
    """Offsets of every "(", ")" and line end in ``text``, those characters, and the depth of
    parentheses after each (counted from its line's start, a stray ")" not going below 0).

    Cached for the last few texts: each first use asks whether it is enclosed, and counting
    its line from the start every time made a long text's plan quadratic.
    """
    found = [(m.start(), m.group()) for m in _PARENTHESIS_MARK.finditer(text)]
    depths = []
    depth = 0
    for _, ch in found:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        else:
            depth = 0
        depths.append(depth)
    return tuple(at for at, _ in found), "".join(ch for _, ch in found), tuple(depths)


_PARENTHESIS_MARK = re.compile(r"[()\n]")


def _open_parenthesis(text: str, position: int) -> int | None:
    """Where the parenthesis enclosing ``position`` closes, or None when it is not enclosed.

    Only the line holding ``position`` is looked at: a parenthesis does not run across a
    paragraph or list item in registry text. An unclosed one (a typo) still encloses what
    follows it, so ``position`` itself is returned: the sentence goes after its own sentence.
    """
    offsets, marks, depths = _parenthesis_marks(text)
    at = bisect_left(offsets, position)
    depth = depths[at - 1] if at else 0  # the marks before position on its line
    if not depth:
        return None
    for i in range(at, len(marks)):
        ch = marks[i]
        if ch == "\n":
            break
        depth += 1 if ch == "(" else -1
        if not depth:
            return offsets[i]
    return position


def _sentence_for(term: Term, match: TermMatch) -> str:
    """An explanation sentence for a use inside parentheses: the pack's, or one from the definition."""
    if match.is_abbreviation and _expansion(term, match) is not None:
        first = f"{fit.opening(match.surface)} stands for {term.term}."
        return f"{first} {term.explanation.strip()}" if term.explanation else first
    if term.explanation:
        return term.explanation.strip()
    surface = match.surface if match.surface[1:2].isupper() else match.surface[:1].upper() + match.surface[1:]
    definition = term.definition.strip()
    return f"{fit.opening(surface)} {fit.means(surface, definition)} {definition}."


def _named_sentence(term: Term, match: TermMatch) -> str:
    """The sentence that explains a term inside a name: an abbreviation says what it stands for."""
    if match.is_abbreviation and _expansion(term, match) is not None:
        return _sentence_for(term, match)
    return fit.sentence_after(term, match.surface)


def _in_parentheses(text: str, match: TermMatch, term: Term, plan: Plan, closing: int) -> None:
    """The sentence style for a use inside parentheses: the words stay, the sentence follows."""
    plan.edits.append(
        _edit(match.start, match.end, match.surface, term.term, match.surface, (0, len(match.surface)))
    )
    plan.sentences.append((closing, _sentence_for(term, match)))


def _plain_for(glossary: Glossary, term: Term) -> str | None:
    """The plain word, unless it contains a term itself (replacing would never settle)."""
    if not term.plain or not term.plain.strip():
        return None
    if glossary.matcher.has_terms(term.plain):
        return None
    return term.plain.strip()


def _uninflected(term: Term, match: TermMatch) -> bool:
    """The use is a written form or its other spelling, so a plain word can stand in for it.

    "Remissions" is left to the parenthetical style: "a break from the illness" cannot carry
    the plural.
    """
    surface = match.surface.lower()
    return any(surface in spelling_variants(form) for form in (*term.forms, *term.abbreviations))


def plan_text(
    text: str,
    glossary: Glossary,
    style: Style,
    state: ScanState,
    matches: tuple[TermMatch, ...] | None = None,
    limit: int = fit.DEFAULT_SENTENCE_WORDS,
    in_names: frozenset[int] = frozenset(),
) -> Plan:
    """The edits that explain ``text``'s unexplained first uses in ``style``.

    ``in_names`` holds the starts of matches inside a phrase kept as written (a name, a condition
    as the registrant listed it): such a first use is explained by a sentence after its own, in
    every style, so the name stays whole and the reader is still told what the word means.
    """
    plan = Plan()
    if matches is None:  # the protected spans serve the search and the sentence insertions
        plan.facts = protected_spans(text)
        matches = glossary.matcher.find(text, SpanSet(plan.facts))
    uses, _ = scan(text, glossary, state, matches=matches)
    if style == "none":
        return plan
    entries = glossary.entries  # glossary.get of each term's main form, which matches carry
    replace = style == "replace"
    plains: dict[str, str | None] = {}  # _plain_for of each term met, in this text

    def plain_of(name: str, term: Term) -> str | None:
        if name not in plains:
            plains[name] = _plain_for(glossary, term)
        return plains[name]

    # "fit" asks, per parenthesis planned, whether its sentence stays short enough
    sizes = SentenceFit(text, uses, glossary, limit) if style == "fit" else None
    # "fit"'s "<Term> means ..." sentences, by index in plan.sentences: written once the cap has
    # said which stay (most of a long text's go to "Words to know", and were written for nothing)
    pending: dict[int, tuple[Term, str]] = {}
    for use in uses:
        if use.explained or (not replace and not use.first):
            continue  # only a first use still unexplained gets an edit (replace: every use)
        match = use.match
        name = match.term
        term = entries[name] if name in entries else glossary.get(name)
        if term is None:
            continue
        # a later use changes only where the replace style puts a plain word in its place
        if not use.first and (plain_of(name, term) is None or match.start in in_names):
            continue
        before = len(plan.edits)
        used_style: str = style
        if match.start in in_names:
            if use.first and not use.explained:
                plan.sentences.append((match.end, _named_sentence(term, match)))
                plan.explained.append(Explanation(term, match, "sentence", None))
            continue
        if (
            replace
            and not use.explained  # the text defines it here ("AML means ..."): keep its subject
            and (plain := plain_of(name, term)) is not None
            and _uninflected(term, match)
        ):
            # every use, not only the first: a plain word is a substitute, not a gloss
            if plain.lower() != match.surface.lower():
                _replace_words(text, match, plain, plan, term)
            if not use.first:
                continue
        elif not use.first or use.explained:
            continue
        elif style == "sentence" and term.explanation:
            _expand_only(text, match, term, plan)
            plan.sentences.append((match.end, term.explanation.strip()))
        elif style == "words-to-know":
            _expand_only(text, match, term, plan)
            plan.words.append(term)
        elif (closing := _open_parenthesis(text, match.start)) is not None:
            _in_parentheses(text, match, term, plan, closing)
            used_style = "sentence"
        elif sizes is not None and sizes.over(plan.edits, before, match.start):
            # the sentence is too long already, and a parenthesis only adds: a sentence after
            _expand_only(text, match, term, plan)
            _sentence_after_later(plan, pending, match.end, term, match.surface)
            used_style = "sentence"
        else:
            _parenthetical(text, match, term, plan)
            used_style = "parenthetical"
            if sizes is not None and not sizes.fits(plan.edits, before, match.start):
                del plan.edits[before:]  # too long with the parenthesis: a sentence after (fit.py)
                _expand_only(text, match, term, plan)
                _sentence_after_later(plan, pending, match.end, term, match.surface)
                used_style = "sentence"
        edit = before if len(plan.edits) > before else None
        plan.explained.append(_tuple_new(Explanation, (term, match, used_style, edit)))
    removed = _cap_sentences(text, plan) if len(plan.sentences) > fit.MAX_SENTENCES_AFTER else set()
    if pending:
        _write_pending(plan, pending, removed)
    return plan


def _sentence_after_later(
    plan: Plan, pending: dict[int, tuple[Term, str]], position: int, term: Term, surface: str
) -> None:
    """Plan ``fit.sentence_after(term, surface)`` at ``position``, written by ``_write_pending``
    once the cap is known (tests/explain/test_fit_sentences.py holds it to writing it now)."""
    pending[len(plan.sentences)] = (term, surface)
    plan.sentences.append((position, ""))


def _write_pending(plan: Plan, pending: dict[int, tuple[Term, str]], removed: set[int]) -> None:
    """Write the sentences ``_sentence_after_later`` planned, of those the cap kept: ``pending``
    and ``removed`` hold indexes of ``plan.sentences`` as it was before the cap."""
    kept = 0
    sentences = plan.sentences
    for index in range(len(sentences) + len(removed)):
        if index in removed:
            continue
        if index in pending:
            term, surface = pending[index]
            sentences[kept] = (sentences[kept][0], fit.sentence_after(term, surface))
        kept += 1


def _cap_sentences(text: str, plan: Plan) -> set[int]:
    """Explanation sentences past ``fit.MAX_SENTENCES_AFTER`` after one sentence become entries
    of "Words to know" (a run of them after a long list of conditions helps no reader): the
    indexes in ``plan.sentences`` of those taken out."""
    positions = [position for position, _ in plan.sentences]
    ends = sentence_ends(text, positions)
    plan.ends = ends  # sentence_insertions needs them too: found once
    extra = fit.over_cap(text, positions, ends=ends)
    if not extra:
        return extra
    by_sentence = [i for i, item in enumerate(plan.explained) if item.style == "sentence"]
    if len(by_sentence) != len(plan.sentences):
        return set()  # sentences and their explanations are planned in step; never guess a pairing
    for index in sorted(extra):
        at = by_sentence[index]
        item = plan.explained[at]
        # item._replace(style="words-to-know"), made in C
        plan.explained[at] = _tuple_new(Explanation, (item.term, item.match, "words-to-know", item.edit))
        plan.words.append(item.term)
    plan.sentences = [pair for i, pair in enumerate(plan.sentences) if i not in extra]
    plan.ends = [end for i, end in enumerate(ends) if i not in extra]
    return extra


def sentence_insertions(text: str, plan: Plan) -> list[Edit]:
    """The "sentence" style's explanations as insertions after each sentence of first use."""
    edits = []
    facts = plan.facts if plan.facts is not None else protected_spans(text) if plan.sentences else ()
    fact_ends = {stop for _, stop in facts}
    closed_at: set[int] = set()
    ends = plan.ends
    if ends is None or len(ends) != len(plan.sentences):
        ends = sentence_ends(text, [position for position, _ in plan.sentences])
    for (_, sentence), end in zip(plan.sentences, ends, strict=True):
        last = end  # the end of text[:end].rstrip(), without copying the text before it
        while last and text[last - 1].isspace():
            last -= 1
        # A full stop after a number or an id reads as the end of the sentence ("more than
        # 30."), but one glued to a URL or an e-mail address would become part of it when a
        # reader copies it: there the sentence is left open rather than changing the address.
        ends_in_address = last in fact_ends and _ends_in_address(text, last)
        closed = (last > 0 and text[last - 1] in '.!?:;)"”') or ends_in_address or last in closed_at
        joiner = " " if closed else ". "
        if end > last:  # the sentence ends at a line end without a full stop
            end = last
        closed_at.add(last)  # a second explanation after the same sentence needs no new stop
        edits.append(_edit(end, end, joiner + sentence, "", "", None))
    return edits


# a URL or an e-mail address running up to the end of the searched text
_ADDRESS_END = re.compile(rf"(?:{ADDRESS})\Z")


def _ends_in_address(text: str, end: int) -> bool:
    """A URL or an e-mail address runs up to ``end`` (looked for in the 2,048 characters before).

    The search tries every position of the window (~30 µs); an address needs "@", "://" or
    "www." in it, and a sentence ending in a number (most of these) has none.
    """
    start = max(end - 2048, 0)
    if (
        text.find("@", start, end) < 0
        and text.find("://", start, end) < 0
        and text.find("www.", start, end) < 0
    ):
        return False
    return _ADDRESS_END.search(text, start, end) is not None


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, dict[int, tuple[int, int]]]:
    """The edited text, and for each edit (by index) the output span of its term's words."""
    # by (start, end), ties in the order given (the sort is stable): one key list rather than
    # a lambda call and a tuple per comparison key
    spans = [(edit.start, edit.end) for edit in edits]
    order = sorted(range(len(edits)), key=spans.__getitem__)
    out: list[str] = []
    marks: dict[int, tuple[int, int]] = {}
    cursor = 0
    length = 0
    for i in order:
        edit = edits[i]
        if edit.start < cursor:  # overlapping edits cannot happen; keep the first if they do
            continue
        out.append(text[cursor : edit.start])
        length += edit.start - cursor
        if edit.mark is not None:
            marks[i] = (length + edit.mark[0], length + edit.mark[1])
        out.append(edit.text)
        length += len(edit.text)
        cursor = edit.end
    out.append(text[cursor:])
    return "".join(out), marks


def words_to_know_text(terms: list[Term]) -> str:
    lines = [f"- {term.term}: {term.definition.strip()}" for term in terms]
    return f"{WORDS_TO_KNOW_TITLE}\n\n" + "\n".join(lines) + "\n"
