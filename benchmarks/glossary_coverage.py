"""Glossary coverage of the trial pages plainlang writes for the real records in ../shared/data.

    python benchmarks/glossary_coverage.py [--top 30] [--raw]

Every ClinicalTrials.gov record in ../shared/data/records (ctgov-v2, ctgov-classic, ctgov-xml)
goes through ``plainlang.summarize`` with the default profile. On each page, a *hard word* is a
word occurrence that is neither on the Dale–Chall easy-word list nor a regular inflection of a
listed word (plural, possessive, past, -ing, comparative: "years", "planned"; not "weekly",
"treatment"), and that is not a name (``Sentence.keep``, or
capitalized mid-sentence), a number, an identifier or a unit. It is *covered* when it lies inside
a glossary term the page explains, or when the composer replaced it with a plain word.

Replaced words are no longer on the page, so they are counted as the composer rewrites each
registry sentence, and only for a rewrite whose sentences are on the composed page (before the
explain stage; compared without case and end punctuation). The composer rewrites more than it
shows: every eligibility rule though the page lists a few, intervention descriptions that a
route sentence replaces, sentences the plainness gate then drops, and the lists of every step a
long page tries. Counting all of those (``every rewrite``, the figure this script printed until
2026-11-21) overstates the share; the on-page count may understate it a little, when a later
step of the composer changes a rewritten sentence (an abbreviation spelled out, say).
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
from typing import TYPE_CHECKING, Any
from unittest import mock

if TYPE_CHECKING:
    from plainlang.model import Document

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
FOLDERS = ("ctgov-v2", "ctgov-classic", "ctgov-xml")


Rewrite = tuple[list[str], Counter[str]]  # the sentences a rewrite gave, the hard words it swapped out


def _tracing(real: Callable[[str, str], list[str]], easy: frozenset[str], calls: list[Rewrite]) -> Callable[..., list[str]]:
    """``rewrite_sentence`` that also records the hard words its plain-words table swaps out."""
    from plainlang.compose.rewrite import load_plain_words, strip_boilerplate
    from plainlang.explain.page_coverage import replaced_hard_words

    def rewrite(sentence: str, language: str = "en") -> list[str]:
        words = load_plain_words(language)
        phrases = [m.group() for m in words.matcher.finditer(strip_boilerplate(sentence, words))]
        out = real(sentence, language)
        calls.append((out, replaced_hard_words(phrases, easy)))
        return out

    return rewrite


def _keeping(real: Callable[..., Document], documents: list[Document]) -> Callable[..., Document]:
    """``compose_trial`` that also keeps the page it composed (before the explain stage)."""

    def compose(*args: Any, **kwargs: Any) -> Document:
        documents.append(real(*args, **kwargs))
        return documents[-1]

    return compose


def _on_page(calls: list[Rewrite], document: Document) -> Counter[str]:
    """The swapped-out words of the rewrites whose every sentence is on the composed page.

    A rewrite the composer made several times (a section built again at a later page step,
    "In short" and its section saying the same thing) counts as often as its first sentence
    is on the page, no more: counting every call credited a replacement once per page step.
    """
    page = "\n".join(s.text for section in document.sections for b in section.blocks for s in b.sentences).lower()
    made: Counter[tuple[str, ...]] = Counter()
    swaps: dict[tuple[str, ...], Counter[str]] = {}
    for sentences, swapped in calls:
        key = tuple(s.lower().strip(" .;,") for s in sentences if s.strip())
        if key and all(s in page for s in key):
            made[key] += 1
            swaps[key] = swapped
    found: Counter[str] = Counter()
    for key, times in made.items():
        for _ in range(min(times, page.count(key[0]))):
            found += swaps[key]
    return found


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
    from plainlang import pipeline
    from plainlang.compose import compose_trial, facts
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
    every = PageCoverage()  # replacements counted for every rewrite, on the page or not
    for path in paths:
        calls: list[Rewrite] = []
        composed: list[Document] = []
        with (
            mock.patch.object(facts, "rewrite_sentence", _tracing(facts.rewrite_sentence, easy, calls)),
            mock.patch.object(pipeline, "compose_trial", _keeping(compose_trial, composed)),
        ):
            try:
                summary = plainlang.summarize(path)
            except plainlang.PlainlangError as error:
                failed += 1
                print(f"skipped {path.name}: {error}", file=sys.stderr)
                continue
        page = measure_page(summary, glossary, easy)
        total = total + PageCoverage(page.hard, page.covered, _on_page(calls, composed[-1]), 1)
        every = every + PageCoverage(page.hard, page.covered, sum((c for _, c in calls), Counter()), 1)
    print(f"pages: {total.pages} ({', '.join(FOLDERS)}; {failed} record(s) failed), "
          f"glossary terms: {len(glossary)} in {len(glossary.packs)} packs")
    on_page = sum(total.hard.values())
    print(f"hard-word occurrences on the pages: {on_page} ({len(total.hard)} distinct); "
          f"explained: {sum(total.covered.values())} = {total.share_on_page:.1%}")
    print(f"replaced by plain words before the page: {sum(total.replaced.values())} "
          f"({len(total.replaced)} distinct)")
    print(f"covered (explained or replaced): {total.covered_total} of {total.hard_total} = "
          f"{total.share:.2%} (target >= 90%: {'met' if total.share >= 0.9 else 'not met'})")
    print(f"  counting the replacements of every rewrite, on the page or not (overstates): "
          f"{every.covered_total} of {every.hard_total} = {every.share:.1%}")
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
