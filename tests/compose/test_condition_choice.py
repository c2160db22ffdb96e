"""Which conditions a page names first: the plain ones the study's title is about."""

from __future__ import annotations

import json
from pathlib import Path

import plainlang
from plainlang.compose.naming import pick_conditions
from plainlang.records import load

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "records" / "NCT06529731.json"
MANY = ["Anemia", "Fatigue", "Hypertension", "Mucositis", "Nausea"]


def _record(title: str, conditions: list[str]) -> dict[str, object]:
    record = json.loads(EXAMPLE.read_text("utf-8"))
    protocol = record["protocolSection"]
    protocol["identificationModule"]["briefTitle"] = title
    protocol["identificationModule"].pop("officialTitle", None)
    protocol["conditionsModule"]["conditions"] = conditions
    return record


def test_a_condition_the_title_names_is_chosen_before_the_record_order() -> None:
    trial = load(_record("A Mouth Rinse for Preventing Oral Mucositis in Children", MANY))
    shown, others = pick_conditions(trial, 1, 10)
    assert [f.value for f in shown] == ["Mucositis"]
    assert others == 4


def test_without_a_title_match_the_record_order_holds() -> None:
    trial = load(_record("A Mouth Rinse Study in Children", MANY))
    shown, _ = pick_conditions(trial, 2, 10)
    assert [f.value for f in shown] == ["Anemia", "Fatigue"]


def test_a_title_word_inside_another_word_does_not_count() -> None:
    trial = load(_record("Antinausea Care in Children", MANY))
    shown, _ = pick_conditions(trial, 1, 10)
    assert [f.value for f in shown] == ["Anemia"]


def test_chosen_conditions_keep_the_record_order_among_themselves() -> None:
    trial = load(_record("Nausea and Anemia After Chemotherapy", MANY))
    shown, _ = pick_conditions(trial, 2, 10)
    assert [f.value for f in shown] == ["Anemia", "Nausea"]


def test_the_headline_names_the_condition_of_the_title() -> None:
    record = _record("A Mouth Rinse for Preventing Oral Mucositis in Children", MANY)
    summary = plainlang.summarize(record, plainlang.Profile(today="2026-11-21"))
    assert "mucositis" in summary.document.title.lower()
