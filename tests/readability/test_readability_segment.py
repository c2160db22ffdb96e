"""The segmenter: which pieces of registry and Markdown text are sentences, and what is scored."""

from __future__ import annotations

import pytest

from plainlang.readability.masking import line_col
from plainlang.readability.segment import segment


def texts(source: str) -> list[str]:
    return [s.text for s in segment(source)]


def test_full_stops_question_and_exclamation_marks_end_sentences() -> None:
    assert texts("You can join. Will it hurt? No, it will not!") == [
        "You can join.",
        "Will it hurt?",
        "No, it will not!",
    ]


@pytest.mark.parametrize(
    "source",
    [
        "Take pills, e.g. aspirin, every day.",
        "Some drugs, i.e. Aspirin and others, are not allowed.",
        "Dr. Smith leads the study at the clinic.",
        "The dose is approx. 5 mg a day for adults.",
        "The dose is 2.5 mg a day for adults.",
        "You must be ≥18 years old to join.",
        "See form No. 5 for the details of the visit.",
        "The visit takes about 30 min. and you can go home.",
    ],
)
def test_abbreviations_decimals_and_signs_do_not_split_a_sentence(source: str) -> None:
    assert texts(source) == [source]


def test_a_sentence_may_open_with_a_lower_case_word_that_has_capitals_in_it() -> None:
    assert texts("It stands for messenger RNA. mRNA vaccines were given. eGFR is a test.") == [
        "It stands for messenger RNA.",
        "mRNA vaccines were given.",
        "eGFR is a test.",
    ]


def test_an_abbreviation_before_a_code_word_still_does_not_split() -> None:
    assert texts("Some vaccines, e.g. mRNA vaccines, are given.") == [
        "Some vaccines, e.g. mRNA vaccines, are given."
    ]


def test_list_items_headings_and_table_cells_are_sentences_of_their_own() -> None:
    source = (
        "## Who can join\n\n"
        "* adults 18 or older\n"
        "* signed consent form\n\n"
        "| Visit | When |\n|---|---|\n| Screening | week 1 |\n"
    )
    found = [(s.kind, s.text) for s in segment(source)]
    assert found == [
        ("heading", "Who can join"),
        ("item", "adults 18 or older"),
        ("item", "signed consent form"),
        ("cell", "Visit"),
        ("cell", "When"),
        ("cell", "Screening"),
        ("cell", "week 1"),
    ]


def test_heading_level_is_kept() -> None:
    assert [s.level for s in segment("# Title\n\nText here.\n\n### Deep\n")] == [1, 0, 3]


def test_bulleted_lines_of_plain_registry_text_are_sentences_of_their_own() -> None:
    # Legacy XML text: hard-wrapped, deeply indented, CRLF, bullets without full stops.
    source = (
        "        Inclusion Criteria:\r\n\r\n"
        "          -  diagnosed with congenital adrenal\r\n             hyperplasia\r\n\r\n"
        "          -  normal ECG during baseline evaluation\r\n"
    )
    assert texts(source) == [
        "Inclusion Criteria:",
        "diagnosed with congenital adrenal\nhyperplasia",
        "normal ECG during baseline evaluation",
    ]


def test_a_line_ending_with_a_colon_ends_a_sentence() -> None:
    assert texts("Exclusion criteria:\nPregnant or nursing women") == [
        "Exclusion criteria:",
        "Pregnant or nursing women",
    ]


def test_urls_emails_registry_ids_and_citation_markers_are_not_scored() -> None:
    source = "Read NCT01234567 at https://clinicaltrials.gov/study/NCT01234567 or ask a@b.org today.[1]"
    (only,) = segment(source)
    assert only.text.split() == ["Read", "at", "or", "ask", "today."]


def test_markdown_and_html_markup_is_not_scored_but_link_text_is() -> None:
    source = "Take **two** pills with `code` and <b>water</b>, see [the leaflet](https://x.org/l)."
    (only,) = segment(source)
    assert only.text == "Take two pills with  and water, see the leaflet."


def test_code_blocks_are_skipped() -> None:
    assert texts("Some text here.\n\n```\nprint('not prose')\n```\n") == ["Some text here."]


def test_block_html_tags_separate_sentences() -> None:
    assert texts("<p>first part</p><p>second part</p>") == ["first part", "second part"]


def test_backslash_escapes_and_entities_are_read_as_the_characters_they_stand_for() -> None:
    (only,) = segment("Score \\>= 4 and age &gt;= 18 [Class I\\]")
    assert only.text == "Score >= 4 and age >= 18 [Class I]"


def test_offsets_point_at_the_sentence_in_the_input() -> None:
    source = "# Title\n\nFirst one. Second one.\n\n* an item [2]\n"
    for seg in segment(source):
        assert source[seg.start : seg.end].startswith(seg.text.split()[0])
    last = segment(source)[-1]
    assert source[last.start : last.end] == "an item"
    assert line_col(source, last.start) == (5, 3)


def test_text_without_words_has_no_sentences() -> None:
    assert segment("") == ()
    assert segment("  \n--- !!! https://example.org\n") == ()


def test_plain_mode_keeps_markdown_characters_as_text() -> None:
    source = "Some *stars* and <b>tags</b> stay. So does `this`."
    assert texts(source) != [s.text for s in segment(source, markdown=False)]
    assert [s.text for s in segment(source, markdown=False)] == [
        "Some *stars* and <b>tags</b> stay.",
        "So does `this`.",
    ]


def test_a_bare_domain_name_is_an_address_not_a_word() -> None:
    (only,) = segment("Find it on ClinicalTrials.gov or nih.gov/health today.")
    assert only.text.split() == ["Find", "it", "on", "or", "today."]
