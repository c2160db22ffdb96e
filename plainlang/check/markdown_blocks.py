"""A short way through markdown-it's block parser for the page shapes plainlang writes.

markdown-it's block parser tries every block rule (code, fence, blockquote, rule, list,
reference, HTML, heading, setext heading, table, paragraph) on every line, and on a page of
short list items that is most of the Markdown parse. The pages ``plainlang check`` sees most
are made of four shapes only: ATX headings, paragraphs, flat lists with one line per item, and
HTML comments, separated by blank lines. ``fast_blocks`` reads a source made only of those,
line by line, into the block tokens markdown-it makes of it (types, tags, ``map``, list
numbers in ``info``, inline ``content``), and returns None for anything else: the caller then
runs markdown-it's own block parser, so the result never depends on this module guessing.

Every line is put in one of a few classes by its first characters; a line that could start
any other construct (indentation, tabs, ``>``, ``*``, ``+``, ``_``, ``=``, backticks, ``~``,
``[`` for a link reference, ``:`` and ``|`` for tables, ``<`` other than ``<!--``, a heading
line with a closing ``#`` run) makes the whole page go to markdown-it. So do the places where
CommonMark's rules get subtle: a paragraph line after a list item with no blank line between
(a lazy continuation), an ordered item not numbered 1 right after a paragraph (it does not
interrupt one), and an HTML comment that never closes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from markdown_it.common.utils import mdTrim
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

LineKind = Literal["blank", "heading", "bullet", "ordered", "comment", "text"]

# First characters that may open a construct other than a paragraph line (see the docstring).
_UNSAFE_START = frozenset(" \t>*+_=`~[:|<#-")
_BOLD_START = re.compile(r"\*\*[^\s*]")
_HEADING = re.compile(r"(#{1,6}) (?=[^ \t])")
_ORDERED = re.compile(r"([0-9]{1,9})([.)])(?=[ \t]|$)")
_ORDERED_ITEM = re.compile(r"([0-9]{1,9})\. (?=[^ \t])")


def classify(line: str) -> LineKind | None:
    """The kind of one source line, or None when it may be something this module does not read."""
    if not line:
        return "blank"
    first = line[0]
    if first == "#":
        heading = _HEADING.match(line)
        if heading is None or line.rstrip(" \t").endswith("#"):
            return None
        return "heading"
    if first == "-":
        return "bullet" if line.startswith("- ") and _safe_start(line, 2) else None
    if first == "<":
        return "comment" if line.startswith("<!--") else None
    if "0" <= first <= "9":  # ASCII digits only: CommonMark numbers no list with others
        if _ORDERED.match(line) is None:
            return "text"  # "1\.5 times ...", "2026 was ...": digits that mark no list
        item = _ORDERED_ITEM.match(line)
        return "ordered" if item is not None and _safe_start(line, item.end()) else None
    if first == "*":
        # "**Label**: ...", a bold lead label: a "*" run with a letter in it is no thematic
        # break, and "**" is no bullet marker (that is one "*" before a space)
        return "text" if _BOLD_START.match(line) else None
    return None if first in _UNSAFE_START else "text"


def _safe_start(line: str, start: int) -> bool:
    """True when an item's content from ``start`` opens a plain paragraph line."""
    return start < len(line) and classify(line[start:]) == "text"


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    content: str


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    content: str


@dataclass(frozen=True)
class Item:
    """One list item, the whole list's ``tight`` and ``end`` on its last item (None before)."""

    line: int
    ordered: bool
    number: str  # as written, "" in a bullet list
    content: str
    following: int  # the next line that is not blank (markdown-it's end of the item's map)
    first: bool  # the list's first item
    end: int | None = None
    tight: bool = True


@dataclass(frozen=True)
class Comment:
    start: int
    end: int  # the line after it
    content: str


Event = Heading | Paragraph | Item | Comment


def blocks_of(src: str) -> list[Event] | None:
    """The blocks of ``src`` (already normalised: no ``\\r``, no NUL) in order, or None when
    ``src`` holds anything but headings, paragraphs, flat one-line-item lists and HTML
    comments."""
    if "\t" in src or "|" in src:
        return None
    lines = src.split("\n")
    if src.endswith("\n"):
        lines.pop()  # markdown-it counts no line after a final line break
    kinds: list[LineKind] = []
    for line in lines:
        kind = classify(line)
        if kind is None:
            return None
        kinds.append(kind)
    events: list[Event] = []
    index, count = 0, len(lines)
    while index < count:
        kind = kinds[index]
        if kind == "blank":
            index += 1
        elif kind == "heading":
            line = lines[index]
            level = line.index(" ")
            content = mdTrim(line[level + 1 :])
            if not content:
                return None
            events.append(Heading(index, level, content))
            index += 1
        elif kind == "text":
            end = index + 1
            while end < count and kinds[end] == "text":
                end += 1
            if end < count and kinds[end] == "ordered" and not lines[end].startswith("1. "):
                return None  # an ordered item not numbered 1 does not interrupt a paragraph
            events.append(Paragraph(index, end, mdTrim("\n".join(lines[index:end]))))
            index = end
        elif kind == "comment":
            end = index
            while end < count and "-->" not in lines[end]:
                end += 1
            if end == count:
                return None  # an open comment runs to the end of the page: markdown-it's business
            last_break = "\n" if end + 1 < count or src.endswith("\n") else ""
            events.append(Comment(index, end + 1, "\n".join(lines[index : end + 1]) + last_break))
            index = end + 1
        else:
            found = _list(lines, kinds, index, events)
            if found is None:
                return None
            index = found
    return events


