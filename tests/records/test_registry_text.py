"""Registry free text into blocks: escapes decoded, lists kept, numbers untouched."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plainlang.records.text import decode_escapes, to_passage


def test_escaped_comparison_signs_and_asterisks_are_decoded() -> None:
    assert (
        decode_escapes(r"Age \>= 18, ANC \< 1.0 x 10\^9/L, \*see note")
        == "Age >= 18, ANC < 1.0 x 10^9/L, *see note"
    )


def test_bullets_numbers_and_nesting_become_items_with_depth() -> None:
    passage = to_passage("Intro:\n\n1. First\n2. Second\n   * nested one\n3. Third", "f")
    assert passage is not None
    assert [(b.kind, b.depth, b.marker, b.text) for b in passage.blocks] == [
        ("heading", 0, "", "Intro:"),
        ("item", 0, "1.", "First"),
        ("item", 0, "2.", "Second"),
        ("item", 1, "*", "nested one"),
        ("item", 0, "3.", "Third"),
    ]


def test_wrapped_lines_join_into_one_paragraph_and_crlf_is_handled() -> None:
    passage = to_passage("The study\r\n  looks at   dose.\r\n\r\nSecond  paragraph.", "f")
    assert passage is not None
    assert [b.text for b in passage.blocks] == ["The study looks at dose.", "Second paragraph."]


def test_decimal_numbers_at_line_start_are_not_list_markers() -> None:
    passage = to_passage("2.5 mg twice daily", "f")
    assert passage is not None and passage.blocks[0].kind == "paragraph"


def test_blank_text_gives_no_passage() -> None:
    assert to_passage("  \n\n ", "f") is None
    assert to_passage(None, "f") is None


@given(st.text())
def test_every_number_in_the_text_survives_splitting(text: str) -> None:
    import re

    passage = to_passage(text, "f")
    original = re.findall(r"\d+", decode_escapes(text))
    kept = re.findall(r"\d+", passage.text) if passage else []
    # markers ("1.") may be taken off as list markers; every other number stays, in order
    markers = [b.marker.rstrip(".)") for b in passage.blocks if b.marker[:1].isdigit()] if passage else []
    assert sorted(kept + markers) == sorted(original)


def test_with_line_breaks_each_unbulleted_line_is_a_block_of_its_own() -> None:
    text = "Inclusion Criteria:\n\nAge >= 18 years\nPathology-confirmed NSCLC\nMeasurable disease"
    wrapped = to_passage(text, "f")
    assert wrapped is not None and len(wrapped.blocks) == 2  # prose mode joins the three lines
    lines = to_passage(text, "f", line_breaks=True)
    assert lines is not None
    assert [b.text for b in lines.blocks] == [
        "Inclusion Criteria:",
        "Age >= 18 years",
        "Pathology-confirmed NSCLC",
        "Measurable disease",
    ]
