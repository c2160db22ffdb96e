"""The page's tokens built from its blocks' remembered tokens are the tokenizer's on the whole text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.check import CheckRun, jargon
from plainlang.check.joined_tokens import joined_tokens
from plainlang.explain.tokens import tokenize

# Pieces of block text: words, punctuation the tokenizer splits off, brackets, markers blanked to
# spaces, and every kind of white space (inside a block and at its ends).
PIECES = [
    "The",
    " study",
    "drug",
    "HIV",
    "(HIV)",
    "e.g.",
    "virus.",
    "[1]",
    "   ",
    " ",
    "  ",
    "\t",
    "\n",
    "\u3000",
    "\xa0",
    "#",
    "# ",
    "-",
    "18-65",
    "''",
    ",",
    ":",
    "ClinicalTrials.gov",
]
part = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=8).map("".join)
separator = st.sampled_from(["\n\n", " ", "\n", "  \n\n", "\n\n ", "\t"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(part, separator), max_size=6))
def test_tokens_joined_from_the_parts_are_the_tokens_of_the_whole_text(pieces: list[tuple[str, str]]) -> None:
    text = ""
    parts = []
    for index, (block, sep) in enumerate(pieces):
        if index:
            text += sep
        parts.append((len(text), len(text) + len(block)))
        text += block
    assert joined_tokens(text, parts) == tokenize(text)


def test_a_page_of_blocks_is_tokenized_from_its_blocks() -> None:
    # the page shape term_scan passes: no white space at the text's ends, parts by blank lines
    text = "# Title\n\nThe drug (HIV) worked.   \n\nIt is safe."
    parts = [(0, 7), (9, 34), (36, len(text))]
    assert joined_tokens(text, parts) == tokenize(text)
    # the blank line between blocks is a token, and the spaces blanking a marker go with it
    assert (7, 9) in joined_tokens(text, parts)
    assert (32, 36) in joined_tokens(text, parts)


def test_term_scan_finds_what_the_glossary_finds_on_the_joined_text(tmp_path: Path) -> None:
    page_file = tmp_path / "page.md"
    page_file.write_text(
        "# About HIV\n\nThis study tests a drug for HIV (human immunodeficiency virus).[1]\n\n"
        "- **Arm A**: placebo pills.\n\nA randomized trial of chemotherapy.\n",
        "utf-8",
    )
    run = CheckRun()
    run.check_file(page_file, "markdown")
    from plainlang.check.markup import read_prose
    from plainlang.check.page import Page
    from plainlang.policy import load_policy

    config = run.config_for(page_file)
    prose = read_prose(page_file.read_text("utf-8"), "markdown", str(page_file))
    page = Page(prose, str(page_file), config.profile, load_policy(config.profile.policy))
    text = jargon._without_markers(page)
    assert joined_tokens(text, jargon._parts(page)) == tokenize(text)
    assert jargon.term_scan(page).matches == tuple(
        m for m in page.glossary.find(text) if not jargon.in_spans(jargon.label_spans(page), m.start, m.end)
    )
