"""jargon.unexplained and abbreviation.unexpanded through the glossary; fidelity.number and
derived numbers on plainlang's JSON pages."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.check import check
from plainlang.check.fidelity import facts_of

PLACEBO_EXPLAINED = "Some people get a placebo (a dummy pill with no medicine in it)."


def _findings(text: str, rule: str, **kwargs: object) -> list[tuple[int, int, str]]:
    report = check(text, **kwargs)  # type: ignore[arg-type]
    return [(f.line, f.column, f.message) for f in report.findings if f.rule_id == rule]


def test_unexplained_term_is_reported_at_its_first_use_in_the_original_file() -> None:
    text = "# About\n\nYou take a pill.\n\nSome **people** get a *placebo*. Later the placebo stops.\n"
    found = _findings(text, "jargon.unexplained")
    assert [(line, column) for line, column, _ in found] == [(5, 24)]
    assert "placebo" in found[0][2] and "dummy pill" in found[0][2]


def test_a_term_explained_once_is_explained_in_every_later_sentence_section_and_list() -> None:
    text = f"{PLACEBO_EXPLAINED}\n\n## What happens\n\n- You may get the placebo.\n- The placebo is a pill.\n"
    assert _findings(text, "jargon.unexplained") == []


def test_a_term_in_a_heading_is_not_its_first_use() -> None:
    text = f"# The placebo\n\n{PLACEBO_EXPLAINED}\n"
    assert _findings(text, "jargon.unexplained") == []


def test_code_urls_and_html_attributes_are_not_prose_for_jargon() -> None:
    page = '<p title="placebo">You take <code>placebo</code> and see <a href="https://x.org/placebo">the site</a>.</p>'
    assert _findings(page, "jargon.unexplained", format="html") == []


def test_glossary_abbreviation_spelled_out_after_its_full_term_is_expanded() -> None:
    text = "Adults with acute myeloid leukemia (AML) can join.\n\n## Who\n\nPeople with AML who had chemo."
    assert _findings(text, "abbreviation.unexpanded") == []


def test_glossary_abbreviation_explained_by_a_defining_sentence_is_expanded() -> None:
    text = "AML is a blood cancer that starts in the marrow and grows fast. Adults with AML can join."
    assert _findings(text, "abbreviation.unexpanded") == []


def test_glossary_abbreviation_used_before_its_expansion_is_reported_once_at_first_use() -> None:
    text = "People with AML can join.\n\nLater: acute myeloid leukemia (AML). AML again."
    assert [(line, column) for line, column, _ in _findings(text, "abbreviation.unexpanded")] == [(1, 13)]


def test_pattern_still_judges_abbreviations_the_glossary_does_not_know() -> None:
    assert _findings("Your INSS stage is checked.", "abbreviation.unexpanded")
    assert not _findings(
        "Your International Neuroblastoma Staging System (INSS) stage is checked.", "abbreviation.unexpanded"
    )


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["You take a pill.", "A nurse helps you.", "You can stop."]), max_size=6))
def test_explained_term_stays_explained_whatever_plain_sentences_follow(sentences: list[str]) -> None:
    text = PLACEBO_EXPLAINED + "\n\n" + "\n\n".join(f"{s} The placebo is given." for s in sentences)
    assert _findings(text, "jargon.unexplained") == []


def _json_page(sentences: list[dict[str, object]]) -> str:
    return json.dumps(
        {
            "schema": "plainlang.summary/1",
            "title": "A study",
            "sections": [
                {"id": "where", "title": "Where", "blocks": [{"kind": "paragraph", "sentences": sentences}]}
            ],
            "references": [],
        },
        indent=2,
    )


RECORD = facts_of(
    {
        "protocolSection": {
            "contactsLocationsModule": {
                "locations": [{"country": "France"}, {"country": "Peru"}, {"country": "Peru"}]
            }
        }
    },
    "<r>",
)


def _source(derivation: str | None) -> dict[str, object]:
    return {
        "record_id": "NCT00000001",
        "path": "protocolSection.contactsLocationsModule.locations",
        "derivation": derivation,
    }


def test_json_page_number_from_a_derivation_is_supported_by_it() -> None:
    page = _json_page(
        [
            {
                "text": "The study runs in 2 countries.",
                "citations": [],
                "sources": [_source("count(distinct locations.country)")],
            }
        ]
    )
    assert _findings(page, "fidelity.number", format="json", against=RECORD) == []


def test_json_page_number_without_a_derivation_must_be_in_the_record() -> None:
    page = _json_page(
        [
            {"text": "The study runs in 2 countries.", "citations": [], "sources": [_source(None)]},
            {"text": "It runs at 3 places.", "citations": [], "sources": [_source(None)]},
        ]
    )
    found = _findings(page, "fidelity.number", format="json", against=RECORD)
    assert [message for _, _, message in found] == ["the number '2' is not in the record"]


def test_markdown_page_has_no_sources_so_a_computed_number_is_reported() -> None:
    found = _findings("The study runs in 2 countries.", "fidelity.number", against=RECORD)
    assert len(found) == 1
