"""The pure-Python tokenizer and token table, held to spaCy: its PhraseMatcher and its tokenizer.

The matcher no longer runs spaCy (see ``plainlang.explain.matcher``). These tests prove the fast
path equal to what spaCy did, on every ClinicalTrials.gov record text in ../shared/data:
- over the same tokens, the token trie finds exactly the (start, end, key) hits of spaCy's
  ``PhraseMatcher`` (attr LOWER for terms and aliases, ORTH for abbreviations);
- with spaCy's own tokenizer in place of ours, the matcher finds exactly the same terms, so
  what our tokenizer leaves out (spaCy's special cases) changes no match.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import require_shared, shared_records
from hypothesis import given
from hypothesis import strategies as st

from plainlang.explain import Glossary
from plainlang.explain.coverage import record_texts
from plainlang.explain.matcher import CompiledMatcher, Hit, PatternKey, blank_english
from plainlang.explain.tokens import Token, tokenize


def _corpus_texts() -> Iterator[str]:
    require_shared()
    for folder in ("ctgov-v2", "ctgov-classic"):
        for path in shared_records(folder, "*.json"):
            yield from record_texts(json.loads(path.read_text("utf-8")))


def _spacy_tokens(text: str) -> list[Token]:
    return [(token.idx, token.idx + len(token.text)) for token in blank_english().tokenizer(text)]


# Our one infix that spaCy lacks (see plainlang.explain.tokens): a closing bracket glued to a
# slash and a letter, "(CR)/Complete", is cut before and after the slash.
_BRACKET_SLASH = re.compile(r"(?<=[^\W_])[)\]](?=/[^\W\d_])|(?<=[)\]])/(?=[^\W\d_])")


def _spacy_tokens_bracket_slash(text: str) -> list[Token]:
    """spaCy's tokens, each then cut by ``_BRACKET_SLASH`` as ours are."""
    tokens: list[Token] = []
    for start, end in _spacy_tokens(text):
        at = start
        for cut in _BRACKET_SLASH.finditer(text, start, end):
            if cut.start() > at:
                tokens.append((at, cut.start()))
            tokens.append(cut.span())
            at = cut.end()
        if at < end:
            tokens.append((at, end))
    return tokens


def _key_name(key: PatternKey) -> str:
    return f"{key.term_index}:{int(key.written)}:{int(key.abbreviation)}"


class _SpacyOracle:
    """spaCy's PhraseMatcher over the patterns of a compiled matcher."""

    def __init__(self, matcher: CompiledMatcher) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        nlp = blank_english()
        self.vocab = nlp.vocab
        self.doc = Doc
        self.keys: dict[int, PatternKey] = {}
        self.words = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.abbreviations = PhraseMatcher(nlp.vocab, attr="ORTH")
        for table, phrase_matcher in (
            (matcher.word_patterns, self.words),
            (matcher.abbreviation_patterns, self.abbreviations),
        ):
            by_key: dict[PatternKey, list[Any]] = {}
            for words, keys in table.items():
                for key in keys:
                    by_key.setdefault(key, []).append(Doc(nlp.vocab, words=list(words)))
            for key, docs in by_key.items():
                self.keys[nlp.vocab.strings.add(_key_name(key))] = key
                phrase_matcher.add(_key_name(key), docs)

    def hits(self, text: str, tokens: list[Token]) -> tuple[set[Hit], set[Hit]]:
        doc = self.doc(self.vocab, words=[text[s:e] for s, e in tokens])
        return (
            {(self.keys[k], s, e) for k, s, e in self.words(doc)},
            {(self.keys[k], s, e) for k, s, e in self.abbreviations(doc)},
        )


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


def test_token_trie_finds_exactly_what_spacy_phrasematcher_finds_on_every_record_text(
    glossary: Glossary,
) -> None:
    texts = list(_corpus_texts())
    matcher = glossary.matcher
    oracle = _SpacyOracle(matcher)
    hits = 0
    for text in texts:
        tokens = tokenize(text)
        words, abbreviations = matcher.phrase_hits(text, tokens)
        expected_words, expected_abbreviations = oracle.hits(text, tokens)
        assert (set(words), set(abbreviations)) == (expected_words, expected_abbreviations), text[:200]
        assert len(words) == len(set(words)) and len(abbreviations) == len(set(abbreviations))
        hits += len(words) + len(abbreviations)
    assert len(texts) > 1000 and hits > 10000  # the corpus was really searched


