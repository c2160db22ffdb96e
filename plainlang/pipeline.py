"""The pipeline behind ``plainlang.summarize``: record → Trial → Document → explained → scored.

Each stage takes the previous stage's value and returns a new one: compose writes the page and
cites every sentence, explain adds glossary explanations at first use, score measures the result.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import replace

from plainlang._gc import collector_paused
from plainlang.compose import compose_program, compose_trial
from plainlang.config import DEFAULT_PROFILE, Profile
from plainlang.explain import Glossary, explain, unexplained_terms
from plainlang.model import Document, Summary, Trial
from plainlang.readability import score
from plainlang.records import RecordSource, load

# Sections that close a page whatever stages add after composition (a "Words to know" list).
_LAST = ("disclaimer",)


def summarize(
    record: Trial | RecordSource,
    profile: Profile | None = None,
    history: Sequence[Trial | RecordSource] = (),
    *,
    glossary: Glossary | None = None,
    scored: bool = True,
) -> Summary:
    """A patient trial page for one record (a Trial, a path, a dict...), explained and scored.

    ``history``: older versions of the same record, if known; the page then says how many
    times the record was updated next to its "Last updated" date. ``scored=False`` skips the
    readability stage (``Summary.readability`` is None) for output that shows no scores, such
    as the rendered pages a batch writes: scoring costs as much as composing and explaining.
    """
    profile = profile or DEFAULT_PROFILE
    trial = record if isinstance(record, Trial) else load(record)
    with collector_paused():  # see plainlang._gc: a page is thousands of objects, no garbage
        document = compose_trial(trial, profile)
        if history:
            from plainlang.changes import note_history

            older = [v if isinstance(v, Trial) else load(v) for v in history]
            document = note_history(document, trial, older, profile.language)
        return explain_and_score(document, profile, glossary, scored=scored)


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
    with collector_paused():  # see plainlang._gc
        return explain_and_score(compose_program(trials, title, profile), profile, glossary)


def explain_and_score(
    document: Document, profile: Profile, glossary: Glossary | None = None, *, scored: bool = True
) -> Summary:
    """The explain and score stages on a composed document (score only when ``scored``)."""
    glossary = glossary or Glossary.load(profile.glossaries)
    explained = explain(document, glossary, profile=profile)
    assert explained.document is not None
    finished = _closing_sections_last(explained.document)
    if not scored:
        return Summary(finished, explained.explained_terms)
    readability = score(
        finished, profile, unexplained=functools.partial(unexplained_terms, glossary=glossary)
    )
    return Summary(finished, explained.explained_terms, readability)


def _closing_sections_last(document: Document) -> Document:
    body = tuple(s for s in document.sections if s.id not in _LAST)
    closing = tuple(s for s in document.sections if s.id in _LAST)
    return replace(document, sections=body + closing)
