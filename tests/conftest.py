"""Shared fixtures: where the real registry records are, and skipping cleanly without them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from plainlang.model import Sentence


# Property tests check behaviour, never speed (speed lives in benchmarks/): the first example of
# a test may load spaCy and the glossary, which would trip Hypothesis's per-example deadline.
settings.register_profile("plainlang", deadline=None)
settings.load_profile("plainlang")

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
RECORDS = SHARED_DATA / "records"
EXAMPLES = REPO / "examples" / "records"


def shared_records(folder: str, pattern: str = "*") -> list[Path]:
    """Files of ../shared/data/records/<folder>, or [] when ../shared is absent."""
    directory = RECORDS / folder
    return sorted(p for p in directory.glob(pattern) if p.is_file()) if directory.is_dir() else []


def require_shared() -> None:
    if not RECORDS.is_dir():
        pytest.skip(f"corpus test: {RECORDS} is absent (CI always has ../shared beside the clone)")


@pytest.fixture
def shared_data() -> Path:
    """../shared/data; the test is skipped with the reason when it is absent."""
    require_shared()
    return SHARED_DATA


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected files under tests/golden/ from the current output (then review the diff)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def is_glossary_sentence(sentence: Sentence) -> bool:
    """An explanation the explain stage wrote as its own sentence ("Relapsed means the illness came
    back."): its words come from the glossary, not the record, so it rightly cites nothing."""
    from plainlang.explain.glossary import Glossary  # lazily: collecting tests loads no glossary

    if sentence.sources:
        return False
    head, sep, definition = sentence.text.partition(" means ")
    glossary = Glossary.load()
    whole = [m for m in glossary.find(head) if (m.start, m.end) == (0, len(head))] if sep else []
    term = glossary.get(whole[0].term) if whole else None
    return term is not None and term.definition.strip().rstrip(".") == definition.rstrip(".")
