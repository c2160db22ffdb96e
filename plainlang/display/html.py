"""HTML for notebooks and the preview page, written by Jinja2 templates with autoescaping.

Every function here takes plain values (see :mod:`.view`) and returns a string. No value is
ever pasted into markup by hand: the templates escape everything, and links are written only
for http(s) URLs (:func:`plainlang.display.view.safe_url`).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import jinja2

from plainlang.display.trial import TrialView
from plainlang.display.view import FindingView, ReadabilityView, SummaryView, safe_url

if TYPE_CHECKING:  # feedback imports this module: only the type is needed here
    from plainlang.display.feedback import Feedback


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("plainlang.display", "templates"),
        autoescape=True,  # every template here writes HTML, whatever its file name says
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["safe_url"] = safe_url
    return env


def _render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)


def view_html(view: SummaryView, *, findings: bool = False) -> str:
    """The annotated summary as a fragment for a notebook cell."""
    return _render("view.html.j2", view=view, show_findings=findings)


def page_html(view: SummaryView, *, findings: bool = False) -> str:
    """The annotated summary as one self-contained HTML page."""
    return _render("page.html.j2", view=view, show_findings=findings)


def trial_html(view: TrialView) -> str:
    return _render("trial.html.j2", trial=view)


def report_html(findings: tuple[FindingView, ...], ok: bool, counts: str) -> str:
    return _render("report.html.j2", findings=findings, ok=ok, counts=counts)


def readability_html(view: ReadabilityView) -> str:
    return _render("readability.html.j2", panel=view.panel, sections=view.sections, hardest=view.hardest)


def feedback_html(feedback: Feedback) -> str:
    return _render("feedback.html.j2", fb=feedback)


__all__ = [
    "environment",
    "feedback_html",
    "page_html",
    "readability_html",
    "report_html",
    "trial_html",
    "view_html",
]
