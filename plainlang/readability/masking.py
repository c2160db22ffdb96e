"""Text that remembers where each of its characters came from, and what is never scored.

The segmenter must hand ``plainlang check`` offsets into the text the user wrote, while the
scorer must never see markup, URLs, e-mail addresses, registry ids or citation markers. Both
needs meet in :class:`Mapped`: a string plus, for each character, its offset in the source.
Deleting or replacing spans keeps that map, so a sentence found in the cleaned text maps back to
the exact slice of the input.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

# A block-level HTML tag (or <br>) is a hard break between sentences; the splitter reads two
# newlines as one, and they score as whitespace.
HARD_BREAK = "\n\n"

# Markdown and HTML markup. Each form starts with one of _MARKUP_START's characters, which are
# rare in prose, so the full pattern is only tried where one of them occurs. Link and image
# syntax keeps the words a reader sees (the link text) and drops the rest. Citation markers
# (``[1]``, ``[1, 2]``, ``[1-3]``, ``[^1]``) are removed in plain text too.
_CITE = r"(?P<cite>\[\^?\d+(?:\s*[-–,]\s*\^?\d+)*\])"
_MARKUP = re.compile(
    "|".join(
        (
            _CITE,
            r"(?P<code>(?P<ticks>`+)[\s\S]*?(?P=ticks))",
            r"(?P<autolink><(?:https?|ftp|mailto):[^\s<>]*>|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>)",
            r"(?P<comment><!--[\s\S]*?(?:-->|$))",
            r"(?P<tag></?(?P<tagname>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>)",
            r"(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)",
            r"(?P<escape>\\(?=[!-/:-@\[-`{-~]))",
            r"(?P<image>!\[[^\]\n]*\]\([^)\n]*\))",
            r"(?P<linkopen>\[)(?=[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\]))",
            r"(?P<linkclose>\](?:\([^)\n]*\)|\[[^\]\n]*\]))",
            r"(?P<emphasis>[*~_]+)",
        )
    )
)
_MARKUP_START = re.compile(r"[\[`<&\\!\]*~_]")
_CITE_ONLY = re.compile(_CITE)

# A bullet at the start of a line of plain text ("-  age 18 or older", "• pregnant", "2) ...")
# starts a new sentence: it is turned into a hard break.
_BULLET = re.compile(r"[ \t]*(?:[-•*·▪◦‣⁃–]|\(?\d{1,3}[.)]|\(?[a-z][.)])[ \t]+")

# Never scored, in plain text and in Markdown alike. Each is looked for only when a cheap test
# says it may be there (most sentences have no URL, no @ and no long run of digits). Registry ids
# are the formats of the registries plainlang reads (ClinicalTrials.gov, ISRCTN, EudraCT/CTIS,
# ANZCTR, DRKS, ChiCTR, CTRI, jRCT...); each has at least five digits in a row.
_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>()\[\]{}]*[^\s<>()\[\]{}.,;:!?'\"]"
    # A bare domain name ("ClinicalTrials.gov") is an address too, not a seven-syllable word.
    r"|\b[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?:gov|org|com|net|edu|int|eu|uk|de|fr|io|info)\b"
    r"(?:/[^\s<>()\[\]{}]*[^\s<>()\[\]{}.,;:!?'\"])?"
)
_DOMAIN = re.compile(r"\.(?:gov|org|com|net|edu|int|eu|uk|de|fr|io|info)\b")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DIGIT_RUN = re.compile(r"\d{5}")
_REGISTRY_ID = re.compile(
    r"\b(?:NCT\d{8}|ISRCTN\d{8}|ACTRN\d{14}|DRKS\d{8}|ChiCTR[-\w]*\d+|KCT\d{7}"
    r"|CTRI/\d{4}/\d+/\d+|EUCTR\d{4}-\d{6}-\d{2}(?:-[A-Z]{2})?|\d{4}-\d{6}-\d{2}(?:-\d{2})?"
    r"|jRCT\w*\d+|JPRN-\w+|IRCT\w*\d+|PACTR\d+|NTR\d+|NL\d{4,}|TCTR\d+|SLCTR/\d{4}/\d+)\b"
)

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "  # noqa: SIM905
    "h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)


@dataclass(frozen=True)
class Mapped:
    """A string and, for each of its characters, the offset of that character in the source."""

    text: str
    positions: tuple[int, ...]

    @classmethod
    def of(cls, source: str, pieces: Iterable[tuple[int, int]]) -> Mapped:
        """Source slices ``[start, end)`` joined by newlines (a piece is a line of a block)."""
        parts: list[str] = []
        positions: list[int] = []
        for start, end in pieces:
            if parts:
                parts.append("\n")
                positions.append(positions[-1] + 1 if positions else start)
            parts.append(source[start:end])
            positions.extend(range(start, end))
        return cls("".join(parts), tuple(positions))

    def replace(self, spans: Iterable[tuple[int, int, str]]) -> Mapped:
        """Replace each ``(start, end, new)`` span (sorted, not overlapping) with ``new``.

        Every character of ``new`` maps to the source offset of the span's first character.
        """
        parts: list[str] = []
        positions: list[int] = []
        done = 0
        for start, end, new in spans:
            parts.append(self.text[done:start])
            positions.extend(self.positions[done:start])
            if new:
                parts.append(new)
                anchor = self.positions[start] if start < len(self.positions) else self.end
                positions.extend([anchor] * len(new))
            done = end
        parts.append(self.text[done:])
        positions.extend(self.positions[done:])
        return Mapped("".join(parts), tuple(positions))

    @property
    def end(self) -> int:
        return self.positions[-1] + 1 if self.positions else 0

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source slice covered by ``text[start:end]`` (``end > start``)."""
        return self.positions[start], self.positions[end - 1] + 1


