"""Every page plainlang writes from the real records in ../shared/data passes `plainlang check`.

Issue 6 asks that every generated summary pass with the default profile: every record of every
registry in ../shared/data (307 files). The first test holds every rule to zero findings on each
page, Markdown and JSON, of every record and of the example records, one page at a time so a
failure names it; the second holds each JSON page to the findings of its Markdown page (the JSON
reader reads the page the JSON describes, so the rules judge the same prose); the third checks
the whole corpus at once and lists every page that fails, with its findings, so a regression
shows its whole extent in one message.
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLES, require_shared, shared_records

import plainlang
from plainlang.check import CheckRun
from plainlang.check.report import Report

FOLDERS = ("ctgov-v2", "ctgov-classic", "ctgov-xml", "euctr", "ctis", "isrctn", "ictrp")
RECORDS = [record for folder in FOLDERS for record in shared_records(folder)]
PROFILE = plainlang.Profile(today="2026-11-21")


@functools.cache
def _pages(record: Path) -> dict[str, str]:
    """The Markdown and JSON pages of one record's summary (summarized once for both tests)."""
    summary = plainlang.summarize(record, PROFILE)
    return {format: plainlang.render(summary, format) for format in ("markdown", "json")}


def _report(tmp_path: Path, record: Path, format: str) -> tuple[Path, Report]:
    page = tmp_path / f"{record.stem}.{'json' if format == 'json' else 'md'}"
    page.write_text(_pages(record)[format], "utf-8")
    return page, CheckRun().run([page])


def _failing(tmp_path: Path, record: Path, format: str) -> list[str]:
    """Each failing finding on the page of ``record``: "page:line: rule: message"."""
    page, report = _report(tmp_path, record, format)
    return [f"{page.name}:{f.line}: {f.rule_id}: {f.message}" for f in report.failing()]


SOURCES = [*RECORDS, *sorted(EXAMPLES.glob("*.json"))]


@pytest.mark.corpus
@pytest.mark.parametrize("format", ["markdown", "json"])
@pytest.mark.parametrize("record", SOURCES, ids=lambda p: p.stem)
def test_generated_page_breaks_no_rule(tmp_path: Path, record: Path, format: str) -> None:
    require_shared()
    failing = _failing(tmp_path, record, format)
    assert not failing, "\n".join(failing)


@pytest.mark.corpus
@pytest.mark.parametrize("record", SOURCES, ids=lambda p: p.stem)
def test_json_page_gets_the_findings_of_its_markdown_page(tmp_path: Path, record: Path) -> None:
    """The JSON page is read as the page it describes: every finding, at every severity (most
    pages have some: ``style.passive`` at info), by rule and count; positions differ."""
    require_shared()
    found = {}
    for format in ("markdown", "json"):
        _, report = _report(tmp_path, record, format)
        found[format] = Counter((f.rule_id, f.severity) for f in report.findings)
    assert found["json"] == found["markdown"]


@pytest.mark.corpus
def test_every_generated_page_passes_check_with_the_default_profile(tmp_path: Path) -> None:
    require_shared()
    assert len(RECORDS) >= 307  # every registry's records, not a few
    failing = [finding for record in RECORDS for finding in _failing(tmp_path, record, "markdown")]
    pages = sorted({finding.split(":", 1)[0] for finding in failing})
    by_rule = Counter(finding.split(": ")[1] for finding in failing)
    assert not failing, (
        f"{len(pages)} of {len(RECORDS)} pages fail ({dict(by_rule)}): {', '.join(pages)}\n"
        + "\n".join(failing)
    )
