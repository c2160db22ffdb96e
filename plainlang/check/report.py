"""What ``plainlang check`` found: findings with a rule id, a severity and a place in a file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
DEFAULT_FAIL_LEVEL: Severity = "warning"


def rank(severity: Severity) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem. Lines and columns are 1-based and count characters of the original file;
    the end is exclusive (it points just past the last character of the problem)."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule_id: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity} {self.rule_id} {self.message}"


@dataclass(frozen=True)
class Report:
    """The findings of one check run, sorted by file and position.

    ``ok`` is true when no finding is at or above ``fail_level``: the page may be published.
    """

    findings: tuple[Finding, ...] = ()
    files: tuple[str, ...] = ()
    fail_level: Severity = DEFAULT_FAIL_LEVEL

    @property
    def ok(self) -> bool:
        return not self.failing()

    def failing(self) -> tuple[Finding, ...]:
        """The findings at or above the fail level."""
        floor = rank(self.fail_level)
        return tuple(f for f in self.findings if rank(f.severity) >= floor)

    def counts(self) -> dict[Severity, int]:
        return {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the verdict and each finding with its rule id and place."""
        from plainlang.display.show import report_html  # lazy: keeps `import plainlang` light

        return report_html(self)
