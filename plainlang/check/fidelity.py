"""``fidelity.number``: every number and date on a page must be in the record it came from.

A number counts as present when it appears in any string or number value of the raw record,
after normalising thousands separators (``1,234`` = ``1234``), or when it is the number of items
of a list in the record (a page says "at 12 sites" when the record lists 12 locations). A date
counts in any spelling: "June 24, 2024" = "2024-06-24", and "Jun 2024" matches any day of that
month. Registry ids and citation markers are not numbers a reader takes as facts.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from plainlang.check.page import Page, RecordFacts, Span
from plainlang.check.prose import Block
from plainlang.check.rules.base import Hit
from plainlang.errors import CheckError, Location, PlainlangError
from plainlang.records.dates import to_iso

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATE = re.compile(
    rf"\b{_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH}\.?\s+\d{{4}}\b"
    rf"|\b{_MONTH}\.?\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}(?:-\d{{2}})?\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Registry ids (NCT01234567, ISRCTN12345678, EudraCT 2019-001234-56, EU CT 2022-500001-23-00...).
REGISTRY_ID = re.compile(
    r"\b(?:NCT\d{8}|ISRCTN\d{8}|ACTRN\d{14}|DRKS\d{8}|ChiCTR[-\w]+|CTRI/\d{4}/\d{2,3}/\d{6}"
    r"|jRCT\w+|KCT\d{7}|UMIN\d{9}|\d{4}-\d{6}-\d{2}(?:-\d{2})?)\b"
)
_CITATION = re.compile(r"\[\d[\d,\s–-]*\]")


def normalise_number(text: str) -> str:
    whole, _, fraction = text.replace(",", "").partition(".")
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


def _dates_in(text: str) -> Iterator[tuple[re.Match[str], str]]:
    for match in DATE.finditer(text):
        iso = to_iso(match[0].replace(".", "").replace(",", ", ").replace(",  ", ", "))
        if iso is not None:
            yield match, iso


def facts_of(raw: Any, origin: str) -> RecordFacts:
    numbers: set[str] = set()
    dates: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            numbers.add(str(len(value)))
            for item in value:
                walk(item)
        elif isinstance(value, bool) or value is None:
            return
        elif isinstance(value, (int, float)):
            numbers.add(normalise_number(repr(float(value)) if isinstance(value, float) else str(value)))
        elif isinstance(value, str):
            numbers.update(normalise_number(m[0]) for m in NUMBER.finditer(value))
            whole = to_iso(value)
            if whole is not None:
                dates.add(whole)
            dates.update(iso for _, iso in _dates_in(value))

    walk(raw)
    return RecordFacts(origin, frozenset(numbers), frozenset(dates))


def _xml_values(element: ET.Element) -> list[Any]:
    values: list[Any] = [element.text or "", *element.attrib.values()]
    children = list(element)
    values.append([_xml_values(child) for child in children])
    for child in children:
        values.append(child.tail or "")
    return values


def load_record(path: str | Path) -> RecordFacts:
    """The facts of the record at ``path`` (JSON or XML). The record must also be one plainlang
    can read (``plainlang.records.load``), so that a typo in ``--against`` is an input error."""
    from plainlang.records import load

    file = Path(path)
    try:
        load(file)
    except PlainlangError as error:
        raise error.with_file(str(file)) from None
    data = file.read_bytes()
    try:
        if data.lstrip().startswith(b"<"):
            return facts_of(_xml_values(ET.fromstring(data)), str(file))
        return facts_of(json.loads(data), str(file))
    except (ValueError, ET.ParseError) as error:
        raise CheckError(f"cannot read record: {error}", Location(str(file)), code="K002") from None


def _excluded(text: str) -> list[tuple[int, int]]:
    return [m.span() for pattern in (_CITATION, REGISTRY_ID) for m in pattern.finditer(text)]


def unsupported(page: Page) -> Iterator[Hit]:
    """Numbers and dates of the page that the record (``--against``) does not hold.

    On plainlang's JSON pages a sentence whose sources name a ``derivation`` (a count or sum
    computed from the record) is supported by that computation, so its numbers are not judged.
    Markdown, HTML and text pages carry no sources: there every number must be in the record,
    and a computed one ("in 6 countries" from a list of sites) is reported; check the JSON page
    instead, or turn the rule off for such pages.
    """
    facts = page.record
    if facts is None:
        return
    derived = page.prose.derived
    for block in page.blocks:
        text = block.text
        skip = _excluded(text)
        if derived:
            skip.extend(_derived_spans(block, derived))
        for match, iso in _dates_in(text):
            judged = not any(a <= match.start() < b for a, b in skip)
            skip.append(match.span())
            if judged and not any(d == iso or d.startswith(iso + "-") for d in facts.dates):
                yield Hit(Span(block, match.start(), match.end()), {"match": match[0], "kind": "date"})
        for match in NUMBER.finditer(text):
            start, end = match.span()
            if any(a <= start < b for a, b in skip) or _inside_word(text, start, end):
                continue
            if normalise_number(match[0]) not in facts.numbers:
                yield Hit(Span(block, start, end), {"match": match[0], "kind": "number"})


def _derived_spans(block: Block, derived: tuple[tuple[int, int], ...]) -> Iterator[tuple[int, int]]:
    """Stretches of the block whose characters come from a derived sentence."""
    start: int | None = None
    for index, offset in enumerate(block.offsets):
        inside = any(a <= offset < b for a, b in derived)
        if inside and start is None:
            start = index
        elif not inside and start is not None:
            yield start, index
            start = None
    if start is not None:
        yield start, len(block.offsets)


def _inside_word(text: str, start: int, end: int) -> bool:
    """Digits glued to letters (COVID-19, H1N1, 2nd, B12) are names or ordinals, not counts."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if (
        before.isalpha()
        or before == "_"
        or (after.isalpha() and text[end : end + 2].lower() not in ("st", "nd", "rd", "th"))
    ):
        return True
    return before == "-" and start >= 2 and text[start - 2].isalpha()
