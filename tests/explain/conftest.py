"""A small glossary built from the test packs in tests/glossaries/fixtures (not the shipped ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainlang.explain import Glossary
from plainlang.explain.packs import sources_for

FIXTURES = Path(__file__).resolve().parent.parent / "glossaries" / "fixtures"
BAD = FIXTURES / "bad"


def mini_glossary() -> Glossary:
    return Glossary.load((str(FIXTURES),), builtin=False)


@pytest.fixture(scope="session")
def mini() -> Glossary:
    return mini_glossary()


def fresh_mini() -> Glossary:
    """Uncached: a new Glossary with its own matcher."""
    return Glossary.from_sources(sources_for([str(FIXTURES)]))