def test_matcher_finds_the_same_terms_with_spacy_tokenizer_on_every_record_text(glossary: Glossary) -> None:
    texts = list(_corpus_texts())
    with_spacy = CompiledMatcher(glossary.terms, tokenizer=_spacy_tokens_bracket_slash)
    found = 0
    for text in texts:
        ours = glossary.matcher.find(text)
        assert ours == with_spacy.find(text), text[:200]
        found += len(ours)
    assert found > 10000


@pytest.mark.parametrize(
    "text",
    [
        "FLT3-ITD and FLT3 ITD and flt3-itd.",
        "Relapsed/refractory AML (R/R AML), that is after 7+3 or 5mg/m2.",
        "People with B-ALL, T-ALL or ALL; not all of them.",
        "Non-Hodgkin's lymphoma; Hodgkin’s disease and the U.S. Food and Drug Administration.",
        "COVID-19 (SARS-CoV-2) was seen at ClinicalTrials.gov and www.example.com/a-b.",
        "  Leading blanks\n\nand a\tgap  here \n end",
        "“Quoted” (nested (twice)) ... and…ellipsis -- dash—dash",
        "CD4+ T cells, ER+, HER2/neu, BCR::ABL1, t½, 95% and 1,500/µL",
    ],
)
def test_tokens_are_spacy_blank_english_tokens(text: str) -> None:
    assert tokenize(text) == _spacy_tokens(text)


def test_a_bracket_glued_to_a_slash_and_a_word_is_cut_where_spacy_keeps_one_token() -> None:
    # "(CR)/Complete remission with ...": spaCy reads "CR)/Complete" as one token, so neither
    # the abbreviation CR nor the term after the slash is found; we cut at ")" and "/"
    text = "response (CR)/Complete remission and x]/y but not a)/5"
    assert [text[s:e] for s, e in tokenize(text)] == [
        *("response", "(", "CR", ")", "/", "Complete", "remission", "and", "x", "]", "/", "y"),
        *("but", "not", "a)/5"),
    ]
    assert "CR)/Complete" in [text[s:e] for s, e in _spacy_tokens(text)]
    assert tokenize(text) == _spacy_tokens_bracket_slash(text)


def test_spacy_special_cases_are_left_out() -> None:
    # the known difference (see plainlang.explain.tokens): spaCy keeps "and/or" whole by a
    # special case; both sides of a match are tokenized alike, so no match changes
    assert [("and/or"[s:e]) for s, e in tokenize("and/or")] == ["and", "/", "or"]
    assert _spacy_tokens("and/or") == [(0, 6)]


_TEXT = st.text(
    alphabet=st.sampled_from(list("aAzZ09 \n\t-–/.,:;!?()[]\"'’“”+%$°½µé&*#_=<>~`")) | st.characters(),
    max_size=80,
)


@given(_TEXT)
def test_tokens_reassemble_to_the_text_with_exact_offsets(text: str) -> None:
    pieces = []
    position = 0
    for start, end in tokenize(text):
        assert position <= start < end <= len(text)
        gap = text[position:start]
        # between tokens: nothing, or the one space spaCy keeps as a token's trailing space
        # (a leading space is a token of its own)
        assert gap == "" or (gap == " " and position > 0)
        pieces.append(gap + text[start:end])
        position = end
    tail = text[position:]
    assert tail == "" or (tail == " " and position > 0)
    assert "".join(pieces) + tail == text


@given(_TEXT)
def test_whitespace_tokens_are_whole_runs_and_other_tokens_hold_no_whitespace(text: str) -> None:
    for start, end in tokenize(text):
        piece = text[start:end]
        assert piece.isspace() or not any(ch.isspace() for ch in piece)
