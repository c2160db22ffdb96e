"""An open status the registry has not checked for over two years is flagged as maybe out of date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import plainlang

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "records" / "NCT06529731.json"
)  # verified 2026-06


def _status(today: str, overall: str = "RECRUITING", verified: str | None = "2026-06") -> str:
    record = json.loads(EXAMPLE.read_text("utf-8"))
    module = record["protocolSection"]["statusModule"]
    module["overallStatus"] = overall
    if verified is None:
        del module["statusVerifiedDate"]
    else:
        module["statusVerifiedDate"] = verified
    summary = plainlang.summarize(record, plainlang.Profile(today=today))
    section = next(s for s in summary.document.sections if s.id == "status")
    return " ".join(sentence.text for block in section.blocks for sentence in block.sentences)


STALE = "The study team last checked this in June 2026. It may have changed since then."


def test_a_recruiting_study_checked_over_two_years_ago_says_it_may_have_changed() -> None:
    assert STALE in _status(today="2028-07-01")


def test_a_recently_checked_study_has_no_warning() -> None:
    assert "may have changed" not in _status(today="2026-11-21")


def test_two_years_are_counted_from_the_end_of_the_month_given() -> None:
    # June 2026 may mean June 30: on 2028-06-29 that is not yet two years (730 days) ago
    assert "may have changed" not in _status(today="2028-06-29")
    assert "may have changed" in _status(today="2028-07-01")


@pytest.mark.parametrize("overall", ["COMPLETED", "TERMINATED", "WITHDRAWN", "UNKNOWN"])
def test_closed_or_unknown_statuses_get_no_warning(overall: str) -> None:
    assert "may have changed" not in _status(today="2035-01-01", overall=overall)


def test_without_a_verified_date_the_last_update_is_used() -> None:
    text = _status(today="2035-01-01", verified=None)
    assert "The record was last changed on June 26, 2026. This may have changed since then." in text


def test_the_warning_cites_the_date_it_rests_on() -> None:
    record = json.loads(EXAMPLE.read_text("utf-8"))
    summary = plainlang.summarize(record, plainlang.Profile(today="2030-01-01"))
    sentence = next(
        s
        for sec in summary.document.sections
        for b in sec.blocks
        for s in b.sentences
        if "last checked" in s.text
    )
    assert [ref.path for ref in sentence.sources] == ["protocolSection.statusModule.statusVerifiedDate"]
