"""Content checks for the trial-design, outcomes-statistics and medicines-and-dosing packs.

The generic checks (schema, grade, uniqueness, see_also) live in test_shipped_packs.py. These
pin what is particular to these three packs: abbreviations that mean different things in
registry text stay out, and the phrases real records use most are covered, so a later edit
that drops one of them fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml

PACKS = ("trial-design.yaml", "outcomes-statistics.yaml", "medicines-and-dosing.yaml")

# Registry text uses each of these for two or more different things (HR: hazard ratio or heart
# rate; SD: standard deviation or stable disease; PD: progressive disease, pharmacodynamics or
# Parkinson's disease; PI: principal investigator or protease inhibitor) or they are ordinary
# upper-case words. A wrong expansion misleads a reader more than none.
AMBIGUOUS = {"HR", "SD", "PD", "OR", "RR", "PI", "IT", "US", "AS", "IS", "ALL", "NO", "ON"}

# Phrases that occur in the ClinicalTrials.gov records of ../shared/data (counted while the
# packs were written) and that these packs must explain.
FREQUENT_PHRASES = (
    "principal investigator",
    "baseline",
    "randomized",
    "placebo",
    "open label",
    "enrollment",
    "follow-up",
    "inclusion criteria",
    "exclusion criteria",
    "informed consent",
    "adverse events",
    "double-blind",
    "parallel assignment",
    "standard of care",
    "healthy volunteers",
    "pharmacokinetics",
    "hazard ratio",
    "quality of life",
    "overall survival",
    "median",
    "standard deviation",
    "confidence interval",
    "intravenous",
    "subcutaneous",
    "twice daily",
    "once daily",
    "mg/kg",
    "loading dose",
    "prophylaxis",
    "concomitant",
    "regimen",
)


def _terms(name: str) -> list[dict[str, Any]]:
    pack: dict[str, Any] = yaml.safe_load(files("plainlang.glossaries").joinpath(name).read_text("utf-8"))
    terms: list[dict[str, Any]] = pack["terms"]
    return terms


def _forms() -> Iterator[str]:
    for name in PACKS:
        for entry in _terms(name):
            yield entry["term"]
            yield from entry.get("aliases", [])
            yield from entry.get("abbreviations", [])


@pytest.mark.parametrize("name", PACKS)
def test_pack_leaves_out_abbreviations_with_more_than_one_meaning(name: str) -> None:
    used = {a for entry in _terms(name) for a in entry.get("abbreviations", [])}
    assert not used & AMBIGUOUS


@pytest.mark.parametrize("name", PACKS)
def test_plain_replacement_is_not_the_term_itself(name: str) -> None:
    same = [e["term"] for e in _terms(name) if e.get("plain", "").lower() == e["term"].lower()]
    assert not same


def test_frequent_registry_phrases_are_terms_or_aliases() -> None:
    forms = {form.lower() for form in _forms()}
    missing = [p for p in FREQUENT_PHRASES if p.lower() not in forms and p.lower().rstrip("s") not in forms]
    assert not missing


def _record_text(records: Path) -> str:
    folders = ("ctgov-v2", "ctgov-classic", "ctgov-xml")
    paths = (p for f in folders for p in sorted((records / f).glob("*")) if p.is_file())
    return "\n".join(Path(p).read_text("utf-8", "replace") for p in paths).replace("\\n", " ")


@pytest.mark.corpus
def test_frequent_phrases_really_occur_in_the_registry_records(shared_data: Path) -> None:
    text = _record_text(shared_data / "records")
    absent = [
        p
        for p in FREQUENT_PHRASES
        if not re.search(r"(?i)(?<![\w-])" + re.escape(p).replace(r"\ ", r"[\s-]+"), text)
    ]
    assert not absent
