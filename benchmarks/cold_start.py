"""Where a cold ``plainlang summarize one.json`` spends its time: ``python benchmarks/cold_start.py``.

Runs in a fresh interpreter each time (median of N runs) and reports the CPU time of each step in
the order the command meets them: importing plainlang, importing spaCy, the blank English
pipeline, loading the glossary packs, compiling the matcher, the CMU syllable table (from the
on-disk cache after the first run), the Dale–Chall easy words, then one record summarized and
rendered. CPU time, not wall time, so that a busy machine changes the figures less.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

RECORD = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "records" / "ctgov-v2" / "NCT00567567.json"

_STEPS = """
import sys, time
clock = time.process_time
marks = []
start = clock()
def mark(name):
    marks.append((name, clock()))
import plainlang; mark("import plainlang")
import spacy; mark("import spacy")
from plainlang.explain.matcher import blank_english; blank_english(); mark("spacy.blank('en')")
from plainlang.explain import Glossary; glossary = Glossary.load(()); mark("Glossary.load (all packs)")
glossary.matcher; mark("compile the matcher")
from plainlang._textstat import cmu_syllables; cmu_syllables(); mark("CMU syllable table")
from plainlang.readability.counts import easy_words; easy_words(); mark("Dale-Chall easy words")
summary = plainlang.summarize(sys.argv[1], plainlang.Profile(today="2026-01-01")); mark("summarize one record")
plainlang.render(summary); mark("render")
last = start
for name, at in marks:
    print(f"{name}\\t{at - last}")
    last = at
print(f"total\\t{last - start}")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record", nargs="?", default=str(RECORD))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs: dict[str, list[float]] = {}
    for _ in range(args.runs):
        done = subprocess.run(
            [sys.executable, "-c", _STEPS, args.record], capture_output=True, text=True, check=True
        )
        for line in done.stdout.splitlines():
            name, seconds = line.split("\t")
            runs.setdefault(name, []).append(float(seconds))
    width = max(len(name) for name in runs)
    for name, values in runs.items():
        print(f"{name.ljust(width)}  {statistics.median(values) * 1e3:7.0f} ms CPU (median of {args.runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
