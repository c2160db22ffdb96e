"""ClinicalTrials.gov legacy XML (``<clinical_study>``, the AllPublicXML bulk download) → Trial.

One file per study, CRLF line ends, XML entities, text blocks hard-wrapped and deeply indented
(``text.to_passage`` turns them back into paragraphs and items), Title Case values ("Phase
1/Phase 2", "Active, not recruiting", "Unknown status" with ``last_known_status``) and dates
written out ("July 28, 2020", "June 2023"), with the planned/actual kind in a ``type``
attribute. Older records (before 2017) give the design as one string, ``study_design``:
"Allocation: Randomized, Intervention Model: Parallel Assignment, Masking: Double Blind
(Subject)", and name dates ``firstreceived_date`` and ``lastchanged_date``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
from plainlang.records.common import date_field, enrollment, passage, phases_field, yes_no
from plainlang.records.criteria import split_criteria
from plainlang.records.registries import REGISTRIES
from plainlang.records.xmltree import head, parse, to_dict

FORMAT = "ctgov-xml"
REGISTRY = REGISTRIES["ctgov"]
_ROOT = re.compile(r"<clinical_study[\s>]")


def detect(data: bytes) -> bool:
    return _ROOT.search(head(data)) is not None


def read_all(data: bytes, origin: str | None = None) -> Iterator[Trial]:
    """The one study of a ``<clinical_study>`` document."""
    root = parse(data, origin)
    yield read(Node(to_dict(root), "", origin))


def read(study: Node) -> Trial:
    nct = study.child("id_info").require_text("nct_id")
    return Trial(
        source=Source(REGISTRY.name, nct.value, FORMAT, REGISTRY.url(nct.value), study.file),
        identification=_identification(study, nct),
        status=_status(study),
        sponsors=_sponsors(study.child("sponsors")),
        conditions=study.texts("condition"),
        keywords=study.texts("keyword"),
        mesh_terms=study.child("condition_browse").texts("mesh_term"),
        design=_design(study),
        arms=tuple(
            Arm(
                label,
                vocab.to_v2("arm_type", node.text("arm_group_type")),
                passage(node, "description"),
            )
            for node in study.items("arm_group")
            if (label := node.text("arm_group_label")) is not None
        ),
        interventions=tuple(
            Intervention(
                name,
                vocab.to_v2("intervention_type", node.text("intervention_type")),
                passage(node, "description"),
                node.texts("other_name"),
                node.texts("arm_group_label"),
            )
            for node in study.items("intervention")
            if (name := node.text("intervention_name")) is not None
        ),
        primary_outcomes=_outcomes(study, "primary_outcome"),
        secondary_outcomes=_outcomes(study, "secondary_outcome"),
        eligibility=_eligibility(study.child("eligibility")),
        locations=tuple(_location(node) for node in study.items("location")),
        contacts=tuple(
            _contact(study.child(key))
            for key in ("overall_contact", "overall_contact_backup")
            if study.obj(key) is not None
        ),
        publications=_publications(study),
        brief_summary=passage(study.child("brief_summary"), "textblock"),
        detailed_description=passage(study.child("detailed_description"), "textblock"),
        has_results=study.get("clinical_results") is not None,
    )


def _identification(study: Node, nct: Field[str]) -> Identification:
    ids = study.child("id_info")
    return Identification(
        primary_id=nct,
        secondary_ids=tuple(SecondaryId(sid) for sid in ids.texts("secondary_id"))
        + tuple(SecondaryId(alias, Field("NCT_ALIAS", alias.path)) for alias in ids.texts("nct_alias")),
        org_study_id=ids.text("org_study_id"),
        acronym=study.text("acronym"),
        brief_title=study.text("brief_title"),
        official_title=study.text("official_title"),
    )


def _dated(study: Node, *keys: str) -> tuple[Field[str] | None, str | None]:
    """The first of ``keys`` present (newer name first), with its ``type`` attribute."""
    for key in keys:
        found = study.text(key)
        if found is not None:
            kind = study.text(f"{key}@type")
            return found, kind.value if kind else None
    return None, None


def _status(study: Node) -> Status:
    file = study.file
    overall = vocab.to_v2("status", study.text("overall_status")) or Field(
        "UNKNOWN", study.path_of("overall_status")
    )
    return Status(
        overall=overall,
        last_known=vocab.to_v2("status", study.text("last_known_status")),
        why_stopped=study.text("why_stopped"),
        start=date_field(*_dated(study, "start_date"), file),
        primary_completion=date_field(*_dated(study, "primary_completion_date"), file),
        completion=date_field(*_dated(study, "completion_date"), file),
        first_posted=date_field(*_dated(study, "study_first_posted", "firstreceived_date"), file),
        last_update=date_field(*_dated(study, "last_update_posted", "lastchanged_date"), file),
        verified=date_field(*_dated(study, "verification_date"), file),
    )


def _organization(node: Node) -> Organization | None:
    name = node.text("agency")
    return Organization(name, vocab.to_v2("agency_class", node.text("agency_class"))) if name else None


def _sponsors(node: Node) -> Sponsors:
    collaborators = tuple(
        org for child in node.items("collaborator") if (org := _organization(child)) is not None
    )
    return Sponsors(_organization(node.child("lead_sponsor")), collaborators)


# "Allocation: Randomized, Intervention Model: Parallel Assignment, Masking: Double Blind (Subject)"
_DESIGN_KEYS = {
    "allocation": "allocation",
    "intervention model": "intervention_model",
    "masking": "masking",
    "primary purpose": "primary_purpose",
    "observational model": "observational_model",
    "time perspective": "time_perspective",
    "endpoint classification": "",
}
_DESIGN_PART = re.compile(
    r"(?P<key>Allocation|Intervention Model|Masking|Primary Purpose|Observational Model|"
    r"Time Perspective|Endpoint Classification):\s*(?P<value>.*?)\s*(?=,\s*(?:Allocation|Intervention Model|"
    r"Masking|Primary Purpose|Observational Model|Time Perspective|Endpoint Classification):|$)",
    re.IGNORECASE,
)


def _design_values(study: Node) -> dict[str, Field[str]]:
    """The design as ``{v2 name: raw value}`` from ``study_design_info`` or old ``study_design``."""
    values: dict[str, Field[str]] = {}
    old = study.text("study_design")
    if old is not None:
        for part in _DESIGN_PART.finditer(old.value):
            name = _DESIGN_KEYS[part["key"].lower()]
            if name and part["value"]:
                values[name] = Field(part["value"], old.path)
    info = study.child("study_design_info")
    for name in (
        "allocation",
        "intervention_model",
        "masking",
        "primary_purpose",
        "observational_model",
        "time_perspective",
    ):
        if (found := info.text(name)) is not None:
            values[name] = found
    return values


def _design(study: Node) -> Design:
    values = _design_values(study)
    masking = values.get("masking")
    level, who = vocab.masking(masking.value) if masking else ("", ())
    count = study.integer("enrollment")
    return Design(
        study_type=vocab.to_v2("study_type", study.text("study_type")),
        phases=phases_field(study.text("phase")),
        allocation=vocab.to_v2("allocation", values.get("allocation")),
        intervention_model=vocab.to_v2("intervention_model", values.get("intervention_model")),
        masking=Field(level, masking.path) if masking else None,
        who_masked=Field(who, masking.path) if masking and who else None,
        primary_purpose=vocab.to_v2("primary_purpose", values.get("primary_purpose")),
        observational_model=vocab.to_v2("observational_model", values.get("observational_model")),
        time_perspective=vocab.to_v2("time_perspective", values.get("time_perspective")),
        enrollment=enrollment(count, study.text("enrollment@type")),
    )


def _outcomes(study: Node, key: str) -> tuple[Outcome, ...]:
    return tuple(
        Outcome(measure, node.text("time_frame"), passage(node, "description"))
        for node in study.items(key)
        if isinstance(node.value, dict) and (measure := node.text("measure")) is not None
    )


def _eligibility(node: Node) -> Eligibility:
    criteria = passage(node.child("criteria"), "textblock")
    inclusion, exclusion = split_criteria(criteria)
    minimum = vocab.age_field(node.text("minimum_age"))
    maximum = vocab.age_field(node.text("maximum_age"))
    groups = vocab.std_ages_for(minimum.value if minimum else None, maximum.value if maximum else None)
    return Eligibility(
        criteria=criteria,
        inclusion=inclusion,
        exclusion=exclusion,
        minimum_age=minimum,
        maximum_age=maximum,
        sex=vocab.to_v2("sex", node.text("gender")),
        healthy_volunteers=yes_no(node.text("healthy_volunteers")),
        # the XML has no std_ages; ClinicalTrials.gov derives them from the age limits, as we do
        std_ages=Field(groups, node.path_of("minimum_age")) if groups and node.value else None,
        study_population=passage(node.child("study_pop"), "textblock"),
    )


def _contact(node: Node) -> Contact:
    return Contact(node.text("last_name"), node.text("role"), node.text("phone"), node.text("email"))


def _location(node: Node) -> Site:
    facility = node.child("facility")
    address = facility.child("address")
    return Site(
        facility=facility.text("name"),
        city=address.text("city"),
        state=address.text("state"),
        zip=address.text("zip"),
        country=address.text("country"),
        status=vocab.to_v2("status", node.text("status")),
        contacts=tuple(
            _contact(node.child(key)) for key in ("contact", "contact_backup") if node.obj(key) is not None
        ),
    )


def _publications(study: Node) -> tuple[Publication, ...]:
    found = []
    for key, kind in (("reference", None), ("results_reference", "RESULT")):
        for node in study.items(key):
            citation = node.text("citation")
            if citation is not None:
                found.append(
                    Publication(citation, node.text("PMID"), Field(kind, node.path) if kind else None)
                )
    return tuple(found)
