"""Registry noise that must not reach a page: a full stop typed after a name, a time frame that
only points elsewhere in the registry form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import plainlang

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "records" / "NCT06529731.json"


def _record(title: str, conditions: list[str]) -> dict[str, object]:
    record = json.loads(EXAMPLE.read_text("utf-8"))
    record["protocolSection"]["identificationModule"]["briefTitle"] = title
    record["protocolSection"]["conditionsModule"]["conditions"] = conditions
    return record


def test_a_full_stop_typed_after_a_condition_name_does_not_end_our_sentence() -> None:
    record = _record("A Study in Children", ["Haemophagocytic lymphohistiocytosis."])
    page = plainlang.render(plainlang.summarize(record, plainlang.Profile(today="2026-11-21")))
    assert "lymphohistiocytosis." + " are" not in page
    assert ".." not in page.split("## References")[0]


@pytest.mark.parametrize("frame", ["See E.5.1", "see section 3", "Refer to the protocol", "As above"])
def test_a_time_frame_that_points_elsewhere_in_the_form_is_not_shown(frame: str) -> None:
    record = json.loads(EXAMPLE.read_text("utf-8"))
    record["protocolSection"]["outcomesModule"]["primaryOutcomes"] = [
        {"measure": "Relapse-free survival", "timeFrame": frame}
    ]
    page = plainlang.render(plainlang.summarize(record, plainlang.Profile(today="2026-11-21")))
    assert frame not in page
    assert frame.lower() not in page.lower()


def test_a_title_ending_in_a_full_stop_gets_one_full_stop_in_the_reference() -> None:
    record = _record("A Study in Children With a Rare Illness.", ["Anemia"])
    page = plainlang.render(plainlang.summarize(record, plainlang.Profile(today="2026-11-21")))
    assert "With a Rare Illness. <" in page
    assert "Illness.." not in page


def _with_intervention(name: str, other_names: list[str]) -> dict[str, object]:
    record = _record("A Study in Children", ["Anemia"])
    arms = record["protocolSection"]["armsInterventionsModule"]
    arms["interventions"] = [{"type": "PROCEDURE", "name": name, "otherNames": other_names}]
    return record


def test_an_other_name_that_is_the_name_s_initials_is_spelled_out_with_the_name() -> None:
    record = _with_intervention("Peripheral Blood Stem Cell Transplantation", ["PBSCT"])
    page = plainlang.render(plainlang.summarize(record, plainlang.Profile(today="2026-11-21")))
    assert (
        "Peripheral Blood Stem Cell Transplantation (PBSCT) is a thing a health worker does to the body."
        in page
    )
    assert "also called PBSCT" not in page


def test_other_names_in_capital_letters_are_left_out_but_drug_codes_and_brands_stay() -> None:
    record = _with_intervention("Filgrastim", ["G-CSF", "SKF S-104864-A", "Neupogen", "XR-1234"])
    page = plainlang.render(plainlang.summarize(record, plainlang.Profile(today="2026-11-21")))
    assert "It is also called Neupogen and XR-1234." in page


@pytest.mark.parametrize(
    ("short", "name", "expected"),
    [
        ("PBSCT", "Peripheral Blood Stem Cell Transplantation", True),
        ("EBRT", "External Beam Radiation Therapy", True),
        ("DTaP", "Diphtheria Tetanus and Pertussis", False),
        ("TBI", "Total-Body Irradiation", True),
        ("QOL", "Quality of Life", True),
        ("AB", "Peripheral Blood", False),
    ],
)
def test_initials_are_the_first_letters_of_the_name_s_words(short: str, name: str, expected: bool) -> None:
    from plainlang.compose.study_sections import initials_of

    assert initials_of(short, name) is expected
