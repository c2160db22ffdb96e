"""Time the explain stage: loading all glossary packs cold, and explaining a 1,000-word text warm.

    python benchmarks/explain_speed.py [--packs DIR ...] [--repeat N]

"Cold load" runs in a fresh interpreter per measurement (so nothing is cached), timing the
import of plainlang.explain, then Glossary.load, then compiling the matcher (matching needs no
spaCy: the line "spaCy imported" says whether anything pulled it in). Glossary.load() of the
built-in packs uses the shipped index (glossaries/builtin-index.marshal) when it is current;
the "without the index" lines time the same packs read from YAML and compiled.

"Explain, fresh text" is the figure for the target: each style runs in a fresh interpreter that
warms up on one 1,000-word window of real registry text (../shared/data, or a built-in sample),
then explains up to N other windows, each once. Every text is new to the process, so nothing
the matcher or fit remember by text (the per-block memo, the word-count caches) can answer for
it. This runs in 3 interpreters per style (``--processes``), in turns; a text's figure is its
fastest first sight of the three, and the median over texts is reported (with the median and
minimum of every single timing): one process's medians moved by 0.3-1 ms between runs.
"Explain, same text again" explains one window N times after a warm-up, as earlier versions of
this script did: those memos then answer most of the work, so it is printed for comparison
only. Targets: load < 150 ms, explain < 2 ms.

All times are CPU time of this process (time.process_time), not wall time: the machine is
shared, and another process's work would otherwise count as ours. The median still moves with
the load (caches and memory bandwidth are shared too); the minimum moves least.

    python benchmarks/explain_speed.py --profile replace   # where one style's time goes
    python benchmarks/explain_speed.py --breakdown         # each stage's time on fresh text
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RECORDS = REPO.parent / "shared" / "data" / "records"

_COLD = """
import time, sys
t0 = time.process_time()
from plainlang.explain import Glossary
t1 = time.process_time()
g = Glossary.load(tuple(sys.argv[1:]))
t2 = time.process_time()
g.matcher
t3 = time.process_time()
print(f"{t1 - t0} {t2 - t1} {t3 - t2} {len(g)} {int('spacy' in sys.modules)}")
"""

# the plain path: the built-in packs parsed from YAML, checked and compiled, as any other pack
_COLD_PLAIN = _COLD.replace(
    "g = Glossary.load(tuple(sys.argv[1:]))",
    "from plainlang.explain.packs import builtin_sources, sources_for\n"
    "g = Glossary.from_sources(builtin_sources() + sources_for(sys.argv[1:]))",
)


def corpus_words() -> list[str]:
    """The words of every registry text the explain coverage reads, in a fixed order."""
    from plainlang.explain.coverage import record_texts

    texts: list[str] = []
    for folder in ("ctgov-v2", "ctgov-classic"):
        for path in sorted((RECORDS / folder).glob("*.json")):
            texts.extend(record_texts(json.loads(path.read_text("utf-8"))))
    if not texts:
        texts = ["Adults with relapsed or refractory acute myeloid leukemia (AML) were "
                 "randomized to the study drug or a placebo. Complete remission was measured."]
    words = " ".join(texts).split()
    while len(words) < 2 * WINDOW:  # the built-in sample: repeated to two windows at least
        words = words + words
    return words


WINDOW = 1000


def windows(count: int) -> list[str]:
    """``count`` distinct 1,000-word texts (fewer when the records hold fewer), in order."""
    words = corpus_words()
    return [" ".join(words[i:i + WINDOW]) for i in range(0, len(words) - WINDOW + 1, WINDOW)][:count]


def sample_text() -> str:
    return windows(1)[0]


def cold(packs: list[str], runs: int, plain: bool = False) -> None:
    rows = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", _COLD_PLAIN if plain else _COLD, *packs],
                              capture_output=True, text=True, check=True, cwd=REPO)
        rows.append([float(x) for x in done.stdout.split()])
    if plain:
        load = statistics.median(r[1] for r in rows) * 1000
        compile_ = statistics.median(r[2] for r in rows) * 1000
        print(f"cold, without the index: load {load:.1f} ms + compile {compile_:.1f} ms "
              f"= {load + compile_:.1f} ms")
        return
    imports = statistics.median(r[0] for r in rows) * 1000
    load = statistics.median(r[1] for r in rows) * 1000
    compile_ = statistics.median(r[2] for r in rows) * 1000
    print(f"terms loaded: {int(rows[0][3])}; spaCy imported: {'yes' if rows[0][4] else 'no'}")
    print(f"cold, import plainlang.explain:                     {imports:.1f} ms (median of {runs})")
    print(f"cold, Glossary.load (read + check all packs):       {load:.1f} ms")
    print(f"cold, compile the matcher:                          {compile_:.1f} ms")
    print(f"cold, load + compile (target < 150 ms):             {load + compile_:.1f} ms")


STYLES = ("fit", "parenthetical", "sentence", "words-to-know", "replace")


def fresh_times(packs: list[str], style: str, count: int) -> list[float]:
    """CPU seconds of explaining each of up to ``count`` windows once, in this process, after a
    warm-up on another window (run by ``fresh`` in a new interpreter per style)."""
    from plainlang.explain import Glossary, explain

    glossary = Glossary.load(tuple(packs))
    texts = windows(count + 1)
    explain(texts[0], glossary, style)  # warm-up: code paths and the glossary, not these texts
    times = []
    for text in texts[1:]:
        t0 = time.process_time()
        explain(text, glossary, style)
        times.append(time.process_time() - t0)
    return times


def breakdown_times(packs: list[str], style: str, count: int) -> dict[str, list[float]]:
    """CPU seconds per stage of explaining each of up to ``count`` fresh windows in ``style``
    (run by ``breakdown`` in a new interpreter per style, as ``fresh_times``).

    Each window is new to the process when its matches are found: the protected spans, then
    ``find`` given them, then ``scan`` given the matches, then the style's plan given the
    matches (``plan_text``: the scan again, and the style's own work), then the plan's edits
    made (the rest of ``explain_text``). The stages of ``explain_text`` by hand, the scan timed
    once more on its own (it is part of the plan), so plan + protected + find + apply is about
    its time (without explain's pause of the collector).
    """
    from plainlang.explain import Glossary, explain
    from plainlang.explain.apply import apply_edits, plan_text, sentence_insertions
    from plainlang.explain.engine import _uses, _words_to_know_edit
    from plainlang.explain.spans import SpanSet, protected_spans
    from plainlang.explain.usage import ScanState, scan

    glossary = Glossary.load(tuple(packs))
    matcher = glossary.matcher
    texts = windows(count + 1)
    explain(texts[0], glossary, style)  # warm-up
    stages: dict[str, list[float]] = {name: [] for name in ("protected", "find", "scan", "plan", "apply")}
    clock = time.process_time
    for text in texts[1:]:
        gc.disable()  # as explain pauses the collector (plainlang._gc)
        t0 = clock()
        facts = protected_spans(text)
        t1 = clock()
        matches = matcher.find(text, SpanSet(facts))
        t2 = clock()
        scan(text, glossary, ScanState(), matches=matches)
        t3 = clock()
        plan = plan_text(text, glossary, style, ScanState(), matches)
        plan.facts = facts
        t4 = clock()
        # the rest of explain_text: the sentences' insertions, "Words to know", the edits made
        edits = plan.edits + sentence_insertions(text, plan)
        if plan.words:
            edits.append(_words_to_know_edit(text, plan.words))
        _, marks = apply_edits(text, edits)
        _uses(plan, marks, edits)
        t5 = clock()
        gc.enable()
        for name, took in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            stages[name].append(took)
    return stages


def _in_fresh_interpreter(flag: str, style: str, count: int, packs: list[str]) -> Any:
    """What this script prints as JSON when run with ``flag style`` in a new interpreter."""
    done = subprocess.run(
        [sys.executable, __file__, flag, style, "--repeat", str(count), "--packs", *packs],
        capture_output=True, text=True, check=True, cwd=REPO,
    )
    return json.loads(done.stdout)


def breakdown(packs: list[str], count: int) -> None:
    for style in STYLES:
        stages = _in_fresh_interpreter("--breakdown-style", style, count, packs)
        print(f"breakdown, fresh text, {style:13s} (median / min ms per 1,000 words, {count} texts):")
        for name, times in stages.items():
            print(f"    {name:10s} {statistics.median(times) * 1000:6.2f} / {min(times) * 1000:5.2f}")


def fresh(packs: list[str], count: int, processes: int) -> None:
    """Each style's fresh-text times from ``processes`` new interpreters, taken in turns (style
    by style, then again) so that a busy spell of the machine falls on every style alike.

    Every timing is a first sight of its text in its process. A text's figure is its fastest
    first sight over the processes: the work is the same in each (the same objects are made in
    the same order, so the collector runs at much the same points), and what differs between
    them is mostly the machine (another process, the caches, the clock). The median of every single
    timing is printed beside it, as this script gave it before it ran several processes.
    """
    runs: dict[str, list[list[float]]] = {style: [] for style in STYLES}
    for _ in range(processes):
        for style in STYLES:
            runs[style].append(_in_fresh_interpreter("--fresh-style", style, count, packs))
    for style, times in runs.items():
        best = [min(per_text) for per_text in zip(*times, strict=True)]
        every = [t for one in times for t in one]
        print(f"explain, fresh text, {style:13s}: median {statistics.median(best) * 1000:.2f} ms "
              f"per 1,000 words ({len(best)} texts, each its best first sight of {processes} "
              f"processes; target < 2 ms); every timing: median "
              f"{statistics.median(every) * 1000:.2f}, min {min(every) * 1000:.2f}")


def warm(packs: list[str], repeat: int) -> None:
    from plainlang.explain import Glossary, explain

    glossary = Glossary.load(tuple(packs))
    text = sample_text()
    for style in STYLES:
        explain(text, glossary, style)  # warm-up
        times = []
        for _ in range(repeat):
            t0 = time.process_time()
            result = explain(text, glossary, style)
            times.append(time.process_time() - t0)
        print(f"explain, same text again, {style:13s}: median "
              f"{statistics.median(times) * 1000:.2f} ms, min {min(times) * 1000:.2f} ms "
              f"({len(result.terms)} terms explained; memos warm, for comparison only)")


def profile(packs: list[str], style: str, repeat: int) -> None:
    """cProfile of explaining up to ``repeat`` fresh windows in ``style``: where the time goes."""
    import cProfile
    import pstats

    from plainlang.explain import Glossary, explain

    glossary = Glossary.load(tuple(packs))
    texts = windows(repeat + 1)
    explain(texts[0], glossary, style)  # warm-up
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts[1:]:
        explain(text, glossary, style)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--packs", nargs="*", default=[], help="extra packs besides the built-in")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--processes", type=int, default=3, help="fresh interpreters per style")
    parser.add_argument("--profile", metavar="STYLE", help="profile explaining in STYLE instead")
    parser.add_argument("--fresh-style", metavar="STYLE", help=argparse.SUPPRESS)  # fresh()'s child
    parser.add_argument("--breakdown", action="store_true", help="time each stage on fresh text instead")
    parser.add_argument("--breakdown-style", metavar="STYLE", help=argparse.SUPPRESS)  # breakdown()'s child
    args = parser.parse_args()
    if args.fresh_style:
        print(json.dumps(fresh_times(args.packs, args.fresh_style, args.repeat)))
        return
    if args.breakdown_style:
        print(json.dumps(breakdown_times(args.packs, args.breakdown_style, args.repeat)))
        return
    if args.breakdown:
        breakdown(args.packs, args.repeat)
        return
    if args.profile:
        profile(args.packs, args.profile, args.repeat)
        return
    cold(args.packs, args.cold_runs)
    cold(args.packs, args.cold_runs, plain=True)
    fresh(args.packs, args.repeat, args.processes)
    warm(args.packs, args.repeat)


if __name__ == "__main__":
    main()
