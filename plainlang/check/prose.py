"""The prose of a published page, as the rules see it, with a way back to the original file.

A page is read into ``Prose``: blocks of running text (headings, paragraphs, list items, table
cells, reference-list entries) grouped into sections. Markup is gone from the block text — code,
URLs, tags, front matter, emphasis markers — but every character of it remembers the offset of
the character it came from in the original file, so a finding always points into the file the
publisher edits, not into some intermediate string.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Literal

# A citation marker: [3], [1, 2], [1–4]. The numbers are group 1.
CITATION = re.compile(r"\[(\d{1,4}(?:\s*[,–-]\s*\d{1,4})*)\]")

# Web addresses are not prose: their letters would count as long words and odd "sentences".
URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"']+|\bwww\.[^\s<>\"']+", re.IGNORECASE)
_URL_TAIL = ".,;:!?)]"
# A section with one of these titles is a reference list, in every format.
REFERENCE_TITLES = re.compile(r"^\s*(?:references?|sources?|citations?)\s*$", re.IGNORECASE)

BlockKind = Literal["heading", "paragraph", "item", "cell", "reference"]
Format = Literal["markdown", "html", "text", "json"]


@dataclass(frozen=True)
class Block:
    """A run of prose. ``offsets[i]`` is where ``text[i]`` sits in the original file."""

    kind: BlockKind
    text: str
    offsets: tuple[int, ...]
    section: int
    number: int | None = None  # the entry's number, for kind "reference"
    # The length of an item's lead label (``text[:label]``, before its ": "), when the page says
    # so itself (plainlang's JSON: a block's ``label``); None for pages whose markup tells
    # (Markdown's "**label**:", HTML's <strong>), which ``jargon.label_end`` reads.
    label: int | None = None

    def origin(self, index: int) -> int:
        """Original offset of ``text[index]``; an end index maps just past the last character."""
        if not self.offsets:
            return 0
        if index >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[max(index, 0)]


@dataclass(frozen=True)
class Section:
    title: str
    level: int  # 0 for the part before the first heading
    references: bool = False  # a "References" / "Sources" list, not prose to judge


@dataclass(frozen=True)
class Prose:
    source: str
    format: Format
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    # Source ranges of sentences whose numbers are computed (plainlang's JSON: a source with a
    # ``derivation``, like ``count(locations)``); ``fidelity.number`` takes the computation as
    # their support. Markdown, HTML and text pages do not say which numbers are computed.
    derived: tuple[tuple[int, int], ...] = ()

    def text_blocks(self) -> tuple[Block, ...]:
        """Blocks a reader reads as running text: everything but the reference list."""
        return tuple(b for b in self.blocks if b.kind != "reference")

    def references(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "reference")

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of ``offset`` in the source."""
        return position(self.source, offset)


@functools.lru_cache(maxsize=64)
def line_starts(source: str) -> tuple[int, ...]:
    starts = [0]
    index = source.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = source.find("\n", index + 1)
    return tuple(starts)


def position(source: str, offset: int) -> tuple[int, int]:
    starts = line_starts(source)
    offset = max(0, min(offset, len(source)))
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def line_offset(source: str, line: int, column: int) -> int:
    """Offset of a 1-based line and 0-based column (what html.parser reports)."""
    starts = line_starts(source)
    return starts[min(line, len(starts)) - 1] + column


class BlockBuilder:
    """Collects text and its origins, then yields one Block (mutable on purpose).

    Text is kept in the pieces it was added in (joined once, at ``build``): a page adds
    thousands of pieces, and a list of single characters costs a list slot each."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets: list[int] = []

    @property
    def chars(self) -> list[str]:
        return list("".join(self.parts))

    def add(self, text: str, start: int) -> None:
        if text:
            self.parts.append(text)
            self.offsets.extend(range(start, start + len(text)))

    def add_char(self, char: str, offset: int) -> None:
        self.parts.append(char)
        self.offsets.append(offset)

    def space(self, offset: int) -> None:
        if self.parts and not self.parts[-1][-1].isspace():
            self.add_char(" ", offset)

    def empty(self) -> bool:
        return not "".join(self.parts).strip()

    def build(
        self, kind: BlockKind, section: int, number: int | None = None, label: int | None = None
    ) -> Block:
        """The block; ``label``: how many characters added first are the item's lead label."""
        text = mask_urls("".join(self.parts))
        # Trim outer whitespace but keep text and offsets aligned.
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        offsets = self.offsets if start == 0 and end == len(self.offsets) else self.offsets[start:end]
        if label is not None:
            label = min(max(label - start, 0), end - start)
        return Block(kind, text[start:end], tuple(offsets), section, number, label)


def piece_block(kind: BlockKind, text: str, origin: int, section: int, number: int | None = None) -> Block:
    """The block a ``BlockBuilder`` builds from ``text`` added whole at ``origin`` and nothing
    else (no label): most blocks of a page are one such piece (a line of plain text), and this
    skips the builder and its list of offsets (``add`` then ``build``, held equal by a property
    test)."""
    text = mask_urls(text)
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return Block(kind, text[start:end], tuple(range(origin + start, origin + end)), section, number)


def mask_urls(text: str) -> str:
    """``text`` with every web address replaced by spaces of the same length."""
    if "://" not in text and "www." not in text.lower():
        return text  # no address can match: skip the pattern (most blocks have none)

    def blank(match: re.Match[str]) -> str:
        url = match[0].rstrip(_URL_TAIL)
        return " " * len(url) + match[0][len(url) :]

    return URL.sub(blank, text)
