"""Where a batch's summaries go: a directory (one file per record), an NDJSON file, or stdout.

A directory keeps a manifest (``.plainlang-manifest.jsonl``) that maps each unit (file, ZIP
member, NDJSON line) to the content hash its outputs were made from. It is an append-only log,
flushed after every unit, so a run that is killed halfway leaves a manifest that is true for
everything written so far; the next run skips those units and does the rest. Each output file is
written to a temporary name and renamed, so no reader ever sees half a summary. At the end of a
run the log is rewritten (atomically) to one line per unit.

An NDJSON output is rewritten whole on each run (to a temporary file, renamed at the end); lines
of units that are still current are copied from the previous file instead of being recomputed.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from plainlang.batch.work import BatchResult
from plainlang.render import Format

MANIFEST = ".plainlang-manifest.jsonl"
SUFFIX: dict[str, str] = {"markdown": ".md", "html": ".html", "text": ".txt", "json": ".json"}
NDJSON_SUFFIXES = (".ndjson", ".jsonl")


class Output(Protocol):
    """What the batch runner needs from a destination."""

    def is_current(self, unit: str, content_hash: str) -> bool: ...

    def keep(self, unit: str) -> int:
        """Keep a current unit's outputs; returns how many records they hold."""
        ...

    def write_unit(self, results: tuple[BatchResult, ...]) -> None:
        """Write the summaries of one complete unit (results with an error are not written)."""
        ...

    def close(self) -> None: ...


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (atomic on POSIX)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


@dataclass(frozen=True)
class ManifestEntry:
    unit: str
    content_hash: str
    files: tuple[str, ...]


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """The manifest log, last entry per unit winning; a torn last line (a killed run) is ignored."""
    entries: dict[str, ManifestEntry] = {}
    if not path.is_file():
        return entries
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                row = json.loads(line)
                entry = ManifestEntry(row["unit"], row["hash"], tuple(row["files"]))
            except (json.JSONDecodeError, KeyError, TypeError):
                continue
            entries[entry.unit] = entry
    return entries


def _manifest_line(entry: ManifestEntry) -> str:
    row = {"unit": entry.unit, "hash": entry.content_hash, "files": list(entry.files)}
    return json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n"


class DirectoryOutput:
    """One file per record, named by record id; a second record with the same id gets ``id.2``."""

    def __init__(self, directory: Path, format: Format) -> None:
        self.directory = directory
        self.suffix = SUFFIX[format]
        directory.mkdir(parents=True, exist_ok=True)
        self._manifest_path = directory / MANIFEST
        self._previous = read_manifest(self._manifest_path)
        self._current: dict[str, ManifestEntry] = {}
        self._used: set[str] = set()
        self._log: IO[str] = self._manifest_path.open("a", encoding="utf-8")

    def is_current(self, unit: str, content_hash: str) -> bool:
        entry = self._previous.get(unit)
        return (
            entry is not None
            and entry.content_hash == content_hash
            and all(name not in self._used and (self.directory / name).is_file() for name in entry.files)
        )

    def keep(self, unit: str) -> int:
        entry = self._previous[unit]
        self._used.update(entry.files)
        self._current[unit] = entry
        return len(entry.files)

    def write_unit(self, results: tuple[BatchResult, ...]) -> None:
        files: list[str] = []
        for result in results:
            if result.text is None:
                continue
            name = self._name(result.record_id or "record")
            atomic_write(self.directory / name, result.text.encode("utf-8"))
            files.append(name)
        if any(r.error is not None for r in results):
            return  # not recorded as current: a unit with a failed record is retried next run
        entry = ManifestEntry(results[0].unit, results[0].content_hash, tuple(files))
        self._current[entry.unit] = entry
        self._log.write(_manifest_line(entry))
        self._log.flush()

    def _name(self, record_id: str) -> str:
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in record_id) or "record"
        name, n = f"{safe}{self.suffix}", 1
        while name in self._used:
            n += 1
            name = f"{safe}.{n}{self.suffix}"
        self._used.add(name)
        return name

    def close(self) -> None:
        self._log.close()
        # Units of earlier runs that this run did not meet stay listed: their files are still there.
        merged = {**self._previous, **self._current}
        text = "".join(_manifest_line(merged[unit]) for unit in sorted(merged))
        atomic_write(self._manifest_path, text.encode("utf-8"))


