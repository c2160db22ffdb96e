"""What makes one sentence hard to read: length, hard words, passive voice, unexplained terms.

Passive voice is found by rule, without a parser: a form of "be" followed, perhaps after a few
adverbs, by a past participle (a regular ``-ed`` verb or one of the common irregular ones). The
rule misses some passives and flags a few adjectives ("is tired"); it is a hint for a writer,
never a score.
"""

from __future__ import annotations

import re

from plainlang.readability.results import Scores

_IRREGULAR_PARTICIPLES = (  # noqa: SIM905 (word lists read better as prose)
    "beaten begun bitten born borne bought broken brought built caught chosen done drawn "
    "driven drunk eaten fallen felt fed forbidden forgotten forgiven found frozen given gone "
    "grown held heard hidden hit hurt kept known laid led left lent lost made meant met paid "
    "proven put read risen run said seen sent set sewn shaken shown shut sold spent split "
    "spoken spread stolen struck sworn taken taught thought thrown told torn understood woken "
    "won worn written"
).split()
# Words ending in -ed that are not participles.
_NOT_PARTICIPLES = frozenset(
    "bed bled bred fed fled led red shed sled sped wed need seed feed breed bleed speed deed "  # noqa: SIM905
    "weed hundred sacred naked wicked kindred rugged ragged".split()
)
_PASSIVE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't)"
    r"(?:\s+(?:not|also|often|usually|still|only|always|never|then|now|\w+ly))*"
    r"\s+(?P<participle>[A-Za-z]+ed|" + "|".join(_IRREGULAR_PARTICIPLES) + r")\b",
    re.IGNORECASE,
)


# A form of "be" with white space after it, which every passive phrase starts with: most
# sentences have none, and this one alternation rules them out faster than the full pattern.
_BE_THEN_SPACE = re.compile(
    r"\b(?:am|is|are|was|were|be(?:en|ing)?|isn't|aren't|wasn't|weren't)\s", re.IGNORECASE
)


def passive_phrases(text: str) -> tuple[str, ...]:
    """Each "be + past participle" phrase of ``text``, as written ("was given")."""
    if _BE_THEN_SPACE.search(text) is None:
        return ()
    return tuple(
        " ".join(match.group(0).split())
        for match in _PASSIVE.finditer(text)
        if match.group("participle").lower() not in _NOT_PARTICIPLES
    )


def reasons(
    scores: Scores,
    hard_words: tuple[str, ...],
    long_limit: int,
    passive: tuple[str, ...],
    unexplained: tuple[str, ...],
    target_grade: float,
) -> tuple[str, ...]:
    """Why a sentence is hard, in words a writer can act on; empty when nothing stands out."""
    found = []
    if scores.flesch_kincaid_grade > target_grade:
        found.append(
            f"grade {scores.flesch_kincaid_grade:.1f} (Flesch–Kincaid), above the target {target_grade:g}"
        )
    if scores.words > long_limit:
        found.append(f"long: {scores.words} words (more than {long_limit})")
    if hard_words:
        found.append("hard words: " + ", ".join(dict.fromkeys(hard_words)))
    if passive:
        found.append("passive voice: " + ", ".join(passive))
    if unexplained:
        found.append("terms not explained: " + ", ".join(unexplained))
    return tuple(found)
