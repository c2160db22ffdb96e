"""The shortcuts taken for speed answer exactly what the plain versions they replace answer."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from plainlang.explain.apply import _at_sentence_start, _open_parenthesis
from plainlang.explain.matcher import PatternKey
from plainlang.explain.spans import _PROTECTED_KINDS, SpanSet, protected_spans, sentence_start
from plainlang.explain.usage import _DEFINING_VERB

_SENTENCEY = st.text(alphabet=st.sampled_from(list("aZ1 \n\t.!?)(-*•#x")), max_size=30)


@given(_SENTENCEY, st.data())
def test_at_sentence_start_agrees_with_sentence_start(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(text)))
    assert _at_sentence_start(text, position) == (sentence_start(text, position) == position)


def _open_parenthesis_by_scanning(text: str, position: int) -> int | None:
    """The former definition: scan the line from its start for every question."""
    line_start = text.rfind("\n", 0, position) + 1
    depth = 0
    for ch in text[line_start:position]:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    if not depth:
        return None
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    for at in range(position, line_end):
        if text[at] == "(":
            depth += 1
        elif text[at] == ")":
            depth -= 1
            if not depth:
                return at
    return position


@given(st.text(alphabet=st.sampled_from(list("ab ()\n")), max_size=40), st.data())
def test_open_parenthesis_agrees_with_scanning_the_line(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(text)))
    assert _open_parenthesis(text, position) == _open_parenthesis_by_scanning(text, position)


_NUMBER_AS_WRITTEN_FIRST = re.compile(r"(?<![\w.])\d+(?:[.,:/-]\d+)*%?")


@given(st.text(alphabet=st.sampled_from(list("a1.9-,:/%_ xé٣")), max_size=30))
def test_number_pattern_finds_what_the_lookbehind_first_pattern_found(text: str) -> None:
    numbers = next(pattern for test, pattern in _PROTECTED_KINDS if test == "")
    expected = [m.span() for m in _NUMBER_AS_WRITTEN_FIRST.finditer(text)]
    assert [m.span() for m in numbers.finditer(text)] == expected
    assert set(expected) <= set(protected_spans(text))


_REGISTRIES = [
    "ACTRN",
    "ChiCTR",
    "CTRI",
    "DRKS",
    "JPRN",
    "KCT",
    "NTR",
    "PACTR",
    "IRCT",
    "TCTR",
    "RBR",
    "SLCTR",
]
_REGISTRY_AND_NUMBERS = st.lists(
    st.sampled_from(
        [*"a1.9-_ x/%٣", "CT", "12345678", "2.5", "2020-123456-12", "NCT01234567", "é"]
        # each registry prefix, and each with an id after it
        + [f"{prefix}{id_}" for prefix in _REGISTRIES for id_ in ("", "1", "-2/3")]
    ),
    max_size=12,
).map("".join)


@given(_REGISTRY_AND_NUMBERS)
def test_protected_spans_with_prefilters_find_what_every_pattern_finds(text: str) -> None:
    # each kind run only when its test finds a sign of it, and ASCII texts' numbers as [0-9]
    expected = sorted(
        span for _, pattern in _PROTECTED_KINDS for span in (m.span() for m in pattern.finditer(text))
    )
    assert protected_spans(text) == tuple(expected)


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 10)), max_size=8),
    st.integers(0, 70),
    st.integers(0, 12),
)
def test_spanset_crosses_is_overlap_without_containment(
    spans: list[tuple[int, int]], start: int, length: int
) -> None:
    pieces = SpanSet((s, s + n) for s, n in spans)
    end = start + length
    merged = list(pieces)
    expected = any(s < end and start < e and not (start <= s and e <= end) for s, e in merged)
    assert pieces.crosses(start, end) == expected


_WHITESPACE = st.sampled_from([" ", "  ", "\n", "\t", "\xa0", "\u2009", "\r\n", " \n "])
_BLANKY = st.lists(
    st.sampled_from(["word", "AML", "(a)", "x,", "1.5", "COVID-19", *"  \n\t"]) | _WHITESPACE
).map("".join)


@given(_BLANKY)
def test_tokenize_without_the_gap_search_gives_what_the_gap_search_gives(text: str) -> None:
    from plainlang.explain import tokens

    if "  " not in text and text.isprintable():  # the shortcut's test: then there is no gap
        assert tokens._GAP.search(text) is None
    assert tokens.tokenize(text) == _tokenize_searching_gaps(text)


def _tokenize_searching_gaps(text: str) -> list[tuple[int, int]]:
    """tokens.tokenize as it was: the gap search always run."""
    from plainlang.explain.tokens import _GAP, chunk_tokens

    out: list[tuple[int, int]] = []
    position = 0
    for gap in [*_GAP.finditer(text), None]:
        start = position
        stop = gap.start() if gap is not None else len(text)
        if start < stop:
            if start == 0 and text[0] == " ":
                out.append((0, 1))
                start = 1
            for chunk in text[start:stop].split(" "):
                if chunk:
                    out.extend((start + s, start + e) for s, e in chunk_tokens(chunk))
                start += len(chunk) + 1
        if gap is not None:
            start, position = gap.span()
            if start and text[start] == " ":
                start += 1
            if start < position:
                out.append((start, position))
    return out


@given(
    st.lists(st.sampled_from(["Words", "WORDS", "wordſ", "to", "know", "KNOW", "\n", "# ", " ", "**"])).map(
        "".join
    )
)
def test_words_to_know_prefilter_never_hides_a_section(text: str) -> None:
    from plainlang.explain.usage import _WORDS_TO_KNOW, words_to_know_span

    assert (words_to_know_span(text) is None) == (_WORDS_TO_KNOW.search(text) is None)


@given(st.lists(st.sampled_from(["a", "b.", "(c)", " ", "  ", "\n", "\t"])).map("".join), st.data())
def test_explanation_piece_prefilter_never_hides_an_occurrence(text: str, data: st.DataObject) -> None:
    from plainlang.explain.usage import _Pieces

    start = data.draw(st.integers(0, len(text)))
    sentence = text[start : data.draw(st.integers(start, len(text)))]
    assert _Pieces(text).may_hold(sentence)  # every part of the text may be there
    other = data.draw(st.lists(st.sampled_from(["a", "zz", "b.", " ", "\n"])).map("".join))
    if other in text:
        assert _Pieces(text).may_hold(other)


def test_explanation_piece_prefilter_rules_out_a_sentence_whose_inner_word_is_missing() -> None:
    from plainlang.explain.usage import _Pieces

    text = "Complete remission means no sign of the cancer."
    assert not _Pieces(text).may_hold("Remission means the illness went away.")
    assert _Pieces(text).may_hold("remission means no sign")


@given(st.text(alphabet=st.sampled_from(list("a@:/w. 1x")), max_size=40), st.data())
def test_address_end_prefilter_agrees_with_the_search(text: str, data: st.DataObject) -> None:
    from plainlang.explain.apply import _ADDRESS_END, _ends_in_address

    end = data.draw(st.integers(0, len(text)))
    assert _ends_in_address(text, end) == (_ADDRESS_END.search(text, max(end - 2048, 0), end) is not None)


def _select_by_sorting(
    candidates: list[tuple[PatternKey, int, int]],
    tokens: list[tuple[int, int]],
    crosses: Callable[[int, int], bool] | None,
    touched: list[bool],
) -> list[tuple[int, int, PatternKey]]:
    """The former selection: every candidate sorted, longest first, then kept if it fits."""
    taken = [False] * len(tokens)
    kept = []
    for key, start, end in sorted(candidates, key=lambda c: (c[1] - c[2], c[0].rank, c[1])):
        if True in taken[start:end]:
            continue
        start_char, end_char = tokens[start][0], tokens[end - 1][1]
        if crosses is not None and True in touched[start:end] and crosses(start_char, end_char):
            continue
        taken[start:end] = [True] * (end - start)
        kept.append((start_char, end_char, key))
    return kept


@given(
    st.lists(st.tuples(st.integers(0, 5), st.booleans(), st.integers(0, 11), st.integers(1, 3)), max_size=25),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6)), max_size=3),
)
def test_selecting_one_token_matches_per_token_keeps_what_sorting_every_candidate_kept(
    raw: list[tuple[int, bool, int, int]], protected: list[tuple[int, int]]
) -> None:
    from plainlang.explain.matcher import _select, _touched

    tokens = [(i * 4, i * 4 + 3) for i in range(14)]
    candidates = [
        (PatternKey(term, written, False), start, min(start + length, len(tokens)))
        for term, written, start, length in raw
    ]
    guard = SpanSet((s, s + n) for s, n in protected)
    crosses = guard.crosses if guard else None
    touched = _touched(tokens, guard) if guard else []
    kept = sorted(_select(list(candidates), tokens, crosses, touched), key=lambda k: k[0])
    expected = sorted(_select_by_sorting(candidates, tokens, crosses, touched), key=lambda k: k[0])
    assert [(s, e, k.term_index, k.written) for s, e, k in kept] == [
        (s, e, k.term_index, k.written) for s, e, k in expected
    ]


def _in_capitals_by_counting(
    text: str, tokens: list[tuple[int, int]], start: int, end: int, known: frozenset[str]
) -> bool:
    """The former definition: every neighbouring token's text looked at."""
    near = [text[s:e] for s, e in (*tokens[max(start - 3, 0) : start], *tokens[end : end + 3])]
    shouting = [
        w for w in near if len(w) > 1 and w.isupper() and w.isascii() and w.isalpha() and w not in known
    ]
    return len(shouting) >= 2


