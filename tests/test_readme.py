"""The README's two newcomer commands stay true: CI runs exactly its test command."""

from __future__ import annotations

import re

from conftest import REPO


def _commands() -> list[str]:
    readme = (REPO / "README.md").read_text("utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)


def test_readme_has_the_two_commands() -> None:
    main_job, tests = _commands()[:2]
    assert "plainlang summarize examples/records/" in main_job
    assert "pytest" in tests


def test_ci_runs_exactly_the_readme_test_command() -> None:
    tests = _commands()[1]
    ci = (REPO / ".ci" / "run").read_text("utf-8").splitlines()
    assert tests in ci


def test_the_readme_example_record_exists() -> None:
    main_job = _commands()[0]
    path = re.search(r"summarize (\S+)", main_job)
    assert path is not None and (REPO / path[1]).is_file()
