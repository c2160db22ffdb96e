"""ClinicalTrials.gov API v2 study JSON → Trial.

The v2 API (``/api/v2/studies``) returns one study as an object with ``protocolSection`` at the
top, or a page ``{"studies": [...], "nextPageToken": ...}``. Keys are camelCase, enumerations are
upper-case (``RECRUITING``, ``PHASE2``) and dates ISO 8601. This reader keeps all of that as it
is; other readers convert their registry's spelling to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plainlang.errors import FieldTypeError, Location
from plainlang.model import (
    Arm,
    Contact,
    DateField,
    Design,
    Eligibility,
    Enrollment,
    Field,
    Identification,
    Intervention,
    Organization,
    Outcome,
    Passage,
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
from plainlang.records.access import Node
from plainlang.records.criteria import split_criteria
from plainlang.records.dates import normalise_kind
from plainlang.records.text import to_passage

FORMAT = "ctgov-v2"
REGISTRY = "ClinicalTrials.gov"
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def public_url(nct_id: str) -> str:
    return f"https://clinicaltrials.gov/study/{nct_id}"


def is_study(document: object) -> bool:
    return isinstance(document, dict) and isinstance(document.get("protocolSection"), dict)


def studies(document: object) -> Iterator[object] | None:
    """The study objects in a v2 document (one study or a search page); None if not v2."""
    if is_study(document):
        return iter((document,))
    if isinstance(document, dict) and isinstance(studies := document.get("studies"), list):
        return iter(studies)
    if isinstance(document, list) and document and all(is_study(d) for d in document):
        return iter(document)
    return None


def read(study: object, file: str | None = None) -> Trial:
    """One v2 study object → Trial. Raises a RecordError naming the field path on bad input."""
    root = Node(study, "", file)
    if not isinstance(study, dict):
        raise FieldTypeError(f"a study must be an object, found {type(study).__name__}", Location(file))
    protocol = root.obj("protocolSection") or Node({}, "protocolSection", file)
    ident = protocol.obj("identificationModule") or Node({}, "protocolSection.identificationModule", file)
    nct = ident.require_text("nctId")
    identification = Identification(
        primary_id=nct,
        secondary_ids=tuple(
            SecondaryId(node.require_text("id"), node.text("type"), node.text("domain"))
            for node in ident.items("secondaryIdInfos")
            if node.text("id") is not None
        ),
        org_study_id=(ident.obj("orgStudyIdInfo") or Node({}, "", file)).text("id"),
        acronym=ident.text("acronym"),
        brief_title=ident.text("briefTitle"),
        official_title=ident.text("officialTitle"),
    )
    description = protocol.obj("descriptionModule")
    conditions = protocol.obj("conditionsModule")
    browse = (root.obj("derivedSection") or Node({}, "derivedSection", file)).obj("conditionBrowseModule")
    has_results = root.get("hasResults")
    return Trial(
        source=Source(REGISTRY, nct.value, FORMAT, public_url(nct.value), file),
        identification=identification,
        status=_status(protocol),
        sponsors=_sponsors(protocol.obj("sponsorCollaboratorsModule")),
        conditions=conditions.texts("conditions") if conditions else (),
        keywords=conditions.texts("keywords") if conditions else (),
        mesh_terms=tuple(
            term for node in (browse.items("meshes") if browse else ()) if (term := node.text("term"))
        ),
        design=_design(protocol.obj("designModule")),
        arms=_arms(protocol.obj("armsInterventionsModule")),
        interventions=_interventions(protocol.obj("armsInterventionsModule")),
        primary_outcomes=_outcomes(protocol.obj("outcomesModule"), "primaryOutcomes"),
        secondary_outcomes=_outcomes(protocol.obj("outcomesModule"), "secondaryOutcomes"),
        eligibility=_eligibility(protocol.obj("eligibilityModule")),
        locations=_locations(protocol.obj("contactsLocationsModule")),
        contacts=tuple(
            _contact(node) for node in _items(protocol.obj("contactsLocationsModule"), "centralContacts")
        ),
        publications=tuple(
            Publication(citation, node.text("pmid"), node.text("type"))
            for node in _items(protocol.obj("referencesModule"), "references")
            if (citation := node.text("citation"))
        ),
        brief_summary=_passage(description, "briefSummary"),
        detailed_description=_passage(description, "detailedDescription"),
        has_results=bool(has_results and has_results.value is True),
    )


def _items(node: Node | None, key: str) -> Iterator[Node]:
    return node.items(key) if node is not None else iter(())


def _passage(node: Node | None, key: str) -> Passage | None:
    if node is None:
        return None
    raw = node.raw_text(key)
    return to_passage(raw[0], raw[1]) if raw else None


def _date(module: Node, key: str) -> DateField | None:
    """``{"date": "2024-06", "type": "ESTIMATED"}`` (or a bare string) → DateField."""
    node = module.get(key)
    if node is None:
        return None
    if isinstance(node.value, str):
        date, kind = Field(node.value.strip(), node.path), None
    else:
        found = node.text("date")
        if found is None:
            return None
        date, kind = found, node.text("type")
    if not _ISO_DATE.match(date.value):
        raise FieldTypeError(
            f"expected an ISO date such as 2024-06-24, found {date.value!r}",
            Location(module.file, field=date.path),
        )
    return DateField(date.value, date.path, normalise_kind(kind.value if kind else None))


def _status(protocol: Node) -> Status:
    module = protocol.obj("statusModule") or Node({}, "protocolSection.statusModule", protocol.file)
    overall = module.text("overallStatus") or Field("UNKNOWN", module.path + ".overallStatus")
    return Status(
        overall=overall,
        last_known=module.text("lastKnownStatus"),
        why_stopped=module.text("whyStopped"),
        start=_date(module, "startDateStruct"),
        primary_completion=_date(module, "primaryCompletionDateStruct"),
        completion=_date(module, "completionDateStruct"),
        first_posted=_date(module, "studyFirstPostDateStruct"),
        last_update=_date(module, "lastUpdatePostDateStruct"),
        verified=_date(module, "statusVerifiedDate"),
    )


def _organization(node: Node | None) -> Organization | None:
    if node is None or (name := node.text("name")) is None:
        return None
    return Organization(name, node.text("class"))


def _sponsors(module: Node | None) -> Sponsors:
    if module is None:
        return Sponsors()
    collaborators = tuple(
        org for node in module.items("collaborators") if (org := _organization(node)) is not None
    )
    return Sponsors(_organization(module.obj("leadSponsor")), collaborators)


def _tuple_field(node: Node, key: str) -> Field[tuple[str, ...]] | None:
    values = node.texts(key)
    child = node.get(key)
    return Field(tuple(v.value for v in values), child.path) if values and child else None


def _design(module: Node | None) -> Design:
    if module is None:
        return Design()
    info = module.obj("designInfo") or Node({}, module.path + ".designInfo", module.file)
    masking = info.obj("maskingInfo") or Node({}, info.path + ".maskingInfo", module.file)
    enrollment_node = module.obj("enrollmentInfo")
    enrollment = None
    if enrollment_node is not None and (count := enrollment_node.integer("count")) is not None:
        enrollment = Enrollment(count, enrollment_node.text("type"))
    return Design(
        study_type=module.text("studyType"),
        phases=_tuple_field(module, "phases"),
        allocation=info.text("allocation"),
        intervention_model=info.text("interventionModel"),
        masking=masking.text("masking"),
        who_masked=_tuple_field(masking, "whoMasked"),
        primary_purpose=info.text("primaryPurpose"),
        observational_model=info.text("observationalModel"),
        time_perspective=info.text("timePerspective"),
        enrollment=enrollment,
    )


def _arms(module: Node | None) -> tuple[Arm, ...]:
    return tuple(
        Arm(label, node.text("type"), _passage(node, "description"), node.texts("interventionNames"))
        for node in _items(module, "armGroups")
        if (label := node.text("label")) is not None
    )


def _interventions(module: Node | None) -> tuple[Intervention, ...]:
    return tuple(
        Intervention(
            name,
            node.text("type"),
            _passage(node, "description"),
            node.texts("otherNames"),
            node.texts("armGroupLabels"),
        )
        for node in _items(module, "interventions")
        if (name := node.text("name")) is not None
    )


def _outcomes(module: Node | None, key: str) -> tuple[Outcome, ...]:
    return tuple(
        Outcome(measure, node.text("timeFrame"), _passage(node, "description"))
        for node in _items(module, key)
        if (measure := node.text("measure")) is not None
    )


def _eligibility(module: Node | None) -> Eligibility:
    if module is None:
        return Eligibility()
    criteria = _passage(module, "eligibilityCriteria")
    inclusion, exclusion = split_criteria(criteria)
    return Eligibility(
        criteria=criteria,
        inclusion=inclusion,
        exclusion=exclusion,
        minimum_age=module.text("minimumAge"),
        maximum_age=module.text("maximumAge"),
        sex=module.text("sex"),
        healthy_volunteers=module.boolean("healthyVolunteers"),
        std_ages=_tuple_field(module, "stdAges"),
        study_population=_passage(module, "studyPopulation"),
    )


def _contact(node: Node) -> Contact:
    return Contact(node.text("name"), node.text("role"), node.text("phone"), node.text("email"))


def _locations(module: Node | None) -> tuple[Site, ...]:
    return tuple(
        Site(
            facility=node.text("facility"),
            city=node.text("city"),
            state=node.text("state"),
            zip=node.text("zip"),
            country=node.text("country"),
            status=node.text("status"),
            contacts=tuple(_contact(c) for c in node.items("contacts")),
        )
        for node in _items(module, "locations")
    )
