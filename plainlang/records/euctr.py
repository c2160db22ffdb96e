"""EU Clinical Trials Register (EudraCT) protocol records, as flattened JSON → Trial.

The register publishes one protocol record per member state ("2014-002606-20/GB"), plus "3RD"
for sites outside the EU. Each is flattened into keys named after the protocol form's sections
(``a3_full_title_of_the_trial``, ``e73_therapeutic_confirmatory_phase_iii: "Yes"``). One file
reads as one member state's version; a JSON list of versions reads as one merged trial (``merge``
does the same for versions read one by one). The export lost its accented letters; the text is
kept as it is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence

from plainlang.errors import FieldTypeError, Location, RecordError
from plainlang.model import (
    Design,
    Eligibility,
    Enrollment,
    Field,
    Identification,
    Intervention,
    Organization,
    Outcome,
    Passage,
    SecondaryId,
    Source,
    Sponsors,
    Status,
    Trial,
)
from plainlang.model import (
    Location as Site,
)
from plainlang.records import vocabulary as vocab
from plainlang.records.access import Node
from plainlang.records.common import date_field, passage, unique
from plainlang.records.criteria import split_criteria
from plainlang.records.registries import EUCTR_MEMBER_STATE_URL, REGISTRIES
from plainlang.records.text import to_passage

FORMAT = "euctr"
REGISTRY = REGISTRIES["euctr"]

_PHASES = (
    ("e71_human_pharmacology_phase_i", "PHASE1"),
    ("e72_therapeutic_exploratory_phase_ii", "PHASE2"),
    ("e73_therapeutic_confirmatory_phase_iii", "PHASE3"),
    ("e74_therapeutic_use_phase_iv", "PHASE4"),
)
_MASKING = (("e812_open", "NONE"), ("e813_single_blind", "SINGLE"), ("e814_double_blind", "DOUBLE"))
_MODEL = (("e815_parallel_group", "PARALLEL"), ("e816_cross_over", "CROSSOVER"))
_AGES = (
    ("f11_trial_has_subjects_under_18", "CHILD"),
    ("f12_adults_1864_years", "ADULT"),
    ("f13_elderly_65_years", "OLDER_ADULT"),
)
# When versions disagree, the trial is as open as its most open member state.
_STATUS_ORDER = (
    "RECRUITING",
    "NOT_YET_RECRUITING",
    "Ongoing",
    "Restarted",
    "ACTIVE_NOT_RECRUITING",
    "SUSPENDED",
    "COMPLETED",
    "TERMINATED",
    "WITHDRAWN",
)


def is_record(document: object) -> bool:
    return isinstance(document, dict) and "a2_eudract_number" in document


def studies(document: object) -> Iterator[object] | None:
    """One version, or a list of versions grouped by EudraCT number (one group = one trial)."""
    if is_record(document):
        return iter((document,))
    if isinstance(document, list) and document and all(is_record(d) for d in document):
        groups: dict[str, list[object]] = {}
        for version in document:
            assert isinstance(version, dict)
            groups.setdefault(str(version.get("a2_eudract_number")), []).append(version)
        return iter(groups.values())
    return None


def read(record: object, file: str | None = None) -> Trial:
    """One member state's version → Trial; a list of versions → one merged Trial."""
    if isinstance(record, list):
        return merge([read_version(version, file, f"[{index}]") for index, version in enumerate(record)])
    return read_version(record, file)


def _yes(node: Node, key: str) -> Field[str] | None:
    found = node.text(key)
    return found if found is not None and vocab.fold(found.value) == "yes" else None


def _state(node: Node) -> str:
    """The version's member state code: "GB" from the file's id, "3RD" outside the EU."""
    concerned = node.text("a1_member_state_concerned")
    if concerned is None:
        return "3RD"
    name = concerned.value.split(" - ", 1)[0].strip()
    return _STATE_CODES.get(name, name)


# fmt: off
_STATE_CODES = {
    "Austria": "AT", "Belgium": "BE", "Bulgaria": "BG", "Croatia": "HR", "Cyprus": "CY",
    "Czech Republic": "CZ", "Czechia": "CZ", "Denmark": "DK", "Estonia": "EE", "Finland": "FI",
    "France": "FR", "Germany": "DE", "Greece": "GR", "Hungary": "HU", "Iceland": "IS",
    "Ireland": "IE", "Italy": "IT", "Latvia": "LV", "Liechtenstein": "LI", "Lithuania": "LT",
    "Luxembourg": "LU", "Malta": "MT", "Netherlands": "NL", "Norway": "NO", "Poland": "PL",
    "Portugal": "PT", "Romania": "RO", "Slovakia": "SK", "Slovenia": "SI", "Spain": "ES",
    "Sweden": "SE", "UK": "GB", "United Kingdom": "GB",
}
# fmt: on