def _list(lines: list[str], kinds: list[LineKind], start: int, events: list[Event]) -> int | None:
    """Append the items of the list whose first item is line ``start``; returns the line after
    it, or None when the list is not one this module reads."""
    kind = kinds[start]
    ordered = kind == "ordered"
    index, count, tight = start, len(lines), True
    while True:
        line = lines[index]
        number = line[: line.index(".")] if ordered else ""
        following = index + 1
        if following < count and kinds[following] not in ("blank", kind):
            return None  # a lazy continuation line, or a block right after an item
        while following < count and kinds[following] == "blank":
            following += 1
        content = mdTrim(line[len(number) + 2 :])
        if following < count and kinds[following] == kind:
            tight = tight and following == index + 1
            events.append(Item(index, ordered, number, content, following, index == start))
            index = following
            continue
        events.append(Item(index, ordered, number, content, following, index == start, following, tight))
        return following


def fast_blocks(src: str) -> list[Token] | None:
    """markdown-it's block tokens for ``src`` (``blocks_of``), or None when it does not read it."""
    events = blocks_of(src)
    if events is None:
        return None
    tokens: list[Token] = []
    opening = _token("bullet_list_open", "ul", 1, None)
    first = 0
    for event in events:
        if isinstance(event, Heading):
            where, tag, markup = [event.line, event.line + 1], f"h{event.level}", "#" * event.level
            tokens.append(_token("heading_open", tag, 1, where, 0, markup))
            tokens.append(_inline(event.content, where))
            tokens.append(_token("heading_close", tag, -1, None, 0, markup))
        elif isinstance(event, Paragraph):
            tokens.append(_token("paragraph_open", "p", 1, [event.start, event.end]))
            tokens.append(_inline(event.content, [event.start, event.end]))
            tokens.append(_token("paragraph_close", "p", -1, None))
        elif isinstance(event, Comment):
            comment = _token("html_block", "", 0, [event.start, event.end])
            comment.content = event.content
            tokens.append(comment)
        else:
            name, tag, markup = ("ordered_list", "ol", ".") if event.ordered else ("bullet_list", "ul", "-")
            if event.first:
                opening = _token(f"{name}_open", tag, 1, [event.line, event.line], 0, markup)
                if event.ordered and int(event.number) != 1:
                    opening.attrs["start"] = int(event.number)
                tokens.append(opening)
                first = len(tokens)
            line = [event.line, event.line + 1]
            item = _token("list_item_open", "li", 1, [event.line, event.following], 1, markup)
            item.info = event.number
            tokens.append(item)
            tokens.append(_token("paragraph_open", "p", 1, line, 2))
            tokens.append(_inline(event.content, line, 3))
            tokens.append(_token("paragraph_close", "p", -1, None, 2))
            tokens.append(_token("list_item_close", "li", -1, None, 1, markup))
            if event.end is not None:
                tokens.append(_token(f"{name}_close", tag, -1, None, 0, markup))
                assert opening.map is not None
                opening.map[1] = event.end
                if event.tight:  # a tight list's paragraphs are not shown as paragraphs
                    for token in tokens[first:]:
                        if token.type.startswith("paragraph_"):
                            token.hidden = True
    return tokens


def _token(
    kind: str, tag: str, nesting: Literal[-1, 0, 1], where: list[int] | None, level: int = 0, markup: str = ""
) -> Token:
    return Token(kind, tag, nesting, map=where, level=level, markup=markup, block=True)


def _inline(content: str, where: list[int], level: int = 1) -> Token:
    return Token("inline", "", 0, content=content, children=[], map=where, level=level, block=True)


def block_rule(fallback: Callable[[StateCore], None]) -> Callable[[StateCore], None]:
    """A core ``block`` rule that takes ``fast_blocks`` when it reads the page, else ``fallback``
    (markdown-it's own). A page read this way defines no link references, so the inline rules
    see the same empty ``env`` markdown-it's block parser would leave."""

    def rule(state: StateCore) -> None:
        found = None if state.inlineMode else fast_blocks(state.src)
        if found is None:
            fallback(state)
        else:
            state.tokens.extend(found)

    return rule
