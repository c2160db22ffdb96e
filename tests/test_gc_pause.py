"""The stages that pause the garbage collector (``plainlang._gc``) pause it only while they work.

Pausing is for speed; what must hold is that the caller's collector is left as it was, whatever
happens, and is on while the caller's own code runs between two records.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import plainlang
from plainlang._gc import collector_paused
from plainlang.config import Profile
from plainlang.errors import ConfigError
from plainlang.records import raw_records, read_raw, read_records

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "v2_small.json"


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_as_it_was_after_a_pause_even_when_the_block_raises(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled() is enabled


def test_records_are_decoded_with_the_collector_paused_and_handed_over_with_it_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import plainlang.records as records

    seen: list[bool] = []
    real = records.json.loads

    def loads(text: str) -> object:
        seen.append(gc.isenabled())
        return real(text)

    monkeypatch.setattr(records.json, "loads", loads)
    results = [*read_records(FIXTURE), *read_records(FIXTURE.read_bytes())]
    for raw in raw_records(FIXTURE):
        for result in read_raw(raw):
            assert gc.isenabled()  # the caller's work between records
            results.append(result)
    assert seen == [False, False, False]
    assert all(result.ok for result in results)
    assert gc.isenabled()


def test_a_bad_record_leaves_the_collector_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    assert not next(read_records(bad)).ok
    assert gc.isenabled()


def test_summarize_and_render_leave_the_collector_on_also_when_they_raise() -> None:
    summary = plainlang.summarize(FIXTURE, Profile(today="2026-01-01"))
    assert gc.isenabled()
    assert plainlang.render(summary)
    assert gc.isenabled()
    with pytest.raises(ConfigError):
        plainlang.summarize(FIXTURE, Profile(today="2026-01-01", language="fr"))  # scores English only
    assert gc.isenabled()
