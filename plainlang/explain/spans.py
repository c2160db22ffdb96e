"""Where in a text terms must not be matched or rewritten, and where sentences and paragraphs end.

A glossary match inside a URL, an e-mail address, a registry id, a number, a code span or a
quoted title would corrupt something a reader (or a link checker) relies on, so those character
ranges are *protected*. Headings are found separately: a term there is left as written and its
explanation goes to the first body sentence instead.

All functions are pure and work on character offsets of the text as given.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

Span = tuple[int, int]

# A web or e-mail address as the explain stage treats the end of a sentence: a full stop glued
# to one would change it when a reader copies it (apply leaves such a sentence open; usage then
# reads a defining sentence right after the address).
ADDRESS = r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"

# Each kind of protected text with a cheap test that the text can hold it at all: one combined
# pattern tried at every position costs several milliseconds on a 1,000-word text.
_PROTECTED_KINDS: tuple[tuple[str | re.Pattern[str], re.Pattern[str]], ...] = (
    ("`", re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)),  # code blocks and spans
    ("://", re.compile(r"\b(?:https?|ftp)://[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]]")),  # URLs
    ("www.", re.compile(r"\bwww\.[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]]")),
    ("@", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),  # e-mail
    (
        re.compile(r"\.(?:gov|com|org|net|edu|int|eu|uk|io|info)\b"),  # bare domains
        re.compile(
            r"\b[\w-]+(?:\.[\w-]+)*\.(?:gov|com|org|net|edu|int|eu|uk|io|info)\b"
            r"(?:/[^\s<>\"'`]*)?"
        ),
    ),
    ("NCT", re.compile(r"\bNCT\d{8}\b")),  # ClinicalTrials.gov
    ("ISRCTN", re.compile(r"\bISRCTN\d{8}\b")),
    (
        re.compile(r"-\d{6}"),  # EudraCT and CTIS numbers ("-" first: a fast scan for it)
        re.compile(r"\b(?:EUCTR)?\d{4}-\d{6}-\d{2}(?:-\d{2})?(?:-[A-Z]{2})?\b"),
    ),
    (
        re.compile(r"ACTRN|ChiCTR|CTRI|DRKS|JPRN|KCT|NTR|PACTR|IRCT|TCTR|RBR|SLCTR"),
        re.compile(r"\b(?:ACTRN|ChiCTR|CTRI|DRKS|JPRN|KCT|NTR|PACTR|IRCT|TCTR|RBR|SLCTR)[\w/.-]*\d[\w/.-]*"),
    ),
    # numbers, dates, ranges: a digit not after a letter, digit or dot. The digit comes first
    # and the look-behind after it, so the engine skips ahead to digits (twice as fast as
    # "(?<![\w.])\d+", which it tried at every position).
    ("", re.compile(r"\d(?<![\w.]\d)\d*(?:[.,:/-]\d+)*%?")),
    ('"', re.compile(r"\"[^\"\n]{1,300}\"")),  # quoted titles
    ("“", re.compile("“[^”\n]{1,300}”")),
    ("‘", re.compile("‘[^’\n]{1,300}’")),
)


_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t][^\n]*)?$", re.MULTILINE)
# one greedy run per line: "[^\n]*\S[^\n]*" would backtrack quadratically on a long line
_SETEXT_HEADING = re.compile(r"^([^\n]+)\n {0,3}(?:=+|-{2,})[ \t]*$", re.MULTILINE)
_HTML_HEADING = re.compile(r"<h[1-6][^>]*>.*?</h[1-6]>", re.IGNORECASE | re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_CITED_END = re.compile(r"[.!?]\[\d+(?:[,–-]\s*\d+)*\]$")
# A sentence ends at a line end, or at ".", "!" or "?" (with any closing quotes or brackets)
# before whitespace or the end. Written with the four characters first, so the engine skips
# ahead to them: as "[.!?](...)|\n" it entered the alternation at every character, ~4 µs a
# sentence, and the sentence style asks once per term explained.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|[\"'”’)\]]*(?=\s|$))")


# The number pattern with its digits as [0-9], for a text that is all ASCII: there "\d" can
# match nothing else, and the engine finds the characters of "[0-9]" in a third less time.
_NUMBER = next(pattern for test, pattern in _PROTECTED_KINDS if test == "")
_ASCII_NUMBER = re.compile(_NUMBER.pattern.replace(r"\d", "[0-9]"))


def protected_spans(text: str) -> tuple[Span, ...]:
    """Ranges that matching must not enter: URLs, e-mails, ids, numbers, code, quotes."""
    spans: list[Span] = []
    ascii_only = text.isascii()
    for test, pattern in _PROTECTED_KINDS:
        if isinstance(test, str):
            if test not in text:
                continue
        elif test.search(text) is None:
            continue
        if pattern is _NUMBER and ascii_only:
            pattern = _ASCII_NUMBER
        spans.extend(m.span() for m in pattern.finditer(text))
    return tuple(sorted(spans))


def heading_spans(text: str) -> tuple[Span, ...]:
    """Ranges of Markdown (``#``, underlined) and HTML headings."""
    # each kind only when the text has its mark: most texts have none, and the line-anchored
    # patterns cost a pass over the whole text each
    spans = [m.span() for m in _ATX_HEADING.finditer(text)] if "#" in text else []
    if "\n" in text and ("=" in text or "--" in text):
        spans.extend(m.span(1) for m in _SETEXT_HEADING.finditer(text) if m.group(1).strip())
    if "<h" in text or "<H" in text:
        spans.extend(m.span() for m in _HTML_HEADING.finditer(text))
    return tuple(sorted(spans))


class SpanSet:
    """Sorted, non-overlapping spans with fast "does this range cross one" queries."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def _around(self, start: int, end: int) -> Iterable[Span]:
        i = max(bisect_right(self._starts, start) - 1, 0)
        while i < len(self._starts) and self._starts[i] < end:
            yield self._starts[i], self._ends[i]
            i += 1

    def crosses(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a span without wholly containing it.

        A term may contain a number ("type 2 diabetes", "COVID-19"); it may not cut one, nor
        reach into a URL or a quotation.
        """
        # a loop rather than any() over _around: this runs for every match of every text
        starts, ends = self._starts, self._ends
        i = max(bisect_right(starts, start) - 1, 0)
        count = len(starts)
        while i < count and starts[i] < end:
            s, e = starts[i], ends[i]
            if start < e and not (start <= s and e <= end):
                return True
            i += 1
        return False

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self._around(start, end))

    def __bool__(self) -> bool:
        return bool(self._starts)

    def __iter__(self) -> Iterator[Span]:
        return zip(self._starts, self._ends, strict=True)


