"""Every real ClinicalTrials.gov v2 record in ../shared/data loads and summarizes safely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import require_shared, shared_records

import plainlang
from plainlang.policy import EMAIL, find_contacts, load_policy

V2 = shared_records("ctgov-v2", "*.json")
PROFILE = plainlang.Profile(today="2026-11-21")


def _contact_values(record: object) -> set[str]:
    """Every e-mail address and phone number in the raw record, wherever it is."""
    found: set[str] = set()
    if isinstance(record, dict):
        for key, value in record.items():
            if key in ("email", "phone") and isinstance(value, str) and value.strip():
                found.add(value.strip())
            else:
                found |= _contact_values(value)
    elif isinstance(record, list):
        for value in record:
            found |= _contact_values(value)
    elif isinstance(record, str):
        found |= {m[0] for m in EMAIL.finditer(record)}
    return found


def test_the_corpus_is_there() -> None:
    require_shared()
    assert len(V2) >= 10


@pytest.mark.corpus
@pytest.mark.parametrize("path", V2, ids=[p.stem for p in V2])
def test_record_summarizes_with_id_disclaimer_url_and_no_contact_data(path: Path) -> None:
    raw = json.loads(path.read_text("utf-8"))
    trial = plainlang.load(path)
    markdown = plainlang.render(plainlang.summarize(trial, PROFILE))
    assert trial.id in markdown
    for disclaimer in load_policy().disclaimers:
        assert disclaimer.text in markdown
    assert f"https://clinicaltrials.gov/study/{trial.id}" in markdown
    for secret in _contact_values(raw):
        assert secret not in markdown, secret
    assert not find_contacts(markdown)