@given(
    st.lists(
        st.sampled_from(["ALL", "AML", "PATIENTS", "Must", "of", "É", "ÉÉ", "A1", "(", "CEM", "IV", "x"]),
        min_size=1,
        max_size=12,
    ),
    st.data(),
)
def test_capitals_prefilter_never_hides_a_run_of_capitals(words: list[str], data: st.DataObject) -> None:
    from plainlang.explain import Glossary

    matcher = Glossary.load().matcher
    text = " ".join(words)
    tokens = []
    at = 0
    for word in words:
        tokens.append((at, at + len(word)))
        at += len(word) + 1
    start = data.draw(st.integers(0, len(tokens) - 1))
    end = data.draw(st.integers(start + 1, len(tokens)))
    expected = _in_capitals_by_counting(text, tokens, start, end, matcher._abbreviation_set)
    assert matcher._in_capitals(text, tokens, start, end) == expected


@given(st.lists(st.sampled_from(["a", "b.", " ", "\n", "\t", "\n\n", " \n"])).map("".join), st.data())
def test_one_paragraph_means_paragraph_of_is_the_whole_text(text: str, data: st.DataObject) -> None:
    from plainlang.explain.spans import one_paragraph, paragraph_of

    if one_paragraph(text):
        position = data.draw(st.integers(0, len(text)))
        assert paragraph_of(text, position) == (0, len(text))


