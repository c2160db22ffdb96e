"""Golden pages: the four bundled example records and the ziftomenib programme overview.

The expected Markdown and JSON live in tests/golden/ and were read by a person for tone. When a
change to the composer is meant, regenerate with ``pytest tests/test_golden.py --update-golden``
and review the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES

import plainlang

GOLDEN = Path(__file__).resolve().parent / "golden"
PROFILE = plainlang.Profile(today="2026-11-21")
EXAMPLE_IDS = ["NCT04067336", "NCT06376162", "NCT07007312", "NCT06529731"]
ZIFTOMENIB = ["NCT04067336", "NCT06376162", "NCT07007312"]


def _compare(name: str, actual: str, update: bool) -> None:
    expected = GOLDEN / name
    if update or not expected.exists():
        expected.write_text(actual, "utf-8")
        if not update:
            pytest.fail(f"{name} did not exist; written now, review it and commit it")
    assert actual == expected.read_text("utf-8"), f"{name} changed: review, then --update-golden"


@pytest.mark.parametrize("record", EXAMPLE_IDS)
@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_example_trial_page(record: str, fmt: str, update_golden: bool) -> None:
    summary = plainlang.summarize(EXAMPLES / f"{record}.json", PROFILE)
    suffix = "md" if fmt == "markdown" else "json"
    _compare(f"{record}.{suffix}", plainlang.render(summary, fmt), update_golden)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_ziftomenib_programme_overview(fmt: str, update_golden: bool) -> None:
    summary = plainlang.summarize_program(
        [EXAMPLES / f"{r}.json" for r in ZIFTOMENIB], "Ziftomenib clinical trials", PROFILE
    )
    suffix = "md" if fmt == "markdown" else "json"
    _compare(f"programme-ziftomenib.{suffix}", plainlang.render(summary, fmt), update_golden)  # type: ignore[arg-type]
