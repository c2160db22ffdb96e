"""Our own page wording uses Dale–Chall easy words, so glossary coverage does not slip back (issue 3).

The wording tables (compose/data/wording.en.yaml, changes.en.yaml) and the policy's disclaimers
are sentences every page carries. A hard word there is a hard word on hundreds of pages that no
glossary explains, so each one must be an easy word (or a regular inflection of one) or stand on
the short allow-list below, with the reason it cannot be said more plainly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from conftest import require_shared, shared_records

import plainlang
from plainlang._yaml import safe_load
from plainlang.compose import facts
from plainlang.compose.naming import more_problems
from plainlang.compose.wording import load_wording
from plainlang.explain.coverage import is_easy
from plainlang.model import Field, Trial
from plainlang.readability.counts import easy_words

SMALL = Path(__file__).resolve().parent.parent / "fixtures" / "v2_small.json"

# Words a page needs that have no plain stand-in. Each is the name of a kind of thing the record
# states, and the glossary explains it where the page uses it (or the page's own sentence does).
ALLOWED = {
    "en": "the language key of the tables, not page text",
    "phase": "the study's phase is a fact a reader must be told; the page defines it in words",
    "effects": "in 'side effects', a glossary term",
    "dose": "a glossary term; what phase 1 looks for",
    "doses": "a glossary term; what a sequential design raises",
    "placebo": "named so the reader knows the word the study team will use; defined in the sentence",
    "device": "an intervention type: the page says what kind of thing is tested",
    "devices": "an intervention type",
    "gene-based": "an intervention type",
    "dietary": "an intervention type ('dietary supplement')",
    "supplement": "an intervention type ('dietary supplement')",
    "supplements": "an intervention type ('dietary supplements')",
}

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for child in value.values():
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)
    elif isinstance(value, str):
        yield value


def _own_texts() -> Iterator[tuple[str, str]]:
    for name in ("wording.en.yaml", "changes.en.yaml"):
        data = safe_load(files("plainlang.compose").joinpath("data", name).read_text("utf-8"))
        for text in _strings(data):
            yield name, re.sub(r"\{\w+\}", " ", text)
    policy = safe_load(files("plainlang.policy").joinpath("data", "default.yaml").read_text("utf-8"))
    for disclaimer in policy["disclaimers"]:
        yield "policy default.yaml", disclaimer["text"]


def _hard_words() -> dict[str, set[str]]:
    easy = easy_words()
    found: dict[str, set[str]] = {}
    for where, text in _own_texts():
        for word in _WORD.findall(text):
            if not (is_easy(word, easy) or is_easy(word.lower(), easy)):
                found.setdefault(word.lower(), set()).add(where)
    return found


def test_our_wording_tables_use_only_easy_words_or_allowed_ones() -> None:
    unexpected = {word: sorted(where) for word, where in _hard_words().items() if word not in ALLOWED}
    assert not unexpected, (
        f"hard words in our own wording (say them plainly, or allow one with a reason): {unexpected}"
    )


def test_every_allowed_hard_word_is_still_used() -> None:
    # an allow-list entry nothing uses any more would let that word back in unseen
    assert set(ALLOWED) <= set(_hard_words()), sorted(set(ALLOWED) - set(_hard_words()))


def test_a_hard_word_in_a_table_would_be_found() -> None:
    easy = easy_words()
    assert not is_easy("illness", easy) and not is_easy("treatment", easy)
    assert is_easy("sickness", easy) and is_easy("medicine", easy)


def _trial(sex: str | None, ages: tuple[str, ...] | None) -> Trial:
    trial = plainlang.load(SMALL)
    eligibility = replace(
        trial.eligibility,
        sex=Field(sex, "protocolSection.eligibilityModule.sex") if sex else None,
        std_ages=Field(ages, "protocolSection.eligibilityModule.stdAges") if ages else None,
    )
    return replace(trial, eligibility=eligibility)


@pytest.mark.parametrize(
    ("sex", "ages", "people", "group"),
    [
        ("ALL", ("ADULT", "OLDER_ADULT"), "men and women", "adults"),
        ("FEMALE", ("ADULT",), "women", "adults"),
        ("MALE", ("CHILD",), "boys", "children"),
        ("ALL", ("CHILD", "ADULT"), "children, men and women", "all_ages"),
        ("FEMALE", ("CHILD", "ADULT", "OLDER_ADULT"), "girls and women", "all_ages"),
        ("ALL", ("OLDER_ADULT",), "older people", "adults"),
        (None, None, "people", "unknown"),
    ],
)
def test_who_takes_part_is_said_with_plain_words_true_to_sex_and_age(
    sex: str | None, ages: tuple[str, ...] | None, people: str, group: str
) -> None:
    trial = _trial(sex, ages)
    assert facts.who(trial) == people
    assert facts.age_group(trial) == group


def test_the_sex_sentence_never_names_children_who_cannot_join() -> None:
    wording = load_wording("en")
    for sex in ("ALL", "FEMALE", "MALE"):
        adults = wording.phrase("sex", sex, "adults")
        children = wording.phrase("sex", sex, "children")
        assert "boys" not in adults and "girls" not in adults, adults
        assert "men" not in children.replace("women", ""), children
    assert wording.phrase("sex", "ALL", "all_ages") == "Men, women, boys and girls can all join."


def test_healthy_volunteers_say_if_healthy_people_can_join() -> None:
    wording = load_wording("en")
    assert wording.phrase("healthy_volunteers", "true") == "Healthy people can join too."
    assert wording.phrase("healthy_volunteers", "false") == "The study does not take healthy people."


def test_more_conditions_are_counted_as_health_matters() -> None:
    assert more_problems(1) == "1 more health matter"
    assert more_problems(8) == "8 more health matters"


def test_country_counts_keep_the_country_as_a_name() -> None:
    require_shared()
    # 61 sites in several countries: too many to name, so counted by country
    (path,) = shared_records("ctgov-v2", "NCT00567567.json")
    summary = plainlang.summarize(path, plainlang.Profile(today="2026-11-21"))
    where = summary.document.section("where")
    assert where is not None
    counted = [s for s in where.sentences() if re.match(r"[A-Z][\w ]+: \d+ places?", s.text)]
    assert counted, "the record's sites are counted by country"
    for sentence in counted:
        country = sentence.text.split(":")[0]
        assert country in sentence.keep, sentence
