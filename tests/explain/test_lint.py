"""Lint findings for failing packs, with the exact file:line:col they point at; passing packs pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainlang.cli import main
from plainlang.errors import GlossaryError
from plainlang.explain import Glossary
from plainlang.explain.lint import Finding, is_hard, lint, severity_of
from plainlang.explain.packs import builtin_sources, path_source, sources_for

FIXTURES = Path(__file__).resolve().parent.parent / "glossaries" / "fixtures"
BAD = FIXTURES / "bad"


def _lint(*names: str) -> list[Finding]:
    return lint([path_source(BAD / name) for name in names])


def _where(finding: Finding) -> tuple[str, int | None, int | None]:
    return finding.code, finding.location.line, finding.location.column


def test_good_fixture_packs_have_no_findings() -> None:
    assert lint(sources_for([str(FIXTURES)])) == []


def test_unknown_key_is_reported_at_the_key() -> None:
    findings = _lint("unknown-key.yaml")
    assert ("G002", 6, 5) in [_where(f) for f in findings]
    assert ("G004", 5, 5) in [_where(f) for f in findings]  # and definition is now missing
    g002 = next(f for f in findings if f.code == "G002")
    assert "'defintion'" in g002.message
    assert str(g002).startswith(f"{BAD / 'unknown-key.yaml'}:6:5")


def test_duplicate_term_in_one_pack_names_the_first_definition() -> None:
    (finding,) = _lint("duplicate.yaml")
    assert _where(finding) == ("G003", 12, 11)
    assert "'Leukemia' is already defined in duplicate.yaml:5" in finding.message


def test_abbreviation_colliding_across_packs_is_located_in_the_later_pack() -> None:
    findings = lint([path_source(FIXTURES / "mini-heme.yaml"), path_source(BAD / "duplicate.yaml")])
    clash = [f for f in findings if f.code == "G003" and "AML" in f.message]
    assert len(clash) == 1
    assert clash[0].location.file == str(BAD / "duplicate.yaml")
    assert (clash[0].location.line, clash[0].location.column) == (9, 21)
    assert "'AML' is already defined in mini-heme.yaml:8" in clash[0].message


def test_abbreviations_compare_case_sensitively_but_words_do_not(tmp_path: Path) -> None:
    pack = tmp_path / "caps.yaml"
    pack.write_text(
        "name: caps\nlanguage: en\nversion: 1\nterms:\n"
        "  - term: all cancers\n    definition: each kind\n    category: x\n"
        "  - term: acute lymphoblastic leukemia\n    abbreviations: [ALL]\n"
        "    definition: a fast blood cancer\n    category: x\n"
        "  - term: every cancer\n    aliases: [All Cancers]\n    definition: each kind\n"
        "    category: x\n",
        "utf-8",
    )
    clashes = [f for f in lint([path_source(pack)]) if f.code == "G003"]
    # 'All Cancers' repeats 'all cancers'; the abbreviation 'ALL' clashes with nothing
    assert [(f.location.line, f.message.split(" is")[0]) for f in clashes] == [(13, "'All Cancers'")]


def test_empty_definition_is_reported() -> None:
    (finding,) = _lint("empty-definition.yaml")
    assert _where(finding) == ("G005", 6, 17)


def test_definition_above_grade_6_is_reported_with_its_grade() -> None:
    (finding,) = _lint("hard-definition.yaml")
    assert _where(finding) == ("G006", 6, 17)
    assert "grade" in finding.message


def test_definition_using_a_hard_term_is_reported_unless_see_also_names_it() -> None:
    findings = lint([path_source(BAD / "uses-term.yaml")], [path_source(FIXTURES / "mini-design.yaml")])
    # 'sham' lists placebo in see_also: allowed; 'mock lump' uses 'tumor', an easy-enough
    # two-syllable word a reader needs no link for: allowed
    assert [_where(f) for f in findings] == [("G007", 6, 17)]
    assert "'placebo'" in findings[0].message
    assert findings[0].severity == "error"


def test_hard_word_test_is_the_readability_engines() -> None:
    assert is_hard("placebo") and is_hard("chemotherapy") and is_hard("DNA")
    assert not is_hard("tumor") and not is_hard("blood cancer") and not is_hard("bone marrow")


def test_see_also_cycle_and_unknown_target_are_reported() -> None:
    findings = _lint("cycle.yaml")
    assert [_where(f) for f in findings] == [("G008", 8, 15), ("G009", 16, 29)]
    assert "first thing → second thing → third thing → first thing" in findings[0].message
    assert [f.severity for f in findings] == ["warning", "error"]


def test_yaml_syntax_error_is_located() -> None:
    (finding,) = _lint("syntax.yaml")
    assert _where(finding) == ("G001", 7, 13)


def test_wrong_type_name_mismatch_and_full_stop_are_reported() -> None:
    findings = _lint("wrong-type.yaml")
    assert [_where(f) for f in findings] == [("G010", 1, 7), ("G011", 6, 17), ("G004", 8, 14)]


def test_load_raises_the_first_blocking_problem_with_its_location() -> None:
    with pytest.raises(GlossaryError) as caught:
        Glossary.from_sources([path_source(FIXTURES / "mini-heme.yaml"), path_source(BAD / "duplicate.yaml")])
    assert caught.value.code == "G003"
    assert str(caught.value).startswith(f"{BAD / 'duplicate.yaml'}:9:21")


def test_load_accepts_quality_findings_that_only_lint_reports() -> None:
    glossary = Glossary.from_sources([path_source(BAD / "hard-definition.yaml")])
    assert "myelodysplasia" in glossary


def test_cli_lint_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "lint", "--no-builtin", str(FIXTURES)]) == 0
    assert main(["glossary", "lint", "--no-builtin", str(BAD / "cycle.yaml")]) == 1  # G009 is an error
    out = capsys.readouterr().out
    assert f"{BAD / 'cycle.yaml'}:8:15 (terms[0].see_also): [G008] warning: see_also links" in out
    assert f"{BAD / 'cycle.yaml'}:16:29 (terms[2].see_also[1]): [G009] see_also of" in out
    assert main(["glossary", "lint", str(BAD / "missing.yaml")]) == 2


def test_cli_lint_warnings_exit_0_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    only_cycle = ["glossary", "lint", "--no-builtin", "--ignore", "G009", str(BAD / "cycle.yaml")]
    assert main(only_cycle) == 0
    captured = capsys.readouterr()
    assert f"{BAD / 'cycle.yaml'}:8:15 (terms[0].see_also): [G008] warning:" in captured.out
    assert "0 error(s), 1 warning(s)" in captured.err
    assert main([*only_cycle[:2], "--strict", *only_cycle[2:]]) == 1


def test_cli_lint_help_lists_every_code_with_its_severity(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["glossary", "lint", "--help"])
    out = capsys.readouterr().out
    for number in range(1, 12):
        code = f"G{number:03d}"
        assert f"{code} {severity_of(code):<8}" in out


def test_shipped_packs_have_no_lint_errors() -> None:
    errors = [str(f) for f in lint(builtin_sources()) if f.severity == "error"]
    assert errors == []
    assert main(["glossary", "lint"]) == 0


def test_cli_lint_ignore_drops_codes() -> None:
    assert main(["glossary", "lint", "--no-builtin", "--ignore", "G008,G009", str(BAD / "cycle.yaml")]) == 0


def test_builtin_packs_lint_clean_of_blocking_problems() -> None:
    blocking = [f for f in lint(builtin_sources()) if f.code in {"G001", "G002", "G003", "G004"}]
    assert blocking == []


_BROKEN_PACKS = [
    "name: Bad Name\nlanguage: en\nversion: 1\nterms:\n  - term: x\n    definition: abc\n    category: c\n",
    "name: p\nlanguage: english\nversion: 1\nterms:\n  - term: x\n    definition: abc\n    category: c\n",
    "name: p\nlanguage: en\nversion: [1]\nterms:\n  - term: x\n    definition: abc\n    category: c\n",
    "name: p\nlanguage: en\nversion: 1\nterms: []\n",
    "name: p\nlanguage: en\nversion: 1\nterms:\n  - term: x\n    category: c\n",
    "name: p\nlanguage: en\nversion: 1\nterms:\n  - term: x\n    definition: ab\n    category: c\n",
    "name: p\nlanguage: en\nversion: 1\nterms:\n  - term: x\n    definition: abc\n    category: c\n"
    "    aliases: [y, y]\n",
    "name: p\nlanguage: en\nversion: 1\nterms:\n  - term: x\n    definition: abc\n    category: 3\n",
    "name: p\nlanguage: en\nterms:\n  - term: x\n    definition: abc\n    category: c\n",
    "name: p\nlanguage: en\nversion: 1\nterms:\n  - term: x\n    definition: abc\n    category: c\n",
]


@pytest.mark.parametrize("text", _BROKEN_PACKS)
def test_quick_schema_check_agrees_with_jsonschema(text: str) -> None:
    from plainlang.explain.lint import check_structure
    from plainlang.explain.packs import parse_pack_text

    raw = parse_pack_text(text, "p.yaml")
    full = {(f.location.line, f.location.column) for f in check_structure(raw) if f.code == "G004"}
    quick = {
        (f.location.line, f.location.column)
        for f in check_structure(raw, full_schema=False)
        if f.code == "G004"
    }
    assert quick == full


def test_explanation_that_does_not_name_its_term_is_reported_at_the_explanation() -> None:
    """G012: read as a sentence of its own, an explanation must say which word it explains.

    The pack's other explanations name their term by an abbreviation, a plural, a space for a
    hyphen, or an alias, and pass.
    """
    findings = _lint("unnamed-explanation.yaml")
    assert [_where(f) for f in findings] == [("G012", 7, 18)]
    assert "'donor cell infusion'" in findings[0].message
    assert str(findings[0]).startswith(
        f"{BAD / 'unnamed-explanation.yaml'}:7:18 (terms[0].explanation): [G012]"
    )


def test_every_shipped_explanation_names_its_term() -> None:
    assert [str(f) for f in lint(builtin_sources()) if f.code == "G012"] == []
