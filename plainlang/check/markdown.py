"""Markdown → Prose, with markdown-it-py.

markdown-it gives each block token the lines it spans but gives inline tokens (text, code,
links) no positions at all. We walk the original lines with a cursor and find each piece of
text where it must be: right after the markup that came before it. Escapes (``\\[``) and
entities (``&amp;``) are matched to the character they stand for, so a column is exact even
on a line full of markup.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_core import block as markdown_it_block
from markdown_it.token import Token

from plainlang.check.html import extract_html_into
from plainlang.check.markdown_blocks import Comment, Heading, Item, Paragraph, block_rule, blocks_of
from plainlang.check.prose import (
    REFERENCE_TITLES,
    Block,
    BlockBuilder,
    BlockKind,
    Prose,
    Section,
    line_starts,
    piece_block,
)

FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?^\1[ \t]*$", re.DOTALL | re.MULTILINE)
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|\w{1,32});")
# Characters that may sit between two pieces of inline text: markup, list markers, indentation.
_MARKUP_GAP = re.compile(r"[*_~`\\>#\-+=|.) \t\r\n0-9]*")
_RUNS = re.compile(r"[^\W_]+|[^\S\n]+|.", re.DOTALL)


# Inline text with none of these is plain to markdown-it's inline rules (escape, code, emphasis,
# autolink, HTML, entity, image, inline link): it comes out as text and line breaks only.
_INLINE_MARKUP = re.compile(r"[\\`*_<&]|!\[|\]\(")


@functools.cache
def _parser(fast_blocks: bool = True) -> MarkdownIt:
    """The parser: CommonMark with tables, our inline rule, and (unless ``fast_blocks`` is
    False, as the property tests ask for the straightforward path) ``markdown_blocks``' short
    way through the block parser."""
    parser = MarkdownIt("commonmark").enable("table")
    parser.core.ruler.at("inline", _inline_rule)
    if fast_blocks:
        parser.core.ruler.at("block", block_rule(markdown_it_block))
    return parser


def _inline_rule(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, with a short way for plain text.

    Most inline content of a page (a sentence with citation markers, a heading) has no inline
    markup at all, and markdown-it's inline parser spends most of a page's parse time finding
    that out character by character. Such text is split at its line breaks the way markdown-it's
    ``newline`` rule does; anything else goes to markdown-it. A ``[`` is plain only when the page
    defines no link references (``[1]`` could then be a shortcut link).
    """
    references = bool(state.env.get("references"))
    for token in state.tokens:
        if token.type != "inline":
            continue
        content = token.content
        if _INLINE_MARKUP.search(content) is None and not (references and "[" in content):
            token.children = plain_inline(content)
        elif (lead := strong_lead_inline(content)) is not None and not (references and "[" in content):
            token.children = lead
        else:
            if token.children is None:
                token.children = []
            state.md.inline.parse(content, state.md, state.env, token.children)


def plain_inline(content: str) -> list[Token]:
    """The inline tokens markdown-it makes of ``content`` with no inline markup: text, and a
    soft break (one trailing space dropped) or a hard break (two or more, all dropped) at each
    line end; spaces and tabs starting the next line are skipped."""
    children: list[Token] = []
    for line, brk in plain_lines(content):
        if line:
            children.append(Token("text", "", 0, content=line))
        if brk:
            children.append(Token(brk, "br", 0))
    return children


def plain_lines(content: str) -> list[tuple[str, str]]:
    """Each line of plain ``content`` as markdown-it's text token has it, and the break after
    it ("softbreak", "hardbreak", or "" after the last): ``plain_inline`` without the tokens."""
    pieces: list[tuple[str, str]] = []
    lines = content.split("\n")
    last = len(lines) - 1
    for index, line in enumerate(lines):
        if index:
            line = line.lstrip(" \t")
        brk = ""
        if index < last:
            if line.endswith("  "):
                line, brk = line.rstrip(" "), "hardbreak"
            else:
                line, brk = line[:-1] if line.endswith(" ") else line, "softbreak"
        pieces.append((line, brk))
    return pieces


