"""Built-in sources: the domain knowledge a rule names with ``source:`` in rules.yaml.

Each source is a small function of the page: hits for existence and conditional rules,
required texts for required rules, measures for metric rules. They read the publisher's policy,
the glossary, the readability engine and the record a page was written from.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from plainlang.check import fidelity, jargon, measures
from plainlang.check.page import Page, Span
from plainlang.check.prose import CITATION
from plainlang.check.rules.base import Hit, at_word_start, finder, matcher, word_start
from plainlang.policy import find_contacts

SpanSource = Callable[[Page], Iterator[Hit]]
TextSource = Callable[[Page], tuple[tuple[str, str], ...]]
Measure = Callable[[Page, str], Iterator[tuple[Span | None, str, float]]]

_QUOTES = str.maketrans(dict.fromkeys("‘’‚‛′`´", "'") | dict.fromkeys("“”„‟″«»", '"'))
_QUOTES_DASHES = str.maketrans(
    dict.fromkeys("‘’‚‛′`´", "'") | dict.fromkeys("“”„‟″«»", '"') | dict.fromkeys("‐‑‒–—―−", "-")
)
_DASH_RUN = re.compile(r" ?-+ ?")


def normalise(text: str) -> str:
    """Text compared for presence: case, white space, quotes and dashes made uniform.

    Dashes become ``-`` and white space runs single spaces first (``translate`` and ``split``
    run in C); one short pattern then joins a dash to the words around it. The result is the
    same as matching ``\\s*[dashes]+\\s*`` on the raw text, in three quarters of the time.
    """
    flat = " ".join(text.translate(_QUOTES_DASHES).split())
    return _DASH_RUN.sub("-", flat).casefold()


def contacts(page: Page) -> Iterator[Hit]:
    for block in page.blocks:
        if not _may_hold_contact(block.text):
            continue
        for match in find_contacts(block.text):
            yield Hit(Span(block, match.start(), match.end()), {"match": match[0]})


def _may_hold_contact(text: str) -> bool:
    """False when ``text`` cannot hold what ``find_contacts`` finds: an e-mail address needs an
    "@"; a phone number is nine digits or more with only spaces, dots, dashes, "+" and
    parentheses between them, so nine such characters from a digit on; a toll-free number
    starts "800 ", "888-"... (as ``VANITY_PHONE`` does). Most blocks fail all three, and skip
    the three patterns."""
    return "@" in text or _PHONE_RUN.search(text) is not None or _TOLL_FREE.search(text) is not None


_PHONE_RUN = re.compile(r"\d[\d\s.()+-]{8,}")
_TOLL_FREE = re.compile(r"8(?:00|33|44|55|66|77|88)[\s.-]")


def forbidden_wording(page: Page) -> Iterator[Hit]:
    # Most blocks have no forbidden phrase at all: look at sentences only in blocks that do, found
    # with every phrase in one pattern (one scan of a block instead of one per phrase).
    anything = _any_of(tuple((rule.pattern.pattern, rule.pattern.flags) for rule in page.policy.forbidden))
    holds_phrase = finder(anything)
    flagged = {id(b) for b in page.blocks if holds_phrase(b.text)}
    for sentence in page.sentences:
        if id(sentence.block) not in flagged:
            continue
        for rule, match in page.policy.forbidden_in(sentence.text):
            yield Hit(
                sentence.sub(match.start(), match.end()),
                {"match": match[0], "reason": rule.message, "id": rule.id},
            )


@functools.lru_cache(maxsize=16)
def _any_of(patterns: tuple[tuple[str, int], ...]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does (each keeps its own flags).

    With one set of flags for all (the policy's phrases), the flags go on the whole pattern and
    ``word_start`` lets the regex engine try the phrases only where one can start: a quarter of
    the time of the plain alternation on generated pages.
    """
    if not patterns:
        return re.compile(r"(?!)")
    if len({flags for _, flags in patterns}) == 1:
        joined = "|".join(f"(?:{text})" for text, _ in patterns)
        start = word_start(tuple(text for text, _ in patterns))
        return re.compile(f"{start}(?:{joined})", patterns[0][1])
    joined = "|".join(
        f"(?{_inline_flags(f)}:{text})" if _inline_flags(f) else f"(?:{text})" for text, f in patterns
    )
    return re.compile(rf"\b(?:{joined})" if at_word_start(text for text, _ in patterns) else joined)


def _inline_flags(flags: int) -> str:
    return "".join(
        letter
        for letter, flag in (("i", re.IGNORECASE), ("m", re.MULTILINE), ("s", re.DOTALL), ("x", re.VERBOSE))
        if flags & flag
    )


@functools.lru_cache(maxsize=1024)
def _numbers(marker: str) -> tuple[int, ...]:
    """The numbers a marker cites ("1, 3–5": 1, 3, 4, 5), remembered: a page has a hundred
    markers, most of them "1"."""
    numbers: list[int] = []
    for part in re.split(r"\s*,\s*", marker):
        ends = [int(n) for n in re.split(r"\s*[–-]\s*", part)]
        numbers.extend(range(ends[0], ends[-1] + 1) if len(ends) == 2 and ends[1] - ends[0] < 100 else ends)
    return tuple(numbers)


def dangling_citations(page: Page) -> Iterator[Hit]:
    """A marker with no reference of its number, and a reference no marker cites."""
    references = {b.number: b for b in page.prose.references() if b.number is not None}
    cited: set[int] = set()
    matches = matcher(CITATION)
    for block in page.blocks:
        for match in matches(block.text):
            for number in _numbers(match[1]):
                cited.add(number)
                if number not in references:
                    yield Hit(
                        Span(block, match.start(), match.end()),
                        {"match": match[0], "problem": f"[{number}] has no reference"},
                    )
    for number, block in sorted(references.items()):
        if number not in cited:
            yield Hit(
                Span(block, 0, len(block.text)),
                {"match": str(number), "problem": f"reference {number} is never cited"},
            )


def disclaimers(page: Page) -> tuple[tuple[str, str], ...]:
    return tuple((d.id, d.text) for d in page.policy.disclaimers)


EXISTENCE: dict[str, SpanSource] = {
    "contacts": contacts,
    "unsupported-numbers": fidelity.unsupported,
}
CONDITIONAL: dict[str, SpanSource] = {
    "policy.forbidden": forbidden_wording,
    "citations": dangling_citations,
    "glossary.unexplained": jargon.unexplained,
}
# For a pattern-based conditional rule with ``glossary: abbreviations``: matches the glossary
# knows are judged by the glossary (``known``), which also reports its own hits (``hits``).
GLOSSARY_ABBREVIATIONS = (jargon.known_abbreviation, jargon.unexpanded_abbreviations)
REQUIRED: dict[str, TextSource] = {"policy.disclaimers": disclaimers}
MEASURES: dict[str, Measure] = {
    "smog": measures.smog,
    "flesch_kincaid_grade": measures.flesch_kincaid_grade,
    "words": measures.words,
}