_SENTENCE_END_AS_WRITTEN_FIRST = re.compile(r"[.!?](?:[\"'”’)\]]*)(?=\s|$)|\n")


@given(st.text(alphabet=st.sampled_from(list("a.!?\n \t\"')]”’x")), max_size=30), st.data())
def test_sentence_end_pattern_finds_what_the_alternation_first_pattern_found(
    text: str, data: st.DataObject
) -> None:
    from plainlang.explain.spans import _SENTENCE_END

    position = data.draw(st.integers(0, len(text)))
    found = _SENTENCE_END.search(text, position)
    expected = _SENTENCE_END_AS_WRITTEN_FIRST.search(text, position)
    assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group()))


def _scan_as_before(
    text: str, glossary: object
) -> tuple[list[tuple[object, bool, bool]], list[tuple[int, int]]]:
    """usage.scan as it was: each first use looks through every later use of its term."""
    from plainlang.explain.spans import SpanSet, heading_spans
    from plainlang.explain.usage import _explanation_spans, words_to_know_span

    matches = glossary.matcher.find(text)  # type: ignore[attr-defined]
    headings = SpanSet(heading_spans(text))
    skip: list[tuple[int, int]] = []
    done: set[str] = set()
    wtk = words_to_know_span(text)
    if wtk is not None:
        skip.append(wtk)
        done.update(m.term for m in matches if wtk[0] <= m.start < wtk[1])
    uses = []
    for index, m in enumerate(matches):
        if any(s <= m.start < e for s, e in skip) or (headings and headings.overlaps(m.start, m.end)):
            continue
        if m.term in done:
            uses.append((m, False, False))
            continue
        done.add(m.term)
        later = [o for o in matches[index + 1 :] if o.term == m.term]
        spans = _explanation_spans(text, glossary, m, later)  # type: ignore[arg-type]
        skip.extend(spans)
        uses.append((m, True, bool(spans)))
    return uses, skip


_DEFINING_PIECES = st.sampled_from(
    [
        "AML",
        "refractory",
        "Refractory",
        "placebo",
        " means a thing.",
        " is the drug.",
        " (did not get better)",
        " (AML)",
        " was seen.",
        "\n\n",
        "\n",
        " ",
        "# Heading ",
        "Words to know\n",
        "A placebo is a fake medicine.",
    ]
)


@given(st.lists(_DEFINING_PIECES, max_size=14).map("".join))
def test_scan_looking_only_at_uses_before_a_defining_verb_finds_what_scanning_every_use_found(
    text: str,
) -> None:
    from plainlang.explain import Glossary
    from plainlang.explain.usage import scan

    glossary = Glossary.load()
    uses, skip = scan(text, glossary)
    expected_uses, expected_skip = _scan_as_before(text, glossary)
    assert [(u.match, u.first, u.explained) for u in uses] == expected_uses
    assert skip == expected_skip


def _sentence_start_stepping_back(text: str, position: int) -> int:
    """The former sentence_start: a step back a character at a time to the boundary."""
    from plainlang.explain.spans import _CITED_END, _LIST_NUMBER

    i = position
    while i > 0:
        ch = text[i - 1]
        if ch == "\n":
            break
        if ch in ".!?" and (i == len(text) or text[i].isspace()):
            break
        if ch == "]" and (i == len(text) or text[i].isspace()) and _CITED_END.search(text, max(i - 24, 0), i):
            break
        i -= 1
    while i < position and (text[i].isspace() or text[i] in "-*+•>#"):
        i += 1
    m = _LIST_NUMBER.match(text, i, position)
    return m.end() if m else i


