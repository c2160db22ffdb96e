"""Glossary coverage on the real ClinicalTrials.gov records in ../shared/data.

    python benchmarks/glossary_coverage.py [--packs PACK ...] [--top 30]

The texts are each record's brief summary, detailed description, eligibility criteria and
outcome measures and descriptions (records/ctgov-v2 and records/ctgov-classic, read as JSON).
A *hard word* is a word occurrence whose base form (after a simple inflection strip, so "years"
counts as "year") is not on the Dale–Chall easy-word list in ../shared/data/wordlists/, and that
is not a name (capitalized mid-sentence), a number or an identifier. It is *covered* when it
lies inside a glossary match, i.e. the explain stage would explain or replace it.
Prints the covered share (target: at least 90%) and the most frequent uncovered words.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
EASY = DATA / "wordlists" / "dale_chall_easy_words_textstat-0.7.13.txt"
FOLDERS = ("ctgov-v2", "ctgov-classic")


def main() -> int:
    from plainlang.explain import Glossary
    from plainlang.explain.coverage import measure, read_word_list, record_texts

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--packs", nargs="*", default=[], help="extra packs besides the built-in")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    if not EASY.is_file():
        print(f"{DATA} is absent: nothing to measure", file=sys.stderr)
        return 2
    texts: list[str] = []
    records = 0
    for folder in FOLDERS:
        for path in sorted((DATA / "records" / folder).glob("*.json")):
            records += 1
            texts.extend(record_texts(json.loads(path.read_text("utf-8"))))
    glossary = Glossary.load(tuple(args.packs))
    report = measure(texts, glossary, read_word_list(EASY))
    print(f"records: {records} ({', '.join(FOLDERS)}), texts: {report.texts}, "
          f"glossary terms: {len(glossary)} in {len(glossary.packs)} packs")
    print(f"hard-word occurrences: {report.hard_total} ({len(report.hard)} distinct)")
    print(f"covered by a glossary match: {report.covered_total} = {report.share:.1%} "
          "(target >= 90%)")
    print(f"\n{args.top} most frequent uncovered hard words:")
    for word, count in report.uncovered().most_common(args.top):
        print(f"  {count:6d}  {word}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
