"""The pipeline behind ``plainlang.summarize``: record → Trial → Document → Summary."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from plainlang.compose import compose_program, compose_trial
from plainlang.config import DEFAULT_PROFILE, Profile
from plainlang.model import Summary, Trial
from plainlang.records import RecordSource, load


def summarize(
    record: Trial | RecordSource,
    profile: Profile | None = None,
    history: Sequence[Trial | RecordSource] = (),
) -> Summary:
    """A patient trial page for one record (a Trial, a path, a dict...).

    ``history``: older versions of the same record, if known; the page then says how many
    times the record was updated next to its "Last updated" date.
    """
    profile = profile or DEFAULT_PROFILE
    trial = record if isinstance(record, Trial) else load(record)
    document = compose_trial(trial, profile)
    if history:
        from plainlang.changes import note_history

        older = [v if isinstance(v, Trial) else load(v) for v in history]
        document = note_history(document, trial, older, profile.language)
    return Summary(document)


def summarize_program(
    records: Iterable[Trial | RecordSource], title: str, profile: Profile | None = None
) -> Summary:
    """An overview page of several trials of one programme, every sentence citing its records."""
    profile = profile or DEFAULT_PROFILE
    trials = [r if isinstance(r, Trial) else load(r) for r in records]
    return Summary(compose_program(trials, title, profile))
