"""paragraph_of: the paragraph around an offset, found by bisection over cached breaks."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from plainlang.explain.spans import paragraph_of

_BREAK = re.compile(r"\n[ \t]*\n")


def _scanned(text: str, position: int) -> tuple[int, int]:
    """The first implementation: a scan over every break, kept as the reference."""
    start = 0
    for m in _BREAK.finditer(text):
        if m.end() <= position:
            start = m.end()
        elif m.start() >= position:
            return start, m.start()
    return start, len(text)


_TEXTS = st.text(alphabet=st.sampled_from("ab .\n\t "), max_size=60)


@given(_TEXTS, st.data())
def test_paragraph_of_equals_a_scan_over_every_break(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(text)))
    assert paragraph_of(text, position) == _scanned(text, position)


def test_a_paragraph_ends_at_the_blank_line_after_it() -> None:
    text = "One.\n\nTwo and\nmore.\n \nThree."
    assert paragraph_of(text, text.index("more")) == (text.index("Two"), text.index("\n \n"))
    assert paragraph_of(text, 0) == (0, 4)
    assert paragraph_of(text, len(text)) == (text.index("Three"), len(text))
