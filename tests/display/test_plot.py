"""Readability plots, drawn headless on matplotlib's Agg canvas and read back.

The figures are plain ``Figure`` objects (no pyplot), so no backend needs choosing first."""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg

from plainlang import Profile
from plainlang.display.plot import grade_distribution, section_grades
from plainlang.readability import score

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples" / "records").glob("*.json"))
TEXTS = [
    "You can join. It is easy. We will call you.",
    "The investigational intervention demonstrated considerable immunogenicity in participants.",
    "People in the study take a pill once a day for six months.",
]


def drawn(figure: object) -> None:
    FigureCanvasAgg(figure).draw()  # type: ignore[arg-type]


def test_grade_distribution_counts_every_summary_and_marks_the_target() -> None:
    results = [score(text) for text in TEXTS] + [score("")]  # an empty text is left out
    figure = grade_distribution(results, Profile(target_fkgl=7))
    drawn(figure)
    axes = figure.axes[0]
    assert sum(patch.get_height() for patch in axes.patches) == 3
    assert [line.get_xdata()[0] for line in axes.lines] == [7]
    above = sum(1 for r in results[:3] if r.document.flesch_kincaid_grade > 7)
    assert axes.get_title() == f"3 summaries, {above} above the target"


def test_section_grades_draws_one_bar_per_section_first_at_the_top() -> None:
    from plainlang import summarize

    result = score(summarize(EXAMPLES[0]))
    figure = section_grades(result)
    drawn(figure)
    axes = figure.axes[0]
    sections = [s for s in result.sections if s.scores.words]
    assert len(axes.patches) == len(sections)
    labels = [tick.get_text() for tick in axes.get_yticklabels()]
    assert labels[-1] == sections[0].title
    widths = [patch.get_width() for patch in axes.patches][::-1]
    assert widths == [s.scores.flesch_kincaid_grade for s in sections]


def test_a_batch_with_nothing_scored_still_draws() -> None:
    figure = grade_distribution([])
    drawn(figure)
    assert (
        len(figure.axes[0].patches) == 0 and figure.axes[0].get_title() == "0 summaries, 0 above the target"
    )
