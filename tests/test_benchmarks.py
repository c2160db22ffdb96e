"""The benchmark scripts compare like with like: a comparison that does the other tool's work
twice, or ours not at all, would report a ratio nobody could trust."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_benchmark_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_check_speed_runs_each_proselint_check_once_however_often_it_times(tmp_path: Path) -> None:
    # proselint's registry is a process-wide singleton that appends on every registration; the
    # script times a warm-up page and then the run, and must not register the checks twice.
    pytest.importorskip("proselint")
    from proselint.registry import CheckRegistry

    check_speed = _script("check_speed")
    page = tmp_path / "page.md"
    page.write_text("# A trial\n\nThis drug is very unique, and we will utilize it.\n", "utf-8")
    _, warm_up, _ = check_speed.time_proselint([page])
    _, timed, _ = check_speed.time_proselint([page])
    assert warm_up == timed > 0
    checks = CheckRegistry().checks
    assert len(checks) == len({id(check) for check in checks})


def test_check_speed_times_plainlang_on_every_page(tmp_path: Path) -> None:
    check_speed = _script("check_speed")
    pages = []
    for index in range(3):
        page = tmp_path / f"{index}.md"
        page.write_text(f"# Page {index}\n\nThe study drug is a new treatment.\n", "utf-8")
        pages.append(page)
    times, findings, _ = check_speed.time_plainlang(pages)
    assert len(times) == 3
    assert findings >= 3  # "new treatment" without "investigational", on each page
