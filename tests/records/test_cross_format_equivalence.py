"""The same trial read from two formats gives the same facts.

Pairs in ../shared/data: NCT02513394 as legacy XML and v2 JSON, NCT02028676 as legacy XML and
classic JSON. (The brief also names NCT00023673; ../shared/data holds no copy of it in any format.)
The PALLAS XML (NCT02513394) is a 2020 snapshot and the v2 copy was updated in 2023 with four
secondary outcomes instead of one and a new primary time frame, so time frames and secondary
outcomes are compared only when both copies share their last update date.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RECORDS

import plainlang
from plainlang.model import Trial

pytestmark = pytest.mark.corpus

PAIRS = [
    ("ctgov-xml/NCT02513394.xml", "ctgov-v2/NCT02513394.json"),
    ("ctgov-xml/NCT02028676.xml", "ctgov-classic/NCT02028676.json"),
]


def facts(trial: Trial) -> dict[str, object]:
    """The facts a patient page is built from, as plain values."""
    ident, design, rules = trial.identification, trial.design, trial.eligibility

    def value(field: object) -> object:
        return getattr(field, "value", None)

    return {
        "id": trial.id,
        "brief_title": value(ident.brief_title),
        "official_title": value(ident.official_title),
        "acronym": value(ident.acronym),
        "phases": value(design.phases),
        "status": trial.status.overall.value,
        "study_type": value(design.study_type),
        "enrollment": (design.enrollment.count.value, value(design.enrollment.kind))
        if design.enrollment
        else None,
        "conditions": [c.value for c in trial.conditions],
        "interventions": [(i.name.value, value(i.type)) for i in trial.interventions],
        "arms": [(a.label.value, value(a.type)) for a in trial.arms],
        "primary_outcomes": [o.measure.value for o in trial.primary_outcomes],
        "minimum_age": value(rules.minimum_age),
        "maximum_age": value(rules.maximum_age),
        "sex": value(rules.sex),
        "std_ages": value(rules.std_ages),
        "healthy_volunteers": value(rules.healthy_volunteers),
        "allocation": value(design.allocation),
        "intervention_model": value(design.intervention_model),
        "masking": value(design.masking),
        "primary_purpose": value(design.primary_purpose),
        "start": trial.status.start.iso if trial.status.start else None,
        "completion": (trial.status.completion.iso, trial.status.completion.kind)
        if trial.status.completion
        else None,
    }


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=lambda p: p.split("/")[0])
def test_same_trial_in_two_formats_gives_the_same_facts(first: str, second: str, shared_data: Path) -> None:
    a, b = plainlang.load(RECORDS / first), plainlang.load(RECORDS / second)
    assert a.source.format != b.source.format
    assert facts(a) == facts(b)


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=lambda p: p.split("/")[0])
def test_time_frames_and_secondary_outcomes_agree_when_both_copies_are_one_version(
    first: str, second: str, shared_data: Path
) -> None:
    a, b = plainlang.load(RECORDS / first), plainlang.load(RECORDS / second)
    same_version = (
        a.status.last_update and b.status.last_update and a.status.last_update.iso == b.status.last_update.iso
    )
    measures = (
        [o.measure.value for o in a.secondary_outcomes],
        [o.measure.value for o in b.secondary_outcomes],
    )
    if same_version:
        assert measures[0] == measures[1]
    else:
        # different snapshots: the later one may have changed them, but both still list some
        assert measures[0] and measures[1]


def test_provenance_names_each_format_s_own_field(shared_data: Path) -> None:
    xml = plainlang.load(RECORDS / "ctgov-xml/NCT02028676.xml")
    classic = plainlang.load(RECORDS / "ctgov-classic/NCT02028676.json")
    assert xml.status.overall.path == "overall_status"
    assert classic.status.overall.path == "ProtocolSection.StatusModule.OverallStatus"
    assert xml.source.registry == classic.source.registry == "ClinicalTrials.gov"
    assert xml.source.url == classic.source.url == "https://clinicaltrials.gov/study/NCT02028676"
