"""``piece_block`` (a block of one piece of text, built without a ``BlockBuilder``) is the block
the builder makes of that piece added whole: same text, offsets, section and number."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plainlang.check.prose import BlockBuilder, BlockKind, piece_block

KINDS: list[BlockKind] = ["heading", "paragraph", "item", "cell", "reference"]
# Words, outer spaces of several kinds, and web addresses (masked to spaces, then trimmed).
PIECE = st.lists(
    st.sampled_from(["word", " ", "\u00a0", "\u2003", "\t", "www.e.org", "https://e.org/x.", "[1]", ".", ""]),
    max_size=8,
).map("".join)


@given(
    st.sampled_from(KINDS), PIECE, st.integers(0, 10_000), st.integers(0, 9), st.none() | st.integers(1, 99)
)
def test_a_piece_block_is_what_the_builder_builds_of_one_piece(
    kind: BlockKind, text: str, origin: int, section: int, number: int | None
) -> None:
    out = BlockBuilder()
    out.add(text, origin)
    assert piece_block(kind, text, origin, section, number) == out.build(kind, section, number)
