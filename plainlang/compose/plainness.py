"""The plainness gate: which rewritten registry sentences a patient page may carry.

Registry free text (intervention descriptions, eligibility criteria, outcome measures) is
written by and for researchers. Rewriting (``rewrite.py``) takes off boilerplate, swaps plain
words in and splits long sentences at safe joints, but it cannot make "Children should have an
adult carer in the household who is either." or a 90-word monitoring schedule readable. A
demanding publisher would rather print a short page a patient can read and say plainly that the
full record has more, than copy the record. So each registry unit (one registry sentence, or one
criterion bullet, with every piece rewriting made of it) goes through this gate, and is kept
whole or left out whole: the gate never edits text, so what it keeps is exactly what rewriting
produced, whose fidelity (numbers, negations, units, dates, ids) the rewrite tests prove.

A sentence passes when
- it has at most ``Profile.long_sentence_words`` words (the check's long-sentence limit);
- its hard words (three syllables or more, counted as the readability engine counts them)
  outside glossary terms are no more than ``hard_word_budget`` allows: glossary terms do not
  count, because the explain stage gives each its plain definition;
- every abbreviation in it is known to the glossary (explain spells it out) or spelled out by
  the record itself in the "Full Words (ABBR)" or "ABBR (Full Words)" pattern;
- it is a whole sentence, not a fragment that leads into a list ("...who is either.",
  "...one of the following:", "Taking part in the DART trial OR.");
- it has no wording the policy forbids ("cure", "breakthrough", "free drug").
What fails is counted, so the page can say how much more the record holds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from plainlang.compose.abbreviations import definitions_in, record_abbreviations
from plainlang.compose.cite import split_sentences
from plainlang.config import Profile
from plainlang.explain.fit import words
from plainlang.explain.glossary import Glossary
from plainlang.explain.matcher import TermMatch
from plainlang.explain.packs import Term
from plainlang.model import Trial
from plainlang.policy import Policy
from plainlang.readability.counts import token

# SMOG of one sentence with ``p`` polysyllables is 1.043 * sqrt(30 p) + 3.1291. A page meets the
# target when its sentences average few enough of them (0.73 per sentence for SMOG 8); our own
# wording averages about 0.4, and each explained term adds its own, so a registry sentence may
# carry the count at which a single sentence's SMOG is ``_GRADE_ROOM`` grades above the target:
# 1 hard word at the default target of 8. (With 2, measured on the 307 corpus pages, "Who can
# join" failed its grade on 110 pages instead of 67, for 0.4 more criteria shown per page.)
_GRADE_ROOM = 2.0
_OTHER_TRIAL = re.compile(r"\b(?:NCT\d{8}|ISRCTN\d{8}|\d{4}-\d{6}-\d{2})\b")
MAX_TERMS = 2  # glossary terms one registry sentence may bring, each with its explanation
_POLYSYLLABLE = 6  # index of the polysyllable flag in readability.counts.token's tuple

# Abbreviations as plainlang check finds them (2 to 5 capitals), minus words every reader knows.
# "R/R" (relapsed or refractory) counts; a product code ("PL-101", "KO-539") is a name, not an
# abbreviation to spell out: there are no full words to write.
_ABBREVIATION = re.compile(r"\b[A-Z](?:/[A-Z])+\b|\b[A-Z][A-Z0-9]{1,4}s?\b(?![-‐]?\d)")
_COMMON = frozenset(
    [
        "I",
        "US",
        "USA",
        "UK",
        "EU",
        "OK",
        "TV",
        "AM",
        "PM",
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "VIII",
        "IX",
        "XI",
        "XII",
        "A",
        "AN",
        "AND",
        "OR",
        "NOT",
        "NO",
        "THE",
        "FOR",
        "WITH",
        "TO",
        "OF",
        "IN",
        "ON",
        "AT",
        "BY",
        "IF",
        "IS",
        "BE",
        "ALL",
        "ANY",
        "NEW",
        "ONLY",
    ]
)
# A sentence that only leads into something the page does not show: a list or a choice.
_FRAGMENT_END = re.compile(
    r"(?:[:;,]|\b(?:either|or|and|nor|of|the|a|an|as|with|by|to|for|from|in|on|at|than|"
    r"following|below|including|include|includes|such as|e\.g|i\.e|is|are|be|who|which|that|if))\s*[.!?]?\s*$",
    re.IGNORECASE,
)
_FRAGMENT_WORD = 12  # longer than the longest word _FRAGMENT_END ends on ("following", "including")
# "...if any of the following apply.", "...as listed below:" lead into a list the page does not show
_LEADS_INTO_LIST = re.compile(r"\b(?:the following|as follows|below)\b\W*(?:\w+\W*){0,2}$", re.IGNORECASE)
# a list's own heading that the registry wrote as one of its items
_LIST_HEADING = re.compile(r"^(?:key\s+)?(?:inclusion|exclusion|eligibility)\s+criteria\b", re.IGNORECASE)
# a piece that starts with a lower-case word was cut from a sentence ("eGFR" is a name, not a cut)
# and a row of a table ("<12 months: treat all") starts with a comparison, not a subject.
_CUT_LEAD = re.compile(r"^(?:[a-z]+[\s,]|[<>≤≥=])")


@dataclass(frozen=True)
class Limits:
    """What a registry sentence may carry, from the profile's targets."""

    words: int
    hard_words: int

    @classmethod
    def from_profile(cls, profile: Profile) -> Limits:
        return cls(profile.long_sentence_words, hard_word_budget(profile.target_smog))


