"""EU Clinical Trials Information System (CTIS) public JSON → Trial.

CTIS (euclinicaltrials.eu) replaced the EU CTR for trials under Regulation 536/2014; its ids are
EU CT numbers such as 2022-500244-37-00. Two generations of the public JSON are in use:

- until mid-2024, the authorised protocol is at the top: ``authorizedPartI``,
  ``authorizedPartsII`` (one per member state), ``ctStatus`` a label ("Authorised, not started");
- since, it sits under ``authorizedApplication``, ``ctStatus`` may be a number and the label is
  ``ctPublicStatus`` (or only ``ctPublicStatusCode``).

Part I (shared by all member states) gives titles, conditions, end points, criteria and
products; each Part II gives one member state's sites. The overall status is CTIS's own overall
label; member states' statuses become their sites' status.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plainlang.errors import FieldTypeError, Location
from plainlang.model import (
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
    SecondaryId,
    Source,
    Sponsors,
    Status,
    TextBlock,
    Trial,
)
from plainlang.model import (
    Location as Site,
)
from plainlang.records import vocabulary as vocab
from plainlang.records.access import Node
from plainlang.records.common import date_field, passage, phases_field
from plainlang.records.registries import REGISTRIES

FORMAT = "ctis"
REGISTRY = REGISTRIES["ctis"]

# ctPublicStatusCode → CTIS's label. Only codes whose label we have seen beside the code in a
# real record, or that public tools agree on, are listed; others keep the generic "Authorised".
_STATUS_CODES = {
    1: "Under evaluation",
    4: "Ongoing, recruiting",
    6: "Halted",
    7: "Suspended",
    8: "Ended",
    9: "Expired",
    10: "Revoked",
    11: "Not authorised",
    12: "Cancelled",
}
_AGE_GROUP = re.compile(r"(\d+)\s*(?:-\s*(\d+)|\+)")


def is_record(document: object) -> bool:
    return (
        isinstance(document, dict)
        and isinstance(document.get("ctNumber"), str)
        and ("authorizedPartI" in document or "authorizedApplication" in document)
    )


def studies(document: object) -> Iterator[object] | None:
    if is_record(document):
        return iter((document,))
    if isinstance(document, list) and document and all(is_record(d) for d in document):
        return iter(document)
    return None


def read(record: object, file: str | None = None) -> Trial:
    if not isinstance(record, dict):
        raise FieldTypeError(f"a record must be an object, found {type(record).__name__}", Location(file))
    root = Node(record, "", file)
    number = root.require_text("ctNumber")
    application = root.child("authorizedApplication")
    part1 = application.obj("authorizedPartI") or root.child("authorizedPartI")
    parts2 = list(application.items("authorizedPartsII")) or list(root.items("authorizedPartsII"))
    details = part1.child("trialDetails")
    identifiers = details.child("clinicalTrialIdentifiers")
    info = details.child("trialInformation")
    criteria = info.child("eligibilityCriteria")
    inclusion = _numbered(criteria, "principalInclusionCriteria")
    exclusion = _numbered(criteria, "principalExclusionCriteria")
    ages = _age_groups(root)
    duration = info.child("trialDuration")
    return Trial(
        source=Source(REGISTRY.name, number.value, FORMAT, REGISTRY.url(number.value), file),
        identification=Identification(
            primary_id=number,
            secondary_ids=_secondary_ids(identifiers, application),
            org_study_id=identifiers.text("shortTitle"),
            brief_title=identifiers.text("publicTitle") or root.text("title"),
            official_title=identifiers.text("fullTitle"),
        ),
        status=Status(
            overall=_overall(root),
            start=_date(root, "startDateEU") or _date(root, "trialStartDate"),
            completion=date_field(
                duration.text("estimatedGlobalEndDate") or duration.text("estimatedEndDate"),
                "ESTIMATED",
                file,
            ),
            last_update=_date(root, "lastUpdated"),
        ),
        sponsors=Sponsors(_sponsor(part1, root)),
        conditions=tuple(
            found
            for node in info.child("medicalCondition").items("partIMedicalConditions")
            if (found := node.text("medicalCondition")) is not None
        ),
        keywords=tuple(
            found
            for node in info.child("medicalCondition").items("meddraConditionTerms")
            if (found := node.text("termName")) is not None
        ),
        design=Design(
            study_type=None,  # CTIS records carry no study type; the Regulation covers interventional trials
            phases=phases_field(root.text("trialPhase")),
            enrollment=_enrollment(root),
        ),
        interventions=tuple(_products(part1)),
        primary_outcomes=_end_points(info.child("endPoint"), "primaryEndPoints"),
        secondary_outcomes=_end_points(info.child("endPoint"), "secondaryEndPoints"),
        eligibility=Eligibility(
            criteria=_criteria_passage(inclusion, exclusion, criteria.path),
            inclusion=inclusion,
            exclusion=exclusion,
            minimum_age=_age_limit(ages, low=True),
            maximum_age=_age_limit(ages, low=False),
            sex=_sex(root, info.child("populationOfTrialSubjects")),
            std_ages=Field(tuple(group for group, _, _ in ages.value), ages.path) if ages else None,
        ),
        locations=tuple(site for part in parts2 for site in _sites(part)),
        brief_summary=passage(info.child("trialObjective"), "mainObjective"),
    )


def _date(node: Node, key: str) -> DateField | None:
    """CTIS dates come as 2022-08-03, 2022-08-03T15:41:19 or day-first 28/04/2021."""
    found = node.text(key)
    if found is None:
        return None
    return date_field(Field(found.value.split("T", 1)[0], found.path), None, node.file)


def _overall(root: Node) -> Field[str]:
    for key in ("ctPublicStatus", "ctStatus"):
        found = root.text(key)
        if found is not None and not found.value.isdigit():
            return Field(vocab.convert("status", found.value), found.path)
    for key in ("ctPublicStatusCode", "ctStatus"):
        code = root.integer(key)
        if code is not None:
            return Field(vocab.convert("status", _STATUS_CODES.get(code.value, "Authorised")), code.path)
    return Field("UNKNOWN", root.path_of("ctStatus"))


def _secondary_ids(identifiers: Node, application: Node) -> tuple[SecondaryId, ...]:
    out = []
    numbers = identifiers.child("secondaryIdentifyingNumbers")
    nct = numbers.child("nctNumber").text("number")
    if nct is not None:
        out.append(SecondaryId(nct, Field("NCT", nct.path)))
    eudract = application.child("eudraCt").text("eudraCtCode")
    if eudract is not None:
        out.append(SecondaryId(eudract, Field("EUDRACT_NUMBER", eudract.path)))
    for node in numbers.items("additionalRegistries"):
        found = node.text("number")
        if found is not None:
            out.append(SecondaryId(found, node.text("otherRegistryName")))
    return tuple(out)


def _sponsor(part1: Node, root: Node) -> Organization | None:
    for node in part1.items("sponsors"):
        name = node.child("organisation").text("name")
        if name is not None:
            return Organization(name)
    name = root.child("primarySponsor").child("organisation").text("name")
    return Organization(name) if name is not None else None


def _enrollment(root: Node) -> Enrollment | None:
    count = root.integer("totalNumberEnrolled")
    return Enrollment(count, Field("ESTIMATED", count.path)) if count is not None else None


def _products(part1: Node) -> Iterator[Intervention]:
    seen: set[str] = set()
    for node in part1.items("products"):
        dictionary = node.child("productDictionaryInfo")
        name = next(
            (
                found
                for found in (
                    node.text("productName"),
                    dictionary.text("prodName"),
                    dictionary.text("activeSubstanceName"),
                )
                if found is not None and vocab.fold(found.value) not in ("n a", "")
            ),
            None,
        )
        if name is not None and name.value.lower() not in seen:
            seen.add(name.value.lower())
            yield Intervention(name, Field("DRUG", node.path))


def _numbered(node: Node, key: str, text_key: str | None = None) -> tuple[Field[str], ...]:
    """CTIS lists ``[{number: 1, principalInclusionCriteria: "..."}, ...]``, put in number order."""
    items = [(child.integer("number"), child.text(text_key or key)) for child in node.items(key)]
    ordered = sorted(
        ((number.value if number else index, text) for index, (number, text) in enumerate(items) if text),
        key=lambda pair: pair[0],
    )
    return tuple(text for _, text in ordered if text is not None)


def _criteria_passage(
    inclusion: tuple[Field[str], ...], exclusion: tuple[Field[str], ...], path: str
) -> Passage | None:
    blocks: list[TextBlock] = []
    for heading, items in (("Inclusion Criteria:", inclusion), ("Exclusion Criteria:", exclusion)):
        if items:
            blocks.append(TextBlock("heading", heading))
            blocks.extend(TextBlock("item", item.value, 0, f"{n}.") for n, item in enumerate(items, 1))
    return Passage(tuple(blocks), path) if blocks else None


def _end_points(node: Node, key: str) -> tuple[Outcome, ...]:
    return tuple(Outcome(text) for text in _numbered(node, key, "endPoint"))


def _age_groups(root: Node) -> Field[tuple[tuple[str, int, int | None], ...]] | None:
    """ "65+ years, 18-64 years" → ((ADULT, 18, 64), (OLDER_ADULT, 65, None)), youngest first."""
    found = root.text("ageGroup")
    if found is None:
        return None
    groups: dict[str, tuple[str, int, int | None]] = {}
    for match in _AGE_GROUP.finditer(found.value):
        low = int(match[1])
        high = int(match[2]) if match[2] else None
        name = "CHILD" if high is not None and high < 18 else "OLDER_ADULT" if low >= 65 else "ADULT"
        groups[name] = (name, low, high)
    ordered = tuple(sorted(groups.values(), key=lambda group: group[1]))
    return Field(ordered, found.path) if ordered else None


def _age_limit(
    ages: Field[tuple[tuple[str, int, int | None], ...]] | None, *, low: bool
) -> Field[str] | None:
    if ages is None or not ages.value:
        return None
    if low:
        youngest = ages.value[0][1]
        return Field(vocab.age(f"{youngest} years") or "", ages.path) if youngest > 0 else None
    oldest = ages.value[-1][2]
    return Field(vocab.age(f"{oldest} years") or "", ages.path) if oldest is not None else None


def _sex(root: Node, population: Node) -> Field[str] | None:
    found = root.text("gender")
    if found is not None:
        words = set(vocab.fold(found.value).split())
        if {"male", "female"} <= words:
            return Field("ALL", found.path)
        return vocab.to_v2("sex", found)
    female, male = population.boolean("isFemaleSubjects"), population.boolean("isMaleSubjects")
    if female and male and female.value and male.value:
        return Field("ALL", female.path)
    if female and female.value:
        return Field("FEMALE", female.path)
    if male and male.value:
        return Field("MALE", male.path)
    return None


def _sites(part: Node) -> Iterator[Site]:
    msc = part.child("mscInfo")
    status = vocab.to_v2("status", msc.text("trialStatus"))
    for site in part.items("trialSites"):
        where = site.child("organisationAddressInfo")
        address = where.child("address")
        yield Site(
            facility=where.child("organisation").text("name"),
            city=address.text("city"),
            zip=address.text("postcode"),
            country=address.text("countryName") or msc.text("countryName"),
            status=status,
        )
