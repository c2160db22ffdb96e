"""Dump every finding of ``plainlang check`` over a fixed set of pages, or compare with a dump.

A speed change to the check must not change what it finds. This writes one line per finding
(file name, line, column, end, rule, severity, message) for every page in a folder, with every
rule on at its default severity (info included), so two runs (before and after a change) can be
compared byte for byte.

The pages are written once, from every record under ../shared/data/records, and then kept:
regenerating them with a later plainlang would change the pages, not the check.

    python benchmarks/check_findings.py --pages /tmp/pages --write   # writes pages if the folder is empty
    python benchmarks/check_findings.py --pages /tmp/pages --out before.txt
    python benchmarks/check_findings.py --pages /tmp/pages --compare before.txt
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import plainlang
from plainlang.check import CheckRun

REPO = Path(__file__).resolve().parent.parent


def write_pages(records: Path, out: Path) -> int:
    """Markdown pages of every readable record under ``records`` (one per file; a fixed date)."""
    profile = plainlang.Profile(today="2026-11-21")
    written = 0
    for record in sorted(p for p in records.glob("*/*") if "manifest" not in p.name):
        try:
            summary = plainlang.summarize(str(record), profile)
        except plainlang.PlainlangError as error:
            print(f"skipped {record}: {error}", file=sys.stderr)
            continue
        (out / f"{record.stem}.md").write_text(plainlang.render(summary, "markdown"), "utf-8")
        written += 1
    return written


def dump(pages: Path) -> list[str]:
    run = CheckRun()
    lines = []
    for page in sorted(pages.glob("*.md")):
        for f in run.check_file(page, "markdown"):
            lines.append(
                f"{page.name}\t{f.line}:{f.column}-{f.end_line}:{f.end_column}\t{f.rule_id}\t{f.severity}\t{f.message}"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, required=True, help="folder of Markdown pages")
    parser.add_argument("--records", type=Path, default=REPO.parent / "shared" / "data" / "records")
    parser.add_argument("--write", action="store_true", help="write the pages first when the folder is empty")
    parser.add_argument("--out", type=Path, help="write the dump here")
    parser.add_argument("--compare", type=Path, help="compare with this dump; exit 1 when it differs")
    args = parser.parse_args()
    args.pages.mkdir(parents=True, exist_ok=True)
    if args.write and not any(args.pages.glob("*.md")):
        print(f"wrote {write_pages(args.records, args.pages)} pages to {args.pages}")
    lines = dump(args.pages)
    pages = len(list(args.pages.glob("*.md")))
    print(f"{len(lines)} findings on {pages} pages")
    if args.out:
        args.out.write_text("".join(line + "\n" for line in lines), "utf-8")
    if args.compare:
        before = args.compare.read_text("utf-8").splitlines()
        if before == lines:
            print(f"identical to {args.compare}")
            return
        gone, new = sorted(set(before) - set(lines)), sorted(set(lines) - set(before))
        for line in gone[:20]:
            print("-", line)
        for line in new[:20]:
            print("+", line)
        sys.exit(f"differs from {args.compare}: {len(gone)} gone, {len(new)} new")


if __name__ == "__main__":
    main()
