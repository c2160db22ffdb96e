"""The written forms a glossary term is matched in: inflections and US/UK spellings.

Instead of lemmatizing every token of the text (spaCy's lookup lemmatizer needs a 100 MB data
package and costs time per token), we expand each glossary form once, when the matcher is built,
into the forms it may take in text: "remission" → "remissions", "randomized" → "randomised",
"randomize", "randomizing". Matching then stays a pure lower-case phrase lookup.

The rules over-generate on purpose ("refractories"): a form that never occurs in English costs
a pattern and nothing else. A generated form that is a real word of another term never wins over
that term, because the matcher gives forms written in a pack priority over generated ones.

One thing the rules do not generate: the bare stem of a participle term ("-ing", "-ed") when
that stem is an everyday word. A participle names a process or a state ("masking", "blinded",
"staging", "screening"); its stem is another part of speech, and an everyday stem has everyday
senses the term does not carry ("oxygen mask", "blind", "stage", "screen"). Such a term keeps
its own part of speech's forms only: the other participle and the plural ("masked",
"maskings"). "Everyday" is the readability engine's list, the Dale–Chall easy words; a stem not
on it ("dose" from "dosing", "randomize") is generated as before, unless it is one of the few
hard nouns with senses of their own that registry text uses all the time (``_OWN_SENSE_STEMS``):
"conditioning" must not match "aseptic conditions", nor "imaging" "images", nor "sequencing"
"a sequence of visits".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

# US ↔ UK spellings inside medical words. Each pair is (US, UK); both directions are generated.
_SPELLING_INFIXES: tuple[tuple[str, str], ...] = (
    ("emia", "aemia"),  # anemia, leukemia, septicemia
    ("hema", "haema"),  # hematology, hematopoietic
    ("hemo", "haemo"),  # hemoglobin, hemorrhage
    ("hemat", "haemat"),
    ("pedia", "paedia"),  # pediatric
    ("pedic", "paedic"),  # orthopedic
    ("esophag", "oesophag"),
    ("estrogen", "oestrogen"),
    ("edema", "oedema"),
    ("rrhea", "rrhoea"),  # diarrhea
    ("fetal", "foetal"),
    ("fetus", "foetus"),
    ("feces", "faeces"),
    ("fecal", "faecal"),
    ("gyneco", "gynaeco"),
    ("anesthe", "anaesthe"),
    ("celiac", "coeliac"),
    ("pnea", "pnoea"),  # dyspnea, apnea
    ("ischemi", "ischaemi"),
    ("cecum", "caecum"),
    ("tumor", "tumour"),
    ("behavior", "behaviour"),
    ("color", "colour"),
    ("favor", "favour"),
    ("labor", "labour"),
    ("center", "centre"),
    ("liter", "litre"),
    ("meter", "metre"),
    ("fiber", "fibre"),
    ("program", "programme"),
    ("catalog", "catalogue"),
    ("dialog", "dialogue"),
    ("gray", "grey"),
    ("sulfa", "sulpha"),
    ("sulfur", "sulphur"),
    ("aluminum", "aluminium"),
    ("defense", "defence"),
    ("license", "licence"),
    ("offense", "offence"),
)

# -ize/-ise and -yze/-yse with their endings; and doubled l before -ed/-ing (labeled/labelled).
_SUFFIX_PAIRS: tuple[tuple[str, str], ...] = (
    ("ize", "ise"),
    ("izes", "ises"),
    ("ized", "ised"),
    ("izing", "ising"),
    ("ization", "isation"),
    ("izations", "isations"),
    ("yze", "yse"),
    ("yzes", "yses"),
    ("yzed", "ysed"),
    ("yzing", "ysing"),
    ("eled", "elled"),
    ("eling", "elling"),
)

_VOWELS = set("aeiou")
_WORD = re.compile(r"^[a-z]+$")


@functools.cache
def _any_spelling() -> re.Pattern[str]:
    """Any infix or ending with another spelling; compiled on first use, not at import."""
    return re.compile(
        "|".join(re.escape(x) for pair in _SPELLING_INFIXES for x in pair)
        + "|(?:"
        + "|".join(re.escape(x) for pair in _SUFFIX_PAIRS for x in pair)
        + ")$"
    )


def spellings(word: str) -> set[str]:
    """``word`` (lower case) and its other-side US/UK spellings."""
    return set(_cached_spellings(word))


@functools.lru_cache(maxsize=16384)
def _cached_spellings(word: str) -> frozenset[str]:
    """``spellings``, remembered: compiling a glossary asks it of ~8,000 words, most repeated."""
    if _any_spelling().search(word) is None:  # most words: nothing to respell
        return frozenset((word,))
    return _spellings(word)


@functools.lru_cache(maxsize=4096)
def _spellings(word: str) -> frozenset[str]:
    result = {word}
    for us, uk in _SPELLING_INFIXES:
        for source in list(result):
            if us in source and uk not in source:
                result.add(source.replace(us, uk))
            if uk in source:
                result.add(source.replace(uk, us))
    for us, uk in _SUFFIX_PAIRS:
        for source in list(result):
            if len(source) > len(us) + 2 and source.endswith(us):
                result.add(source[: -len(us)] + uk)
            elif len(source) > len(uk) + 2 and source.endswith(uk):
                result.add(source[: -len(uk)] + us)
    return frozenset(result)


def plurals(word: str) -> set[str]:
    """Likely plural (and, for a plural, singular) forms of a lower-case noun."""
    if not _WORD.match(word) or len(word) < 3:
        return set()
    forms: set[str] = set()
    if word.endswith("sis"):  # diagnosis → diagnoses, metastasis → metastases
        forms.add(word[:-2] + "es")
    elif word.endswith("ses"):  # metastases → metastasis, doses → dose
        forms.update({word[:-2] + "is", word[:-1]})
    elif word.endswith("ies"):
        forms.add(word[:-3] + "y")
    elif word.endswith(("ches", "shes", "xes", "zes", "sses")):
        forms.add(word[:-2])
    elif word.endswith(("ss", "us", "is")):
        forms.add(word + "es")
        if word.endswith("us"):  # stimulus → stimuli
            forms.add(word[:-2] + "i")
    elif word.endswith("s"):
        forms.add(word[:-1])
    elif word.endswith("y") and word[-2] not in _VOWELS:
        forms.add(word[:-1] + "ies")
    elif word.endswith(("ch", "sh", "x", "z")):
        forms.add(word + "es")
        if word.endswith(("ex", "ix")):  # index → indices
            forms.add(word[:-2] + "ices")
    else:
        forms.add(word + "s")
        if word.endswith("um"):  # datum → data
            forms.add(word[:-2] + "a")
    return forms


@functools.cache
def _everyday_words() -> frozenset[str]:
    from plainlang.readability.counts import easy_words

    return easy_words()


def is_everyday(word: str) -> bool:
    """On the Dale–Chall list of words a grade-4 reader knows (so it has everyday senses)."""
    return word in _everyday_words()


# Stems that are not on the everyday list but are nouns with their own senses in registry text,
# far more often than the verb a participle term comes from (found by matching the shipped
# glossary against ../shared/data: "condition" and "conditions" were read as "conditioning" 78
# times, "image(s)" as "imaging" 17 times, "sequence(s)" as "sequencing" 5 times).
_OWN_SENSE_STEMS = frozenset({"condition", "image", "sequence"})


def verb_forms(word: str) -> set[str]:
    """Inflections of a word that looks like a verb or participle (relapse, randomized, dosing).

    From a participle, a stem that is an everyday word gives only the participles, never the
    stem itself (see the module docstring: "masking" must not match "mask").
    """
    if not _WORD.match(word) or len(word) < 4:
        return set()
    participle = word.endswith(("ed", "ing"))
    stems: set[str] = set()
    if word.endswith("ed"):
        stems.update({word[:-1], word[:-2]})  # randomized → randomize; treated → treat
        if len(word) > 5 and word[-3] == word[-4] and word[-3] not in _VOWELS:
            stems.add(word[:-3])  # stopped → stop
    elif word.endswith("ing"):
        stems.update({word[:-3], word[:-3] + "e"})  # treating → treat; dosing → dose
        if len(word) > 6 and word[-4] == word[-5] and word[-4] not in _VOWELS:
            stems.add(word[:-4])
    elif word.endswith("e"):
        stems.add(word)  # relapse, randomize, dose
    else:
        return set()
    # the candidate stems are guesses ("stag", "stage"); when one is an everyday word, it is
    # the likely stem, and no bare stem is generated
    bare_stems = not (participle and any(is_everyday(s) or s in _OWN_SENSE_STEMS for s in stems))
    forms: set[str] = set()
    for stem in stems:
        if len(stem) < 3:
            continue
        base = stem[:-1] if stem.endswith("e") else stem
        if bare_stems:
            forms.update({stem, stem + "s" if not stem.endswith("s") else stem + "es"})
        forms.update({base + "ed", base + "ing"})
    forms.discard(word)
    return forms


def participle_forms(phrase: str) -> frozenset[str]:
    """The variants of ``phrase`` made from a stem guessed from its last word, a participle.

    "lactating" gives "lactated" through the stem "lactate"; but "lactated" ("Lactated Ringer's",
    with lactate in it) is first of all a form of the word "lactate". A variant made through a
    guessed stem is a weaker claim than one made from a word as written, so the matcher lets a
    term that writes the stem claim such a variant first (``matcher._claimed``).
    """
    words = _TOKEN.findall(phrase.lower().strip())
    if not words or not words[-1].endswith(("ed", "ing")):
        return frozenset()
    last = words[-1]
    head = " ".join(words[:-1])
    made = verb_forms(last) - plurals(last)
    return frozenset(f"{head} {form}".strip() for form in made)


def word_forms(word: str, *, inflect: bool) -> set[str]:
    """All forms of one lower-case word: spellings, and inflections of each when ``inflect``."""
    return set(_word_forms(word, inflect))


@functools.lru_cache(maxsize=8192)
def _word_forms(word: str, inflect: bool) -> frozenset[str]:
    """``word_forms``, remembered: the words of glossary forms repeat ("cell", "cancer")."""
    result = set()
    for spelled in _cached_spellings(word):
        result.add(spelled)
        if inflect:
            result.update(plurals(spelled))
            result.update(verb_forms(spelled))
    # inflecting may create a form whose other spelling is new (randomised → randomized...)
    for form in list(result):
        result.update(_cached_spellings(form))
    return frozenset(result)


_TOKEN = re.compile(r"\S+")


def _join(words: Iterable[str]) -> str:
    return " ".join(words)


def phrase_variants(phrase: str, limit: int = 64) -> list[str]:
    """Lower-case variants of a glossary form, the form itself first, in a stable order.

    The last word is inflected ("event-free survival rates"), and so is the first one when the
    phrase is "X of Y" ("lines of therapy"); every word may take its other spelling. A hyphen and
    a space are interchangeable ("event-free" / "event free"). At most ``limit`` variants, so a
    long phrase cannot blow up the pattern table.
    """
    base = phrase.lower().strip()
    words = _TOKEN.findall(base)
    if len(words) == 1 and "-" not in base:
        # one word (most forms): its own forms, no combinations to make
        return list(_options(words[0], True)[:limit])
    spaced = [base]
    if "-" in base:
        spaced.append(base.replace("-", " "))
    # the first ``limit`` distinct texts, in order of making (dict keys keep that order)
    variants: dict[str, None] = {base: None}
    for text in spaced:
        words = _TOKEN.findall(text)
        if not words:
            continue
        last = len(words) - 1
        options = [
            _options(word, i == last or (i == 0 and last > 1 and words[1] == "of"))
            for i, word in enumerate(words)
        ]
        variants.update(dict.fromkeys(_join(combination) for combination in _product(options, limit * 2)))
    return list(variants)[:limit]


@functools.lru_cache(maxsize=8192)
def _options(word: str, inflect: bool) -> tuple[str, ...]:
    """The word, then its other forms in sorted order: the choices for one word of a phrase."""
    return (word, *sorted(_word_forms(word, inflect) - {word}))


def _product(options: Sequence[Sequence[str]], limit: int) -> list[list[str]]:
    """Cartesian product in order, the unchanged words first, cut at ``limit`` combinations."""
    result: list[list[str]] = [[]]
    for choices in options:
        result = [[*prefix, choice] for prefix in result for choice in choices][:limit]
    return result


def spelling_variants(phrase: str) -> frozenset[str]:
    """A phrase's other spellings only (no inflections): "randomised" for "randomized".

    Remembered: the replace style asks it of a term's forms at every use of the term.
    """
    return _spelling_variants(phrase)


@functools.lru_cache(maxsize=8192)
def _spelling_variants(phrase: str) -> frozenset[str]:
    base = phrase.lower().strip()
    texts = {base, base.replace("-", " ")}
    # Most phrases have no word with another spelling: then each text's words as they are is
    # all there is (one search of the phrase, not a set of spellings and a product per word;
    # "fit" and "replace" ask it of every term first met, 6-12 µs a phrase before)
    if _any_spelling_in_phrase().search(base) is None:
        return frozenset(_join(_TOKEN.findall(text)) for text in texts)
    return _respelled_variants(texts)


@functools.cache
def _any_spelling_in_phrase() -> re.Pattern[str]:
    """``_any_spelling`` over a whole phrase: an ending counts before a blank or a hyphen too.

    Every word of the phrase, or of the phrase with its hyphens made blanks, is a piece of it
    that ends at a blank, a hyphen or the end: when this finds nothing in the phrase,
    ``_any_spelling`` finds nothing in any of those words.
    """
    return re.compile(
        "|".join(re.escape(x) for pair in _SPELLING_INFIXES for x in pair)
        + "|(?:"
        + "|".join(re.escape(x) for pair in _SUFFIX_PAIRS for x in pair)
        + r")(?=[\s-]|$)"
    )


def _respelled_variants(texts: Iterable[str]) -> frozenset[str]:
    """The spellings of each of ``texts``, word by word (the straightforward path)."""
    result: set[str] = set()
    for text in texts:
        options = [sorted(_cached_spellings(word)) for word in _TOKEN.findall(text)]
        result.update(_join(words) for words in _product(options, 64))
    return frozenset(result)
