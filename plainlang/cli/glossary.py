"""``plainlang glossary lint|show|coverage``: check packs, look a term up, measure coverage."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path
from typing import Any

from plainlang.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from plainlang.errors import Location, SourceNotFoundError
from plainlang.explain.coverage import measure, path_texts
from plainlang.explain.glossary import Glossary
from plainlang.explain.lint import MAX_GRADE, lint
from plainlang.explain.packs import Term, builtin_sources, sources_for
from plainlang.readability.counts import easy_words

LINT_CODES = """finding codes (severity):
  G001 error    the file cannot be read or is not valid YAML
  G002 error    unknown key, or a key written twice
  G003 error    a term, alias or abbreviation is already defined
  G004 error    a required field is missing or has the wrong type (glossaries/schema.json)
  G005 error    an empty definition, explanation or plain form
  G006 error    a definition or explanation above the grade limit (--max-grade)
  G007 error    a definition uses another glossary term that is hard (not a Dale-Chall
                easy word, three syllables or more) and is not named in see_also
  G008 warning  see_also links form a cycle
  G009 error    see_also names a term no loaded pack defines
  G010 error    the pack's name is not its file name
  G011 error    a definition ends with a full stop
  G012 error    an explanation does not name its term, an alias or an abbreviation

exit codes: 0 no errors (warnings allowed unless --strict), 1 errors, 2 usage or input error
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "glossary",
        help="check glossary packs, look a term up, measure coverage",
        description="Work with glossary packs.",
    )
    commands = parser.add_subparsers(dest="glossary_command", metavar="ACTION")

    p_lint = commands.add_parser(
        "lint",
        help="check packs (default: the built-in ones)",
        description="Check glossary packs. Errors exit 1; warnings are printed and exit 0 unless --strict.",
        epilog=LINT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_lint.add_argument("paths", nargs="*", metavar="PATH", help="pack files or directories")
    p_lint.add_argument(
        "--no-builtin",
        action="store_true",
        help="lint the given packs alone, without the built-in packs as context",
    )
    p_lint.add_argument(
        "--ignore",
        default="",
        metavar="CODES",
        help="comma-separated finding codes to leave out, e.g. G007,G011",
    )
    p_lint.add_argument(
        "--max-grade",
        type=float,
        default=MAX_GRADE,
        help=f"highest grade for definitions (default {MAX_GRADE:g})",
    )
    p_lint.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    p_lint.set_defaults(run=run_lint)

    p_show = commands.add_parser("show", help="print a term's entry (exit 1 when unknown)")
    p_show.add_argument("term", metavar="TERM", help="a term, alias or abbreviation")
    p_show.add_argument(
        "--glossary",
        action="append",
        default=[],
        metavar="PACK",
        help="an extra pack path or entry-point name (repeatable)",
    )
    p_show.add_argument("--no-builtin", action="store_true", help="use only the packs given with --glossary")
    p_show.set_defaults(run=run_show)

    p_cov = commands.add_parser(
        "coverage", help="hard words in records or texts, and which the glossary explains"
    )
    p_cov.add_argument("paths", nargs="+", metavar="PATH", help="record JSON, .txt/.md, or dirs")
    p_cov.add_argument(
        "--glossary",
        action="append",
        default=[],
        metavar="PACK",
        help="an extra pack path or entry-point name (repeatable)",
    )
    p_cov.add_argument("--top", type=int, default=30, help="how many missing words to list")
    p_cov.add_argument("--no-builtin", action="store_true", help="use only the packs given with --glossary")
    p_cov.set_defaults(run=run_coverage)
    parser.set_defaults(run=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _existing(paths: list[str]) -> list[str]:
    for path in paths:
        if not Path(path).exists():
            raise SourceNotFoundError("no such file or directory", Location(path), hint="check the path")
    return paths


def run_lint(args: argparse.Namespace) -> int:
    if args.paths:
        sources = sources_for(_existing(args.paths))
        context = () if args.no_builtin else builtin_sources()
        linted = {s.file for s in sources}
        context = tuple(c for c in context if c.file not in linted)
    else:
        sources, context = builtin_sources(), ()
    ignored = {code.strip().upper() for code in args.ignore.split(",") if code.strip()}
    findings = [f for f in lint(sources, context, max_grade=args.max_grade) if f.code not in ignored]
    for finding in findings:
        print(finding)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    print(f"{len(sources)} pack(s) checked, {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    failing = errors + (warnings if args.strict else 0)
    return EXIT_FINDINGS if failing else EXIT_OK


def describe(term: Term) -> str:
    mark = term.mark("term")
    where = f"{term.file}:{mark.line}" if mark else term.file
    lines = [f"{term.term}  ({term.pack}, {where})"]
    for label, value in (
        ("abbreviations", ", ".join(term.abbreviations)),
        ("aliases", ", ".join(term.aliases)),
        ("definition", term.definition),
        ("explanation", term.explanation or ""),
        ("plain", term.plain or ""),
        ("category", term.category),
        ("see also", ", ".join(term.see_also)),
    ):
        if value:
            lines.append(f"  {label + ':':<15}{value}")
    return "\n".join(lines) + "\n"


def run_show(args: argparse.Namespace) -> int:
    glossary = Glossary.load(tuple(args.glossary), builtin=not args.no_builtin)
    term = glossary.get(args.term)
    if term is None:
        names = [form for t in glossary.terms for form in (*t.forms, *t.abbreviations)]
        close = difflib.get_close_matches(args.term, names, n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        print(f"plainlang: no glossary term {args.term!r}{hint}", file=sys.stderr)
        return EXIT_FINDINGS
    sys.stdout.write(describe(term))
    return EXIT_OK


def run_coverage(args: argparse.Namespace) -> int:
    glossary = Glossary.load(tuple(args.glossary), builtin=not args.no_builtin)
    texts = [text for path in _existing(args.paths) for text in path_texts(Path(path))]
    report = measure(texts, glossary, easy_words())
    print(f"texts: {report.texts}")
    print(f"hard words: {report.hard_total} occurrences, {len(report.hard)} distinct")
    print(f"explained by the glossary: {report.covered_total} ({report.share:.1%})")
    found = report.covered.most_common(args.top)
    if found:
        print(f"\nmost frequent explained ({len(report.covered)} distinct):")
        for word, count in found:
            print(f"  {count:6d}  {word}")
    missing = report.uncovered().most_common(args.top)
    if missing:
        print("\nmost frequent hard words the glossary lacks:")
        for word, count in missing:
            print(f"  {count:6d}  {word}")
    return EXIT_OK
