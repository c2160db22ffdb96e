"""Hypothesis: every reader, given a real record with fields removed, types changed or text
replaced with arbitrary Unicode, returns a Trial or raises a PlainlangError, and nothing else."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, tostring

import defusedxml.ElementTree as SafeET
import pytest
from conftest import shared_records
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plainlang
from plainlang.errors import PlainlangError

pytestmark = pytest.mark.corpus

FIXTURES = Path(__file__).parent / "fixtures"
JSON_FOLDERS = ("ctgov-v2", "ctgov-classic", "euctr", "ctis", "isrctn")
XML_FOLDERS = ("ctgov-xml", "ictrp")


def _samples(folders: tuple[str, ...], suffix: str) -> list[Path]:
    """A few real records per folder (small ones first, to keep each example fast), plus ours."""
    found = [FIXTURES / p.name for p in FIXTURES.iterdir() if p.suffix == suffix]
    for folder in folders:
        found += sorted(shared_records(folder), key=lambda p: p.stat().st_size)[:3]
    return sorted(found)


JSON_SAMPLES = _samples(JSON_FOLDERS, ".json")
XML_SAMPLES = _samples(XML_FOLDERS, ".xml")

Path_ = tuple[str | int, ...]

odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(),
    st.lists(st.text(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)


def _paths(value: Any, prefix: Path_ = ()) -> list[Path_]:
    out: list[Path_] = []
    if isinstance(value, dict):
        for key, child in value.items():
            out.append((*prefix, key))
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out.append((*prefix, index))
            out += _paths(child, (*prefix, index))
    return out


def _mutate(document: Any, path: Path_, how: str, replacement: Any) -> None:
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "remove":
        del parent[last]
    elif how == "text" and isinstance(parent[last], str):
        parent[last] = replacement if isinstance(replacement, str) else str(replacement)
    else:
        parent[last] = replacement


def _outcome_is_trial_or_plainlang_error(source: object) -> None:
    try:
        for result in plainlang.read_records(source):  # type: ignore[arg-type]
            assert result.trial is not None or isinstance(result.error, PlainlangError)
            if result.trial is not None:
                assert result.trial.id
    except PlainlangError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_json_readers_raise_only_plainlang_errors_on_mutated_records(data: st.DataObject) -> None:
    if not JSON_SAMPLES:
        pytest.skip("no JSON samples")
    sample = data.draw(st.sampled_from(JSON_SAMPLES), label="record")
    document = json.loads(sample.read_text("utf-8"))
    paths = _paths(document)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        if not paths:
            break
        path = data.draw(st.sampled_from(paths), label="path")
        how = data.draw(st.sampled_from(["remove", "type", "text"]), label="how")
        replacement = data.draw(st.text() if how == "text" else odd_values, label="value")
        try:
            _mutate(document, path, how, replacement)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this path
        paths = _paths(document)
    _outcome_is_trial_or_plainlang_error(copy.deepcopy(document))
    _outcome_is_trial_or_plainlang_error(json.dumps(document).encode("utf-8"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_xml_readers_raise_only_plainlang_errors_on_mutated_records(data: st.DataObject) -> None:
    if not XML_SAMPLES:
        pytest.skip("no XML samples")
    sample = data.draw(st.sampled_from(XML_SAMPLES), label="record")
    root = SafeET.fromstring(sample.read_bytes())
    elements: list[tuple[Element, Element]] = [(parent, child) for parent in root.iter() for child in parent]
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        parent, child = data.draw(st.sampled_from(elements), label="element")
        how = data.draw(st.sampled_from(["remove", "text", "duplicate", "nest"]), label="how")
        if how == "remove" and child in list(parent):
            parent.remove(child)
        elif how == "text":
            child.text = data.draw(st.text(), label="text")
        elif how == "duplicate":
            parent.append(copy.deepcopy(child))
        else:
            child.append(Element(data.draw(st.sampled_from(["textblock", "x", "measure"]))))
    encoding = data.draw(st.sampled_from(["utf-8", "iso-8859-1"]), label="encoding")
    try:
        body = tostring(root, encoding=encoding, xml_declaration=True)
    except (UnicodeEncodeError, ValueError):
        return  # text the encoding cannot hold: not a document anyone could send
    cut = data.draw(st.integers(0, len(body)), label="truncate") if data.draw(st.booleans()) else len(body)
    _outcome_is_trial_or_plainlang_error(body[:cut] or b"<")
