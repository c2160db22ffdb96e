"""``autolinked_children`` (a line of plain text with ``<scheme:...>`` addresses, read without
markdown-it's inline parser) gives what markdown-it's inline rules give, and declines the rest."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.check.markdown import _child, _parser, autolinked_children

PIECES = st.sampled_from(
    [
        "ClinicalTrials.gov. NCT02028676: A study.",
        " ",
        "  ",
        ". Accessed: 2026-01-01.",
        "<https://clinicaltrials.gov/study/NCT02028676>",
        "<https://e.org/a%20b?x=1&y=2>",
        "<http://e.org/ü>",
        "<mailto:a@b.org>",
        "<a@b.org>",
        "<javascript:alert(1)>",
        "<data:image/png;base64,AAA>",
        "<x:y>",
        "<https://e.org/x",
        "https://e.org>",
        "<>",
        "a < b",
        "[1]",
        "&amp;",
        "*em*",
        "\\[",
        "\n",
        "word",
    ]
)


def _markdown_it(content: str) -> tuple[tuple[str, str, str, str], ...]:
    tokens = _parser(False).parse(content + "\n")
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) == 1
    return tuple(_child(c) for c in inline[0].children or [])


@settings(max_examples=1500, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=7).map(lambda p: "Word " + "".join(p) + " end."))
def test_autolinked_children_are_what_markdown_it_makes_of_the_line(content: str) -> None:
    tokens = _parser(False).parse(content + "\n")
    inline = [t for t in tokens if t.type == "inline"]
    if len(inline) != 1:
        return  # the pieces made more than one block (a blank line): not one inline content
    found = autolinked_children(inline[0].content)
    if found is not None:
        assert found == tuple(_child(c) for c in inline[0].children or [])


def test_a_reference_entry_takes_the_short_way_and_markup_does_not() -> None:
    entry = (
        "ClinicalTrials.gov. NCT1: A study. <https://clinicaltrials.gov/study/NCT1>. Accessed: 2026-01-01."
    )
    assert autolinked_children(entry) == _markdown_it(entry)
    assert autolinked_children("See *this* <https://e.org>.") is None
    assert autolinked_children("Run <javascript:alert(1)> now.") is None
    assert autolinked_children("Two\nlines <https://e.org>.") is None
