"""``plainlang check PATH...``: lint pages before they are published.

Exit codes: 0 no finding at or above the fail level, 1 findings at or above it, 2 usage,
configuration or input error (a missing file, an unknown config key, a bad record).
"""

from __future__ import annotations

import argparse
import gc
import sys
from typing import Any

from plainlang.check import CheckRun
from plainlang.check.config import load_config
from plainlang.check.fidelity import load_record
from plainlang.check.formats import FORMATTERS
from plainlang.check.report import SEVERITIES
from plainlang.cli import EXIT_FINDINGS, EXIT_OK


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check pages before they are published",
        description=(
            "Check Markdown, HTML, text or plainlang JSON pages: readability, jargon, "
            "disclaimers, citations, contact details, promotional wording, numbers."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    parser.add_argument(
        "--format", choices=tuple(FORMATTERS), default="text", help="report format (default: text)"
    )
    parser.add_argument(
        "--fail-level",
        choices=SEVERITIES,
        help="exit 1 when a finding is at or above this severity (default: the config's, else warning)",
    )
    parser.add_argument("--against", metavar="RECORD", help="the registry record the pages were written from")
    parser.add_argument(
        "--config", metavar="FILE", help="use this plainlang.yaml or pyproject.toml for every page"
    )
    parser.add_argument("--policy", metavar="FILE", help="a publisher's policy YAML (overrides the config)")
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip files matching GLOB"
    )
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in folders, check only files matching GLOB",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE (default: standard output)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    checker = CheckRun(
        config=load_config(args.config) if args.config else None,
        record=load_record(args.against) if args.against else None,
        fail_level=args.fail_level,
        include=tuple(args.include),
        exclude=tuple(args.exclude),
        policy=args.policy,
    )
    # After the first page, what stays for the whole run (rules, the glossary index, the policy,
    # hyphenation and syllable tables) is moved out of the garbage collector's reach: every full
    # collection would otherwise walk it again, for nothing (about 7% of the CPU of a run over
    # many pages; benchmarks/check_speed.py --gc-freeze). A command line process ends after the
    # run, so the frozen objects are never a leak.
    report = checker.run(args.paths, warmed=gc.freeze)
    text = FORMATTERS[args.format](report)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return EXIT_OK if report.ok else EXIT_FINDINGS
