"""Measure the trial pages plainlang writes for every ClinicalTrials.gov record in ../shared/data.

Targets (issue: plain composition): median SMOG <= 8 and median Flesch-Kincaid <= 7, measured with
plainlang's readability engine and with plain textstat on the rendered text; no page above SMOG 10;
0 numbers not found in the source record unless the sentence records a derivation; 0 e-mail
addresses or phone numbers; every page carries the disclaimers and a resolving reference.

    python benchmarks/page_quality.py [--records ../shared/data/records] [--worst 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

import plainlang
from plainlang._textstat import textstat
from plainlang.policy import find_contacts, load_policy

# A number standing alone: digits inside a name (SARS-CoV-2, PD-1, HER2) are part of the name.
NUMBER = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)*(?![\w-])")
CTGOV_FOLDERS = ("ctgov-v2", "ctgov-classic", "ctgov-xml")


def record_numbers(path: Path) -> set[str]:
    """Every digit run in the raw record file, thousands separators removed."""
    text = path.read_text("utf-8", errors="replace")
    return {n.replace(",", "") for n in NUMBER.findall(text)} | set(re.findall(r"\d+", text))


def unsupported_numbers(data: dict[str, object], known: set[str], generated: str) -> list[str]:
    """Numbers in sentences that are neither in the record nor derived with a recorded computation."""
    bad = []
    allowed_dates = set(re.findall(r"\d+", generated))
    for section in data["sections"]:  # type: ignore[attr-defined]
        for block in section["blocks"]:
            for sentence in block["sentences"]:
                if any(s["derivation"] for s in sentence["sources"]):
                    continue
                for number in NUMBER.findall(sentence["text"]):
                    plain = number.replace(",", "")
                    parts = set(re.findall(r"\d+", number))
                    if plain not in known and not parts <= known and not parts <= allowed_dates:
                        bad.append(f"{number} in {sentence['text']!r}")
    return bad


def score_with_engine(summary: plainlang.Summary) -> tuple[float, float] | None:
    score = getattr(plainlang, "score", None)
    if score is None:
        return None
    result = score(summary)
    return result.document.smog, result.document.flesch_kincaid_grade


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "records")
    parser.add_argument("--worst", type=int, default=5)
    args = parser.parse_args()
    profile = plainlang.Profile(today="2026-11-21")
    policy = load_policy()
    ts = textstat()
    rows = []
    failures = []
    for folder in CTGOV_FOLDERS:
        for path in sorted((args.records / folder).glob("*")):
            for result in plainlang.read_records(path):
                if result.trial is None:
                    failures.append(f"{result.origin}: {result.error}")
                    continue
                summary = plainlang.summarize(result.trial, profile)
                text = plainlang.render(summary, "text")
                data = plainlang.to_dict(summary)
                engine = score_with_engine(summary)
                rows.append({
                    "id": result.trial.id,
                    "folder": folder,
                    "smog_textstat": ts.smog_index(text),
                    "fk_textstat": ts.flesch_kincaid_grade(text),
                    "smog": engine[0] if engine else None,
                    "fk": engine[1] if engine else None,
                    "unsupported": unsupported_numbers(data, record_numbers(path), data["generated"]),
                    "contacts": [m[0] for m in find_contacts(text)],
                    "disclaimers": all(d.text in text for d in policy.disclaimers),
                    "reference": bool(data["references"]) and all(
                        c in {r["number"] for r in data["references"]}
                        for s in data["sections"] for b in s["blocks"] for t in b["sentences"] for c in t["citations"]
                    ),
                })
    if not rows:
        print("no records found under", args.records, file=sys.stderr)
        return 2

    def median(key: str) -> float | None:
        values = [r[key] for r in rows if r[key] is not None]
        return statistics.median(values) if values else None

    per_folder = ", ".join(f"{f}: {sum(r['folder'] == f for r in rows)}" for f in CTGOV_FOLDERS)
    print(f"pages: {len(rows)} ({per_folder}); records that failed to load: {len(failures)}")
    for key, label in (("smog", "SMOG (plainlang)"), ("fk", "Flesch-Kincaid (plainlang)"),
                       ("smog_textstat", "SMOG (textstat, rendered text)"), ("fk_textstat", "Flesch-Kincaid (textstat, rendered text)")):
        values = [r[key] for r in rows if r[key] is not None]
        if values:
            print(f"{label:42} median {statistics.median(values):5.2f}  max {max(values):5.2f}  pages > 10: {sum(v > 10 for v in values)}")
    print(f"unsupported numbers: {sum(len(r['unsupported']) for r in rows)}")
    print(f"pages with contact data: {sum(bool(r['contacts']) for r in rows)}")
    print(f"pages with all disclaimers: {sum(r['disclaimers'] for r in rows)}/{len(rows)}")
    print(f"pages whose citations all resolve: {sum(r['reference'] for r in rows)}/{len(rows)}")
    worst = sorted(rows, key=lambda r: r["smog"] if r["smog"] is not None else r["smog_textstat"], reverse=True)
    print("hardest pages:", ", ".join(f"{r['id']} ({(r['smog'] or r['smog_textstat']):.1f})" for r in worst[: args.worst]))
    for r in rows:
        for item in r["unsupported"][:3]:
            print(f"  {r['id']}: unsupported number {item}")
        for item in r["contacts"][:3]:
            print(f"  {r['id']}: contact data {item!r}")
    for failure in failures[:10]:
        print("  load failure:", failure)
    return 0


if __name__ == "__main__":
    sys.exit(main())
