"""The "fit" explanation style: a parenthesis when it fits, a sentence of its own when it does not.

A parenthetical explanation adds words to the sentence that uses the term, and readers (and
``plainlang check``'s long-sentence rule) count them: "Diagnosis (finding out which illness a
person has) of relapse (the illness coming back after it got better) or refractory (...)" turns
a 12-word rule into a 40-word one. The "fit" style keeps the parenthesis only while the sentence,
with every explanation planned in it so far, stays within the profile's ``long_sentence_words``;
otherwise the term stays as written (an abbreviation still gets its full words next to it) and
the explanation follows the sentence as "<Term> means <definition>.", which ``plainlang check``
counts as explained (``usage.scan``: a defining sentence "X means ..." in the same paragraph).

Only whole words are counted, as the check counts them (whitespace-separated tokens with a
letter or digit in them); the apply module decides, this module only measures and words.
"""

from __future__ import annotations

import functools
import re
import string
from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol

from plainlang.explain.glossary import Glossary
from plainlang.explain.packs import Term
from plainlang.explain.spans import sentence_end, sentence_ends, sentence_start
from plainlang.explain.usage import Use
from plainlang.explain.variants import spelling_variants

DEFAULT_SENTENCE_WORDS = 20  # Profile.long_sentence_words' default
# At most this many "<Term> means ..." sentences follow one sentence of the text. A kept name
# that holds many terms (a list of conditions as registered) would otherwise be followed by a
# run of 5 to 20 of them, which no reader takes in; the rest go to the page's "Words to know".
MAX_SENTENCES_AFTER = 3


