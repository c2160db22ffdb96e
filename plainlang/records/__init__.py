"""Reading registry records: files, directories, ZIPs, NDJSON, dicts → Trial.

``load`` reads one record; ``load_many`` streams every record a source holds; ``read_records``
does the same but yields each record's outcome (a Trial or the error that stopped it), so a
batch can report every bad record and still process all the others.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from plainlang._gc import collector_paused
from plainlang.errors import (
    InvalidJSONError,
    Location,
    PlainlangError,
    RecordError,
    SourceNotFoundError,
    UnknownFormatError,
)
from plainlang.model import Trial
from plainlang.records.fetch import fetch
from plainlang.records.formats import JSON_FORMATS, TEXT_FORMATS, accepted
from plainlang.records.registries import REGISTRIES, is_registry_id

RecordSource = str | os.PathLike[str] | dict[str, object] | list[object] | bytes

_JSON_SUFFIXES = (".json",)
_NDJSON_SUFFIXES = (".ndjson", ".jsonl")
_TEXT_SUFFIXES = (".xml",)
_READABLE = _JSON_SUFFIXES + _NDJSON_SUFFIXES + _TEXT_SUFFIXES + (".zip",)


@dataclass(frozen=True)
class RecordResult:
    """One record of a source: the Trial read from it, or the error that stopped it."""

    origin: str  # "file", "file#line" (NDJSON), "archive.zip!member", "<dict>"
    trial: Trial | None = None
    error: PlainlangError | None = None

    @property
    def ok(self) -> bool:
        return self.trial is not None


def load(source: RecordSource) -> Trial:
    """Read exactly one record. Raises RecordError if the source holds none or several."""
    found: Trial | None = None
    for trial in load_many(source):
        if found is not None:
            raise RecordError(
                "the source holds more than one record",
                Location(_describe(source)),
                hint="use plainlang.load_many to read them all",
            )
        found = trial
    if found is None:
        raise RecordError("the source holds no record", Location(_describe(source)))
    return found


def load_many(source: RecordSource) -> Iterator[Trial]:
    """Every record in the source, streamed; raises the first record's error it meets."""
    for result in read_records(source):
        if result.error is not None:
            raise result.error
        assert result.trial is not None
        yield result.trial


def read_records(source: RecordSource) -> Iterator[RecordResult]:
    """Every record in the source as a RecordResult, in a deterministic order.

    Problems with the source itself (a path that does not exist) raise; problems with a file or
    record inside it are yielded as results, so the caller can go on with the rest.
    """
    if isinstance(source, dict | list):
        yield from _paused(_from_document(source, "<dict>" if isinstance(source, dict) else "<list>"))
        return
    if isinstance(source, bytes):
        yield from _paused(_from_bytes(source, "<bytes>", ".json"))
        return
    # one walker for files, directories, ZIP members and NDJSON lines: the batch's raw units
    for raw in raw_records(source):
        yield from read_raw(raw)


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(_READABLE):
                yield Path(root) / name


def _from_bytes(data: bytes, origin: str, suffix: str) -> Iterator[RecordResult]:
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix in _NDJSON_SUFFIXES:
        yield from _from_ndjson(data, origin)
        return
    if stripped.startswith(b"<"):
        yield from _from_text(data, origin)
        return
    if not stripped:
        yield RecordResult(origin, error=RecordError("the file is empty", Location(origin)))
        return
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        yield RecordResult(
            origin,
            error=InvalidJSONError(f"not UTF-8 text (byte {error.start})", Location(origin), hint=accepted()),
        )
        return
    except json.JSONDecodeError as error:
        if suffix != ".json" and _looks_like_ndjson(data):
            yield from _from_ndjson(data, origin)
            return
        yield RecordResult(
            origin,
            error=InvalidJSONError(
                f"invalid JSON: {error.msg}",
                Location(origin, error.lineno, error.colno),
                hint="fix the JSON syntax at that position",
            ),
        )
        return
    yield from _from_document(document, origin)


def _looks_like_ndjson(data: bytes) -> bool:
    lines = [line for line in data.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines[:3])


def _from_ndjson(data: bytes, origin: str) -> Iterator[RecordResult]:
    for number, line in enumerate(io.BytesIO(data), start=1):
        if line.strip():
            yield from _from_line(line, origin, number)


