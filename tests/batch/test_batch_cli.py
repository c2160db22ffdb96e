"""`plainlang summarize` over many records: outputs, errors file, the count, resuming, NDJSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from batch_corpus import record, write_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plainlang
from plainlang.batch.outputs import MANIFEST, DirectoryOutput, NdjsonOutput
from plainlang.batch.run import run_batch
from plainlang.cli import main

TODAY = ["--today", "2026-01-01"]
MIX = ["good", "bad", "ndjson", "zip", "good"]  # 6 summaries and 2 errors


def summaries(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.suffix == ".md")


def test_directory_run_writes_each_summary_and_one_error_line_per_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "in", MIX)
    out = tmp_path / "out"
    assert main(["summarize", str(corpus), "-o", str(out), "--jobs", "2", *TODAY]) == 1
    assert len(summaries(out)) == 6
    lines = (out / "errors.tsv").read_text().splitlines()
    assert len(lines) == 2
    origin, record_id, code, message = lines[0].split("\t")
    assert (origin, record_id, code) == (str(corpus / "001.json"), "", "P101")
    assert message.startswith(f"{corpus / '001.json'}:1:")
    assert lines[1].split("\t")[:3] == [f"{corpus / '002.ndjson'}#3", "", "P101"]
    assert "8 in = 6 written + 0 skipped (current) + 2 errors" in capsys.readouterr().err


def test_rerun_skips_current_outputs_and_redoes_changed_and_missing_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "in", MIX)
    out = tmp_path / "out"
    main(["summarize", str(corpus), "-o", str(out), *TODAY])
    capsys.readouterr()
    main(["summarize", str(corpus), "-o", str(out), *TODAY])
    assert "8 in = 0 written + 6 skipped (current) + 2 errors" in capsys.readouterr().err

    (corpus / "000.json").write_text(json.dumps(record(77)))  # a changed record
    (out / "NCT09990040.md").unlink()  # a lost output (004.json)
    main(["summarize", str(corpus), "-o", str(out), *TODAY])
    assert "8 in = 2 written + 4 skipped (current) + 2 errors" in capsys.readouterr().err
    assert (out / "NCT09990077.md").is_file() and (out / "NCT09990040.md").is_file()

    main(["summarize", str(corpus), "-o", str(out), "--today", "2026-02-02"])  # another profile
    assert "8 in = 6 written + 0 skipped (current) + 2 errors" in capsys.readouterr().err


def test_an_interrupted_run_resumes_where_it_stopped(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", ["good"] * 6)
    out = tmp_path / "out"
    profile = plainlang.Profile(today="2026-01-01")
    done = 0

    def stop_after_three(n: int) -> None:
        nonlocal done
        done += n
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(corpus, DirectoryOutput(out, "markdown"), profile=profile, progress=stop_after_three)
    assert len(summaries(out)) == 3
    tally = run_batch(corpus, DirectoryOutput(out, "markdown"), jobs=2, profile=profile)
    assert (tally.written, tally.skipped, tally.errors) == (3, 3, 0)
    assert len((out / MANIFEST).read_text().splitlines()) == 6


def test_a_torn_manifest_line_from_a_killed_run_is_ignored(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", ["good"] * 2)
    out = tmp_path / "out"
    profile = plainlang.Profile(today="2026-01-01")
    run_batch(corpus, DirectoryOutput(out, "markdown"), profile=profile)
    manifest = out / MANIFEST
    first = manifest.read_text().splitlines()[0]
    manifest.write_text(first + "\n" + '{"unit": "/x", "ha')
    tally = run_batch(corpus, DirectoryOutput(out, "markdown"), profile=profile)
    assert (tally.written, tally.skipped) == (1, 1)


def test_two_records_with_one_id_get_two_files(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("a.json", "b.json"):
        (corpus / name).write_text(json.dumps(record(3)))
    out = tmp_path / "out"
    assert main(["summarize", str(corpus), "-o", str(out), "-q", *TODAY]) == 0
    assert summaries(out) == ["NCT09990003.2.md", "NCT09990003.md"]
    assert main(["summarize", str(corpus), "-o", str(out), "-q", *TODAY]) == 0
    assert summaries(out) == ["NCT09990003.2.md", "NCT09990003.md"]


def test_ndjson_output_one_line_per_summary_and_rerun_copies_current_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "in", MIX)
    out = tmp_path / "all.ndjson"
    assert main(["summarize", str(corpus), "-o", str(out), "--format", "json", *TODAY]) == 1
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 6
    assert rows[0]["id"] == "NCT09990000" and rows[0]["summary"]["records"] == ["NCT09990000"]
    capsys.readouterr()
    assert main(["summarize", str(corpus), "-o", str(out), "--format", "json", *TODAY]) == 1
    assert "8 in = 0 written + 6 skipped (current) + 2 errors" in capsys.readouterr().err
    assert [json.loads(line) for line in out.read_text().splitlines()] == rows
    assert not list(tmp_path.glob(".*.tmp"))


def test_stdout_output_keeps_its_old_behaviour(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write_corpus(tmp_path / "in", ["good", "good"])
    assert main(["summarize", str(corpus), *TODAY]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("# Testing a medicine") == 2
    assert captured.err == ""


def test_progress_bar_only_on_a_terminal_and_not_with_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "in", ["good", "good"])
    main(["summarize", str(corpus), "-o", str(tmp_path / "a"), *TODAY])
    assert "records" not in capsys.readouterr().err.replace("in =", "")  # not a TTY: no bar
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    main(["summarize", str(corpus), "-o", str(tmp_path / "b"), *TODAY])
    assert "2 records" in capsys.readouterr().err
    main(["summarize", str(corpus), "-o", str(tmp_path / "c"), "--quiet", *TODAY])
    assert " records" not in capsys.readouterr().err


def test_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["summarize", "x.json", "--jobs", "0"])
    assert caught.value.code == 2


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    kinds=st.lists(st.sampled_from(["good", "bad", "ndjson", "zip"]), min_size=1, max_size=5),
    rerun=st.booleans(),
)
def test_records_in_always_equal_written_plus_skipped_plus_errors(
    tmp_path_factory: pytest.TempPathFactory, kinds: list[str], rerun: bool
) -> None:
    corpus = write_corpus(tmp_path_factory.mktemp("in"), kinds)
    out = tmp_path_factory.mktemp("out") / "all.ndjson"
    profile = plainlang.Profile(today="2026-01-01")
    expected = sum(1 for _ in plainlang.read_records(corpus))
    tally = run_batch(corpus, NdjsonOutput(out, "markdown"), profile=profile)
    if rerun:
        tally = run_batch(corpus, NdjsonOutput(out, "markdown"), profile=profile)
        assert tally.written == 0
    assert tally.records_in == expected == tally.written + tally.skipped + tally.errors