class _Edit(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


# A whitespace token holding a letter or a digit, matched whole: one match per counted token
_COUNTED = re.compile(r"\S*?[^\W_]\S*")


@functools.lru_cache(maxsize=1 << 13)
def words(text: str) -> int:
    """Whitespace tokens that hold a letter or a digit ("—" and "(" alone are not words).

    Remembered: "fit" counts the same sentence once for every term in it, and the same
    definitions on every page.
    """
    return len(_COUNTED.findall(text))


# "e.g." and "etc." end in a full stop but not a sentence, for the check's counts as for readers
_NOT_AN_END_WORDS = ("e.g", "i.e", "etc", "vs", "approx", "incl", "al", "Dr", "Mr", "Mrs", "Ms", "No", "St")
_NOT_AN_END = re.compile(
    r"(?:\b(?:" + "|".join(map(re.escape, _NOT_AN_END_WORDS)) + r")|\b[A-Z])\.[\"'”’)\]]*$"
)
# What can come just before that full stop: each word's last letter, or a capital
_BEFORE_STOP = frozenset("".join(word[-1] for word in _NOT_AN_END_WORDS) + string.ascii_uppercase)


_CLOSERS = "\"'”’)]"
# The longest text _NOT_AN_END can match before its closing quotes and brackets ("approx."),
# and the character before it (for "\b")
_LONGEST_END = max(map(len, _NOT_AN_END_WORDS)) + 2


def not_an_end(text: str, end: int) -> bool:
    """True when ``text[:end]`` ends in "e.g.", "etc." or an initial: no sentence ends there.

    The same as ``_NOT_AN_END.search(text, 0, end)``, but the search starts just before the
    closing quotes and brackets: from 0 it would walk the whole text on every call, and the
    "fit" style asks this for every term it explains (a 1,000-word text took 50 ms).
    """
    i = end
    if i and text[i - 1] == "\n":  # "$" also matches before a last line end
        i -= 1
    while i > 0 and text[i - 1] in _CLOSERS:
        i -= 1
    # the pattern needs "." there, after one of its words' last letters or a capital: most
    # sentences end in other letters ("study.", "mg."), and then there is nothing to search
    if i < 2 or text[i - 1] != "." or text[i - 2] not in _BEFORE_STOP:
        return False
    return _NOT_AN_END.search(text, max(i - _LONGEST_END, 0), end) is not None


def sentence_bounds(text: str, at: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``at``, not cut at "e.g." or "etc."."""
    return widened(text, sentence_start(text, at), sentence_end(text, at))


def widened(text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` (``sentence_start`` and ``sentence_end`` of a position) moved past
    "e.g.", "etc." and initials: they depend on the position only through those two."""
    while start > 1 and not_an_end(text, start - 1 if text[start - 1].isspace() else start):
        before = text[:start].rstrip()
        if not before:
            break
        start = sentence_start(text, len(before) - 1)
    while end < len(text) and not_an_end(text, end):
        end = sentence_end(text, end + 1)
    return start, end


def _words_after(text: str, edits: Sequence[_Edit], start: int, end: int) -> int:
    """Words of ``text[start:end]`` once ``edits`` inside it are made."""
    total = words(text[start:end])
    for edit in edits:
        if start <= edit.start and edit.end <= end:
            total += words(edit.text) - words(text[edit.start : edit.end])
    return total


def fits(
    text: str,
    edits: Sequence[_Edit],
    at: int,
    limit: int,
    reserve: int = 0,
) -> bool:
    """True when the sentence holding ``at`` stays within ``limit`` words with ``edits`` made,
    keeping ``reserve`` words free for what later uses in it must add.

    A sentence with no full stop of its own (a list line, a line ending in a number) keeps the
    parenthesis whatever its length: a sentence written after it would run on from it, and
    "... (EFS) Event-free survival means ..." is neither readable nor a defining sentence.
    (``fit_sentences.SentenceFit`` answers the same question sentence by sentence for the
    explain stage; this is the plain answer its tests hold it to.)
    """
    start, end = sentence_bounds(text, at)
    if not text[start:end].rstrip().endswith((".", "!", "?")):
        return True
    return _words_after(text, edits, start, end) + reserve <= limit


def reserve(
    text: str,
    at: int,
    uses: Sequence[Use],
    glossary: Glossary,
    end: int | None = None,
    starts: Sequence[int] | None = None,
) -> int:
    """Words that later first uses of abbreviations in the same sentence will add: their full
    words are written in every style ("IgA" → "immunoglobulin A (IgA)"), so a parenthesis
    planned before them must leave room.

    ``uses`` are in text order; ``end``: the end of the sentence holding ``at`` when the caller
    has it already; ``starts``: each use's ``match.start``, when the caller keeps them (the
    search then needs no key function call per step).
    """
    if end is None:
        end = sentence_bounds(text, at)[1]
    total = 0
    # the uses after ``at`` only: a search, not a walk from the text's start for every term
    first = bisect_right(uses, at, key=_use_start) if starts is None else bisect_right(starts, at)
    for use in uses[first:]:
        match = use.match
        if match.start >= end:
            break
        if not use.first or use.explained or not match.is_abbreviation:
            continue
        term = glossary.get(match.term)
        if term is not None and match.surface.lower() != term.term.lower():
            total += words(term.term)
    return total


def _use_start(use: Use) -> int:
    return use.match.start


def over_cap(
    text: str, positions: Sequence[int], cap: int = MAX_SENTENCES_AFTER, ends: Sequence[int] | None = None
) -> set[int]:
    """Which of the explanation sentences planned at ``positions`` (uses in ``text``, in order)
    come after more than ``cap`` others that follow the same sentence: their indexes.
    ``ends``: ``sentence_ends(text, positions)`` when the caller has them (``positions`` unread)."""
    seen: dict[int, int] = {}
    extra: set[int] = set()
    for index, end in enumerate(sentence_ends(text, positions) if ends is None else ends):
        seen[end] = seen.get(end, 0) + 1
        if seen[end] > cap:
            extra.add(index)
    return extra


def sentence_after(term: Term, surface: str) -> str:
    """The parenthesis's definition as a sentence of its own: "<Term> means <definition>."

    Remembered (``_sentence_after``): "fit" writes one for most terms of a long text, and the
    same terms on every page. Keyed by the entry's parts that the sentence reads, not by the
    entry: a Term's own hash is a Python function over all its fields.
    """
    return _sentence_after(term.term, term.aliases, term.definition, surface)


@functools.lru_cache(maxsize=1 << 13)
def _sentence_after(name: str, aliases: tuple[str, ...], definition: str, surface: str) -> str:
    """``sentence_after`` of the entry ``name`` with ``aliases`` and ``definition``.

    The definition, not the pack's longer explanation: it says exactly what the parenthesis
    would have said, and explanations may use other terms or abbreviations ("This is strong
    chemo, and at times X-rays, given just before a transplant.") that would then need
    explaining in turn.
    """
    # the written form when the use is one ("Refractory means"), else the entry's own: "Leukemias
    # means a cancer" would not agree, and an abbreviation's full words are what it stands for
    if surface == name:  # the subject either way: no spellings to work out (most uses)
        subject = name
    else:
        plural = surface.lower().endswith("s") and not name.lower().endswith("s")
        forms = (name, *aliases)  # Term.forms
        written = not plural and any(surface.lower() in spelling_variants(form) for form in forms)
        subject = surface if written else name
    if not subject[1:2].isupper():  # "mRNA vaccine" and "eGFR" keep their case
        subject = subject[:1].upper() + subject[1:]
    definition = definition.strip().rstrip(".")
    return f"{opening(subject)} {means(subject, definition)} {definition}."


def opening(subject: str) -> str:
    """A sentence's first words for ``subject``: itself, or "The term mRNA vaccine" when it starts
    in lower case and must keep it (mRNA, ml, eGFR). A sentence starting in lower case would
    not read as a new one (readers, and sentence splitters, join it to the one before)."""
    return f"The term {subject}" if subject[:1].islower() else subject


_SINGULAR_ENDINGS = ("ss", "us", "is", "ics")
_SINGULAR_DEFINITION = re.compile(r"(?:a|an|one|the|when|how|what|where|any)\b", re.IGNORECASE)


def means(subject: str, definition: str) -> str:
    """ "mean" after a plural subject ("Myelodysplastic syndromes mean bone marrow illnesses ..."),
    else "means". A subject is plural when its last word ends in "s" as plurals do and its
    definition does not start as a singular one does: "Diabetes means an illness ...", "Measles
    means a ..." stay singular, and so does "Status" or "Sepsis"."""
    last = subject.split()[-1] if subject.split() else ""
    plural = (
        len(last) > 3
        and not last.isupper()  # "AIDS"
        and last.lower().endswith("s")
        and not last.lower().endswith(_SINGULAR_ENDINGS)
        and not _SINGULAR_DEFINITION.match(definition.strip())
    )
    return "mean" if plural else "means"


__all__ = [
    "DEFAULT_SENTENCE_WORDS",
    "MAX_SENTENCES_AFTER",
    "fits",
    "means",
    "opening",
    "over_cap",
    "reserve",
    "sentence_after",
    "sentence_bounds",
    "widened",
    "words",
]