class NdjsonOutput:
    """Every summary as one JSON line: unit, origin, id, hash, format and the summary itself."""

    def __init__(self, path: Path, format: Format) -> None:
        self.path = path
        self.format = format
        path.parent.mkdir(parents=True, exist_ok=True)
        self._index = _index_ndjson(path)  # unit → (hash, byte offset, byte length) of its lines
        self._previous: IO[bytes] | None = path.open("rb") if self._index else None
        self._temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self._out: IO[bytes] = self._temporary.open("wb")

    def is_current(self, unit: str, content_hash: str) -> bool:
        found = self._index.get(unit)
        return found is not None and found[0] == content_hash

    def keep(self, unit: str) -> int:
        assert self._previous is not None
        _, offset, length, count = self._index[unit]
        self._previous.seek(offset)
        self._out.write(self._previous.read(length))
        return count

    def write_unit(self, results: tuple[BatchResult, ...]) -> None:
        for result in results:
            if result.text is None:
                continue
            summary: object = json.loads(result.text) if self.format == "json" else result.text
            row = {
                "unit": result.unit,
                "origin": result.origin,
                "id": result.record_id,
                "hash": result.content_hash,
                "format": self.format,
                # a unit with a failed record is written but marked, so a re-run retries it
                "complete": not any(r.error is not None for r in results),
                "summary": summary,
            }
            self._out.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")

    def close(self) -> None:
        self._out.close()
        if self._previous is not None:
            self._previous.close()
        os.replace(self._temporary, self.path)


def _index_ndjson(path: Path) -> dict[str, tuple[str, int, int, int]]:
    """unit → (hash, offset, length, line count) of a previous NDJSON output's complete units."""
    index: dict[str, tuple[str, int, int, int]] = {}
    if not path.is_file():
        return index
    offset = 0
    with path.open("rb") as lines:
        for line in lines:
            try:
                row = json.loads(line)
                unit, content_hash, complete = row["unit"], row["hash"], row["complete"]
            except (json.JSONDecodeError, KeyError, TypeError, UnicodeDecodeError):
                unit, complete = None, False
            if complete and isinstance(unit, str):
                known = index.get(unit)
                if known is not None and known[1] + known[2] == offset:  # the same unit's next line
                    index[unit] = (known[0], known[1], known[2] + len(line), known[3] + 1)
                else:
                    index[unit] = (content_hash, offset, len(line), 1)
            offset += len(line)
    return index


class StreamOutput:
    """Summaries written one after the other to a stream (stdout); nothing is ever current."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream

    def is_current(self, unit: str, content_hash: str) -> bool:
        return False

    def keep(self, unit: str) -> int:  # pragma: no cover - is_current is always False
        raise AssertionError("a stream keeps nothing")

    def write_unit(self, results: tuple[BatchResult, ...]) -> None:
        stream = self.stream or sys.stdout
        for result in results:
            if result.text is not None:
                stream.write(result.text)

    def close(self) -> None:
        with contextlib.suppress(BrokenPipeError):
            (self.stream or sys.stdout).flush()


def open_output(target: str | None, format: Format) -> Output:
    """A directory, an NDJSON file (a name ending in .ndjson or .jsonl) or stdout (None)."""
    if target is None:
        return StreamOutput()
    path = Path(target)
    if path.suffix.lower() in NDJSON_SUFFIXES:
        return NdjsonOutput(path, format)
    return DirectoryOutput(path, format)


def error_line(result: BatchResult) -> str:
    """One line of the errors file: origin, record id (or empty), code, message; tab-separated."""
    assert result.error is not None
    error = result.error
    fields = (result.origin, result.record_id or "", error.code, str(error))
    return "\t".join(" ".join(f.split()) for f in fields) + "\n"


def units_of(results: Iterator[BatchResult]) -> Iterator[tuple[BatchResult, ...]]:
    """Group a result stream into complete units (``unit_size`` results each)."""
    group: list[BatchResult] = []
    for result in results:
        group.append(result)
        if result.skipped or len(group) >= result.unit_size:
            yield tuple(group)
            group = []
    if group:
        yield tuple(group)
