"""Plain phrases derived from a Trial that several sections share (phase, who, what, when)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from plainlang.compose.cite import Citer, split_sentences
from plainlang.compose.phrasing import end_sentence, plain_case, say_date, say_list
from plainlang.compose.plainness import Gate, gated_units
from plainlang.compose.rewrite import rewrite_sentence
from plainlang.compose.wording import Wording
from plainlang.model import Block, DateField, Field, Intervention, Passage, Sentence, Trial

MAX_CONDITIONS = 3
# A drug code rather than a name: letters and digits with a dash or none ("KO-539", "ABT199").
_CODE = re.compile(r"^[A-Z]{1,6}[- ]?\d{2,6}[A-Z]?$")


def phase_name(trial: Trial, wording: Wording) -> str:
    """``phase 1/2`` for combined phases, ``phase 3``, or "" when the record has none."""
    phases = trial.design.phases.value if trial.design.phases else ()
    names = [n for n in (wording.phrase("phase", p, "name") for p in phases) if n]
    if len(names) == 2 and all(n.startswith("phase ") for n in names):
        return f"phase {names[0].removeprefix('phase ')}/{names[1].removeprefix('phase ')}"
    return say_list(names)


def study_type(trial: Trial) -> str:
    return trial.design.study_type.value if trial.design.study_type else "INTERVENTIONAL"


def age_group(trial: Trial) -> str:
    """``adults``, ``children`` or ``all_ages``: who may join by the standard age groups.

    The key of the ``sex`` wording, which says "men and women" only when no child may join and
    "boys and girls" only when only children may; a record without age groups gives ``unknown``.
    """
    ages = set(trial.eligibility.std_ages.value) if trial.eligibility.std_ages else set()
    if not ages:
        return "unknown"
    if ages == {"CHILD"}:
        return "children"
    return "all_ages" if "CHILD" in ages else "adults"


# The people a study is for, by age group and by who may join by sex: "men and women" are
# plainer words than "adults" (Dale–Chall), and true together with the sex the record allows.
_WHO: dict[tuple[str, str], str] = {
    ("children", "ALL"): "children",
    ("children", "FEMALE"): "girls",
    ("children", "MALE"): "boys",
    ("adults", "ALL"): "men and women",
    ("adults", "FEMALE"): "women",
    ("adults", "MALE"): "men",
    ("older", "ALL"): "older people",
    ("older", "FEMALE"): "older women",
    ("older", "MALE"): "older men",
    ("all_ages", "ALL"): "children, men and women",
    ("all_ages", "FEMALE"): "girls and women",
    ("all_ages", "MALE"): "boys and men",
}


def who(trial: Trial) -> str:
    """``men and women``, ``girls``, ``children, men and women``, ``people``: from the standard
    age groups and the sex the record allows."""
    ages = trial.eligibility.std_ages.value if trial.eligibility.std_ages else ()
    if not ages:
        return "people"
    sex = trial.eligibility.sex.value if trial.eligibility.sex else "ALL"
    group = "older" if set(ages) == {"OLDER_ADULT"} else age_group(trial)
    return _WHO.get((group, sex), "people")


def condition_phrase(trial: Trial, limit: int = MAX_CONDITIONS) -> str:
    phrase = say_list([plain_case(c.value) for c in trial.conditions[:limit]], "or")
    if len(trial.conditions) > limit:
        phrase += " and more"
    return phrase


def display_name(intervention: Intervention) -> Field[str]:
    """The intervention's name a reader can say: a drug code gives way to a real name if there is one."""
    if _CODE.match(intervention.name.value):
        for other in intervention.other_names:
            if not _CODE.match(other.value) and len(other.value) < 40:
                return other
    return intervention.name


# Intervention types that are the thing being tried; procedures, tests and "other" (sample
# collection, questionnaires) are how the study measures, so a page names them only when the
# study has nothing else.
_TREATMENT_TYPES = {
    "DRUG",
    "BIOLOGICAL",
    "GENETIC",
    "RADIATION",
    "DEVICE",
    "COMBINATION_PRODUCT",
    "DIETARY_SUPPLEMENT",
    "BEHAVIORAL",
}


