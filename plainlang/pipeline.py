"""The pipeline behind ``plainlang.summarize``: record → Trial → Document → explained → scored.

Each stage takes the previous stage's value and returns a new one: compose writes the page and
cites every sentence, explain adds glossary explanations at first use, score measures the result.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import replace

from plainlang.compose import compose_program, compose_trial
from plainlang.config import DEFAULT_PROFILE, Profile
from plainlang.explain import Glossary, explain, unexplained_terms
from plainlang.model import Document, Summary, Trial
from plainlang.readability import score
from plainlang.records import RecordSource, load

# Sections that close a page whatever stages add after composition (a "Words to know" list).
_LAST = ("disclaimer",)


def summarize(
    record: Trial | RecordSource, profile: Profile | None = None, *, glossary: Glossary | None = None
) -> Summary:
    """A patient trial page for one record (a Trial, a path, a dict...), explained and scored."""
    profile = profile or DEFAULT_PROFILE
    trial = record if isinstance(record, Trial) else load(record)
    return explain_and_score(compose_trial(trial, profile), profile, glossary)


def summarize_program(
    records: Iterable[Trial | RecordSource],
    title: str,
    profile: Profile | None = None,
    *,
    glossary: Glossary | None = None,
) -> Summary:
    """An overview page of several trials of one programme, every sentence citing its records."""
    profile = profile or DEFAULT_PROFILE
    trials = [r if isinstance(r, Trial) else load(r) for r in records]
    return explain_and_score(compose_program(trials, title, profile), profile, glossary)


def explain_and_score(document: Document, profile: Profile, glossary: Glossary | None = None) -> Summary:
    """The explain and score stages on a composed document."""
    glossary = glossary or Glossary.load(profile.glossaries)
    explained = explain(document, glossary, profile=profile)
    assert explained.document is not None
    finished = _closing_sections_last(explained.document)
    readability = score(
        finished, profile, unexplained=functools.partial(unexplained_terms, glossary=glossary)
    )
    return Summary(finished, explained.explained_terms, readability)


def _closing_sections_last(document: Document) -> Document:
    body = tuple(s for s in document.sections if s.id not in _LAST)
    closing = tuple(s for s in document.sections if s.id in _LAST)
    return replace(document, sections=body + closing)
