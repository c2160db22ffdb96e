"""Showing plainlang's results to people: notebook display, the preview page, widgets, plots.

``html`` and ``view`` need only Jinja2. ``notebook`` (ipywidgets) and ``plot`` (matplotlib)
need the optional extra ``plainlang[notebook]`` and are never imported from here, so that
``import plainlang`` stays light and works without them.
"""

from plainlang.display.show import (
    annotate,
    check_summary,
    preview_page,
    readability_html,
    report_html,
    score_summary,
    summary_html,
    trial_html,
)

__all__ = [
    "annotate",
    "check_summary",
    "preview_page",
    "readability_html",
    "report_html",
    "score_summary",
    "summary_html",
    "trial_html",
]