def read_version(record: object, file: str | None = None, path: str = "") -> Trial:
    if not isinstance(record, dict):
        raise FieldTypeError(f"a record must be an object, found {type(record).__name__}", Location(file))
    root = Node(record, path, file)
    number = root.require_text("a2_eudract_number")
    state = _state(root)
    status = root.text("p_end_of_trial_status") or root.text("x5_trial_status")
    criteria = _criteria(root)
    inclusion, exclusion = split_criteria(criteria)
    phases = [(found, phase) for key, phase in _PHASES if (found := _yes(root, key)) is not None]
    masking = next(((found, level) for key, level in _MASKING if (found := _yes(root, key))), None)
    model = next(((found, name) for key, name in _MODEL if (found := _yes(root, key))), None)
    ages = [(found, group) for key, group in _AGES if (found := _yes(root, key)) is not None]
    female, male = _yes(root, "f21_female"), _yes(root, "f22_male")
    return Trial(
        source=Source(
            REGISTRY.name,
            number.value,
            FORMAT,
            EUCTR_MEMBER_STATE_URL.format(id=number.value, state=state),
            file,
        ),
        identification=Identification(
            primary_id=number,
            secondary_ids=tuple(
                SecondaryId(found, Field(kind, found.path))
                for key, kind in (
                    ("a52_us_nct_clinicaltrialsgov_registry_number", "NCT"),
                    ("a51_isrctn_international_standard_randomised_controlled_trial_number", "ISRCTN"),
                    ("a53_who_universal_trial_reference_number_utrn", "UTRN"),
                )
                if (found := root.text(key)) is not None
            ),
            org_study_id=root.text("a41_sponsors_protocol_code_number"),
            brief_title=root.text(
                "a31_title_of_the_trial_for_lay_people_in_easily_understood_ie_nontechnical_language"
            ),
            official_title=root.text("a3_full_title_of_the_trial"),
        ),
        status=Status(
            overall=vocab.to_v2("status", status) or Field("UNKNOWN", root.path_of("x5_trial_status")),
            first_posted=date_field(
                root.text("x6_date_on_which_this_record_was_first_entered_in_the_eudract_database"),
                None,
                file,
            ),
            completion=date_field(root.text("p_date_of_the_global_end_of_the_trial"), "ACTUAL", file),
        ),
        sponsors=Sponsors(
            next(
                (
                    Organization(name)
                    for node in root.items("b1_sponsor")
                    if (name := node.text("b11_name_of_sponsor")) is not None
                ),
                None,
            ),
        ),
        conditions=tuple(
            found
            for key in ("e11_medical_conditions_being_investigated",)
            if (found := root.text(key)) is not None
        ),
        keywords=tuple(
            found
            for key in ("e111_medical_condition_in_easily_understood_language",)
            if (found := root.text(key)) is not None
        ),
        design=Design(
            study_type=None,
            phases=Field(unique(p for _, p in phases), phases[0][0].path) if phases else None,
            allocation=Field("RANDOMIZED", found.path) if (found := _yes(root, "e811_randomised")) else None,
            intervention_model=Field(model[1], model[0].path) if model else None,
            masking=Field(masking[1], masking[0].path) if masking else None,
            enrollment=_enrollment(root),
        ),
        interventions=tuple(_products(root)),
        primary_outcomes=_outcomes(
            root, "e51_primary_end_points", "e511_timepoints_of_evaluation_of_this_end_point"
        ),
        secondary_outcomes=_outcomes(
            root, "e52_secondary_end_points", "e521_timepoints_of_evaluation_of_this_end_point"
        ),
        eligibility=Eligibility(
            criteria=criteria,
            inclusion=inclusion,
            exclusion=exclusion,
            sex=_sex(female, male),
            healthy_volunteers=Field(True, hv.path) if (hv := _yes(root, "f31_healthy_volunteers")) else None,
            std_ages=Field(tuple(g for _, g in ages), ages[0][0].path) if ages else None,
        ),
        locations=(
            Site(
                country=Field(_STATE_NAMES.get(state, state), root.path_of("a1_member_state_concerned")),
                status=vocab.to_v2("status", status),
            ),
        )
        if state != "3RD"
        else (),
        brief_summary=passage(root, "e21_main_objective_of_the_trial"),
        detailed_description=passage(root, "e22_secondary_objectives_of_the_trial"),
    )


