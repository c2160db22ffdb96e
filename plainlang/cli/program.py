"""``plainlang program RECORD... --title TITLE``: one overview page for several trials."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from plainlang.cli.common import add_profile_options, profile_from
from plainlang.pipeline import summarize_program
from plainlang.records import load_many
from plainlang.render import FORMATS, render


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "program",
        help="write one overview page for several trials of a programme",
        description="Summarize several trial records (one drug's programme, say) on one page.",
    )
    parser.add_argument("paths", nargs="+", metavar="RECORD", help="record files, directories or archives")
    parser.add_argument("--title", required=True, help="the page title, e.g. 'Ziftomenib trials'")
    parser.add_argument("--format", choices=FORMATS, default="markdown")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    add_profile_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # One page needs every record: any record that cannot be read stops the page (exit 2).
    trials = [trial for path in args.paths for trial in load_many(path)]
    text = render(summarize_program(trials, args.title, profile_from(args)), args.format)
    if args.output:
        Path(args.output).write_text(text, "utf-8")
    else:
        sys.stdout.write(text)
    return 0
