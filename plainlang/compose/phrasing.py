"""Small pure helpers that turn registry values into plain phrases: dates, ages, lists, names."""

from __future__ import annotations

import re
from collections.abc import Sequence

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def say_date(iso: str) -> str:
    """``2024-06-24`` → ``June 24, 2024``; ``2024-06`` → ``June 2024``; ``2024`` → ``2024``."""
    parts = iso.split("-")
    if len(parts) == 1 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
        return parts[0]
    month = _MONTH_NAMES[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{month} {int(parts[2])}, {parts[0]}"


def say_count(number: int) -> str:
    """Thousands get a comma (1,320), as readers expect; digits are never spelled out."""
    return f"{number:,}"


def say_list(items: Sequence[str], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = [item for item in items if item]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$")


def say_age(age: str) -> str:
    """``18 Years`` → ``18 years``; ``1 Year`` → ``1 year``; anything else as written."""
    found = _AGE.match(age)
    if not found:
        return age.strip()
    number, unit = found[1], found[2].lower()
    if number == "1" and unit.endswith("s"):
        unit = unit[:-1]
    return f"{number} {unit}"


def plain_case(name: str) -> str:
    """Title Case registry names in running text: ``Acute Myeloid Leukemia`` → ``acute myeloid leukemia``.

    Words written all in capitals or with inner capitals (AML, COVID-19, SARS-CoV-2, mRNA)
    are names or codes and keep their case.
    """
    words = name.split(" ")
    return " ".join(_lower_word(word) for word in words)


def _lower_word(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return word
    if word[:1].isupper() and all(c.islower() for c in letters[1:]):
        return word.lower()
    return word


def lower_start(text: str) -> str:
    """Undo the capital the rewriting gave a phrase that now runs on inside our sentence."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:2].islower() else text


def sentence_case(text: str) -> str:
    """The first letter in capitals, the rest as written."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def end_sentence(text: str) -> str:
    """Add a full stop unless the text already ends a sentence."""
    text = text.strip()
    if not text or text[-1] in ".!?":
        return text
    if text[-1] in ":;,":
        text = text[:-1]
    return text + "."