def hard_word_budget(target_smog: float) -> int:
    """The most polysyllables one sentence may hold: its own SMOG stays within ``_GRADE_ROOM``."""
    room = (target_smog + _GRADE_ROOM - 3.1291) / 1.043
    return max(int(room * room / 30), 0)


@dataclass(frozen=True)
class Reading:
    """What the gate learns about one sentence whatever the limits, so a gate with more room
    (``Gate.with_room``) judges it again without a second glossary scan.

    ``early`` is the first limit-free rule broken before the glossary scan ("fragment", "wording",
    "id"); when it is set, the scan is skipped and the later fields are left at their defaults.
    The rest is what the scan tells: a term whose printed definition the policy forbids, the
    words explain adds to spell abbreviations out, an abbreviation no one spells out, the hard
    words outside terms, and the glossary terms the sentence uses (by name; ``abbreviated``:
    those it writes only as an abbreviation, with the abbreviations).
    """

    words: int
    early: str = ""
    term_wording: bool = False
    expansion: int = 0
    abbreviation: bool = False
    hard: int = 0
    terms: frozenset[str] = frozenset()
    abbreviated: tuple[tuple[str, str], ...] = ()
    # the polysyllables inside each term's uses: a term the page explained before brings no
    # definition here, so its hard words count like any other (``verdict``)
    term_hard: tuple[tuple[str, int], ...] = ()

    def verdict(
        self, limits: Limits, explained: frozenset[str] = frozenset(), defined: frozenset[str] = frozenset()
    ) -> str:
        """The first rule broken, in the order ``rejection`` asks them.

        ``explained``: terms the page explains before the sentence ("In short" comes first):
        they bring no explanation along, so they do not count against ``MAX_TERMS``. A term
        written only as an abbreviation counts unless the record spells it out (``defined``:
        the page then writes its full words at its first use): explain would explain it again
        to spell it out ("PTSD" after "post-traumatic stress disorder").
        """
        if self.words > limits.words:
            return "long"
        if self.early:
            return self.early
        if self.term_wording:
            return "wording"
        if self.words + self.expansion > limits.words:
            return "long"
        if self.abbreviation:
            return "abbreviation"
        if not explained:
            if self.hard > limits.hard_words or len(self.terms) > MAX_TERMS:
                return "hard"
            return ""
        known = (explained & self.terms) - {term for term, short in self.abbreviated if short not in defined}
        hard = self.hard + sum(count for name, count in self.term_hard if name in known)
        if hard > limits.hard_words or len(self.terms - known) > MAX_TERMS:
            return "hard"
        return ""