def strong_lead(content: str) -> tuple[str, str] | None:
    """The label and the rest of ``**Label**rest`` (a bold label, then plain text: "**Cork**:
    There is one study place here.[1]", a line of every site list plainlang writes), or None
    when ``content`` is not that.

    Only the plainest case is taken: no inline markup in the label or the rest, and the label
    starts and ends with a letter or digit, so the ``**`` pair opens and closes strong emphasis
    by CommonMark's flanking rules whatever follows it (a letter or digit is neither space nor
    punctuation; the runs are 2 long, so the rule of three never applies).
    """
    if not content.startswith("**"):
        return None
    close = content.find("**", 2)
    if close < 3:
        return None
    label, rest = content[2:close], content[close + 2 :]
    if not (label[0].isalnum() and label[-1].isalnum()) or "\n" in label:
        return None
    if _INLINE_MARKUP.search(label) is not None or _INLINE_MARKUP.search(rest) is not None:
        return None
    return label, rest


def strong_lead_inline(content: str) -> list[Token] | None:
    """The inline tokens of ``**Label**rest`` (``strong_lead``), or None when ``content`` is not
    that."""
    lead = strong_lead(content)
    if lead is None:
        return None
    label, rest = lead
    text = Token("text", "", 0, content=label)
    text.level = 1
    tail = plain_inline(rest)
    # markdown-it leaves an empty text token where each ``**`` run was (its emphasis rule turns
    # one delimiter token of the run into the tag and empties the other); the closing one joins
    # the text after it, when there is some on the same line.
    if not tail or tail[0].type != "text":
        tail.insert(0, Token("text", "", 0))
    return [
        Token("text", "", 0),
        Token("strong_open", "strong", 1, markup="**"),
        text,
        Token("strong_close", "strong", -1, markup="**"),
        *tail,
    ]


def blank_front_matter(source: str) -> str:
    """``source`` with YAML/TOML front matter replaced by spaces (newlines kept)."""
    match = FRONT_MATTER.match(source)
    if not match:
        return source
    blanked = "".join(c if c == "\n" else " " for c in match[0])
    return blanked + source[match.end() :]


class _Cursor:
    """Finds the text of inline tokens in the original source, left to right."""

    def __init__(self, source: str, start: int) -> None:
        self.source = source
        self.pos = start

    def text(self, content: str, out: BlockBuilder) -> None:
        if not content:
            return
        found = self.source.find(content, self.pos)
        if found >= 0 and _MARKUP_GAP.fullmatch(self.source, self.pos, found):
            out.add(content, found)
            self.pos = found + len(content)
            return
        # Escapes or entities inside: place runs of letters, digits and spaces whole, and only
        # punctuation (what an escape or entity can stand for) one character at a time.
        for piece in _RUNS.findall(content):
            if piece[0].isalnum() or piece[0].isspace():
                found = self.source.find(piece, self.pos)
                if found >= 0 and _MARKUP_GAP.fullmatch(self.source, self.pos, found):
                    out.add(piece, found)
                    self.pos = found + len(piece)
                    continue
            for char in piece:
                self._char(char, out)

    def _char(self, char: str, out: BlockBuilder) -> None:
        found = self.source.find(char, self.pos)
        entity = ENTITY.search(self.source, self.pos, found if found >= 0 else len(self.source))
        if entity and html.unescape(entity[0]) == char:
            out.add_char(char, entity.start())
            self.pos = entity.end()
        elif found >= 0:
            out.add_char(char, found)
            self.pos = found + 1
        # A character we cannot place (markdown-it normalised it away) is dropped.

    def skip(self, literal: str) -> None:
        found = self.source.find(literal, self.pos)
        if found >= 0:
            self.pos = found + len(literal)

    def newline(self, out: BlockBuilder) -> None:
        found = self.source.find("\n", self.pos)
        if found >= 0:
            out.space(found)
            self.pos = found + 1

    def skip_link_tail(self) -> None:
        """After a link's text: skip ``](url "title")`` or ``][label]``."""
        src, pos = self.source, self.source.find("]", self.pos)
        if pos < 0:
            return
        self.pos = pos + 1
        if src.startswith("(", self.pos):
            depth = 0
            for index in range(self.pos, len(src)):
                depth += {"(": 1, ")": -1}.get(src[index], 0)
                if depth == 0:
                    self.pos = index + 1
                    return
        elif src.startswith("[", self.pos):
            self.skip("]")

    def skip_code(self, markup: str, content: str) -> None:
        self.skip(markup)
        self.skip(content)
        self.skip(markup)


