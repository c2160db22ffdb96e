"""Glossary terms on a page: ``jargon.unexplained`` and the glossary half of ``abbreviation.unexpanded``.

Both ask the explain engine (``plainlang.explain``), so that the check and the explain stage share
one definition of "explained": a page that ``plainlang.explain`` wrote has nothing to flag. The
engine reads the page's running text as one string (``Page.joined``: blocks split by blank
lines, headings marked ``#``), because a term explained at its first use is explained for every
later sentence of the page; scanning sentence by sentence would flag every later use again.
Terms and abbreviations inside proper names are not uses (``names``), and neither are those in
a heading or in the bold lead label of a list item ("**Control group**: This group gets ..."):
the explain stage leaves both as written (a label is ``Block.label``, a kept registry name it
never rewrites) and explains the term at its first use in running text, so that is the use the
check judges (``label_spans``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from plainlang.check.page import Page
from plainlang.check.prose import CITATION
from plainlang.check.rules.base import Hit
from plainlang.explain import TermMatch
from plainlang.explain.names import Name, in_name, names_of_parts
from plainlang.explain.spans import sentence_end
from plainlang.explain.usage import (
    WORDS_TO_KNOW_TITLE,
    Use,
    is_defining,
    parenthesis_after,
    says_something,
    scan,
)
from plainlang.long_form import long_form_for

_MEMO = "explain-scan"
_NAMES = "names"
_SITE_NAMES = "site-names"
_LABELS = "labels"
_WORDS_TO_KNOW = WORDS_TO_KNOW_TITLE.casefold()
# How a renderer marks up a list item's lead label (``Block.label``): "- **label**: text" in
# Markdown (or "__label__"), "<li><strong>label</strong>: text" in HTML. The markup is gone from
# the block text, so the source before the block's first character and before the colon tells.
_LABEL_OPEN = ("**", "__", "<strong>", "<b>")
_LABEL_CLOSE = ("**", "__", "</strong>", "</b>")


@dataclass(frozen=True)
class TermScan:
    """The explain engine's verdict on every glossary term used on a page."""

    uses: tuple[Use, ...]
    # every glossary match outside names and labels, counted uses or not: a match inside an
    # explanation (the "QT interval" in "Corrected QT interval means the QT interval ...") is no
    # use to judge, but the letters in it are still part of a term
    matches: tuple[TermMatch, ...] = ()


def term_scan(page: Page) -> TermScan:
    """Every body use of a glossary term on the page, scanned once per page for both rules."""
    memo = page.memo.get(_MEMO)
    if isinstance(memo, TermScan):
        return memo
    text = _without_markers(page)
    # A term inside a proper name ("Joint Clinical Research Centre") is no use of the term: the
    # scan does not see it, so the first use outside names is the one judged.
    found = page_names(page)
    labels = label_spans(page)
    matches = tuple(
        m
        for m in page.glossary.find(text)
        if not in_name(found, m.start, m.end) and not in_spans(labels, m.start, m.end)
    )
    uses, _ = scan(text, page.glossary, matches=matches)
    result = TermScan(tuple(uses), matches)
    page.memo[_MEMO] = result
    return result


def _without_markers(page: Page) -> str:
    """The page's running text with citation markers blanked out, offsets unchanged.

    A marker glued to a sentence's last word ("... human immunodeficiency virus.[1]") makes the
    tokenizer read "virus.[1" as one token, as spaCy's does, so the term there would be missed
    and its next use taken for the first. Markers are references, not prose.
    """
    text, _ = page.joined
    if "[" not in text:
        return text
    return CITATION.sub(lambda m: " " * len(m.group()), text)


def page_names(page: Page) -> tuple[Name, ...]:
    """The proper names in the page's running text (``Page.joined``), found once per page."""
    memo = page.memo.get(_NAMES)
    if isinstance(memo, tuple):
        return memo
    # part by part as ``Page.joined`` puts the blocks (headings marked "# "), remembered by part
    found = names_of_parts([("# " if b.kind == "heading" else "") + b.text for b in page.blocks])
    page.memo[_NAMES] = found
    return found


def abbreviation_names(page: Page) -> tuple[Name, ...]:
    """Names in which capitals are no abbreviation to spell out: ``page_names`` and the site names
    that fill the clause after an item's lead label (``label_names``). Only for abbreviations:
    glossary words in such a clause ("**Group A**: Laboratory Biomarker Analysis") are judged."""
    memo = page.memo.get(_SITE_NAMES)
    if isinstance(memo, tuple):
        return memo
    text, _ = page.joined
    found = page_names(page)
    labelled = label_names(text, label_spans(page))
    if labelled:
        found = tuple(sorted({*found, *labelled}, key=lambda n: (n.start, n.end)))
    page.memo[_SITE_NAMES] = found
    return found


