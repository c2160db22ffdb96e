"""Content rules for the cancer and blood-cancer packs that test_shipped_packs.py does not pin.

test_shipped_packs.py already checks schema, grade, uniqueness and see_also for every pack;
these tests add what matters for these two packs in particular: short forms that cannot be
mistaken for ordinary words, definitions that do not explain a term with itself, and that
the packs name the diseases the real cancer records are about.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml
from textstat.backend.utils import get_lang_easy_words

PACKS = ("blood-cancers.yaml", "cancer.yaml")

# "ALL" is also an easy English word, but it is the name every leukemia record uses for acute
# lymphoblastic leukemia; abbreviations match case-sensitively, so "all" in running text is safe.
ALLOWED_EASY_ABBREVIATIONS = frozenset({"ALL"})


def _terms(name: str) -> list[dict[str, Any]]:
    pack: dict[str, Any] = yaml.safe_load(files("plainlang.glossaries").joinpath(name).read_text("utf-8"))
    terms: list[dict[str, Any]] = pack["terms"]
    return terms


def _words_and_phrases(entry: dict[str, Any]) -> Iterator[str]:
    yield entry["term"]
    yield from entry.get("aliases", [])


def _contains(text: str, form: str, *, case_sensitive: bool) -> bool:
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, flags) is not None


@pytest.mark.parametrize("name", PACKS)
def test_abbreviations_are_not_everyday_words(name: str) -> None:
    easy = get_lang_easy_words("en")
    clashes = [
        (entry["term"], short)
        for entry in _terms(name)
        for short in entry.get("abbreviations", [])
        if short.lower() in easy and short not in ALLOWED_EASY_ABBREVIATIONS
    ]
    assert not clashes, f"abbreviations that are also everyday words: {clashes}"


@pytest.mark.parametrize("name", PACKS)
def test_abbreviations_carry_a_capital_letter(name: str) -> None:
    # Abbreviations are matched case-sensitively; an all-lower-case one would be a word, not a short form.
    lower = [
        (entry["term"], short)
        for entry in _terms(name)
        for short in entry.get("abbreviations", [])
        if short == short.lower()
    ]
    assert not lower


@pytest.mark.parametrize("name", PACKS)
def test_definitions_do_not_use_the_term_they_define(name: str) -> None:
    circular = [
        (entry["term"], form)
        for entry in _terms(name)
        for form in (*_words_and_phrases(entry), *entry.get("abbreviations", []))
        if _contains(entry["definition"], form, case_sensitive=form in entry.get("abbreviations", []))
    ]
    assert not circular, f"definitions that repeat their own term: {circular}"


@pytest.mark.parametrize("name", PACKS)
def test_see_also_never_points_back_to_the_same_term(name: str) -> None:
    selfish = [
        e["term"] for e in _terms(name) if e["term"].lower() in (s.lower() for s in e.get("see_also", []))
    ]
    assert not selfish


def _cancer_records(shared_data: Path) -> list[dict[str, Any]]:
    manifest = shared_data / "records" / "manifest.jsonl"
    rows = [json.loads(line) for line in manifest.read_text("utf-8").splitlines() if line]
    return [r for r in rows if r["heme_malignancy"] or "oncology" in r["disease_tags"]]


def _conditions(row: dict[str, Any]) -> str:
    conditions = row["conditions"]
    # The manifest stores one condition as a bare string and several as a list.
    return conditions if isinstance(conditions, str) else " | ".join(conditions)


@pytest.mark.corpus
def test_every_blood_cancer_record_names_a_blood_cancers_term(shared_data: Path) -> None:
    entries = _terms("blood-cancers.yaml")
    missing = []
    for row in _cancer_records(shared_data):
        if not row["heme_malignancy"]:
            continue
        text = f"{row['title']} | {_conditions(row)}"
        found = any(
            _contains(text, form, case_sensitive=False) for e in entries for form in _words_and_phrases(e)
        ) or any(
            _contains(text, short, case_sensitive=True)
            for e in entries
            for short in e.get("abbreviations", [])
        )
        if not found:
            missing.append(row["nct_id"])
    assert not missing, (
        f"blood-cancer records whose title and conditions name no blood-cancers term: {missing}"
    )


@pytest.mark.corpus
def test_every_cancer_record_condition_names_a_term_from_the_two_packs(shared_data: Path) -> None:
    forms = [form for name in PACKS for e in _terms(name) for form in _words_and_phrases(e)]
    missing = [
        row["nct_id"]
        for row in _cancer_records(shared_data)
        # one record is tagged oncology only because its drug was first tested in myeloma
        if not any(_contains(_conditions(row), form, case_sensitive=False) for form in forms)
        and row["nct_id"] != "NCT00720798"
    ]
    assert not missing, f"cancer records whose conditions name no term of either pack: {missing}"
