"""``plainlang summarize PATH...``: write a plain-language summary of each record.

A thin front end over ``plainlang.batch``: records from files, directories, ZIPs and NDJSON go
to stdout, to a directory (one file per record, re-runs skip what is current) or to an NDJSON
file, on ``--jobs`` processes, with a progress bar on a terminal and one line per failed record
in an errors file.

A PATH that is not a file but an NCT number (``plainlang summarize NCT04067336``) is fetched
from the ClinicalTrials.gov API v2, through ``--cache-dir`` when given.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from plainlang.batch.outputs import NDJSON_SUFFIXES, open_output
from plainlang.batch.run import run_batch
from plainlang.batch.work import BatchResult
from plainlang.cli.common import add_profile_options, profile_from
from plainlang.errors import PlainlangError
from plainlang.model import Trial
from plainlang.records import RawRecord, fetch, is_registry_id
from plainlang.records.fetch import DEFAULT_BASE_URL
from plainlang.render import FORMATS


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "summarize",
        help="write a plain-language summary of each record",
        description="Summarize registry records (files, directories, ZIP archives, NDJSON).",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="record files or directories, or NCT numbers to fetch"
    )
    parser.add_argument(
        "--cache-dir", metavar="DIR", help="keep fetched records here and read them from here offline"
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, metavar="SECONDS", help="network timeout for fetching"
    )
    parser.add_argument(
        "--api-url",
        default=DEFAULT_BASE_URL,
        metavar="URL",
        help="the ClinicalTrials.gov API v2 base URL (a mirror or a test server)",
    )
    parser.add_argument("--format", choices=FORMATS, default="markdown", help="output format")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="a directory to write one file per record, or a .ndjson/.jsonl file (default: standard output)",
    )
    parser.add_argument(
        "-j", "--jobs", type=_positive, default=1, metavar="N", help="worker processes (default 1)"
    )
    parser.add_argument(
        "--errors",
        metavar="FILE",
        help="where to write one tab-separated line per failed record: origin, id, code, message"
        " (default: OUT/errors.tsv for a directory, else standard error only)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no per-record errors")
    add_profile_options(parser)
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def sources(args: argparse.Namespace) -> Iterator[str | Trial | RawRecord]:
    """The paths as given; an NCT number that is not a file is fetched (a failure is one failed unit)."""
    for path in args.paths:
        if Path(path).exists() or not is_registry_id(path):
            yield path
            continue
        try:
            yield fetch(path, cache_dir=args.cache_dir, timeout=args.timeout, base_url=args.api_url)
        except PlainlangError as error:
            yield RawRecord(path, error=error)


def _errors_path(args: argparse.Namespace) -> Path | None:
    if args.errors:
        return Path(args.errors)
    if args.output and Path(args.output).suffix.lower() not in NDJSON_SUFFIXES:
        return Path(args.output) / "errors.tsv"
    return None


@contextlib.contextmanager
def _progress(quiet: bool) -> Iterator[Any]:
    """A tqdm bar on stderr, only when stderr is a terminal and --quiet is not given."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(unit=" records", file=sys.stderr, dynamic_ncols=True) as bar:
        yield bar


class _LazyFile:
    """The errors file, created on the first failure (a clean run leaves none; a stale one goes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None
        path.unlink(missing_ok=True)

    def write(self, text: str) -> int:
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("w", encoding="utf-8")
        return self._file.write(text)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def run(args: argparse.Namespace) -> int:
    profile = profile_from(args)
    output = open_output(args.output, args.format)
    errors_path = _errors_path(args)
    with contextlib.ExitStack() as stack:
        errors = _LazyFile(errors_path) if errors_path is not None else None
        if errors is not None:
            stack.callback(errors.close)
        bar = stack.enter_context(_progress(args.quiet))

        def report(result: BatchResult) -> None:
            if args.quiet:
                return
            message = f"plainlang: {result.error}"
            if bar is not None:
                bar.write(message, file=sys.stderr)
            else:
                print(message, file=sys.stderr)

        tally = run_batch(
            sources(args),
            output,
            jobs=args.jobs,
            profile=profile,
            format=args.format,
            errors=errors,
            on_error=report,
            progress=bar.update if bar is not None else None,
        )
    if tally.errors or args.output is not None:
        print(
            f"plainlang: {tally.written + tally.skipped} summarized, {tally.errors} failed ({tally.line()})",
            file=sys.stderr,
        )
    return 1 if tally.errors else 0
