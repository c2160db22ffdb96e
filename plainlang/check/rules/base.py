"""What every rule is: an id, a severity, a message and examples; and what it reports (hits).

A rule's behaviour comes from its TYPE (one of a small closed set in ``types.py``); the rule
itself is data in ``plainlang/check/data/rules.yaml``. A type reads the rule's ``params`` once,
when the rules are loaded, and reports ``Hit``s on a page: a span of prose (or the whole page)
and the values its message template names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from plainlang.check.page import Page, Span
from plainlang.check.report import Severity
from plainlang.errors import CheckError, Location
from plainlang.policy import Policy

RULE_ID = re.compile(r"^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*$")


@dataclass(frozen=True)
class Hit:
    span: Span | None  # None: the page as a whole (reported at its first line)
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """A rule, loaded from data. Subclasses (the rule types) implement ``hits``."""

    type_name: ClassVar[str] = ""

    id: str
    severity: Severity
    message: str  # a str.format template over the hit's values
    description: str
    fail: tuple[str, ...]  # example pages (Markdown) that must give at least one finding
    passing: tuple[str, ...]  # example pages that must give none
    against: str | None = None  # an example record (JSON) the examples are checked against

    @classmethod
    def build(cls, common: dict[str, Any], params: Mapping[str, Any], where: Location) -> Rule:
        raise NotImplementedError

    def hits(self, page: Page) -> Iterator[Hit]:
        raise NotImplementedError

    def examples(self, policy: Policy, kind: str) -> tuple[str, ...]:
        """The ``fail`` or ``pass`` example pages, with ``$DISCLAIMERS`` written out as the
        policy's disclaimers (so examples follow the policy's wording when it changes)."""
        block = "".join(f"{d.text}\n\n" for d in policy.disclaimers)
        return tuple(
            e.replace("$DISCLAIMERS", block) for e in (self.fail if kind == "fail" else self.passing)
        )

    def describe(self, hit: Hit) -> str:
        return self.message.format_map(_Values(hit.values))


class _Values(dict[str, object]):
    """Template values; a name the hit does not give prints as ``?`` rather than failing."""

    def __missing__(self, key: str) -> str:
        return "?"


def param(
    params: Mapping[str, Any], name: str, kind: type | tuple[type, ...], where: Location, default: Any = None
) -> Any:
    """``params[name]`` checked against ``kind``; ``default`` when absent (None: required)."""
    if name not in params:
        if default is None:
            raise CheckError(f"missing parameter {name!r}", _at(where, name), code="K010")
        return default
    value = params[name]
    if not isinstance(value, kind):
        expected = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise CheckError(f"parameter {name!r} must be {expected}", _at(where, name), code="K010")
    return value


def compile_pattern(pattern: str, where: Location, name: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise CheckError(f"invalid pattern in {name!r}: {error}", _at(where, name), code="K011") from None


def _structure(pattern: str) -> Iterator[tuple[int, str]]:
    """``(index, char)`` of each ``(``, ``)`` and ``|`` that shapes ``pattern``: escapes and
    character classes skipped ("[]...]" and "[^]...]" hold a literal "]")."""
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern.startswith("^", index + 1):
                index += 1
            if pattern.startswith("]", index + 1):
                index += 1
        elif char in "()|":
            yield index, char
        index += 1


def alternatives(pattern: str) -> tuple[str, ...]:
    """The top-level alternatives of a regular expression (split at ``|`` outside groups,
    classes and escapes), so a rule type can tell what every alternative starts with."""
    parts: list[str] = []
    depth, start = 0, 0
    for index, char in _structure(pattern):
        if char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        elif char != "|":
            depth += 1 if char == "(" else -1
    parts.append(pattern[start:])
    return tuple(parts)


def first_letters(pattern: str) -> set[str] | None:
    """The letters a match of ``pattern`` can start with, when each of its alternatives starts
    (after an optional ``\\b``) with an ASCII letter or with a group whose alternatives do;
    None when that cannot be told simply (a class, an escape, an optional first part)."""
    found: set[str] = set()
    for alternative in alternatives(pattern):
        rest = alternative.removeprefix(r"\b")
        if rest[:1].isascii() and rest[:1].isalpha():
            if rest[1:2] in ("?", "*", "{"):
                return None
            found.add(rest[0])
        elif rest.startswith("(?:"):
            end = _group_end(rest)
            if end is None or rest[end + 1 : end + 2] in ("?", "*", "{"):
                return None
            inner = first_letters(rest[3:end])
            if inner is None:
                return None
            found |= inner
        else:
            return None
    return found


def _group_end(text: str) -> int | None:
    """Index of the ``)`` that closes the group opening ``text`` (escapes and classes skipped)."""
    depth = 0
    for index, char in _structure(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
    return None


def at_word_start(patterns: Iterable[str]) -> bool:
    """True when every top-level alternative of every pattern starts with ``\\b``."""
    return all(a.startswith(r"\b") for text in patterns for a in alternatives(text))


def word_start(patterns: tuple[str, ...]) -> str:
    """What to put before the alternation of ``patterns`` (one set of flags) so the regex engine
    tries them only where they can start: ``\\b`` when every alternative starts at a word
    boundary, and a class of the first letters after it when those are plain letters. Python's
    regex engine skips to a class in C; a boundary per alternative it tests at every character
    (measured on generated pages: a quarter of the time for the policy's phrases)."""
    if not at_word_start(patterns):
        return ""
    letters: set[str] = set()
    for text in patterns:
        first = first_letters(text)
        if first is None:
            return r"\b"
        letters |= first
    both = sorted(letters | {c.upper() for c in letters} | {c.lower() for c in letters})
    return rf"\b(?=[{''.join(both)}])"


def _at(where: Location, name: str) -> Location:
    return Location(where.file, where.line, where.column, f"{where.field}.params.{name}")


# Pages written by one tool share most of their blocks and sentences (on the 305 pages
# plainlang writes from ../shared/data, 14,438 blocks hold 5,653 distinct texts), and a
# pattern's matches are a pure function of the pattern and the text: remembered by both, so a
# rule scans each distinct text once per run. A match keeps only offsets and groups of a text
# equal to the one asked about, so it serves every page that has that text.


def matches(pattern: re.Pattern[str], text: str) -> tuple[re.Match[str], ...]:
    """Every match of ``pattern`` in ``text`` (``finditer``), remembered."""
    return _matches(pattern.pattern, pattern.flags, text)


def found_in(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` matches anywhere in ``text`` (``search``), remembered."""
    return _found_in(pattern.pattern, pattern.flags, text)


def matcher(pattern: re.Pattern[str]) -> Callable[[str], tuple[re.Match[str], ...]]:
    """``matches`` with ``pattern`` fixed, for a loop over a page's blocks: the call goes from C
    (a partial) straight to the memo, with no Python frame of its own per block (on a page
    seen first the rules ask the memos about 250 times)."""
    return functools.partial(_matches, pattern.pattern, pattern.flags)


def finder(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """``found_in`` with ``pattern`` fixed (see ``matcher``)."""
    return functools.partial(_found_in, pattern.pattern, pattern.flags)


# The memos are keyed by a pattern's source and flags, not by the compiled pattern: hashing a
# compiled pattern hashes its whole program on every call (1.4 µs for the policy's phrases in one
# pattern, as long as the memo's answer takes), while a string keeps its hash. The same source
# and flags compile to a pattern that matches the same (``re.compile`` answers from its cache).


@functools.lru_cache(maxsize=32768)
def _matches(source: str, flags: int, text: str) -> tuple[re.Match[str], ...]:
    return tuple(_pattern(source, flags).finditer(text))


@functools.lru_cache(maxsize=32768)
def _found_in(source: str, flags: int, text: str) -> bool:
    return _pattern(source, flags).search(text) is not None


@functools.lru_cache(maxsize=1024)
def _pattern(source: str, flags: int) -> re.Pattern[str]:
    """``re.compile(source, flags)``, answered in C: on a page seen first every block misses the
    memos above, and ``re.compile``'s own cache answers in Python (a type test and a lookup per
    call, a fifth of a miss)."""
    return re.compile(source, flags)
