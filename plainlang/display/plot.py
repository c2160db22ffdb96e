"""Readability plots (needs ``plainlang[notebook]``: matplotlib).

``grade_distribution`` shows how many summaries of a batch fall at each grade, against the
target; ``section_grades`` shows each section of one summary. Both return a matplotlib Figure
and never call ``plt.show()``: a notebook shows the figure, a script saves it, a test reads it.
Figures are made with ``matplotlib.figure.Figure`` directly, not through pyplot, so no global
figure state is touched and any backend (Agg included) works.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from plainlang.config import DEFAULT_PROFILE, Profile
from plainlang.display.view import Band, band
from plainlang.readability import Readability

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# The same tints as the HTML view, a shade darker so bars read on white.
BAND_COLORS: dict[Band, str] = {
    "easy": "#7cc47a",
    "ok": "#9ab7d3",
    "hard": "#f0c24b",
    "very-hard": "#e0776a",
    "none": "#cccccc",
}
SCORES = {"flesch_kincaid_grade": "Flesch–Kincaid grade", "smog": "SMOG grade"}


def _limit(name: str, profile: Profile) -> float:
    return profile.target_smog if name == "smog" else profile.target_fkgl


def grade_distribution(
    results: Iterable[Readability], profile: Profile | None = None, *, score: str = "flesch_kincaid_grade"
) -> Figure:
    """A histogram of one score over many summaries, one bar a grade, with the target marked."""
    from matplotlib.figure import Figure

    profile = profile or DEFAULT_PROFILE
    label = SCORES[score]
    limit = _limit(score, profile)
    grades = [float(getattr(r.document, score)) for r in results if not r.empty]
    figure = Figure(figsize=(7, 3.5), layout="constrained")
    axes = figure.add_subplot()
    if grades:
        low, high = math.floor(min([*grades, limit])), math.ceil(max([*grades, limit]))
        axes.hist(grades, bins=range(low, high + 1), color=BAND_COLORS["ok"], edgecolor="white")
    above = sum(1 for g in grades if g > limit)
    axes.axvline(limit, color="#a11", linestyle="--", label=f"target: grade {limit:g}")
    axes.set_xlabel(label)
    axes.set_ylabel("summaries")
    axes.set_title(f"{len(grades)} summaries, {above} above the target")
    axes.legend(loc="upper right")
    return figure


def section_grades(
    result: Readability, profile: Profile | None = None, *, score: str = "flesch_kincaid_grade"
) -> Figure:
    """One bar per section of a summary, tinted like the HTML view, with the target marked."""
    from matplotlib.figure import Figure

    profile = profile or DEFAULT_PROFILE
    limit = _limit(score, profile)
    sections: Sequence[tuple[str, float]] = [
        (s.title, float(getattr(s.scores, score))) for s in result.sections if s.scores.words
    ]
    figure = Figure(figsize=(7, 0.45 * max(len(sections), 2) + 1.2), layout="constrained")
    axes = figure.add_subplot()
    titles = [title for title, _ in sections][::-1]  # first section at the top
    values = [value for _, value in sections][::-1]
    axes.barh(titles, values, color=[BAND_COLORS[band(v, profile.target_fkgl)] for v in values])
    axes.axvline(limit, color="#a11", linestyle="--", label=f"target: grade {limit:g}")
    axes.set_xlabel(SCORES[score])
    axes.set_title("Grade of each section")
    axes.legend(loc="lower right")
    return figure


__all__ = ["BAND_COLORS", "grade_distribution", "section_grades"]
