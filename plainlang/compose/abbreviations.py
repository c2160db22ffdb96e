"""Abbreviations a record spells out itself, and spelling each one out at its first use on a page.

Registry text often defines an abbreviation once ("Laboratory plus Clinical Monitoring (LCM)")
and uses it bare elsewhere; a page that quotes the bare use first leaves the reader with letters
they cannot look up. ``record_abbreviations`` collects the definitions the record writes, in both
orders ("Full Words (ABBR)" and "ABBR (Full Words)"), matching the letters of the abbreviation to
the words in order, as Schwartz and Hearst's algorithm does (Pac Symp Biocomput 2003), so
"NNRTI (nevirapine or efavirenz)" is not taken for a definition. ``spell_out`` then makes the
first use of each on the page read "ABBR (full words)", unless the page already pairs them there.

Names (a site, a drug, a condition as entered: the sentence's ``keep`` phrases) are never changed;
a use inside a name does not count as spelled out, so the next use in running text is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from plainlang.explain import Glossary
from plainlang.explain.fit import opening
from plainlang.long_form import long_form_for
from plainlang.model import Block, Document, Passage, Sentence, Trial

# A short form: a letter, then letters, digits or dashes, with at least two capitals (LCM, CDM,
# mRNA, COVID-19); 2 to 10 characters.
_SHORT = r"[A-Za-z][A-Za-z0-9-]{1,9}"
_FULL_THEN_SHORT = re.compile(r"\(\s*(" + _SHORT + r")\s*[),;]")
_SHORT_THEN_FULL = re.compile(r"(?<![\w-])(" + _SHORT + r")\s*\(\s*([A-Za-z][^()]{3,120}?)\s*\)")
_BREAK = re.compile(r"[.;:()\[\]]")
_BREAK_CHARACTERS = ".;:()[]"  # the characters _BREAK matches


def _is_short_form(text: str) -> bool:
    if text[1:].islower():
        return False  # one capital at most: most words, answered without counting (speed only)
    capitals = sum(c.isupper() for c in text)
    return capitals >= 2 and capitals * 2 >= sum(c.isalpha() for c in text) and not text.isdigit()


def abbreviates(short: str, name: str) -> bool:
    """True when ``short`` is a short form of the whole of ``name`` ("OSA", "obstructive sleep
    apnea"): a record that lists both as conditions lists one illness twice."""
    return _is_short_form(short) and long_form_for(short, name) == name.strip(" ,")


# Words that are no part of a long form found by its initials alone ("levels in the" is no
# spelling-out of LIT): without parentheses, only content words count.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "the",
        "to",
        "was",
        "with",
    ]
)


def initials_in(short: str, texts: Iterable[str]) -> str | None:
    """The words in ``texts`` whose first letters are exactly the letters of ``short``: "perinatal
    mental health" for PMH, written in one field of a record and used bare in another. When
    several runs fit, the record's usual one wins if it is written at least twice as often as
    any other ("promote mental health", once, beside twenty "perinatal mental health"); None
    when no run fits or no run stands out.
    """
    letters = short.rstrip("s") if short.endswith("s") and short[:-1].isupper() else short
    if not letters.isalpha() or not letters.isupper() or not 2 <= len(letters) <= 5:
        return None
    pattern = re.compile(
        r"(?<![\w-])" + r"[ ]+".join(rf"{c}[a-z]+" for c in letters.lower()) + r"(?![\w-])", re.IGNORECASE
    )
    found = Counter(
        " ".join(m[0].split()).lower()
        for text in texts
        for m in pattern.finditer(text)
        if not any(w.lower() in _FUNCTION_WORDS for w in m[0].split())
    )
    ranked = found.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1] >= 2:
        return ranked[0][0]
    return None  # two runs about as common: which one the letters stand for is a guess


def definitions_in(text: str) -> Iterator[tuple[str, str]]:
    """(short form, long form) for each definition written in ``text``, in either order."""
    for match in _FULL_THEN_SHORT.finditer(text):
        short = match[1]
        if not _is_short_form(short):
            continue
        before = text[: match.start()]
        long = long_form_for(short, before[_after_last_break(before) :])
        if long is not None:
            yield short, long
    for match in _SHORT_THEN_FULL.finditer(text):
        short, inner = match[1], match[2]
        if not _is_short_form(short):
            continue
        long = long_form_for(short, inner)
        # the whole parenthesis must be the long form, not its last words
        if long is not None and long == inner.strip(" ,"):
            yield short, long


def _after_last_break(text: str) -> int:
    """Where the text after the last break (``_BREAK``) starts, 0 without one: searched from the
    end, not by matching every break of a long text again for each parenthesis (speed only)."""
    return max(map(text.rfind, _BREAK_CHARACTERS)) + 1


