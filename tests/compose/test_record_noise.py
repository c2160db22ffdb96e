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
