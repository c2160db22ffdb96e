"""Time the explain stage: loading all glossary packs cold, and explaining a 1,000-word text warm.

    python benchmarks/explain_speed.py [--packs DIR ...] [--repeat N]

"Cold load" runs in a fresh interpreter per measurement (so nothing is cached), timing the
import of plainlang.explain, then Glossary.load, then compiling the matcher (matching needs no
spaCy: the line "spaCy imported" says whether anything pulled it in). Glossary.load() of the
built-in packs uses the shipped index (glossaries/builtin-index.marshal) when it is current;
the "without the index" lines time the same packs read from YAML and compiled. "Explain" takes
1,000 words of real registry text from ../shared/data when it is there (or a built-in sample),
warms up once, then reports the median and the minimum of N runs. Targets: load < 150 ms,
explain < 2 ms.

All times are CPU time of this process (time.process_time), not wall time: the machine is
shared, and another process's work would otherwise count as ours. The median still moves with
the load (caches and memory bandwidth are shared too); the minimum moves least.

    python benchmarks/explain_speed.py --profile replace   # where one style's time goes
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

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


def sample_text(words: int = 1000) -> str:
    from plainlang.explain.coverage import record_texts

    texts: list[str] = []
    for folder in ("ctgov-v2", "ctgov-classic"):
        for path in sorted((RECORDS / folder).glob("*.json")):
            texts.extend(record_texts(json.loads(path.read_text("utf-8"))))
    if not texts:
        texts = ["Adults with relapsed or refractory acute myeloid leukemia (AML) were "
                 "randomized to the study drug or a placebo. Complete remission was measured."]
    out: list[str] = []
    count = 0
    for text in texts * 50:
        out.append(text)
        count += len(text.split())
        if count >= words:
            break
    return " ".join(" ".join(out).split()[:words])


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


def warm(packs: list[str], repeat: int) -> None:
    from plainlang.explain import Glossary, explain

    glossary = Glossary.load(tuple(packs))
    text = sample_text()
    for style in ("fit", "parenthetical", "sentence", "words-to-know", "replace"):
        explain(text, glossary, style)  # warm-up
        times = []
        for _ in range(repeat):
            t0 = time.process_time()
            result = explain(text, glossary, style)
            times.append(time.process_time() - t0)
        print(f"explain {len(text.split())} words, {style:13s}: median "
              f"{statistics.median(times) * 1000:.2f} ms, min {min(times) * 1000:.2f} ms "
              f"({len(result.terms)} terms explained; target < 2 ms)")


def profile(packs: list[str], style: str, repeat: int) -> None:
    """cProfile of ``repeat`` warm explains in ``style``: the functions that take the time."""
    import cProfile
    import pstats

    from plainlang.explain import Glossary, explain

    glossary = Glossary.load(tuple(packs))
    text = sample_text()
    explain(text, glossary, style)  # warm-up
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        explain(text, glossary, style)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--packs", nargs="*", default=[], help="extra packs besides the built-in")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--profile", metavar="STYLE", help="profile explaining in STYLE instead")
    args = parser.parse_args()
    if args.profile:
        profile(args.packs, args.profile, args.repeat)
        return
    cold(args.packs, args.cold_runs)
    cold(args.packs, args.cold_runs, plain=True)
    warm(args.packs, args.repeat)


if __name__ == "__main__":
    main()
