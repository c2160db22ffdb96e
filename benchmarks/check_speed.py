"""Time ``plainlang check`` against proselint on the same 1,000 generated pages, in one run.

The pages are trial pages plainlang writes from every record it can read under
../shared/data/records (all registries, about 300 trials), cycled until there are 1,000, so each
trial comes back about 3 times; each copy gets a different "accessed" date so no two files are
the same text. Both linters run in this process over the same
files: plainlang through ``CheckRun.check_file``, proselint (from PyPI, ``pip install -e
'.[bench]'``) through ``LintFile(path).lint(config)`` with its default configuration and checks
registered once, the way its command line does it. Reported: seconds per file for each, and
the ratio over all pages and over each trial's first page (the aim is judged there: later
copies of a trial's page are partly answered from plainlang's memos by text). Aim (issue 6):
plainlang at least 10 times faster per file.

``--breakdown`` also times each stage of plainlang's check on the same pages (CPU time, so that
other work on the machine weighs less; plainlang's caches by text are cleared first, so a page
seen in the timed run is not cheaper here): reading the file and its configuration, the Markdown
parse, sentences, the glossary scan (explain engine and proper names), readability counts, and
each rule on its own with the shared work already done.

``--gc-freeze`` freezes the garbage collector after the warm-up page, as ``plainlang check``
does after its first page, for plainlang's timing only (proselint's command line does not).

``--keep DIR`` writes the pages to DIR, or reads them from there when it already holds some, so
two versions of plainlang can be timed on the very same files (run the script once with each on
``PYTHONPATH``).

``--old-set`` draws the pages from the set earlier rounds used (ctgov-v2 and examples/records,
20 trials): 1,000 pages are then 20 pages about 50 times over, and plainlang's caches by text
see most of a page again, which flatters it. The first line says how many different trials the
pages come from. For distinct pages only, point ``--keep`` at the pages
``benchmarks/check_findings.py --write`` makes (one per record).

    python benchmarks/check_speed.py [--pages 1000] [--records DIR ...] [--old-set] [--breakdown] [--gc-freeze] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime
import gc
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import plainlang
from plainlang.check import CheckRun

REPO = Path(__file__).resolve().parent.parent


def write_pages(record_dirs: list[Path], count: int, out: Path) -> list[Path]:
    trials = [
        r.trial for d in record_dirs if d.is_dir() for r in plainlang.read_records(d) if r.trial is not None
    ]
    if not trials:
        sys.exit("no readable records: pass --records")
    start = datetime.date(2026, 1, 1)
    pages = []
    skipped: set[str] = set()
    index = 0
    while len(pages) < count and len(skipped) < len(trials):
        trial = trials[index % len(trials)]
        profile = plainlang.Profile(today=(start + datetime.timedelta(days=index)).isoformat())
        index += 1
        try:
            text = plainlang.render(plainlang.summarize(trial, profile))
        except plainlang.PlainlangError:
            skipped.add(trial.id)  # a record plainlang reads but cannot summarize is no page
            continue
        path = out / f"{len(pages):04d}-{trial.id.replace('/', '_')}.md"
        path.write_text(text, "utf-8")
        pages.append(path)
    return pages


def time_plainlang(pages: list[Path]) -> tuple[list[float], int, float]:
    """Wall seconds per page, findings, and CPU seconds in all (the CPU figure is what a busy
    machine changes least)."""
    run = CheckRun()
    times, findings = [], 0
    cpu = time.process_time()
    for page in pages:
        began = time.perf_counter()
        findings += len(run.check_file(page, "markdown"))
        times.append(time.perf_counter() - began)
    return times, findings, time.process_time() - cpu


def proselint_checks() -> int:
    """Register proselint's checks once per process, as its command line does; returns how many
    are enabled by its default configuration.

    Its registry is a process-wide list that ``register_many`` appends to. Until 2026-11-21 this
    script registered on every call (once for the warm-up page, once for the timed run), which
    made proselint run each check twice, doubling its time and its findings.
    """
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry

    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)
    return len(registry.get_all_enabled(DEFAULT["checks"]))


def time_proselint(pages: list[Path]) -> tuple[list[float], int, float]:
    from proselint.config import DEFAULT
    from proselint.tools import LintFile

    proselint_checks()
    times, findings = [], 0
    cpu = time.process_time()
    for page in pages:
        began = time.perf_counter()
        findings += len(LintFile(page).lint(DEFAULT))
        times.append(time.perf_counter() - began)
    return times, findings, time.process_time() - cpu


def forget_caches() -> int:
    """Clear every ``functools`` cache of plainlang's modules, and what the glossary's matcher
    remembers by text; returns how many caches."""
    from plainlang.explain import Glossary

    Glossary.load().matcher.forget()
    cleared = 1
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("plainlang") or module is None:
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and hasattr(value, "cache_info"):
                value.cache_clear()
                cleared += 1
    return cleared


def breakdown(pages: list[Path]) -> dict[str, float]:
    """Milliseconds of CPU per page for each stage of ``check_file`` (see the module docstring)."""
    from plainlang.check import jargon, measures
    from plainlang.check.engine import suppressions
    from plainlang.check.markup import read_prose
    from plainlang.check.page import Page
    from plainlang.policy import load_policy

    # The timed runs before left every page's texts in plainlang's caches by text (sentences,
    # counts, ...): cleared, so that the stages cost what they cost on a first sight of the pages.
    forget_caches()
    run = CheckRun()
    run.check_file(pages[0], "markdown")  # warm: rules, glossary, policy
    totals: dict[str, float] = {}

    def lap(name: str, began: float) -> float:
        now = time.process_time()
        totals[name] = totals.get(name, 0.0) + now - began
        return now

    for path in pages:
        began = time.process_time()
        config = run.config_for(path)
        text = path.read_text("utf-8")
        began = lap("read file + config", began)
        prose = read_prose(text, "markdown", str(path))
        began = lap("parse Markdown", began)
        page = Page(prose, str(path), config.profile, load_policy(config.profile.policy))
        _ = page.sentences
        began = lap("sentences", began)
        jargon.term_scan(page)
        began = lap("glossary scan + names", began)
        measures._counts(page)
        began = lap("readability counts", began)
        suppressions(prose.source)
        began = lap("suppressions", began)
        for rule in run.rules:
            list(rule.hits(page))
            began = lap(f"rule {rule.id}", began)
    return {name: seconds * 1000 / len(pages) for name, seconds in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument(
        "--records",
        type=Path,
        action="append",
        help="folders of records (default: every registry folder under ../shared/data/records)",
    )
    parser.add_argument(
        "--old-set",
        action="store_true",
        help="the 20 trials earlier rounds used (ctgov-v2 and examples/records) instead of every registry",
    )
    parser.add_argument("--breakdown", action="store_true", help="also time each stage of the check")
    parser.add_argument("--keep", type=Path, help="folder to keep the pages in (reused when it holds pages)")
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="freeze the garbage collector after the warm-up, as the command line does (plainlang only)",
    )
    args = parser.parse_args()
    shared = REPO.parent / "shared" / "data" / "records"
    if args.records:
        record_dirs = args.records
    elif args.old_set:
        record_dirs = [shared / "ctgov-v2", REPO / "examples" / "records"]
    else:
        # one folder per registry; the manifests beside them are not records
        record_dirs = sorted(d for d in shared.iterdir() if d.is_dir()) if shared.is_dir() else []
    with tempfile.TemporaryDirectory() as folder:
        kept = sorted(args.keep.glob("*.md"))[: args.pages] if args.keep and args.keep.is_dir() else []
        if not kept and args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        pages = kept or write_pages(record_dirs, args.pages, args.keep or Path(folder))
        size = statistics.mean(p.stat().st_size for p in pages)
        # Warm both up on one page (imports, rule loading, regex compilation), outside the timing.
        time_plainlang(pages[:1])
        time_proselint(pages[:1])
        if args.gc_freeze:
            gc.freeze()  # as `plainlang check` does after its first page (plainlang.cli.check)
        ours, our_findings, our_cpu = time_plainlang(pages)
        gc.unfreeze()  # proselint's command line does not freeze
        theirs, their_findings, their_cpu = time_proselint(pages)
        stages = breakdown(pages) if args.breakdown else {}
    per_ours, per_theirs = sum(ours) / len(ours), sum(theirs) / len(theirs)
    trials = len({re.sub(r"^\d{4}-", "", p.stem) for p in pages})
    print(f"pages: {len(pages)} from {trials} trials (mean {size / 1024:.1f} KiB, Markdown)")
    print(
        f"plainlang check: {sum(ours):.2f} s total, {per_ours * 1000:.2f} ms/file "
        f"(median {statistics.median(ours) * 1000:.2f} ms), {our_findings} findings"
    )
    print(
        f"proselint:       {sum(theirs):.2f} s total, {per_theirs * 1000:.2f} ms/file "
        f"(median {statistics.median(theirs) * 1000:.2f} ms), {their_findings} findings "
        f"({proselint_checks()} checks enabled)"
    )
    if stages:
        print("plainlang check, CPU ms per page by stage:")
        for name, ms in stages.items():
            print(f"  {name:36s} {ms:7.3f}")
        print(f"  {'total':36s} {sum(stages.values()):7.3f}")
    print(
        f"CPU per file: plainlang {our_cpu / len(pages) * 1000:.2f} ms, proselint "
        f"{their_cpu / len(pages) * 1000:.2f} ms, ratio {their_cpu / our_cpu:.1f}x"
    )
    print(f"ratio (proselint / plainlang, per file, all {len(pages)} pages): {per_theirs / per_ours:.1f}x")
    # The pages cycle through the trials, so the first ``trials`` pages are each trial's first
    # sight: plainlang's memos by text (a block's tokens and term hits, Markdown inline results)
    # answer later copies of a trial's page, but not those. The aim is judged on them.
    first = min(trials, len(pages))
    ratio = sum(theirs[:first]) / sum(ours[:first])
    print(
        f"ratio (proselint / plainlang, per file, first sight of each of the {first} trials): "
        f"{ratio:.1f}x  (aim: >= 10x) {'MET' if ratio >= 10 else 'NOT MET'}"
    )


if __name__ == "__main__":
    main()