_CITED = st.lists(st.sampled_from([*"a .!?]\n[-1", ".[1] ", "[2,3]", "? "]), max_size=20).map("".join)


@given(_CITED, st.data())
def test_sentence_start_jumping_between_stops_finds_what_stepping_back_found(
    text: str, data: st.DataObject
) -> None:
    position = data.draw(st.integers(0, len(text)))
    assert sentence_start(text, position) == _sentence_start_stepping_back(text, position)


_ABBREVIATED = st.lists(
    st.sampled_from(
        [
            *"aA .)\"'”]",
            "e.g.",
            "etc.",
            "approx.",
            "Dr.",
            " vs.",
            "i.e",
            "No.",
            "al.",
            "incl",
            "St.",
            "y.",
            "x.",
            "\n",
        ]
    ),
    max_size=15,
).map("".join)


@given(_ABBREVIATED, st.data())
def test_not_an_end_searching_near_the_end_agrees_with_searching_the_whole_text(
    text: str, data: st.DataObject
) -> None:
    from plainlang.explain.fit import _NOT_AN_END, not_an_end

    end = data.draw(st.integers(0, len(text)))
    assert not_an_end(text, end) == (_NOT_AN_END.search(text, 0, end) is not None)


@given(st.text(alphabet=st.sampled_from([*"a1_—( )\n\t-é", "\u00a0", "\u2003"]), max_size=30))
def test_counting_words_with_one_pattern_counts_what_splitting_counted(text: str) -> None:
    from plainlang.explain.fit import words

    assert words(text) == sum(1 for token in text.split() if re.search(r"[^\W_]", token))


def _sentence_after_checking_spellings(
    name: str, aliases: tuple[str, ...], definition: str, surface: str
) -> str:
    from plainlang.explain.fit import means, opening
    from plainlang.explain.variants import spelling_variants

    plural = surface.lower().endswith("s") and not name.lower().endswith("s")
    written = not plural and any(surface.lower() in spelling_variants(form) for form in (name, *aliases))
    subject = surface if written else name
    if not subject[1:2].isupper():
        subject = subject[:1].upper() + subject[1:]
    definition = definition.strip().rstrip(".")
    return f"{opening(subject)} {means(subject, definition)} {definition}."


_FORMY = st.text(alphabet=st.sampled_from(list("aAsS -.eE")), min_size=1, max_size=12).filter(str.strip)


@given(
    _FORMY, st.lists(_FORMY, max_size=3).map(tuple), st.sampled_from(["a test.", "tests", "one"]), st.data()
)
def test_sentence_after_a_use_written_as_the_name_skips_the_spellings_and_says_the_same(
    name: str, aliases: tuple[str, ...], definition: str, data: st.DataObject
) -> None:
    from plainlang.explain.fit import _sentence_after

    surface = data.draw(st.sampled_from([name, name.lower(), name.upper(), *aliases]))
    assert _sentence_after.__wrapped__(
        name, aliases, definition, surface
    ) == _sentence_after_checking_spellings(name, aliases, definition, surface)


# _DEFINING_VERB as it was before its leading lookahead: the plain pattern it must agree with
_DEFINING_VERB_PLAIN = re.compile(
    r"(?:[ \t]*\([^()\n]*\))?[ \t]*[\"”’']?[ \t]+"
    r"(?:means?|refers to|stands for|is short for|describes"
    r"|(?:is|are)[ \t]+(?:a|an|the|when|how|what|where|one|some|any|cells?|medicines?)\b)\b",
    re.IGNORECASE,
)
_VERBISH = st.lists(
    st.sampled_from(
        [
            " ",
            "\t",
            "\n",
            "(",
            ")",
            '"',
            "”",
            "’",
            "'",
            "x",
            "AML",
            "means",
            "Mean",
            "refers to",
            "stands for",
            "is",
            "IS",
            "are",
            "a",
            "the",
            "cells",
            "describes",
            "ſ",
            "ı",
            "İ",
            "K",
            "é",
        ]
    ),
    max_size=12,
).map("".join)


@given(_VERBISH, st.data())
def test_defining_verb_lookahead_matches_what_the_plain_pattern_matches(
    text: str, data: st.DataObject
) -> None:
    position = data.draw(st.integers(0, len(text)))
    fast = _DEFINING_VERB.match(text, position)
    plain = _DEFINING_VERB_PLAIN.match(text, position)
    assert (fast and fast.span()) == (plain and plain.span())
