"""How the page's frame names what a study tests: by name when the name is plain, else by kind.

Registry intervention names are often codes or recipes ("Arm B: ZDV+ABC+3TC+NNRTI->ABC+3TC+NNRTI
maintenance"); copied into a headline or the first summary sentence they make the page unreadable
at its most-read spot. A name is used there only when a reader can say it: short, no codes or
recipe marks, every word a plain word or a glossary term, and no wording the policy forbids
("Free drug", "Cure ..."). Other treatments are described by their type and counted ("2 more
medicines"); the detailed section ("What the study tests") still gives every name as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from plainlang.compose.facts import _TREATMENT_TYPES as TREATMENT_TYPES
from plainlang.compose.facts import display_name, name_in_text
from plainlang.compose.phrasing import say_count, say_list
from plainlang.compose.wording import Wording
from plainlang.explain import Glossary
from plainlang.model import Field, Intervention, Trial
from plainlang.policy import Policy
from plainlang.readability.counts import easy_words

MAX_NAME_CHARS = 32
MAX_NAME_WORDS = 3
# Recipe and code marks: "+", "->", "/", ":", brackets, "=", "&", ";" and digits.
_NOT_PLAIN = re.compile(r"[+/:;()\[\]<>=&%#*]|->|\d")
_CAPITALS = re.compile(r"[A-Z].*[A-Z]")  # two capitals in one word: a code or an abbreviation
_ENDINGS = ("ies", "es", "s", "ed", "ing", "d", "ly")


def _easy(word: str) -> bool:
    easy = easy_words()
    if word in easy:
        return True
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if stem in easy or stem + "e" in easy or (ending == "ies" and stem + "y" in easy):
                return True
    return False


def is_plain_name(name: str, glossary: Glossary, policy: Policy) -> bool:
    """True when a reader can say ``name`` and the page may print it in its own sentences."""
    text = name.strip()
    if not text or len(text) > MAX_NAME_CHARS or len(text.split()) > MAX_NAME_WORDS:
        return False
    if policy.forbidden_in(text):
        return False
    if glossary.get(text) is not None and not _NOT_PLAIN.search(text):
        return True
    if _NOT_PLAIN.search(text):
        return False
    for word in re.split(r"[\s-]+", text):
        if not word:
            continue
        if _CAPITALS.search(word):
            return False
        lower = word.lower().strip(".,'")
        if not (_easy(lower) or glossary.get(lower) is not None):
            return False
    return True


def _treatments(trial: Trial) -> list[Intervention]:
    chosen = [i for i in trial.interventions if i.type is not None and i.type.value in TREATMENT_TYPES]
    return chosen or list(trial.interventions)


def _is_placebo(intervention: Intervention) -> bool:
    return "placebo" in intervention.name.value.lower() or "sham" in intervention.name.value.lower()


def tested(
    trial: Trial, wording: Wording, glossary: Glossary, policy: Policy, limit: int = 3
) -> tuple[list[Field[str]], Counter[str]]:
    """The plain names of the treatments tested (at most ``limit``), and how many of each type
    are left unnamed (their names are not plain, or there is no room)."""
    names: list[Field[str]] = []
    unnamed: Counter[str] = Counter()
    seen: set[str] = set()
    # a placebo or sham is what the treatment is compared with, not what is tested ("What this
    # could mean" says so); it is named only when the study has nothing else
    chosen = [i for i in _treatments(trial) if not _is_placebo(i)] or _treatments(trial)
    for intervention in chosen:
        shown = display_name(intervention)
        key = shown.value.lower()
        if key in seen:
            continue
        seen.add(key)
        if len(names) < limit and is_plain_name(shown.value, glossary, policy):
            names.append(Field(name_in_text(shown.value), shown.path))
        else:
            unnamed[intervention.type.value if intervention.type else "OTHER"] += 1
    return names, unnamed


def kind_words(wording: Wording, kind: str, count: int) -> str:
    """``medicine`` / ``medicines`` for an intervention type, from the wording tables."""
    entry = "one" if count == 1 else "many"
    return wording.phrase("intervention_kind", kind, entry) or wording.phrase(
        "intervention_kind", "OTHER", entry
    )


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def describe(names: Sequence[str], unnamed: Counter[str], wording: Wording, *, counted: bool = True) -> str:
    """``ziftomenib, cytarabine and 2 more medicines``; ``3 medicines and a device``; without
    counts (for a headline, which carries no citation): ``ziftomenib and other medicines``."""
    parts = list(names)
    more = "more " if names else ""
    for kind, count in sorted(unnamed.items(), key=lambda kv: (-kv[1], kv[0])):
        if not counted:
            word = kind_words(wording, kind, count)
            if names:
                parts.append(f"other {kind_words(wording, kind, 2)}")
            else:
                parts.append(f"{_article(word)} {word}" if count == 1 else word)
        elif count == 1:
            word = kind_words(wording, kind, 1)
            parts.append(f"one more {word}" if names else f"{_article(word)} {word}")
        else:
            parts.append(f"{say_count(count)} {more}{kind_words(wording, kind, count)}")
    return say_list(list(dict.fromkeys(parts)))


__all__ = ["describe", "is_plain_name", "kind_words", "tested"]
