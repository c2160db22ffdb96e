"""Time plainlang.score against textstat alone on every record's text in ../shared/data.

Both sides get the same texts: every text field of every record (JSON string values and XML
element texts of 20 words or more, read straight from the files). plainlang segments each text,
scores the document, each section and each sentence, and runs the per-sentence diagnostics;
textstat computes the same seven document-level scores. Target: ratio 1.5 or less.

Caches (textstat's and ours) are cleared before each pass, so a pass pays for its own syllable
look-ups; the CMU dictionary and the Pyphen dictionary are loaded before timing (both use them).

    python benchmarks/readability_speed.py [--records ../shared/data/records] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from plainlang import score
from plainlang._textstat import textstat
from plainlang.readability import counts

MIN_WORDS = 20
TEXTSTAT_METHODS = (
    "smog_index",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "dale_chall_readability_score",
    "coleman_liau_index",
    "automated_readability_index",
    "gunning_fog",
)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def record_texts(path: Path) -> list[str]:
    """The text fields of one record file (JSON, NDJSON or XML)."""
    if path.suffix == ".xml":
        root = ET.parse(path).getroot()
        found = [element.text or "" for element in root.iter()]
    elif path.suffix in (".json", ".jsonl", ".ndjson"):
        raw = path.read_text("utf-8", errors="replace")
        documents = (
            [json.loads(line) for line in raw.splitlines() if line.strip()]
            if path.suffix != ".json"
            else [json.loads(raw)]
        )
        found = [text for document in documents for text in _strings(document)]
    else:
        return []
    return [text for text in found if len(text.split()) >= MIN_WORDS]


def all_texts(records: Path) -> list[str]:
    return [
        text
        for path in sorted(records.rglob("*"))
        if path.is_file() and not path.name.startswith("manifest")
        for text in record_texts(path)
    ]


def run_textstat(texts: list[str]) -> float:
    ts = textstat()
    total = 0.0
    for text in texts:
        for method in TEXTSTAT_METHODS:
            total += getattr(ts, method)(text)
    return total


def run_plainlang(texts: list[str]) -> float:
    total = 0.0
    for text in texts:
        result = score(text)
        total += result.document.smog + len(result.sentences)
    return total


def timed(function: Callable[[list[str]], float], texts: list[str], clear: Callable[[], None]) -> float:
    clear()
    start = time.perf_counter()
    function(texts)
    return time.perf_counter() - start


def clear_textstat() -> None:
    """Empty textstat's per-text and per-word caches (not the dictionaries it loaded)."""
    import importlib

    for name in ("counts", "metrics", "selections", "transformations", "validations"):
        module = importlib.import_module(f"textstat.backend.{name}")
        for attribute in vars(module).values():
            if hasattr(attribute, "cache_clear"):
                attribute.cache_clear()


def clear_plainlang() -> None:
    counts.token.cache_clear()
    counts.syllables.cache_clear()


def main() -> int:
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "records"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, default=default)
    parser.add_argument("--repeat", type=int, default=3, help="passes per side; the best counts")
    args = parser.parse_args()
    if not args.records.is_dir():
        print(f"no records at {args.records}", file=sys.stderr)
        return 2
    texts = all_texts(args.records)
    words = sum(len(text.split()) for text in texts)
    run_textstat(texts[:5])  # load the CMU and Pyphen dictionaries, import everything
    run_plainlang(texts[:5])
    textstat_times, plainlang_times = [], []
    for _ in range(args.repeat):
        textstat_times.append(timed(run_textstat, texts, clear_textstat))
        plainlang_times.append(timed(run_plainlang, texts, clear_plainlang))
    best_textstat, best_plainlang = min(textstat_times), min(plainlang_times)
    print(f"texts: {len(texts)} fields, {words} words, from {args.records}")
    print(f"textstat alone, 7 document scores: {best_textstat:.3f} s (best of {args.repeat})")
    print(f"plainlang.score, document + sections + sentences + diagnostics: {best_plainlang:.3f} s")
    print(f"ratio plainlang / textstat: {best_plainlang / best_textstat:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
