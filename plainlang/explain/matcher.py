"""Finding glossary terms in text: token tries with spaCy's PhraseMatcher semantics, without spaCy.

Text and glossary forms are split into the same tokens (``tokens``: spaCy's blank English
tokenizer rules, re-implemented). Two tries over lower-case tokens hold the patterns: one for
terms and aliases (with the inflected and US/UK variants from ``variants``), one for
abbreviations, whose exact text is then checked, so "ALL" the leukemia matches and "all" does
not, and "AML" only ever matches a whole token. A match is a run of text tokens equal to a
pattern's tokens: exactly what spaCy's ``PhraseMatcher`` (attr LOWER for words, ORTH for
abbreviations) finds over the same tokens.

Overlaps resolve to the longest match ("event-free survival" over "survival"), then to forms
written in a pack over generated variants, then to the earlier term. Matches that cut into a
protected span (URL, e-mail, id, number, code, quotation) are dropped.

Why not spaCy itself. Measured with ``benchmarks/explain_speed.py`` (1,000 words of registry
text, all 8 packs, 972 terms): spaCy's tokenizer took 1.5 ms per text, and building the 7,585
pattern Docs plus ``PhraseMatcher.add`` ~0.3 s per glossary, against targets of 2 ms for a
whole explain and 150 ms for a cold load + compile. The tries compile in ~40 ms of CPU with
everything else (variants included, ~75 ms cold), search 1,000 words in ~0.15 ms, and
``import plainlang.explain`` no longer imports spaCy.

With 1,642 terms (9 packs) compiling took ~120 ms cold; the tables are now plain ints, strings,
lists and dicts (``tables``), so the built-in packs' tables ship precompiled in
``glossaries/builtin-index.marshal`` and load in ~3 ms (``plainlang.explain.index``); other
packs are compiled as before (~100 ms cold for the built-in ones, the collector paused).

How we know nothing changed. ``tests/explain/test_tokens.py`` holds, on every
ClinicalTrials.gov record text in ../shared/data: the tries find the same (start, end, key)
hits as spaCy's PhraseMatcher over the same tokens, and this matcher run on spaCy's own
tokenizer finds the same terms as on ours. Before merging, ``find`` and ``explain`` in all
four styles gave identical output to the spaCy version on all 4,139 record and glossary texts.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from plainlang._gc import collector_paused
from plainlang.explain.packs import Term
from plainlang.explain.spans import SpanSet, protected_spans
from plainlang.explain.tokens import Token, stretches
from plainlang.explain.tokens import tokenize as tokenize_text
from plainlang.explain.variants import participle_forms, phrase_variants


@dataclass(frozen=True)
class TermMatch:
    """One place a glossary term occurs: ``text[start:end] == surface``."""

    term: str  # the glossary entry's main form
    start: int
    end: int
    surface: str
    is_abbreviation: bool


_new = object.__new__


def _term_match(term: str, start: int, end: int, surface: str, is_abbreviation: bool) -> TermMatch:
    """``TermMatch(...)``, made without the frozen dataclass's ``__init__``.

    That ``__init__`` sets each field through ``object.__setattr__``, 0.6 µs a match; filling
    the instance dict directly takes 0.25 µs, and a 1,000-word text has ~300 matches. The
    result is the same object (fields, equality, hash, repr): ``tests/explain`` compares them.
    """
    match = _new(TermMatch)
    fields = match.__dict__
    fields["term"] = term
    fields["start"] = start
    fields["end"] = end
    fields["surface"] = surface
    fields["is_abbreviation"] = is_abbreviation
    return match


@dataclass(frozen=True)
class PatternKey:
    """What a pattern stands for: a term (by index), written in a pack or generated."""

    term_index: int
    written: bool  # a form written in the pack, not a generated variant
    abbreviation: bool
    # an abbreviation's exact tokens, checked once its lower case has matched
    words: tuple[str, ...] = field(default=(), compare=False)
    rank: int = field(default=0, compare=False)  # see __post_init__

    def __post_init__(self) -> None:
        # among matches of one length: written forms first, then the earlier term
        object.__setattr__(self, "rank", (0 if self.written else 1 << 30) + self.term_index)


@functools.cache
def blank_english() -> Any:
    """The spaCy blank English pipeline (tokenizer only), made once: it takes ~0.1 s.

    Matching no longer needs it; it stays for the tests that hold the token table to spaCy's
    PhraseMatcher, and for benchmarks that time spaCy.
    """
    import spacy

    return spacy.blank("en")


Words = tuple[str, ...]
Hit = tuple["PatternKey", int, int]  # a pattern's key, and the tokens [start, end) it covers
# A trie over tokens: each node holds the ids of the keys of the patterns ending there (indexes
# into the matcher's key table) and the next tokens. Plain ints, strings, lists and dicts, so a
# compiled table can be stored with marshal and loaded as it is (``tables``, ``from_tables``).
TrieNode = tuple[list[int], dict[str, "TrieNode"]]
# The compiled tables in marshal-able form: the keys as (term index, written, abbreviation,
# exact words), the trie of word patterns and the trie of abbreviations (lower case).
Tables = tuple[tuple[tuple[int, bool, bool, Words], ...], dict[str, TrieNode], dict[str, TrieNode]]
# A stretch's tokens, word hits and (exact-checked) abbreviation hits, offsets within the stretch.
# The tokens are kept flat (start, end, start, end, ...): one tuple of ints, not a tuple per
# token, so the memo holds a few objects per stretch and the garbage collector's count of
# long-lived objects barely grows (with a tuple per token, 1,000 pages added ~100,000 and set
# off a full collection, ~0.2 ms a page of the run).
Stretched = tuple[tuple[int, ...], tuple[Hit, ...], tuple[Hit, ...]]
# How many stretch texts a matcher remembers (``_stretched``): the 307 pages written from
# ../shared/data hold ~5,700 distinct blocks; past the bound the memo starts again.
_STRETCH_MEMO = 32768

_TWO_CAPITALS = re.compile("[A-Z][A-Z]")
_SIMPLE_PHRASE = re.compile(r"(?:[a-z]+|[0-9]+)(?: (?:[a-z]+|[0-9]+))*")


def _words(text: str, tokens: Sequence[Token]) -> Words:
    return tuple([text[s:e] for s, e in tokens])


def _lower_words(text: str, tokens: Sequence[Token]) -> list[str]:
    """Each token in lower case, as spaCy's LOWER: ``token.lower()``, token by token.

    Lower-casing the whole text once is the same for ASCII; other scripts have letters whose
    lower case depends on their neighbours (Greek final sigma), so those go token by token.
    Only the capital sigma's lower case depends on its neighbours, and only "İ" changes length
    (lower case never shortens a character): a text without "Σ" whose lower case keeps its
    length is lower-cased once too (most registry texts hold a "≥" or "µ" and are not ASCII).
    """
    if text.isascii():
        low = text.lower()
        return [low[s:e] for s, e in tokens]
    if "Σ" not in text:
        low = text.lower()
        if len(low) == len(text):
            return [low[s:e] for s, e in tokens]
    return [text[s:e].lower() for s, e in tokens]


def _trie(patterns: dict[Words, list[PatternKey]], ids: dict[int, int]) -> dict[str, TrieNode]:
    """The trie of ``patterns``, each key stored as its id (``ids``: by ``id()`` of the key)."""
    root: dict[str, TrieNode] = {}
    for words, keys in patterns.items():
        children = root
        node: TrieNode | None = None
        for word in words:
            node = children.get(word)
            if node is None:
                node = children[word] = ([], {})
            children = node[1]
        assert node is not None  # patterns are never empty
        node[0].extend([ids[id(key)] for key in keys])
    return root


def _search(trie: dict[str, TrieNode], words: Sequence[str], table: Sequence[PatternKey]) -> list[Hit]:
    """Every (key, start, end) whose pattern equals ``words[start:end]``, overlaps included."""
    found: list[Hit] = []
    count = len(words)
    # the few tokens that start a pattern, found in one comprehension, then walked
    for i in [i for i, word in enumerate(words) if word in trie]:
        node: TrieNode | None = trie[words[i]]
        end = i + 1
        while node is not None:
            keys, children = node
            for key in keys:
                found.append((table[key], i, end))
            if not children or end >= count:
                break
            node = children.get(words[end])
            end += 1
    return found


def _longest_first(hit: Hit) -> tuple[int, int, int]:
    """Sort key of hits: longest first, then written forms, then the earlier term, then start."""
    key, start, end = hit
    return start - end, key.rank, start


_token_start = itemgetter(0)


def _touched(tokens: Sequence[Token], spans: SpanSet) -> list[bool]:
    """For each token, whether it overlaps one of ``spans``."""
    touched = [False] * len(tokens)
    for start, end in spans:
        # tokens from the last one starting at or before the span's start, to the span's end
        i = max(bisect_right(tokens, start, key=_token_start) - 1, 0)
        while i < len(tokens) and tokens[i][0] < end:
            if tokens[i][1] > start:
                touched[i] = True
            i += 1
    return touched


def _select(
    candidates: list[Hit],
    tokens: Sequence[Token],
    crosses: Callable[[int, int], bool] | None,
    touched: list[bool],
) -> list[tuple[int, int, PatternKey]]:
    """The candidates kept, as (start char, end char, key): greedily, the longest first, then
    written forms, then the earlier term, each kept unless it overlaps one kept before or
    ``crosses`` a protected span (asked only for tokens ``touched`` marks)."""
    # longest first, then written forms, then the earlier term; then keep what fits. A
    # one-token candidate only meets others on its own token, where the best ranked one
    # wins: those (most) are picked per token instead of sorted, after the longer ones.
    longer: list[Hit] = []
    single: dict[int, PatternKey] = {}
    for hit in candidates:
        key, start, end = hit
        if end - start == 1:
            held = single.get(start)
            if held is None or key.rank < held.rank:  # on a tie the first, as a stable sort
                single[start] = key
        else:
            longer.append(hit)
    longer.sort(key=_longest_first)
    taken = [False] * len(tokens)
    kept: list[tuple[int, int, PatternKey]] = []
    for key, start, end in longer:
        if True in taken[start:end]:
            continue
        start_char = tokens[start][0]
        end_char = tokens[end - 1][1]
        if crosses is not None and True in touched[start:end] and crosses(start_char, end_char):
            continue
        taken[start:end] = [True] * (end - start)
        kept.append((start_char, end_char, key))
    for start, key in single.items():
        if taken[start]:
            continue
        start_char, end_char = tokens[start]
        if crosses is not None and touched[start] and crosses(start_char, end_char):
            continue
        kept.append((start_char, end_char, key))
    return kept


class CompiledMatcher:
    """The phrase tables for a list of terms, and the search over a text."""

    # lower-case tokens -> keys, and exact tokens -> keys: set when compiled, worked out on
    # first use when made ``from_tables`` (see ``__getattr__``)
    word_patterns: dict[Words, list[PatternKey]]
    abbreviation_patterns: dict[Words, list[PatternKey]]

    def __init__(self, terms: Sequence[Term], tokenizer: Callable[[str], list[Token]] | None = None) -> None:
        """Tables for ``terms``; ``tokenizer`` replaces ``tokens.tokenize`` (the tests pass spaCy's)."""
        with collector_paused():
            self._compile(terms, tokenizer)

    def _compile(self, terms: Sequence[Term], tokenizer: Callable[[str], list[Token]] | None) -> None:
        self._setup(terms, tokenizer)
        patterns = self.word_patterns = self._word_patterns()
        by_lower = self._abbreviation_tables()
        # every key object once in the table, in the order first met; a trie holds their ids
        table: list[PatternKey] = []
        ids: dict[int, int] = {}
        for keys in (*patterns.values(), *by_lower.values()):
            for key in keys:
                if id(key) not in ids:
                    ids[id(key)] = len(table)
                    table.append(key)
        self._keys = tuple(table)
        self._words_trie = _trie(patterns, ids)
        self._abbreviations_trie = _trie(by_lower, ids)

    def _setup(self, terms: Sequence[Term], tokenizer: Callable[[str], list[Token]] | None) -> None:
        self.terms = tuple(terms)
        self._tokenize = tokenizer or tokenize_text
        # plain phrases are split on spaces without the tokenizer: only true of our own
        self._simple_phrases = tokenizer is None
        self._abbreviation_set = frozenset(a for t in terms for a in t.abbreviations)
        self._has_terms: dict[str, bool] = {}  # memo of has_terms, bounded by its callers
        self._stretch_memo: dict[str, Stretched] = {}  # see _stretched, bounded by _STRETCH_MEMO

    @classmethod
    def from_tables(cls, terms: Sequence[Term], tables: Tables) -> CompiledMatcher:
        """A matcher for ``terms`` from tables ``tables()`` gave for the same terms and code.

        The caller vouches that they match (``plainlang.explain.index`` checks a digest of
        the packs and of the modules that build the tables); nothing is recompiled.
        """
        self = cls.__new__(cls)
        self._setup(terms, None)
        keys, words_trie, abbreviations_trie = tables
        self._keys = tuple(
            PatternKey(index, written, abbreviation, tuple(words))
            for index, written, abbreviation, words in keys
        )
        self._words_trie = words_trie
        self._abbreviations_trie = abbreviations_trie
        return self

    def tables(self) -> Tables:
        """The compiled tables as plain values (``marshal`` can store them)."""
        keys = tuple((k.term_index, k.written, k.abbreviation, k.words) for k in self._keys)
        return keys, self._words_trie, self._abbreviations_trie

    def __getattr__(self, name: str) -> Any:
        # A matcher made from stored tables works out its pattern tables only when asked (the
        # tests hold them to spaCy's PhraseMatcher); matching never needs them.
        if name == "word_patterns":
            self.word_patterns = self._word_patterns()
            return self.word_patterns
        if name == "abbreviation_patterns":
            self._abbreviation_tables()
            return self.abbreviation_patterns
        raise AttributeError(name)

    def _claimed(self) -> dict[str, PatternKey]:
        """Each lower-case form and variant, and the key of the term that claims it.

        Written forms claim their text first, so a generated variant never takes a real form
        of another term away; within a kind the earlier term wins.
        """
        claimed: dict[str, PatternKey] = {}
        for index, term in enumerate(self.terms):
            key = PatternKey(index, True, False)
            for form in term.forms:
                claimed.setdefault(form.lower().strip(), key)
        # a variant made through a stem guessed from a participle ("lactated" from "lactating")
        # comes after every other variant: the term that writes the stem ("lactate") claims it
        guessed: list[tuple[str, PatternKey]] = []
        for index, term in enumerate(self.terms):
            key = PatternKey(index, False, False)
            for form in term.forms:
                weak = participle_forms(form)
                for variant in phrase_variants(form):
                    if weak and variant in weak:
                        guessed.append((variant, key))
                    else:
                        claimed.setdefault(variant, key)
        for variant, key in guessed:
            claimed.setdefault(variant, key)
        return claimed

    def _abbreviation_tables(self) -> dict[Words, list[PatternKey]]:
        """Sets ``abbreviation_patterns`` (exact tokens); returns the same by lower-case tokens,
        with keys that carry the exact tokens to check."""
        split = self._tokenize
        abbreviations: dict[Words, list[PatternKey]] = {}
        by_lower: dict[Words, list[PatternKey]] = {}
        for index, term in enumerate(self.terms):
            key = PatternKey(index, True, True)
            for abbreviation in term.abbreviations:
                tokens = split(abbreviation)
                words = _words(abbreviation, tokens)
                if words and key not in abbreviations.setdefault(words, []):
                    abbreviations[words].append(key)
                    exact = PatternKey(index, True, True, words)
                    by_lower.setdefault(tuple(_lower_words(abbreviation, tokens)), []).append(exact)
        self.abbreviation_patterns = abbreviations
        return by_lower

    def _word_patterns(self) -> dict[Words, list[PatternKey]]:
        """Lower-case token sequences, tokenized as the text would be in capitals too.

        The tokens of a form can depend on its case (spaCy split "itd" like "it'd" but kept
        "ITD" whole), so each form is also tokenized in capitals, and "FLT3 ITD" matches
        however the text writes it.
        """
        patterns: dict[Words, list[PatternKey]] = {}
        split = self._tokenize
        for text, key in self._claimed().items():
            if self._simple_phrases and _SIMPLE_PHRASE.fullmatch(text):
                # words of ASCII letters or of digits are one token each, in any case: most
                # forms, spared the tokenizer
                spelled_words = [tuple(text.split(" "))]
            else:
                spelled_words = [
                    tuple(_lower_words(spelled, split(spelled))) for spelled in (text, text.upper())
                ]
            for words in spelled_words:
                if words and key not in patterns.setdefault(words, []):
                    patterns[words].append(key)
        return patterns

    def phrase_hits(self, text: str, tokens: Sequence[Token]) -> tuple[list[Hit], list[Hit]]:
        """Every (key, start token, end token) where a word pattern (on lower case) and an
        abbreviation pattern (exact) equal the tokens: what PhraseMatcher LOWER and ORTH find."""
        lower = _lower_words(text, tokens)
        words = _search(self._words_trie, lower, self._keys)
        short = _search(self._abbreviations_trie, lower, self._keys)
        # Abbreviations are looked up by their lower case too, the exact text checked for the
        # few tokens found: cheaper than the exact text of every token.
        abbreviations = []
        for hit in short:
            key, start, end = hit
            if end - start == 1:  # most abbreviations: one token, no zip
                s, e = tokens[start]
                if text[s:e] == key.words[0]:
                    abbreviations.append(hit)
            elif all(text[s:e] == word for (s, e), word in zip(tokens[start:end], key.words, strict=True)):
                abbreviations.append(hit)
        return words, abbreviations

    def candidates(self, text: str, tokens: Sequence[Token]) -> list[Hit]:
        """The hits that may become matches: abbreviations in a run of capitals are not."""
        found, abbreviations = self.phrase_hits(text, tokens)
        return self._outside_capitals(text, tokens, found, abbreviations)

    def _outside_capitals(
        self, text: str, tokens: Sequence[Token], found: list[Hit], abbreviations: Sequence[Hit]
    ) -> list[Hit]:
        for hit in abbreviations:
            if not self._in_capitals(text, tokens, hit[1], hit[2]):
                found.append(hit)
        return found

    def _in_capitals(self, text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
        """True when the abbreviation sits in a run of capitals ("ALL PATIENTS MUST ...").

        Text in capitals uses "ALL" as a word, so an abbreviation there proves nothing.
        """
        # Such a word is two capitals A-Z in a row at least: when the text on neither side
        # holds two (most abbreviations), there is nothing to count.
        left = tokens[max(start - 3, 0)][0]
        right = tokens[min(end + 3, len(tokens)) - 1][1]
        if _TWO_CAPITALS.search(text, left, tokens[start][0]) is None and (
            end >= len(tokens) or _TWO_CAPITALS.search(text, tokens[end][0], right) is None
        ):
            return False
        # words of two or more capitals A-Z that are not abbreviations themselves
        shouting = 0
        for s, e in (*tokens[max(start - 3, 0) : start], *tokens[end : end + 3]):
            if e - s > 1:
                w = text[s:e]
                if w.isupper() and w.isascii() and w.isalpha() and w not in self._abbreviation_set:
                    shouting += 1
        return shouting >= 2

    def forget(self) -> None:
        """Drop what the matcher remembers by text, so the next texts cost a first sight
        (benchmarks that must not be answered from a memo call it; results never change)."""
        self._has_terms.clear()
        self._stretch_memo.clear()

    def has_terms(self, text: str) -> bool:
        """Whether ``text`` holds a term; remembered, for the few texts asked again and again.

        The replace style asks it of a term's plain word at every use of the term: only
        glossary texts are asked, so the memo stays as small as the glossary.
        """
        known = self._has_terms.get(text)
        if known is None:
            known = self._has_terms[text] = bool(self.find(text))
        return known

    def _stretched(self, text: str) -> tuple[list[Token], list[Hit], list[Hit]]:
        """``tokenize(text)`` and ``phrase_hits`` on it, put together from the text's stretches
        (``tokens.stretches``), each tokenized and searched once and remembered by its text.

        The same as the straightforward path (``tests/explain/test_stretch_memo.py`` holds them
        equal): a stretch's tokens are its own, shifted; no pattern holds a whitespace token,
        so no hit spans a gap; lower case token by token is what ``_lower_words`` gives. Word
        hits come first, in order of their first token, then the abbreviation hits, as
        ``phrase_hits`` returns them. What looks across stretches (an abbreviation in a run of
        capitals, protected spans, overlaps) is still judged on the whole text.
        """
        memo = self._stretch_memo
        tokens: list[Token] = []
        words: list[Hit] = []
        short: list[Hit] = []
        for start, end, chunks in stretches(text):
            if not chunks:
                tokens.append((start, end))
                continue
            part = text[start:end] if start or end != len(text) else text
            known = memo.get(part)
            if known is None:
                if len(memo) >= _STRETCH_MEMO:
                    memo.clear()
                own = tokenize_text(part)
                found, abbreviations = self.phrase_hits(part, own)
                flat = tuple(itertools.chain.from_iterable(own))
                memo[part] = (flat, tuple(found), tuple(abbreviations))
                if not start and not tokens:  # the first stretch, at 0: its own are the text's
                    tokens, words, short = own, found, abbreviations
                    continue
                known = memo[part]
            flat, found_words, found_short = known
            base = len(tokens)
            bounds = iter(flat)
            tokens.extend([(s + start, e + start) for s, e in zip(bounds, bounds, strict=True)])
            if base:
                words.extend([(key, i + base, j + base) for key, i, j in found_words])
                short.extend([(key, i + base, j + base) for key, i, j in found_short])
            else:
                words.extend(found_words)
                short.extend(found_short)
        return tokens, words, short

    def find(self, text: str, protected: SpanSet | None = None) -> tuple[TermMatch, ...]:
        """Every non-overlapping term occurrence in ``text``, in order."""
        if not text:
            return ()
        if self._simple_phrases:  # our own tokenizer: stretches remembered by their text
            tokens, found, abbreviations = self._stretched(text)
            candidates = self._outside_capitals(text, tokens, found, abbreviations)
        else:
            tokens = self._tokenize(text)
            candidates = self.candidates(text, tokens)
        if not candidates:
            return ()
        guard = protected if protected is not None else SpanSet(protected_spans(text))
        crosses = guard.crosses if guard else None
        # tokens touching a protected span: only a candidate holding one can cross a span
        touched = _touched(tokens, guard) if crosses is not None else []
        kept = _select(candidates, tokens, crosses, touched)
        kept.sort(key=_token_start)  # by start character (itemgetter: no Python call per item)
        terms = self.terms
        chosen: list[TermMatch] = []
        append = chosen.append
        for start, end, key in kept:
            # _term_match(...) inline: a text has hundreds of matches
            match = _new(TermMatch)
            fields = match.__dict__
            fields["term"] = terms[key.term_index].term
            fields["start"] = start
            fields["end"] = end
            fields["surface"] = text[start:end]
            fields["is_abbreviation"] = key.abbreviation
            append(match)
        return tuple(chosen)
