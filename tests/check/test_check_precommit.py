"""The pre-commit hook, run the way a publisher runs it: `pre-commit try-repo` on this repository.

pre-commit (a test extra, from PyPI) builds the hook's environment from this repository's
working tree, so the test proves that `.pre-commit-hooks.yaml` and the package install and run
together: a good page passes, a bad page fails with the rule named.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from _pages import bad_line, bad_page, good_page

REPO = Path(__file__).resolve().parents[2]
GOOD = good_page()
BAD = bad_page()


def test_hook_file_declares_plainlang_check() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "plainlang-check"]
    assert hook["entry"] == "plainlang check" and hook["language"] == "python"


def test_ci_examples_are_valid_yaml_and_use_the_hook() -> None:
    config = yaml.safe_load((REPO / "examples" / "ci" / "pre-commit-config.yaml").read_text("utf-8"))
    assert config["repos"][0]["hooks"][0]["id"] == "plainlang-check"
    workflow = yaml.safe_load((REPO / "examples" / "ci" / "plainlang-check.yml").read_text("utf-8"))
    commands = " ".join(step.get("run", "") for step in workflow["jobs"]["check"]["steps"])
    assert "plainlang check --format github" in commands and "--format sarif" in commands


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
def test_pre_commit_try_repo_passes_a_good_page_and_fails_a_bad_one(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
        "pre-commit"
    )
    if pre_commit is None or shutil.which("git") is None:
        pytest.fail("pre-commit (a test extra) and git are needed: pip install -e '.[test]'")
    site = tmp_path / "site"
    site.mkdir()
    _git(site, "init", "-q")
    (site / "good.md").write_text(GOOD, "utf-8")
    (site / "bad.md").write_text(BAD, "utf-8")
    _git(site, "add", "good.md", "bad.md")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "try-repo", str(REPO), "plainlang-check", "--files", *files],
            cwd=site,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )

    good = try_repo("good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    bad = try_repo("good.md", "bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert f"bad.md:{bad_line()}:6: error wording.promotional" in bad.stdout
    assert "good.md:" not in bad.stdout
