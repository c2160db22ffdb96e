"""ISRCTN registry records (the ISRCTN API's XML turned into JSON) → Trial.

ISRCTN writes its own plain English summary for most trials (``plainEnglishSummary``); it is kept
as ``Trial.plain_summary``, a source field a writer can compare with ours. The record has no
status field unless the registry overrode it ("Stopped"): ISRCTN derives the status from the
recruitment and study dates. We derive it the same way, on the day the record was saved
(``record_last_import``), never on today's date, so the same file always gives the same Trial.
Lists of one arrive collapsed into the element, and an empty value arrives as ``[]`` or "".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plainlang.errors import FieldTypeError, Location
from plainlang.model import (
    Design,
    Eligibility,
    Enrollment,
    Field,
    Identification,
    Intervention,
    Outcome,
    Passage,
    SecondaryId,
    Source,
    Status,
    Trial,
)
from plainlang.model import (
    Location as Site,
)
from plainlang.records import vocabulary as vocab
from plainlang.records.access import Node
from plainlang.records.common import date_field, passage, phases_field, unique
from plainlang.records.criteria import split_criteria
from plainlang.records.dates import to_iso
from plainlang.records.registries import REGISTRIES
from plainlang.records.text import to_passage

FORMAT = "isrctn"
REGISTRY = REGISTRIES["isrctn"]
_NOTHING = {"", "nil known", "n a", "na", "not applicable", "not provided at time of registration", "none"}
_AGE_GROUPS = {
    "neonate": ("CHILD",),
    "child": ("CHILD",),
    "adult": ("ADULT",),
    "senior": ("OLDER_ADULT",),
    "mixed": ("CHILD", "ADULT", "OLDER_ADULT"),
    "all": ("CHILD", "ADULT", "OLDER_ADULT"),
}


def is_record(document: object) -> bool:
    return (
        isinstance(document, dict)
        and "isrctn" in document
        and isinstance(document.get("trialDescription"), dict)
    )


def studies(document: object) -> Iterator[object] | None:
    if is_record(document):
        return iter((document,))
    if isinstance(document, list) and document and all(is_record(d) for d in document):
        return iter(document)
    return None


def _text(node: Node, key: str, nothing: frozenset[str] | set[str] = _NOTHING) -> Field[str] | None:
    """A value, or None for the registry's "Nil known", "" and ``[]`` (an empty XML element)."""
    child = node.get(key)
    if child is None or child.value == [] or child.value == {}:
        return None
    found = node.text(key)
    if found is None or vocab.fold(found.value) in nothing:
        return None
    return found


def _raw(node: Node, key: str) -> Passage | None:
    child = node.get(key)
    if child is None or child.value == [] or child.value == {}:
        return None
    found = passage(node, key)
    if found is None or vocab.fold(found.text) in _NOTHING:
        return None
    return found


def read(record: object, file: str | None = None) -> Trial:
    if not isinstance(record, dict):
        raise FieldTypeError(f"a record must be an object, found {type(record).__name__}", Location(file))
    root = Node(record, "", file)
    number = root.require_text("isrctn")
    record_id = number.value if number.value.upper().startswith("ISRCTN") else f"ISRCTN{number.value}"
    description = root.child("trialDescription")
    design = root.child("trialDesign")
    people = root.child("participants")
    refs = root.child("externalRefs")
    interventions = root.child("interventions")
    criteria = _criteria(people)
    inclusion, exclusion = split_criteria(criteria)
    return Trial(
        source=Source(REGISTRY.name, record_id, FORMAT, REGISTRY.url(record_id), file),
        identification=Identification(
            primary_id=Field(record_id, number.path),
            secondary_ids=tuple(
                SecondaryId(value, Field(kind, value.path))
                for key, kind in (
                    ("clinicalTrialsGovNumber", "NCT"),
                    ("eudraCTNumber", "EUDRACT_NUMBER"),
                    ("doi", "DOI"),
                )
                if (value := _text(refs, key)) is not None
            ),
            org_study_id=_text(refs, "protocolSerialNumber"),
            acronym=_text(description, "acronym"),
            brief_title=_text(description, "title"),
            official_title=_text(description, "scientificTitle"),
        ),
        status=_status(root, design, people),
        conditions=tuple(
            found
            for node in root.child("conditions").items("condition")
            if (found := _text(node, "description")) is not None
        ),
        design=Design(
            study_type=vocab.to_v2("study_type", _text(design, "primaryStudyDesign")),
            phases=phases_field(
                [
                    found
                    for node in interventions.items("intervention")
                    if (found := _text(node, "phase", {"", "nil known"})) is not None
                ]
            ),
            allocation=_allocation(design),
            enrollment=_enrollment(people),
        ),
        interventions=tuple(_interventions(interventions)),
        primary_outcomes=_outcomes(description, "primaryOutcome"),
        secondary_outcomes=_outcomes(description, "secondaryOutcome"),
        eligibility=Eligibility(
            criteria=criteria,
            inclusion=inclusion,
            exclusion=exclusion,
            sex=vocab.to_v2("sex", _text(people, "gender")),
            std_ages=_age_groups(_text(people, "ageRange")),
        ),
        locations=_locations(people),
        brief_summary=_raw(description, "studyHypothesis"),
        plain_summary=_raw(description, "plainEnglishSummary"),
        has_results=(_text(root.child("results"), "publicationStage") or Field("", "")).value == "Results",
    )