@functools.lru_cache(maxsize=4)
def _paragraph_breaks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the blank-line breaks of ``text``.

    Cached for the last few texts: a scan asks for the paragraph of each first use, and
    finding the breaks again each time made a whole page's scan quadratic in its length.
    """
    found = [m.span() for m in _PARAGRAPH_BREAK.finditer(text)]
    return tuple(s for s, _ in found), tuple(e for _, e in found)


def one_paragraph(text: str) -> bool:
    """True when ``text`` has no blank line: ``paragraph_of`` is then the whole text."""
    return _PARAGRAPH_BREAK.search(text) is None


def paragraph_of(text: str, position: int) -> Span:
    """The paragraph (text between blank lines) holding ``position``."""
    starts, ends = _paragraph_breaks(text)
    # the paragraph starts after the last break ending at or before position...
    before = bisect_right(ends, position)
    start = ends[before - 1] if before else 0
    # ...and ends at the first break starting at or after position (for a position inside a
    # break, that is the next break: the paragraph that follows it)
    after = bisect_left(starts, position, before)
    return start, starts[after] if after < len(starts) else len(text)


def sentence_end(text: str, position: int) -> int:
    """Offset just after the sentence that holds ``position`` (its full stop, or the line end)."""
    m = _SENTENCE_END.search(text, position)
    if m is None:
        return len(text)
    return m.start() if m.group() == "\n" else m.end()


def sentence_ends(text: str, positions: Iterable[int]) -> list[int]:
    """``sentence_end(text, p)`` for each of ``positions``: one search per sentence when they
    come in text order (the sentence styles ask for the end of each explained term's sentence).

    A search from ``p`` finds the first boundary at or after it; from any later position up to
    that boundary's first character it finds the same one.
    """
    ends = []
    since, upto, end = 0, -1, 0  # positions in [since, upto] end at ``end``
    for position in positions:
        if not since <= position <= upto:
            m = _SENTENCE_END.search(text, position)
            since = position
            if m is None:
                upto = end = len(text)
            else:
                upto = m.start()
                end = upto if m.group() == "\n" else m.end()
        ends.append(end)
    return ends


def sentence_start(text: str, position: int) -> int:
    """Offset of the first character of the sentence holding ``position``."""
    i = _after_boundary(text, position)
    while i < position and (text[i].isspace() or text[i] in "-*+•>#"):
        i += 1
    # skip a list number like "1." or "a)"
    m = _LIST_NUMBER.match(text, i, position)
    return m.end() if m else i


def _after_boundary(text: str, position: int) -> int:
    """Offset just after the nearest sentence boundary before ``position``: a line break, or
    ".", "!", "?" (or a citation "[1]" after one) followed by whitespace or the end.

    Jumps from one candidate character to the next with ``rfind`` (C speed) instead of
    stepping back a character at a time: the "fit" style asks this for every term it explains,
    and a long line made it a third of the explain stage.
    """
    line = text.rfind("\n", 0, position) + 1
    i = position
    while i > line:
        j = max(
            text.rfind(".", line, i),
            text.rfind("!", line, i),
            text.rfind("?", line, i),
            text.rfind("]", line, i),
        )
        if j < 0:
            return line
        after = j + 1
        if after == len(text) or text[after].isspace():
            if text[j] != "]":
                return after
            # a rendered page cites after the full stop: "... everyone.[1] Side effects means ..."
            if _CITED_END.search(text, max(after - 24, 0), after):
                return after
        i = j
    return line


_LIST_NUMBER = re.compile(r"(?:\d{1,3}|[a-zA-Z])[.)]\s+")