_STATE_NAMES = {code: name for name, code in _STATE_CODES.items() if name not in ("UK", "Czechia")}


def _sex(female: Field[str] | None, male: Field[str] | None) -> Field[str] | None:
    if female and male:
        return Field("ALL", female.path)
    if female:
        return Field("FEMALE", female.path)
    if male:
        return Field("MALE", male.path)
    return None


def _enrollment(root: Node) -> Enrollment | None:
    for key in ("f422_in_the_whole_clinical_trial", "f421_in_the_eea", "f41_in_the_member_state"):
        child = root.get(key)
        if child is not None and isinstance(child.value, str) and child.value.strip().isdecimal():
            return Enrollment(Field(int(child.value), child.path), Field("ESTIMATED", child.path))
    return None


def _products(root: Node) -> Iterator[Intervention]:
    seen: set[str] = set()
    for node in root.items("dimp"):
        name = node.text("d31_product_name") or next(
            (
                inn
                for detail in node.items("d38_imp_identification_details")
                if (inn := detail.text("d38_inn__proposed_inn")) is not None
            ),
            None,
        )
        if name is not None and name.value.lower() not in seen:
            seen.add(name.value.lower())
            yield Intervention(name, Field("DRUG", name.path))


def _outcomes(root: Node, key: str, time_key: str) -> tuple[Outcome, ...]:
    found = passage(root, key)
    if found is None:
        return ()
    time = root.text(time_key)
    return tuple(
        Outcome(Field(block.text, found.path), time) for block in found.blocks if block.kind != "heading"
    )


def _criteria(root: Node) -> Passage | None:
    parts = []
    for key, heading in (
        ("e3_principal_inclusion_criteria", "Inclusion Criteria:"),
        ("e4_principal_exclusion_criteria", "Exclusion Criteria:"),
    ):
        found = root.text(key)
        if found is not None:
            parts.append(f"{heading}\n\n{found.value}")
    return to_passage("\n\n".join(parts), root.path_of("e3_principal_inclusion_criteria")) if parts else None


def merge(versions: Sequence[Trial]) -> Trial:
    """Member-state versions of one EudraCT trial → one Trial.

    Titles, design and eligibility come from the newest protocol version (latest first-entered
    date; member state order breaks ties). The overall status is the most open one any member
    state reports; conditions, products and member states are the union, first-seen order.
    """
    if not versions:
        raise RecordError("no member-state versions to merge", Location())
    ids = {version.id for version in versions}
    if len(ids) > 1:
        raise RecordError(
            f"cannot merge versions of different trials: {', '.join(sorted(ids))}",
            Location(versions[0].source.file),
            hint="merge only versions that share one EudraCT number",
        )
    ordered = sorted(
        versions,
        key=lambda t: (t.status.first_posted.iso if t.status.first_posted else "", t.source.url),
        reverse=True,
    )
    base = ordered[0]
    number = base.id
    files = unique(v.source.file for v in versions if v.source.file)
    return dataclasses.replace(
        base,
        source=Source(
            REGISTRY.name, number, FORMAT, REGISTRY.url(number), files[0] if len(files) == 1 else None
        ),
        status=dataclasses.replace(base.status, overall=_merged_status(versions)),
        conditions=_union(t.conditions for t in versions),
        keywords=_union(t.keywords for t in versions),
        interventions=tuple(
            {i.name.value.lower(): i for t in reversed(ordered) for i in t.interventions}.values()
        ),
        locations=tuple(site for t in versions for site in t.locations),
    )


def _merged_status(versions: Sequence[Trial]) -> Field[str]:
    def rank(field: Field[str]) -> int:
        value = field.value
        return _STATUS_ORDER.index(value) if value in _STATUS_ORDER else len(_STATUS_ORDER)

    statuses = [t.status.overall for t in versions if t.status.overall.value != "UNKNOWN"]
    return min(statuses, key=rank) if statuses else versions[0].status.overall


def _union(groups: Iterable[tuple[Field[str], ...]]) -> tuple[Field[str], ...]:
    seen: dict[str, Field[str]] = {}
    for group in groups:
        for field in group:
            seen.setdefault(field.value.lower(), field)
    return tuple(seen.values())
