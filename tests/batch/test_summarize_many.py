"""summarize_many: every record once, in input order, errors as values, the same on any --jobs."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_corpus import FIXTURE, record, write_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plainlang
from plainlang.batch import CHUNK, IN_FLIGHT_PER_JOB, summarize_many
from plainlang.errors import InvalidJSONError, Location, PlainlangError, RecordError
from plainlang.records import raw_records, read_raw, read_records

PROFILE = plainlang.Profile(today="2026-01-01")
KINDS = st.lists(st.sampled_from(["good", "bad", "ndjson", "zip"]), min_size=1, max_size=6)


def _outline(results: Iterator[plainlang.RecordResult]) -> list[tuple[str, str]]:
    return [(r.origin, r.trial.id if r.trial else str(r.error)) for r in results]


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(kinds=KINDS)
def test_raw_units_read_back_to_exactly_what_read_records_gives(
    tmp_path_factory: pytest.TempPathFactory, kinds: list[str]
) -> None:
    folder = write_corpus(tmp_path_factory.mktemp("corpus"), kinds)
    from_units = [x for raw in raw_records(folder) for x in read_raw(raw)]
    assert _outline(iter(from_units)) == _outline(read_records(folder))


@pytest.mark.corpus
def test_raw_units_match_read_records_on_the_shared_corpus(shared_data: Path) -> None:
    records = shared_data / "records"
    from_units = [x for raw in raw_records(records) for x in read_raw(raw)]
    assert _outline(iter(from_units)) == _outline(read_records(records))


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(kinds=KINDS)
def test_one_result_per_record_in_input_order_each_equal_to_summarize(
    tmp_path_factory: pytest.TempPathFactory, kinds: list[str]
) -> None:
    folder = write_corpus(tmp_path_factory.mktemp("corpus"), kinds)
    expected = list(read_records(folder))
    results = list(summarize_many(folder, profile=PROFILE))
    assert [r.origin for r in results] == [r.origin for r in expected]
    for got, want in zip(results, expected, strict=True):
        if want.trial is None:
            assert got.text is None and str(got.error) == str(want.error)
        else:
            assert got.record_id == want.trial.id
            summary = plainlang.summarize(want.trial, PROFILE)
            explained = plainlang.explain(summary.document, profile=PROFILE)
            assert explained.document is not None
            published = plainlang.Summary(explained.document, explained.explained_terms)
            assert got.text == plainlang.render(published)


def test_two_processes_give_the_same_results_in_the_same_order(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in", ["good", "bad", "ndjson", "zip", "good"] * 5)
    one = list(summarize_many(folder, jobs=1, profile=PROFILE))
    two = list(summarize_many(folder, jobs=2, profile=PROFILE))
    assert [(r.origin, r.record_id, r.text, r.content_hash, r.unit) for r in two] == [
        (r.origin, r.record_id, r.text, r.content_hash, r.unit) for r in one
    ]
    assert [str(r.error) for r in two] == [str(r.error) for r in one]
    assert sum(r.ok for r in one) == 5 * 6 and sum(r.error is not None for r in one) == 5 * 2


def test_a_missing_path_is_one_error_and_the_other_sources_go_on(tmp_path: Path) -> None:
    results = list(summarize_many([tmp_path / "missing.json", FIXTURE], profile=PROFILE))
    assert [r.ok for r in results] == [False, True]
    assert results[0].error is not None and results[0].error.code == "P105"


def test_dicts_bytes_and_trials_are_sources_too() -> None:
    trial = plainlang.load(FIXTURE)
    results = list(summarize_many([record(5), FIXTURE.read_bytes(), trial], profile=PROFILE))
    assert [r.record_id for r in results] == ["NCT09990005", "NCT09990001", "NCT09990001"]
    assert results[1].text == results[2].text


def test_input_is_pulled_lazily_so_memory_stays_bounded() -> None:
    pulled = 0

    def sources() -> Iterator[dict[str, object]]:
        nonlocal pulled
        for number in range(10_000):
            pulled += 1
            yield record(number)

    results = summarize_many(sources(), jobs=2, profile=PROFILE)
    first = next(results)
    assert first.record_id == "NCT09990000"
    assert pulled <= 2 * IN_FLIGHT_PER_JOB * CHUNK + CHUNK + 1
    results.close()  # type: ignore[attr-defined]


def test_skipped_units_are_not_even_parsed(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in", ["bad", "good"])
    results = list(summarize_many(folder, profile=PROFILE, skip=lambda unit, _: unit.endswith("000.json")))
    assert [(r.skipped, r.ok) for r in results] == [(True, False), (False, True)]
    assert results[0].error is None


def test_content_hash_changes_with_the_record_the_profile_and_the_format() -> None:
    def digest(source: object, profile: plainlang.Profile = PROFILE, fmt: str = "markdown") -> str:
        return next(summarize_many(source, profile=profile, format=fmt)).content_hash  # type: ignore[arg-type]

    base = digest(record(1))
    assert digest(record(1)) == base
    assert digest(record(2)) != base
    assert digest(record(1), plainlang.Profile(today="2026-01-02")) != base
    assert digest(record(1), fmt="html") != base


def test_jobs_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        next(summarize_many(FIXTURE, jobs=0))


@given(
    message=st.text(max_size=40),
    line=st.none() | st.integers(1, 10_000),
    field=st.none() | st.text(max_size=20),
    code=st.none() | st.from_regex(r"[A-Z][0-9]{3}", fullmatch=True),
    cls=st.sampled_from([PlainlangError, RecordError, InvalidJSONError]),
)
def test_errors_survive_pickling_with_location_hint_and_code(
    message: str, line: int | None, field: str | None, code: str | None, cls: type[PlainlangError]
) -> None:
    error = cls(message, Location("f.json", line, None, field), hint="fix it", code=code)
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is cls
    assert (back.message, back.location, back.hint, back.code, str(back)) == (
        error.message,
        error.location,
        error.hint,
        error.code,
        str(error),
    )


def test_json_format_results_are_json_documents() -> None:
    result = next(summarize_many(FIXTURE, profile=PROFILE, format="json"))
    assert result.text is not None and json.loads(result.text)["records"] == ["NCT09990001"]
