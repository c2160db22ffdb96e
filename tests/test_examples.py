"""The bundled example records in examples/records/ are well-formed v2 records with no real people in them.

They are the default input of the README's main command and of the golden tests, and they ship
with the project, so two things matter: they must look exactly like what the ClinicalTrials.gov
API v2 returns (otherwise the reader is tested against a format nobody sends), and every contact
detail in them must be visibly fictional (555-01xx phone numbers, example.org/.com addresses,
placeholder surnames), so the repository never carries real personal data and tests can prove
that masking hides them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES

import plainlang

EXPECTED_IDS = ("NCT04067336", "NCT06376162", "NCT06529731", "NCT07007312")

# Only these may appear in an e-mail address or a link: the IANA reserved example domains.
FICTIONAL_DOMAINS = frozenset({"example.org", "example.com"})
# "+1 206-555-0143", "+33 1 555-0130": 555-0100..0199 is reserved for fiction in the NANP, and we
# use the same tail for every country so one pattern proves a number is not someone's.
FICTIONAL_PHONE = re.compile(r"^\+\d{1,3} (?:\d{1,4}[ -])?555-01\d\d$")
# Every person named in an example carries one of these surnames.
FICTIONAL_SURNAMES = ("Example", "Sample", "Placeholder", "Specimen", "Testcase", "Demo", "Fictional")

EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
URL = re.compile(r"https?://([^/\s)\]]+)")
# North American style numbers written anywhere in free text ("617-588-2609", "(206) 555 0143").
PHONE_IN_TEXT = re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b")

TOP_LEVEL = {"protocolSection", "derivedSection", "hasResults"}
MODULES = {
    "identificationModule",
    "statusModule",
    "sponsorCollaboratorsModule",
    "oversightModule",
    "descriptionModule",
    "conditionsModule",
    "designModule",
    "armsInterventionsModule",
    "outcomesModule",
    "eligibilityModule",
    "contactsLocationsModule",
}
OVERALL_STATUSES = {
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
}
PHASES = {"NA", "EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4"}
DATE_TYPES = {"ACTUAL", "ESTIMATED"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


def _example_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _strings(node: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a JSON value with its dotted path (list items as [i])."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, f"{path}[{index}]")


def _people(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Central contacts, overall officials and site contacts, each with its field path."""
    module = record["protocolSection"].get("contactsLocationsModule", {})
    for key in ("centralContacts", "overallOfficials"):
        for index, person in enumerate(module.get(key, [])):
            yield f"contactsLocationsModule.{key}[{index}]", person
    for site_index, site in enumerate(module.get("locations", [])):
        for index, person in enumerate(site.get("contacts", [])):
            yield f"contactsLocationsModule.locations[{site_index}].contacts[{index}]", person


def privacy_findings(record: dict[str, Any]) -> list[str]:
    """Every contact detail in a record that is not of the fictional kind, as 'path: value'."""
    findings: list[str] = []
    for path, text in _strings(record):
        leaf = path.rsplit(".", 1)[-1]
        if leaf == "phone" and not FICTIONAL_PHONE.match(text):
            findings.append(f"{path}: phone {text!r}")
        findings.extend(
            f"{path}: e-mail domain {domain!r}"
            for domain in EMAIL.findall(text)
            if domain.lower() not in FICTIONAL_DOMAINS
        )
        findings.extend(
            f"{path}: link host {host!r}"
            for host in URL.findall(text)
            if host.lower().removeprefix("www.") not in FICTIONAL_DOMAINS
        )
        if leaf != "phone":
            findings.extend(
                f"{path}: phone-like text {number!r}"
                for number in PHONE_IN_TEXT.findall(text)
                if "555" not in number
            )
    for path, person in _people(record):
        name = person.get("name", "")
        if not any(surname in name for surname in FICTIONAL_SURNAMES):
            findings.append(f"{path}.name: {name!r} has no placeholder surname")
    return findings


@pytest.fixture(params=_example_paths(), ids=lambda p: p.stem)
def example(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any]]:
    path: Path = request.param
    return path, _load(path)


def test_exactly_the_four_bundled_examples_are_present() -> None:
    assert tuple(p.stem for p in _example_paths()) == EXPECTED_IDS


def test_example_has_the_v2_top_level_shape(example: tuple[Path, dict[str, Any]]) -> None:
    _, record = example
    assert set(record) == TOP_LEVEL
    assert isinstance(record["hasResults"], bool)
    assert set(record["protocolSection"]) >= MODULES


def test_example_nct_id_matches_its_file_name(example: tuple[Path, dict[str, Any]]) -> None:
    path, record = example
    assert record["protocolSection"]["identificationModule"]["nctId"] == path.stem


def test_example_uses_v2_enum_spelling_and_iso_dates(example: tuple[Path, dict[str, Any]]) -> None:
    _, record = example
    protocol = record["protocolSection"]
    status = protocol["statusModule"]
    assert status["overallStatus"] in OVERALL_STATUSES
    assert set(protocol["designModule"]["phases"]) <= PHASES
    for site in protocol["contactsLocationsModule"]["locations"]:
        assert site["status"] in OVERALL_STATUSES, site["facility"]
    structs = {key: value for key, value in status.items() if key.endswith("DateStruct")}
    assert {"startDateStruct", "primaryCompletionDateStruct", "completionDateStruct"} <= set(structs)
    for key, struct in structs.items():
        assert ISO_DATE.match(struct["date"]), key
        assert struct["type"] in DATE_TYPES, key


def test_example_arms_and_interventions_refer_to_each_other(
    example: tuple[Path, dict[str, Any]],
) -> None:
    _, record = example
    module = record["protocolSection"]["armsInterventionsModule"]
    labels = {arm["label"] for arm in module["armGroups"]}
    # v2 names an arm's interventions as "Type: Name" with the type in title case.
    names = {f"{item['type'].title()}: {item['name']}" for item in module["interventions"]}
    for item in module["interventions"]:
        assert set(item["armGroupLabels"]) <= labels, item["name"]
    for arm in module["armGroups"]:
        assert set(arm["interventionNames"]) <= names, arm["label"]


def test_example_has_central_and_site_contacts(example: tuple[Path, dict[str, Any]]) -> None:
    _, record = example
    module = record["protocolSection"]["contactsLocationsModule"]
    assert module["centralContacts"]
    assert any(site.get("contacts") for site in module["locations"])


def test_every_contact_detail_in_an_example_is_fictional(
    example: tuple[Path, dict[str, Any]],
) -> None:
    _, record = example
    assert privacy_findings(record) == []


def test_privacy_check_flags_real_looking_contact_details() -> None:
    record: dict[str, Any] = {
        "protocolSection": {
            "contactsLocationsModule": {
                "centralContacts": [
                    {"name": "Jane Smith", "phone": "617-123-4567", "email": "jsmith@hospital.edu"}
                ],
            },
            "descriptionModule": {"briefSummary": "Call 312 123 4567 or see https://trials.org/x."},
        }
    }
    findings = "\n".join(privacy_findings(record))
    assert "phone '617-123-4567'" in findings
    assert "'hospital.edu'" in findings
    assert "'Jane Smith' has no placeholder surname" in findings
    assert "phone-like text '312 123 4567'" in findings
    assert "link host 'trials.org'" in findings


def test_example_reads_as_a_trial_with_its_nct_id(example: tuple[Path, dict[str, Any]]) -> None:
    path, _ = example
    trial = plainlang.load(path)
    assert trial.id == path.stem


def test_examples_readme_lists_every_example() -> None:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for nct_id in EXPECTED_IDS:
        assert f"## {nct_id}" in readme
