"""Fixtures of the display tests. Headless Chromium for the browser tests: Debian's chromium driven through its chromedriver.

Nothing is downloaded: the binaries are the ones `.ci/run` installs with apt. Without them the
tests skip with the reason, unless PLAINLANG_REQUIRE_BROWSER=1 (CI sets it) makes that a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,2000",
)


def require_browser() -> None:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if shutil.which(path) is None]
    if not missing:
        return
    reason = f"browser test: {', '.join(missing)} absent (apt-get install chromium chromium-driver)"
    if os.environ.get("PLAINLANG_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[Any]:
    """A fresh headless Chromium with its own user-data-dir under the test's tmp_path."""
    require_browser()
    profile_dir = tmp_path / "chromium-profile"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile_dir}")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
