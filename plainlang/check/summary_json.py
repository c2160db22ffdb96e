"""plainlang's own JSON (``plainlang.summary/1``) → Prose.

``json.loads`` forgets where values were. A JSON file has no quote character outside string
literals, so the string literals found left to right in the source are exactly the strings met
when walking the parsed value in order (keys included). We pair them up, and decode each literal
ourselves so that a ``\\u00e9`` escape still maps to its own column.

A JSON page is read as the page it describes, so that every rule judges the same prose as on
its Markdown rendering (``plainlang.render``, page.md.j2): the same headings and sections, items
for item, definition and contents ("nav") blocks, a bold lead label before ": " (marked on the
Block, since no markup shows it here), a contents entry's first sentence only, citation markers
after each sentence, and a line break inside a sentence read as the one space Markdown makes of
it. What the page does not print (the ``explained_terms`` list, sources, section ids) is not read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from plainlang.check.prose import Block, BlockBuilder, BlockKind, Prose, Section
from plainlang.errors import CheckError, Location

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
SUMMARY_SCHEMA = "plainlang.summary/1"
# A line break with the spaces before it and the white space after it (see ``fold_lines``).
_LINE_BREAK = re.compile(r"[ \t]*(\r\n?|\n)\s*")
# Summary block kinds the page templates print as list items (page.md.j2: ``is_list``).
LIST_KINDS = frozenset({"item", "definition", "nav"})
# Those whose ``label`` the page prints as a bold lead ("- **label**: text"); a "nav" block's
# label is the id of the section it links to, not text.
LABELLED_KINDS = frozenset({"item", "definition"})


@dataclass(frozen=True)
class Located:
    """A string value of the document and the offset of its literal's opening quote."""

    value: str
    start: int
    end: int  # just past the closing quote


class _Pairs(list[tuple[Located, Any]]):
    """An object, with its keys located (a list subclass so duplicate keys keep their order)."""

    def get(self, key: str, default: Any = None) -> Any:
        return next((v for k, v in self if k.value == key), default)


def decode_literal(source: str, start: int, end: int, out: BlockBuilder) -> None:
    """Add the characters of the literal ``source[start:end]`` (quotes included) to ``out``."""
    index = start + 1
    stop = end - 1
    while index < stop:
        # Runs without an escape go in whole (most literals have none): one slice, not a call
        # per character (the JSON reader took twice the Markdown reader's time that way).
        slash = source.find("\\", index, stop)
        if slash < 0:
            out.add(source[index:stop], index)
            return
        if slash > index:
            out.add(source[index:slash], index)
        index = slash
        code = source[index + 1]
        if code == "u":
            value = int(source[index + 2 : index + 6], 16)
            width = 6
            if 0xD800 <= value < 0xDC00 and source.startswith("\\u", index + 6):
                low = int(source[index + 8 : index + 12], 16)
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                width = 12
            out.add_char(chr(value), index)
            index += width
        else:
            out.add_char(_ESCAPES.get(code, code), index)
            index += 2


def _locate(source: str, file: str) -> Any:
    literals: Iterator[re.Match[str]] = _STRING.finditer(source)

    def take(value: str) -> Located:
        match = next(literals)
        return Located(value, match.start(), match.end())

    def walk(value: Any) -> Any:
        if isinstance(value, _Pairs):
            return _Pairs((take(k.value), walk(v)) for k, v in value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, str):
            return take(value)
        return value

    try:
        raw = json.loads(
            source, object_pairs_hook=lambda pairs: _Pairs((Located(k, 0, 0), v) for k, v in pairs)
        )
    except json.JSONDecodeError as error:
        raise CheckError(f"invalid JSON: {error.msg}", Location(file, error.lineno, error.colno)) from None
    return walk(raw)


def _add(out: BlockBuilder, source: str, located: Any, suffix: str = "") -> None:
    if isinstance(located, Located):
        decode_literal(source, located.start, located.end, out)
        if suffix:
            out.add(suffix, located.start)


