"""HTML → Prose, with the standard library's ``html.parser``.

Text between tags is prose; tags, attributes, comments, scripts, styles and code are not.
Block elements (p, li, headings, table cells...) end a block; a heading starts a section.
The parser reports the line and column of each piece of text, and entities are matched one by
one, so every character keeps its offset in the original file.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from plainlang.check.prose import (
    REFERENCE_TITLES,
    Block,
    BlockBuilder,
    BlockKind,
    Prose,
    Section,
    line_offset,
)

_BLOCK_TAGS = frozenset(
    [
        "p",
        "li",
        "dt",
        "dd",
        "td",
        "th",
        "caption",
        "blockquote",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "figcaption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "dl",
        "table",
        "tr",
        "title",
        "body",
        "html",
        "br",
        "hr",
        "summary",
        "details",
    ]
)
_SKIP_TAGS = frozenset(
    ["script", "style", "code", "pre", "kbd", "samp", "template", "noscript", "svg", "math", "head"]
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


class _Extractor(HTMLParser):
    """A parser that fills ``blocks`` and ``sections`` (mutable while it runs, by design)."""

    def __init__(self, source: str, base: int, blocks: list[Block], sections: list[Section]) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.base = base
        self.blocks = blocks
        self.sections = sections
        self.out = BlockBuilder()
        self.skip: list[str] = []
        self.heading = 0
        self.lists: list[list[int]] = []  # per open list: [is_ordered, next number]
        self.number: int | None = None
        self.in_item = 0
        self.in_cell = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.base + line_offset(self.source, line, column)

    def _flush(self) -> None:
        if self.out.empty():
            self.out = BlockBuilder()
            return
        section = len(self.sections) - 1
        if self.heading:
            title = self.out.build("heading", section).text
            self.sections.append(Section(title, self.heading, bool(REFERENCE_TITLES.match(title))))
            self.blocks.append(self.out.build("heading", section + 1))
        else:
            kind: BlockKind = "paragraph"
            number = None
            if self.in_cell:
                kind = "cell"
            elif self.in_item:
                kind = "item"
                if self.sections[-1].references and self.lists and self.lists[-1][0]:
                    kind, number = "reference", self.number
            self.blocks.append(self.out.build(kind, section, number))
        self.out = BlockBuilder()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip.append(tag)
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _HEADINGS:
            self.heading = _HEADINGS[tag]
        elif tag in ("ul", "ol"):
            start = dict(attrs).get("start") or "1"
            self.lists.append([tag == "ol", int(start) if start.isdigit() else 1])
        elif tag == "li":
            self.in_item += 1
            if self.lists:
                value = dict(attrs).get("value") or ""
                if value.isdigit():
                    self.lists[-1][1] = int(value)
                self.number = self.lists[-1][1]
                self.lists[-1][1] += 1
        elif tag in ("td", "th"):
            self.in_cell += 1
        elif tag == "br":
            self.out.space(self._offset())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _HEADINGS:
            self.heading = 0
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "li":
            self.in_item = max(0, self.in_item - 1)
        elif tag in ("td", "th"):
            self.in_cell = max(0, self.in_cell - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.add(data, self._offset())

    def _reference(self, raw: str) -> None:
        if not self.skip:
            offset = self._offset()
            for char in html.unescape(raw):
                self.out.add_char(char, offset)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def close(self) -> None:
        super().close()
        self._flush()


def extract_html_into(source: str, base: int, blocks: list[Block], sections: list[Section]) -> None:
    """Add the prose of ``source`` (which starts at ``base`` in its file) to blocks/sections."""
    parser = _Extractor(source, base, blocks, sections)
    parser.feed(source)
    parser.close()


def extract_html(source: str) -> Prose:
    blocks: list[Block] = []
    sections = [Section("", 0)]
    extract_html_into(source, 0, blocks, sections)
    return Prose(source, "html", tuple(blocks), tuple(sections))
