"""The short way for plain inline text gives exactly the tokens markdown-it's inline parser gives."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from plainlang.check.markdown import _INLINE_MARKUP, _parser, plain_inline
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
