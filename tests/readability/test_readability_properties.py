"""Properties: scoring never raises on any text, every score is finite, the result is repeatable;
segments stay inside the input; counts add up; formulas are finite on any counts."""

from __future__ import annotations

import dataclasses
import importlib
import math

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plainlang import score
from plainlang.readability import Readability, Scores
from plainlang.readability.counts import Counts, count
from plainlang.readability.formulas import FORMULAS
from plainlang.readability.segment import segment

# Pieces of registry and Markdown text, so that generated texts reach the segmenter's rules
# (lists, headings, tables, HTML, code, escapes, abbreviations) and not only random characters.
FRAGMENTS = [
    "# ",
    "## ",
    "* ",
    "- ",
    "1. ",
    "> ",
    "|",
    "---",
    "\n",
    "\n\n",
    "   ",
    "\t",
    "\r\n",
    "```",
    "`",
    "**",
    "_",
    "<b>",
    "</p>",
    "<br>",
    "&gt;",
    "&#x26;",
    "\\*",
    "\\[",
    "[1]",
    "[",
    "](",
    ")",
    "e.g.",
    "Dr.",
    "2.5 mg",
    "≥18",
    "https://x.org/a.b",
    "a@b.org",
    "NCT01234567",
    "patients",
    "hematopoietic",
    "was given",
    "It's",
    "don't",
    ".",
    "!",
    "?",
    ":",
    ";",
    "…",
    "。",
    "İ",
    "ß",
    "ﬁ",
    "\u200b",
    "\x00",
    "\u2028",
    "\x1c",
    "é",
    "日本",
    "😀",
]
markdownish = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join)
any_text = st.text() | markdownish

SCORE_FIELDS = [f.name for f in dataclasses.fields(Scores) if f.type == "float"]


def all_scores(result: Readability) -> list[Scores]:
    return [
        result.document,
        *(s.scores for s in result.sections),
        *(s.scores for s in result.sentences),
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_scores_without_error_and_every_score_is_finite(text: str) -> None:
    result = score(text)
    for scores in all_scores(result):
        assert all(math.isfinite(getattr(scores, name)) for name in SCORE_FIELDS)
    assert result.empty == (result.document.words == 0)
    assert result.document.words == sum(s.words for s in result.sentences)


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_scoring_is_deterministic(text: str) -> None:
    assert score(text) == score(text)


@settings(max_examples=300, deadline=None)
@given(any_text, st.booleans())
def test_segments_are_ordered_spans_of_the_input_with_a_word_each(text: str, markdown: bool) -> None:
    previous_end = 0
    for seg in segment(text, markdown=markdown):
        assert previous_end <= seg.start < seg.end <= len(text)
        assert any(ch.isalnum() or ch == "_" for ch in seg.text)
        previous_end = seg.end


plain_words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12), min_size=1, max_size=20
)


@settings(max_examples=100, deadline=None)
@given(plain_words)
def test_text_without_markup_is_scored_as_written(words: list[str]) -> None:
    text = " ".join(words) + "."
    (only,) = segment(text)
    assert (only.start, only.end, only.text) == (0, len(text), text)


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_counts_of_two_texts_add_up(left: str, right: str) -> None:
    joined = count(left + " " + right).counts
    summed = count(left).counts + count(right).counts
    assert dataclasses.replace(joined, sentences=0) == dataclasses.replace(summed, sentences=0)


counts = st.builds(
    Counts,
    *(st.integers(min_value=0, max_value=10**6) for _ in dataclasses.fields(Counts)),
)


@given(counts)
def test_every_formula_is_finite_on_any_counts(value: Counts) -> None:
    assert all(math.isfinite(formula(value)) for formula in FORMULAS.values())


@settings(max_examples=500, deadline=None)
@given(any_text)
@example(text=" \t0\r0")  # a space then a tab indents code: block syntax, found by Hypothesis
def test_text_without_block_syntax_segments_the_same_with_or_without_the_markdown_parser(
    text: str,
) -> None:
    # The module, not the function of the same name that plainlang.readability exports.
    module = importlib.import_module("plainlang.readability.segment")
    if module._BLOCK_SYNTAX.search(text):
        return
    parsed = list(module._sentences(text, module._markdown_regions(text), markdown=True))
    assert tuple(parsed) == segment(text)


