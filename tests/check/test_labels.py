"""Check and explain agree on what a list item's lead label is.

The renderers write ``Block.label`` as a bold lead-in ("- **Control group**: ..."); the explain
stage never rewrites it (it walks sentences only), so a term there is explained at its first use
in running text. ``check.jargon.label_spans`` must find exactly those labels, and a page that
``explain`` wrote must give neither glossary rule anything to flag.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang import render
from plainlang.check import _page as check_page
from plainlang.check import check
from plainlang.check.jargon import abbreviation_names, label_names, label_spans
from plainlang.check.page import Page
from plainlang.config import Profile
from plainlang.explain import explain
from plainlang.model import Block, Document, Section, Sentence

_GLOSSARY_RULES = ("jargon.unexplained", "abbreviation.unexpanded")
_LABELS = st.sampled_from(
    [
        "Control group",
        "Placebo",
        "Arm A: single myeloablative consolidation",
        "Viral RNA test using nasopharyngeal swab",
        "Entebbe",
        "Intervention group",
        "HIV infection",
    ]
)
_BODIES = st.sampled_from(
    [
        "This group gets a placebo.",
        "People in this group get chemotherapy.",
        "This group gets no study treatment.",
        "The study looks at the intervention in adults with HIV.",
    ]
)


def _document(items: list[tuple[str, str]]) -> Document:
    blocks = tuple(Block("item", (Sentence(body),), label=label) for label, body in items)
    return Document("A study", (Section("groups", "Groups", blocks),))


def _page(text: str, fmt: str) -> Page:
    return check_page(text, fmt, "<text>", Profile(), None)  # type: ignore[arg-type]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(_LABELS, _BODIES), min_size=1, max_size=4), st.sampled_from(["markdown", "html"]))
def test_check_finds_exactly_the_labels_the_renderer_writes(items: list[tuple[str, str]], fmt: str) -> None:
    page = _page(render(_document(items), fmt), fmt)  # type: ignore[arg-type]
    text, _ = page.joined
    assert [text[start:end] for start, end in label_spans(page)] == [label for label, _ in items]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(_LABELS, _BODIES), min_size=1, max_size=4), st.sampled_from(["markdown", "html"]))
def test_a_page_explain_wrote_has_no_glossary_finding_in_or_after_its_labels(
    items: list[tuple[str, str]], fmt: str
) -> None:
    explained = explain(_document(items), style="parenthetical").document
    assert explained is not None
    report = check(render(explained, fmt), format=fmt)  # type: ignore[arg-type]
    assert [f for f in report.findings if f.rule_id in _GLOSSARY_RULES] == []


def test_a_term_used_first_in_a_label_is_still_judged_at_its_first_use_in_running_text() -> None:
    page = render(_document([("Placebo group", "This group gets a placebo.")]))
    found = [f for f in check(page).findings if f.rule_id == "jargon.unexplained"]
    assert [f.message.split("'")[1] for f in found] == ["placebo"]


def test_bold_words_later_in_an_item_are_prose_not_a_label() -> None:
    page = _page("- People in this group get a **placebo**: a pill.\n", "markdown")
    assert label_spans(page) == ()


def test_capitals_filling_the_clause_after_a_place_label_are_a_site_name() -> None:
    page = _page(
        "- **Toledo, Ohio**: Toledo COP.[1]\n- **Genk**: ZOL Genk is looking for people.[1]\n", "markdown"
    )
    text, _ = page.joined
    assert [text[n.start : n.end] for n in abbreviation_names(page)] == ["Toledo COP", "ZOL Genk"]


def test_a_clause_after_a_label_that_is_running_text_or_one_word_is_no_site_name() -> None:
    page = _page("- **Group A**: This group gets LCM.[1]\n- **Group B**: LCM.[1]\n", "markdown")
    assert abbreviation_names(page) == ()


def test_a_site_name_after_a_label_does_not_hide_glossary_words_from_the_jargon_rule() -> None:
    page = "- **Group A**: Allogeneic Bone Marrow Transplantation HLA.[1]\n"
    assert any(f.rule_id == "jargon.unexplained" for f in check(page).findings)


def test_each_cited_site_after_a_place_label_is_a_site_name() -> None:
    page = _page(
        "- **Antwerp**: Antwerp University Hospital.[1] GZA Antwerp.[1] ZNA Stuivenberg.[1]\n", "markdown"
    )
    text, _ = page.joined
    found = label_names(text, label_spans(page))
    assert [text[n.start : n.end] for n in found] == ["GZA Antwerp", "ZNA Stuivenberg"]
