"""``plainlang score``: the table, JSON, --by, and exit codes 0, 1 (target missed) and 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from plainlang.cli import main

EASY = "# Joining\n\n## Who\n\nYou can join if you are 18 or older.\n\n## When\n\nThe study starts in May.\n"
HARD = (
    "Investigational immunomodulatory therapies demonstrated considerable hematological "
    "toxicity in participants with myelodysplastic syndromes."
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "easy.md").write_text(EASY, "utf-8")
    (tmp_path / "hard.txt").write_text(HARD, "utf-8")
    (tmp_path / "ignored.json").write_text("{}", "utf-8")
    return {"easy": tmp_path / "easy.md", "hard": tmp_path / "hard.txt", "dir": tmp_path}


def test_a_file_that_meets_the_targets_exits_0_with_a_table(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", str(files["easy"])]) == 0
    header, row, *notes = capsys.readouterr().out.splitlines()
    assert header.split() == ["WHERE", "SMOG", "FKGL", "FRE", "DC", "CLI", "ARI", "FOG", "WORDS", "SENT"]
    assert row.startswith(str(files["easy"]))
    assert row.split()[-2:] == ["17", "5"]
    assert any("less reliable" in note for note in notes)


def test_a_missed_target_exits_1_and_says_which(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", str(files["hard"])]) == 1
    out = capsys.readouterr().out
    assert "smog" in out and "is above the target 8" in out


def test_targets_can_be_set_on_the_command_line(files: dict[str, Path]) -> None:
    assert main(["score", str(files["hard"]), "--target-smog", "40", "--target-fkgl", "40"]) == 0


def test_a_directory_scores_its_text_files(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", str(files["dir"]), "--format", "json"]) == 1
    names = [Path(entry["file"]).name for entry in json.loads(capsys.readouterr().out)]
    assert names == ["easy.md", "hard.txt"]


def test_json_by_section_has_sections_but_no_sentences(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["score", str(files["easy"]), "--format", "json", "--by", "section"])
    (entry,) = json.loads(capsys.readouterr().out)
    assert [s["section_id"] for s in entry["sections"]] == ["who", "when"]
    assert "sentences" not in entry
    assert entry["textstat_version"] and entry["targets_met"] is True


def test_by_sentence_rows_give_line_and_column(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["score", str(files["easy"]), "--by", "sentence"])
    rows = capsys.readouterr().out.splitlines()[1:6]
    places = [row.split()[0].removeprefix(str(files["easy"])) for row in rows]
    assert places == [":1:3", ":3:4", ":5:1", ":7:4", ":9:1"]


def test_by_section_rows_name_each_section(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["score", str(files["easy"]), "--by", "section"])
    first_column = [row.split()[0] for row in capsys.readouterr().out.splitlines()[1:4]]
    assert first_column == [f"{files['easy']}#who", f"{files['easy']}#when", str(files["easy"])]


def test_by_sentence_lists_the_hardest_sentences_with_reasons(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["score", str(files["hard"]), "--by", "sentence"])
    assert f"{files['hard']}:1:1: hard to read: grade" in capsys.readouterr().out


def test_standard_input_is_read_with_a_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(EASY))
    assert main(["score", "-"]) == 0
    assert "<stdin>" in capsys.readouterr().out


def test_a_missing_path_exits_2_and_the_others_are_still_scored(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", str(tmp_path / "nope.md"), str(files["easy"])]) == 2
    captured = capsys.readouterr()
    assert "nope.md: [P105] no such file or directory" in captured.err
    assert str(files["easy"]) in captured.out


def test_an_empty_file_has_nothing_to_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("", "utf-8")
    assert main(["score", str(empty)]) == 0
    assert "nothing to score" in capsys.readouterr().out
