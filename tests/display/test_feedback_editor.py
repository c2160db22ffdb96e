"""The live editor and the feedback it shows, built headless."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.display.feedback import feedback
from plainlang.display.notebook import Editor

DRAFT = "Patients with refractory AML must be randomized prior to treatment."


def test_feedback_gives_grade_hard_words_unexplained_terms_and_plainer_words() -> None:
    result = feedback(DRAFT)
    assert result.grade > 0
    assert "randomized" in result.hard_words
    assert {"refractory", "AML"} <= set(result.unexplained)
    assert ("prior to", "before") in {(s.found, s.plain) for s in result.suggestions}
    assert '<mark class="pl-unexplained"' in result.html


def test_an_explained_term_is_no_longer_reported() -> None:
    result = feedback("Your AML is refractory (it did not get better with treatment).")
    assert "refractory" not in result.unexplained


def test_the_editor_updates_as_the_text_changes() -> None:
    editor = Editor(DRAFT)
    assert "randomized" in editor.output.value
    first = editor.feedback
    editor.textarea.value = "You will take one pill a day."  # what typing does
    assert editor.feedback is not first
    assert editor.feedback.unexplained == () and editor.feedback.suggestions == ()
    assert editor.feedback.on_target
    assert "randomized" not in editor.output.value
    editor.text = ""
    assert editor.feedback.grade == 0.0 and editor.feedback.parts == ()


def test_the_editor_displays_as_its_widget() -> None:
    bundle = Editor("Hello.")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_feedback_shows_the_whole_draft_and_nothing_else(text: str) -> None:
    result = feedback(text)
    rebuilt = "".join(gap + sentence.text for gap, sentence in result.parts) + result.tail
    assert rebuilt == text
