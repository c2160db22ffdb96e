"""Registry free text → Passage: paragraphs, list items and headings.

ClinicalTrials.gov v2 text is Markdown with backslash escapes (``\\>``, ``\\*``); older formats
are hard-wrapped plain text. Both come here. The legacy XML (AllPublicXML) indents a whole text
block by six to ten spaces and wraps every line at about 90 characters, an item's wrapped lines
indented under its text or (lazily, as Markdown allows) under its marker. We take off the indent
the block shares; a line goes on the item above it unless a blank line comes between or it sits
left of the item's marker. We decode escapes, fold whitespace and split the text into blocks,
and never touch a character that carries meaning: numbers, units, comparison signs and
punctuation inside a line stay exactly as written.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from plainlang.model import Passage, TextBlock

# Markdown lets any ASCII punctuation be escaped with a backslash; the registry escapes
# comparison signs, asterisks and underscores that are part of the text ("\>= 18 years").
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-*+•·▪◦‣●○]|(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)])[ \t]+(?P<text>\S.*)$"
)
_HEADING_HASH = re.compile(r"^[ \t]*#{1,6}[ \t]+(?P<text>.+?)[ \t#]*$")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
# A short line ending in a colon, standing alone, is a heading: "Inclusion Criteria:".
_HEADING_COLON = re.compile(r"^[^.:;]{2,60}:$")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def decode_escapes(text: str) -> str:
    """Undo Markdown backslash escapes: ``\\>= 18`` → ``>= 18``."""
    return _ESCAPE.sub(r"\1", text)


def fold_spaces(text: str) -> str:
    """Runs of spaces, tabs and no-break spaces become one space; ends are trimmed."""
    return _SPACES.sub(" ", text).strip()


class _Line(NamedTuple):
    """One classified line (a NamedTuple: one is made per line of every registry text)."""

    indent: int
    marker: str
    text: str


def _classify(raw: str) -> _Line | None:
    if not raw.strip():
        return None
    hashed = _HEADING_HASH.match(raw)
    if hashed:
        return _Line(-1, "#", fold_spaces(hashed["text"]))
    bullet = _BULLET.match(raw)
    if bullet and not _looks_like_sentence_start(bullet["marker"], bullet["text"]):
        indent = len(bullet["indent"].expandtabs(4))
        return _Line(indent, bullet["marker"], fold_spaces(bullet["text"]))
    return _Line(len(raw) - len(raw.lstrip(" \t")), "", fold_spaces(raw))


def _looks_like_sentence_start(marker: str, text: str) -> bool:
    """A letter "marker" before a lower-case word is prose ("i. e. the dose"), not a list item.

    Registry lists with letters are written "a) Age over 18": a capital or a digit follows.
    """
    if not marker[0].isalpha():
        return False
    return not (text[:1].isupper() or text[:1].isdigit())


def _dedent(text: str) -> str:
    """Take off the indent every non-blank line shares (tabs count as four spaces)."""
    lines = text.expandtabs(4).split("\n")
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    shared = min(indents, default=0)
    if shared == 0:
        return text
    return "\n".join(line[shared:] for line in lines)


def to_passage(raw: str | None, path: str, *, line_breaks: bool = False) -> Passage | None:
    """Split registry text into blocks; ``None`` when there is no text at all.

    Lines of a paragraph are joined: legacy XML hard-wraps its prose at about 70 characters.
    With ``line_breaks`` every line is a block of its own, for formats that never wrap and
    write one criterion per line with no bullet (the classic ClinicalTrials.gov API).
    """
    if raw is None:
        return None
    text = decode_escapes(_HTML_BREAK.sub("\n", raw.replace("\r\n", "\n").replace("\r", "\n")))
    text = _dedent(text)
    blocks: list[TextBlock] = []
    item_indents: list[int] = []  # indents of the open list levels, outermost first
    open_block: list[str] = []  # lines of the block being built
    open_kind: str = ""
    open_depth = 0
    open_marker = ""

    def close() -> None:
        nonlocal open_block, open_kind
        if open_block:
            # Each line is folded already; so is one line alone (most items are one line).
            joined = open_block[0] if len(open_block) == 1 else fold_spaces(" ".join(open_block))
            kind = open_kind
            if kind == "paragraph" and _HEADING_COLON.match(joined):
                kind = "heading"
            blocks.append(TextBlock(kind, joined, open_depth, open_marker))  # type: ignore[arg-type]
        open_block = []
        open_kind = ""

    for raw_line in text.split("\n"):
        line = _classify(raw_line)
        if line is None:
            close()  # a blank line ends a block; a list may go on after it
            continue
        if line.marker == "#":
            close()
            item_indents.clear()
            open_kind, open_depth, open_marker, open_block = "heading", 0, "", [line.text]
            close()
            continue
        if line.marker:
            close()
            while item_indents and line.indent < item_indents[-1]:
                item_indents.pop()
            if not item_indents or line.indent > item_indents[-1]:
                item_indents.append(line.indent)
            open_kind, open_depth, open_marker = "item", len(item_indents) - 1, line.marker
            open_block = [line.text]
            continue
        if open_kind == "item" and item_indents and line.indent >= item_indents[-1]:
            open_block.append(line.text)  # an item's wrapped continuation line
            continue
        if open_kind == "paragraph" and not line_breaks:
            open_block.append(line.text)
            continue
        close()
        item_indents.clear()
        open_kind, open_depth, open_marker, open_block = "paragraph", 0, "", [line.text]
    close()
    return Passage(tuple(b for b in blocks if b.text), path) if blocks else None
