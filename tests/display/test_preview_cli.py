"""``plainlang preview``: the page, its options and its errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plainlang.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "records" / "NCT06529731.json"


def test_preview_writes_one_self_contained_page(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert main(["preview", str(EXAMPLE), "-o", str(out), "--today", "2026-01-01"]) == 0
    page = out.read_text("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<script" not in page and "<link" not in page and "src=" not in page
    assert "default-src 'none'" in page
    assert '<h2 id="pl-findings">Findings</h2>' in page and "summary.md:" in page
    # the example's page has findings (which ones changes as the composer's wording gets plainer)
    assert re.search(r"<code>[a-z]+\.[a-z-]+</code>", page)


def test_preview_goes_to_standard_output_without_o(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", str(EXAMPLE), "--no-findings"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and 'id="pl-findings"' not in out


def test_the_explanation_style_changes_how_terms_are_explained(tmp_path: Path) -> None:
    pages = {}
    for style in ("parenthetical", "words-to-know"):
        out = tmp_path / f"{style}.html"
        assert main(["preview", str(EXAMPLE), "-o", str(out), "--style", style]) == 0
        pages[style] = out.read_text("utf-8")
    assert 'id="words-to-know"' in pages["words-to-know"]
    assert 'id="words-to-know"' not in pages["parenthetical"]


def test_a_missing_record_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", str(tmp_path / "nope.json")]) == 2
    assert "[P105]" in capsys.readouterr().err


def test_an_unreadable_record_is_reported_where_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    assert main(["preview", str(bad)]) == 2
    assert f"{bad}:1:2: [P101]" in capsys.readouterr().err
