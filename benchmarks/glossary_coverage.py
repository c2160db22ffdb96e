"""Glossary coverage of the trial pages plainlang writes for the real records in ../shared/data.

    python benchmarks/glossary_coverage.py [--top 30] [--raw]

Every ClinicalTrials.gov record in ../shared/data/records (ctgov-v2, ctgov-classic, ctgov-xml)
goes through ``plainlang.summarize`` with the default profile. On each page, a *hard word* is a
word occurrence that is neither on the Dale–Chall easy-word list nor a regular inflection of a
listed word (plural, possessive, past, -ing, comparative: "years", "planned"; not "weekly",
"treatment"), and that is not a name (``Sentence.keep``, or
capitalized mid-sentence), a number, an identifier or a unit. It is *covered* when it lies inside
a glossary term the page explains, or when the composer replaced it with a plain word (those
are counted as the composer rewrites each registry sentence: they are no longer on the page).
Prints the covered share (target: at least 90%), the share of what is left on the pages, and the
most frequent uncovered words. ``--raw`` also prints the old measure on the raw registry text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
FOLDERS = ("ctgov-v2", "ctgov-classic", "ctgov-xml")


def _tracing(real: Callable[[str, str], list[str]], easy: frozenset[str], seen: Counter[str]) -> Callable[..., list[str]]:
    """``rewrite_sentence`` that also counts the hard words its plain-words table swaps out."""
    from plainlang.compose.rewrite import load_plain_words, strip_boilerplate
    from plainlang.explain.page_coverage import replaced_hard_words

    def rewrite(sentence: str, language: str = "en") -> list[str]:
        words = load_plain_words(language)
        phrases = [m.group() for m in words.matcher.finditer(strip_boilerplate(sentence, words))]
        seen.update(replaced_hard_words(phrases, easy))
        return real(sentence, language)

    return rewrite


def own_wording() -> frozenset[str]:
    """Words of the composer's and the policy's own wording tables (lower case)."""
    import re
    from importlib.resources import files

    texts = [
        files("plainlang.compose").joinpath("data", name).read_text("utf-8")
        for name in ("wording.en.yaml", "changes.en.yaml")
    ]
    policy = files("plainlang.policy").joinpath("data")
    texts.extend(p.read_text("utf-8") for p in policy.iterdir() if p.name.endswith(".yaml"))
    return frozenset(w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", text))


def main() -> int:
    import plainlang
    from plainlang.compose import facts
    from plainlang.explain import Glossary
    from plainlang.explain.coverage import measure, record_texts
    from plainlang.explain.page_coverage import PageCoverage, measure_page
    from plainlang.readability.counts import easy_words

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--raw", action="store_true", help="also measure the raw registry text")
    args = parser.parse_args()
    records = DATA / "records"
    if not records.is_dir():
        print(f"{records} is absent: nothing to measure", file=sys.stderr)
        return 2
    easy = easy_words()
    glossary = Glossary.load()
    total = PageCoverage()
    failed = 0
    paths = [p for folder in FOLDERS for p in sorted((records / folder).glob("*")) if p.suffix in (".json", ".xml")]
    for path in paths:
        replaced: Counter[str] = Counter()
        with mock.patch.object(facts, "rewrite_sentence", _tracing(facts.rewrite_sentence, easy, replaced)):
            try:
                summary = plainlang.summarize(path)
            except plainlang.PlainlangError as error:
                failed += 1
                print(f"skipped {path.name}: {error}", file=sys.stderr)
                continue
        page = measure_page(summary, glossary, easy)
        total = total + PageCoverage(page.hard, page.covered, replaced, 1)
    print(f"pages: {total.pages} ({', '.join(FOLDERS)}; {failed} record(s) failed), "
          f"glossary terms: {len(glossary)} in {len(glossary.packs)} packs")
    on_page = sum(total.hard.values())
    print(f"hard-word occurrences on the pages: {on_page} ({len(total.hard)} distinct); "
          f"explained: {sum(total.covered.values())} = {total.share_on_page:.1%}")
    print(f"replaced by plain words before the page: {sum(total.replaced.values())} "
          f"({len(total.replaced)} distinct)")
    print(f"covered (explained or replaced): {total.covered_total} of {total.hard_total} = "
          f"{total.share:.1%} (target >= 90%)")
    uncovered = total.uncovered()
    ours = own_wording()
    in_ours = sum(n for w, n in uncovered.items() if w.lower() in ours)
    print(f"uncovered: {sum(uncovered.values())}, of which {in_ours} are words our own wording uses "
          f"(templates, disclaimers: {len(ours)} words; they may come from registry text too)")
    if total.hard_total:
        print(f"covered if those words were easy: "
              f"{total.covered_total / (total.hard_total - in_ours):.1%}")
    rare = {w: n for w, n in uncovered.items() if n < 5}
    print(f"uncovered words met fewer than 5 times in all pages: {sum(rare.values())} occurrences "
          f"({len(rare)} distinct words)")
    print(f"\n{args.top} most frequent uncovered hard words (* = also in our own wording):")
    for word, count in uncovered.most_common(args.top):
        print(f"  {count:6d}  {word}{' *' if word.lower() in ours else ''}")
    if args.raw:
        texts = [
            text
            for path in paths
            if path.suffix == ".json"
            for text in record_texts(json.loads(path.read_text("utf-8")))
        ]
        raw = measure(texts, glossary, easy)
        print(f"\nraw registry text (JSON records): {raw.covered_total} of {raw.hard_total} = {raw.share:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
