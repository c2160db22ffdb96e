"""Every term of every pack, placed in a sentence, is found and explained exactly once.

Parametrized over the shipped packs (so a new pack is covered the moment it lands) and the test
packs. Each written form is tried: the term, its aliases and its abbreviations.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plainlang.explain import Glossary, explain, find_terms, unexplained_terms
from plainlang.explain.packs import PackSource, builtin_sources, path_source

FIXTURES = Path(__file__).resolve().parent.parent / "glossaries" / "fixtures"

CASES: list[tuple[str, PackSource, bool]] = [
    *((source.file, source, True) for source in builtin_sources()),
    *((str(p.name), path_source(p), False) for p in sorted(FIXTURES.glob("*.yaml"))),
]


def _glossary(builtin: bool) -> Glossary:
    return Glossary.load() if builtin else Glossary.load((str(FIXTURES),), builtin=False)


@pytest.mark.parametrize(("name", "source", "builtin"), CASES, ids=[c[0] for c in CASES])
def test_every_form_in_a_sentence_is_found_and_explained_once(
    name: str, source: PackSource, builtin: bool
) -> None:
    glossary = _glossary(builtin)
    pack = next(p for p in glossary.packs if p.file == source.file)
    assert pack.terms
    problems: list[str] = []
    for term in pack.terms:
        for form in (*term.forms, *term.abbreviations):
            sentence = f"We talked about {form} today."
            found = [(m.term, m.surface) for m in find_terms(sentence, glossary)]
            if found != [(term.term, form)]:
                problems.append(f"{form!r}: found {found}")
                continue
            result = explain(sentence, glossary, "parenthetical")
            assert result.text is not None
            if [u.term for u in result.terms] != [term.term]:
                problems.append(f"{form!r}: explained {[u.term for u in result.terms]}")
            elif result.text.count(term.definition) != 1:
                problems.append(f"{form!r}: definition written {result.text.count(term.definition)}x")
            elif unexplained_terms(result.text, glossary):
                problems.append(f"{form!r}: still unexplained in {result.text!r}")
    assert not problems, f"{name}: " + "; ".join(problems)
