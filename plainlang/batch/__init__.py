"""Summarizing many records: streamed, in input order, on one process or several.

``summarize_many`` yields one ``BatchResult`` per record (errors are values, never raised), in
the order of the input whatever ``jobs`` is. With ``jobs > 1`` the work goes to a process pool
with a bounded number of chunks in flight, so memory stays flat however large the corpus: the
input is walked lazily and only ``jobs * IN_FLIGHT_PER_JOB`` chunks of ``CHUNK`` raw records are
held at once. Workers get raw bytes, not parsed Trials.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from plainlang.batch.work import (
    BatchResult,
    UnexpectedFailureError,
    Unit,
    settings_digest,
    skipped_result,
    summarize_chunk,
    summarize_unit,
    units,
)
from plainlang.config import DEFAULT_PROFILE, Profile
from plainlang.model import Trial
from plainlang.records import RawRecord, RecordSource
from plainlang.render import Format

CHUNK = 8  # raw records per task sent to a worker
IN_FLIGHT_PER_JOB = 4  # chunks queued per worker: enough to keep it busy, few enough to stay small

Records = RecordSource | Trial | Iterable[RecordSource | Trial | RawRecord]
SkipCheck = Callable[[str, str], bool]  # (origin, content hash) → output already current?


def summarize_many(
    records: Records,
    jobs: int = 1,
    profile: Profile | None = None,
    format: Format = "markdown",
    skip: SkipCheck | None = None,
) -> Iterator[BatchResult]:
    """Summarize and render every record of ``records``, streamed, in input order.

    ``records`` is a path (file, directory, ZIP, NDJSON), a dict, bytes or a Trial, or an
    iterable of them. ``skip(origin, content_hash)`` may say that a unit's output is already
    current; such a unit yields one result with ``skipped=True`` and is not parsed at all.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    profile = profile or DEFAULT_PROFILE
    work = units(records, settings_digest(profile, format))
    if jobs == 1:
        for unit in work:
            if skip is not None and skip(unit.origin, unit.content_hash):
                yield skipped_result(unit)
            else:
                yield from summarize_unit(unit, profile, format)
        return
    yield from _parallel(work, jobs, profile, format, skip)


def _parallel(
    work: Iterator[Unit], jobs: int, profile: Profile, format: Format, skip: SkipCheck | None
) -> Iterator[BatchResult]:
    # Each queue entry is either results known at once (skipped units) or a future of a chunk's
    # results; entries leave the queue from the left only, which keeps the input order.
    pending: deque[tuple[BatchResult, ...] | cf.Future[tuple[tuple[BatchResult, ...], ...]]] = deque()
    limit = jobs * IN_FLIGHT_PER_JOB
    in_flight = 0
    with cf.ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk in _chunks(work, skip):
            if isinstance(chunk, BatchResult):
                pending.append((chunk,))
            else:
                pending.append(pool.submit(summarize_chunk, chunk, profile, format))
                in_flight += 1
            # Hand out whatever is ready at the head (so a long run of skipped units does not
            # pile up), and wait for the head when the pool has all the work it may hold.
            while pending and (
                not isinstance(pending[0], cf.Future) or pending[0].done() or in_flight >= limit
            ):
                in_flight -= isinstance(pending[0], cf.Future)
                yield from _drain_one(pending)
        while pending:
            yield from _drain_one(pending)


def _drain_one(
    pending: deque[tuple[BatchResult, ...] | cf.Future[tuple[tuple[BatchResult, ...], ...]]],
) -> Iterator[BatchResult]:
    head = pending.popleft()
    if isinstance(head, tuple):
        yield from head
        return
    for results in head.result():
        yield from results


def _chunks(work: Iterator[Unit], skip: SkipCheck | None) -> Iterator[tuple[Unit, ...] | BatchResult]:
    """Units grouped CHUNK at a time; a skipped unit ends the current chunk and comes alone."""
    batch: list[Unit] = []
    for unit in work:
        if skip is not None and skip(unit.origin, unit.content_hash):
            if batch:
                yield tuple(batch)
                batch = []
            yield skipped_result(unit)
            continue
        batch.append(unit)
        if len(batch) == CHUNK:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)


__all__ = ["BatchResult", "UnexpectedFailureError", "summarize_many"]
