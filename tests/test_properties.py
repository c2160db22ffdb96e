"""Properties: loading never fails with anything but PlainlangError; summaries are deterministic."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plainlang
from plainlang.errors import PlainlangError

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "v2_small.json"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_load_raises_only_plainlang_errors_on_any_json(value: Any) -> None:
    with contextlib.suppress(PlainlangError):
        plainlang.load(value if isinstance(value, dict | list) else {"protocolSection": value})


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out += _paths(child, (*prefix, index))
    return out


RECORD = json.loads(FIXTURE.read_text("utf-8"))
PATHS = _paths(RECORD)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(st.sampled_from(PATHS), json_values)
def test_a_record_with_any_field_replaced_loads_or_fails_cleanly(path: tuple[Any, ...], value: Any) -> None:
    record = json.loads(json.dumps(RECORD))
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    try:
        trial = plainlang.load(record)
    except PlainlangError:
        return
    plainlang.render(plainlang.summarize(trial, plainlang.Profile(today="2026-01-01")))


@settings(max_examples=25)
@given(st.text(min_size=1))
def test_summary_of_a_loaded_record_is_the_same_bytes_twice(title: str) -> None:
    record = json.loads(json.dumps(RECORD))
    record["protocolSection"]["identificationModule"]["briefTitle"] = title
    profile = plainlang.Profile(today="2026-01-01")
    trial = plainlang.load(record)
    assert plainlang.render(plainlang.summarize(trial, profile)) == plainlang.render(
        plainlang.summarize(trial, profile)
    )
    assert plainlang.render(plainlang.summarize(trial, profile), "json") == plainlang.render(
        plainlang.summarize(trial, profile), "json"
    )
