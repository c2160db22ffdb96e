"""The check's memos by part (round six of issue 6) give what the straightforward path gives.

``names_of_parts`` finds proper names block by block (remembered by block) where ``names`` reads
the whole joined page; ``markdown._plain_block`` remembers a plain block's text and offsets by its
source lines, where the token path reads each page whole.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.check.markdown import _plain_block, extract_markdown
from plainlang.explain.names import names, names_of_parts

# Words that make names, parts joined by commas and dashes, clause ends, and line breaks.
_PIECES = [
    "University",
    "Hospital",
    "Clinic",
    "Centre",
    "Unit",
    "Toronto",
    "General",
    "Mayo",
    "Research",
    "Joint",
    "Clinical",
    "Uganda",
    "of",
    "and",
    "de",
    "the",
    "CHU",
    "Nantes",
    "UHN",
    "PC",
    "AIDS",
    "MRC",
    "/",
    "MRC/UVRI",
    ",",
    " -",
    " –",
    ".",
    ";",
    "[1]",
    ":",
    "is",
    "has",
    "looking",
    "for",
    "people",
    "St.",
    "Baylor's",
    "\n",
    "# ",
    "- ",
    "**Genk**",
    "ZOL",
    "Genk",
    "Toronto General Hospital - UHN",
    "McFarland Clinic, PC",
    "IKCU, Ataturk Training and Research Hospital",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TEXT, max_size=6))
def test_names_found_part_by_part_are_the_names_of_the_joined_text(parts: list[str]) -> None:
    assert names_of_parts(parts) == names("\n\n".join(parts))


def test_names_found_part_by_part_shift_to_where_the_part_starts() -> None:
    # a part joined by a dash is taken at the end of the text only, not at the end of a block
    parts = ["# Where the study runs", "It runs at Toronto General Hospital - UHN", "Mayo Clinic - UHN"]
    found = names_of_parts(parts)
    text = "\n\n".join(parts)
    assert [text[n.start : n.end] for n in found] == ["Toronto General Hospital", "Mayo Clinic - UHN"]
    assert found == names(text)


# Lines of the page shapes plainlang writes, and lines whose pieces the cursor may have to look
# for past their own line (escapes, entities, a label with markup, a URL, a line of spaces).
_LINES = st.sampled_from(
    [
        "",
        "",
        "# Title",
        "## In short",
        "Plain words.[1]",
        "More words  ",
        "Two  spaces inside",
        "- Item one.[1]",
        "- **Group A**: gets it.[1]",
        "**Cork**: one site.[1]",
        "1. First source.",
        "2. Second source.",
        "See https://example.org for more.",
        "https://example.org",
        "Fish \\& chips &amp; peas",
        "a \\[1\\] b",
        "- **A *b***: c",
        "x\u00a0y",
        "<!-- plainlang: disable -->",
        "1",
        "   ",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_LINES, max_size=10), min_size=1, max_size=4))
def test_blocks_remembered_by_their_lines_read_as_the_token_path_reads_each_page(
    pages: list[list[str]],
) -> None:
    _plain_block.cache_clear()
    for lines in pages:  # later pages meet the lines of earlier ones in other places
        source = "\n".join(lines) + "\n"
        assert extract_markdown(source) == extract_markdown(source, fast_blocks=False)
