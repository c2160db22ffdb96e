"""``plainlang score PATH...``: readability of text files, with targets checked.

Each PATH is a Markdown, plain text or HTML file, a directory (its ``.md``, ``.markdown``,
``.txt``, ``.html`` and ``.htm`` files, recursively) or ``-`` for standard input. Exit code 1
when a file misses a target, 2 when a path cannot be read.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from plainlang.config import Profile
from plainlang.errors import Location, PlainlangError, SourceNotFoundError
from plainlang.readability import Readability, Scores, score
from plainlang.readability.masking import line_col, line_starts

_SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}
_COLUMNS = (
    ("SMOG", "smog"),
    ("FKGL", "flesch_kincaid_grade"),
    ("FRE", "flesch_reading_ease"),
    ("DC", "dale_chall"),
    ("CLI", "coleman_liau"),
    ("ARI", "ari"),
    ("FOG", "gunning_fog"),
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "score",
        help="readability scores of text files, checked against the targets",
        description="Score Markdown, text or HTML files with seven readability formulas.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or -")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--by",
        choices=("document", "section", "sentence"),
        default="document",
        help="one row per file (default), per section or per sentence",
    )
    parser.add_argument("--target-smog", type=float, metavar="GRADE", help="SMOG target (default 8)")
    parser.add_argument(
        "--target-fkgl", type=float, metavar="GRADE", help="Flesch–Kincaid target (default 8)"
    )
    parser.add_argument(
        "--long-sentence-words", type=int, metavar="N", help="a longer sentence is long (default 20)"
    )
    parser.set_defaults(run=run)


def _profile(args: argparse.Namespace) -> Profile:
    changes = {
        field: value
        for field, value in (
            ("target_smog", args.target_smog),
            ("target_fkgl", args.target_fkgl),
            ("long_sentence_words", args.long_sentence_words),
        )
        if value is not None
    }
    return dataclasses.replace(Profile(), **changes)


def _files(path: str) -> Iterator[tuple[str, str]]:
    """(name, text) of each file at ``path``; raises when it is missing or unreadable."""
    if path == "-":
        yield "<stdin>", sys.stdin.read()
        return
    target = Path(path)
    if not target.exists():
        raise SourceNotFoundError("no such file or directory", Location(path), hint="check the path")
    found = (
        sorted(p for p in target.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES)
        if target.is_dir()
        else [target]
    )
    for file in found:
        try:
            yield str(file), file.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
            raise SourceNotFoundError(
                f"cannot read: {reason}", Location(str(file)), hint="pass a UTF-8 text file"
            ) from None


def run(args: argparse.Namespace) -> int:
    profile = _profile(args)
    results: list[tuple[str, Readability]] = []
    unreadable = False
    for path in args.paths:
        try:
            results.extend((name, score(text, profile)) for name, text in _files(path))
        except PlainlangError as error:
            unreadable = True
            print(f"plainlang: {error}", file=sys.stderr)
    if args.format == "json":
        payload = [_as_json(name, result, args.by) for name, result in results]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_table(results, args.by))
    if unreadable:
        return 2
    return 0 if all(result.targets_met for _, result in results) else 1


def _as_json(name: str, result: Readability, by: str) -> dict[str, Any]:
    data = result.as_dict()
    if by != "sentence":
        del data["sentences"]
    if by == "document":
        del data["sections"]
    return {"file": name, **data}


def _row(label: str, scores: Scores) -> list[str]:
    return [
        label,
        *(f"{getattr(scores, field):.1f}" for _, field in _COLUMNS),
        str(scores.words),
        str(scores.sentences),
    ]


def _table(results: list[tuple[str, Readability]], by: str) -> str:
    header = ["WHERE", *(name for name, _ in _COLUMNS), "WORDS", "SENT"]
    rows: list[list[str]] = []
    notes: list[str] = []
    for name, result in results:
        if result.empty:
            notes.append(f"{name}: nothing to score (no words)")
            continue
        rows.extend(_rows(name, result, by))
        missed = [t for t in result.targets if not t.met]
        for target in missed:
            notes.append(f"{name}: {target.name} {target.value:.1f} is above the target {target.limit:g}")
        if result.document.flags:
            notes.append(f"{name}: less reliable: {', '.join(result.document.flags)}")
        if by == "sentence":
            notes.extend(_hardest(name, result))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in [header, *rows]
    ]
    return "\n".join([*lines, *notes]) + "\n"


def _hardest(name: str, result: Readability) -> Iterator[str]:
    starts = line_starts(result.text)
    for hard in result.hardest:
        line, column = line_col(result.text, result.sentences[hard.index].start, starts)
        yield f"{name}:{line}:{column}: hard to read: {'; '.join(hard.reasons)}"


def _rows(name: str, result: Readability, by: str) -> Iterator[list[str]]:
    if by == "document":
        yield _row(name, result.document)
    elif by == "section":
        yield from (_row(f"{name}#{s.section_id}", s.scores) for s in result.sections)
        yield _row(name, result.document)
    else:
        starts = line_starts(result.text)
        for sentence in result.sentences:
            line, column = line_col(result.text, sentence.start, starts)
            yield _row(f"{name}:{line}:{column}", sentence.scores)