def _date(found: Field[str] | None, file: str | None) -> Field[str] | None:
    """ "2018-05-10T00:00:00.000Z" → "2018-05-10" (ISRCTN gives midnight UTC for a date)."""
    if found is None:
        return None
    return Field(found.value.split("T", 1)[0], found.path)


def _status(root: Node, design: Node, people: Node) -> Status:
    file = root.file
    start = date_field(_date(_text(design, "overallStartDate"), file), None, file)
    end = date_field(_date(_text(design, "overallEndDate"), file), None, file)
    return Status(
        overall=_overall(root, design, people),
        why_stopped=_text(design, "reasonAbandoned"),
        start=start,
        completion=end,
    )


def _overall(root: Node, design: Node, people: Node) -> Field[str]:
    for node, key in ((design, "overallStatusOverride"), (people, "recruitmentStatusOverride")):
        override = _text(node, key)
        if override is not None:
            return Field(vocab.convert("status", override.value), override.path)
    saved = _text(root, "record_last_import")
    day = to_iso(saved.value.split(" ", 1)[0]) if saved else None
    start = _text(people, "recruitmentStart")
    stop = _text(people, "recruitmentEnd")
    end = _text(design, "overallEndDate")
    if day is None or stop is None:
        return Field("UNKNOWN", people.path_of("recruitmentEnd"))

    def before(found: Field[str] | None) -> bool:  # the date is on or before the day saved
        return found is not None and found.value.split("T", 1)[0] <= day

    if end is not None and before(end):
        return Field("COMPLETED", end.path)
    if before(stop):
        return Field("ACTIVE_NOT_RECRUITING", stop.path)
    if start is not None and not before(start):
        return Field("NOT_YET_RECRUITING", start.path)
    return Field("RECRUITING", stop.path)


def _allocation(design: Node) -> Field[str] | None:
    found = _text(design, "secondaryStudyDesign")
    if found is None:
        return None
    text = vocab.fold(found.value)
    if "non randomi" in text:
        return Field("NON_RANDOMIZED", found.path)
    if "randomi" in text:
        return Field("RANDOMIZED", found.path)
    return None


def _enrollment(people: Node) -> Enrollment | None:
    """The final number when the trial gave one, else the target."""
    for key, kind in (("totalFinalEnrolment", "ACTUAL"), ("targetEnrolment", "ESTIMATED")):
        found = _text(people, key)
        if found is not None and found.value.replace(",", "").isdigit():
            return Enrollment(Field(int(found.value.replace(",", "")), found.path), Field(kind, found.path))
    return None


def _interventions(node: Node) -> Iterator[Intervention]:
    for item in node.items("intervention"):
        kind = vocab.to_v2("intervention_type", _text(item, "interventionType"))
        about = _raw(item, "description")
        names = _text(item, "drugNames")
        if names is not None:
            for name in re.split(r"\s*[,;]\s*", names.value):
                if name.strip():
                    yield Intervention(Field(name.strip(), names.path), kind, about)
        elif about is not None and about.blocks:
            yield Intervention(Field(about.blocks[0].text, about.path), kind, about)


_PREVIOUS = re.compile(r"^(previous|old|original)\b", re.IGNORECASE)


def _outcomes(description: Node, key: str) -> tuple[Outcome, ...]:
    """One outcome per item or paragraph; superseded lists ("Previous ... measures:") left out."""
    found = _raw(description, key)
    if found is None:
        return ()
    out = []
    for block in found.blocks:
        if block.kind == "heading":
            if _PREVIOUS.match(block.text):
                break
            continue
        if block.depth == 0:
            out.append(Outcome(Field(block.text, found.path)))
    return tuple(out)


def _criteria(people: Node) -> Passage | None:
    """Inclusion and exclusion text as one passage under the usual headings."""
    parts = []
    for key, heading in (("inclusion", "Inclusion Criteria:"), ("exclusion", "Exclusion Criteria:")):
        found = _text(people, key)
        if found is not None:
            parts.append(f"{heading}\n\n{found.value}")
    return to_passage("\n\n".join(parts), people.path_of("inclusion")) if parts else None


def _age_groups(found: Field[str] | None) -> Field[tuple[str, ...]] | None:
    if found is None:
        return None
    groups = unique(group for word in vocab.fold(found.value).split() for group in _AGE_GROUPS.get(word, ()))
    return Field(groups, found.path) if groups else None


def _locations(people: Node) -> tuple[Site, ...]:
    centres = tuple(
        Site(
            facility=_text(node, "name"),
            city=_text(node, "city"),
            zip=_text(node, "zip"),
            country=_text(node, "country"),
        )
        for node in people.child("trialCentres").items("trialCentre")
        if isinstance(node.value, dict)
    )
    if centres:
        return centres
    return tuple(Site(country=country) for country in people.child("recruitmentCountries").texts("country"))
