"""Splitting text into the tokens the glossary matcher compares, in pure Python.

The tokens are those of spaCy's blank English tokenizer (``spacy.blank("en")``), which the
matcher used until its cost showed: 1.5 ms per 1,000 words to tokenize and ~0.4 s to build the
pattern Docs when a glossary is compiled. This module re-implements the same algorithm
(spaCy's ``Tokenizer._split_affixes`` and ``_attach_tokens``) with the English prefix, suffix
and infix rules written out here, so matching needs no spaCy at run time:

- text is cut at whitespace; a single space between chunks is dropped, any other run of
  whitespace ("\\n", two spaces) is a token of its own, so a phrase never matches across a
  line break or a gap (as spaCy's PhraseMatcher never did);
- from each chunk, prefixes ("(", quotes, "$") and suffixes (punctuation, "'s", a unit after a
  number, a full stop after a lower-case letter or two capitals) are stripped repeatedly;
- what is left is cut at infixes: a hyphen between letters ("event-free", "FLT3-ITD", but not
  "COVID-19"), "/" or ":" before a letter, a comma between letters, a full stop between a
  lower-case and a capital letter, "+", "-", "*" or "^" between digits; unless it looks like a
  URL or a domain, which stays whole.

What is added, on purpose: one infix spaCy lacks. A closing bracket glued to a slash and a
word ("complete response (CR)/Complete remission with ...", two names of one measure) is cut
at the bracket and the slash; spaCy keeps "CR)/Complete" whole, so neither the abbreviation
before the slash nor the term after it was found, and the words of the term were read as
words of their own.

What is left out, on purpose: spaCy's ~1,200 special cases (contractions such as "don't" →
"do", "n't", "a.m.", emoticons). They only split or join tokens inside everyday words, and
patterns and text are tokenized alike, so they change no glossary match; the corpus test in
``tests/explain/test_tokens.py`` checks that the matches are spaCy's on every registry text
at hand. Letter classes are Python's Unicode ``\\w`` and the cased letters of the Latin, Greek
and Cyrillic blocks instead of spaCy's long tables: compiling those cost ~100 ms.

Each chunk's tokens depend only on the chunk, so they are cached by chunk (as spaCy does).
"""

from __future__ import annotations

import functools
import re

Token = tuple[int, int]  # (start, end) character offsets in the text

