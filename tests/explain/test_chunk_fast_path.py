"""The tokenizer's and matcher's fast paths: the chunk tokenizer's fast path for common chunks gives exactly the tokens of spaCy's rules.

``chunk_tokens`` answers a chunk such as "(AML)," or "event-free" from one pattern instead of
the prefix/suffix/infix loop (``rule_chunk_tokens``); these tests hold the two to each other on
generated chunks, on the traps of the rules, and on every chunk of every registry text; and
lower-casing a non-ASCII text once gives each token's own lower case; a phrase with no word to
respell gets the spelling variants the word-by-word path gives.
"""

from __future__ import annotations

import json

from conftest import require_shared, shared_records
from hypothesis import example, given
from hypothesis import strategies as st

from plainlang.explain.coverage import record_texts
from plainlang.explain.matcher import _lower_words
from plainlang.explain.tokens import _fast_chunk_tokens, chunk_tokens, rule_chunk_tokens, tokenize
from plainlang.explain.variants import _respelled_variants, _spelling_variants

# the characters the fast path reads, and some it must give up on
_ANY_CHUNK = st.text(
    alphabet=st.sampled_from(list("aAbBzZmMgsST09-/([\",;:)]?!.'%+$&_é<>=")), min_size=1, max_size=14
)
_CORE = st.lists(
    st.text(alphabet=st.sampled_from(list("aAZbmgsT059")), min_size=1, max_size=4),
    min_size=1,
    max_size=4,
)
_NUMBER = st.lists(
    st.text(alphabet=st.sampled_from(list("059")), min_size=1, max_size=3), min_size=2, max_size=4
)
_SHAPED = st.builds(
    lambda lead, core, ending, trail: lead + core + ending + trail,
    st.text(alphabet=st.sampled_from(list('(["<>=')), max_size=2),
    st.builds(
        lambda words, joints: "".join(w + j for w, j in zip(words, joints, strict=False)) + words[-1],
        _CORE,
        st.lists(st.sampled_from(["-", "/"]), max_size=3),
    )
    | st.builds(
        lambda numbers, joints: "".join(n + j for n, j in zip(numbers, joints, strict=False)) + numbers[-1],
        _NUMBER,
        st.lists(st.sampled_from([".", ",", ":"]), max_size=3),
    ),
    st.sampled_from(["", "", "%", "'s", "'S"]),
    st.text(alphabet=st.sampled_from(list(",;:)]\"'?!.")), max_size=3),
)


def _agrees(chunk: str) -> None:
    fast = _fast_chunk_tokens(chunk)
    if fast is not None:
        assert fast == rule_chunk_tokens(chunk), chunk
    assert chunk_tokens(chunk) == rule_chunk_tokens(chunk), chunk


@given(_ANY_CHUNK)
@example("DSM-V.")  # one capital before the full stop, after a hyphen: the rules keep "V."
@example("A.")
@example("AB.")
@example("5mg,")  # a unit after a number is a suffix
@example("10m/s")
@example("9M).")
@example("a-9-b")  # a hyphen before a digit is cut only after a digit
@example("1-2-3.")
@example("x..")
@example('(a".')
@example("a%")  # "%" is a suffix only after a digit
@example("9.9%.")
@example("Crohn'S.")  # one capital before the full stop
@example("1.2.3.4")  # an IP address: a URL, one token all the same
@example(">=18,")
def test_fast_chunk_tokens_equal_the_rule_loop_on_any_chunk(chunk: str) -> None:
    _agrees(chunk)


@given(_SHAPED)
def test_fast_chunk_tokens_equal_the_rule_loop_on_chunks_of_the_common_shape(chunk: str) -> None:
    _agrees(chunk)


@given(st.characters())
def test_a_chunk_of_one_character_is_one_token_by_the_rule_loop_too(character: str) -> None:
    if not character.isspace():
        assert rule_chunk_tokens(character) == chunk_tokens(character) == ((0, 1),)


def test_fast_chunk_tokens_equal_the_rule_loop_on_every_chunk_of_every_record_text() -> None:
    require_shared()
    chunks: set[str] = set()
    for folder in ("ctgov-v2", "ctgov-classic"):
        for path in shared_records(folder, "*.json"):
            for text in record_texts(json.loads(path.read_text("utf-8"))):
                chunks.update(text.split())
    answered = 0
    for chunk in chunks:
        fast = _fast_chunk_tokens(chunk) if chunk.isascii() else None
        if fast is not None:
            assert fast == rule_chunk_tokens(chunk), chunk
            answered += 1
    assert answered > len(chunks) // 2  # the fast path really answers most chunks


@given(st.text(alphabet=st.sampled_from(list("aA Σσςİi̇ΑΒß≥µé-.")) | st.characters(), max_size=30))
@example("a.Σ")  # the whole text's lower case ends in "ς", the token's alone is "σ"
@example("İa")  # "İ" lower-cased is two characters
def test_lower_words_of_a_text_lowered_once_are_each_token_lowered(text: str) -> None:
    tokens = tokenize(text)
    assert _lower_words(text, tokens) == [text[s:e].lower() for s, e in tokens]


_PHRASE_PIECES = st.sampled_from(
    ["leukemia", "anemia", "tumor", "Tumour", "randomized", "randomise", "labeled", "analyze",
     "center", "-", " ", "  ", "\t", "event", "free", "x", "IZE", "ization", "yses", "é", "e"]
)  # fmt: skip


@given(st.lists(_PHRASE_PIECES, max_size=8).map("".join))
@example("event-randomized")  # an ending before a hyphen is a word's ending once it is a blank
@example("tumor-free survival")
def test_spelling_variants_without_a_respelling_are_the_word_by_word_variants(phrase: str) -> None:
    base = phrase.lower().strip()
    expected = _respelled_variants({base, base.replace("-", " ")})
    assert _spelling_variants.__wrapped__(phrase) == expected
