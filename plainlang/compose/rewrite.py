"""Registry sentences made plainer: boilerplate off, long sentences split, plain words in.

Every change here is meaning-preserving by construction: the plain-words table (YAML data,
``data/plain-words.<lang>.yaml``) swaps words for words and is refused if an entry would add or
drop a negation or a number; sentences are split only at joints where each side can stand alone.
Property tests hold the module to that: numbers, units, dates, ids and negations survive.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

from plainlang._yaml import safe_load
from plainlang.errors import ConfigError, Location

LONG_SENTENCE_WORDS = 25
NEGATIONS = re.compile(
    r"\b(?:not|no|never|none|nor|neither|without|cannot|unable|absence|absent|free of|except|exclude[sd]?)\b|n't\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PlainWords:
    boilerplate: tuple[tuple[re.Pattern[str], str], ...]
    replacements: dict[str, str]  # lower-case phrase -> plain phrase
    matcher: re.Pattern[str]  # every phrase, longest first, as whole words


@functools.cache
def load_plain_words(language: str = "en") -> PlainWords:
    name = f"plain-words.{language}.yaml"
    source = f"plainlang/compose/data/{name}"
    data = safe_load(files("plainlang.compose").joinpath("data", name).read_text("utf-8"))
    boilerplate = tuple(
        (re.compile(entry["pattern"], re.IGNORECASE), entry["replace"])
        for entry in data.get("boilerplate", [])
    )
    replacements: dict[str, str] = {}
    for group in ("phrases", "words"):
        for phrase, plain in (data.get(group) or {}).items():
            phrase, plain = str(phrase).lower(), str(plain)
            if _meaning_marks(phrase) != _meaning_marks(plain):
                raise ConfigError(
                    f"{phrase!r} → {plain!r} would change a negation or a number",
                    Location(source, field=f"{group}.{phrase}"),
                )
            if phrase != plain.lower():
                replacements[phrase] = plain
    return PlainWords(boilerplate, replacements, phrase_matcher(replacements))


def phrase_matcher(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of the (lower-case) ``phrases`` as whole words, longest first, case ignored.

    The alternatives are grouped by their first character, longest first within each group:
    Python's ``re`` tries the alternatives of ``a|b|c`` one by one at every word start, so with
    a hundred phrases a flat alternation took a sixth of composing a page. Only phrases that
    start with the same character can match at one place, so the grouping finds the same match.
    """
    groups: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        groups.setdefault(phrase[:1], []).append(phrase)
    body = "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(p[1:]) for p in group) + ")"
        for first, group in groups.items()
    )
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)


def _meaning_marks(text: str) -> tuple[int, tuple[str, ...]]:
    return len(NEGATIONS.findall(text)), tuple(re.findall(r"\d+", text))


def strip_boilerplate(sentence: str, words: PlainWords) -> str:
    """Remove openers until none is left ("PURPOSE: RATIONALE: ..." has two)."""
    while True:
        before = sentence
        for pattern, replacement in words.boilerplate:
            sentence = pattern.sub(replacement, sentence, count=1).strip()
        if sentence == before:
            return _capitalise(sentence)


def plain_words(sentence: str, words: PlainWords) -> str:
    """Swap each phrase of the table for its plain form, keeping a leading capital."""

    def swap(match: re.Match[str]) -> str:
        found = match[0]
        plain = words.replacements[found.lower()]
        return _capitalise(plain) if found[:1].isupper() else plain

    return words.matcher.sub(swap, sentence)


# Joints where both sides can stand as sentences: a semicolon, or ", and|but|so|while" before a
# clause that has its own subject. "which" after a comma starts a clause about what came before.
_SEMICOLON = re.compile(r";\s+")
_CLAUSE_JOINT = re.compile(
    r",\s+(?:and|but|so|while|whereas)\s+(?=(?:the|this|these|that|it|they|we|he|she|each|all|every|"
    r"patients|participants|people|subjects|researchers|investigators|doctors|there)\b)",
    re.IGNORECASE,
)
_WHICH = re.compile(
    r",\s+which\s+(?=(?:is|are|was|were|will|may|can|has|have|includes?|means?)\b)", re.IGNORECASE
)


def split_long(sentence: str, limit: int = LONG_SENTENCE_WORDS) -> list[str]:
    """Split a sentence over ``limit`` words at safe joints; short ones come back whole."""
    if len(sentence.split()) <= limit:
        return [sentence]
    for joint, lead in ((_SEMICOLON, ""), (_CLAUSE_JOINT, ""), (_WHICH, "This ")):
        pieces = joint.split(sentence)
        if len(pieces) > 1 and all(len(p.split()) >= 4 for p in pieces):
            out: list[str] = []
            for index, piece in enumerate(pieces):
                piece = piece.strip()
                if index and lead:
                    piece = lead + piece
                piece = _capitalise(piece)
                if not piece.endswith((".", "!", "?")):
                    piece += "."
                out.extend(split_long(piece, limit))
            return out
    return [sentence]


def rewrite_sentence(sentence: str, language: str = "en") -> list[str]:
    """One registry sentence → one or more plainer sentences saying the same."""
    words = load_plain_words(language)
    sentence = strip_boilerplate(sentence, words)
    sentence = plain_words(sentence, words)
    # a joint can expose a lead-in that was mid-sentence ("...; RATIONALE: ..."): strip it from
    # each part too, so that rewriting a rewritten sentence changes nothing more
    parts = (strip_boilerplate(part, words) for part in split_long(sentence))
    return [s for s in parts if s.strip(" .")]


# Lower-case symbols whose case carries meaning: "mg" is milligrams, "Mg" is magnesium.
_KEEP_CASE = re.compile(
    r"^(?:mg|mcg|µg|ug|g|kg|ml|dl|l|mmol|mol|mm|cm|m|km|msec|ms|s|min|h|hr|hrs|iu|pH|mRNA|siRNA|ng|pg|nmol)\b"
)


def _capitalise(text: str) -> str:
    if not text[:1].islower() or _KEEP_CASE.match(text):
        return text
    return text[:1].upper() + text[1:]
