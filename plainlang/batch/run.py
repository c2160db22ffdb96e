"""A whole batch run: results to an output, failures to an errors sink, and the count.

The count always balances: every record read is written, kept from an earlier run (current) or
reported as an error. ``Tally.line()`` says so in the words the CLI prints at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from plainlang.batch import Records, summarize_many
from plainlang.batch.outputs import Output, error_line, units_of
from plainlang.batch.work import BatchResult
from plainlang.config import Profile
from plainlang.render import Format


class Writable(Protocol):
    def write(self, text: str, /) -> int: ...


@dataclass(frozen=True)
class Tally:
    written: int = 0
    skipped: int = 0
    errors: int = 0

    @property
    def records_in(self) -> int:
        return self.written + self.skipped + self.errors

    def line(self) -> str:
        return (
            f"{self.records_in} in = {self.written} written + {self.skipped} skipped (current)"
            f" + {self.errors} errors"
        )

    def add(self, results: tuple[BatchResult, ...], kept: int = 0) -> Tally:
        return Tally(
            self.written + sum(r.text is not None for r in results),
            self.skipped + kept,
            self.errors + sum(r.error is not None for r in results),
        )


def run_batch(
    records: Records,
    output: Output,
    *,
    jobs: int = 1,
    profile: Profile | None = None,
    format: Format = "markdown",
    errors: Writable | None = None,
    on_error: Callable[[BatchResult], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Tally:
    """Summarize ``records`` into ``output``; one line per failed record goes to ``errors``.

    ``progress(n)`` is called after each unit with the number of records it held. The output is
    closed (manifest saved, NDJSON renamed into place) even when the run is interrupted.
    """
    tally = Tally()
    try:
        stream = summarize_many(records, jobs, profile, format, skip=output.is_current)
        for unit in units_of(stream):
            if unit[0].skipped:
                kept = output.keep(unit[0].unit)
                tally = tally.add((), kept)
                if progress is not None:
                    progress(kept)
                continue
            output.write_unit(unit)
            for result in unit:
                if result.error is not None:
                    if errors is not None:
                        errors.write(error_line(result))
                    if on_error is not None:
                        on_error(result)
            tally = tally.add(unit)
            if progress is not None:
                progress(len(unit))
    finally:
        output.close()
    return tally
