"""A page under check: its prose and everything a rule may consult (profile, policy, record).

Rules see spans of blocks. A ``Span`` is a stretch of one block's text; because the block knows
where each character came from, a span turns into a line:col range in the original file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from plainlang.check.prose import Block, Prose
from plainlang.config import Profile
from plainlang.policy import Policy


@dataclass(frozen=True)
class Span:
    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    def sub(self, start: int, end: int) -> Span:
        """The part of this span from ``start`` to ``end``, counted within the span."""
        return Span(self.block, self.start + start, self.start + end)


@dataclass(frozen=True)
class RecordFacts:
    """What a registry record states, for ``fidelity.number``: its numbers (thousands separators
    removed, leading zeros and trailing decimal zeros dropped) and its dates (ISO, at the
    precision written)."""

    origin: str
    numbers: frozenset[str]
    dates: frozenset[str]


@dataclass(frozen=True)
class Page:
    prose: Prose
    file: str
    profile: Profile
    policy: Policy
    record: RecordFacts | None = None  # the record the page was written from (``--against``)
    # Values several rules derive from the page (sentence counts...), computed once per page.
    memo: dict[str, object] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @functools.cached_property
    def blocks(self) -> tuple[Block, ...]:
        """Blocks of running text (reference entries excluded)."""
        return self.prose.text_blocks()

    @functools.cached_property
    def sentences(self) -> tuple[Span, ...]:
        return tuple(s for block in self.blocks for s in split_sentences(block))

    @functools.cached_property
    def joined(self) -> tuple[str, tuple[int, ...]]:
        """All running text in one string (blocks split by blank lines) and where each block starts.

        Engines that read a whole document (glossary matching, scoring) get this string; their
        offsets are turned back into spans with ``span_at``.
        """
        starts: list[int] = []
        parts: list[str] = []
        position = 0
        for block in self.blocks:
            starts.append(position)
            parts.append(block.text)
            position += len(block.text) + 2
        return "\n\n".join(parts), tuple(starts)

    @functools.cached_property
    def _block_index(self) -> dict[int, int]:
        return {id(block): index for index, block in enumerate(self.blocks)}

    def joined_offset(self, span: Span, index: int) -> int:
        """Where ``span.text[index]`` is in the ``joined`` text."""
        _, starts = self.joined
        return starts[self._block_index[id(span.block)]] + span.start + index

    def span_at(self, start: int, end: int) -> Span | None:
        """The span of ``joined`` text from ``start`` to ``end`` (clipped to one block)."""
        import bisect

        _, starts = self.joined
        index = bisect.bisect_right(starts, start) - 1
        if index < 0 or index >= len(self.blocks):
            return None
        block = self.blocks[index]
        local = start - starts[index]
        return Span(block, local, min(len(block.text), local + max(end - start, 1)))


# FALLBACK(readability): a plain splitter used until plainlang.readability.segment is on main.
# A sentence ends at . ! or ? (citation markers and closing quotes stay with it) followed by
# white space; every block is at least one sentence of its own (list items, headings).
_SENTENCE_END = re.compile(r"[.!?]+(?:\[\d+\])*[\"”’')\]]*(?=\s)")


def split_sentences(block: Block) -> tuple[Span, ...]:
    text = block.text
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            spans.append(_trimmed(block, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trimmed(block, start, len(text)))
    return tuple(spans)


def _trimmed(block: Block, start: int, end: int) -> Span:
    piece = block.text[start:end]
    return Span(block, start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip()))
