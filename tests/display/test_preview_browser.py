"""The preview page in real headless Chromium: it renders, its structure and definitions are in
the DOM, and hostile record text runs nothing and shows escaped."""

from __future__ import annotations

import itertools
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from plainlang.cli import main

# Debian's chromium driven through its chromedriver: nothing is downloaded, the binaries are the
# ones `.ci/run` installs with apt. Without them the tests skip with the reason, unless
# PLAINLANG_REQUIRE_BROWSER=1 (CI sets it) makes that a failure.

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


REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "records" / "NCT06529731.json"
FIXTURE = REPO / "tests" / "fixtures" / "v2_small.json"

# Each payload would set window.__pwned if the browser ran it.
SCRIPT = "<script>window.__pwned = 1</script>"
IMAGE = '<img src=x onerror="window.__pwned = 2">'
LINK = "[click here](javascript:window.__pwned=3)"
ANCHOR = '<a href="javascript:window.__pwned=4">open</a>'
HOSTILE = f"{SCRIPT} {IMAGE} {LINK} {ANCHOR}"


def hostile_record(path: Path) -> Path:
    record = json.loads(FIXTURE.read_text("utf-8"))
    section = record["protocolSection"]
    section["identificationModule"]["briefTitle"] = f"Drug PL-101 {HOSTILE}"
    section["conditionsModule"]["conditions"] = [f"Acute Myeloid Leukemia {HOSTILE}"]
    intervention = section["armsInterventionsModule"]["interventions"][0]
    intervention["name"] = f"PL-101 {HOSTILE}"
    intervention["description"] = f"Oral tablet. {HOSTILE}"
    section["eligibilityModule"]["eligibilityCriteria"] = (
        f"Inclusion Criteria:\n\n* Adults {HOSTILE}\n\nExclusion Criteria:\n\n* Pregnancy {HOSTILE}"
    )
    path.write_text(json.dumps(record), "utf-8")
    return path


def preview(record: Path, out: Path) -> Path:
    assert main(["preview", str(record), "-o", str(out), "--today", "2026-01-01"]) == 0
    return out


def open_page(driver: Any, page: Path) -> None:
    driver.get(page.resolve().as_uri())
    driver.find_element("css selector", "main")  # raises if the page did not render


def test_preview_renders_with_headings_in_order_and_definitions_in_the_dom(
    tmp_path: Path, chromium: Any
) -> None:
    driver = chromium
    page = preview(EXAMPLE, tmp_path / "page.html")
    open_page(driver, page)
    driver.save_screenshot(str(tmp_path / "preview.png"))  # kept as a CI artefact
    assert driver.execute_script("return document.documentElement.lang") == "en"
    levels = driver.execute_script(
        "return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    landmarks = driver.execute_script(
        "return ['header', 'main', 'aside', 'footer'].map(t => document.querySelectorAll(t).length)"
    )
    assert landmarks == [1, 1, 1, 1]
    headings = [h.text for h in driver.find_elements("css selector", "main h2")]
    assert any(h.startswith("Who can join") for h in headings)
    terms = driver.execute_script(
        "return [...document.querySelectorAll('main dfn[title]')].map(d => [d.textContent, d.title])"
    )
    assert ["acute myeloid leukemia", "a fast-growing cancer of the blood and bone marrow"] in terms
    assert all(definition for _, definition in terms)
    grades = driver.execute_script(
        "return [...document.querySelectorAll('main [data-grade]')].map(s => s.className)"
    )
    assert any("pl-g-very-hard" in c for c in grades) and any("pl-g-easy" in c for c in grades)
    # Self-contained: nothing but the page itself was loaded.
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert (tmp_path / "preview.png").stat().st_size > 10_000


def without_csp(page: Path) -> Path:
    """The page without its Content-Security-Policy, so escaping alone has to keep it safe."""
    html = page.read_text("utf-8")
    start = html.index('<meta http-equiv="Content-Security-Policy"')
    bare = page.with_name("bare-" + page.name)
    bare.write_text(html[:start] + html[html.index(">", start) + 1 :], "utf-8")
    return bare


def test_the_sentinel_does_catch_a_payload_that_runs(tmp_path: Path, chromium: Any) -> None:
    """Control: the same payloads pasted in unescaped do set window.__pwned in this browser."""
    page = tmp_path / "raw.html"
    page.write_text(
        f"<!DOCTYPE html><html lang=en><body><main>{SCRIPT} {IMAGE}</main></body></html>", "utf-8"
    )
    open_page(chromium, page)
    assert chromium.execute_script("return window.__pwned") in (1, 2)


@pytest.mark.parametrize("csp", ["with its security policy", "with escaping alone"])
def test_hostile_record_text_runs_nothing_and_shows_escaped(tmp_path: Path, chromium: Any, csp: str) -> None:
    driver = chromium
    page = preview(hostile_record(tmp_path / "hostile.json"), tmp_path / "hostile.html")
    if csp == "with escaping alone":
        page = without_csp(page)
    open_page(driver, page)
    driver.save_screenshot(str(tmp_path / "hostile.png"))
    for link in driver.find_elements("css selector", "a"):
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith("javascript:"), href
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.find_elements("css selector", "main script, main img") == []
    text = driver.find_element("css selector", "body").text
    assert SCRIPT in text
    assert IMAGE in text
    assert "javascript:window.__pwned=3" in text


@pytest.mark.parametrize("payload", [SCRIPT, IMAGE, ANCHOR])
def test_preview_html_never_contains_the_payload_as_markup(tmp_path: Path, payload: str) -> None:
    html = preview(hostile_record(tmp_path / "hostile.json"), tmp_path / "hostile.html").read_text("utf-8")
    assert payload not in html
    assert "&lt;" + payload[1:].replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;") in html
