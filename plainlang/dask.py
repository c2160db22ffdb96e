"""Summarizing a ``dask.bag`` of records on a Dask cluster (install ``plainlang[dask]``).

For corpora that outgrow one machine. Each element of the bag is a record source as
``summarize_many`` takes it (a path on a disk the workers share, a parsed JSON dict, raw bytes,
a Trial) or a ``RawRecord`` from ``raw_bag``. The result is a bag of ``BatchResult``, one per
record, with the same text and content hash as a local run, in the same order
(``bag.compute()`` keeps partition order):

    >>> import dask.bag as db, json, plainlang.dask
    >>> records = db.read_text("registry/*.ndjson").map(json.loads)
    >>> results = plainlang.dask.summarize_bag(records, plainlang.Profile(today="2026-01-01"))
    >>> results.filter(lambda r: r.ok).map(lambda r: r.text).to_textfiles("out/*.md")

Dask is imported only here, so ``import plainlang`` never needs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

import dask.bag as db

from plainlang.batch.work import BatchResult, Unit, raw_hash, settings_digest, summarize_unit, units
from plainlang.config import DEFAULT_PROFILE, Profile
from plainlang.model import Trial
from plainlang.records import RawRecord, RecordSource, raw_records
from plainlang.render import Format


def raw_bag(sources: Iterable[str | Path], npartitions: int | None = None) -> db.Bag:
    """A bag of the raw units (files, ZIP members, NDJSON lines) of local paths.

    The units are read here, on the client, and shipped as bytes: use it when the workers do not
    share the client's disk. With a shared disk, a bag of paths is lighter.
    """
    found: list[RawRecord] = []
    for source in sources:
        found.extend(raw_records(source))
    return cast(db.Bag, db.from_sequence(found, npartitions=npartitions))  # type: ignore[no-untyped-call]


def summarize_bag(bag: db.Bag, profile: Profile | None = None, format: Format = "markdown") -> db.Bag:
    """A bag of ``BatchResult``, one per record of every element of ``bag``."""
    profile = profile or DEFAULT_PROFILE
    settings = settings_digest(profile, format)
    return cast(db.Bag, bag.map_partitions(_summarize_partition, profile, format, settings))  # type: ignore[no-untyped-call]


def _summarize_partition(
    elements: Iterable[RecordSource | Trial | RawRecord], profile: Profile, format: Format, settings: str
) -> list[BatchResult]:
    out: list[BatchResult] = []
    for element in elements:
        for unit in _units(element, settings):
            out.extend(summarize_unit(unit, profile, format))
    return out


def _units(element: Any, settings: str) -> Iterable[Unit]:
    if isinstance(element, RawRecord):
        return (Unit(element, None, raw_hash(settings, element)),)
    return units(element, settings)


__all__ = ["raw_bag", "summarize_bag"]