def _from_line(line: bytes, origin: str, number: int) -> Iterator[RecordResult]:
    where = f"{origin}#{number}"
    try:
        document = json.loads(line.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        column = getattr(error, "colno", None)
        yield RecordResult(
            where,
            error=InvalidJSONError(
                f"invalid JSON on this line: {getattr(error, 'msg', error)}",
                Location(origin, number, column),
            ),
        )
        return
    yield from _from_document(document, where)


def _from_text(data: bytes, origin: str) -> Iterator[RecordResult]:
    for text_format in TEXT_FORMATS:
        if text_format.detect(data):
            yield from _guarded(origin, text_format.read(data, origin))
            return
    yield RecordResult(
        origin,
        error=UnknownFormatError(
            "not a registry record plainlang can read", Location(origin), hint=accepted()
        ),
    )


def _from_document(document: object, origin: str) -> Iterator[RecordResult]:
    for json_format in JSON_FORMATS:
        studies = json_format.studies(document)
        if studies is None:
            continue
        yield from _guarded(origin, (json_format.read(study, origin) for study in studies), many=True)
        return
    yield RecordResult(
        origin,
        error=UnknownFormatError(
            "not a registry record plainlang can read", Location(origin), hint=accepted()
        ),
    )


def _guarded(origin: str, trials: Iterable[Trial], many: bool = False) -> Iterator[RecordResult]:
    """Yield each trial; an error in one record becomes that record's result, and we go on."""
    iterator = iter(trials)
    index = 0
    while True:
        where = f"{origin}[{index}]" if many and index else origin
        try:
            trial = next(iterator)
        except StopIteration:
            return
        except PlainlangError as error:
            yield RecordResult(where, error=error.with_file(origin))
            if not many:
                return
        else:
            yield RecordResult(where, trial=trial)
        index += 1


@dataclass(frozen=True)
class RawRecord:
    """One unit of a source, not parsed yet: a file, a ZIP member or one NDJSON line.

    A batch hashes ``data`` to tell whether a record changed and ships it to a worker process,
    which is much cheaper than pickling a parsed Trial. ``read_raw`` turns it into the very
    results ``read_records`` gives for the same bytes (a unit may hold several records: a search
    page, a file of several studies). ``error`` is set when the unit could not even be read.
    """

    origin: str
    data: bytes = b""
    suffix: str = ".json"
    line: int | None = None  # NDJSON: the 1-based line number in the file ``origin``
    error: PlainlangError | None = None


def raw_records(source: str | os.PathLike[str]) -> Iterator[RawRecord]:
    """The units of a file, directory or ZIP, in ``read_records``' order, one in memory at a time.

    Raises SourceNotFoundError at once when the path does not exist.
    """
    path = Path(source)
    if not path.exists():
        raise SourceNotFoundError("no such file or directory", Location(str(path)), hint="check the path")
    for file in _walk(path) if path.is_dir() else (path,):
        yield from _raw_file(file)


def read_raw(raw: RawRecord) -> Iterator[RecordResult]:
    """The records of one raw unit, exactly as ``read_records`` reads them from its source."""
    if raw.error is not None:
        yield RecordResult(raw.origin, error=raw.error)
    elif raw.line is not None:
        yield from _paused(_from_line(raw.data, raw.origin, raw.line))
    else:
        yield from _paused(_from_bytes(raw.data, raw.origin, raw.suffix))


def _paused(results: Iterator[RecordResult]) -> Iterator[RecordResult]:
    """``results``, each worked out with the collector paused (``plainlang._gc``): decoding
    and reading a record make thousands of objects and no garbage. The caller's own work
    between two results runs with the collector as it was."""
    while True:
        with collector_paused():
            result = next(results, None)
        if result is None:
            return
        yield result


def _raw_file(path: Path) -> Iterator[RawRecord]:
    name, suffix = str(path), path.suffix.lower()
    try:
        if suffix == ".zip":
            yield from _raw_zip(path)
        elif suffix in _NDJSON_SUFFIXES:
            with path.open("rb") as lines:  # streamed: an NDJSON dump can be gigabytes
                for number, line in enumerate(lines, start=1):
                    if line.strip():
                        yield RawRecord(name, line, suffix, number)
        else:
            yield RawRecord(name, path.read_bytes(), suffix)
    except OSError as error:
        yield RawRecord(name, error=RecordError(f"cannot read file: {error.strerror}", Location(name)))


def _raw_zip(path: Path) -> Iterator[RawRecord]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        yield RawRecord(
            str(path), error=RecordError(f"not a readable ZIP file: {error}", Location(str(path)))
        )
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            suffix = os.path.splitext(info.filename)[1].lower()
            if info.is_dir() or suffix not in _READABLE or suffix == ".zip":
                continue
            origin = f"{path}!{info.filename}"
            with archive.open(info) as member:
                if suffix in _NDJSON_SUFFIXES:
                    for number, line in enumerate(member, start=1):
                        if line.strip():
                            yield RawRecord(origin, line, suffix, number)
                else:
                    yield RawRecord(origin, member.read(), suffix)


def _describe(source: RecordSource) -> str:
    if isinstance(source, dict):
        return "<dict>"
    if isinstance(source, list):
        return "<list>"
    if isinstance(source, bytes):
        return "<bytes>"
    return str(source)


__all__ = [
    "REGISTRIES",
    "RawRecord",
    "RecordResult",
    "RecordSource",
    "fetch",
    "is_registry_id",
    "load",
    "load_many",
    "raw_records",
    "read_raw",
    "read_records",
]
