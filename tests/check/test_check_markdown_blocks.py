"""The short ways through the Markdown parse give exactly what markdown-it gives: the block
tokens of ``markdown_blocks``, and the blocks and offsets of ``extract_markdown``'s direct walk
(no block tokens); anything they do not read goes to markdown-it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from plainlang.check.markdown import _direct, _parser, extract_markdown
from plainlang.check.markdown_blocks import classify, fast_blocks


def _full(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [
        (t.type, t.tag, t.nesting, t.content, t.markup, t.level, t.map, t.attrs, t.info, t.block, t.hidden,
         _full(t.children or []))
        for t in tokens
    ]  # fmt: skip


# Lines of the shapes plainlang writes, and lines next to them that CommonMark reads otherwise
# (lazy continuations, setext underlines, thematic breaks, indented code, other list markers,
# tables, link references, headings with a closing run, comments that never close).
SAFE = [
    "",
    "",
    "# Title",
    "## About this page",
    "###### Six",
    "Plain words.[1]",
    "More words  ",
    "1\\.5 times the limit.",
    "2026 was the year.",
    "**Cork**: one site.[1]",
    "- Item one.[1]",
    "- **Group A**: gets it.[1]",
    "1. First source.",
    "2. Second source.",
    "10. Tenth.",
    "01. zero",
    "<!-- plainlang: disable -->",
    "<!-- open",
    "closed -->",
    "\u00a0nbsp start",
    "word \u2003",
]
ODD = [
    "####### Seven",
    "#NoSpace",
    "# Closed #",
    "- ",
    "-",
    "- - nested",
    "- # head",
    "- 1. x",
    "-x",
    "1) paren",
    "1.  two spaces",
    "<div>",
    "---",
    "===",
    "***",
    "* star",
    "+ plus",
    "    code",
    "  indented",
    "\tTab",
    "> quote",
    "```",
    "~~~",
    "[1]: https://e.org",
    "a | b",
    ": colon",
    "_u_ start",
    "\u0661. Arabic digit",
]
# Mostly the shapes the short way reads, so that many examples take it; now and then a line it
# must leave to markdown-it.
LINES = st.one_of(*[st.sampled_from(SAFE)] * 6, st.sampled_from(ODD))


@settings(max_examples=3000, deadline=None)
@given(st.lists(LINES, max_size=14), st.booleans())
def test_fast_block_tokens_equal_markdown_it_block_tokens(lines: list[str], final_break: bool) -> None:
    source = "\n".join(lines) + ("\n" if final_break else "")
    assert _full(_parser(True).parse(source)) == _full(_parser(False).parse(source))


@settings(max_examples=500, deadline=None)
@given(st.lists(LINES, max_size=14))
def test_fast_blocks_give_the_same_prose_blocks_and_offsets(lines: list[str]) -> None:
    source = "\n".join(lines) + "\n"
    assert extract_markdown(source, fast_blocks=True) == extract_markdown(source, fast_blocks=False)


def test_a_plainlang_page_shape_takes_the_short_way() -> None:
    page = (
        "# Title\n\n## In short\n\nThis study is in phase 3.[1] It tests 2 drugs.[1]\n\n"
        "- **Group A**: This group gets the drug.[1]\n- Carboplatin is a medicine.[1]\n\n"
        "## References\n\n1. ClinicalTrials.gov. NCT00000001. <https://clinicaltrials.gov>.\n\n"
        "<!-- plainlang: generated -->\n"
    )
    tokens = fast_blocks(page)
    assert tokens is not None
    assert [t.type for t in tokens if t.type.endswith("_open")].count("list_item_open") == 3
    direct = _direct(page, page)
    assert direct is not None and direct == extract_markdown(page, fast_blocks=False)
    assert [b.kind for b in direct.blocks][-1] == "reference"


def test_shapes_markdown_it_reads_otherwise_go_to_markdown_it() -> None:
    assert fast_blocks("- an item\nwith a lazy line\n") is None
    assert fast_blocks("A paragraph\n2. not a list here\n") is None
    assert fast_blocks("<!-- never closed\n") is None
    assert classify("    code") is None and classify("---") is None and classify("# C #") is None


TEXT = st.sampled_from(["Plain words.[1]", "More words  ", "1\\.5 times.", "2026 was.", "**Cork**: a site.[1]",
                        "A *word* and `code`.", "\u00a0nbsp", "word \u2003", "An e-mail <a@b.org>.",
                        "Cost &amp; care.", "1\\.5 \\[x\\] times.", "A [link](http://e.org).", "**Bold** *em*.",
                        "**Arm A: one**: gets it.", "<https://e.org/x>. Accessed: 2026.",
                        "See www.e.org today.", "https://e.org/x"])  # fmt: skip
BLOCK = st.one_of(
    st.sampled_from(["# Title", "## In short", "### Three  "]).map(lambda h: [h]),
    st.lists(TEXT, min_size=1, max_size=3),
    st.lists(TEXT.map(lambda t: "- " + t), min_size=1, max_size=4),
    st.lists(st.tuples(st.sampled_from(["1", "2", "10", "07"]), TEXT).map(". ".join), min_size=1, max_size=4),
    st.sampled_from([["<!-- one line -->"], ["<!-- two", "lines -->"], ["<!-- a", "", "gap -->"]]),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(BLOCK, st.sampled_from(["\n", "\n\n", "\n\n\n"])), max_size=8))
def test_pages_of_blocks_parse_to_the_same_tokens(blocks: list[tuple[list[str], str]]) -> None:
    source = "".join("\n".join(lines) + gap for lines, gap in blocks)
    assert _full(_parser(True).parse(source)) == _full(_parser(False).parse(source))
    assert extract_markdown(source, fast_blocks=True) == extract_markdown(source, fast_blocks=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=3).map(" ".join))
def test_remembered_inline_children_are_what_markdown_it_makes_of_the_paragraph(content: str) -> None:
    from plainlang.check.markdown import _child, _inline_children

    tokens = _parser(False).parse(content + "\n")
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) == 1  # one paragraph
    expected = tuple(_child(c) for c in inline[0].children or [])
    assert _inline_children(inline[0].content) == expected
    assert _inline_children(inline[0].content) == expected  # asked again: from the memo, unchanged


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(BLOCK, st.sampled_from(["\n\n", "\n\n\n"])), max_size=6))
def test_a_page_read_again_with_remembered_inline_tokens_gives_the_same_prose(
    blocks: list[tuple[list[str], str]],
) -> None:
    source = "".join("\n".join(lines) + gap for lines, gap in blocks)
    first = extract_markdown(source)
    assert extract_markdown(source) == first == extract_markdown(source, fast_blocks=False)
