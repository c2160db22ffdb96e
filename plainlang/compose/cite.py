"""Sentences with provenance: every sentence names the record fields it was built from."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from plainlang.compose.phrasing import fix_articles
from plainlang.config import Profile
from plainlang.model import Block, Sentence, SourceRef


def today(profile: Profile) -> str:
    """The summary's date (ISO): the profile's, so output is reproducible, else the clock's."""
    return profile.today or _dt.date.today().isoformat()


class HasPath(Protocol):
    @property
    def path(self) -> str: ...


@dataclass(frozen=True)
class Citer:
    """Builds sentences for one record, citing the fields they came from."""

    record_id: str

    def say(
        self, text: str, *fields: HasPath | None, derivation: str | None = None, keep: Iterable[str] = ()
    ) -> Sentence:
        """A sentence citing ``fields``; ``keep`` names phrases (names) to keep as written.

        Every sentence passes through here, ours and the record's, so "a"/"an" is made to agree
        here once: our templates ("a {name} study") and the plain-words swaps ("a prior" → "a
        earlier") can both put the wrong one before a word.
        """
        text = fix_articles(text)
        sources = tuple(
            SourceRef(self.record_id, field.path, derivation) for field in fields if field is not None
        )
        return Sentence(text, sources, keep=tuple(k for k in keep if k and k in text))

    def derived(self, text: str, path: str, derivation: str, keep: Iterable[str] = ()) -> Sentence:
        """A sentence stating a number computed from the record (a count of sites, say);
        ``keep`` names the record's names in it (a country), kept as written like in ``say``."""
        return Sentence(
            fix_articles(text),
            (SourceRef(self.record_id, path, derivation),),
            keep=tuple(p for p in keep if p and p in text),
        )


def paragraph(sentences: Iterable[Sentence | None]) -> Block | None:
    kept = tuple(s for s in sentences if s is not None and s.text)
    return Block("paragraph", kept) if kept else None


def items(sentences: Iterable[Sentence | None], label: str = "") -> tuple[Block, ...]:
    return tuple(Block("item", (s,), label) for s in sentences if s is not None and s.text)


def note(text: str) -> Block:
    """Text that is not a fact from the record (a disclaimer, a how-to): no citation."""
    return Block("note", (Sentence(text),))


def blocks(*parts: Block | tuple[Block, ...] | None) -> tuple[Block, ...]:
    out: list[Block] = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, Block):
            out.append(part)
        else:
            out.extend(part)
    return tuple(out)


# Sentence ends: a full stop, ! or ? followed by a space and a capital or digit, except after
# common abbreviations and single initials, so "e.g. Dr. Smith" and "2.5 mg" stay whole.
_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9(\"'])")
_NO_SPLIT_BEFORE = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|approx|Dr|Mr|Mrs|Ms|Prof|St|No|Fig|ca|incl|resp|al)\.|\b[A-Z]\.)$"
)


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences without breaking on abbreviations or decimals."""
    pieces = _SPLIT.split(text.strip())
    out: list[str] = []
    for piece in pieces:
        if out and _NO_SPLIT_BEFORE.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return [p.strip() for p in out if p.strip()]
