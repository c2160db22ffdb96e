"""Fetch one live record by NCT id from the ClinicalTrials.gov API v2 — the only network access
plainlang has, and only when asked.

``fetch("NCT04067336")`` GETs ``{base_url}/studies/NCT04067336``, retries on 429 and 5xx with
exponential backoff (honouring ``Retry-After``), and reads the body with the v2 reader. With a
``cache_dir``, the raw JSON is saved as ``<cache_dir>/NCT04067336.json`` and a saved copy is used
without any request, so a build can run offline from what an earlier run fetched. Stdlib only.
"""

from __future__ import annotations

import email.utils
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from plainlang.errors import FetchError, Location, PlainlangError
from plainlang.model import Trial
from plainlang.records import ctgov_v2
from plainlang.records.registries import is_registry_id

DEFAULT_BASE_URL = "https://clinicaltrials.gov/api/v2"
_OFFLINE_HINT = "check the connection or use --cache-dir with a saved copy"
_RETRYABLE = {429, 500, 502, 503, 504}
_MAX_WAIT = 60.0  # never sleep longer than this on one Retry-After, whatever the server asks


def fetch(
    nct_id: str,
    *,
    cache_dir: str | Path | None = None,
    timeout: float = 10.0,
    retries: int = 3,
    base_url: str = DEFAULT_BASE_URL,
    sleep: Callable[[float], None] = time.sleep,
) -> Trial:
    """The record ``nct_id`` from the ClinicalTrials.gov API v2 (or the cache) as a Trial.

    Raises FetchError (P110) for a malformed id, an HTTP error, a timeout or no connection.
    ``sleep`` is there so tests can run the backoff without waiting.
    """
    record_id = nct_id.strip().upper()
    if not is_registry_id(record_id):
        raise FetchError(
            f"not a ClinicalTrials.gov id: {nct_id!r}",
            Location(field="nct_id"),
            hint="an NCT number is 'NCT' and 8 digits, such as NCT04067336",
        )
    cached = Path(cache_dir) / f"{record_id}.json" if cache_dir is not None else None
    if cached is not None and cached.is_file():
        return _read(cached.read_bytes(), str(cached))
    url = f"{base_url.rstrip('/')}/studies/{record_id}"
    body = _get(url, timeout=timeout, retries=retries, sleep=sleep)
    trial = _read(body, url)
    if trial.id != record_id:
        raise FetchError(f"asked for {record_id} but the registry sent {trial.id}", Location(url))
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(".json.part")
        temporary.write_bytes(body)
        temporary.replace(cached)  # a reader never sees half a file
    return trial


def _read(body: bytes, origin: str) -> Trial:
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FetchError(
            f"the registry sent something that is not JSON ({error})", Location(origin)
        ) from None
    if not ctgov_v2.is_study(document):
        raise FetchError("the registry's answer is not a v2 study record", Location(origin))
    try:
        return ctgov_v2.read(document, origin)
    except PlainlangError as error:
        raise error.with_file(origin) from None


def _get(url: str, *, timeout: float, retries: int, sleep: Callable[[float], None]) -> bytes:
    request = urllib.request.Request(
        url,
        headers={
            "Accept": "application/json",
            "User-Agent": "plainlang (+https://pypi.org/project/plainlang)",
        },
    )
    attempt = 0
    while True:
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body: bytes = response.read()
                return body
        except urllib.error.HTTPError as error:
            if error.code == 404:
                raise FetchError(
                    "ClinicalTrials.gov has no study with this id", Location(url), hint="check the NCT number"
                ) from None
            if error.code not in _RETRYABLE or attempt >= retries:
                raise FetchError(
                    f"ClinicalTrials.gov answered HTTP {error.code} {error.reason}"
                    + (f" after {attempt + 1} tries" if attempt else ""),
                    Location(url),
                    hint="try again later, or use --cache-dir with a saved copy",
                ) from None
            wait = _retry_after(error.headers.get("Retry-After")) if error.headers else None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            if attempt >= retries:
                raise FetchError(
                    f"cannot reach ClinicalTrials.gov: {reason}",
                    Location(url),
                    hint=_OFFLINE_HINT,
                ) from None
            wait = None
        sleep(wait if wait is not None else backoff(attempt))
        attempt += 1


def backoff(attempt: int) -> float:
    """Seconds to wait before try ``attempt + 2``: 1, 2, 4, 8 ... capped at 30."""
    return float(min(30, 2**attempt))


def _retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds: a number of seconds or an HTTP date."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return min(float(text), _MAX_WAIT)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, min((when - datetime.now(timezone.utc)).total_seconds(), _MAX_WAIT))
