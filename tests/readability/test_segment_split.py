"""The one-loop splitter cuts text exactly where the straightforward splitter does.

The reference below is the splitter as first written: generators, ``match.group`` per test and
the last word read from up to forty characters back. The fast one must agree on every text.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator

from hypothesis import example, given, settings
from hypothesis import strategies as st

from plainlang.readability.segment import (
    _ABBREVIATIONS,
    _BOUNDARY,
    _CODE_WORD,
    _HAS_WORD,
    _LAST_WORD,
    _NUMBER_ABBREVIATIONS,
    split,
)

# plainlang.readability re-exports the function segment under the module's name.
segment_module = importlib.import_module("plainlang.readability.segment")


def _reference_split(text: str) -> Iterator[tuple[int, int]]:
    begin = 0
    for match in _BOUNDARY.finditer(text):
        if match.group("term") is not None and not _reference_ends(text, match):
            continue
        yield from _reference_trimmed(
            text, begin, match.end() if match.group("hard") is None else match.start()
        )
        begin = match.end()
    yield from _reference_trimmed(text, begin, len(text))


def _reference_ends(text: str, match: re.Match[str]) -> bool:
    following = text[match.end() : match.end() + 40].lstrip()
    if following[:1].islower() and not _CODE_WORD.match(following):
        return False
    if match.group("term") != ".":
        return True
    word = _LAST_WORD.search(text, max(0, match.start() - 40), match.start())
    last = word.group(0).lower() if word else ""
    if last in _NUMBER_ABBREVIATIONS:
        return not following[:1].isdigit()
    if last in _ABBREVIATIONS:
        return False
    return not (len(last) == 1 and text[match.start() - 1].isupper() and following[:1].isupper())


def _reference_trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if _HAS_WORD.search(text, start, end):
        yield start, end


# Words that make the splitter decide something: abbreviations (in any case, some with a number
# after), initials, code words, long words, and every kind of boundary and closing mark.
_PIECES = st.sampled_from(
    [
        *sorted(_ABBREVIATIONS),
        "E.G",
        "Approx",
        "NO",
        "İ",
        "J",
        "mRNA",
        "pH",
        "word",
        "Another",
        "immunotherapy",
        "approximately",
        "xapprox",
        "2.5",
        "12",
        ".",
        "...",
        "!",
        "?",
        "…",
        "。",
        ":",
        ";",
        '"',
        "”",
        ")",
        "]",
        "(",
        "[",
        "'",
        "‘",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        " \n \n",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=1500)
@given(_TEXTS)
@example("See e.g. Table 2. Then J. Smith.")
@example("Take no. 5 of them. No. Then vol. II.")
def test_fast_split_cuts_where_the_reference_splitter_does(text: str) -> None:
    assert list(split(text)) == list(_reference_split(text))


@given(st.text(max_size=200))
def test_fast_split_agrees_with_the_reference_on_any_text(text: str) -> None:
    assert list(split(text)) == list(_reference_split(text))


# Text rich in what the three patterns look for: boundaries, markers, digits, addresses.
_SCANNED = st.lists(
    st.sampled_from(
        [
            "a",
            "w",
            "www.",
            "://",
            "@",
            "12345",
            "1",
            "[",
            "\r",
            ":",
            ";",
            ". ",
            "…",
            "。",
            "\n",
            " ",
            "\t",
            '"',
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=800)
@given(st.one_of(_SCANNED, st.text(max_size=80)))
def test_patterns_led_by_a_first_character_lookahead_match_what_their_forms_match(text: str) -> None:
    for fast, forms in (
        (segment_module._BOUNDARY, segment_module._BOUNDARY_FORMS),
        (segment_module._MAYBE_SPLIT_OR_CLEANED, segment_module._MAYBE_SPLIT_OR_CLEANED_FORMS),
        (segment_module._MAYBE_CLEANED, segment_module._MAYBE_CLEANED_FORMS),
    ):
        plain = re.compile(forms)
        found = [(m.span(), m.lastgroup) for m in fast.finditer(text)]
        assert found == [(m.span(), m.lastgroup) for m in plain.finditer(text)]
