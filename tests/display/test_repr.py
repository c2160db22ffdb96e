"""Rich display: the result objects offer _repr_html_ / _repr_markdown_, and importing
plainlang does not import the display code or the notebook extra."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from plainlang import Profile, load, render, summarize

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "records" / "NCT06529731.json"
PROFILE = Profile(today="2026-01-01")


def test_summary_shows_as_the_annotated_view_in_jupyter() -> None:
    summary = summarize(EXAMPLE, PROFILE)
    page = summary._repr_html_()
    assert page.startswith('<div class="plainlang-view" lang="en">')
    assert '<dfn class="pl-term" title=' in page and 'class="pl-hard"' in page
    assert "<script" not in page


def test_summary_offers_its_markdown_for_markdown_front_ends() -> None:
    summary = summarize(EXAMPLE, PROFILE)
    assert summary._repr_markdown_() == render(summary, "markdown")


def test_trial_shows_its_facts_with_the_record_field_of_each() -> None:
    trial = load(EXAMPLE)
    page = trial._repr_html_()
    assert "NCT06529731" in page
    assert "<code>protocolSection.statusModule.overallStatus</code>" in page
    assert "<code>protocolSection.conditionsModule.conditions</code>" in page
    assert '<a href="https://clinicaltrials.gov/study/NCT06529731"' in page


def test_importing_plainlang_loads_no_display_code_nor_the_notebook_extra() -> None:
    code = (
        "import sys, plainlang; "
        "print(sorted(m for m in ('plainlang.display', 'matplotlib', 'ipywidgets', 'jinja2.ext') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_report_shows_the_verdict_and_each_finding_with_rule_and_place() -> None:
    from plainlang.check import check

    report = check("# Page\n\nThe investigational product demonstrated a breakthrough.\n")
    page = report._repr_html_()
    assert "needs changes" in page
    first = report.findings[0]
    assert f"<td>&lt;text&gt;:{first.line}:{first.column}</td>" in page
    assert f"<code>{first.rule_id}</code>" in page
    assert page.count("<tr><td>") == len(report.findings)


def test_readability_shows_scores_against_targets_sections_and_hardest_sentences() -> None:
    from plainlang.readability import score

    result = score(summarize(EXAMPLE, PROFILE))
    page = result._repr_html_()
    smog = next(t for t in result.targets if t.name == "smog")
    assert f'<th scope="row">SMOG grade</th><td>{smog.value:.1f}</td><td>8 or lower</td>' in page
    assert ("pl-met" if smog.met else "pl-missed") in page
    assert "<h4>Hardest sentences</h4>" in page
    assert page.count('<li><span class="pl-s') == len(result.hardest)
    assert all(f'<th scope="row">{s.title}</th>' in page for s in result.sections if s.scores.words)
