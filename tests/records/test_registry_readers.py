"""Each registry reader on a small record the team wrote in that registry's format (fixtures/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import plainlang
from plainlang.errors import InvalidXMLError, PlainlangError, RecordError, UnknownFormatError
from plainlang.records import euctr, is_registry_id

FIXTURES = Path(__file__).parent / "fixtures"


def _load(name: str) -> plainlang.Trial:
    return plainlang.load(FIXTURES / name)


# --- ClinicalTrials.gov classic JSON ---------------------------------------------------------


def test_classic_page_yields_every_study_in_rank_order() -> None:
    trials = list(plainlang.load_many(FIXTURES / "classic_page.json"))
    assert [t.id for t in trials] == ["NCT09000001", "NCT09000002"]
    assert trials[0].source.format == "ctgov-classic"


def test_classic_values_take_the_v2_spelling() -> None:
    trial = next(plainlang.load_many(FIXTURES / "classic_page.json"))
    design = trial.design
    assert trial.status.overall.value == "ACTIVE_NOT_RECRUITING"
    assert design.phases is not None and design.phases.value == ("PHASE1", "PHASE2")
    assert design.study_type is not None and design.study_type.value == "INTERVENTIONAL"
    assert design.allocation is not None and design.allocation.value == "RANDOMIZED"
    assert design.intervention_model is not None and design.intervention_model.value == "PARALLEL"
    assert design.primary_purpose is not None and design.primary_purpose.value == "SUPPORTIVE_CARE"
    assert design.who_masked is not None and design.who_masked.value == ("PARTICIPANT", "OUTCOMES_ASSESSOR")
    assert design.enrollment is not None and design.enrollment.count.value == 120
    assert design.enrollment.kind is not None and design.enrollment.kind.value == "ESTIMATED"
    assert trial.eligibility.sex is not None and trial.eligibility.sex.value == "ALL"
    assert trial.eligibility.std_ages is not None and trial.eligibility.std_ages.value == (
        "ADULT",
        "OLDER_ADULT",
    )
    assert [a.type.value for a in trial.arms if a.type] == ["EXPERIMENTAL", "NO_INTERVENTION"]


def test_classic_written_out_dates_become_iso_with_their_kind() -> None:
    status = next(plainlang.load_many(FIXTURES / "classic_page.json")).status
    assert status.start is not None and (status.start.iso, status.start.kind) == ("2018-11-14", "ACTUAL")
    assert status.completion is not None and (status.completion.iso, status.completion.kind) == (
        "2023-06",
        "ESTIMATED",
    )
    assert status.first_posted is not None and status.first_posted.kind == "ESTIMATED"  # "Estimate"


def test_classic_values_keep_the_path_they_came_from() -> None:
    trial = next(plainlang.load_many(FIXTURES / "classic_page.json"))
    assert trial.status.overall.path == "ProtocolSection.StatusModule.OverallStatus"
    assert trial.conditions[0].path == "ProtocolSection.ConditionsModule.ConditionList.Condition[0]"
    assert trial.source.url == "https://clinicaltrials.gov/study/NCT09000001"


def test_classic_unknown_status_keeps_the_last_known_one() -> None:
    trial = list(plainlang.load_many(FIXTURES / "classic_page.json"))[1]
    assert trial.status.overall.value == "UNKNOWN"
    assert trial.status.last_known is not None and trial.status.last_known.value == "RECRUITING"


def test_classic_single_study_wrapper_is_read() -> None:
    page = json.loads((FIXTURES / "classic_page.json").read_text("utf-8"))
    study = page["FullStudiesResponse"]["FullStudies"][1]["Study"]
    assert plainlang.load({"Study": study}).id == "NCT09000002"
    assert plainlang.load(study).id == "NCT09000002"


# --- ClinicalTrials.gov legacy XML -----------------------------------------------------------


def test_legacy_xml_reads_title_case_values_and_entities() -> None:
    trial = _load("ctgov_legacy.xml")
    assert trial.source.format == "ctgov-xml"
    assert trial.title == "Cold Cap for Hair During Chemo & After"
    assert trial.status.overall.value == "UNKNOWN"
    assert trial.status.last_known is not None and trial.status.last_known.value == "ACTIVE_NOT_RECRUITING"
    assert trial.design.phases is not None and trial.design.phases.value == ("PHASE1", "PHASE2")
    assert trial.design.masking is not None and trial.design.masking.value == "SINGLE"
    assert trial.design.who_masked is not None and trial.design.who_masked.value == ("OUTCOMES_ASSESSOR",)
    assert trial.design.allocation is not None and trial.design.allocation.value == "NON_RANDOMIZED"
    assert (
        trial.sponsors.collaborators[0].kind is not None
        and trial.sponsors.collaborators[0].kind.value == "FED"
    )


def test_legacy_xml_ages_and_dates() -> None:
    trial = _load("ctgov_legacy.xml")
    rules = trial.eligibility
    assert rules.minimum_age is not None and rules.minimum_age.value == "18 Years"
    assert rules.maximum_age is None  # "N/A" means no limit, as v2 leaves it out
    assert rules.sex is not None and rules.sex.value == "FEMALE"
    assert rules.std_ages is not None and rules.std_ages.value == ("ADULT", "OLDER_ADULT")
    assert trial.status.start is not None and (trial.status.start.iso, trial.status.start.kind) == (
        "2020-07-28",
        "ACTUAL",
    )
    assert trial.status.completion is not None and trial.status.completion.iso == "2023-06"
    assert trial.design.enrollment is not None and trial.design.enrollment.count.path == "enrollment"


def test_legacy_xml_wrapped_text_becomes_paragraphs_and_items() -> None:
    trial = _load("ctgov_legacy.xml")
    assert trial.brief_summary is not None
    assert [b.kind for b in trial.brief_summary.blocks] == ["paragraph", "paragraph"]
    assert trial.brief_summary.blocks[0].text.endswith("may help people keep their hair.")
    inclusion = [field.value for field in trial.eligibility.inclusion]
    assert inclusion == [
        "Starting chemotherapy for breast cancer with a drug that often makes hair fall out.",
        "Age 18 years or older.",
        "Able to come to every visit.",  # left of the marker: its own paragraph, not the item's tail
    ]
    assert [field.value for field in trial.eligibility.exclusion] == ["Cold agglutinin disease"]


def test_legacy_xml_refuses_entity_expansion() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE clinical_study [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><clinical_study><brief_title>&b;</brief_title>'
        b"</clinical_study>"
    )
    with pytest.raises(InvalidXMLError, match="refused unsafe XML"):
        plainlang.load(bomb)


def test_broken_xml_error_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(b"<clinical_study>\n  <id_info><nct_id>NCT09000009</nct_id>\n</clinical_study>\n")
    with pytest.raises(InvalidXMLError) as caught:
        plainlang.load(path)
    assert caught.value.location.file == str(path)
    assert caught.value.location.line == 3


# --- WHO ICTRP -------------------------------------------------------------------------------


def test_ictrp_latin1_record_reads_accented_text() -> None:
    trial = _load("ictrp_latin1.xml")
    assert trial.source.format == "ictrp-xml"
    assert trial.title == "Estudio de café y sueño: coffee and sleep in adults"  # public title is "N.A."
    assert trial.locations[0].country is not None and trial.locations[0].country.value == "Perú"
    assert trial.source.url == "https://trialsearch.who.int/Trial2.aspx?TrialID=PLR-0001"


def test_ictrp_placeholders_are_absent_values() -> None:
    trial = _load("ictrp_latin1.xml")
    assert trial.status.start is None  # 01/01/1900
    assert trial.status.first_posted is not None and trial.status.first_posted.iso == "2015-10-27"
    assert trial.design.phases is not None and trial.design.phases.value == ("PHASE2",)
    assert trial.sponsors.lead is not None and trial.sponsors.lead.name.value == "Universidad de Plain"
    assert trial.eligibility.minimum_age is not None and trial.eligibility.minimum_age.value == "18 Years"
    assert trial.eligibility.sex is not None and trial.eligibility.sex.value == "ALL"
    outcome = trial.primary_outcomes[0]
    assert (outcome.measure.value, outcome.time_frame and outcome.time_frame.value) == (
        "Hours of sleep",
        "4 weeks",
    )


# --- EU Clinical Trials Register -------------------------------------------------------------


def test_euctr_version_reads_flags_into_design() -> None:
    trial = _load("euctr_GB.json")
    assert trial.id == "2019-000001-11"
    assert trial.source.url == "https://www.clinicaltrialsregister.eu/ctr-search/trial/2019-000001-11/GB"
    assert trial.title == "A study of a new inhaler medicine for children with asthma"
    assert trial.design.phases is not None and trial.design.phases.value == ("PHASE2",)
    assert trial.design.phases.path == "e72_therapeutic_exploratory_phase_ii"
    assert trial.design.masking is not None and trial.design.masking.value == "DOUBLE"
    assert trial.design.intervention_model is not None and trial.design.intervention_model.value == "PARALLEL"
    assert trial.eligibility.std_ages is not None and trial.eligibility.std_ages.value == ("CHILD",)
    assert [f.value for f in trial.eligibility.inclusion] == [
        "Age 6 to 11 years",
        "Asthma for at least 1 year",
    ]
    assert trial.primary_outcomes[0].time_frame is not None


def test_euctr_unmapped_status_is_kept_as_written() -> None:
    assert _load("euctr_DE.json").status.overall.value == "Ongoing"


def test_euctr_member_state_versions_merge_into_one_trial() -> None:
    versions = [
        json.loads((FIXTURES / name).read_text("utf-8")) for name in ("euctr_GB.json", "euctr_DE.json")
    ]
    trial = plainlang.load(versions)
    assert trial.id == "2019-000001-11"
    assert trial.source.url == "https://www.clinicaltrialsregister.eu/ctr-search/search?query=2019-000001-11"
    assert trial.status.overall.value == "Ongoing"  # the most open member state wins over COMPLETED
    assert trial.title == "A study of a new inhaler medicine for children with asthma"  # newest version
    assert [c.value for c in trial.conditions] == ["Asthma", "Childhood asthma"]
    assert [s.country.value for s in trial.locations if s.country] == ["United Kingdom", "Germany"]


def test_euctr_merge_refuses_different_trials() -> None:
    one = _load("euctr_GB.json")
    other = euctr.read_version({"a2_eudract_number": "2020-000002-22"})
    with pytest.raises(RecordError, match="different trials"):
        euctr.merge([one, other])


# --- CTIS ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ctis_gen1.json", "ctis_gen2.json"])
def test_ctis_both_generations_read_part_one(name: str) -> None:
    trial = _load(name)
    assert trial.id == "2023-500001-22-00"
    assert trial.source.url.endswith("EUCT=2023-500001-22-00")
    assert trial.title == "PL-9 for migraine"
    assert trial.design.phases is not None and trial.design.phases.value == ("PHASE2",)
    assert [f.value for f in trial.eligibility.inclusion] == ["Age 18 or older", "Migraine for 1 year"]
    assert [i.name.value for i in trial.interventions] == ["PL-9", "PLACEBO"]
    assert trial.locations[0].city is not None and trial.locations[0].city.value == "Berlin"
    assert trial.locations[0].status is not None and trial.locations[0].status.value == "RECRUITING"


def test_ctis_status_label_and_code_both_map_to_v2() -> None:
    assert _load("ctis_gen1.json").status.overall.value == "RECRUITING"
    gen2 = _load("ctis_gen2.json")
    assert gen2.status.overall.value == "RECRUITING"
    assert gen2.status.overall.path == "ctPublicStatusCode"


def test_ctis_age_groups_and_day_first_dates() -> None:
    adults, children = _load("ctis_gen1.json"), _load("ctis_gen2.json")
    assert adults.eligibility.minimum_age is not None and adults.eligibility.minimum_age.value == "18 Years"
    assert adults.eligibility.maximum_age is None
    assert (
        children.eligibility.maximum_age is not None and children.eligibility.maximum_age.value == "17 Years"
    )
    assert children.eligibility.sex is not None and children.eligibility.sex.value == "FEMALE"
    assert children.status.start is not None and children.status.start.iso == "2021-04-28"
    assert [s.id.value for s in children.identification.secondary_ids] == ["2019-000001-11"]


def test_ctis_authorised_code_without_a_finer_label_is_kept() -> None:
    record = json.loads((FIXTURES / "ctis_gen2.json").read_text("utf-8"))
    record["ctStatus"] = record["ctPublicStatusCode"] = 2
    assert plainlang.load(record).status.overall.value == "Authorised"


# --- ISRCTN ----------------------------------------------------------------------------------


def test_isrctn_keeps_its_plain_english_summary_as_a_source_field() -> None:
    trial = _load("isrctn.json")
    assert trial.id == "ISRCTN90000001"
    assert trial.source.url == "https://www.isrctn.com/ISRCTN90000001"
    assert trial.plain_summary is not None
    assert trial.plain_summary.path == "trialDescription.plainEnglishSummary"
    assert "hearing a parent read" in trial.plain_summary.text


def test_isrctn_status_is_derived_on_the_day_the_record_was_saved() -> None:
    trial = _load("isrctn.json")
    # saved 2022-08-10: recruitment ended 2023-03-01 is still ahead → recruiting on that day
    assert trial.status.overall.value == "RECRUITING"
    record = json.loads((FIXTURES / "isrctn.json").read_text("utf-8"))
    record["record_last_import"] = "2024-01-05 10:00:00"
    assert plainlang.load(record).status.overall.value == "COMPLETED"
    record["trialDesign"]["overallStatusOverride"] = "Stopped"
    assert plainlang.load(record).status.overall.value == "TERMINATED"


def test_isrctn_fields_in_v2_spelling() -> None:
    trial = _load("isrctn.json")
    assert trial.design.enrollment is not None and trial.design.enrollment.count.value == 1200
    assert trial.design.allocation is not None and trial.design.allocation.value == "RANDOMIZED"
    assert trial.design.phases is not None and trial.design.phases.value == ("NA",)
    assert trial.eligibility.sex is not None and trial.eligibility.sex.value == "ALL"
    assert trial.eligibility.std_ages is not None and trial.eligibility.std_ages.value == ("CHILD",)
    assert [o.measure.value for o in trial.primary_outcomes] == ["Heart rate at 2 weeks"]  # not the previous
    assert [s.id.value for s in trial.identification.secondary_ids] == [
        "NCT09000004",
        "10.1186/ISRCTN90000001",
    ]


# --- detection -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "format_name"),
    [
        ("classic_page.json", "ctgov-classic"),
        ("ctgov_legacy.xml", "ctgov-xml"),
        ("ictrp_latin1.xml", "ictrp-xml"),
        ("euctr_GB.json", "euctr"),
        ("ctis_gen1.json", "ctis"),
        ("ctis_gen2.json", "ctis"),
        ("isrctn.json", "isrctn"),
    ],
)
def test_each_format_is_detected(name: str, format_name: str) -> None:
    assert next(plainlang.load_many(FIXTURES / name)).source.format == format_name


@pytest.mark.parametrize(
    "content",
    [b'{"trial": {"id": 1}}', b"<?xml version='1.0'?><protocol><id>1</id></protocol>", b"[1, 2]"],
)
def test_unknown_format_error_names_the_file_and_lists_formats(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / ("record.xml" if content.startswith(b"<") else "record.json")
    path.write_bytes(content)
    with pytest.raises(UnknownFormatError) as caught:
        plainlang.load(path)
    assert caught.value.location.file == str(path)
    assert "ISRCTN" in caught.value.hint and "legacy XML" in caught.value.hint


def test_registry_ids_that_can_be_fetched() -> None:
    assert is_registry_id("NCT04067336")
    assert is_registry_id(" nct04067336 ")
    assert not is_registry_id("NCT0406733")
    assert not is_registry_id("NCT04067336.json")
    assert not is_registry_id("ISRCTN48721236")


def test_errors_are_plainlang_errors() -> None:
    with pytest.raises(PlainlangError):
        plainlang.load({"ctNumber": "2023-500001-22-00", "authorizedPartI": []})
