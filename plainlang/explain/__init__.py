"""The explain stage: glossary packs, finding terms in text, and explaining them on first use.

    >>> from plainlang.explain import Glossary, explain
    >>> explain("The leukemia was refractory.", Glossary.load()).text

Modules: ``packs`` (reading YAML packs with file:line:col marks), ``lint`` (checks, codes
G001–G012; ``lint_names`` has G012), ``variants`` (inflected and US/UK forms), ``tokens`` (spaCy's
English tokenizer rules in pure Python), ``matcher`` (phrase tables over those tokens), ``spans``
(what is protected), ``usage`` (what is already explained), ``apply`` (the styles) and ``engine``
(``explain`` over texts and Documents).
"""

from plainlang.explain.apply import STYLES, ExplainedUse, Style
from plainlang.explain.engine import Explained, explain
from plainlang.explain.glossary import Glossary
from plainlang.explain.matcher import TermMatch
from plainlang.explain.packs import Pack, Term
from plainlang.explain.usage import find_terms, unexplained_terms

__all__ = [
    "STYLES",
    "Explained",
    "ExplainedUse",
    "Glossary",
    "Pack",
    "Style",
    "Term",
    "TermMatch",
    "explain",
    "find_terms",
    "unexplained_terms",
]
