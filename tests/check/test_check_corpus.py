"""Every page plainlang writes from the real records in ../shared/data passes `plainlang check`.

Issue 6 asks that every generated summary pass with the default profile: every record of every
registry in ../shared/data (307 files). Today 288 of the 307 Markdown pages pass every rule; the
others break one of four rules that measure how hard the text is (a page's SMOG grade, long
sentences, abbreviations from registry text no one spells out, a glossary word inside a name
kept as written). The first test holds every other rule to zero findings on every page now; the
second is the full requirement, marked as a strict expected failure so that it turns into a
failure to fix (remove the mark) the day the composer's pages pass all rules.
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
# Rules some generated pages do not meet yet (the composer's open work, not the checker's): on
# 19 of the 307 pages, in ../shared/data as of this writing.
NOT_YET_MET = frozenset(
    {"readability.grade", "readability.long-sentence", "abbreviation.unexpanded", "jargon.unexplained"}
)


def _findings(tmp_path: Path, record: Path, format: str) -> Counter[str]:
    summary = plainlang.summarize(record, PROFILE)
    page = tmp_path / f"{record.stem}.{'json' if format == 'json' else 'md'}"
    page.write_text(plainlang.render(summary, format), "utf-8")  # type: ignore[arg-type]
    report = CheckRun().run([page])
    return Counter(f.rule_id for f in report.failing())


@pytest.mark.corpus
@pytest.mark.parametrize("format", ["markdown", "json"])
@pytest.mark.parametrize("record", [*RECORDS, *sorted(EXAMPLES.glob("*.json"))], ids=lambda p: p.stem)
def test_generated_page_breaks_no_rule_beyond_the_known_open_ones(
    tmp_path: Path, record: Path, format: str
) -> None:
    require_shared()
    failing = _findings(tmp_path, record, format)
    assert not {rule: n for rule, n in failing.items() if rule not in NOT_YET_MET}


@pytest.mark.corpus
@pytest.mark.xfail(
    strict=True,
    reason="19 of 307 pages: SMOG above 8, a long sentence, or registry abbreviations (issue 6, open)",
)
def test_every_generated_page_passes_check_with_the_default_profile(tmp_path: Path) -> None:
    require_shared()
    failing: Counter[str] = Counter()
    for record in RECORDS:
        failing += _findings(tmp_path, record, "markdown")
    assert not failing, dict(failing)