def _record_texts(trial: Trial) -> Iterator[str]:
    ident = trial.identification
    for field in (ident.brief_title, ident.official_title, ident.acronym):
        if field is not None:
            yield field.value
    yield from (c.value for c in trial.conditions)
    yield from (k.value for k in trial.keywords)
    yield from _passage(trial.brief_summary)
    yield from _passage(trial.detailed_description)
    for intervention in trial.interventions:
        yield intervention.name.value
        yield from (o.value for o in intervention.other_names)
        yield from _passage(intervention.description)
    for arm in trial.arms:
        yield arm.label.value
        yield from _passage(arm.description)
    for outcome in (*trial.primary_outcomes, *trial.secondary_outcomes):
        yield outcome.measure.value
        if outcome.time_frame is not None:
            yield outcome.time_frame.value
        yield from _passage(outcome.description)
    yield from _passage(trial.eligibility.criteria)


def _passage(passage: Passage | None) -> Iterable[str]:
    return (block.text for block in passage.blocks) if passage is not None else ()


def record_abbreviations(trial: Trial) -> dict[str, str]:
    """Each abbreviation the record spells out, with its first spelled-out form."""
    found: dict[str, str] = {}
    for text in _record_texts(trial):
        if "(" not in text:
            continue
        for short, long in definitions_in(text):
            found.setdefault(short, long)
    return found


_CANDIDATE = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9-]{1,9}(?![\w-])")


def glossary_forms(known: Iterable[str], glossary: Glossary) -> dict[str, tuple[str, ...]]:
    """For each abbreviation the glossary knows, the written forms of its term."""
    out: dict[str, tuple[str, ...]] = {}
    for short in known:
        entry = glossary.get(short)
        if entry is not None and short in entry.abbreviations:
            out[short] = entry.forms
    return out


def page_abbreviations(
    document: Document,
    trials: Sequence[Trial],
    glossary: Glossary,
    spelled: Sequence[Iterable[tuple[str, str]]] | None = None,
) -> dict[str, str]:
    """The abbreviations a page may spell out: each record's own (first record first), then the
    glossary's, for the abbreviations the page's text actually uses. ``spelled``: each record's
    ``record_abbreviations`` items when the caller has them already (they are not collected again)."""
    known: dict[str, str] = {}
    for found in spelled if spelled is not None else (record_abbreviations(t).items() for t in trials):
        for short, long in found:
            known.setdefault(short, long)
    labels = [b.label for section in document.sections for b in section.blocks if b.label]
    texts = [document.title, *labels, *(s.text for section in document.sections for s in section.sentences())]
    # each distinct word once: a page repeats most of its words (speed only)
    used = {word for word in {w for text in texts for w in _CANDIDATE.findall(text)} if _is_short_form(word)}
    for short in sorted(used - set(known)):
        entry = glossary.get(short)
        # "CD4 (CD4 cell)" says nothing: such terms are the explain stage's to define
        if entry is not None and short in entry.abbreviations and short not in entry.term:
            known[short] = entry.term
        elif entry is None:
            # never defined in parentheses, but written out in full somewhere in the record
            written = initials_in(short, (text for t in trials for text in _record_texts(t)))
            if written is not None:
                known[short] = written
    return {short: long for short, long in known.items() if short in used}


