"""``plainlang preview RECORD -o page.html``: one self-contained page a writer opens in a browser.

The page shows the summary with the same marks as the notebook view (terms with their
definitions on hover, sentences tinted by grade, hard words underlined), the scores against
the targets and what ``plainlang check`` finds. It has inline CSS only: no script, no request.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from plainlang.cli.common import add_profile_options, profile_from
from plainlang.cli.summarize import list_records
from plainlang.errors import Location, SourceNotFoundError
from plainlang.explain import STYLES


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "preview",
        help="write one HTML page that shows a summary with its hard words and terms marked",
        description="Summarize one record and write a self-contained HTML preview for writers.",
    )
    parser.add_argument("record", metavar="RECORD", help="a record file (the first record in it is used)")
    parser.add_argument(
        "-o", "--output", metavar="PAGE", help="HTML file to write (default: standard output)"
    )
    parser.add_argument("--style", choices=STYLES, help="how terms are explained (default: parenthetical)")
    parser.add_argument("--no-findings", action="store_true", help="leave out what plainlang check finds")
    add_profile_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from plainlang.display.show import preview_page
    from plainlang.pipeline import summarize

    profile = profile_from(args)
    if args.style:
        profile = dataclasses.replace(profile, explanation_style=args.style)
    result = next(iter(list_records(args.record)), None)
    if result is None:
        raise SourceNotFoundError("no record in this file", Location(args.record), hint="give a record file")
    if result.error is not None:
        raise result.error
    assert result.trial is not None
    summary = summarize(result.trial, profile)  # explained in the profile's style, and scored
    page = preview_page(summary, profile, findings=not args.no_findings)
    if args.output:
        Path(args.output).write_text(page, "utf-8")
        print(f"plainlang: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(page)
    return 0
