"""Every real registry record in ../shared/data/records, through every reader.

Each file either loads into a Trial with an id, a title and a status, or fails with a
PlainlangError that names the file (and the field); nothing crashes. Every ClinicalTrials.gov
record must also summarize. Skipped, with the reason, when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RECORDS, shared_records

import plainlang
from plainlang.errors import PlainlangError

pytestmark = pytest.mark.corpus

FOLDERS = ("ctgov-v2", "ctgov-classic", "ctgov-xml", "euctr", "ctis", "isrctn", "ictrp")
FORMAT_OF = {
    "ctgov-v2": "ctgov-v2",
    "ctgov-classic": "ctgov-classic",
    "ctgov-xml": "ctgov-xml",
    "euctr": "euctr",
    "ctis": "ctis",
    "isrctn": "isrctn",
    "ictrp": "ictrp-xml",
}
ALL_FILES = [path for folder in FOLDERS for path in shared_records(folder)]
CTGOV_FILES = [
    path for folder in ("ctgov-v2", "ctgov-classic", "ctgov-xml") for path in shared_records(folder)
]


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def test_every_registry_folder_has_records(shared_data: Path) -> None:
    for folder in FOLDERS:
        assert shared_records(folder), f"{RECORDS / folder} holds no records"


@pytest.mark.parametrize("path", ALL_FILES, ids=_id)
def test_record_loads_with_id_title_and_status_or_names_file_and_field(path: Path) -> None:
    results = list(plainlang.read_records(path))
    assert results, f"{path} gave no result at all"
    for result in results:
        if result.error is not None:
            assert isinstance(result.error, PlainlangError)
            assert result.error.location.file is not None and str(path) in result.error.location.file
            assert result.error.location.field or result.error.location.line, str(result.error)
            continue
        trial = result.trial
        assert trial is not None
        assert trial.id and trial.identification.primary_id.path
        assert trial.title and trial.title != trial.id, f"{path}: no title"
        assert trial.status.overall.value and trial.status.overall.path
        assert trial.source.format == FORMAT_OF[path.parent.name]
        assert trial.source.url.startswith("https://")


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_record_of_the_corpus_loads(folder: str, shared_data: Path) -> None:
    failures = [str(r.error) for r in plainlang.read_records(RECORDS / folder) if r.error is not None]
    assert failures == []


@pytest.mark.parametrize("path", CTGOV_FILES, ids=_id)
def test_every_clinicaltrials_gov_record_summarizes(path: Path) -> None:
    trial = plainlang.load(path)
    text = plainlang.render(plainlang.summarize(trial), "markdown")
    assert trial.source.url in text  # the summary cites the record it was made from


def test_v2_status_vocabulary_is_the_only_one_left_for_ctgov(shared_data: Path) -> None:
    from plainlang.records.vocabulary import V2_VALUES

    for folder in ("ctgov-classic", "ctgov-xml"):
        for trial in plainlang.load_many(RECORDS / folder):
            assert trial.status.overall.value in V2_VALUES["status"], trial.source.file
            if trial.design.phases is not None:
                assert set(trial.design.phases.value) <= set(V2_VALUES["phase"]), trial.source.file
            if trial.eligibility.sex is not None:
                assert trial.eligibility.sex.value in V2_VALUES["sex"], trial.source.file