def _use_pattern(known: Iterable[str]) -> re.Pattern[str] | None:
    forms = sorted(set(known), key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _kept_spans(sentence: Sentence) -> list[tuple[int, int]]:
    spans = []
    for phrase in sentence.keep:
        at = sentence.text.find(phrase)
        while at >= 0:
            spans.append((at, at + len(phrase)))
            at = sentence.text.find(phrase, at + 1)
    return spans


def _paired(text: str, start: int, end: int) -> bool:
    """Already "full words (ABBR)" or "ABBR (...)" here: the page pairs them without our help."""
    after = text[end:].lstrip(" ")
    return after.startswith("(") or (text[:start].rstrip(" ").endswith("(") and after.startswith(")"))


def _in_parenthesis(text: str, at: int) -> bool:
    """``at`` is inside a parenthesis that is still open there ("Bone density (DXA scan)")."""
    before = text[:at]
    return before.count("(") > before.count(")")


def _spelled_in_label(label: str, start: int, end: int) -> bool:
    """The label itself spells it out: "Clinically Driven Monitoring (CDM)", "CDM (Clinically
    Driven Monitoring)"; a code after it ("GRA (REMD-477) Group") does not."""
    if label[:start].rstrip(" ").endswith("(") and label[end:].lstrip(" ").startswith(")"):
        return True
    return re.match(r"\s*\(\s*[A-Za-z][a-z]", label[end:]) is not None


def spell_out(
    document: Document, known: Mapping[str, str], glossary_forms: Mapping[str, tuple[str, ...]] = {}
) -> Document:
    """The document with the first use of each ``known`` abbreviation written "ABBR (full words)".

    Block labels are names (an arm's label): they are left as written, and a use there does not
    count. A first use inside a kept phrase of a sentence (a name) is left whole too, and a
    sentence after its own says "ABBR stands for full words." (the check takes that sentence as
    the explanation, as it does the explain stage's sentences after a name); so does a first
    use inside a parenthesis, which would otherwise get a parenthesis inside a parenthesis. An
    abbreviation the page uses only in labels ("**LSG Procedure**: This group gets ...") is
    spelled out in the first item that has it, by a sentence after the item's own: "LSG stands
    for laparoscopic sleeve gastrectomy." (the check reads a label as a heading: the reader
    meets it there first, and the explanation must be in the same item). One the glossary knows
    is left to the glossary, which, like the explain stage, does not judge a label.

    ``glossary_forms`` gives, for abbreviations the glossary knows, the written forms of its
    term. The explain stage spells such an abbreviation out itself at its first use ("intravenous
    (IV, given into a vein)") unless one of those forms came earlier on the page, so the
    abbreviation is left to it then: writing both would say it twice.
    """
    pattern = _use_pattern(known)
    if pattern is None:
        return document
    done: set[str] = set()
    earlier: list[str] = []
    in_text = {
        m[1] for section in document.sections for x in section.sentences() for m in pattern.finditer(x.text)
    }

    def explain_will(short: str, before: str) -> bool:
        forms = glossary_forms.get(short)
        if not forms:
            return False
        seen = " ".join([*earlier, before])
        # a plural counts: explain matches "Post-Traumatic stress disorders" as its term too,
        # and explains it there, so it would not spell the abbreviation out later
        return not any(re.search(rf"(?<!\w){re.escape(f)}(?:e?s)?(?!\w)", seen, re.IGNORECASE) for f in forms)

    after: list[str] = []  # "ABBR stands for ..." sentences to follow the sentence just fixed

    def fix(sentence: Sentence) -> Sentence:
        if not any(form not in done for form in pattern.findall(sentence.text)):
            return sentence
        kept = _kept_spans(sentence)
        pieces: list[str] = []
        last = 0
        text = sentence.text
        for match in pattern.finditer(text):
            short = match[1]
            if short in done:
                continue
            if _inside(kept, match.start(), match.end()):
                # a name is left whole, but the reader meets the letters here: the sentence
                # after says what they stand for, unless the words stand right before them
                # ("retinopathy of prematurity ROP") or the glossary knows them (explain does it)
                if short in glossary_forms:
                    continue
                done.add(short)
                written = text[: match.start()].rstrip().lower().endswith(known[short].lower())
                if not written and not _paired(text, match.start(), match.end()):
                    after.append(short)
                continue
            done.add(short)
            if _paired(text, match.start(), match.end()) or explain_will(short, text[: match.start()]):
                continue
            if _in_parenthesis(text, match.start()):
                # "(DXA (bone density scan) scan)" is hard to read: the sentence after says it
                after.append(short)
                continue
            pieces.append(text[last : match.end()])
            pieces.append(f" ({known[short]})")
            last = match.end()
        if not pieces:
            return sentence
        pieces.append(text[last:])
        return replace(sentence, text="".join(pieces))

    def stands_for(short: str) -> Sentence:
        # the abbreviation and its words are kept whole ("NPM1-m" gets no parenthesis inside)
        return Sentence(f"{opening(short)} stands for {known[short]}.", keep=(short, known[short]))

    def fix_and_remember(sentence: Sentence) -> list[Sentence]:
        fixed = fix(sentence)
        earlier.append(fixed.text)
        added = [stands_for(short) for short in after]
        after.clear()
        return [fixed, *added]

    def fix_block(block: Block) -> Block:
        # a label that pairs an abbreviation with its words ("Clinically Driven Monitoring
        # (CDM)") spells it out for the reader, who reads the label first
        label_only: list[str] = []
        for match in pattern.finditer(block.label):
            short = match[1]
            if _spelled_in_label(block.label, match.start(), match.end()):
                done.add(short)
            elif (
                short not in done and short not in in_text and short not in glossary_forms and block.sentences
            ):
                done.add(short)
                label_only.append(short)
        earlier.append(block.label)
        sentences = tuple(out for s in block.sentences for out in fix_and_remember(s))
        added = tuple(stands_for(short) for short in label_only)
        return replace(block, sentences=sentences + added)

    sections = tuple(replace(s, blocks=tuple(fix_block(b) for b in s.blocks)) for s in document.sections)
    return replace(document, sections=sections)


def expand_in_title(title: str, known: Mapping[str, str]) -> str:
    """A headline with abbreviations replaced by their full words (a headline has no room for
    "ABBR (...)"; the page spells them out again at their first use)."""
    pattern = _use_pattern(known)
    return pattern.sub(lambda m: known[m[1]], title) if pattern is not None else title


__all__ = [
    "abbreviates",
    "definitions_in",
    "expand_in_title",
    "glossary_forms",
    "initials_in",
    "long_form_for",
    "page_abbreviations",
    "record_abbreviations",
    "spell_out",
]
