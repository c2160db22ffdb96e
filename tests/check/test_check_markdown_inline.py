"""The short way for plain inline text gives exactly the tokens markdown-it's inline parser gives."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from plainlang.check.markdown import _INLINE_MARKUP, _parser, plain_inline, strong_lead_inline
from plainlang.check.markup import read_prose


def _reference() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _shape(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [
        (t.type, t.content, t.markup, t.map, tuple(t.attrs.items()), _shape(t.children or [])) for t in tokens
    ]


# Prose pieces with every character markdown-it's inline rules react to, line breaks and the
# trailing spaces that make a hard break.
PIECES = st.sampled_from(
    ["word", "Two words", "[1]", "[1, 2]", "[a](b)", "![i](s)", "*em*", "_u_", "`c`", "<b>", "&amp;",
     "\\*", "!", "]", "(", " ", "  ", "\t", "\n", "  \n", "-", "#", "1.", "|", "x | y", "end."]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(PIECES, min_size=1, max_size=12), min_size=1, max_size=4), st.booleans())
def test_pages_parse_to_the_same_tokens_as_markdown_it_alone(paragraphs: list[list[str]], refs: bool) -> None:
    source = "\n\n".join("".join(p) for p in paragraphs) + (
        "\n\n[1]: https://example.org\n" if refs else "\n"
    )
    assert _shape(_parser().parse(source)) == _shape(_reference().parse(source))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word", "[1]", " ", "  ", "\t", "\n", "  \n", "x.", "(a)"]), max_size=12))
def test_plain_inline_text_splits_at_line_breaks_like_markdown_it(pieces: list[str]) -> None:
    content = "".join(pieces).strip()
    assume(_INLINE_MARKUP.search(content) is None)  # "[1](a)" is a link: not plain
    expected: list[Token] = []
    _reference().inline.parse(content, _reference(), {}, expected)
    assert _shape(plain_inline(content)) == _shape(expected)


def test_a_citation_marker_stays_text_unless_the_page_defines_it_as_a_link() -> None:
    plain = read_prose("A sentence.[1]\n", "markdown")
    linked = read_prose("A sentence.[1]\n\n[1]: https://example.org\n", "markdown")
    assert plain.blocks[0].text == "A sentence.[1]"
    assert linked.blocks[0].text == "A sentence.1"


def _full(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [
        (t.type, t.tag, t.nesting, t.content, t.markup, t.level, t.map, t.attrs, t.info, t.block, t.hidden)
        for t in tokens
    ]


# Labels and text around a bold label: letters, spaces, punctuation that flanking rules weigh,
# inline markup, brackets and line breaks.
LABEL_PIECES = st.sampled_from(
    ["Cork", "a", "1", "Two words", " ", ".", ":", "-", "(", "é", "*", "_", "`c`", "\n", "[1]"]
)
REST_PIECES = st.sampled_from(
    [": ", "There is one.", "[1]", " ", "  ", "\n", "  \n", "word", "*", "**", ".", "&amp;", "(a)"]
)


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["", "Cork", "é", "1"]),
    st.lists(LABEL_PIECES, max_size=5),
    st.sampled_from(["", "k", "2"]),
    st.lists(REST_PIECES, max_size=8),
)
def test_a_bold_label_takes_the_short_way_only_to_markdown_its_tokens(
    first: str, label: list[str], last: str, rest: list[str]
) -> None:
    # Most labels start and end with a letter or digit (the short way's case), some do not.
    content = ("**" + first + "".join(label) + last + "**" + "".join(rest)).strip()
    found = strong_lead_inline(content)
    expected: list[Token] = []
    _reference().inline.parse(content, _reference(), {}, expected)
    if found is not None:
        assert _full(found) == _full(expected)


def test_the_site_lines_plainlang_writes_take_the_short_way() -> None:
    assert strong_lead_inline("**Cork**: There is one study place here.[1]") is not None
    assert strong_lead_inline("**Cork.**: no") is None  # a label ending in punctuation: markdown-it decides


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.one_of(LABEL_PIECES, REST_PIECES), min_size=1, max_size=8), min_size=1, max_size=4),
    st.booleans(),
)
def test_pages_with_bold_labels_parse_to_the_same_tokens_as_markdown_it_alone(
    paragraphs: list[list[str]], refs: bool
) -> None:
    source = "\n\n".join("**" + "".join(p) for p in paragraphs) + (
        "\n\n[1]: https://example.org\n" if refs else "\n"
    )
    assert _shape(_parser().parse(source)) == _shape(_reference().parse(source))