@dataclass(frozen=True, eq=False)
class TermWording:
    """Which glossary terms explain would print with wording the policy forbids: a fact of the
    glossary and the policy, not of a page, so it is learned once per pair (``term_wording``)
    and each term is checked the first time a sentence uses it."""

    policy: Policy
    known: dict[str, bool] = field(default_factory=dict, repr=False)

    def says_forbidden(self, term: Term) -> bool:
        said = self.known.get(term.term)
        if said is None:
            said = self.known[term.term] = says_forbidden(term, self.policy)
        return said


@functools.lru_cache(maxsize=16)
def term_wording(glossary: Glossary, policy: Policy) -> TermWording:
    """The term-wording table of one glossary under one policy (glossaries compare by identity)."""
    return TermWording(policy)


def says_forbidden(term: Term, policy: Policy) -> bool:
    """True when the term's definition or explanation, as explain would print them, holds
    wording the policy forbids (checked sentence by sentence, as check reads them)."""
    said = (f"{term.term} means {term.definition}", *split_sentences(term.explanation or ""))
    return any(policy.forbidden_in(text) for text in said)


@dataclass(frozen=True)
class Gate:
    """The gate for one page: limits, glossary, policy and the abbreviations the record spells out."""

    limits: Limits
    glossary: Glossary
    policy: Policy
    defined: frozenset[str] = frozenset()
    language: str = "en"
    # the abbreviations the record spells out, with their words (``record_abbreviations``), for
    # the page's abbreviation table: collected once per record, here
    spelled: tuple[tuple[str, str], ...] = ()
    # the glossary terms the page explains before any registry sentence the gate is asked
    # about (the "In short" section's, ``explaining_first``): a rule that uses one again brings
    # no explanation along, so the term does not count against ``MAX_TERMS``
    explained: frozenset[str] = frozenset()
    # Per page, shared by the gates ``with_room`` makes (and only by them: a reading depends on
    # the glossary, policy and ``defined``): what each sentence was read to hold (a sentence is
    # asked about several times: as a unit, as a piece, for the summary). Not part of equality.
    readings: dict[str, Reading] = field(default_factory=dict, init=False, compare=False, repr=False)

    def reason(self, sentence: str) -> str:
        """Why ``sentence`` may not go on the page, or "" when it may (what ``rejection`` says)."""
        reading = self.readings.get(sentence)
        if reading is None:
            count = words(sentence)
            if count > self.limits.words:
                return "long"  # the cheapest rule: nothing else is read
            reading = self.readings[sentence] = read(sentence, count, self)
        return reading.verdict(self.limits, self.explained, self.defined)

    def says_forbidden(self, term: Term) -> bool:
        """True when the term's definition or explanation, as explain would print them, holds
        wording the policy forbids (checked sentence by sentence, as check reads them)."""
        return self.term_wording.says_forbidden(term)

    @functools.cached_property
    def term_wording(self) -> TermWording:
        """The glossary's term-wording table under this gate's policy, shared across pages."""
        return term_wording(self.glossary, self.policy)

    def explaining_first(self, terms: Iterable[str]) -> Gate:
        """The same gate, told the terms the page explains before the sentences it judges."""
        told = replace(self, explained=self.explained | frozenset(terms))
        object.__setattr__(told, "readings", self.readings)  # readings do not depend on them
        return told

    def passes(self, sentence: str) -> bool:
        return not self.reason(sentence)

    def with_room(self, hard_words: int) -> Gate:
        """The same gate allowing ``hard_words`` more: for text a page cannot do without."""
        roomier = replace(self, limits=replace(self.limits, hard_words=self.limits.hard_words + hard_words))
        object.__setattr__(roomier, "readings", self.readings)  # readings do not depend on limits
        return roomier

    def unit(self, sentences: Sequence[str]) -> bool:
        """A unit (the pieces of one registry sentence, or a criterion) passes when all of it does."""
        return bool(sentences) and all(self.passes(s) for s in sentences)