# Letters: Python's, less the Latin-1 signs spaCy does not count as letters (µ, ², ½, ...).
_NOT_LETTERS = "ª²³µ¹º¼½¾"
_ALPHA = rf"[^\W\d_{_NOT_LETTERS}]"
_ALNUM = rf"[^\W_{_NOT_LETTERS}]"  # letters and digits
# Lower- and upper-case letters of the Latin, Greek and Cyrillic blocks, as spaCy lists them.
_CASED = [chr(c) for c in (*range(0x61, 0x7B), *range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x370, 0x530))]
_LOWER = "".join(c for c in _CASED if c.islower() and c not in _NOT_LETTERS)
_UPPER = "".join(c for c in _CASED if c.isupper())
_PUNCT = "…,:;!?¿؟¡()\\[\\]{}<>_#*&。？！，、；：～·।،۔؛٪"
_QUOTES = "'\"”“`‘´’‚,„»«「」『』（）〔〕【】《》〈〉⟦⟧"
_CURRENCY = r"\$|£|€|¥|฿|US\$|C\$|A\$|₽|﷼|₴|[₠-₿]"
_UNITS = (
    "km|km²|km³|m|m²|m³|dm|dm²|dm³|cm|cm²|cm³|mm|mm²|mm³|ha|µm|nm|yd|in|ft|kg|g|mg|µg|t|lb|oz"
    "|m/s|km/h|kmh|mph|hPa|Pa|mbar|mb|MB|kb|KB|gb|GB|tb|TB|T|G|M|K|%"
)
_HYPHENS = "-|–|—|--|---|——|~"
# spaCy's LIST_ICONS (Unicode "other symbol" characters), as one class
_ICONS = (
    r"[\u00A6\u00A9\u00AE\u00B0\u0482\u058D\u058E\u060E\u060F\u06DE\u06E9\u06FD\u06FE\u07F6\u09FA"
    r"\u0B70\u0BF3-\u0BF8\u0BFA\u0C7F\u0D4F\u0D79\u0F01-\u0F03\u0F13\u0F15-\u0F17\u0F1A-\u0F1F\u0F34"
    r"\u0F36\u0F38\u0FBE-\u0FC5\u0FC7-\u0FCC\u0FCE\u0FCF\u0FD5-\u0FD8\u109E\u109F\u1390-\u1399\u1940"
    r"\u19DE-\u19FF\u1B61-\u1B6A\u1B74-\u1B7C\u2100\u2101\u2103-\u2106\u2108\u2109\u2114\u2116\u2117"
    r"\u211E-\u2123\u2125\u2127\u2129\u212E\u213A\u213B\u214A\u214C\u214D\u214F\u218A\u218B\u2195-"
    r"\u2199\u219C-\u219F\u21A1\u21A2\u21A4\u21A5\u21A7-\u21AD\u21AF-\u21CD\u21D0\u21D1\u21D3\u21D5-"
    r"\u21F3\u2300-\u2307\u230C-\u231F\u2322-\u2328\u232B-\u237B\u237D-\u239A\u23B4-\u23DB\u23E2-"
    r"\u2426\u2440-\u244A\u249C-\u24E9\u2500-\u25B6\u25B8-\u25C0\u25C2-\u25F7\u2600-\u266E\u2670-"
    r"\u2767\u2794-\u27BF\u2800-\u28FF\u2B00-\u2B2F\u2B45\u2B46\u2B4D-\u2B73\u2B76-\u2B95\u2B98-"
    r"\u2BC8\u2BCA-\u2BFE\u2CE5-\u2CEA\u2E80-\u2E99\u2E9B-\u2EF3\u2F00-\u2FD5\u2FF0-\u2FFB\u3004"
    r"\u3012\u3013\u3020\u3036\u3037\u303E\u303F\u3190\u3191\u3196-\u319F\u31C0-\u31E3\u3200-\u321E"
    r"\u322A-\u3247\u3250\u3260-\u327F\u328A-\u32B0\u32C0-\u32FE\u3300-\u33FF\u4DC0-\u4DFF\uA490-"
    r"\uA4C6\uA828-\uA82B\uA836\uA837\uA839\uAA77-\uAA79\uFDFD\uFFE4\uFFE8\uFFED\uFFEE\uFFFC\uFFFD"
    r"\U00010137-\U0001013F\U00010179-\U00010189\U0001018C-\U0001018E\U00010190-\U0001019B\U000101A0"
    r"\U000101D0-\U000101FC\U00010877\U00010878\U00010AC8\U0001173F\U00016B3C-\U00016B3F\U00016B45"
    r"\U0001BC9C\U0001D000-\U0001D0F5\U0001D100-\U0001D126\U0001D129-\U0001D164\U0001D16A-\U0001D16C"
    r"\U0001D183\U0001D184\U0001D18C-\U0001D1A9\U0001D1AE-\U0001D1E8\U0001D200-\U0001D241\U0001D245"
    r"\U0001D300-\U0001D356\U0001D800-\U0001D9FF\U0001DA37-\U0001DA3A\U0001DA6D-\U0001DA74\U0001DA76-"
    r"\U0001DA83\U0001DA85\U0001DA86\U0001ECAC\U0001F000-\U0001F02B\U0001F030-\U0001F093\U0001F0A0-"
    r"\U0001F0AE\U0001F0B1-\U0001F0BF\U0001F0C1-\U0001F0CF\U0001F0D1-\U0001F0F5\U0001F110-\U0001F16B"
    r"\U0001F170-\U0001F1AC\U0001F1E6-\U0001F202\U0001F210-\U0001F23B\U0001F240-\U0001F248\U0001F250"
    r"\U0001F251\U0001F260-\U0001F265\U0001F300-\U0001F3FA\U0001F400-\U0001F6D4\U0001F6E0-\U0001F6EC"
    r"\U0001F6F0-\U0001F6F9\U0001F700-\U0001F773\U0001F780-\U0001F7D8\U0001F800-\U0001F80B\U0001F810-"
    r"\U0001F847\U0001F850-\U0001F859\U0001F860-\U0001F887\U0001F890-\U0001F8AD\U0001F900-\U0001F90B"
    r"\U0001F910-\U0001F93E\U0001F940-\U0001F970\U0001F973-\U0001F976\U0001F97A\U0001F97C-\U0001F9A2"
    r"\U0001F9B0-\U0001F9B9\U0001F9C0-\U0001F9C2\U0001F9D0-\U0001F9FF\U0001FA60-\U0001FA6D]"
)