# What ``_inline`` reads of an inline child token: its type, content, markup and link target.
# Plain strings, so a remembered tuple of them is nothing the garbage collector tracks.
Child = tuple[str, str, str, str]


def _child(token: Token) -> Child:
    return token.type, token.content, token.markup, str(token.attrs.get("href", ""))


def _inline(token: Token, source: str, starts: list[int], out: BlockBuilder) -> None:
    assert token.map is not None
    _walk([_child(c) for c in token.children or []], source, starts[token.map[0]], out)


def _walk(children: Sequence[Child], source: str, start: int, out: BlockBuilder) -> None:
    """Place the text of an inline token's ``children`` (``_child``) in ``source`` from ``start``."""
    cursor = _Cursor(source, start)
    skipping = 0  # inside an autolink's or an image's text, which is not prose
    for kind, content, markup, href in children:
        if kind == "text" and not skipping:
            cursor.text(content, out)
        elif kind in ("softbreak", "hardbreak"):
            cursor.newline(out)
        elif kind == "code_inline":
            cursor.skip_code(markup, content)
            out.space(cursor.pos - 1)
        elif kind == "html_inline":
            cursor.skip(content)
        elif kind == "link_open" and markup in ("autolink", "linkify"):
            if href.startswith("mailto:"):
                continue  # an e-mail address is prose a reader sees, and pii.contact must
            skipping += 1
            cursor.skip(">")
        elif kind == "link_close" and markup in ("autolink", "linkify"):
            if skipping:
                skipping -= 1
            else:
                cursor.skip(">")
        elif kind == "link_close" or kind == "image":
            if kind == "image":
                cursor.skip("![")
            cursor.skip_link_tail()
        elif kind == "link_open":
            cursor.skip("[")


def extract_markdown(source: str, fast_blocks: bool = True) -> Prose:
    """The prose of a Markdown page. ``fast_blocks``: the short ways (``markdown_blocks`` and
    ``_direct``) where they apply; False only for the property tests' straightforward path."""
    blanked = blank_front_matter(source)
    if fast_blocks and "\r" not in blanked and "\0" not in blanked:  # markdown-it would normalise them
        prose = _direct(source, blanked)
        if prose is not None:
            return prose
    tokens = _parser(fast_blocks).parse(blanked)
    starts = [*line_starts(blanked), len(blanked)]
    blocks: list[Block] = []
    sections = [Section("", 0)]
    kinds: list[str] = []  # the open containers: bullet_list, ordered_list, list_item, table
    numbers: list[int] = []  # the number of each open list item in an ordered list
    heading_level = 0
    for token in tokens:
        kind = token.type
        if kind.endswith("_open") and kind not in ("paragraph_open", "heading_open"):
            kinds.append(kind[: -len("_open")])
            if kind == "list_item_open":
                numbers.append(int(token.info) if token.info.isdigit() else 0)
        elif kind.endswith("_close") and kind not in ("paragraph_close", "heading_close"):
            if kinds:
                kinds.pop()
            if kind == "list_item_close" and numbers:
                numbers.pop()
        if kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "inline":
            out = BlockBuilder()
            _inline(token, blanked, starts, out)
            if out.empty():
                continue
            if heading_level:
                _add_heading(out.build("heading", len(sections)), heading_level, sections, blocks)
                heading_level = 0
                continue
            block_kind: BlockKind = "paragraph"
            number = None
            if "td" in kinds or "th" in kinds:
                block_kind = "cell"
            elif "list_item" in kinds:
                block_kind = "item"
                if sections[-1].references and "ordered_list" in kinds:
                    block_kind, number = "reference", numbers[-1] if numbers else None
            blocks.append(out.build(block_kind, len(sections) - 1, number))
        elif kind == "html_block" and token.map is not None:
            start = starts[token.map[0]]
            end = starts[token.map[1]]
            extract_html_into(blanked[start:end], start, blocks, sections)
    return Prose(source, "markdown", tuple(blocks), tuple(sections))


