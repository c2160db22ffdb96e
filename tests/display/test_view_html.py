"""The annotated view and its HTML: marks from the explain and readability stages, escaping."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang import Profile, summarize
from plainlang.display import html
from plainlang.display.show import annotate
from plainlang.display.view import SentenceMarks, band, safe_url, summary_view
from plainlang.model import Block, Document, ExplainedTerm, Section, Sentence, Summary

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "records" / "NCT06529731.json"
PROFILE = Profile(today="2026-01-01")
ALLOWED = {
    "div",
    "style",
    "h1",
    "h2",
    "p",
    "span",
    "section",
    "dfn",
    "mark",
    "sup",
    "a",
    "ul",
    "li",
    "strong",
}


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.extend(attrs)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def one_sentence(text: str, explained: tuple[ExplainedTerm, ...] = ()) -> Summary:
    document = Document("Title", (Section("s", "Heading", (Block("paragraph", (Sentence(text),)),)),))
    return Summary(document, explained)


@pytest.fixture(scope="module")
def explained() -> Summary:
    return summarize(EXAMPLE, PROFILE)


def test_explained_terms_carry_their_definition_on_hover(explained: Summary) -> None:
    page = html.view_html(annotate(explained, PROFILE))
    term = next(t for t in explained.explained if t.surface == "acute myeloid leukemia")
    assert f'<dfn class="pl-term" title="{term.definition}">acute myeloid leukemia</dfn>' in page


def test_sentences_are_tinted_by_their_grade_and_sections_carry_theirs(explained: Summary) -> None:
    view = annotate(explained, PROFILE)
    summary_section = next(s for s in view.sections if s.id == "summary")
    hardest = max((s for b in summary_section.blocks for s in b.sentences), key=lambda s: s.grade or 0.0)
    # the summary's hardest sentence is above the target, and tinted for how far above it is
    assert hardest.grade is not None and hardest.grade > PROFILE.target_smog
    assert hardest.band == band(hardest.grade, PROFILE.target_smog) in ("hard", "very-hard")
    assert summary_section.grade is not None
    bands = {s.band for sec in view.sections for b in sec.blocks for s in b.sentences}
    assert {"easy", "hard"} <= bands


def test_hard_words_and_unexplained_terms_are_marked(explained: Summary) -> None:
    view = annotate(explained, PROFILE)
    kinds = {p.kind for sec in view.sections for b in sec.blocks for s in b.sentences for p in s.pieces}
    assert {"term", "hard", "unexplained"} <= kinds


def test_the_score_panel_checks_the_targets(explained: Summary) -> None:
    panel = annotate(explained, PROFILE).panel
    rows = {row.label: row for row in panel.rows}
    assert rows["SMOG grade"].limit == 8.0 and rows["SMOG grade"].met is not None
    assert rows["Flesch reading ease (higher is easier)"].limit is None
    assert panel.words > 300


def test_sentences_without_marks_are_shown_plain_and_untinted() -> None:
    view = summary_view(one_sentence("Plain words here."))
    sentence = view.sections[0].blocks[0].sentences[0]
    assert sentence.band == "none" and [p.kind for p in sentence.pieces] == [None]


def test_marks_given_by_key_reach_their_sentence() -> None:
    marks = {("s", 0): SentenceMarks(grade=12.0, hard_words=("difficult",))}
    sentence = summary_view(one_sentence("A difficult word."), marks).sections[0].blocks[0].sentences[0]
    assert sentence.band == "hard"
    assert [(p.text, p.kind) for p in sentence.pieces if p.kind] == [("difficult", "hard")]


@pytest.mark.parametrize(
    ("grade", "expected"),
    [(None, "none"), (3.0, "easy"), (6.0, "easy"), (7.9, "ok"), (12.0, "hard"), (12.1, "very-hard")],
)
def test_bands_against_a_target_of_eight(grade: float | None, expected: str) -> None:
    assert band(grade, 8.0) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://clinicaltrials.gov/study/NCT1", "https://clinicaltrials.gov/study/NCT1"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,x", None),
    ],
)
def test_only_http_links_are_written(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80), st.data())
def test_any_sentence_text_comes_out_as_text_and_never_as_markup(text: str, data: st.DataObject) -> None:
    surface = data.draw(st.sampled_from([text[:5], "<b>", "x"]))
    term = ExplainedTerm(surface, '<img src=x onerror="1">', "s", 0, surface)
    marks = {("s", 0): SentenceMarks(grade=5.0, hard_words=tuple(text.split()[:2]), unexplained=("<i>",))}
    page = html.view_html(summary_view(one_sentence(text, (term,)), marks))
    parsed = Collector()
    parsed.feed(page)
    assert parsed.tags <= ALLOWED
    assert all(not name.startswith("on") for name, _ in parsed.attrs)
    assert text in "".join(parsed.text)
