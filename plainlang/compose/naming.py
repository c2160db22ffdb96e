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

from plainlang.compose.abbreviations import abbreviates
from plainlang.compose.facts import _TREATMENT_TYPES as TREATMENT_TYPES
from plainlang.compose.facts import display_name, name_in_text, without_type
from plainlang.compose.phrasing import plain_case, say_count, say_list, unshout
from plainlang.compose.wording import Wording
from plainlang.explain import Glossary
from plainlang.model import Field, Intervention, Trial
from plainlang.policy import Policy
from plainlang.readability.counts import easy_words, syllables

MAX_NAME_CHARS = 32
MAX_KINDS = 2  # kinds of unnamed treatments worded one by one; more are counted as "treatments"
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


# What registries hold where a study that gives no treatment names its "intervention".
_NO_TREATMENT = re.compile(
    r"(?:no(?:ne|\s+(?:study\s+)?(?:intervention|treatment|drug)s?)?|observational(?:\s+study)?|"
    r"observation(?:\s+only)?|not\s+applicable|n/?a|non[- ]interventional(?:\s+study)?)",
    re.IGNORECASE,
)


def is_no_treatment(intervention: Intervention) -> bool:
    """True when the "intervention" is a placeholder saying there is none ("observational")."""
    return is_no_treatment_name(intervention.name.value)


def is_no_treatment_name(name: str) -> bool:
    """``Other: observational``, ``No Intervention``, ``None``: names that say there is none."""
    return _NO_TREATMENT.fullmatch(without_type(name).strip(" .")) is not None


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
    chosen = [i for i in chosen if not is_no_treatment(i)]
    for intervention in chosen:
        shown = display_name(intervention)
        key = shown.value.lower()
        if key in seen:
            continue
        seen.add(key)
        if len(names) < limit and is_plain_name(shown.value, glossary, policy):
            names.append(Field(name_in_text(unshout(shown.value)), shown.path))
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
    if counted and len(unnamed) > MAX_KINDS:
        # "7 more medicines, one more medicine made from living cells and one more kind of
        # radiation" is a list no one reads in passing: the kinds are counted together
        total = sum(unnamed.values())
        return say_list([*parts, f"{say_count(total)} {more}{'thing' if total == 1 else 'things'}"])
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


MAX_CONDITION_WORDS = 6  # a longer "condition" is a sentence someone typed there, not a name
PLAIN_CONDITION_WORDS = 4
_NOT_A_CONDITION_NAME = re.compile(r"[()%:;™®]")


def named_conditions(trial: Trial) -> list[Field[str]]:
    """The conditions that read as names; "questionnaire on changes in care during the
    pandemic" is listed further down as entered, not put into our sentences."""
    return [
        c
        for c in trial.conditions
        if len(c.value.split()) <= MAX_CONDITION_WORDS and not _NOT_A_CONDITION_NAME.search(c.value)
    ]


def _long_words(name: str) -> int:
    """Words of three syllables or more: what makes a name hard to say (and raises SMOG)."""
    return sum(1 for w in re.findall(r"[a-z]+", name.lower()) if syllables(w) >= 3)


def pick_conditions(trial: Trial, most: int, max_words: int) -> tuple[list[Field[str]], int]:
    """A few conditions to name in a sentence, and how many of the record's others are not named.

    A record may list 28 conditions ("Childhood Acute Lymphoblastic Leukemia in Remission", ...);
    a sentence naming them all is one no one can read. Plain names are chosen first (at most
    ``PLAIN_CONDITION_WORDS`` words, at most two long words), at most ``most`` of them and ``max_words``
    words together, and are given in the record's order. The full list stays in "What the study
    is about", as the study team wrote it.
    """
    named = named_conditions(trial)
    titled = _in_title(trial, named)
    ranked = sorted(
        range(len(named)),
        key=lambda i: (
            len(named[i].value.split()) > PLAIN_CONDITION_WORDS or _long_words(named[i].value) > 2,
            i not in titled,
            i,
        ),
    )
    chosen: list[int] = []
    words = 0
    for index in ranked:
        size = len(named[index].value.split())
        if len(chosen) >= most or (chosen and words + size > max_words):
            break
        chosen.append(index)
        words += size
    shown = [named[i] for i in sorted(chosen)]
    return shown, len(trial.conditions) - len(shown)


def _in_title(trial: Trial, named: Sequence[Field[str]]) -> frozenset[int]:
    """Which conditions the titles name: the study is about those ("... Preventing Oral Mucositis
    in Young Patients Undergoing ... Transplant" lists 28 conditions, mucositis among them, in
    alphabetical order). Whole words, any case."""
    ident = trial.identification
    titles = " ".join(t.value for t in (ident.brief_title, ident.official_title) if t is not None).lower()
    if not titles:
        return frozenset()
    return frozenset(
        i
        for i, name in enumerate(named)
        if _bare(name.value) and re.search(rf"(?<!\w){re.escape(_bare(name.value).lower())}(?!\w)", titles)
    )


def condition_names(fields: Sequence[Field[str]]) -> list[str]:
    """The names as they run in our sentences (Title Case lowered, codes and names kept)."""
    return _with_short_forms([plain_case(uninvert(_bare(f.value))) for f in fields])


def _with_short_forms(names: list[str]) -> list[str]:
    """A name that is the short form of another in the list ("OSA" beside "obstructive sleep
    apnea") is written with it, "obstructive sleep apnea (OSA)": one illness, not two, and the
    letters spelled out where the reader meets them. So is a short form that stands inside
    another name ("relapsed adult AML" after "acute myeloid leukemia"): the first name it
    abbreviates says it, "acute myeloid leukemia (AML)"."""
    shorts = dict.fromkeys(w for name in names for w in name.split() if w.isalnum())
    out = list(names)
    for short in shorts:
        long = next((n for n in names if n != short and abbreviates(short, n)), None)
        if long is None:
            continue
        out[out.index(long)] = f"{long} ({short})"
        if short in out:
            out.remove(short)
    return out


def _bare(name: str) -> str:
    """A name without the full stop or comma some registries type after it ("... lymphohistiocytosis.")."""
    return name.strip().rstrip(".,;: ").strip()


# Index order, as MeSH and some registries write names: "Influenza, Human", "Lymphoma, B-Cell",
# "Acute Lymphoblastic Leukemia, Adult". One or two words after a single comma are the front
# of the name.
_INVERTED = re.compile(r"^([^,]+),\s+([A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*)?)$")


def uninvert(name: str) -> str:
    """``Influenza, Human`` → ``Human Influenza``: the order a reader says the name in."""
    found = _INVERTED.match(name.strip())
    return f"{found[2]} {found[1]}" if found else name


def more_problems(count: int) -> str:
    """``1 more health matter`` / ``8 more health matters``: what the record also lists (its
    conditions: sicknesses, but also "Healthy" or "Smoking", so not "sicknesses")."""
    return f"{say_count(count)} more health {'matter' if count == 1 else 'matters'}"


__all__ = [
    "condition_names",
    "describe",
    "is_no_treatment",
    "is_no_treatment_name",
    "is_plain_name",
    "kind_words",
    "more_problems",
    "named_conditions",
    "pick_conditions",
    "tested",
]
