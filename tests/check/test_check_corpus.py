"""Every page plainlang writes from the real records in ../shared/data passes `plainlang check`.

Issue 6 asks that every generated summary pass with the default profile: every record of every
registry in ../shared/data (307 files). The first test holds every rule to zero findings on each
Markdown page, one record at a time so a failure names it (the JSON format and the example
records are held to every rule but four still open for them, ``NOT_YET_MET``); the second
checks the whole corpus at once and lists every page that fails, with its findings, so a
regression shows its whole extent in one message.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLES, require_shared, shared_records

import plainlang
from plainlang.check import CheckRun

FOLDERS = ("ctgov-v2", "ctgov-classic", "ctgov-xml", "euctr", "ctis", "isrctn", "ictrp")
RECORDS = [record for folder in FOLDERS for record in shared_records(folder)]
PROFILE = plainlang.Profile(today="2026-11-21")


def _failing(tmp_path: Path, record: Path, format: str) -> list[str]:
    """Each failing finding on the page of ``record``: "page:line: rule: message"."""
    summary = plainlang.summarize(record, PROFILE)
    page = tmp_path / f"{record.stem}.{'json' if format == 'json' else 'md'}"
    page.write_text(plainlang.render(summary, format), "utf-8")  # type: ignore[arg-type]
    report = CheckRun().run([page])
    return [f"{page.name}:{f.line}: {f.rule_id}: {f.message}" for f in report.failing()]


# Rules the summary JSON format and the example records in examples/records do not all meet yet
# (open work, not the Markdown pages of ../shared/data): the JSON check grades each section's
# text as one prose unit (145 of 311 JSON pages); example NCT04067336 has a glossary term glued
# to a slash, "(CR ...)/Complete remission with ...", which the matcher reads as its parts.
NOT_YET_MET = frozenset(
    {"readability.grade", "readability.long-sentence", "abbreviation.unexpanded", "jargon.unexplained"}
)


@pytest.mark.corpus
@pytest.mark.parametrize("format", ["markdown", "json"])
@pytest.mark.parametrize("record", [*RECORDS, *sorted(EXAMPLES.glob("*.json"))], ids=lambda p: p.stem)
def test_generated_page_breaks_no_rule(tmp_path: Path, record: Path, format: str) -> None:
    require_shared()
    failing = _failing(tmp_path, record, format)
    if format == "json" or record.parent == EXAMPLES:
        failing = [f for f in failing if f.split(": ")[1] not in NOT_YET_MET]
    assert not failing, "\n".join(failing)


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
