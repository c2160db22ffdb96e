"""Running the rules over one page: hits → findings, suppressions, severity overrides.

Inline suppressions are HTML comments, so they never show on a published page:

    <!-- plainlang-disable readability.long-sentence -->
    ... text the rule does not judge ...
    <!-- plainlang-enable readability.long-sentence -->

Several ids may be given, separated by spaces or commas; no id means every rule. A disable
without its enable lasts to the end of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from plainlang.check.page import Page
from plainlang.check.prose import position
from plainlang.check.report import Finding, Severity
from plainlang.check.rules import Hit, Rule

SUPPRESSION = re.compile(r"<!--\s*plainlang-(disable|enable)\b([^>]*?)\s*-->")
ALL_RULES = "*"


@dataclass(frozen=True)
class Suppressions:
    """Per rule id (or ``*``), the offset ranges where findings are dropped."""

    ranges: Mapping[str, tuple[tuple[int, int], ...]]

    def covers(self, rule_id: str, offset: int) -> bool:
        return any(
            start <= offset < end for key in (rule_id, ALL_RULES) for start, end in self.ranges.get(key, ())
        )


def suppressions(source: str) -> Suppressions:
    open_at: dict[str, int] = {}
    ranges: dict[str, list[tuple[int, int]]] = {}
    for match in SUPPRESSION.finditer(source):
        ids = [i for i in re.split(r"[\s,]+", match[2]) if i] or [ALL_RULES]
        for rule_id in ids:
            if match[1] == "disable":
                open_at.setdefault(rule_id, match.start())
            elif rule_id in open_at:
                ranges.setdefault(rule_id, []).append((open_at.pop(rule_id), match.end()))
    for rule_id, start in open_at.items():
        ranges.setdefault(rule_id, []).append((start, len(source) + 1))
    return Suppressions({k: tuple(v) for k, v in ranges.items()})


def _finding(page: Page, rule: Rule, severity: Severity, hit: Hit) -> tuple[int, Finding]:
    source = page.prose.source
    if hit.span is None:
        start = len(source) - len(source.lstrip())
        end = start
    else:
        block = hit.span.block
        start = block.origin(hit.span.start)
        end = block.origin(max(hit.span.end - 1, hit.span.start)) + 1
    line, column = position(source, start)
    end_line, end_column = position(source, max(end, start))
    message = rule.describe(hit)
    return start, Finding(page.file, line, column, end_line, end_column, rule.id, severity, message)


def run_rules(
    page: Page, rules: Iterable[Rule], severities: Mapping[str, Severity | None] | None = None
) -> tuple[Finding, ...]:
    """The findings of ``rules`` on ``page``, sorted. ``severities`` overrides a rule's default
    severity; ``None`` turns the rule off."""
    severities = severities or {}
    quiet = suppressions(page.prose.source)
    findings: set[Finding] = set()
    for rule in rules:
        severity = severities.get(rule.id, rule.severity)
        if severity is None:
            continue
        for hit in rule.hits(page):
            offset, finding = _finding(page, rule, severity, hit)
            if not quiet.covers(rule.id, offset):
                findings.add(finding)
    return tuple(sorted(findings))