def extract_summary_json(source: str, file: str = "<input>") -> Prose:
    data = _locate(source, file)
    schema = data.get("schema") if isinstance(data, _Pairs) else None
    if not isinstance(schema, Located) or schema.value != SUMMARY_SCHEMA:
        raise CheckError(
            'not a plainlang summary: a JSON page must have "schema": "plainlang.summary/1"',
            Location(file, 1, 1, "schema"),
            hint="check Markdown, HTML or text pages, or JSON written by `plainlang summarize --format json`",
        )
    blocks: list[Block] = []
    sections = [Section("", 0)]
    derived: list[tuple[int, int]] = []

    def heading(title: Any, level: int) -> None:
        out = BlockBuilder()
        _add(out, source, title)
        sections.append(Section(out.build("heading", 0).text, level))
        if not out.empty():
            blocks.append(out.build("heading", len(sections) - 1))

    heading(data.get("title"), 1)
    for section in data.get("sections") or []:
        heading(section.get("title"), 2)
        for block in section.get("blocks") or []:
            read = _block(source, block, len(sections) - 1, derived)
            if read is not None:
                blocks.append(read)
    references = data.get("references") or []
    if references:
        sections.append(Section("References", 2, True))  # the title the page templates print
        for entry in references:
            out = BlockBuilder()
            for key in ("registry", "record_id", "title", "url"):
                _add(out, source, entry.get(key))
                out.space(0)
            number = entry.get("number")
            blocks.append(
                out.build("reference", len(sections) - 1, number if isinstance(number, int) else None)
            )
    return Prose(source, "json", tuple(blocks), tuple(sections), tuple(derived))


def _block(source: str, block: Any, section: int, derived: list[tuple[int, int]]) -> Block | None:
    """One summary block as its Markdown page shows it (page.md.j2): "- **label**: sentences"
    for an item or a definition, a contents entry's first sentence, or a paragraph of sentences
    (a note is one too); None when it has no text. Sentences with a computed number add their
    source range to ``derived``."""
    out = BlockBuilder()
    raw_kind = block.get("kind")
    summary_kind = raw_kind.value if isinstance(raw_kind, Located) else None
    label = block.get("label")
    label_length = None
    if isinstance(label, Located) and label.value and summary_kind in LABELLED_KINDS:
        _add(out, source, label)
        label_length = len("".join(out.parts))
        out.add(": ", label.end - 1)
    sentences = block.get("sentences") or []
    nav = summary_kind == "nav"  # a link to a section: its first sentence, no marker
    for sentence in sentences[:1] if nav else sentences:
        text = sentence.get("text")
        # Citation markers live in their own list; show them where Markdown would print them.
        numbers = [] if nav else [n for n in sentence.get("citations") or [] if isinstance(n, int)]
        if isinstance(text, Located):
            if _derived(sentence):
                derived.append((text.start, text.end))
            _add(out, source, text)
            out.add("".join(f"[{n}]" for n in numbers), text.end - 1)
            out.space(text.end - 1)
    if out.empty():
        return None
    return fold_lines(out.build(_block_kind(summary_kind), section, label=label_length))


def fold_lines(block: Block) -> Block:
    """``block`` with each line break in its text (and the spaces around it) made one space.

    A sentence may hold a line break (registry text such as "(including\\nmedulloblastoma"); the
    Markdown page prints it as it is, and Markdown reads it as a soft break, one space, so the
    words on either side are one phrase to the glossary matcher and one sentence to the
    readability measures. The space keeps the offset of the break."""
    if "\n" not in block.text and "\r" not in block.text:
        return block
    text: list[str] = []
    offsets: list[int] = []
    at = 0
    label = block.label
    for match in _LINE_BREAK.finditer(block.text):
        if block.label is not None and label is not None and match.end() <= block.label:
            label -= len(match[0]) - 1  # a break inside the label folds with it
        text.append(block.text[at : match.start()])
        offsets.extend(block.offsets[at : match.start()])
        text.append(" ")
        offsets.append(block.offsets[match.start(1)])
        at = match.end()
    text.append(block.text[at:])
    offsets.extend(block.offsets[at:])
    return replace(block, text="".join(text), offsets=tuple(offsets), label=label)


def _block_kind(kind: str | None) -> BlockKind:
    """The check's kind of a summary block, as the Markdown page shows it: items, definitions
    and contents entries ("nav") are list items there; paragraphs and notes are paragraphs."""
    return "item" if kind in LIST_KINDS else "paragraph"


def _derived(sentence: Any) -> bool:
    """True when one of the sentence's sources names a computation (``derivation``)."""
    sources = sentence.get("sources") if isinstance(sentence, _Pairs) else None
    return any(
        isinstance(ref, _Pairs)
        and isinstance(ref.get("derivation"), Located)
        and bool(ref.get("derivation").value)
        for ref in sources or []
    )
