"""Which reader a page needs, and the plain-text reader.

``read_prose(text, format)`` turns Markdown, HTML, plain text or plainlang's JSON into Prose
(blocks of prose with offsets into the original). The format comes from the file's suffix; a
string handed to the library API is Markdown unless said otherwise (plain text is valid
Markdown in all but a few corners, and generated pages are Markdown).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from plainlang.check.html import extract_html
from plainlang.check.markdown import extract_markdown
from plainlang.check.prose import REFERENCE_TITLES, Block, BlockBuilder, BlockKind, Format, Prose, Section
from plainlang.check.summary_json import extract_summary_json
from plainlang.errors import CheckError, Location

SUFFIXES: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".json": "json",
}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_REFERENCE_ENTRY = re.compile(r"^\s*\[?(\d{1,4})[.\])]\s")
_ITEM = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s")


def format_of(path: str | PurePath) -> Format | None:
    return SUFFIXES.get(PurePath(path).suffix.lower())


def read_prose(text: str, format: Format, file: str = "<input>") -> Prose:
    if format == "markdown":
        return extract_markdown(text)
    if format == "html":
        return extract_html(text)
    if format == "text":
        return extract_text(text)
    if format == "json":
        return extract_summary_json(text, file)
    raise CheckError(f"unknown format {format!r}", Location(file), code="K001")


def extract_text(source: str) -> Prose:
    """Plain text: paragraphs split by blank lines; a "References" line starts the list."""
    blocks: list[Block] = []
    sections = [Section("", 0)]
    start = 0
    for match in [*_PARAGRAPH_BREAK.finditer(source), None]:
        end = match.start() if match else len(source)
        _text_paragraph(source, start, end, blocks, sections)
        start = match.end() if match else end
    return Prose(source, "text", tuple(blocks), tuple(sections))


def _text_paragraph(source: str, start: int, end: int, blocks: list[Block], sections: list[Section]) -> None:
    lines: list[tuple[int, str]] = []
    offset = start
    for line in source[start:end].split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    in_references = sections[-1].references
    if len(lines) == 1 and REFERENCE_TITLES.match(lines[0][1]):
        sections.append(Section(lines[0][1].strip(), 1, references=True))
        return
    listed = in_references or all(_ITEM.match(line) or not line.strip() for _, line in lines)
    if not listed:  # one paragraph: its lines run together
        out = BlockBuilder()
        for line_start, line in lines:
            out.add(line, line_start)
            out.space(line_start + len(line))
        if not out.empty():
            blocks.append(out.build("paragraph", len(sections) - 1))
        return
    for line_start, line in lines:  # a list: one block per line
        out = BlockBuilder()
        out.add(line, line_start)
        if out.empty():
            continue
        number_match = _REFERENCE_ENTRY.match(line)
        kind: BlockKind = "reference" if in_references else "item"
        number = int(number_match[1]) if in_references and number_match else None
        blocks.append(out.build(kind, len(sections) - 1, number))
