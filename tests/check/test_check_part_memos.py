"""The check's memos by part (round six of issue 6) give what the straightforward path gives.

``names_of_parts`` finds proper names block by block (remembered by block) where ``names`` reads
the whole joined page.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