_PREFIX_SOURCE = rf"^(?:[§%=—–]|\+(?![0-9])|[{_PUNCT}]|\.\.+|[{_QUOTES}]|{_CURRENCY}|{_ICONS})"
_SUFFIX_SOURCE = "|".join(
    f"(?:{piece})$"
    for piece in (
        f"[{_PUNCT}]",
        r"\.\.+",
        f"[{_QUOTES}]",
        _ICONS,
        "'s|'S|’s|’S|—|–",
        r"(?<=[0-9])\+",
        r"(?<=°[FfCcKk])\.",
        rf"(?<=[0-9])(?:{_CURRENCY})",
        rf"(?<=[0-9])(?:{_UNITS})",
        rf"(?<=[0-9{_LOWER}%²\-+{_PUNCT}|{_QUOTES}])\.",
        rf"(?<=[{_UPPER}][{_UPPER}])\.",
    )
)
_INFIX_SOURCE = "|".join(
    (
        r"\.\.+",
        "…",
        _ICONS,
        r"(?<=[0-9])[+\-*^](?=[0-9-])",
        rf"(?<=[{_LOWER}{_QUOTES}])\.(?=[{_UPPER}{_QUOTES}])",
        rf"(?<={_ALPHA}),(?={_ALPHA})",
        rf"(?<={_ALNUM})(?:{_HYPHENS})(?={_ALPHA})",
        rf"(?<={_ALNUM})[:<>=/](?={_ALPHA})",
        # Not spaCy's: a closing bracket glued to a slash and a word, "(CR)/Complete remission"
        # (two names of one measure joined by "/"), is cut into ")", "/" and the word, so the
        # term after the slash and the abbreviation before it are found as they are in
        # "(CR) / Complete remission". spaCy keeps "CR)/Complete" whole and finds neither.
        rf"(?<={_ALNUM})[)\]](?=/{_ALPHA})",
        rf"(?<=[)\]])/(?={_ALPHA})",
    )
)
_URL_SOURCE = (
    r"^(?:(?:[\w+\-.]{2,})://)?(?:\S+(?::\S*)?@)?"
    r"(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})"
    r"(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})"
    r"(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}"
    r"(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))"
    r"|(?:(?:[A-Za-z0-9\u00a1-\uffff][A-Za-z0-9\u00a1-\uffff_-]{0,62})?[A-Za-z0-9\u00a1-\uffff]\.)+"
    rf"(?:[{_LOWER}]{{2,63}}))(?::\d{{2,5}})?(?:[/?#]\S*)?$"
)


