"""A page under check: its prose and everything a rule may consult (profile, policy, record).

Rules see spans of blocks. A ``Span`` is a stretch of one block's text; because the block knows
where each character came from, a span turns into a line:col range in the original file.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

from plainlang.check.prose import Block, Prose
from plainlang.config import Profile
from plainlang.explain import Glossary
from plainlang.policy import Policy
from plainlang.readability.segment import segment


@dataclass(frozen=True)
class Span:
    block: Block
    start: int
    end: int
    # For a sentence: its text as the readability engine scores it (markers and URLs removed).
    scored: str | None = field(default=None, compare=False)

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
    def block_spans(self) -> tuple[Span, ...]:
        """A span over each block's whole text, in order: built once per page for every rule
        that reads blocks whole (each conditional rule made its own, a span per block)."""
        return tuple(Span(block, 0, len(block.text)) for block in self.blocks)

    @functools.cached_property
    def joined(self) -> tuple[str, tuple[int, ...]]:
        """All running text in one string and where each block's text starts in it.

        Engines that read a whole document (the glossary's explain scan) get this string; their
        offsets are turned back into spans with ``span_at``. Blocks are split by blank lines, so
        each is a paragraph to the explain engine, and a heading is written ``# title`` so the
        engine sees it as a heading (a term in a heading is not its first use). The page is one
        string, not one per sentence or block, because a term explained once is explained for
        the rest of the page.
        """
        starts: list[int] = []
        parts: list[str] = []
        position = 0
        for block in self.blocks:
            prefix = "# " if block.kind == "heading" else ""
            starts.append(position + len(prefix))
            parts.append(prefix + block.text)
            position += len(prefix) + len(block.text) + 2
        return "\n\n".join(parts), tuple(starts)

    @functools.cached_property
    def glossary(self) -> Glossary:
        """The built-in glossary packs plus the profile's (loaded once per run: ``Glossary.load``
        is cached on its arguments)."""
        return Glossary.load(self.profile.glossaries)

    @functools.cached_property
    def _block_index(self) -> dict[int, int]:
        return {id(block): index for index, block in enumerate(self.blocks)}

    def joined_offset(self, span: Span, index: int) -> int:
        """Where ``span.text[index]`` is in the ``joined`` text."""
        _, starts = self.joined
        return starts[self._block_index[id(span.block)]] + span.start + index

    def span_at(self, start: int, end: int) -> Span | None:
        """The span of ``joined`` text from ``start`` to ``end`` (clipped to one block)."""
        _, starts = self.joined
        index = bisect.bisect_right(starts, start) - 1
        if index < 0 or index >= len(self.blocks):
            return None
        block = self.blocks[index]
        local = start - starts[index]
        return Span(block, local, min(len(block.text), local + max(end - start, 1)))


def split_sentences(block: Block) -> tuple[Span, ...]:
    """The sentences of a block, cut by the readability engine's segmenter (the one segmenter of
    the project), each with the text that is scored (citation markers, URLs and ids removed)."""
    return tuple(Span(block, start, end, scored) for start, end, scored in _segments(block.text))


@functools.lru_cache(maxsize=16384)
def _segments(text: str) -> tuple[tuple[int, int, str], ...]:
    """Where the sentences of a block's text are, remembered by text: pages written by one tool
    share most of their headings, disclaimers and stock sentences (on the 305 pages plainlang
    writes from ../shared/data, 14,438 blocks hold 5,653 distinct texts), and the segmenter
    is a pure function of the text."""
    return tuple((seg.start, seg.end, seg.text) for seg in segment(text, markdown=False))
