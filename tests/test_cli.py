"""The command line: output, exit codes, and errors reported while the rest go on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from plainlang.cli import main

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "v2_small.json"


def test_one_record_goes_to_stdout_as_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(FIXTURE), "--today", "2026-11-21"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Testing a medicine in men and women with acute myeloid leukemia")
    assert "Accessed: 2026-11-21." in out


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(FIXTURE), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["records"] == ["NCT09990001"]


def test_output_directory_gets_one_file_per_record(tmp_path: Path) -> None:
    page = tmp_path / "page.json"
    second = json.loads(FIXTURE.read_text())
    second["protocolSection"]["identificationModule"]["nctId"] = "NCT09990002"
    page.write_text(json.dumps({"studies": [json.loads(FIXTURE.read_text()), second]}))
    out = tmp_path / "out"
    assert main(["summarize", str(page), "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))  # the manifest is hidden
    assert names == ["NCT09990001.md", "NCT09990002.md"]


def test_bad_records_are_reported_and_the_others_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    out = tmp_path / "out"
    code = main(["summarize", str(bad), str(tmp_path / "missing.json"), str(FIXTURE), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{bad}:1:2: [P101]" in err
    assert "missing.json: [P105]" in err
    assert "1 summarized, 2 failed" in err
    assert (out / "NCT09990001.md").is_file()


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["summarize", str(FIXTURE), "--format", "pdf"])
    assert caught.value.code == 2


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "summarize" in capsys.readouterr().err


def test_python_dash_m_and_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "plainlang", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.strip() == "plainlang 0.1.0"
