"""Every value of every ClinicalTrials.gov API v2 enumeration a page shows has plain wording.

The lists are the public API v2 enumerations (``/api/v2/studies/enums``), copied here on purpose:
when the registry adds a value, this test is where we notice.
"""

from __future__ import annotations

import re

import pytest

from plainlang._textstat import textstat
from plainlang.compose.wording import load_wording

V2_ENUMS: dict[str, tuple[str, ...]] = {
    "overall_status": (
        "ACTIVE_NOT_RECRUITING",
        "COMPLETED",
        "ENROLLING_BY_INVITATION",
        "NOT_YET_RECRUITING",
        "RECRUITING",
        "SUSPENDED",
        "TERMINATED",
        "WITHDRAWN",
        "AVAILABLE",
        "NO_LONGER_AVAILABLE",
        "TEMPORARILY_NOT_AVAILABLE",
        "APPROVED_FOR_MARKETING",
        "WITHHELD",
        "UNKNOWN",
    ),
    "site_status": (
        "ACTIVE_NOT_RECRUITING",
        "COMPLETED",
        "ENROLLING_BY_INVITATION",
        "NOT_YET_RECRUITING",
        "RECRUITING",
        "SUSPENDED",
        "TERMINATED",
        "WITHDRAWN",
        "AVAILABLE",
    ),
    "site_status_clause": (
        "ACTIVE_NOT_RECRUITING",
        "COMPLETED",
        "ENROLLING_BY_INVITATION",
        "NOT_YET_RECRUITING",
        "RECRUITING",
        "SUSPENDED",
        "TERMINATED",
        "WITHDRAWN",
        "AVAILABLE",
    ),
    "study_type": ("EXPANDED_ACCESS", "INTERVENTIONAL", "OBSERVATIONAL"),
    "phase": ("NA", "EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4"),
    "sex": ("FEMALE", "MALE", "ALL"),
    "std_age": ("CHILD", "ADULT", "OLDER_ADULT"),
    "date_kind": ("ACTUAL", "ESTIMATED"),
    "enrollment_kind": ("ACTUAL", "ESTIMATED"),
    "allocation": ("RANDOMIZED", "NON_RANDOMIZED", "NA"),
    "intervention_model": ("SINGLE_GROUP", "PARALLEL", "CROSSOVER", "FACTORIAL", "SEQUENTIAL"),
    "primary_purpose": (
        "TREATMENT",
        "PREVENTION",
        "DIAGNOSTIC",
        "ECT",
        "SUPPORTIVE_CARE",
        "SCREENING",
        "HEALTH_SERVICES_RESEARCH",
        "BASIC_SCIENCE",
        "DEVICE_FEASIBILITY",
        "OTHER",
    ),
    "observational_model": (
        "COHORT",
        "CASE_CONTROL",
        "CASE_ONLY",
        "CASE_CROSSOVER",
        "ECOLOGIC_OR_COMMUNITY",
        "FAMILY_BASED",
        "DEFINED_POPULATION",
        "NATURAL_HISTORY",
        "OTHER",
    ),
    "time_perspective": ("RETROSPECTIVE", "PROSPECTIVE", "CROSS_SECTIONAL", "OTHER"),
    "masking": ("NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE"),
    "who_masked": ("PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR", "OUTCOMES_ASSESSOR"),
    "arm_type": (
        "EXPERIMENTAL",
        "ACTIVE_COMPARATOR",
        "PLACEBO_COMPARATOR",
        "SHAM_COMPARATOR",
        "NO_INTERVENTION",
        "OTHER",
    ),
    "intervention_type": (
        "BEHAVIORAL",
        "BIOLOGICAL",
        "COMBINATION_PRODUCT",
        "DEVICE",
        "DIAGNOSTIC_TEST",
        "DIETARY_SUPPLEMENT",
        "DRUG",
        "GENETIC",
        "PROCEDURE",
        "RADIATION",
        "OTHER",
    ),
    "healthy_volunteers": ("true", "false"),
    # how the page counts treatments whose names are not plain ("2 more medicines")
    "intervention_kind": (
        "BEHAVIORAL",
        "BIOLOGICAL",
        "COMBINATION_PRODUCT",
        "DEVICE",
        "DIAGNOSTIC_TEST",
        "DIETARY_SUPPLEMENT",
        "DRUG",
        "GENETIC",
        "PROCEDURE",
        "RADIATION",
        "OTHER",
    ),
}

# Values whose honest wording is empty: "not applicable" phases and catch-all OTHER models
# add nothing a reader needs, so the page says nothing rather than filler.
MAY_BE_EMPTY = {
    ("phase", "NA"),
    ("allocation", "NA"),
    ("observational_model", "OTHER"),
    ("time_perspective", "OTHER"),
    ("arm_type", "OTHER"),
    ("date_kind", "ACTUAL"),
}

CASES = [(table, value) for table, values in V2_ENUMS.items() for value in values]


@pytest.mark.parametrize(("table", "value"), CASES, ids=[f"{t}.{v}" for t, v in CASES])
def test_enum_value_has_wording(table: str, value: str) -> None:
    wording = load_wording("en")
    entry = wording.tables.get(table, {}).get(value)
    assert entry is not None, f"{table}.{value} has no wording in {wording.source}"
    if (table, value) not in MAY_BE_EMPTY:
        texts = entry.values() if isinstance(entry, dict) else [entry]
        assert all(str(t).strip() for t in texts), f"{table}.{value} has an empty phrase"


def _walk(value: object, where: str) -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [pair for key, child in value.items() for pair in _walk(child, f"{where}.{key}")]
    if isinstance(value, str) and len(value.split()) >= 4:
        return [(where, value)]
    return []


def _phrases() -> list[tuple[str, str]]:
    return [pair for table, entries in load_wording("en").tables.items() for pair in _walk(entries, table)]


@pytest.mark.parametrize(("where", "text"), _phrases(), ids=[w for w, _ in _phrases()])
def test_wording_is_grade_6_or_below(where: str, text: str) -> None:
    # "phase 1" and similar names are the subject being explained, not words the reader must know
    plain = re.sub(r"\bphase \d\b|\{\w+\}", "it", text)
    assert textstat().flesch_kincaid_grade(plain) <= 6.0, where
