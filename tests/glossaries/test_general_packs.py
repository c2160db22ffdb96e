"""Checks particular to the general-medicine, infections-and-vaccines and tests-and-imaging packs.

test_shipped_packs.py already pins schema, grade, uniqueness and see_also for every pack; this
file adds what those three packs promise on top: their terms were measured in real registry
text rather than guessed, their short forms cannot be mistaken for everyday words, and no entry
explains a term with the term itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml

PACKS = ("general-medicine.yaml", "infections-and-vaccines.yaml", "tests-and-imaging.yaml")

# The ClinicalTrials.gov folders the terms were chosen from (see PROVENANCE.md in ../shared/data).
CTGOV_FOLDERS = ("ctgov-v2", "ctgov-classic", "ctgov-xml")

# Upper-case short forms that spell an everyday word but are kept on purpose: in registry text
# a whole upper-case token "ART", "PET" or "LIT" is the HIV treatment, the scan or the
# Leukocyte ImmunoTest, and matching is case-sensitive, so "art", "pet" and "lit" in running
# text are never touched (nor words in a shouted run, which the matcher reads as no abbreviation).
EVERYDAY_WORD_ABBREVIATIONS_ALLOWED = frozenset({"ART", "PET", "LIT"})


def _entries(name: str) -> list[dict[str, Any]]:
    pack: dict[str, Any] = yaml.safe_load(files("plainlang.glossaries").joinpath(name).read_text("utf-8"))
    terms: list[dict[str, Any]] = pack["terms"]
    return terms


def _all_entries() -> Iterator[tuple[str, dict[str, Any]]]:
    for name in PACKS:
        for entry in _entries(name):
            yield name, entry


def _word_forms(entry: dict[str, Any]) -> list[str]:
    return [entry["term"], *entry.get("aliases", [])]


def _mentions(form: str, text: str, *, case_sensitive: bool) -> bool:
    if not case_sensitive:
        form, text = form.lower(), text.lower()
    if form not in text:  # a plain substring search first: the corpus is megabytes long
        return False
    # Hyphens count as part of a word so that "T-cell" is not found inside "CAR-T-cell".
    # The literal leads the pattern (no look-behind) so the regex engine can skip ahead fast;
    # the character before each hit is checked by hand instead.
    for hit in re.finditer(rf"{re.escape(form)}(?![\w-])", text):
        before = text[hit.start() - 1] if hit.start() else " "
        if not (before.isalnum() or before in "_-"):
            return True
    return False


@cache
def _ctgov_text(records: Path) -> str:
    parts = [
        path.read_text("utf-8", errors="replace")
        for folder in CTGOV_FOLDERS
        for path in sorted((records / folder).glob("*"))
        if path.is_file()
    ]
    return "\n".join(parts)


def test_the_three_packs_ship() -> None:
    shipped = {p.name for p in files("plainlang.glossaries").iterdir()}
    assert set(PACKS) <= shipped


@pytest.mark.corpus
def test_every_term_occurs_in_real_clinicaltrials_gov_records(shared_data: Path) -> None:
    text = _ctgov_text(shared_data / "records")
    lowered = text.lower()
    unseen = [
        (name, entry["term"])
        for name, entry in _all_entries()
        if not any(_mentions(f.lower(), lowered, case_sensitive=True) for f in _word_forms(entry))
        and not any(_mentions(a, text, case_sensitive=True) for a in entry.get("abbreviations", []))
    ]
    assert not unseen, f"terms found in no ClinicalTrials.gov record (guessed, not measured): {unseen}"


@pytest.mark.corpus
def test_upper_case_abbreviations_are_not_everyday_words(shared_data: Path) -> None:
    wordlist = shared_data / "wordlists" / "dale_chall_easy_words_textstat-0.7.13.txt"
    if not wordlist.is_file():
        pytest.skip(f"{wordlist} is absent")
    easy = {line.strip().lower() for line in wordlist.read_text("utf-8").splitlines() if line.strip()}
    clashes = [
        (name, entry["term"], short)
        for name, entry in _all_entries()
        for short in entry.get("abbreviations", [])
        if short.isupper() and short.lower() in easy and short not in EVERYDAY_WORD_ABBREVIATIONS_ALLOWED
    ]
    assert not clashes, f"short forms that are also everyday words (IT, US, OR...): {clashes}"


@pytest.mark.parametrize("name", PACKS)
def test_abbreviations_carry_a_capital_so_case_sensitive_matching_means_something(name: str) -> None:
    lower_only = [
        (entry["term"], short)
        for entry in _entries(name)
        for short in entry.get("abbreviations", [])
        if short == short.lower()
    ]
    assert not lower_only


@pytest.mark.parametrize("name", PACKS)
def test_no_definition_explains_a_term_with_itself(name: str) -> None:
    circular = []
    for entry in _entries(name):
        for form in _word_forms(entry):
            if _mentions(form, entry["definition"], case_sensitive=False):
                circular.append((entry["term"], form))
        for short in entry.get("abbreviations", []):
            if _mentions(short, entry["definition"], case_sensitive=True):
                circular.append((entry["term"], short))
    assert not circular


@pytest.mark.parametrize("name", PACKS)
def test_see_also_never_points_back_to_the_same_entry(name: str) -> None:
    self_links = [
        entry["term"]
        for entry in _entries(name)
        if entry["term"].lower() in {target.lower() for target in entry.get("see_also", [])}
    ]
    assert not self_links


@pytest.mark.parametrize("name", PACKS)
def test_plain_replacement_is_not_one_of_the_entrys_own_forms(name: str) -> None:
    # A plain word equal to an alias would "replace" the alias with itself and still explain it.
    same = [
        entry["term"]
        for entry in _entries(name)
        if "plain" in entry and entry["plain"].lower() in {f.lower() for f in _word_forms(entry)}
    ]
    assert not same
