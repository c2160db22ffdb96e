"""Which uses of glossary terms in a text are already explained, in any of the styles.

A term's first use counts as explained when
- a parenthesis right after it says something (two words or more: a definition, or the
  expansion of an abbreviation), "refractory (did not get better with treatment)";
- it is the subject of a defining sentence, "Refractory means ...", "AML is ...";
- its paragraph has such a sentence or the glossary's own explanation after it (the
  "sentence" style puts it right after the sentence that uses the term);
- a "Words to know" section defines it.
``unexplained_terms`` returns the first uses that are none of these; ``plainlang check`` and the
explain stage share this one definition, so ``explain`` leaves nothing for the check to flag.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from plainlang.explain.glossary import Glossary
from plainlang.explain.matcher import TermMatch
from plainlang.explain.packs import Term
from plainlang.explain.spans import (
    ADDRESS,
    Span,
    SpanSet,
    heading_spans,
    one_paragraph,
    paragraph_of,
    protected_spans,
    sentence_end,
    sentence_start,
)

WORDS_TO_KNOW_TITLE = "Words to know"

# one level of nesting: a definition may itself hold "(mild)"
_PARENTHESIS = re.compile(r"[ \t]*\(((?:[^()\n]|\([^()\n]{0,100}\)){1,400})\)")
# The lookahead first: the match is tried after every term use (~300 a 1,000-word text) and
# is rarely there; the two characters it needs next (a blank, a quote or "(", then a blank, a
# quote, "(" or the first letter of a verb) settle most tries before the pattern proper. It
# only rules out what the pattern cannot match (tests/explain/test_fast_paths.py).
_DEFINING_VERB = re.compile(
    r"(?=[ \t\"”’'][ \t(\"”’'mrsida]|\()"
    r"(?:[ \t]*\([^()\n]*\))?[ \t]*[\"”’']?[ \t]+"
    r"(?:means?|refers to|stands for|is short for|describes"
    r"|(?:is|are)[ \t]+(?:a|an|the|when|how|what|where|one|some|any|cells?|medicines?)\b)\b",
    re.IGNORECASE,
)
# the lead-in is matched stripped, so "A placebo is ..." arrives as "A": the article may end it
# and "The term mRNA vaccine means ..." is how a term written in lower case opens one (fit.opening)
_LEAD_IN = re.compile(
    r"^(?:(?:a|an|the|the term|in this summary,?|here,?)(?:\s+|$))?[\"“‘']?$", re.IGNORECASE
)
_WORDS_TO_KNOW = re.compile(
    r"^ {0,3}(?:#{1,6}[ \t]*)?(?:\*\*|__)?Words to know(?:\*\*|__)?:?[ \t]*(?:\*\*|__)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_NEXT_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]", re.MULTILINE)
_ALPHA_WORD = re.compile(r"[^\W\d_]+")


def words_to_know_span(text: str) -> Span | None:
    """The "Words to know" section: its heading line to the next heading or the end."""
    # the line-anchored search costs 30 µs on 1,000 words; case-folding finds most texts
    # have no such words at all in a tenth of it (it folds every case IGNORECASE matches)
    if "words to know" not in text.casefold():
        return None
    m = _WORDS_TO_KNOW.search(text)
    if m is None:
        return None
    following = _NEXT_HEADING.search(text, m.end())
    return m.start(), following.start() if following else len(text)


def says_something(inner: str) -> bool:
    """A parenthesis explains when it has two words or more, not just "(AML)" or "(n=30)"."""
    return len(_ALPHA_WORD.findall(inner)) >= 2


def parenthesis_after(text: str, end: int) -> re.Match[str] | None:
    return _PARENTHESIS.match(text, end)


_ADDRESS_THEN_SPACE = re.compile(rf"(?:{ADDRESS})\s+")


def is_defining(text: str, match: TermMatch) -> bool:
    """The use is the subject of a defining sentence: "Refractory means ...", "AML is ..."."""
    if not _DEFINING_VERB.match(text, match.end):
        return False
    start = sentence_start(text, match.start)
    lead = text[start : match.start]
    # A sentence that ends in a URL or an e-mail address is left without its full stop (one
    # glued to the address would change it when copied), so the explanation written after it
    # starts right after the address: "... https://x.org/a Refractory means ...".
    after = 0
    for address in _ADDRESS_THEN_SPACE.finditer(lead):
        after = address.end()
    return bool(_LEAD_IN.match(lead[after:].strip()))


class Use(NamedTuple):
    """A term occurrence and what the scan decided about it.

    A named tuple rather than a frozen dataclass: a scan makes one per match, and a tuple is
    made in C (0.1 µs against 0.25 µs for a dataclass filled without its ``__init__``).
    """

    match: TermMatch
    first: bool  # the first body use of its term (not in a heading, not already done)
    explained: bool  # for a first use: explained already


_tuple_new = tuple.__new__


def _use(match: TermMatch, first: bool, explained: bool) -> Use:
    """``Use(match, first, explained)``, made without the named tuple's keyword handling."""
    return _tuple_new(Use, (match, first, explained))


@dataclass
class ScanState:
    """Terms already explained earlier in the document (mutated as blocks are scanned)."""

    done: set[str] = field(default_factory=set)


