"""A page that reads above the target grade gives its long lists in fewer words, one step at a
time, and says where the rest is; a page that reads plainly keeps every list whole."""

from __future__ import annotations

import pytest
from conftest import RECORDS, require_shared

import plainlang
from plainlang.compose import compose_trial
from plainlang.compose.cite import Citer
from plainlang.compose.people_sections import conditions, where, who_can_join
from plainlang.compose.plainness import build_gate
from plainlang.compose.wording import load_wording
from plainlang.explain import Glossary
from plainlang.model import Section, Trial
from plainlang.policy import load_policy
from plainlang.records import load

PROFILE = plainlang.Profile(today="2026-11-21")


def _trial(folder: str, record: str) -> Trial:
    require_shared()
    return load(next((RECORDS / folder).glob(f"{record}.*")))


def _texts(section: Section) -> list[str]:
    return [s.text for b in section.blocks for s in b.sentences]


def _page(trial: Trial, profile: plainlang.Profile = PROFILE) -> dict[str, Section]:
    return {s.id: s for s in compose_trial(trial, profile).sections}


def test_places_not_named_are_counted_by_country_with_a_pointer_to_the_record() -> None:
    trial = _trial("ctgov-xml", "NCT01742117")
    section = where(trial, load_wording("en"), Citer(trial.id), named=False)
    texts = _texts(section)
    assert not any("is looking for people" in t for t in texts)
    assert any(t.startswith("United States: ") for t in texts)
    assert texts[-1] == "The full record gives the name of each place."


def test_conditions_not_listed_leave_a_pointer_and_who_can_join_says_so() -> None:
    trial = _trial("ctgov-v2", "NCT01305200")
    about = _texts(conditions(trial, Citer(trial.id), listed_too=False))
    assert about[-1] == "The full record lists them as the study team wrote them."
    gate = build_gate(PROFILE, load_policy(PROFILE.policy), trial, Glossary.load())
    join = _texts(who_can_join(trial, load_wording("en"), Citer(trial.id), gate, conditions_listed=False))
    assert "The full record lists 24 more health matters." in join
    assert not any("at the end of this page" in t for t in join)


def test_a_page_too_hard_with_every_hospital_named_counts_its_places() -> None:
    page = _page(_trial("ctgov-xml", "NCT01742117"))  # 29 places, SMOG 9 with their names
    assert not any("is looking for people" in t for t in _texts(page["where"]))


def test_a_page_that_reads_plainly_keeps_its_lists() -> None:
    page = _page(_trial("ctgov-xml", "NCT02438137"))
    assert any(b.kind == "item" for b in page["conditions"].blocks)


@pytest.mark.parametrize("target", [20.0])
def test_an_easy_target_keeps_every_list_of_a_hard_page(target: float) -> None:
    page = _page(
        _trial("ctgov-xml", "NCT01742117"), plainlang.Profile(today="2026-11-21", target_smog=target)
    )
    assert any("is looking for people" in t for t in _texts(page["where"]))


def test_systematic_chemical_names_are_not_given_as_other_names() -> None:
    from plainlang.compose.study_sections import what_is_tested

    trial = _trial("ctgov-v2", "NCT00567567")
    gate = build_gate(PROFILE, load_policy(PROFILE.policy), trial, Glossary.load())
    texts = _texts(what_is_tested(trial, load_wording("en"), Citer(trial.id), gate))
    called = [t for t in texts if t.startswith("It is also called")]
    assert called  # brand names are still given
    for name in (
        "Oxazaphosphorine",
        "Phosphinothioylidynetrisaziridine",
        "13-cis",
        "(-)-",
        "Epipodophyllotoxin",
    ):
        assert not any(name in t for t in called), name


def test_other_names_left_out_are_counted_in_the_says_more_line() -> None:
    from plainlang.compose.study_sections import what_is_tested

    trial = _trial("ctgov-v2", "NCT00567567")
    gate = build_gate(PROFILE, load_policy(PROFILE.policy), trial, Glossary.load())
    texts = _texts(what_is_tested(trial, load_wording("en"), Citer(trial.id), gate, other_names=0))
    assert not any(t.startswith("It is also called") for t in texts)
    assert "The full record says more about each of these." in texts or any(
        t.startswith("The full record says more about") for t in texts
    )


def test_other_measures_not_named_leave_a_pointer_to_the_record() -> None:
    from plainlang.compose.study_sections import what_is_measured

    trial = _trial("ctgov-v2", "NCT00567567")
    gate = build_gate(PROFILE, load_policy(PROFILE.policy), trial, Glossary.load())
    section = what_is_measured(trial, Citer(trial.id), gate, other_measures=0)
    texts = _texts(section)
    assert "The study also measures 14 other things." in texts
    assert "The full record lists them." in texts
    assert not any(b.kind == "note" and "Some of them" in b.sentences[0].text for b in section.blocks)


def test_each_step_reads_no_harder_than_the_full_page_on_a_hard_page() -> None:
    from plainlang.compose.trial_page import STEPS, Shorter, page_grade, trial_sections
    from plainlang.model import Document

    trial = _trial("ctgov-xml", "NCT01742117")
    glossary = Glossary.load()

    def grade(step: Shorter) -> float:
        sections = trial_sections(
            trial,
            load_wording("en"),
            load_policy(PROFILE.policy),
            PROFILE,
            glossary,
            step=step,
        )
        return page_grade(Document("A page", sections), glossary)

    full = grade(STEPS[0])
    assert full > PROFILE.target_smog
    assert all(grade(step) < full for step in STEPS[1:])