def label_names(text: str, labels: tuple[tuple[int, int], ...]) -> tuple[Name, ...]:
    """Runs of capitalised words that are the whole clause after an item's lead label.

    "- **Genk**: ZOL Genk.", "- **Paris**: CIC Cochin - Pasteur.", "- **Toledo, Ohio**: Toledo
    COP is looking for people.": a list of places names each site right after its place, and
    such a clause, capitalised words from the label to the end of the clause, is the site's
    name as the registry gives it, with no organisation word needed. Two words at least: a
    label followed by a lone "LCM." or by running text ("This group gets LCM") is judged.
    """
    found: list[Name] = []
    for _, end in labels:
        clause = _LABEL_CLAUSE.match(text, end)
        # a place with several sites lists them one after another, each cited:
        # "- **Antwerp**: Antwerp University Hospital.[1] GZA Antwerp.[1] ZNA Stuivenberg.[1]"
        while clause is not None:
            words = tuple(m.span(0) for m in _NAME_WORD.finditer(text, clause.start(1), clause.end(1)))
            if len(words) >= 2 and any(_CAPITALS.fullmatch(text, *w) for w in words):
                found.append(Name(clause.start(1), clause.end(1), words, words))
            clause = _NEXT_SITE.match(text, clause.end(1))
    return tuple(found)


def label_spans(page: Page) -> tuple[tuple[int, int], ...]:
    """Where the bold lead labels of list items are in the page's running text (``Page.joined``).

    A label is the bold run that opens an item and is followed by a colon, as the renderers
    write ``Block.label``; bold words later in the item, or an item that is all bold, are prose.
    """
    memo = page.memo.get(_LABELS)
    if isinstance(memo, tuple):
        return memo
    source = page.prose.source
    _, starts = page.joined
    spans: list[tuple[int, int]] = []
    sections = page.prose.sections
    for block, start in zip(page.blocks, starts, strict=True):
        if sections[block.section].title.strip().casefold() == _WORDS_TO_KNOW:
            continue  # there the bold word is the term the item defines: a use, and explained
        end = block.label  # a page that says where its labels end (plainlang's JSON)
        if end is None:
            end = label_end(source, block.kind, block.text, block.origin)
        if end is not None:
            spans.append((start, start + end))
    result = tuple(spans)
    page.memo[_LABELS] = result
    return result


def label_end(source: str, kind: str, text: str, origin: Callable[[int], int]) -> int | None:
    """The length of the lead label of an item block (``text``), or None when it has none.

    ``origin(i)`` is where ``text[i]`` sits in ``source``; the label's markup is looked for there.
    """
    # str.endswith with a tuple tries each form, without a generator frame per block
    if kind != "item" or not source.endswith(_LABEL_OPEN, 0, origin(0)):
        return None
    # the label may hold a colon itself ("**Arm A: single consolidation**: ..."): the one that
    # ends it comes right after the closing markup
    colon = text.find(":")
    while colon > 0:
        if source.endswith(_LABEL_CLOSE, 0, origin(colon)):
            return colon
        colon = text.find(":", colon + 1)
    return None