class _Pieces:
    """The whitespace-separated pieces of a text, split on first use.

    Looking for a term's explanation sentence in a 1,000-word text costs 2-7 µs a term; a
    sentence can only be there if its inner pieces (those with whitespace on both sides, which
    the text must show whole) are pieces of the text, and a set comparison settles most. All
    of them, not only the longest: a long common word ("treatment") let most sentences through.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._pieces: frozenset[str] | None = None

    def may_hold(self, sentence: str) -> bool:
        inner = _inner_pieces(sentence)
        if not inner:
            return True
        if self._pieces is None:
            self._pieces = frozenset(self._text.split())
        return inner <= self._pieces


@functools.lru_cache(maxsize=4096)
def _inner_pieces(sentence: str) -> frozenset[str]:
    """The pieces of ``sentence`` between two whitespace runs (all but its first and last)."""
    return frozenset(sentence.split()[1:-1])


def _explanation_spans(
    text: str,
    glossary: Glossary,
    match: TermMatch,
    later: Iterable[TermMatch],
    pieces: _Pieces | None = None,
    entry: Term | None = None,
    whole: bool = False,
    verb: bool | None = None,
) -> list[Span]:
    """Spans that explain ``match`` (empty when it is not explained); ``entry`` is its term's
    glossary entry when the caller has it at hand (else it is looked up), ``whole`` says the
    text is one paragraph, ``verb`` whether a defining verb follows the match (when the caller
    has looked already)."""
    # the patterns inline rather than through parenthesis_after and is_defining: this runs
    # for every first use of a term
    end = match.end
    paren = _PARENTHESIS.match(text, end)
    if paren is not None and says_something(paren.group(1)):
        return [paren.span()]
    if verb is None:
        verb = _DEFINING_VERB.match(text, end) is not None
    if verb and is_defining(text, match):
        return [(sentence_start(text, match.start), sentence_end(text, end))]
    p_start, p_end = (0, len(text)) if whole else paragraph_of(text, match.start)
    for other in later:
        if other.start >= p_end:
            break
        # the verb test first, inline: most later uses are not followed by one
        if (
            _DEFINING_VERB.match(text, other.end) is not None
            and other.term == match.term
            and is_defining(text, other)
        ):
            return [(sentence_start(text, other.start), sentence_end(text, other.end))]
    if entry is None:
        entry = glossary.get(match.term)
    if entry is not None and entry.explanation and (pieces is None or pieces.may_hold(entry.explanation)):
        at = text.find(entry.explanation, 0, p_end)
        if at >= 0 and (at >= p_start or at < match.start):
            return [(at, at + len(entry.explanation))]
    return []


def scan(
    text: str,
    glossary: Glossary,
    state: ScanState | None = None,
    *,
    matches: tuple[TermMatch, ...] | None = None,
) -> tuple[list[Use], list[Span]]:
    """Every body use of a term, in order, with first uses marked explained or not.

    Returns the uses and the spans that are explanations already present (parentheses,
    defining sentences, the "Words to know" section), which later stages must not touch.
    """
    state = state if state is not None else ScanState()
    if matches is None:
        matches = glossary.matcher.find(text, SpanSet(protected_spans(text)))
    headings = SpanSet(heading_spans(text))
    skip: list[Span] = []
    wtk = words_to_know_span(text)
    if wtk is not None:
        skip.append(wtk)
        state.done.update(m.term for m in matches if wtk[0] <= m.start < wtk[1])
    uses: list[Use] = []
    # The uses followed by a defining verb ("... means"), for "is the term defined further on
    # in its paragraph": only those can be, so each first use looks through these few rather
    # than through every later use of its term. (Rescanning the whole text for each use made a
    # long text's scan quadratic.)
    verb_at = _DEFINING_VERB.match
    defined = [m for m in matches if verb_at(text, m.end) is not None]
    verb_ends = {m.end for m in defined}  # the verb test reads only what follows a match's end
    pieces = _Pieces(text)
    active = list(skip)
    overlaps_heading = headings.overlaps if headings else None
    done = state.done
    append = uses.append
    entries = glossary.entries  # each match's glossary entry, by its term
    # a text without a blank line is one paragraph: paragraph_of need not be asked each time
    whole = one_paragraph(text)
    for m in matches:
        term = m.term
        if active:
            active = [span for span in active if span[1] > m.start]
            if any(s <= m.start for s, _ in active):
                continue
        if overlaps_heading is not None and overlaps_heading(m.start, m.end):
            continue
        if term in done:
            append(_tuple_new(Use, (m, False, False)))  # Use(m, False, False), made in C
            continue
        done.add(term)
        later = [o for o in defined if o.start > m.start and o.term == term] if defined else []
        spans = _explanation_spans(
            text, glossary, m, later, pieces, entries.get(term), whole, m.end in verb_ends
        )
        skip.extend(spans)
        active.extend(spans)
        append(_tuple_new(Use, (m, True, bool(spans))))
    return uses, skip


def find_terms(text: str, glossary: Glossary | None = None) -> tuple[TermMatch, ...]:
    """Every glossary term in ``text`` (outside URLs, ids, numbers, code and quotations)."""
    glossary = glossary if glossary is not None else Glossary.load()
    return glossary.find(text)


def unexplained_terms(text: str, glossary: Glossary | None = None) -> tuple[TermMatch, ...]:
    """First body uses of terms that no style has explained (see the module docstring)."""
    glossary = glossary if glossary is not None else Glossary.load()
    uses, _ = scan(text, glossary)
    return tuple(use.match for use in uses if use.first and not use.explained)
