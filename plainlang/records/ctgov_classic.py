"""ClinicalTrials.gov "classic" API JSON (retired in 2024) → Trial.

The classic API (``/api/query/full_studies``) returned a page ``{"FullStudiesResponse":
{"FullStudies": [{"Rank": 1, "Study": {...}}]}}``; a single study is ``{"Study": {...}}`` or, as
saved by many tools, the bare ``{"ProtocolSection": ..., "DerivedSection": ...}``. Keys are
PascalCase, every list is wrapped (``ConditionList.Condition``), every value is a string
("1206", "Yes"), enumerations are Title Case ("Active, not recruiting", "Phase 1") and dates are
written out ("November 14, 2018", "June 2014"). All of that becomes the v2 spelling here.
"""

from __future__ import annotations

from collections.abc import Iterator

from plainlang.errors import FieldTypeError, Location
from plainlang.model import (
    Arm,
    Contact,
    Design,
    Eligibility,
    Field,
    Identification,
    Intervention,
    Organization,
    Outcome,
    Publication,
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
from plainlang.records.common import date_field, enrollment, enum_tuple, passage, phases_field, yes_no
from plainlang.records.criteria import split_criteria
from plainlang.records.registries import REGISTRIES

FORMAT = "ctgov-classic"
# The classic API never hard-wrapped text: each line break it kept is a block break, and its
# criteria are one per line with no bullet (see records.text.to_passage).
REGISTRY = REGISTRIES["ctgov"]


def is_study(document: object) -> bool:
    return isinstance(document, dict) and isinstance(document.get("ProtocolSection"), dict)


def studies(document: object) -> Iterator[object] | None:
    """The study objects of a classic document (page, single study or bare study); None if not classic."""
    if is_study(document):
        return iter((document,))
    if not isinstance(document, dict):
        if isinstance(document, list) and document and all(is_study(d) for d in document):
            return iter(document)
        return None
    if is_study(document.get("Study")):
        return iter((document["Study"],))
    page = document.get("FullStudiesResponse")
    if isinstance(page, dict):
        studies = page.get("FullStudies")
        return (
            entry.get("Study", entry) if isinstance(entry, dict) else entry
            for entry in (studies if isinstance(studies, list) else [])
        )
    single = document.get("FullStudyResponse")
    if isinstance(single, dict) and isinstance(single.get("FullStudy"), dict):
        return iter((single["FullStudy"].get("Study", single["FullStudy"]),))
    return None


def read(study: object, file: str | None = None) -> Trial:
    """One classic study object → Trial."""
    if not isinstance(study, dict):
        raise FieldTypeError(f"a study must be an object, found {type(study).__name__}", Location(file))
    root = Node(study, "", file)
    protocol = root.obj("ProtocolSection") or Node({}, "ProtocolSection", file)
    ident = protocol.child("IdentificationModule")
    nct = ident.require_text("NCTId")
    browse = root.child("DerivedSection").child("ConditionBrowseModule")
    conditions = protocol.child("ConditionsModule")
    arms_module = protocol.child("ArmsInterventionsModule")
    outcomes = protocol.child("OutcomesModule")
    return Trial(
        source=Source(REGISTRY.name, nct.value, FORMAT, REGISTRY.url(nct.value), file),
        identification=Identification(
            primary_id=nct,
            secondary_ids=tuple(
                SecondaryId(sid, node.text("SecondaryIdType"), node.text("SecondaryIdDomain"))
                for node in _list(ident, "SecondaryIdInfoList", "SecondaryIdInfo")
                if (sid := node.text("SecondaryId")) is not None
            ),
            org_study_id=ident.child("OrgStudyIdInfo").text("OrgStudyId"),
            acronym=ident.text("Acronym"),
            brief_title=ident.text("BriefTitle"),
            official_title=ident.text("OfficialTitle"),
        ),
        status=_status(protocol.child("StatusModule")),
        sponsors=_sponsors(protocol.child("SponsorCollaboratorsModule")),
        conditions=_texts(conditions, "ConditionList", "Condition"),
        keywords=_texts(conditions, "KeywordList", "Keyword"),
        mesh_terms=tuple(
            term
            for node in _list(browse, "ConditionMeshList", "ConditionMesh")
            if (term := node.text("ConditionMeshTerm"))
        ),
        design=_design(protocol.child("DesignModule")),
        arms=tuple(
            Arm(
                label,
                vocab.to_v2("arm_type", node.text("ArmGroupType")),
                passage(node, "ArmGroupDescription", line_breaks=True),
                _texts(node, "ArmGroupInterventionList", "ArmGroupInterventionName"),
            )
            for node in _list(arms_module, "ArmGroupList", "ArmGroup")
            if (label := node.text("ArmGroupLabel")) is not None
        ),
        interventions=tuple(
            Intervention(
                name,
                vocab.to_v2("intervention_type", node.text("InterventionType")),
                passage(node, "InterventionDescription", line_breaks=True),
                _texts(node, "InterventionOtherNameList", "InterventionOtherName"),
                _texts(node, "InterventionArmGroupLabelList", "InterventionArmGroupLabel"),
            )
            for node in _list(arms_module, "InterventionList", "Intervention")
            if (name := node.text("InterventionName")) is not None
        ),
        primary_outcomes=_outcomes(outcomes, "Primary"),
        secondary_outcomes=_outcomes(outcomes, "Secondary"),
        eligibility=_eligibility(protocol.child("EligibilityModule")),
        locations=_locations(protocol.child("ContactsLocationsModule")),
        contacts=tuple(
            _contact(node, "CentralContact")
            for node in _list(
                protocol.child("ContactsLocationsModule"), "CentralContactList", "CentralContact"
            )
        ),
        publications=tuple(
            Publication(
                citation,
                node.text("ReferencePMID"),
                vocab.to_v2("reference_type", node.text("ReferenceType")),
            )
            for node in _list(protocol.child("ReferencesModule"), "ReferenceList", "Reference")
            if (citation := node.text("ReferenceCitation"))
        ),
        brief_summary=passage(protocol.child("DescriptionModule"), "BriefSummary", line_breaks=True),
        detailed_description=passage(
            protocol.child("DescriptionModule"), "DetailedDescription", line_breaks=True
        ),
        has_results=root.get("ResultsSection") is not None,
    )


def _list(node: Node, wrapper: str, key: str) -> Iterator[Node]:
    """The elements of a wrapped list: ``ConditionList: {Condition: [...]}``."""
    return node.child(wrapper).items(key)


def _texts(node: Node, wrapper: str, key: str) -> tuple[Field[str], ...]:
    return node.child(wrapper).texts(key)


def _date(module: Node, struct: str, key: str) -> tuple[Field[str] | None, str | None]:
    if (node := module.obj(struct)) is None:
        return None, None
    kind = node.text(f"{key}Type")
    return node.text(key), kind.value if kind else None


def _status(module: Node) -> Status:
    file = module.file

    def dated(struct: str, key: str) -> tuple[Field[str] | None, str | None]:
        return _date(module, struct, key)

    overall = vocab.to_v2("status", module.text("OverallStatus")) or Field(
        "UNKNOWN", module.path_of("OverallStatus")
    )
    return Status(
        overall=overall,
        last_known=vocab.to_v2("status", module.text("LastKnownStatus")),
        why_stopped=module.text("WhyStopped"),
        start=date_field(*dated("StartDateStruct", "StartDate"), file),
        primary_completion=date_field(*dated("PrimaryCompletionDateStruct", "PrimaryCompletionDate"), file),
        completion=date_field(*dated("CompletionDateStruct", "CompletionDate"), file),
        first_posted=date_field(*dated("StudyFirstPostDateStruct", "StudyFirstPostDate"), file),
        last_update=date_field(*dated("LastUpdatePostDateStruct", "LastUpdatePostDate"), file),
        verified=date_field(module.text("StatusVerifiedDate"), None, file),
    )


def _organization(node: Node, prefix: str) -> Organization | None:
    name = node.text(f"{prefix}Name")
    return Organization(name, vocab.to_v2("agency_class", node.text(f"{prefix}Class"))) if name else None


def _sponsors(module: Node) -> Sponsors:
    collaborators = tuple(
        org
        for node in _list(module, "CollaboratorList", "Collaborator")
        if (org := _organization(node, "Collaborator")) is not None
    )
    return Sponsors(_organization(module.child("LeadSponsor"), "LeadSponsor"), collaborators)


def _design(module: Node) -> Design:
    info = module.child("DesignInfo")
    masking_info = info.child("DesignMaskingInfo")
    masking = masking_info.text("DesignMasking")
    level, implied = vocab.masking(masking.value) if masking else ("", ())
    who = _texts(masking_info, "DesignWhoMaskedList", "DesignWhoMasked")
    who_path = masking_info.path_of("DesignWhoMaskedList")
    enrollment_node = module.child("EnrollmentInfo")
    observational = _texts(info, "DesignObservationalModelList", "DesignObservationalModel")
    perspective = _texts(info, "DesignTimePerspectiveList", "DesignTimePerspective")
    return Design(
        study_type=vocab.to_v2("study_type", module.text("StudyType")),
        phases=phases_field(_texts(module, "PhaseList", "Phase"), module.path_of("PhaseList")),
        allocation=vocab.to_v2("allocation", info.text("DesignAllocation")),
        intervention_model=vocab.to_v2("intervention_model", info.text("DesignInterventionModel")),
        masking=Field(level, masking.path) if masking else None,
        who_masked=enum_tuple("who_masked", who, who_path)
        or (Field(implied, masking.path) if masking and implied else None),
        primary_purpose=vocab.to_v2("primary_purpose", info.text("DesignPrimaryPurpose")),
        observational_model=vocab.to_v2("observational_model", observational[0]) if observational else None,
        time_perspective=vocab.to_v2("time_perspective", perspective[0]) if perspective else None,
        enrollment=enrollment(
            enrollment_node.integer("EnrollmentCount"), enrollment_node.text("EnrollmentType")
        ),
    )


def _outcomes(module: Node, kind: str) -> tuple[Outcome, ...]:
    return tuple(
        Outcome(
            measure,
            node.text(f"{kind}OutcomeTimeFrame"),
            passage(node, f"{kind}OutcomeDescription", line_breaks=True),
        )
        for node in _list(module, f"{kind}OutcomeList", f"{kind}Outcome")
        if (measure := node.text(f"{kind}OutcomeMeasure")) is not None
    )


def _eligibility(module: Node) -> Eligibility:
    criteria = passage(module, "EligibilityCriteria", line_breaks=True)
    inclusion, exclusion = split_criteria(criteria)
    return Eligibility(
        criteria=criteria,
        inclusion=inclusion,
        exclusion=exclusion,
        minimum_age=vocab.age_field(module.text("MinimumAge")),
        maximum_age=vocab.age_field(module.text("MaximumAge")),
        sex=vocab.to_v2("sex", module.text("Gender")),
        healthy_volunteers=yes_no(module.text("HealthyVolunteers")),
        std_ages=enum_tuple("std_age", _texts(module, "StdAgeList", "StdAge"), module.path_of("StdAgeList")),
        study_population=passage(module, "StudyPopulation", line_breaks=True),
    )


def _contact(node: Node, prefix: str) -> Contact:
    return Contact(
        node.text(f"{prefix}Name"),
        vocab.to_v2("contact_role", node.text(f"{prefix}Role")),
        node.text(f"{prefix}Phone"),
        node.text(f"{prefix}EMail"),
    )


def _locations(module: Node) -> tuple[Site, ...]:
    return tuple(
        Site(
            facility=node.text("LocationFacility"),
            city=node.text("LocationCity"),
            state=node.text("LocationState"),
            zip=node.text("LocationZip"),
            country=node.text("LocationCountry"),
            status=vocab.to_v2("status", node.text("LocationStatus")),
            contacts=tuple(
                _contact(c, "LocationContact") for c in _list(node, "LocationContactList", "LocationContact")
            ),
        )
        for node in _list(module, "LocationList", "Location")
    )
