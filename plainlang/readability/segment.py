"""Sentences of registry and Markdown text, with offsets into the input.

Readability formulas divide by the number of sentences, so the segmenter decides most of a grade.
Registry text breaks the usual rule "a sentence ends at a full stop": eligibility criteria are
bullet lists without full stops, so a naive count makes a 300-word "sentence" and a grade of 40.
Here a heading, a list item, a table cell and a bulleted line are each a sentence of their own,
and inside them a sentence ends at ``.``, ``!`` or ``?`` followed by a space, except after an
abbreviation (e.g., Dr., approx.) or before a lower-case word (not one with capitals in it,
such as mRNA). Decimals (2.5 mg) and signs (≥18) never split, because a full stop only ends a sentence when white space follows.

Markdown structure comes from markdown-it-py (CommonMark plus tables); fenced code is skipped and
indented "code" is read as text, because in registry records indentation is layout, not code.
Markup, URLs, e-mail addresses, registry ids and citation markers are removed from the text that
is scored (see :mod:`plainlang.readability.masking`), while offsets still point into the input.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from plainlang.readability.masking import _BULLET, _CITE_ONLY, _DOMAIN, Mapped, clean, line_starts

SegmentKind = Literal["sentence", "heading", "item", "cell"]


@dataclass(frozen=True)
class Segment:
    """One sentence: ``source[start:end]`` in the input, ``text`` as it is scored."""

    start: int
    end: int
    text: str
    kind: SegmentKind
    level: int = 0  # 1-6 for a heading


@dataclass(frozen=True)
class _Region:
    """A block of the input (paragraph, list item, heading, table cell) as source slices."""

    pieces: tuple[tuple[int, int], ...]
    kind: SegmentKind
    level: int = 0


# Words after which a full stop never ends a sentence, whatever follows. Abbreviations that may
# also end one (etc., min., a.m.) need no entry: a sentence continues anyway when the next word
# starts with a lower-case letter.
_ABBREVIATIONS = frozenset(
    "e.g eg i.e ie dr drs mr mrs ms mx prof approx appr vs v cf viz fig figs ca incl excl st "  # noqa: SIM905
    "mt ref refs vol eq dept esp resp no nos".split()
)
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "fig", "figs", "ref", "refs", "vol", "eq"})

_BOUNDARY_FORMS = (
    r"(?P<hard>\n[ \t]*\n\s*)"  # a blank line: block tags and bullets were made into these
    r"|(?P<colon>[:;])[ \t]*\n"  # a line ending with a colon or semicolon ends a sentence
    r"|(?P<term>[.!?…]+|[。！？]+)[\"'”’»)\]]*(?=\s|$)"
)


def _first_of(first: str, forms: str) -> re.Pattern[str]:
    """``forms``, led by a lookahead for the characters any of them starts with.

    It matches exactly what ``forms`` matches, but ``re`` reads a leading set as a prefix and
    skips in C to where one of its characters is, instead of trying every alternative at every
    position (three to four times faster over a page's blocks).
    """
    return re.compile(f"(?={first})(?:{forms})")


_BOUNDARY = _first_of(r"[\n:;.!?…。！？]", _BOUNDARY_FORMS)
# A word that starts lower case but has capitals in it ("mRNA", "eGFR", "pH") is a name or a code
# written that way, and may open a sentence as a capital does.
_CODE_WORD = re.compile(r"[a-z]+[A-Z]")
_LAST_WORD = re.compile(r"[^\s(\[\"'“‘]*$")
_HAS_WORD = re.compile(r"\w")
# A line that may start a Markdown block other than a paragraph: a heading, list, quote, table
# row or delimiter, code, HTML, thematic break or setext underline. Text with no such line is
# paragraphs separated by blank lines, and needs no Markdown parser. (A tab after up to three
# spaces reaches the fourth column too: " \t" indents code as four spaces do.)
_BLOCK_SYNTAX = re.compile(r"(?:\A|(?<=[\r\n]))(?: {4}| {0,3}\t| {0,3}(?:[-#>*+_|<`~=:]|\d{1,9}[.)]))")
_LIST_MARKER = re.compile(r"[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?")


@functools.cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


# What may make plain text more than one whole sentence as it stands: a line end, a citation
# bracket, an e-mail's @, a run of five digits (a registry id), an address, or a sentence end
# (terminators and closing quotes) with white space after it. A text with none of these, no
# bullet at its start and no white space at its ends is its own single segment.
_MAYBE_SPLIT_OR_CLEANED_FORMS = r"[\[\n\r@]|\d{5}|://|www\.|[.!?…。！？]+[\"'”’»)\]]*\s"
_MAYBE_SPLIT_OR_CLEANED = _first_of(r"[\[\n\r@\d:w.!?…。！？]", _MAYBE_SPLIT_OR_CLEANED_FORMS)


def _one_sentence(text: str) -> bool:
    """True when plain ``text`` is exactly one segment: its text, unchanged and untrimmed.

    The composer hands the scorer sentences it already split, most of them this kind; a few
    regex tests then stand for the cleaning and splitting that would change nothing.
    """
    return (
        not text[:1].isspace()
        and not text[-1:].isspace()
        and _MAYBE_SPLIT_OR_CLEANED.search(text) is None
        and _BULLET.match(text) is None
        and _DOMAIN.search(text) is None
    )


# What cleaning would remove or change in one line of plain text once its citation markers are
# gone (a bullet at its start and a bare domain name are tested apart).
_MAYBE_CLEANED_FORMS = r"[@]|\d{5}|://|www\."
_MAYBE_CLEANED = _first_of(r"[@\d:w]", _MAYBE_CLEANED_FORMS)


def _plain_line(text: str) -> tuple[Segment, ...] | None:
    """The segments of plain ``text`` that is one line cleaning only strips of citation markers
    ("[1]", "[2, 3]"); else None.

    Cleaning a line of plain text removes its citation markers first and then looks for bullets,
    addresses and ids in what is left; when what is left has none, the cleaned text is the line
    without its markers, and only the splitting is left to do. An offset into that text maps back
    to the line by adding the lengths of the markers before it (:func:`_source_offset`), which is
    what :class:`Mapped` would record for each character, without building a tuple per character.
    """
    if "\n" in text or "\r" in text:
        return None
    start, end = _stripped(text, 0, len(text))
    line = text[start:end]
    markers: tuple[tuple[int, int], ...] = ()
    cleaned = line
    if "[" in line:
        markers = tuple(m.span() for m in _CITE_ONLY.finditer(line))
        if markers:
            cleaned = _CITE_ONLY.sub("", line)
    if _MAYBE_CLEANED.search(cleaned) or _BULLET.match(cleaned) or _DOMAIN.search(cleaned):
        return None
    if not markers:
        return tuple(Segment(start + a, start + b, line[a:b], "sentence") for a, b in split(line))
    return tuple(
        Segment(
            start + _source_offset(markers, a),
            start + _source_offset(markers, b - 1) + 1,
            cleaned[a:b],
            "sentence",
        )
        for a, b in split(cleaned)
    )


def _source_offset(removed: tuple[tuple[int, int], ...], index: int) -> int:
    """Where character ``index`` of a text with the sorted ``removed`` spans taken out was before."""
    for removed_start, removed_end in removed:
        if index < removed_start:
            break
        index += removed_end - removed_start
    return index


def segment(text: str, *, markdown: bool = True) -> tuple[Segment, ...]:
    """The sentences of ``text``, in order; none for text without a word in it."""
    if not _HAS_WORD.search(text):
        return ()
    if not markdown:
        if _one_sentence(text):
            return (Segment(0, len(text), text, "sentence"),)
        plain = _plain_line(text)
        if plain is not None:
            return plain
    if markdown and _BLOCK_SYNTAX.search(text):
        regions = _markdown_regions(text)
    else:
        regions = _line_regions(text, 0, None, "sentence")
    return tuple(_sentences(text, regions, markdown=markdown))


def _sentences(text: str, regions: Sequence[_Region], *, markdown: bool) -> Iterator[Segment]:
    for region in regions:
        cleaned = clean(Mapped.of(text, region.pieces), markdown=markdown)
        for start, end in split(cleaned.text):
            source_start, source_end = cleaned.source_span(start, end)
            yield Segment(source_start, source_end, cleaned.text[start:end], region.kind, region.level)


def split(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each sentence of a block's cleaned text, trimmed, with a word in it."""
    return iter(_split(text))


def _split(text: str) -> list[tuple[int, int]]:
    # One list, filled in one loop: the alternative that matched is read from ``lastgroup`` (one
    # C call) and trimming is done in place, since a block of a page has several sentences and
    # the generators this replaced cost more per sentence than the regex scan did.
    found: list[tuple[int, int]] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        kind = match.lastgroup
        if kind == "term":
            if not _ends_sentence(text, match):
                continue
            end = match.end()
        elif kind == "hard":
            end = match.start()
        else:
            end = match.end()
        _add_trimmed(found, text, begin, end)
        begin = match.end()
    _add_trimmed(found, text, begin, len(text))
    return found


# The longest abbreviation has six characters: the last word before a full stop is only read as
# far back as seven characters, enough to tell a word in the list (or an initial) from one that
# is not, without a regex search over forty characters for every full stop.
_WORD_REACH = 1 + max(map(len, _ABBREVIATIONS | _NUMBER_ABBREVIATIONS))


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    following = text[match.end() : match.end() + 40].lstrip()
    if following[:1].islower() and not _CODE_WORD.match(following):
        return False
    start = match.start()
    if match.group("term") != ".":
        return True
    word = _LAST_WORD.search(text, max(0, start - _WORD_REACH), start)
    last = word.group(0).lower() if word else ""
    if last in _NUMBER_ABBREVIATIONS:
        return not following[:1].isdigit()
    if last in _ABBREVIATIONS:
        return False
    # An initial ("J. Smith"): one capital letter before the full stop.
    return not (len(last) == 1 and text[start - 1].isupper() and following[:1].isupper())


def _add_trimmed(found: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if _HAS_WORD.search(text, start, end):
        found.append((start, end))


def _line_span(text: str, starts: tuple[int, ...], line: int) -> tuple[int, int]:
    """The line without its line end."""
    start = starts[line]
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    while end > start and text[end - 1] in "\r\n":
        end -= 1
    return start, end


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_regions(text: str, first: int, last: int | None, kind: SegmentKind) -> list[_Region]:
    """Lines ``first`` to ``last`` as blocks separated by blank lines (text with no Markdown)."""
    starts = line_starts(text)
    regions: list[_Region] = []
    pieces: list[tuple[int, int]] = []
    for line in range(first, len(starts) if last is None else min(last, len(starts))):
        span = _line_span(text, starts, line)
        start, end = _stripped(text, *span)
        if start < end:
            pieces.append((start, end))
        elif pieces and not text[span[0] : span[1]].strip(" \t"):  # blank as Markdown sees it
            regions.append(_Region(tuple(pieces), kind))
            pieces = []
    if pieces:
        regions.append(_Region(tuple(pieces), kind))
    return regions


def _content_pieces(
    text: str, starts: tuple[int, ...], inline: Any, *, item_start: bool
) -> tuple[tuple[int, int], ...]:
    """Where each line of an inline token's content lies in the source."""
    first, last = inline.map
    lines = inline.content.split("\n")
    pieces: list[tuple[int, int]] = []
    for index, line in enumerate(range(first, min(last, len(starts)))):
        start, end = _line_span(text, starts, line)
        wanted = lines[index].strip() if index < len(lines) else ""
        found = text.rfind(wanted, start, end) if wanted else -1
        if found >= 0:
            start, end = found, found + len(wanted)
        else:  # content differs from the source (tabs expanded): drop container markers
            marker = _LIST_MARKER.match(text, start, end) if item_start or index == 0 else None
            start, end = _stripped(text, marker.end() if marker else start, end)
        if start < end:
            pieces.append((start, end))
    return tuple(pieces)


def _cells(text: str, starts: tuple[int, ...], line: int) -> list[_Region]:
    """Each cell of a table row, split at the pipes that are not escaped."""
    start, end = _line_span(text, starts, line)
    pipes = [start + m.start() for m in re.finditer(r"(?<!\\)\|", text[start:end])]
    bounds = [start - 1, *pipes, end]
    regions = []
    for left, right in itertools.pairwise(bounds):
        cell_start, cell_end = _stripped(text, left + 1, right)
        if cell_start < cell_end:
            regions.append(_Region(((cell_start, cell_end),), "cell"))
    return regions


def _markdown_regions(text: str) -> list[_Region]:
    starts = line_starts(text)
    tokens = _parser().parse(text)
    regions: list[_Region] = []
    items = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "list_item_open":
            items += 1
        elif kind == "list_item_close":
            items -= 1
        elif kind in ("heading_open", "paragraph_open") and token.map:
            inline = tokens[index + 1]
            item_start = items > 0 and tokens[index - 1].type == "list_item_open"
            pieces = _content_pieces(text, starts, inline, item_start=item_start)
            if kind == "heading_open":
                regions.append(_Region(pieces, "heading", int(token.tag[1:])))
            else:
                regions.append(_Region(pieces, "item" if items else "sentence"))
        elif kind == "tr_open" and token.map:
            regions.extend(_cells(text, starts, token.map[0]))
        elif kind in ("code_block", "html_block") and token.map:
            regions.extend(_line_regions(text, token.map[0], token.map[1], "item" if items else "sentence"))
    return regions
