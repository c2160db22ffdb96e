"""``plainlang summarize PATH...``: write a plain-language summary of each record.

A PATH that is not a file but an NCT number (``plainlang summarize NCT04067336``) is fetched
from the ClinicalTrials.gov API v2, through ``--cache-dir`` when given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from plainlang.cli.common import add_profile_options, profile_from
from plainlang.errors import Location, PlainlangError, SourceNotFoundError
from plainlang.pipeline import summarize
from plainlang.records import RecordResult, fetch, is_registry_id, read_records
from plainlang.records.fetch import DEFAULT_BASE_URL
from plainlang.render import FORMATS, render

_SUFFIX = {"markdown": ".md", "html": ".html", "text": ".txt", "json": ".json"}


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
        help="directory to write one file per record (default: standard output)",
    )
    add_profile_options(parser)
    parser.set_defaults(run=run)


def list_records(path: str, args: argparse.Namespace | None = None) -> Iterator[RecordResult]:
    """The records at ``path``; raises at once (not on first iteration) when it is missing."""
    if not Path(path).exists() and is_registry_id(path):
        trial = fetch(
            path,
            cache_dir=getattr(args, "cache_dir", None),
            timeout=getattr(args, "timeout", 10.0),
            base_url=getattr(args, "api_url", DEFAULT_BASE_URL),
        )
        return iter((RecordResult(path, trial=trial),))
    if not Path(path).exists():
        raise SourceNotFoundError("no such file or directory", Location(path), hint="check the path")
    return read_records(path)


def run(args: argparse.Namespace) -> int:
    profile = profile_from(args)
    out_dir = Path(args.output) if args.output else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    done = failed = 0
    for path in args.paths:
        try:
            results = list_records(path, args)
        except PlainlangError as error:  # a path that does not exist: report it, go on
            failed += 1
            print(f"plainlang: {error}", file=sys.stderr)
            continue
        for result in results:
            if result.error is not None:
                failed += 1
                print(f"plainlang: {result.error}", file=sys.stderr)
                continue
            assert result.trial is not None
            try:
                text = render(summarize(result.trial, profile), args.format)
            except PlainlangError as error:
                failed += 1
                print(f"plainlang: {error.with_file(result.origin)}", file=sys.stderr)
                continue
            done += 1
            if out_dir is None:
                sys.stdout.write(text)
            else:
                (out_dir / f"{result.trial.id}{_SUFFIX[args.format]}").write_text(text, "utf-8")
    if failed or out_dir is not None:
        print(f"plainlang: {done} summarized, {failed} failed", file=sys.stderr)
    return 1 if failed else 0
