"""Loading packs: built-ins, paths, installed entry points; caching; marks on every term."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from plainlang.cli import main
from plainlang.errors import GlossaryError
from plainlang.explain import Glossary
from plainlang.explain.packs import ENTRY_POINT_GROUP, sources_for

FIXTURES = Path(__file__).resolve().parent.parent / "glossaries" / "fixtures"

_PUBLISHER_PACK = """\
name: publisher-words
language: en
version: 2
terms:
  - term: trial nurse
    definition: a nurse who looks after people in a study
    category: people
"""


def test_load_is_cached_and_compiles_the_matcher_once() -> None:
    first = Glossary.load((str(FIXTURES),), builtin=False)
    second = Glossary.load((str(FIXTURES),), builtin=False)
    assert first is second
    assert first.matcher is second.matcher


def test_terms_know_their_file_line_and_column() -> None:
    glossary = Glossary.load((str(FIXTURES),), builtin=False)
    term = glossary["AML"]
    assert term.term == "acute myeloid leukemia"
    location = term.location("abbreviations[0]")
    assert (Path(str(location.file)).name, location.line, location.column) == ("mini-heme.yaml", 8, 21)


def test_lookup_by_alias_is_case_insensitive_and_abbreviation_exact() -> None:
    glossary = Glossary.load((str(FIXTURES),), builtin=False)
    assert glossary["Randomly Assigned"].term == "randomized"
    assert glossary.get("aml") is None
    assert "ALL" in glossary and "all" not in glossary


def _install_publisher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "publisher_glossary"
    package.mkdir()
    (package / "__init__.py").write_text("", "utf-8")
    (package / "publisher-words.yaml").write_text(_PUBLISHER_PACK, "utf-8")
    dist = tmp_path / "publisher_glossary-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: publisher-glossary\nVersion: 1.0\n", "utf-8")
    (dist / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\npublisher = publisher_glossary\n", "utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "publisher_glossary", raising=False)


def test_installed_pack_loads_through_its_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _install_publisher(tmp_path, monkeypatch)
    by_name = Glossary.from_sources(sources_for(["publisher"]))
    assert by_name["trial nurse"].file == "publisher:publisher-words.yaml"
    glossary = Glossary.load(builtin=False, installed=True)
    assert "trial nurse" in glossary


def test_unknown_pack_name_is_an_error_that_lists_installed_packs() -> None:
    with pytest.raises(GlossaryError) as caught:
        Glossary.load(("no-such-pack",), builtin=False)
    assert "no glossary pack or installed entry point named 'no-such-pack'" in str(caught.value)


def test_cli_show_prints_the_entry_and_exits_1_when_unknown(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["glossary", "show", "AML", "--no-builtin", "--glossary", str(FIXTURES)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("acute myeloid leukemia  (mini-heme, ")
    assert "definition:    a blood cancer that grows fast" in out
    assert main(["glossary", "show", "AMX", "--no-builtin", "--glossary", str(FIXTURES)]) == 1
    assert "did you mean 'AML'" in capsys.readouterr().err


def test_cli_coverage_reports_hard_words_and_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "summary.txt"
    text.write_text(
        "Adults with refractory leukemia were randomized. The leukemia was "
        "refractory and the physician saw neutropenia.",
        "utf-8",
    )
    assert main(["glossary", "coverage", str(text), "--no-builtin", "--glossary", str(FIXTURES)]) == 0
    out = capsys.readouterr().out
    assert "explained by the glossary: 3" in out
    missing = out.split("lacks:")[1]
    assert "leukemia" in missing and "neutropenia" in missing and "refractory" not in missing
