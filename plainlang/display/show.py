"""The display entry points: what ``_repr_html_`` methods and ``plainlang preview`` call.

Each function runs the stages a view needs (scoring, finding unexplained terms, checking)
and hands plain values to the templates. Nothing is changed: a summary is shown as it is,
with its explained terms marked from ``Summary.explained``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from plainlang.check import Report, check
from plainlang.config import DEFAULT_PROFILE, Profile
from plainlang.display import html
from plainlang.display.sources import (
    finding_views,
    readability_view,
    report_counts,
    score_panel,
    section_grades,
    sentence_marks,
)
from plainlang.display.trial import trial_view
from plainlang.display.view import SummaryView, safe_url, summary_view
from plainlang.explain import Glossary, unexplained_terms
from plainlang.model import Document, Summary, Trial
from plainlang.readability import Readability, Unexplained, score
from plainlang.render import render


def unexplained_in(glossary: Glossary) -> Unexplained:
    """The scorer's ``unexplained`` callable over ``glossary``.

    It gives the words as written (``surface``), not the glossary's main form, because the
    view marks those words in the sentence: "donors" must be found, not "donor".
    """

    def find(text: str) -> Sequence[tuple[int, int, str]]:
        return [(m.start, m.end, m.surface) for m in unexplained_terms(text, glossary)]

    return find


def score_summary(
    summary: Summary | Document, profile: Profile | None = None, glossary: Glossary | None = None
) -> Readability:
    """Readability of a summary, with the glossary terms it leaves unexplained."""
    profile = profile or DEFAULT_PROFILE
    glossary = glossary if glossary is not None else Glossary.load(profile.glossaries)
    return score(summary, profile, unexplained=unexplained_in(glossary))


def annotate(
    summary: Summary | Document,
    profile: Profile | None = None,
    *,
    glossary: Glossary | None = None,
    report: Report | None = None,
) -> SummaryView:
    """The annotated view: terms, tints by grade, hard words, scores and (given) findings."""
    profile = profile or DEFAULT_PROFILE
    readability = score_summary(summary, profile, glossary)
    return summary_view(
        summary,
        sentence_marks(readability),
        section_grades=section_grades(readability),
        panel=score_panel(readability),
        findings=finding_views(report.findings) if report is not None else (),
        target=profile.target_fkgl,
    )


# The name findings on a summary's Markdown carry: their line:col point into that page, which is
# what `plainlang summarize` writes, so a writer can find the place in the file they publish.
MARKDOWN_NAME = "summary.md"


def check_summary(summary: Summary | Document, profile: Profile | None = None) -> Report:
    """``plainlang check`` on the summary's Markdown, as it would be published."""
    report = check(render(summary, "markdown"), profile or DEFAULT_PROFILE, format="markdown")
    findings = tuple(dataclasses.replace(f, file=MARKDOWN_NAME) for f in report.findings)
    return dataclasses.replace(report, findings=findings, files=(MARKDOWN_NAME,))


def summary_html(summary: Summary | Document, profile: Profile | None = None) -> str:
    """The notebook view of a summary."""
    return html.view_html(annotate(summary, profile))


def preview_page(
    summary: Summary | Document, profile: Profile | None = None, *, findings: bool = True
) -> str:
    """One self-contained HTML page: the notebook view plus the check's findings."""
    report = check_summary(summary, profile) if findings else None
    return html.page_html(annotate(summary, profile, report=report), findings=findings)


def readability_html(readability: Readability, profile: Profile | None = None) -> str:
    return html.readability_html(readability_view(readability, (profile or DEFAULT_PROFILE).target_fkgl))


def report_html(report: Report) -> str:
    return html.report_html(finding_views(report.findings), report.ok, report_counts(report))


def trial_html(trial: Trial) -> str:
    return html.trial_html(trial_view(trial, safe_url(trial.source.url)))


__all__ = [
    "MARKDOWN_NAME",
    "annotate",
    "check_summary",
    "preview_page",
    "readability_html",
    "report_html",
    "score_summary",
    "summary_html",
    "trial_html",
    "unexplained_in",
]