def build_gate(
    profile: Profile, policy: Policy, trial: Trial | None = None, glossary: Glossary | None = None
) -> Gate:
    """The gate for one trial's page (``trial`` gives the abbreviations its record spells out;
    ``glossary`` is the one the page is explained with, by default the profile's)."""
    glossary = glossary if glossary is not None else Glossary.load(profile.glossaries)
    spelled = record_abbreviations(trial) if trial is not None else {}
    defined = frozenset(spelled)
    defined |= {short[:-1] for short in defined if short.endswith("s") and short[:-1].isupper()}
    return Gate(
        Limits.from_profile(profile), glossary, policy, defined, profile.language, tuple(spelled.items())
    )


def defined_abbreviations(texts: Iterable[str]) -> frozenset[str]:
    """Abbreviations these texts spell out ("Laboratory plus Clinical Monitoring (LCM)"), found as
    ``compose.abbreviations`` finds them, so the gate accepts what ``spell_out`` will spell out
    at its first use on the page; "TEAEs" also gives "TEAE", the form ``abbreviations`` reports."""
    found: set[str] = set()
    for text in texts:
        for short, _ in definitions_in(text):
            found.add(short)
            if short.endswith("s") and short[:-1].isupper():
                found.add(short[:-1])
    return frozenset(found)


def gated_units(units: Sequence[Sequence[str]], gate: Gate, most: int) -> tuple[list[str], int]:
    """The leading units that pass (at most ``most`` sentences), and how many units were left out.

    Only a leading run is kept: a later registry sentence often leans on one before it ("It is
    given..."), so once one is left out, so is the rest.
    """
    kept: list[str] = []
    for index, unit in enumerate(units):
        if not gate.unit(unit) or len(kept) + len(unit) > most:
            return kept, len(units) - index
        kept.extend(unit)
    return kept, 0


def rejection(sentence: str, gate: Gate) -> str:
    """The first rule ``sentence`` breaks ("long", "hard", "abbreviation", "fragment", "wording"), or ""."""
    return read(sentence, words(sentence), gate).verdict(gate.limits, gate.explained, gate.defined)


def read(sentence: str, count: int, gate: Gate) -> Reading:
    """What ``sentence`` (of ``count`` words) holds that the rules ask about, whatever the limits.

    The rules that need no glossary scan come first: a sentence they reject is not scanned.
    """
    if is_fragment(sentence):
        return Reading(count, "fragment")
    if gate.policy.forbids(sentence):
        return Reading(count, "wording")
    # another trial's id ("as in NCT00055523") points at a record the page does not cite
    if _OTHER_TRIAL.search(sentence):
        return Reading(count, "id")
    matches = gate.glossary.find(sentence)
    # explain will print each term's definition (or, inside parentheses, its explanation) beside
    # or after it: that must pass the policy too
    # ("curative" is fine; "meant to cure the disease" is a word the policy forbids)
    table = gate.term_wording
    # each term once, by name (hashing a Term hashes its whole entry)
    terms = {m.term: t for m in matches if (t := gate.glossary.get(m.term)) is not None}
    term_says = any(table.says_forbidden(term) for term in terms.values())
    # known: a glossary abbreviation, a capital run inside a glossary term ("CT" in "CT scan",
    # "COVID" in "COVID-19"), or one the record (or the sentence itself) spells out
    # (a definition needs a parenthesis: without one, the sentence defines nothing)
    known = {m.surface for m in matches if m.is_abbreviation} | gate.defined
    if "(" in sentence:
        known |= defined_abbreviations([sentence])
    inside = [(m.start, m.end) for m in matches]
    unknown = any(
        short not in known and not any(s <= start and end <= e for s, e in inside)
        for start, end, short in abbreviation_spans(sentence)
    )
    return Reading(
        count,
        term_wording=term_says,
        # explain writes an abbreviation's full words next to it on first use: count them too
        expansion=expansion_words(matches, gate.glossary),
        abbreviation=unknown,
        hard=hard_words(sentence, inside),
        term_hard=_term_hard(sentence, matches),
        # each term brings its explanation along: a rule with six terms becomes seven sentences
        # (unless the page explained it before: ``Gate.explained``)
        terms=frozenset(terms),
        abbreviated=_abbreviated(matches),
    )


