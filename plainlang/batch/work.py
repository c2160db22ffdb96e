"""One unit of batch work, as a pure function a worker process (or a Dask worker) can run.

The main process only walks the sources and hashes raw bytes; parsing, composing and rendering
happen in ``summarize_raw``, which takes a ``RawRecord`` (bytes are cheap to pickle, a parsed
Trial is not) and returns one ``BatchResult`` per record the unit holds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from plainlang.config import DEFAULT_PROFILE, Profile
from plainlang.errors import Location, PlainlangError
from plainlang.model import Trial
from plainlang.pipeline import summarize
from plainlang.records import RawRecord, RecordSource, raw_records, read_raw
from plainlang.render import Format, render


class UnexpectedFailureError(PlainlangError):
    """Summarizing one record failed in a way plainlang did not foresee (a bug: please report it).

    A nightly run over the whole registry must not stop at one odd record, so such failures are
    reported like any bad record, with the exception's type and message.
    """

    code = "P190"


@dataclass(frozen=True)
class BatchResult:
    """The outcome of one record of a batch.

    ``text`` is the rendered summary, or ``error`` says why there is none. ``content_hash``
    identifies everything the output depends on (the record's bytes, plainlang's version, the
    profile, the format): equal hashes mean equal output, which is how a re-run skips work.
    ``skipped`` marks a unit a re-run found current; it carries neither text nor error.

    ``unit`` names the raw unit the record came from (a file, a ZIP member, ``file#line``) and
    ``unit_size`` how many results that unit gave, so a writer knows when a unit is complete.
    """

    origin: str
    record_id: str | None
    content_hash: str
    text: str | None = None
    error: PlainlangError | None = None
    skipped: bool = False
    unit: str = ""
    unit_size: int = 1

    @property
    def ok(self) -> bool:
        return self.text is not None


@dataclass(frozen=True)
class Unit:
    """A raw record, or a Trial given as is, with the hash of everything its output depends on."""

    raw: RawRecord | None
    trial: Trial | None
    content_hash: str

    @property
    def origin(self) -> str:
        """The unit's name: its file, ZIP member or ``file#line``; a resumed run's key."""
        if self.raw is not None:
            line = "" if self.raw.line is None else f"#{self.raw.line}"
            return self.raw.origin + line
        assert self.trial is not None
        return self.trial.source.file or f"<trial {self.trial.id}>"


def settings_digest(profile: Profile, format: Format) -> str:
    """A hash of plainlang's version, the profile and the format: everything but the record.

    Files the profile names (a policy, glossary packs) count by their content, so editing a
    policy makes every output stale.
    """
    from plainlang import __version__

    fields = dataclasses.asdict(profile)
    digest = hashlib.sha256()
    digest.update(json.dumps([__version__, format, fields], sort_keys=True, default=repr).encode())
    for name in (profile.policy, *profile.glossaries):
        if name is not None and os.path.isfile(name):
            digest.update(Path(name).read_bytes())
    return digest.hexdigest()


def content_hash(settings: str, data: bytes) -> str:
    return hashlib.sha256(settings.encode() + b"\0" + data).hexdigest()


def units(
    records: RecordSource | Trial | Iterable[RecordSource | Trial | RawRecord], settings: str
) -> Iterator[Unit]:
    """The units of the input, in order: a path, dict, bytes or Trial is one source; any other
    iterable is a sequence of sources. A path that does not exist is one failed unit."""
    single = isinstance(records, str | os.PathLike | bytes | dict | Trial)
    sources: Iterable[RecordSource | Trial | RawRecord] = (records,) if single else records  # type: ignore[assignment]
    for source in sources:
        yield from _source_units(source, settings)


def _source_units(source: RecordSource | Trial | RawRecord, settings: str) -> Iterator[Unit]:
    if isinstance(source, RawRecord):  # a unit already split off (plainlang.dask) or a failed fetch
        yield Unit(source, None, raw_hash(settings, source))
        return
    if isinstance(source, Trial):
        yield Unit(None, source, content_hash(settings, repr(source).encode()))
        return
    if isinstance(source, dict | list):
        raw = RawRecord("<dict>" if isinstance(source, dict) else "<list>", _canonical(source))
        yield Unit(raw, None, content_hash(settings, raw.data))
        return
    if isinstance(source, bytes):
        yield Unit(RawRecord("<bytes>", source), None, content_hash(settings, source))
        return
    try:
        found = raw_records(source)
        first = next(found, None)
    except PlainlangError as error:  # a missing path: a failed unit, and the batch goes on
        yield Unit(RawRecord(str(source), error=error), None, content_hash(settings, b""))
        return
    if first is None:
        return
    yield Unit(first, None, raw_hash(settings, first))
    for raw in found:
        yield Unit(raw, None, raw_hash(settings, raw))


def raw_hash(settings: str, raw: RawRecord) -> str:
    # The origin is part of the key, not of the hash: a file moved unchanged stays current.
    return content_hash(settings, raw.data if raw.error is None else str(raw.error).encode())


def _canonical(document: object) -> bytes:
    return json.dumps(document, sort_keys=True, ensure_ascii=False).encode()


def summarize_unit(unit: Unit, profile: Profile, format: Format) -> tuple[BatchResult, ...]:
    """Parse, summarize and render every record of one unit; errors become results."""
    from plainlang.records import RecordResult

    if unit.trial is not None:
        results: Iterable[RecordResult] = (RecordResult(unit.origin, trial=unit.trial),)
    else:
        assert unit.raw is not None
        results = read_raw(unit.raw)
    out: list[BatchResult] = []
    try:
        for result in results:
            if result.trial is None:
                out.append(BatchResult(result.origin, None, unit.content_hash, error=result.error))
                continue
            trial = result.trial
            try:
                text = render(summarize(trial, profile, scored=False), format)  # pages show no scores
            except PlainlangError as error:
                out.append(
                    BatchResult(
                        result.origin, trial.id, unit.content_hash, error=error.with_file(result.origin)
                    )
                )
            except Exception as error:  # one odd record must not stop the batch
                out.append(
                    BatchResult(
                        result.origin, trial.id, unit.content_hash, error=_failure(error, result.origin)
                    )
                )
            else:
                out.append(BatchResult(result.origin, trial.id, unit.content_hash, text=text))
    except Exception as error:  # a reader that crashed mid-unit
        out.append(BatchResult(unit.origin, None, unit.content_hash, error=_failure(error, unit.origin)))
    return tuple(dataclasses.replace(r, unit=unit.origin, unit_size=len(out)) for r in out)


def skipped_result(unit: Unit) -> BatchResult:
    return BatchResult(unit.origin, None, unit.content_hash, skipped=True, unit=unit.origin)


def summarize_chunk(
    chunk: tuple[Unit, ...], profile: Profile | None, format: Format
) -> tuple[tuple[BatchResult, ...], ...]:
    """Several units in one task, so the cost of a round trip to a worker is shared."""
    profile = profile or DEFAULT_PROFILE
    return tuple(summarize_unit(unit, profile, format) for unit in chunk)


def _failure(error: Exception, origin: str) -> UnexpectedFailureError:
    return UnexpectedFailureError(
        f"unexpected {type(error).__name__}: {error}",
        Location(origin),
        hint="this is a bug in plainlang; please report it with the record",
    )
