"""``CheckRun.run(paths, warmed=...)``: the hook the command line uses to freeze the garbage
collector once the first page has loaded everything a run keeps (rules, glossary, policy)."""

from __future__ import annotations

import gc
from pathlib import Path

from plainlang.check import CheckRun

PAGE = "# About the study\n\nThis study tests a new drug for high blood pressure.[1]\n\n## Sources\n\n1. NCT01234567\n"
OTHER = "# About the study\n\nThe study drug was given by IV. Adverse events were recorded.\n"


def _pages(tmp_path: Path) -> list[Path]:
    paths = []
    for index, text in enumerate([PAGE, OTHER, PAGE]):
        path = tmp_path / f"{index}.md"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def test_warmed_is_called_once_after_the_first_page(tmp_path: Path) -> None:
    pages = _pages(tmp_path)
    seen: list[int] = []
    run = CheckRun()
    original = run.check_file
    checked: list[Path] = []

    def check_file(path: Path, format: str) -> tuple[object, ...]:
        checked.append(path)
        return original(path, format)  # type: ignore[arg-type]

    run.check_file = check_file  # type: ignore[method-assign,assignment]
    run.run(pages, warmed=lambda: seen.append(len(checked)))
    assert seen == [1]
    assert checked == pages


def test_warmed_run_reports_what_a_plain_run_reports(tmp_path: Path) -> None:
    pages = _pages(tmp_path)
    plain = CheckRun().run(pages)
    try:
        frozen = CheckRun().run(pages, warmed=gc.freeze)
    finally:
        gc.unfreeze()
    assert frozen == plain
    assert plain.findings  # the pages have findings to compare


def test_warmed_is_not_called_without_pages(tmp_path: Path) -> None:
    seen: list[bool] = []
    report = CheckRun().run([tmp_path], warmed=lambda: seen.append(True))
    assert seen == []
    assert report.files == ()
