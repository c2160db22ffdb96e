"""G012: an explanation sentence names the term it explains.

In the "sentence" style (and wherever an explanation stands as a sentence of its own after the
sentence of first use) the reader meets the explanation apart from the word: "Here the patient
gets white blood cells from the donor." does not say it is about a donor leukocyte infusion.
So an ``explanation`` must name its term, one of its aliases (any inflection or spelling the
matcher accepts: "Adverse events are ..." names "adverse event") or one of its abbreviations
(as written, since abbreviations are matched case-sensitively).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from plainlang.explain.packs import Pack, Term
from plainlang.explain.variants import phrase_variants

if TYPE_CHECKING:
    from plainlang.explain.lint import Finding


@functools.lru_cache(maxsize=4096)
def _pattern(forms: tuple[str, ...], abbreviations: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted({v for form in forms for v in phrase_variants(form)}, key=len, reverse=True)
    # a space in a form also matches a hyphen or a line break in the sentence
    texts = [re.escape(w).replace(r"\ ", r"[\s-]+") for w in words]
    exact = [re.escape(a) for a in sorted(abbreviations, key=len, reverse=True)]
    alternatives = [f"(?i:{t})" for t in texts] + exact
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])")


def names_term(text: str, term: Term) -> bool:
    """Whether ``text`` names ``term``: its term, an alias (inflected or respelled) or an abbreviation."""
    return _pattern(term.forms, term.abbreviations).search(text) is not None


def check_explanations_name_terms(
    packs: Sequence[Pack], report: Sequence[Pack] | None = None
) -> Iterator[Finding]:
    """G012 for every term of the packs in ``report`` whose explanation does not name it."""
    from plainlang.explain.lint import Finding

    shown = {id(p) for p in (report if report is not None else packs)}
    for pack in packs:
        if id(pack) not in shown:
            continue
        for term in pack.terms:
            if term.explanation and term.explanation.strip() and not names_term(term.explanation, term):
                forms = [term.term, *term.aliases, *term.abbreviations]
                yield Finding(
                    "G012",
                    f"the explanation of {term.term!r} does not say which word it explains",
                    term.location("explanation"),
                    f"name it: use {' or '.join(repr(f) for f in forms[:3])} in the sentence",
                )