def _direct(source: str, blanked: str) -> Prose | None:
    """``extract_markdown`` for a page ``markdown_blocks`` reads, without its block tokens.

    Each block's text is made as the token path makes it: plain text, or a bold label and plain
    text, is walked in the same pieces (``plain_lines``, ``strong_lead``) with the same cursor
    rule (``_place``); any other inline text, or a piece not found right after markup (escapes
    and entities are placed a character at a time), gets its inline token from markdown-it's
    inline rules and ``_inline``, as on the token path.
    """
    events = blocks_of(blanked)
    if events is None:
        return None
    starts = [*line_starts(blanked), len(blanked)]
    blocks: list[Block] = []
    sections = [Section("", 0)]
    heading_level = 0
    for event in events:
        if isinstance(event, Comment):
            start = starts[event.start]
            extract_html_into(blanked[start : starts[event.end]], start, blocks, sections)
            continue
        if isinstance(event, Heading):
            heading_level = event.level
        piece = _plain_piece(event, blanked, starts)
        out: BlockBuilder | None = None
        if piece is None:
            out = _block_text(event, blanked, starts)
            if out.empty():
                continue
        elif not piece[0].strip():  # what ``BlockBuilder.empty`` says of the one piece
            continue
        kind: BlockKind = "paragraph"
        number = None
        if heading_level:
            kind = "heading"
        elif isinstance(event, Item):
            kind = "item"
            if sections[-1].references and event.ordered:
                kind, number = "reference", int(event.number)
        section = len(sections) if heading_level else len(sections) - 1
        if piece is not None:
            block = piece_block(kind, piece[0], piece[1], section, number)
        else:
            assert out is not None
            block = out.build(kind, section, number)
        if heading_level:
            _add_heading(block, heading_level, sections, blocks)
            heading_level = 0
        else:
            blocks.append(block)
    return Prose(source, "markdown", tuple(blocks), tuple(sections))


def _plain_piece(
    event: Heading | Paragraph | Item, blanked: str, starts: list[int]
) -> tuple[str, int] | None:
    """A block's content and where it is, when it is one line of plain text found right after
    its markup: ``_block_text`` would add it as one piece (``piece_block`` builds that block
    without a builder). None otherwise."""
    content = event.content
    if "\n" in content or _INLINE_MARKUP.search(content) is not None:
        return None
    pos = starts[event.start if isinstance(event, Paragraph) else event.line]
    found = blanked.find(content, pos)
    if found < 0 or _MARKUP_GAP.fullmatch(blanked, pos, found) is None:
        return None
    return content, found


def _add_heading(block: Block, level: int, sections: list[Section], blocks: list[Block]) -> None:
    """A heading opens a section (a reference list's when its title says so) and is a block of
    it: ``block`` is built as of that section (``len(sections)`` before the call)."""
    sections.append(Section(block.text, level, bool(REFERENCE_TITLES.match(block.text))))
    blocks.append(block)


