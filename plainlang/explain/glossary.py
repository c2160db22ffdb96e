"""The Glossary: the loaded packs, their terms by every form, and the compiled matcher.

``Glossary.load()`` reads the built-in packs plus any paths or entry-point names given, checks
them (a pack that cannot be used raises a GlossaryError saying where), and is cached on its
arguments: loading twice returns the same object, whose matcher is compiled on first use only.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from plainlang._gc import collector_paused
from plainlang.explain.lint import BLOCKING, check_collisions, check_structure
from plainlang.explain.matcher import CompiledMatcher, Tables, TermMatch
from plainlang.explain.packs import (
    Pack,
    PackMarks,
    PackSource,
    RawPack,
    Term,
    build_pack,
    builtin_sources,
    entry_point_sources,
    parse_pack_text,
    read_raw,
    sources_for,
)


@dataclass(frozen=True, eq=False)
class Glossary:
    """Terms from one or more packs. Build with ``Glossary.load`` or ``Glossary.from_packs``."""

    packs: tuple[Pack, ...]
    _by_term: dict[str, Term] = field(init=False, repr=False)
    # matcher tables stored for exactly these packs (the built-in index), used instead of compiling
    _tables: Tables | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_term: dict[str, Term] = {}
        for pack in self.packs:
            for term in pack.terms:
                by_term.setdefault(term.term.lower(), term)
        object.__setattr__(self, "_by_term", by_term)

    @classmethod
    def load(
        cls,
        sources: Iterable[str] = (),
        *,
        builtin: bool = True,
        installed: bool = False,
    ) -> Glossary:
        """The glossary of the built-in packs, the ``sources`` given, and installed packs.

        ``sources`` are paths of .yaml packs, directories of them, or names of entry points in
        the group ``plainlang.glossaries``; ``installed=True`` adds every installed pack.
        Cached: the same arguments give the same Glossary (and its compiled matcher).
        """
        return _load_cached(tuple(sources), builtin, installed)

    @classmethod
    def from_sources(cls, sources: Sequence[PackSource]) -> Glossary:
        """Read and check packs (uncached); raises GlossaryError on the first unusable problem."""
        with collector_paused():  # the parsed values are long-lived: see collector_paused
            raws = [read_raw(source) for source in sources]
        return cls._from_raws(raws)

    @classmethod
    def _from_raws(cls, raws: Sequence[RawPack]) -> Glossary:
        for raw in raws:
            for finding in check_structure(raw, full_schema=False):
                if finding.code in BLOCKING:
                    raise finding.error()
        packs = tuple(build_pack(raw) for raw in raws)
        for finding in check_collisions(packs):
            raise finding.error()
        return cls(packs)

    @classmethod
    def from_packs(cls, packs: Iterable[Pack]) -> Glossary:
        return cls(tuple(packs))

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(term for pack in self.packs for term in pack.terms)

    def __len__(self) -> int:
        return len(self._by_term)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def get(self, name: str) -> Term | None:
        """The entry for a term, alias or abbreviation (abbreviations exactly, words any case)."""
        term = self._by_term.get(name.lower())
        if term is not None:
            return term
        return self._by_form.get(name) or self._by_form.get(name.lower())

    def __getitem__(self, name: str) -> Term:
        term = self.get(name)
        if term is None:
            raise KeyError(name)
        return term

    @functools.cached_property
    def _by_form(self) -> dict[str, Term]:
        forms: dict[str, Term] = {}
        for term in self.terms:
            for alias in term.aliases:
                forms.setdefault(alias.lower(), term)
            for abbreviation in term.abbreviations:
                forms.setdefault(abbreviation, term)
        return forms

    @functools.cached_property
    def entries(self) -> dict[str, Term | None]:
        """``get(name)`` for the main form of every term, worked out once: a match names its
        term by that form, and explaining looks up each match's entry."""
        return {term.term: self.get(term.term) for term in self.terms}

    @functools.cached_property
    def matcher(self) -> CompiledMatcher:
        """The compiled phrase tables, built on first use (about 0.1 s for all packs) unless
        they came with the packs (the built-in index)."""
        if self._tables is not None:
            return CompiledMatcher.from_tables(self.terms, self._tables)
        return CompiledMatcher(self.terms)

    def find(self, text: str) -> tuple[TermMatch, ...]:
        return self.matcher.find(text)


@functools.cache
def _load_cached(sources: tuple[str, ...], builtin: bool, installed: bool) -> Glossary:
    chosen: list[PackSource] = []
    if builtin:
        chosen.extend(builtin_sources())
    chosen.extend(sources_for(sources))
    if installed:
        names = {source.file for source in chosen}
        chosen.extend(s for s in entry_point_sources() if s.file not in names)
    if builtin and len(chosen) == len(builtin_sources()):
        return _from_index(chosen)
    return Glossary.from_sources(chosen)


def _from_index(sources: Sequence[PackSource]) -> Glossary:
    """The built-in packs, from the shipped index when it was made from these very texts.

    The index is only written for packs that load without error, and its digest covers the
    checking code too (``plainlang.explain.index``), so the checks are not run again: they
    cannot find anything. Marks (file:line:col) still come from the texts, on demand.
    """
    from plainlang.explain.index import read_index  # here: `python -m` runs that module

    texts = [(source.file, source.read()) for source in sources]
    stored = read_index(texts)
    if stored is None:
        with collector_paused():
            raws = [parse_pack_text(text, file) for file, text in texts]
        return Glossary._from_raws(raws)
    data, tables = stored
    raws = [RawPack(file, value, PackMarks(text)) for (file, text), value in zip(texts, data, strict=True)]
    glossary = Glossary(tuple(build_pack(raw) for raw in raws))
    object.__setattr__(glossary, "_tables", tables)
    return glossary
