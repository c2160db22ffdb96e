"""Every registry's enumeration values → the ClinicalTrials.gov API v2 spelling, in one place.

The composer knows one vocabulary (``RECRUITING``, ``PHASE1``, ``INTERVENTIONAL``, ``ALL``, ages
as "18 Years"). Each registry spells the same facts its own way: "Active, not recruiting" in the
legacy XML, "Ongoing, recruiting" in CTIS, "Prematurely Ended" in the EU register, "Both" for sex,
"Phase 1/Phase 2", "Therapeutic exploratory (Phase II)". Readers pass every such value through
``to_v2`` (or ``phases`` / ``age``), which looks it up in the tables below.

Lookup is by a folded key (lower case, punctuation and spaces collapsed), so "Active, not
recruiting", "ACTIVE_NOT_RECRUITING" and "active not recruiting" are the same key, and a v2 value
always maps to itself. A value no table knows is kept exactly as the registry wrote it: a summary
may then say less, but it never says something the registry did not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from plainlang.model import Field

# fmt: off
# The v2 values of each enumeration (ClinicalTrials.gov data element definitions).
V2_VALUES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "status": (
        "NOT_YET_RECRUITING", "RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING",
        "SUSPENDED", "TERMINATED", "COMPLETED", "WITHDRAWN", "UNKNOWN", "AVAILABLE",
        "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD",
    ),
    "phase": ("EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"),
    "study_type": ("INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"),
    "allocation": ("RANDOMIZED", "NON_RANDOMIZED", "NA"),
    "intervention_model": ("SINGLE_GROUP", "PARALLEL", "CROSSOVER", "FACTORIAL", "SEQUENTIAL"),
    "masking": ("NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE"),
    "who_masked": ("PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR", "OUTCOMES_ASSESSOR"),
    "primary_purpose": (
        "TREATMENT", "PREVENTION", "DIAGNOSTIC", "ECT", "SUPPORTIVE_CARE", "SCREENING",
        "HEALTH_SERVICES_RESEARCH", "BASIC_SCIENCE", "DEVICE_FEASIBILITY", "OTHER",
    ),
    "observational_model": (
        "COHORT", "CASE_CONTROL", "CASE_ONLY", "CASE_CROSSOVER", "ECOLOGIC_OR_COMMUNITY",
        "FAMILY_BASED", "DEFINED_POPULATION", "NATURAL_HISTORY", "OTHER",
    ),
    "time_perspective": ("RETROSPECTIVE", "PROSPECTIVE", "CROSS_SECTIONAL", "OTHER"),
    "sex": ("ALL", "FEMALE", "MALE"),
    "std_age": ("CHILD", "ADULT", "OLDER_ADULT"),
    "arm_type": (
        "EXPERIMENTAL", "ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR",
        "NO_INTERVENTION", "OTHER",
    ),
    "intervention_type": (
        "BEHAVIORAL", "BIOLOGICAL", "COMBINATION_PRODUCT", "DEVICE", "DIAGNOSTIC_TEST",
        "DIETARY_SUPPLEMENT", "DRUG", "GENETIC", "PROCEDURE", "RADIATION", "OTHER",
    ),
    "date_kind": ("ACTUAL", "ESTIMATED"),
    "enrollment_kind": ("ACTUAL", "ESTIMATED"),
    "reference_type": ("BACKGROUND", "RESULT", "DERIVED"),
    "agency_class": ("NIH", "FED", "OTHER_GOV", "INDIV", "INDUSTRY", "NETWORK", "AMBIG", "OTHER", "UNKNOWN"),
    "official_role": ("STUDY_CHAIR", "STUDY_DIRECTOR", "PRINCIPAL_INVESTIGATOR", "SUB_INVESTIGATOR"),
    "contact_role": (
        "STUDY_CHAIR", "STUDY_DIRECTOR", "PRINCIPAL_INVESTIGATOR", "SUB_INVESTIGATOR", "CONTACT",
    ),
})
# fmt: on

# Other spellings, by folded key. Only values whose meaning is the same as the v2 value are
# here: EU CTR "Ongoing" says nothing about recruiting, so it is not mapped to RECRUITING.
ALIASES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "status": {
            "unknown status": "UNKNOWN",  # legacy XML and classic JSON
            # EU Clinical Trials Register
            "prematurely ended": "TERMINATED",
            "temporarily halted": "SUSPENDED",
            "suspended by ca": "SUSPENDED",
            # CTIS (overall and per member state)
            "ongoing recruiting": "RECRUITING",
            "authorised recruiting": "RECRUITING",
            "ongoing recruitment ended": "ACTIVE_NOT_RECRUITING",
            "authorised not started": "NOT_YET_RECRUITING",
            "authorised recruitment pending": "NOT_YET_RECRUITING",
            "ongoing not yet recruiting": "NOT_YET_RECRUITING",
            "halted": "SUSPENDED",
            "ended": "COMPLETED",
            # WHO ICTRP data providers and ISRCTN
            "finished": "COMPLETED",
            "stopped": "TERMINATED",
            "not yet recruiting": "NOT_YET_RECRUITING",
        },
        "study_type": {
            "expanded access": "EXPANDED_ACCESS",
            "interventional study": "INTERVENTIONAL",
            "observational study": "OBSERVATIONAL",
            "observational invasive": "OBSERVATIONAL",
            "observational non invasive": "OBSERVATIONAL",
        },
        "allocation": {"n a": "NA", "non randomised": "NON_RANDOMIZED", "randomised": "RANDOMIZED"},
        "intervention_model": {
            "single group assignment": "SINGLE_GROUP",
            "parallel assignment": "PARALLEL",
            "crossover assignment": "CROSSOVER",
            "factorial assignment": "FACTORIAL",
            "sequential assignment": "SEQUENTIAL",
        },
        "masking": {
            "none open label": "NONE",
            "open label": "NONE",
            "open": "NONE",
            "single blind": "SINGLE",
            "double blind": "DOUBLE",
        },
        "who_masked": {"subject": "PARTICIPANT", "outcomes assessor": "OUTCOMES_ASSESSOR"},
        "observational_model": {
            "case control": "CASE_CONTROL",
            "ecologic or community": "ECOLOGIC_OR_COMMUNITY",
        },
        "sex": {"both": "ALL", "male female": "ALL", "female male": "ALL", "all genders": "ALL"},
        "std_age": {"older adult": "OLDER_ADULT"},
        "date_kind": {"anticipated": "ESTIMATED", "estimate": "ESTIMATED", "expected": "ESTIMATED"},
        "enrollment_kind": {"anticipated": "ESTIMATED", "estimate": "ESTIMATED", "expected": "ESTIMATED"},
        "agency_class": {"u s fed": "FED", "industry": "INDUSTRY"},
    }
)

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(value: str) -> str:
    """The lookup key: lower case, every run of other characters one space ("Active, not" → "active not")."""
    return _NON_WORD.sub(" ", value.lower()).strip()


def _table(name: str) -> dict[str, str]:
    table = {fold(value): value for value in V2_VALUES[name]}
    table.update(ALIASES.get(name, {}))
    return table


_TABLES: Mapping[str, Mapping[str, str]] = MappingProxyType({name: _table(name) for name in V2_VALUES})


def convert(table: str, value: str) -> str:
    """``value`` in the v2 spelling of enumeration ``table``; unknown values come back unchanged."""
    return _TABLES[table].get(fold(value), value.strip())


def to_v2(table: str, field: Field[str] | None) -> Field[str] | None:
    """The field with its value converted; its path (where it came from) is kept."""
    if field is None:
        return None
    return Field(convert(table, field.value), field.path)


def known(table: str, value: str) -> bool:
    """True when ``value`` has a v2 spelling in ``table``."""
    return fold(value) in _TABLES[table]


# --- phases ---------------------------------------------------------------------------------

# fmt: off
_PHASE_WORDS = {
    "0": "EARLY_PHASE1", "1": "PHASE1", "2": "PHASE2", "3": "PHASE3", "4": "PHASE4",
    "i": "PHASE1", "ii": "PHASE2", "iii": "PHASE3", "iv": "PHASE4",
}
# fmt: on
_NUMERAL = r"(?:[0-4]|iv|i{1,3})"
# "III", "2/3", "II-III", "Phase 1/Phase 2": the whole value is phase numbers
_ONLY_NUMERALS = re.compile(
    rf"^(?:phase\s*)?({_NUMERAL})(?:\s*(?:/|-|&|,|and|to)\s*(?:phase\s*)?({_NUMERAL}))?$"
)
# "Therapeutic exploratory (Phase II)", "Phase I and Phase II (Integrated)": phases inside text
_IN_TEXT = re.compile(rf"\bphase\s*({_NUMERAL})(?:\s*/\s*({_NUMERAL}))?\b")
_PHASE_NAMES = {
    "early phase 1": ("EARLY_PHASE1",),
    "n a": ("NA",),
    "na": ("NA",),
    "not applicable": ("NA",),
    "none": ("NA",),
}


def phases(value: str) -> tuple[str, ...]:
    """The v2 phases named in ``value``: "Phase 1/Phase 2" → (PHASE1, PHASE2), "III" → (PHASE3,).

    A value in which no phase can be recognised is kept as the only element.
    """
    text = value.strip().lower()
    key = fold(text)
    if key in _PHASE_NAMES:
        return _PHASE_NAMES[key]
    if key.upper().replace(" ", "_") in V2_VALUES["phase"]:
        return (key.upper().replace(" ", "_"),)
    if (only := _ONLY_NUMERALS.match(text)) is not None:
        return _unique(_PHASE_WORDS[n] for n in only.groups() if n)
    found = [_PHASE_WORDS[n] for match in _IN_TEXT.finditer(text) for n in match.groups() if n]
    if "early phase 1" in key:
        found.insert(0, "EARLY_PHASE1")
    return _unique(found) if found else (value.strip(),)


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        if value not in out:
            out.append(value)
    return tuple(out)


# --- ages -----------------------------------------------------------------------------------

_AGE = re.compile(r"^(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?$", re.IGNORECASE)
_NO_LIMIT = {"n a", "na", "none", "no limit", "not applicable", ""}


def age(value: str) -> str | None:
    """An age limit in the v2 spelling ("18 years" → "18 Years", "1 years" → "1 Year").

    "N/A" and its kin mean no limit: None, as v2 leaves the field out. Other text is kept.
    """
    text = value.strip()
    if fold(text) in _NO_LIMIT:
        return None
    match = _AGE.match(text)
    if match is None:
        return text
    number, unit = match[1], match[2].capitalize()
    return f"{number} {unit}" if number == "1" else f"{number} {unit}s"


def age_field(field: Field[str] | None) -> Field[str] | None:
    if field is None:
        return None
    value = age(field.value)
    return Field(value, field.path) if value is not None else None


def std_ages_for(minimum: str | None, maximum: str | None) -> tuple[str, ...]:
    """CHILD (under 18), ADULT (18–64), OLDER_ADULT (65+) groups an age range overlaps.

    ClinicalTrials.gov derives ``stdAges`` this way; registries that do not give it get the same.
    """
    low = _years(minimum) if minimum else 0.0
    high = _years(maximum) if maximum else 200.0
    if low is None or high is None:
        return ()
    groups = (("CHILD", 0.0, 17.999), ("ADULT", 18.0, 64.999), ("OLDER_ADULT", 65.0, 200.0))
    return tuple(name for name, start, end in groups if low <= end and high >= start)


def _years(value: str) -> float | None:
    match = _AGE.match(value.strip())
    if match is None:
        return None
    per_year = {"Year": 1.0, "Month": 12.0, "Week": 52.0, "Day": 365.0, "Hour": 8760.0, "Minute": 525600.0}
    return float(match[1]) / per_year[match[2].capitalize()]


# --- masking --------------------------------------------------------------------------------

_MASKED_LIST = re.compile(r"^(?P<level>[^(]*?)\s*\((?P<who>[^)]*)\)\s*$")


def masking(value: str) -> tuple[str, tuple[str, ...]]:
    """Masking and who is masked from one legacy value.

    "Single (Outcomes Assessor)" → (SINGLE, (OUTCOMES_ASSESSOR,)); "None (Open Label)" → (NONE, ());
    "Double Blind (Subject, Investigator)" → (DOUBLE, (PARTICIPANT, INVESTIGATOR)).
    """
    text = value.strip()
    if known("masking", text):
        return convert("masking", text), ()
    match = _MASKED_LIST.match(text)
    if match is None:
        return convert("masking", text), ()
    level = convert("masking", match["level"])
    roles = tuple(
        convert("who_masked", part) for part in re.split(r",|\band\b", match["who"]) if part.strip()
    )
    if level == "NONE" or not all(known("who_masked", role) for role in roles):
        return level, ()
    return level, roles