_STANDS_FOR = re.compile(r"[ \t]+(?:stands|is short) for[ \t]+\w")
_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-Þ]{2,}")
_NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ](?:[\w'’/&-]|\.(?=\w))*"
_NAME_WORD = re.compile(_NAME_TOKEN)
# a clause of capitalised words (joined by "of", "de", "ve"..., by commas or dashes) that ends
# the sentence or comes before "is"/"has"/"was" ("... is looking for people")
_JOINED = r"(?:(?: (?:of|for|on|and|the|de|di|du|des|del|della|la|le|y|van|von|der|ve|et|und|en|&))* |, | [-–] | ?/ ?)"
_CLAUSE = rf"({_NAME_TOKEN}(?:{_JOINED}{_NAME_TOKEN})*?)(?=\.?(?:[ \t]*\[|$)|\.[ \t]|[ \t]+(?:is|has|was)\b)"
_LABEL_CLAUSE = re.compile(rf":[ \t]+{_CLAUSE}", re.MULTILINE)
_NEXT_SITE = re.compile(rf"\.?[ \t]*\[[\d, –-]+\][ \t]+{_CLAUSE}", re.MULTILINE)


def in_spans(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """True when ``start``-``end`` lies inside one of ``spans`` (in order, few per page)."""
    return any(s <= start and end <= e for s, e in spans)


def in_heading(page: Page, start: int) -> bool:
    """True when offset ``start`` of ``Page.joined`` is in a heading block."""
    span = page.span_at(start, start + 1)
    return span is not None and span.block.kind == "heading"


def _hit(page: Page, match: TermMatch, **values: str) -> Hit | None:
    span = page.span_at(match.start, match.end)
    if span is None:
        return None
    return Hit(span, {"match": match.surface, "term": match.term, **values})


def in_longer_term(page: Page, start: int, end: int) -> bool:
    """True when ``start:end`` of ``Page.joined`` lies inside a longer glossary term the page uses
    ("WHO" in "WHO performance status"): ``unexplained`` judges the term, and its explanation
    tells a reader what the whole phrase, capitals and all, means."""
    return any(
        m.start <= start and end <= m.end and m.end - m.start > end - start for m in term_scan(page).matches
    )


def unexplained(page: Page) -> Iterator[Hit]:
    """First uses of glossary terms that no style explains (an abbreviation's first use is the
    abbreviation rule's business when the abbreviation is the form used)."""
    for use in term_scan(page).uses:
        if use.first and not use.explained and not use.match.is_abbreviation:
            entry = page.glossary.get(use.match.term)
            definition = entry.definition.strip().rstrip(".") if entry is not None else ""
            hit = _hit(page, use.match, definition=definition or "what it means")
            if hit is not None:
                yield hit


def known_abbreviation(page: Page, found: str) -> bool:
    """True when the glossary knows ``found``, and so decides on it, not a pattern.

    As an abbreviation of a term ("AML"), this module's ``unexpanded_abbreviations`` judges it;
    as a term or an alias written in capitals ("HIV", "DNA", "COVID" for COVID-19),
    ``unexplained`` does: the glossary's explanation ("HIV (a virus that slowly harms ...)")
    tells the reader what it is, which is what spelling it out is for.
    """
    return page.glossary.get(found) is not None


def unexpanded_abbreviations(page: Page) -> Iterator[Hit]:
    """The first use of each abbreviation the glossary knows, when it is not spelled out.

    It is spelled out when, at or before that first use, a form of its full term stands next to
    it in parentheses ("acute myeloid leukemia (AML)", "acute myeloid leukemia (AML, a blood
    cancer)" as the explain stage writes it), or when the explain engine counts its
    first use as explained ("AML (acute myeloid leukemia)", "AML is a blood cancer ...").
    """
    text, _ = page.joined
    full_uses: dict[str, list[TermMatch]] = {}
    flagged: set[str] = set()
    for use in term_scan(page).uses:
        match = use.match
        if in_heading(page, match.start):
            continue  # headings are left as written; the first use in running text is judged
        if not match.is_abbreviation:
            full_uses.setdefault(match.term, []).append(match)
            continue
        if match.surface in flagged or _spelled_out(text, use, full_uses.get(match.term, ())):
            flagged.add(match.surface)
            continue
        flagged.add(match.surface)
        hit = _hit(page, match)
        if hit is not None:
            yield hit


def _spelled_out(text: str, use: Use, full: list[TermMatch] | tuple[TermMatch, ...]) -> bool:
    match = use.match
    if use.first and use.explained:
        return True
    if _STANDS_FOR.match(text, match.end) and is_defining(text, match):
        return True  # "PFO stands for patent foramen ovale."
    paren = parenthesis_after(text, match.end)
    if paren is not None and says_something(paren.group(1)):
        return True
    # "acute myeloid leukemia (AML)", and the explain stage's "acute myeloid leukemia (AML, a
    # fast-growing cancer ...)": the abbreviation first in the parenthesis after the full term.
    inner = re.compile(r"[ \t]*\(\s*" + re.escape(match.surface) + r"s?\s*[),;]")
    if any(inner.match(text, m.end) is not None for m in full if m.end <= match.start):
        return True
    # "respiratory syncytial virus RSV infection": the full words stand right before it, as a
    # condition is often registered; the reader meets the words and the letters together
    return any(m.end < match.start and not text[m.end : match.start].strip() for m in full)


def stands_for_next(text: str, end: int, short: str) -> bool:
    """True when a later sentence of the block (``text``) that uses ``short`` (ending at ``end``)
    opens by saying what it stands for: "VR stands for virtual reality." (as the glossary rule
    takes a defining sentence later in the paragraph, where explain puts its sentences)."""
    if "stands for" not in text and "is short for" not in text:
        return False  # most blocks: no such sentence at all
    text = CITATION.sub(lambda m: " " * len(m.group()), text)  # "training.[1] VR ..."
    stop = sentence_end(text, end)
    opening = re.compile(
        r"(?:^|(?<=[.!?]))\s+" + re.escape(short) + r"s?[ \t]+(?:stands|is short) for[ \t]+\w"
    )
    return opening.search(text, stop) is not None


def written_out_before(before: str, short: str) -> bool:
    """True when the words right before ``short`` are its full words ("retinopathy of
    prematurity ROP"): its letters in order, from a word start, the last one in the last word
    (so "obstructive sleep apnea or OSA" is not, "or" is no part of it)."""
    words = before.rstrip()
    if not words or not words[-1].isalpha() or before[len(words) :] not in (" ", "\t"):
        return False
    long = long_form_for(short, words)
    if long is None:
        return False
    letters = [c.lower() for c in short if c.isalpha()]
    return bool(letters) and letters[-1] in long.split()[-1].lower()