def _abbreviated(matches: Sequence[TermMatch]) -> tuple[tuple[str, str], ...]:
    """(term, abbreviation) for each term the sentence writes only as an abbreviation."""
    spelled = {m.term for m in matches if not m.is_abbreviation}
    return tuple(
        sorted({(m.term, m.surface) for m in matches if m.is_abbreviation and m.term not in spelled})
    )


def _term_hard(sentence: str, matches: Sequence[TermMatch]) -> tuple[tuple[str, int], ...]:
    """(term, polysyllables in its uses) for each term with any, as ``hard_words`` counts them."""
    counts: dict[str, int] = {}
    for m in matches:
        inner = sum(token(raw)[_POLYSYLLABLE] for raw in sentence[m.start : m.end].split())
        if inner:
            counts[m.term] = counts.get(m.term, 0) + inner
    return tuple(counts.items())


def expansion_words(matches: Sequence[TermMatch], glossary: Glossary) -> int:
    """Words explain will add to spell out abbreviations whose full words are not already there."""
    spelled = {m.term for m in matches if not m.is_abbreviation}
    total = 0
    for match in matches:
        term = glossary.get(match.term) if match.is_abbreviation and match.term not in spelled else None
        if term is not None and term.term.lower() != match.surface.lower():
            total += words(term.term)
    return total


def abbreviations(sentence: str) -> list[str]:
    """Capital-letter abbreviations, as ``plainlang check`` finds them, without common ones."""
    return [short for _, _, short in abbreviation_spans(sentence)]


def abbreviation_spans(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, abbreviation) for each abbreviation, a plural's "s" taken off ("SAEs")."""
    found = []
    for m in _ABBREVIATION.finditer(sentence):
        word = m[0]
        bare = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
        if bare in _COMMON or not any(c.isalpha() for c in bare):
            continue
        found.append((m.start(), m.end(), bare))
    return found


def hard_words(sentence: str, skip: Sequence[tuple[int, int]] = ()) -> int:
    """Polysyllables (readability engine counts) outside the ``skip`` spans (glossary terms)."""
    text = sentence
    for start, end in sorted(skip, reverse=True):
        text = text[:start] + " " + text[end:]
    return sum(token(raw)[_POLYSYLLABLE] for raw in text.split())


def is_fragment(sentence: str) -> bool:
    """A piece that leads into a list or choice the page does not show, or was cut mid-sentence."""
    text = sentence.strip()
    # a parenthesis opened and not closed (or the reverse): the sentence was cut inside it
    unbalanced = text.count("(") != text.count(")") or text.count("[") != text.count("]")
    return (
        unbalanced
        or _FRAGMENT_END.search(text, _fragment_end_from(text)) is not None
        or any(p.search(text) for p in (_LEADS_INTO_LIST, _CUT_LEAD, _LIST_HEADING))
    )


def _fragment_end_from(text: str) -> int:
    """Where a ``_FRAGMENT_END`` match can start at the earliest: its word ends where the text's
    closing run of spaces and stops (. ! ?) begins (no word of it ends in one), and no word of it
    is longer than ``_FRAGMENT_WORD``. Searching from there, not from the start of a long
    sentence, is the speed; ``\\b`` still sees the character before (speed only)."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in ".!?"):
        end -= 1
    return max(end - _FRAGMENT_WORD, 0)


__all__ = [
    "Gate",
    "Limits",
    "Reading",
    "TermWording",
    "abbreviation_spans",
    "abbreviations",
    "build_gate",
    "defined_abbreviations",
    "expansion_words",
    "hard_word_budget",
    "hard_words",
    "is_fragment",
    "read",
    "rejection",
    "says_forbidden",
    "term_wording",
]
