"""The shipped index of the built-in packs: current, equal to compiling, and ignored when stale."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from plainlang.explain import Glossary, explain, index
from plainlang.explain.glossary import _from_index
from plainlang.explain.matcher import CompiledMatcher
from plainlang.explain.packs import builtin_sources, parse_pack_text

REBUILD = (
    "the shipped glossary index is stale: rebuild it with `python -m plainlang.explain.index`"
    " and commit glossaries/builtin-index.marshal"
)

SAMPLE = (
    "Adults with relapsed or refractory acute myeloid leukemia (AML) were randomised to the "
    "study drug or a placebo. Complete remissions, event-free survival and FLT3-ITD status were "
    "measured; ALL PATIENTS MUST SIGN. See NCT01234567 at https://clinicaltrials.gov."
)


def _texts() -> list[tuple[str, str]]:
    return [(source.file, source.read()) for source in builtin_sources()]


def test_shipped_index_was_built_from_the_current_packs_and_code() -> None:
    assert index.read_index(_texts()) is not None, REBUILD


def test_index_holds_exactly_what_parsing_and_compiling_the_packs_give() -> None:
    stored = index.read_index(_texts())
    assert stored is not None, REBUILD
    data, tables = stored
    compiled = Glossary.from_sources(builtin_sources())
    assert data == [raw.data for raw in (parse_pack_text(t, f) for f, t in _texts())]
    assert tables == CompiledMatcher(compiled.terms).tables()


def test_glossary_from_index_equals_glossary_from_yaml_in_terms_and_in_explain() -> None:
    from_index = _from_index(builtin_sources())
    from_yaml = Glossary.from_sources(builtin_sources())
    assert from_index._tables is not None  # the index was really used
    assert from_index.packs == from_yaml.packs
    assert from_index.matcher.find(SAMPLE) == from_yaml.matcher.find(SAMPLE)
    for style in ("parenthetical", "sentence", "words-to-know", "replace"):
        assert explain(SAMPLE, from_index, style) == explain(SAMPLE, from_yaml, style)


def test_index_keeps_the_marks_of_the_pack_texts() -> None:
    term = _from_index(builtin_sources()).terms[3]
    assert term.location("definition").line is not None
    assert term.file.startswith("glossaries/")


def test_index_is_ignored_when_a_pack_text_differs_from_what_it_was_built_from() -> None:
    texts = _texts()
    file, text = texts[0]
    changed = [(file, text.replace("definition:", "definition: ", 1)), *texts[1:]]
    assert index.read_index(changed) is None
    assert index.read_index(texts[:-1]) is None


def test_index_is_ignored_when_its_file_is_corrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def joinpath(self, name: str) -> Broken:
            return self

        def read_bytes(self) -> bytes:
            return marshal.dumps({"format": 1})[:-2]

    monkeypatch.setattr(index, "files", lambda package: Broken())
    assert index.read_index(_texts()) is None
    glossary = _from_index(builtin_sources())
    assert glossary._tables is None and len(glossary) > 1000  # compiled from YAML instead


def test_glossary_load_of_the_built_in_packs_uses_the_index_and_with_more_packs_compiles(
    tmp_path: Path,
) -> None:
    assert Glossary.load()._tables is not None, REBUILD
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "name: extra\nlanguage: en\nversion: 1\nterms:\n"
        "  - term: zorbitol\n    definition: a made-up medicine for this test\n    category: drug\n",
        "utf-8",
    )
    with_extra = Glossary.load([str(extra)])
    assert with_extra._tables is None
    assert [m.term for m in with_extra.find("Zorbitol and placebo.")] == ["zorbitol", "placebo"]
