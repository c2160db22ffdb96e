"""Reports as text, JSON, SARIF 2.1.0 and GitHub Actions annotations.

- text: ``file:line:col: severity rule-id message``, one finding a line (like compilers, ruff).
- json: ``{"schema": "plainlang.check/1", ...}``, documented by docs/check-json-schema.json.
- sarif: SARIF 2.1.0 for code-scanning tools; one run, the rules in the driver, 1-based
  columns counted in characters (``columnKind: unicodeCodePoints``).
- github: ``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` workflow
  commands, which GitHub shows as annotations on the changed lines.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plainlang.check.report import Finding, Report, Severity
from plainlang.check.rules import Rule, builtin_rules

JSON_SCHEMA = "plainlang.check/1"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "notice"}


def to_text(report: Report) -> str:
    lines = [str(f) for f in report.findings]
    counts = report.counts()
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no findings"
    status = "ok" if report.ok else f"failed (fail level: {report.fail_level})"
    lines.append(
        f"{len(report.files)} file{'s' if len(report.files) != 1 else ''} checked: {summary}; {status}"
    )
    return "\n".join(lines) + "\n"


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "rule": finding.rule_id,
        "severity": finding.severity,
        "message": finding.message,
    }


def to_json(report: Report) -> str:
    data = {
        "schema": JSON_SCHEMA,
        "ok": report.ok,
        "fail_level": report.fail_level,
        "files": list(report.files),
        "counts": report.counts(),
        "findings": [finding_dict(f) for f in report.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _uri(file: str) -> str:
    path = Path(file)
    return path.as_posix() if not path.is_absolute() else path.as_uri()


def to_sarif(report: Report, rules: tuple[Rule, ...] | None = None) -> str:
    from plainlang import __version__

    rules = rules if rules is not None else builtin_rules()
    index = {rule.id: i for i, rule in enumerate(rules)}
    descriptors = [
        {
            "id": rule.id,
            "name": rule.id,
            "shortDescription": {
                "text": rule.description.split(". ")[0].rstrip(".") + "." if rule.description else rule.id
            },
            "fullDescription": {"text": rule.description or rule.id},
            "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
            "help": {"text": f"{rule.description} Turn it off or change its severity with '{rule.id}'."},
        }
        for rule in rules
    ]
    results = []
    for finding in report.findings:
        result: dict[str, Any] = {
            "ruleId": finding.rule_id,
            "level": SARIF_LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(finding.file)},
                        "region": {
                            "startLine": finding.line,
                            "startColumn": finding.column,
                            "endLine": finding.end_line,
                            "endColumn": max(finding.end_column, 1),
                        },
                    }
                }
            ],
        }
        if finding.rule_id in index:
            result["ruleIndex"] = index[finding.rule_id]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "plainlang check",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": [{"location": {"uri": _uri(f)}} for f in report.files],
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report) -> str:
    lines = []
    for f in report.findings:
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", f.file),
                ("line", f.line),
                ("col", f.column),
                ("endLine", f.end_line),
                ("endColumn", f.end_column),
                ("title", f"plainlang {f.rule_id}"),
            )
        )
        lines.append(f"::{GITHUB_COMMAND[f.severity]} {properties}::{_escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)


FORMATTERS: dict[str, Callable[[Report], str]] = {
    "text": to_text,
    "json": to_json,
    "sarif": to_sarif,
    "github": to_github,
}