@functools.cache
def _rules() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The prefix, suffix, infix and URL patterns, compiled when first needed.

    Compiling them takes ~13 ms (the icon class is long), a seventh of importing
    plainlang.explain; a glossary loaded from the built-in index needs none of them.
    """
    return (
        re.compile(_PREFIX_SOURCE),
        re.compile(_SUFFIX_SOURCE),
        re.compile(_INFIX_SOURCE),
        re.compile(_URL_SOURCE),
    )


# a chunk of letters only, or of digits only, has no affix and no infix: most chunks
_PLAIN = re.compile(r"[^\W\d_]+|\d+")
# Whitespace other than one space between chunks: a run that starts with a space followed by
# more whitespace, or with another whitespace character ("\n", "\t").
_GAP = re.compile(r"(?: (?=\s)|[^\S ])\s*")


# The common chunk of prose, in ASCII: opening brackets, quotes or signs, then a core (letters
# and digits joined by single hyphens or slashes, or a number with "." "," or ":" inside), then
# "%" after a digit or "'s", then closing punctuation ("(AML),", "event-free", "and/or", "R/R",
# "FLT3-ITD;", "[12].", "CD20)", "1,000", "2.5%", "Crohn's", ">18"). On such a chunk the rules
# above reduce to what ``_fast_chunk_tokens`` does; tests/explain/test_chunk_fast_path.py holds
# it to ``rule_chunk_tokens`` on generated chunks and on every chunk of the registry texts.
_FAST = re.compile(
    r"([(\[\"<>=]*)([A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*|[0-9]+(?:[.,:][0-9]+)+)(%|'[sS])?([,;:)\]\"'?!.]*)"
)
# A digit followed by a letter: a unit may be a suffix ("5mg", "10m/s", "9M"), so the rules decide.
_DIGIT_LETTER = re.compile(r"[0-9][A-Za-z]")
# The infixes a fast core can hold: a hyphen between digits, a hyphen or slash before a letter.
_FAST_INFIX = re.compile(r"(?<=[0-9])-(?=[0-9])|[-/](?=[A-Za-z])")


def _fast_chunk_tokens(chunk: str) -> tuple[Token, ...] | None:
    """The tokens of a chunk of the common shape (``_FAST``), or None for the rules to decide.

    Why it equals the rules on such a chunk: each leading "(", "[", '"', "<", ">" or "=" is a
    one-character prefix, and no prefix starts with a letter or digit without a "$"; each
    trailing character is a one-character suffix (all are in spaCy's punctuation or quotes, and
    no longer suffix ends in one), except a full stop, which is a suffix after punctuation, a
    quote, "%", a digit, a lower-case letter or two capitals: after one capital ("vitamin A.",
    "'S.") the rules keep it, so this gives up. Then "'s" is a suffix, and "%" one after a
    digit (a unit). A core with no "." is no URL, and one with "." between digits only is one
    token whether it is read as a URL (an IP address) or not; a core's only infixes are the
    hyphens and slashes ``_FAST_INFIX`` finds (a "," or ":" between digits, or a "." not
    between a lower-case and a capital letter, is none). A core with a digit before a letter
    may end in a unit ("5mg"), and ".." is its own suffix: both are left to the rules.
    """
    match = _FAST.fullmatch(chunk)
    if match is None:
        return None
    lead, core_end = match.span(2)
    if _DIGIT_LETTER.search(chunk, lead, core_end):
        return None
    body_end = match.end(3)
    if body_end < 0:  # no "%" and no "'s"
        body_end = core_end
    elif chunk[core_end] == "%" and not chunk[core_end - 1].isdigit():
        return None
    size = len(chunk)
    if body_end < size and "." in chunk:
        if ".." in chunk:
            return None
        if chunk[body_end] == ".":
            last = chunk[body_end - 1]
            if not (
                last.islower()
                or last.isdigit()
                or last == "%"
                or (last.isupper() and body_end - lead > 1 and chunk[body_end - 2].isupper())
            ):
                return None
    if not lead and core_end == body_end == size - 1 and "-" not in chunk and "/" not in chunk:
        return ((0, core_end), (core_end, size))  # "word," "word." "word)": the commonest
    tokens = [(at, at + 1) for at in range(lead)]
    at = lead
    if "-" in chunk or "/" in chunk:
        for infix in _FAST_INFIX.finditer(chunk, lead, core_end):
            tokens.append((at, infix.start()))
            tokens.append((infix.start(), infix.end()))
            at = infix.end()
    tokens.append((at, core_end))
    if body_end > core_end:
        tokens.append((core_end, body_end))
    tokens.extend((at, at + 1) for at in range(body_end, size))
    return tuple(tokens)


@functools.lru_cache(maxsize=65536)
def chunk_tokens(chunk: str) -> tuple[Token, ...]:
    """The tokens of one whitespace-free chunk, as offsets into the chunk."""
    if len(chunk) == 1:  # "-", "<", "≥": the tokens cover the chunk, so this one is all of it
        return ((0, 1),)
    if chunk.isascii():  # an ASCII word or number is a core without affixes: one token
        fast = _fast_chunk_tokens(chunk)
        if fast is not None:
            return fast
    if _PLAIN.fullmatch(chunk):
        return ((0, len(chunk)),)
    return rule_chunk_tokens(chunk)


def rule_chunk_tokens(chunk: str) -> tuple[Token, ...]:
    """The tokens of one whitespace-free chunk by spaCy's algorithm: prefixes and suffixes
    stripped in turn, then the URL test, then the infixes (the straightforward path)."""
    prefix_rule, suffix_rule, infix_rule, url_rule = _rules()
    start, end = 0, len(chunk)
    prefixes: list[Token] = []
    suffixes: list[Token] = []
    last = -1
    while start < end and end - start != last:
        last = end - start
        core = chunk[start:end]
        prefix = prefix_rule.search(core)
        pre = prefix.end() if prefix else 0
        suffix = suffix_rule.search(core, pre)
        suf = suffix.end() - suffix.start() if suffix else 0
        if pre and suf and pre + suf <= len(core):
            prefixes.append((start, start + pre))
            suffixes.append((end - suf, end))
            start, end = start + pre, end - suf
        elif pre:
            prefixes.append((start, start + pre))
            start += pre
        elif suf:
            suffixes.append((end - suf, end))
            end -= suf
    tokens = prefixes
    if start < end:
        core = chunk[start:end]
        if url_rule.match(core):
            tokens.append((start, end))
        else:
            at = 0
            for infix in infix_rule.finditer(core):
                if infix.start() == 0:
                    continue
                if infix.start() != at:
                    tokens.append((start + at, start + infix.start()))
                if infix.start() != infix.end():
                    tokens.append((start + infix.start(), start + infix.end()))
                at = infix.end()
            if at < len(core):
                tokens.append((start + at, end))
    tokens.extend(reversed(suffixes))
    return tuple(tokens)


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` as (start, end) offsets, spaCy's blank English tokens.

    A whitespace run is dropped when it is one space between chunks, and is a token
    otherwise, minus its first character when that is a space after a chunk (spaCy keeps it
    as the previous token's trailing space). Between such runs the text is split on its
    single spaces with ``str.split``, each chunk's tokens coming from the cache.
    """
    tokens: list[Token] = []
    append = tokens.append
    position = 0
    # Most texts have no gap: only single spaces. Every whitespace character other than the
    # space is unprintable, so a printable text without two spaces in a row needs no search
    # for gaps (a third of the time of tokenizing 1,000 words).
    gaps = [] if "  " not in text and text.isprintable() else list(_GAP.finditer(text))
    for gap in [*gaps, None]:
        start = position
        stop = gap.start() if gap is not None else len(text)
        if start < stop:
            if start == 0 and text[0] == " ":  # a leading space is a token of its own
                append((0, 1))
                start = 1
            for chunk in text[start:stop].split(" "):
                size = len(chunk)
                if chunk.isalpha() or chunk.isdecimal():  # a word or a number: one token
                    append((start, start + size))
                elif chunk:
                    pieces = chunk_tokens(chunk)
                    if len(pieces) == 1:
                        append((start, start + size))
                    else:
                        # a loop, not a comprehension: on Python 3.11 each comprehension
                        # makes a frame, dearer than two or three appends
                        for s, e in pieces:
                            append((start + s, start + e))
                start += size + 1
        if gap is not None:
            start, position = gap.span()
            if start and text[start] == " ":
                start += 1
            if start < position:
                append((start, position))
    return tokens


Stretch = tuple[int, int, bool]  # (start, end, whether it is a stretch of chunks or a gap token)


def stretches(text: str) -> list[Stretch]:
    """``text`` cut at its gaps, in order: ``(start, end, True)`` for a stretch of chunks
    between gaps, ``(start, end, False)`` for a gap's token.

    ``tokenize`` reads each stretch on its own (a stretch starts at 0 or right after a gap,
    and so never with a space unless it is at 0), so the tokens of ``text`` are each stretch's
    ``tokenize(text[start:end])`` shifted by ``start``, with the gap tokens between them. The
    matcher uses this to remember the tokens and trie hits of a stretch by its text: a page's
    blocks are its stretches, and most of them recur across pages (stock sentences, the same
    trial's page written again).
    """
    out: list[Stretch] = []
    position = 0
    if "  " in text or not text.isprintable():
        for gap in _GAP.finditer(text):
            if position < gap.start():
                out.append((position, gap.start(), True))
            start, position = gap.span()
            if start and text[start] == " ":
                start += 1
            if start < position:
                out.append((start, position, False))
    if position < len(text):
        out.append((position, len(text), True))
    return out
