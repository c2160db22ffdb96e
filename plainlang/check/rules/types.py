"""The closed set of rule types: existence, substitution, conditional, metric, required.

Each type is a small class that reads its parameters once and reports hits on a page. Most
rules need only patterns; where a rule needs domain knowledge (the policy's wording rules, the
glossary, the record a page was written from) its ``source`` parameter names one of the
built-in sources in ``sources.py``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from plainlang.check import jargon
from plainlang.check.page import Page, Span
from plainlang.check.rules import sources
from plainlang.check.rules.base import (
    Hit,
    Rule,
    alternatives,
    compile_pattern,
    finder,
    matcher,
    param,
    word_start,
)
from plainlang.errors import CheckError, Location
from plainlang.explain.names import in_name


def _source(params: Mapping[str, Any], table: Mapping[str, Any], where: Location) -> Any:
    name = param(params, "source", str, where)
    if name not in table:
        raise CheckError(
            f"unknown source {name!r}",
            Location(where.file, where.line, where.column, f"{where.field}.params.source"),
            hint="known: " + ", ".join(sorted(table)),
            code="K012",
        )
    return table[name]


def _kinds(params: Mapping[str, Any], where: Location) -> frozenset[str]:
    return frozenset(param(params, "blocks", list, where, ["heading", "paragraph", "item", "cell"]))


@dataclass(frozen=True)
class Existence(Rule):
    """Report every match of the patterns (or of a built-in source) in running text."""

    type_name = "existence"
    pattern: re.Pattern[str] | None = None
    source: sources.SpanSource | None = None
    kinds: frozenset[str] = frozenset()

    @classmethod
    def build(cls, common: dict[str, Any], params: Mapping[str, Any], where: Location) -> Rule:
        if "source" in params:
            return cls(
                **common, source=_source(params, sources.EXISTENCE, where), kinds=_kinds(params, where)
            )
        patterns = param(params, "patterns", list, where)
        joined = "|".join(f"(?:{p})" for p in patterns)
        for pattern in patterns:  # each alone first, so an error names the bad entry
            compile_pattern(pattern, where, "patterns")
        start = word_start(tuple(map(str, patterns)))  # where a match can start, for speed
        return cls(
            **common,
            pattern=compile_pattern(f"{start}(?:{joined})", where, "patterns"),
            kinds=_kinds(params, where),
        )

    def hits(self, page: Page) -> Iterator[Hit]:
        if self.source is not None:
            yield from self.source(page)
            return
        assert self.pattern is not None
        matches = matcher(self.pattern)
        for block in page.blocks:
            if block.kind in self.kinds:
                for match in matches(block.text):
                    yield Hit(Span(block, match.start(), match.end()), {"match": match[0]})


@dataclass(frozen=True)
class Substitution(Rule):
    """Report a word or phrase that has a plainer replacement, and suggest it."""

    type_name = "substitution"
    pattern: re.Pattern[str] | None = None  # every swap in one pattern, a group for each
    replacements: tuple[str, ...] = ()
    # The group of each swap: a swap's own groups shift the numbers of those after it.
    groups: tuple[int, ...] = ()

    @classmethod
    def build(cls, common: dict[str, Any], params: Mapping[str, Any], where: Location) -> Rule:
        table = param(params, "swap", dict, where)
        groups: list[int] = []
        number = 1
        for bad in table:  # each alone first, so an error names the bad entry
            groups.append(number)
            number += 1 + compile_pattern(bad, where, "swap").groups
        # One scan of a block finds every swap; the group that matched says which it was. The
        # word boundary stands outside the alternation, so the regex engine tries the swaps only
        # where a word starts (a third of the time of one boundary per swap, measured).
        start = word_start(tuple(rf"\b(?:{bad})" for bad in table))
        joined = start + "(?:" + "|".join(f"((?:{bad}))" for bad in table) + r")\b"
        return cls(
            **common,
            pattern=compile_pattern(joined, where, "swap"),
            replacements=tuple(map(str, table.values())),
            groups=tuple(groups),
        )

    def hits(self, page: Page) -> Iterator[Hit]:
        assert self.pattern is not None
        matches = matcher(self.pattern)
        for block in page.blocks:
            for match in matches(block.text):
                index = next(i for i, group in enumerate(self.groups) if match.start(group) >= 0)
                good = self.replacements[index]
                yield Hit(Span(block, match.start(), match.end()), {"match": match[0], "replacement": good})


_LONGEST_EXPLANATION = 300


@dataclass(frozen=True)
class Conditional(Rule):
    """Every match of ``first`` needs a match of ``second`` in the same sentence or block, or
    earlier on the page (``before``: at or before the first use), or in the reference list.
    ``{0}`` in ``second`` stands for the text ``first`` matched. Or a built-in ``source``."""

    type_name = "conditional"
    first: re.Pattern[str] | None = None
    second: str = ""
    scope: str = "sentence"
    ignore: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    source: sources.SpanSource | None = None
    ignorecase: bool = True
    # ``glossary: abbreviations``: what the glossary knows as an abbreviation is judged by the
    # glossary and the explain engine, the pattern judges only what the glossary does not know.
    glossary: bool = False
    shouting: bool = True  # False: a match in a run of words in capitals is not judged
    in_names: bool = True  # False: a match inside a proper name (``check.names``) is not judged
    # True: a match its full words stand right before ("retinopathy of prematurity ROP") is
    # satisfied, as with "(ROP)" after them (``jargon.written_out_before``)
    adjacent: bool = False
    # ``second`` compiled once when it does not name the match ({0}): then one search of a
    # sentence or block answers for every match in it.
    fixed: re.Pattern[str] | None = None
    # Every alternative of ``second`` holds the match itself ({0}): a satisfying text starts at
    # most _LONGEST_EXPLANATION characters before some use, so a search may begin there.
    anchored: bool = False

    @classmethod
    def build(cls, common: dict[str, Any], params: Mapping[str, Any], where: Location) -> Rule:
        if "source" in params:
            return cls(**common, source=_source(params, sources.CONDITIONAL, where))
        ignorecase = bool(param(params, "ignorecase", bool, where, True))
        flags = re.IGNORECASE if ignorecase else 0
        scope = param(params, "scope", str, where, "sentence")
        if scope not in ("sentence", "block", "before", "references"):
            raise CheckError(
                f"scope must be sentence, block, before or references, not {scope!r}",
                Location(where.file, where.line, where.column, f"{where.field}.params.scope"),
                code="K010",
            )
        second = param(params, "second", str, where)
        compile_pattern(second.replace("{0}", "x"), where, "second", flags)
        fixed = None if "{0}" in second else compile_pattern(second, where, "second", flags)
        anchored = all("{0}" in alternative for alternative in alternatives(second))
        return cls(
            **common,
            first=compile_pattern(param(params, "first", str, where), where, "first", flags),
            second=second,
            scope=scope,
            ignore=frozenset(str(w) for w in param(params, "ignore", list, where, [])),
            kinds=_kinds(params, where),
            ignorecase=ignorecase,
            glossary=_glossary(params, where),
            shouting=bool(param(params, "in_capitals", bool, where, True)),
            in_names=bool(param(params, "in_names", bool, where, True)),
            adjacent=bool(param(params, "after_full_words", bool, where, False)),
            fixed=fixed,
            anchored=anchored,
        )

    def _second(self, first: str) -> re.Pattern[str]:
        if self.fixed is not None:
            return self.fixed
        return _compiled(self.second.replace("{0}", re.escape(first)), self.ignorecase)

    def hits(self, page: Page) -> Iterator[Hit]:
        if self.source is not None:
            yield from self.source(page)
            return
        assert self.first is not None
        known, glossary_hits = sources.GLOSSARY_ABBREVIATIONS
        if self.glossary:
            yield from glossary_hits(page)
        if self.scope == "sentence":
            units: tuple[Span, ...] = page.sentences
        else:
            units = page.block_spans
        text, _ = page.joined
        references = " ".join(b.text for b in page.prose.references())
        seen: set[str] = set()
        done_blocks: set[int] = set()  # scope block: one finding per paragraph
        for unit, match, aside in self._uses(page, units):
            if id(unit.block) in done_blocks:
                continue
            found = match[0]
            key = found.lower() if self.ignorecase else found
            if found in self.ignore or (self.scope in ("before", "references") and key in seen):
                continue
            if self.glossary and (
                known(page, found)
                or jargon.in_longer_term(
                    page, page.joined_offset(unit, match.start()), page.joined_offset(unit, match.end())
                )
            ):
                continue
            if not self.shouting and _in_capitals(unit.text, match.start(), match.end()):
                continue
            if not self.in_names and in_name(
                jargon.abbreviation_names(page),
                page.joined_offset(unit, match.start()),
                page.joined_offset(unit, match.end()),
            ):
                continue
            seen.add(key)
            second = self._second(found)
            if self.scope in ("sentence", "block"):
                satisfied = second.search(unit.text) is not None
            elif self.scope == "references":
                satisfied = second.search(references) is not None
            else:  # before: an explanation that starts at or before this first use
                offset = page.joined_offset(unit, match.end())
                # An explanation must start at or before the first use; it is never longer
                # than _LONGEST_EXPLANATION characters, so the scan can stop there.
                earliest = second.search(text, self._search_from(text, found), offset + _LONGEST_EXPLANATION)
                satisfied = earliest is not None and earliest.start() <= offset
                # a heading or a label is left as written: the words may follow in its block
                satisfied = satisfied or (aside and second.search(unit.block.text) is not None)
            if not satisfied and self.adjacent:
                satisfied = jargon.written_out_before(unit.text[: match.start()], found)
            if not satisfied and self.scope == "before" and self.glossary:
                # "ABBR stands for ..." in the sentence right after, as the glossary rule takes
                # the explain stage's sentence after a name ("It tests VR training. VR stands
                # for virtual reality.")
                satisfied = jargon.stands_for_next(unit.block.text, match.end(), found)
            if not satisfied:
                yield Hit(unit.sub(match.start(), match.end()), {"match": found})
                if self.scope == "block":
                    done_blocks.add(id(unit.block))  # the paragraph needs one marker

    def _uses(self, page: Page, units: tuple[Span, ...]) -> Iterator[tuple[Span, re.Match[str], bool]]:
        """The matches of ``first`` in the order they are judged.

        With ``before``, a use in a heading or in an item's lead label comes after every use in
        running text, so it is judged only when the running text never uses the abbreviation:
        the explain stage leaves headings and labels as written and spells a term out at its
        first use in running text, and that is the use the check judges. Such a use comes
        with True: its block (the item after its label) may spell it out after it.
        """
        assert self.first is not None
        local = self.scope in ("sentence", "block")
        labels = jargon.label_spans(page) if self.scope == "before" else ()
        later: list[tuple[Span, re.Match[str], bool]] = []
        matches = matcher(self.first)
        fixed = finder(self.fixed) if local and self.fixed is not None else None
        for unit in units:
            if unit.block.kind not in self.kinds:
                continue
            if fixed is not None and fixed(unit.text):
                continue  # satisfied for every match in it
            aside = self.scope == "before" and unit.block.kind == "heading"
            for match in matches(unit.text):
                if aside or (
                    labels
                    and jargon.in_spans(
                        labels, page.joined_offset(unit, match.start()), page.joined_offset(unit, match.end())
                    )
                ):
                    later.append((unit, match, True))
                else:
                    yield unit, match, False
        yield from later

    def _search_from(self, text: str, found: str) -> int:
        """Where a search for an explanation of ``found`` may begin: every match of an anchored
        ``second`` holds a use of ``found`` and starts at most _LONGEST_EXPLANATION characters
        before it, so nothing starts before the first use less that. (Searching from the top of
        the page for every abbreviation was a fifth of the checker's rule time.)"""
        if not self.anchored:
            return 0
        if self.ignorecase:
            first_use = _compiled(re.escape(found), True).search(text)
            at = -1 if first_use is None else first_use.start()
        else:
            at = text.find(found)
        return 0 if at < 0 else max(0, at - _LONGEST_EXPLANATION)


@functools.lru_cache(maxsize=4096)
def _compiled(pattern: str, ignorecase: bool) -> re.Pattern[str]:
    """A pattern made from a match (``second`` with ``{0}`` filled in), compiled once per run:
    the ``re`` module's own cache holds 512 and a page brings dozens of abbreviations."""
    return re.compile(pattern, re.IGNORECASE if ignorecase else 0)


_CAPITALS_WORD = re.compile(r"[A-Z][A-Z'-]+")
_WORD = re.compile(r"[\w'-]+")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """True when two of the three words on either side are also in capitals: the text is
    shouted ("ALL PATIENTS MUST SIGN"), and a word in it is no abbreviation (as the glossary
    matcher reads it)."""
    before = _WORD.findall(text, max(0, start - 60), start)[-3:]
    after = _WORD.findall(text, end, end + 60)[:3]
    if sum(1 for w in (*before, *after) if _CAPITALS_WORD.fullmatch(w)) >= 2:
        return True
    return _shouted_words(text, start, end)


_NEXT_WORD = re.compile(r"[ ]+([A-Za-z'-]+)")
_WORD_BEFORE = re.compile(r"([A-Za-z'-]+)[ ]+$")


def _shouted_words(text: str, start: int, end: int) -> bool:
    """True when the match and the word right next to it are both everyday words written in
    capitals ("USUAL CARE", an arm's label): two words a reader says as words are shouted, not
    abbreviated. Two sets of letters ("HIV RNA", "LCM CARE") are still judged."""
    if not _spoken_word(text[start:end]):
        return False
    after = _NEXT_WORD.match(text, end)
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return any(
        found is not None and _CAPITALS_WORD.fullmatch(found[1]) is not None and _spoken_word(found[1])
        for found in (after, before)
    )


def _spoken_word(word: str) -> bool:
    """An English word said as a word, not letter by letter: the pronouncing dictionary knows it
    with fewer vowel sounds than letters ("CARE": one; "HIV": three, one for each letter)."""
    from plainlang._textstat import cmu_dictionary  # lazy: asked only for words in capitals

    letters = word.strip("'-").lower()
    if len(letters) < 3 or not letters.isalpha():
        return False
    sounds = cmu_dictionary().get(letters)
    if not sounds:
        return False
    vowels = min(sum(1 for phone in sound if phone[-1].isdigit()) for sound in sounds)
    return vowels < len(letters)


def _glossary(params: Mapping[str, Any], where: Location) -> bool:
    value = param(params, "glossary", str, where, "none")
    if value not in ("none", "abbreviations"):
        raise CheckError(
            f"glossary must be 'abbreviations' or 'none', not {value!r}",
            Location(where.file, where.line, where.column, f"{where.field}.params.glossary"),
            code="K010",
        )
    return bool(value == "abbreviations")


@dataclass(frozen=True)
class Metric(Rule):
    """A measure of the page, of each section or of each sentence must stay at or under a limit.

    ``limits`` maps a measure to a number or to the name of a Profile field (``target_smog``)."""

    type_name = "metric"
    limits: tuple[tuple[str, str | float], ...] = ()
    scopes: tuple[str, ...] = ()

    @classmethod
    def build(cls, common: dict[str, Any], params: Mapping[str, Any], where: Location) -> Rule:
        limits = param(params, "limits", dict, where)
        for measure in limits:
            if measure not in sources.MEASURES:
                raise CheckError(
                    f"unknown measure {measure!r}",
                    Location(where.file, where.line, where.column, f"{where.field}.params.limits"),
                    hint="known: " + ", ".join(sorted(sources.MEASURES)),
                    code="K012",
                )
        scopes = tuple(param(params, "scopes", list, where))
        for scope in scopes:
            if scope not in ("document", "section", "sentence"):
                raise CheckError(f"unknown scope {scope!r}", where, code="K010")
        return cls(**common, limits=tuple(limits.items()), scopes=scopes)

    def hits(self, page: Page) -> Iterator[Hit]:
        for measure, limit_ref in self.limits:
            limit = (
                float(getattr(page.profile, limit_ref)) if isinstance(limit_ref, str) else float(limit_ref)
            )
            for scope in self.scopes:
                for unit, name, value in sources.MEASURES[measure](page, scope):
                    if value > limit:
                        yield Hit(
                            unit,
                            {
                                "measure": name,
                                "value": _number(value),
                                "limit": _number(limit),
                                "scope": scope,
                            },
                        )


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


@dataclass(frozen=True)
class Required(Rule):
    """Each required text (or each from a built-in source) must be on the page, compared with
    white space, quotes and dashes made uniform."""

    type_name = "required"
    texts: tuple[str, ...] = ()
    source: sources.TextSource | None = None

    @classmethod
    def build(cls, common: dict[str, Any], params: Mapping[str, Any], where: Location) -> Rule:
        if "source" in params:
            return cls(**common, source=_source(params, sources.REQUIRED, where))
        return cls(**common, texts=tuple(str(t) for t in param(params, "texts", list, where)))

    def hits(self, page: Page) -> Iterator[Hit]:
        wanted = self.source(page) if self.source is not None else tuple(("text", t) for t in self.texts)
        page_text = " ".join(b.text for b in page.blocks)
        present: str | None = None
        for name, text in wanted:
            # Written exactly as required (a generated page): present, whatever normalising does
            # (it maps a part of the page to a part of the normalised page).
            if text in page_text:
                continue
            if present is None:
                present = sources.normalise(page_text)
            if sources.normalise(text) not in present:
                yield Hit(None, {"id": name, "text": text})


TYPES: dict[str, type[Rule]] = {
    t.type_name: t for t in (Existence, Substitution, Conditional, Metric, Required)
}