Span = tuple[int, int, str]


def _markup_replacement(match: re.Match[str]) -> str | None:
    """What a piece of markup becomes; None to leave it as it is."""
    # lastgroup names the outermost group that matched (a group closes after the groups in it).
    kind = match.lastgroup
    if kind == "tag":
        name = (match.group("tagname") or "").lower()
        return HARD_BREAK if name in _BLOCK_TAGS else ""
    if kind == "entity":
        return html.unescape(match.group(0))
    if kind == "emphasis" and match.group(0)[0] == "_":
        text, start, end = match.string, match.start(), match.end()
        inside_word = start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
        return None if inside_word else ""  # snake_case stays one word, as textstat reads it
    return ""


def _markup_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    position = 0
    while hit := _MARKUP_START.search(text, position):
        match = _MARKUP.match(text, hit.start())
        if match is None or match.end() == match.start():
            position = hit.start() + 1
            continue
        new = _markup_replacement(match)
        if new is not None:
            spans.append((match.start(), match.end(), new))
        position = match.end()
    return spans


def _bullet_spans(text: str) -> list[Span]:
    starts = (0, *(m.end() for m in re.finditer("\n", text)))
    found = (_BULLET.match(text, start) for start in starts)
    return [(m.start(), m.end(), HARD_BREAK) for m in found if m]


def _removed(pattern: re.Pattern[str], text: str) -> list[Span]:
    return [(m.start(), m.end(), "") for m in pattern.finditer(text)]


def clean(mapped: Mapped, *, markdown: bool) -> Mapped:
    """``mapped`` without what is never scored; block tags and bullets become hard breaks.

    Markup goes first, so that a URL inside a link or an autolink is gone with it.
    """
    text = mapped.text
    spans = _markup_spans(text) if markdown else _removed(_CITE_ONLY, text) if "[" in text else []
    if spans:
        mapped = mapped.replace(spans)
        text = mapped.text
    spans = _bullet_spans(text)
    if "://" in text or "www." in text or _DOMAIN.search(text):
        spans += _removed(_URL, text)
    if "@" in text:
        spans += _removed(_EMAIL, text)
    if _DIGIT_RUN.search(text):
        spans += _removed(_REGISTRY_ID, text)
    return mapped.replace(_disjoint(spans)) if spans else mapped


def _disjoint(spans: list[Span]) -> list[Span]:
    """Sorted, and a span that overlaps an earlier one dropped (an e-mail inside a URL)."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets where lines begin, with ``\\r\\n``, ``\\r`` and ``\\n`` as line ends (as Markdown)."""
    return (0, *(m.end() for m in re.finditer(r"\r\n?|\n", text)))


def line_col(text: str, offset: int, starts: tuple[int, ...] | None = None) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text`` (pass ``starts`` to reuse them)."""
    from bisect import bisect_right

    starts = starts if starts is not None else line_starts(text)
    line = bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1