def _block_text(event: Heading | Paragraph | Item, blanked: str, starts: list[int]) -> BlockBuilder:
    """The text of one block with the origin of each character (see ``_direct``)."""
    content = event.content
    first = event.start if isinstance(event, Paragraph) else event.line
    lead = ("", content) if _INLINE_MARKUP.search(content) is None else strong_lead(content)
    if lead is not None:
        out = BlockBuilder()
        label, rest = lead
        pos = _place(blanked, starts[first], label, out)
        for line, brk in plain_lines(rest):
            pos = _place(blanked, pos, line, out)
            if pos is None:
                break
            if brk:
                found = blanked.find("\n", pos)
                if found >= 0:
                    out.space(found)
                    pos = found + 1
        else:
            return out
    out = BlockBuilder()
    _walk(_inline_children(content), blanked, starts[first], out)
    return out


@functools.lru_cache(maxsize=8192)
def _inline_children(content: str) -> tuple[Child, ...]:
    """What ``_walk`` reads of the inline tokens markdown-it makes of a block's ``content``,
    remembered by content.

    They depend on the content alone: the state starts with an empty environment (no link
    references: ``markdown_blocks`` reads no page that defines one), and the core rules from
    ``inline`` on read nothing else. Pages repeat such blocks (the bold labels of site lists,
    a trial's page written again with another date). Kept as tuples of strings, not tokens:
    a token is a dozen objects the garbage collector tracks, and thousands of them kept for
    the run set off a full collection (~0.2 s, the heap holds the pronouncing dictionary).
    """
    linked = autolinked_children(content)
    if linked is not None:
        return linked
    token = Token("inline", "", 0, content=content, children=[])
    state = StateCore("", _parser(), {})
    state.tokens = [token]
    for rule in _inline_rules():
        rule(state)
    return tuple(_child(c) for c in token.children or ())


# An autolink as markdown-it's ``autolink`` rule reads one (its AUTOLINK_RE between ``<`` and ``>``).
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^<>\x00-\x20]*)>")


def autolinked_children(content: str) -> tuple[Child, ...] | None:
    """``_inline_children`` of one line of plain text with web addresses in ``<...>`` (every
    reference entry plainlang writes: "ClinicalTrials.gov. NCT...: title. <https://...>.
    Accessed: ..."), without markdown-it's inline parser; None for any other content.

    Between the addresses the text must have no inline markup (``_INLINE_MARKUP``, and no other
    ``<``), so markdown-it makes one text token of each stretch; each address is the link its
    ``autolink`` rule makes, with the link normalised and validated by the parser itself.
    """
    if "\n" in content or "<" not in content:
        return None
    md = _parser()
    children: list[Child] = []
    at = 0
    for link in _AUTOLINK.finditer(content):
        if link.start() > at:
            children.append(("text", content[at : link.start()], "", ""))
        url = link[1]
        href = md.normalizeLink(url)
        if not md.validateLink(href):
            return None
        children += [
            ("link_open", "", "autolink", href),
            ("text", md.normalizeLinkText(url), "", ""),
            ("link_close", "", "autolink", ""),
        ]
        at = link.end()
    if at < len(content):
        children.append(("text", content[at:], "", ""))
    rest = _AUTOLINK.sub("", content)
    if not children or "<" in rest or _INLINE_MARKUP.search(rest) is not None:
        return None
    return tuple(children)


@functools.cache
def _inline_rules() -> tuple[Callable[[StateCore], None], ...]:
    """markdown-it's core rules from ``inline`` on (ours, then text_join...): what the token
    path runs on every inline token after the block parser."""
    rules = _parser().core.ruler.getRules("")
    return tuple(rules[rules.index(_inline_rule) :])


def _place(source: str, pos: int | None, text: str, out: BlockBuilder) -> int | None:
    """``_Cursor.text`` for a piece found whole right after markup: where the cursor is next,
    or None when the piece is not there (the token path then places it a run at a time)."""
    if pos is None or not text:
        return pos
    found = source.find(text, pos)
    if found >= 0 and _MARKUP_GAP.fullmatch(source, pos, found):
        out.add(text, found)
        return found + len(text)
    return None
