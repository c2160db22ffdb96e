"""plainlang.dask on a real distributed.LocalCluster: the same results as a local run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import dask.bag as db
import pytest
from distributed import Client, LocalCluster

import plainlang
import plainlang.dask
from plainlang.batch import BatchResult, summarize_many

PROFILE = plainlang.Profile(today="2026-01-01")


def _key(results: list[BatchResult]) -> list[tuple[str, str | None, str | None, str, str]]:
    return [(r.origin, r.record_id, r.text, r.content_hash, str(r.error)) for r in results]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # Two worker processes (not threads), so records really travel pickled between processes.
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as connected:
        yield connected


@pytest.mark.corpus
@pytest.mark.slow
def test_cluster_output_is_byte_for_byte_the_local_run(client: Client, shared_data: Path) -> None:
    records = shared_data / "records" / "ctgov-v2"
    local = list(summarize_many(records, profile=PROFILE))
    paths = [str(p) for p in sorted(records.glob("*.json"))]
    remote = plainlang.dask.summarize_bag(db.from_sequence(paths, npartitions=4), PROFILE).compute()
    assert len(local) == 16 and all(r.ok for r in local)
    assert _key(remote) == _key(local)
    assert len(client.scheduler_info()["workers"]) == 2


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.filterwarnings(
    "ignore:Sending large graph"
)  # raw_bag ships the corpus's bytes: that is its point
def test_raw_bag_over_the_whole_shared_corpus_matches_the_local_run(
    client: Client, shared_data: Path
) -> None:
    # Every format, including those this build cannot read yet: errors must match too.
    records = shared_data / "records"
    local = list(summarize_many(records, profile=PROFILE))
    remote = plainlang.dask.summarize_bag(plainlang.dask.raw_bag([records], npartitions=6), PROFILE).compute()
    assert _key(remote) == _key(local)
    assert len(local) == sum(1 for _ in plainlang.read_records(records))


def test_json_dicts_in_a_bag_are_summarized(client: Client) -> None:
    from batch_corpus import record

    bag = db.from_sequence([record(n) for n in range(4)], npartitions=2)
    results = plainlang.dask.summarize_bag(bag, PROFILE, format="text").compute()
    assert [r.record_id for r in results] == [f"NCT0999{n:04d}" for n in range(4)]
    assert _key(results) == _key(
        list(summarize_many([record(n) for n in range(4)], profile=PROFILE, format="text"))
    )