def treatment_names(trial: Trial, limit: int = 4) -> list[Field[str]]:
    """The study's treatments, placebo last, without repeats, named as a reader would say them."""
    treatments = [i for i in trial.interventions if i.type is not None and i.type.value in _TREATMENT_TYPES]
    seen: dict[str, Field[str]] = {}
    for intervention in treatments or list(trial.interventions):
        name = display_name(intervention)
        seen.setdefault(name.value.lower(), Field(name_in_text(name.value), name.path))
    return sorted(seen.values(), key=lambda f: "placebo" in f.value.lower())[:limit]


def name_in_text(name: str) -> str:
    """Multi-word Title Case names read in lower case ("Donor Lymphocyte Infusion" → "donor
    lymphocyte infusion"); one-word names may be brands ("Actimmune") and keep their case."""
    return run_in(name) if len(name.split()) > 1 else name


def run_in(text: str) -> str:
    """An outcome or time frame to run on inside a sentence: ``Overall Survival`` → ``overall survival``.

    Title Case text is lowered word by word (acronyms kept); otherwise only the first word.
    """
    words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 4]
    if words and sum(w[:1].isupper() for w in words) / len(words) >= 0.6:
        return plain_case(text)
    first, _, rest = text.partition(" ")
    return f"{plain_case(first)} {rest}".strip() if first else text


def without_type(name: str) -> str:
    """v2 arm groups list interventions as "Drug: Venetoclax"; the type is said elsewhere."""
    kind, sep, rest = name.partition(": ")
    known = {
        "drug",
        "biological",
        "device",
        "procedure",
        "radiation",
        "behavioral",
        "genetic",
        "dietary supplement",
        "combination product",
        "diagnostic test",
        "other",
    }
    return rest if sep and kind.lower() in known else name


def date_sentence(cite: Citer, date: DateField | None, past: str, planned: str) -> Sentence | None:
    """``{on}`` in a template becomes "on" before a full date and "in" before a month or year."""
    if date is None:
        return None
    template = planned if date.kind == "ESTIMATED" else past
    on = "on" if date.iso.count("-") == 2 else "in"
    return cite.say(template.format(date=say_date(date.iso), on=on), date)


# "Contact ... at 1-877-..." / "For more information, call ...": how to reach the sponsor, not a
# fact about the study. Contact data is masked anyway; a sentence of masks helps no reader.
_CONTACT_SENTENCE = re.compile(
    r"\b(?:contact|call|e-?mail|phone|telephone)\b.*(?:@|\d{3}|•)|(?:@|\d{3}|•).*\b(?:contact|call)\b",
    re.IGNORECASE,
)


def is_contact_text(text: str) -> bool:
    """Text that tells how to reach someone (and holds an address or a number), not a study fact."""
    return _CONTACT_SENTENCE.search(text) is not None


def plain_sentences(text: str, language: str = "en") -> list[str]:
    """Registry text → plainer sentences, each ending with a full stop; contact lines dropped."""
    out: list[str] = []
    for sentence in split_sentences(text):
        if is_contact_text(sentence):
            continue
        out.extend(end_sentence(s) for s in rewrite_sentence(sentence, language))
    return out


def plain_units(text: str, language: str = "en") -> list[list[str]]:
    """Registry text → one list of plainer sentences per registry sentence; contact lines dropped.

    The plainness gate keeps or leaves out a unit whole: the pieces a long sentence was split
    into lean on each other.
    """
    out: list[list[str]] = []
    for sentence in split_sentences(text):
        if is_contact_text(sentence):
            continue
        pieces = [end_sentence(s) for s in rewrite_sentence(sentence, language)]
        if pieces:
            out.append(pieces)
    return out


def passage_blocks(passage: Passage | None, cite: Citer, gate: Gate) -> Iterator[Block]:
    """A registry passage as our blocks, rewritten plainly and through the plainness gate.

    Paragraphs stay paragraphs, items items; each block keeps the leading sentences that pass.
    When anything is left out, a last paragraph says the full record has more.
    """
    if passage is None:
        return
    left_out = False
    for block in passage.blocks:
        units = plain_units(block.text, gate.language)
        kept, dropped = gated_units(units, gate, sum(len(u) for u in units))
        left_out = left_out or bool(dropped)
        if not kept:
            continue
        # headings such as "The study has two parts:" lead a list; they read as a sentence
        yield Block(
            "item" if block.kind == "item" else "paragraph", tuple(cite.say(s, passage) for s in kept)
        )
    if left_out:
        yield Block("paragraph", (cite.say("The full record says more about the study.", passage),))
