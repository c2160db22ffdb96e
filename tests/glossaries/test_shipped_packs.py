"""Every shipped glossary pack is valid, unique, and written at grade 6 or below.

Parametrized over all packs in glossaries/, so a new pack is checked the moment it is added.
The explain engine's own lint covers the same ground for user packs; this test pins the
shipped content independently of that code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import jsonschema
import pytest
import yaml

from plainlang._textstat import textstat

MAX_GRADE = 6.0


def _pack_names() -> list[str]:
    root = files("plainlang.glossaries")
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".yaml"))


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(files("plainlang.glossaries").joinpath(name).read_text("utf-8"))
    return data


def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        files("plainlang.glossaries").joinpath("schema.json").read_text("utf-8")
    )
    return schema


def _forms(entry: dict[str, Any]) -> Iterator[str]:
    yield entry["term"]
    yield from entry.get("aliases", [])
    yield from entry.get("abbreviations", [])


def _without_term(sentence: str, entry: dict[str, Any]) -> str:
    """The explanation with the term itself replaced by "it": the term is what is being taught."""
    for form in sorted(_forms(entry), key=len, reverse=True):
        sentence = re.sub(rf"(?i)(?<!\w){re.escape(form)}(?!\w)", "it", sentence)
    return sentence


PACKS = _pack_names()


def test_at_least_one_pack_ships() -> None:
    assert PACKS, "no glossary pack found in plainlang.glossaries"


@pytest.mark.parametrize("name", PACKS)
def test_pack_matches_schema_and_its_file_name(name: str) -> None:
    pack = _load(name)
    jsonschema.validate(pack, _schema())
    assert pack["name"] == name.removesuffix(".yaml")


@pytest.mark.parametrize("name", PACKS)
def test_pack_starts_with_editor_schema_comment(name: str) -> None:
    first = files("plainlang.glossaries").joinpath(name).read_text("utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=schema.json")


@pytest.mark.parametrize("name", PACKS)
def test_definitions_read_inside_parentheses(name: str) -> None:
    bad = [t["term"] for t in _load(name)["terms"] if t["definition"].rstrip().endswith(".")]
    assert not bad, f"definitions end with a full stop: {bad}"


@pytest.mark.parametrize("name", PACKS)
def test_definitions_and_explanations_are_grade_6_or_below(name: str) -> None:
    ts = textstat()
    too_hard = []
    for entry in _load(name)["terms"]:
        grade = ts.flesch_kincaid_grade(entry["definition"])
        if grade > MAX_GRADE:
            too_hard.append((entry["term"], "definition", round(grade, 1)))
        if "explanation" in entry:
            grade = ts.flesch_kincaid_grade(_without_term(entry["explanation"], entry))
            if grade > MAX_GRADE:
                too_hard.append((entry["term"], "explanation", round(grade, 1)))
    assert not too_hard


# A number standing alone (not part of a name such as PD-1 or HER2).
_NUMBER = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)*(?![\w-])")


@pytest.mark.parametrize("name", PACKS)
def test_explanations_add_no_number_the_term_does_not_hold(name: str) -> None:
    # An explanation lands inside a page about a record: a number in it ("a score from 0 to 100")
    # would read as a fact of that record. Only the term's own numbers ("7+3") may appear.
    added = []
    for entry in _load(name)["terms"]:
        own = set(_NUMBER.findall(" ".join(_forms(entry))))
        for key in ("definition", "explanation"):
            extra = set(_NUMBER.findall(entry.get(key, ""))) - own
            if extra:
                added.append((entry["term"], key, sorted(extra)))
    assert not added


def test_every_form_is_unique_across_all_packs() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for name in PACKS:
        for entry in _load(name)["terms"]:
            for form in set(_forms(entry)):
                # abbreviations are case-sensitive; words and phrases are not
                key = form if form in entry.get("abbreviations", []) else form.lower()
                if key in seen:
                    clashes.append(f"{form!r} in {name} and {seen[key]}")
                seen[key] = f"{name}:{entry['term']}"
    assert not clashes


def test_see_also_names_a_shipped_term() -> None:
    terms = {entry["term"].lower() for name in PACKS for entry in _load(name)["terms"]}
    dangling = [
        (name, entry["term"], target)
        for name in PACKS
        for entry in _load(name)["terms"]
        for target in entry.get("see_also", [])
        if target.lower() not in terms
    ]
    assert not dangling