# Pieces of composed sentences: sentence ends, abbreviations, and each thing cleaning removes.
SENTENCE_PIECES = [
    "The study",
    " tests a drug",
    ". ",
    ".",
    "? ",
    "…",
    "!) ",
    "e.g. ",
    "Dr. Smith",
    " then",
    " It",
    "ClinicalTrials.gov",
    "see www.x.org",
    "- ",
    "(2) ",
    "a) ",
    "a@b.org",
    "[1]",
    "[2, 3]",
    "[^4]",
    "[1-3]",
    "[12–14]",
    "[",
    "]",
    "1",
    "NCT01234567",
    "12345",
    " ",
    "\u3000",
    "\t",
    "\n",
]
sentence_like = st.lists(st.sampled_from(SENTENCE_PIECES) | st.text(max_size=4), max_size=12).map("".join)


@settings(max_examples=1000, deadline=None)
@given(any_text | sentence_like)
def test_plain_text_taken_whole_by_the_fast_path_segments_as_the_full_segmenter_does(text: str) -> None:
    # The composer's sentences skip cleaning (and splitting, for one sentence) when a few regex
    # tests say that would change nothing; the full path (line regions, cleaning, splitting)
    # must then give the very same segments.
    module = importlib.import_module("plainlang.readability.segment")
    full = tuple(module._sentences(text, module._line_regions(text, 0, None, "sentence"), markdown=False))
    if not module._HAS_WORD.search(text):
        full = ()
    assert segment(text, markdown=False) == full


cited_line = st.lists(
    st.sampled_from([p for p in SENTENCE_PIECES if p not in ("\n",)]) | st.text(max_size=4), max_size=14
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(cited_line)
def test_a_line_with_citation_markers_segments_on_the_fast_path_as_the_full_segmenter_does(text: str) -> None:
    # _plain_line strips citation markers ("[1]", "[2, 3]") itself and maps offsets back by the
    # markers' lengths; when it takes a line, the segments must be those of the full path.
    module = importlib.import_module("plainlang.readability.segment")
    fast = module._plain_line(text)
    if fast is None or not module._HAS_WORD.search(text):
        return
    full = tuple(module._sentences(text, module._line_regions(text, 0, None, "sentence"), markdown=False))
    assert fast == full


def test_a_sentence_with_a_citation_marker_is_taken_by_the_fast_path() -> None:
    module = importlib.import_module("plainlang.readability.segment")
    text = "The drug worked [1]. It was safe [2, 3] for most people."
    fast = module._plain_line(text)
    assert fast is not None
    assert [s.text for s in fast] == ["The drug worked .", "It was safe  for most people."]
    assert [text[s.start : s.end] for s in fast] == [
        "The drug worked [1].",
        "It was safe [2, 3] for most people.",
    ]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish, st.integers(min_value=-1, max_value=8))
def test_hardest_are_the_sentences_with_a_reason_highest_grade_first(text: str, limit: int) -> None:
    # The definition, written out: every non-heading sentence with a reason, by grade then order.
    from plainlang.config import DEFAULT_PROFILE
    from plainlang.readability import diagnostics

    result = score(text, hardest=limit)
    expected = []
    for index, sentence in enumerate(result.sentences):
        why = diagnostics.reasons(
            sentence.scores,
            sentence.hard_words,
            DEFAULT_PROFILE.long_sentence_words,
            sentence.passive,
            sentence.unexplained_terms,
            DEFAULT_PROFILE.target_fkgl,
        )
        if why and sentence.kind != "heading":
            expected.append((-sentence.scores.flesch_kincaid_grade, index, why))
    expected.sort(key=lambda item: (item[0], item[1]))
    assert [(h.index, h.reasons) for h in result.hardest] == [(i, w) for _, i, w in expected[: max(limit, 0)]]
