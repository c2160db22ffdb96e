"""The ClinicalTrials.gov v2 reader: every field, its provenance, and its errors."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

import plainlang
from plainlang.errors import (
    FieldTypeError,
    InvalidJSONError,
    MissingFieldError,
    RecordError,
    SourceNotFoundError,
    UnknownFormatError,
)

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "v2_small.json"


def study() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text("utf-8"))
    return data


def test_identification_titles_and_source() -> None:
    trial = plainlang.load(FIXTURE)
    ident = trial.identification
    assert trial.id == "NCT09990001"
    assert ident.acronym is not None and ident.acronym.value == "PLTEST"
    assert ident.org_study_id is not None and ident.org_study_id.value == "PL-TEST-001"
    assert [s.id.value for s in ident.secondary_ids] == ["2024-000111-22"]
    assert trial.title == "A Test of Drug PL-101 in Adults With Relapsed AML"
    assert trial.source.registry == "ClinicalTrials.gov"
    assert trial.source.url == "https://clinicaltrials.gov/study/NCT09990001"
    assert trial.source.file == str(FIXTURE)


def test_every_value_keeps_its_field_path() -> None:
    trial = plainlang.load(FIXTURE)
    assert trial.design.enrollment is not None
    assert trial.design.enrollment.count.path == "protocolSection.designModule.enrollmentInfo.count"
    assert trial.design.enrollment.count.value == 45
    assert trial.conditions[1].path == "protocolSection.conditionsModule.conditions[1]"
    assert trial.locations[0].city is not None
    assert trial.locations[0].city.path == "protocolSection.contactsLocationsModule.locations[0].city"
    assert trial.primary_outcomes[1].time_frame is not None
    assert (
        trial.primary_outcomes[1].time_frame.path
        == "protocolSection.outcomesModule.primaryOutcomes[1].timeFrame"
    )


def test_status_dates_keep_precision_and_kind() -> None:
    status = plainlang.load(FIXTURE).status
    assert status.overall.value == "RECRUITING"
    assert status.start is not None and (status.start.iso, status.start.kind) == ("2024-06-24", "ACTUAL")
    assert status.primary_completion is not None
    assert (status.primary_completion.iso, status.primary_completion.kind) == ("2027-03", "ESTIMATED")
    assert status.last_update is not None and status.last_update.iso == "2025-01-15"


def test_design_arms_interventions_and_outcomes() -> None:
    trial = plainlang.load(FIXTURE)
    design = trial.design
    assert design.phases is not None and design.phases.value == ("PHASE1", "PHASE2")
    assert design.allocation is not None and design.allocation.value == "NON_RANDOMIZED"
    assert design.masking is not None and design.masking.value == "NONE"
    assert [a.label.value for a in trial.arms] == ["Part A: Dose Escalation", "Part B: Dose Expansion"]
    drug = trial.interventions[0]
    assert drug.type is not None and drug.type.value == "DRUG"
    assert [o.value for o in drug.other_names] == ["PLX-101"]
    assert len(drug.arm_labels) == 2
    assert [o.measure.value for o in trial.secondary_outcomes] == ["Overall Survival"]


def test_eligibility_is_split_into_inclusion_and_exclusion_items() -> None:
    rules = plainlang.load(FIXTURE).eligibility
    assert [c.value for c in rules.inclusion] == [
        "Age >= 18 years",
        "Relapsed or refractory AML after at least 1 prior therapy",
        "ECOG performance status 0-2 or Karnofsky >= 60%",
    ]
    assert [c.value for c in rules.exclusion] == ["QTcF > 480 msec", "Active CNS leukemia"]
    assert rules.minimum_age is not None and rules.minimum_age.value == "18 Years"
    assert rules.healthy_volunteers is not None and rules.healthy_volunteers.value is False
    assert rules.std_ages is not None and rules.std_ages.value == ("ADULT", "OLDER_ADULT")


def test_markdown_escapes_are_decoded_and_lists_kept_as_items() -> None:
    summary = plainlang.load(FIXTURE).brief_summary
    assert summary is not None
    kinds = [b.kind for b in summary.blocks]
    assert kinds == ["paragraph", "heading", "item", "item", "paragraph"]  # "two parts:" leads a list
    assert "Patients must be >= 18 years old." in summary.blocks[0].text
    assert summary.blocks[2].text == "Part A: dose escalation to find the MTD"


def test_contacts_are_kept_and_marked_as_personal_data() -> None:
    trial = plainlang.load(FIXTURE)
    contact = trial.contacts[0]
    assert contact.email is not None and contact.email.value == "jane.example@example.org"
    assert contact.personal_data is True
    assert trial.locations[0].contacts[0].phone is not None


def test_mesh_terms_and_publications() -> None:
    trial = plainlang.load(FIXTURE)
    assert [m.value for m in trial.mesh_terms] == ["Leukemia, Myeloid, Acute"]
    assert trial.publications[0].pmid is not None and trial.publications[0].pmid.value == "12345678"


def test_unknown_fields_are_ignored() -> None:
    data = study()
    data["protocolSection"]["identificationModule"]["somethingNew"] = {"x": [1, 2]}
    data["brandNewSection"] = 42
    assert plainlang.load(data).id == "NCT09990001"


# --- the shapes a source can take -----------------------------------------------------------


def test_load_accepts_a_dict_a_str_path_and_a_path() -> None:
    assert plainlang.load(study()).id == plainlang.load(str(FIXTURE)).id == plainlang.load(FIXTURE).id


def test_search_page_gives_many_trials_streamed(tmp_path: Path) -> None:
    second = study()
    second["protocolSection"]["identificationModule"]["nctId"] = "NCT09990002"
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"studies": [study(), second], "nextPageToken": "abc"}))
    trials = plainlang.load_many(page)
    assert not isinstance(trials, list)  # an iterator, not a list built up front
    assert [t.id for t in trials] == ["NCT09990001", "NCT09990002"]


def test_load_refuses_a_source_with_several_records(tmp_path: Path) -> None:
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"studies": [study(), study()]}))
    with pytest.raises(RecordError, match="more than one record"):
        plainlang.load(page)


def test_ndjson_directory_and_zip(tmp_path: Path) -> None:
    lines = tmp_path / "studies.ndjson"
    lines.write_text(json.dumps(study()) + "\n\n" + json.dumps(study()) + "\n")
    assert len(list(plainlang.load_many(lines))) == 2
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(study()))
    (folder / "notes.txt").write_text("not a record")
    assert [t.id for t in plainlang.load_many(folder)] == ["NCT09990001"]
    archive = tmp_path / "records.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("x/one.json", json.dumps(study()))
        zipped.writestr("x/two.ndjson", json.dumps(study()) + "\n")
    results = list(plainlang.read_records(archive))
    assert [r.origin for r in results] == [f"{archive}!x/one.json", f"{archive}!x/two.ndjson#1"]


# --- errors that say where --------------------------------------------------------------------


def test_malformed_json_names_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "protocolSection": {\n    "x": 1,,\n  }\n}')
    with pytest.raises(InvalidJSONError) as caught:
        plainlang.load(bad)
    assert caught.value.location.file == str(bad)
    assert caught.value.location.line == 3
    assert str(caught.value).startswith(f"{bad}:3:")


def test_ndjson_error_names_the_line_and_the_others_still_load(tmp_path: Path) -> None:
    lines = tmp_path / "s.ndjson"
    lines.write_text(json.dumps(study()) + "\n{oops\n" + json.dumps(study()) + "\n")
    results = list(plainlang.read_records(lines))
    assert [r.ok for r in results] == [True, False, True]
    error = results[1].error
    assert error is not None and error.location.line == 2


def test_missing_nct_id_names_the_field_path() -> None:
    data = study()
    del data["protocolSection"]["identificationModule"]["nctId"]
    with pytest.raises(MissingFieldError) as caught:
        plainlang.load(data)
    assert caught.value.location.field == "protocolSection.identificationModule.nctId"


def test_wrong_type_names_the_field_path() -> None:
    data = study()
    data["protocolSection"]["designModule"]["enrollmentInfo"]["count"] = "many"
    with pytest.raises(FieldTypeError) as caught:
        plainlang.load(data)
    assert caught.value.location.field == "protocolSection.designModule.enrollmentInfo.count"


def test_unrecognised_file_names_the_file_and_the_accepted_formats(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"hello": "world"}')
    with pytest.raises(UnknownFormatError) as caught:
        plainlang.load(other)
    assert caught.value.location.file == str(other)
    assert "accepted formats" in str(caught.value)


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="no such file"):
        plainlang.load(tmp_path / "nope.json")
