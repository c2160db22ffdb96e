"""``plainlang diff OLD NEW``: plain sentences of what changed between two versions of a record."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from plainlang.changes import changes
from plainlang.errors import Location, RecordError
from plainlang.records import load
from plainlang.render.changes import CHANGE_FORMATS, render_changes


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="say in plain words what changed between two versions of a record",
        description="Compare two versions of one registry record: status, enrollment, dates, "
        "sites, outcomes, eligibility rules and treatments, each change cited.",
    )
    parser.add_argument("old", metavar="OLD", help="the older version of the record")
    parser.add_argument("new", metavar="NEW", help="the newer version of the record")
    parser.add_argument("--format", choices=CHANGE_FORMATS, default="markdown")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    old, new = load(args.old), load(args.new)
    if old.id != new.id:
        raise RecordError(
            f"the two files are different records ({old.id} and {new.id})",
            Location(args.new),
            hint="give two versions of the same record",
        )
    sys.stdout.write(render_changes(old, new, changes(old, new), args.format))
    return 0
