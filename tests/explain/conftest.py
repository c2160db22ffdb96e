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


@pytest.fixture(scope="session")
def fresh_mini() -> Glossary:
    """The same packs read again, uncached: a second Glossary with its own compiled matcher."""
    return Glossary.from_sources(sources_for([str(FIXTURES)]))
