"""The words an abbreviation stands for, when they come right before it: pure string work.

The composer uses it to spell out abbreviations a record defines (``compose.abbreviations``),
and ``plainlang check`` to take "retinopathy of prematurity ROP" as spelled out
(``check.jargon.written_out_before``). It lives apart from ``plainlang.compose`` so the check
can ask it without importing the composer (about 40 ms of imports, paid on a page of a
1,000-page run).
"""

from __future__ import annotations


def long_form_for(short: str, before: str) -> str | None:
    """The words at the end of ``before`` that ``short`` abbreviates, or None.

    Every letter and digit of the short form must appear in the long form in order, from its
    end, and the short form's first character must start a word of the long form.
    """
    words = before.split()
    limit = min(len(short) + 5, 2 * len(short))
    candidate = " ".join(words[-limit:])
    s, i = len(short) - 1, len(candidate) - 1
    # ASCII text lowers letter by letter, so a search in the lowered text finds what comparing
    # each letter lowered finds (speed only; other text keeps the letter-by-letter loop)
    low = candidate.lower() if candidate.isascii() else None
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        if low is not None and s > 0:
            i = low.rfind(c, 0, i + 1)
        while i >= 0 and (candidate[i].lower() != c or (s == 0 and i > 0 and candidate[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    # the long form starts where the short form's first letter matched (a word start)
    found = candidate[i + 1 :].strip(" ,")
    if not found or found.lower() == short.lower() or len(found) <= len(short):
        return None
    if len(found.split()) < 2 and "-" not in found:
        return None  # "LCM" for "Lcm..." in one word is a name, not a definition
    return found
