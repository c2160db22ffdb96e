"""plainlang.fetch and ``plainlang summarize NCT…`` against a real HTTP server on 127.0.0.1.

The server, started by the test, serves v2 records (the team's example and, when present, the
shared ones) and scripted failures: 429 with Retry-After, 503 a few times, 404, a slow answer,
a body that is not JSON. The real network is never used.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import RECORDS

import plainlang
from plainlang.cli import main
from plainlang.errors import FetchError
from plainlang.records.fetch import _retry_after, backoff

NCT = "NCT09000005"
RECORD = {
    "protocolSection": {
        "identificationModule": {"nctId": NCT, "briefTitle": "Music During Dialysis"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "conditionsModule": {"conditions": ["Kidney Failure"]},
    }
}


@dataclass
class Script:
    """What the server answers, per NCT id: a queue of (status, headers, body, delay)."""

    answers: dict[str, list[tuple[int, dict[str, str], bytes, float]]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def add(self, nct: str, status: int, body: bytes = b"", delay: float = 0.0, **headers: str) -> None:
        self.answers.setdefault(nct, []).append((status, headers, body, delay))


def _handler(script: Script) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            script.requests.append(self.path)
            nct = self.path.rstrip("/").rsplit("/", 1)[-1]
            queue = script.answers.get(nct, [])
            status, headers, body, delay = (
                queue.pop(0) if len(queue) > 1 else (queue[0] if queue else (404, {}, b"", 0))
            )
            if delay:
                time.sleep(delay)
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name.replace("_", "-"), value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            return

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, Script]]:
    script = Script()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(script))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/api/v2", script
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_fetch_reads_the_record_the_server_sends(server: tuple[str, Script]) -> None:
    url, script = server
    script.add(NCT, 200, json.dumps(RECORD).encode())
    trial = plainlang.fetch(NCT, base_url=url)
    assert (trial.id, trial.title, trial.status.overall.value) == (NCT, "Music During Dialysis", "RECRUITING")
    assert script.requests == [f"/api/v2/studies/{NCT}"]
    assert trial.source.file == f"{url}/studies/{NCT}"


def test_fetch_serves_a_shared_v2_record(server: tuple[str, Script], shared_data: Path) -> None:
    url, script = server
    body = (RECORDS / "ctgov-v2" / "NCT02513394.json").read_bytes()
    script.add("NCT02513394", 200, body)
    assert plainlang.fetch("nct02513394", base_url=url).title == "PALbociclib CoLlaborative Adjuvant Study"


def test_fetch_retries_429_honouring_retry_after(server: tuple[str, Script]) -> None:
    url, script = server
    script.add(NCT, 429, Retry_After="7")
    script.add(NCT, 503)
    script.add(NCT, 200, json.dumps(RECORD).encode())
    waits: list[float] = []
    assert plainlang.fetch(NCT, base_url=url, sleep=waits.append).id == NCT
    assert waits == [7.0, backoff(1)]
    assert len(script.requests) == 3


def test_fetch_gives_up_after_the_retries_with_a_clear_error(server: tuple[str, Script]) -> None:
    url, script = server
    script.add(NCT, 500)
    waits: list[float] = []
    with pytest.raises(FetchError, match="HTTP 500") as caught:
        plainlang.fetch(NCT, base_url=url, retries=2, sleep=waits.append)
    assert len(script.requests) == 3 and waits == [backoff(0), backoff(1)]
    assert "cache-dir" in caught.value.hint


def test_fetch_does_not_retry_a_missing_study(server: tuple[str, Script]) -> None:
    url, script = server
    with pytest.raises(FetchError, match="no study with this id"):
        plainlang.fetch("NCT09999999", base_url=url, sleep=lambda _: None)
    assert len(script.requests) == 1


def test_fetch_refuses_a_malformed_id_before_any_request(server: tuple[str, Script]) -> None:
    url, script = server
    for bad in ("NCT123", "../etc/passwd", "ISRCTN48721236", "NCT04067336/../x"):
        with pytest.raises(FetchError, match=r"not a ClinicalTrials\.gov id"):
            plainlang.fetch(bad, base_url=url)
    assert script.requests == []


def test_fetch_reports_a_body_that_is_not_a_study(server: tuple[str, Script]) -> None:
    url, script = server
    script.add(NCT, 200, b"<html>maintenance</html>")
    with pytest.raises(FetchError, match="not JSON"):
        plainlang.fetch(NCT, base_url=url)
    script.answers[NCT] = [(200, {}, b'{"studies": []}', 0.0)]
    with pytest.raises(FetchError, match="not a v2 study"):
        plainlang.fetch(NCT, base_url=url)


def test_fetch_times_out_and_says_what_to_do(server: tuple[str, Script]) -> None:
    url, script = server
    script.add(NCT, 200, json.dumps(RECORD).encode(), delay=2.0)
    with pytest.raises(FetchError, match="cannot reach") as caught:
        plainlang.fetch(NCT, base_url=url, timeout=0.2, retries=0)
    assert caught.value.hint == "check the connection or use --cache-dir with a saved copy"


def test_fetch_offline_is_a_fetch_error_not_a_crash() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    waits: list[float] = []
    with pytest.raises(FetchError, match=r"cannot reach ClinicalTrials\.gov") as caught:
        plainlang.fetch(NCT, base_url=f"http://127.0.0.1:{port}/api/v2", retries=1, sleep=waits.append)
    assert "--cache-dir" in caught.value.hint and waits == [backoff(0)]


def test_cache_keeps_the_record_and_serves_it_without_the_server(
    server: tuple[str, Script], tmp_path: Path
) -> None:
    url, script = server
    script.add(NCT, 200, json.dumps(RECORD).encode())
    first = plainlang.fetch(NCT, base_url=url, cache_dir=tmp_path)
    assert (tmp_path / f"{NCT}.json").is_file()
    again = plainlang.fetch(NCT, base_url="http://127.0.0.1:9/nowhere", cache_dir=tmp_path)
    assert again.title == first.title and len(script.requests) == 1
    assert again.source.file == str(tmp_path / f"{NCT}.json")


def test_summarize_command_fetches_an_nct_number(
    server: tuple[str, Script], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, script = server
    script.add(NCT, 200, json.dumps(RECORD).encode())
    code = main(["summarize", NCT, "--api-url", url, "--cache-dir", str(tmp_path), "--today", "2025-01-01"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "Music During Dialysis" in out.out and f"https://clinicaltrials.gov/study/{NCT}" in out.out


def test_summarize_command_reports_fetch_failure_with_exit_1(
    server: tuple[str, Script], capsys: pytest.CaptureFixture[str]
) -> None:
    url, _ = server
    code = main(["summarize", "NCT09999999", "--api-url", url])
    assert code == 1
    assert "[P110]" in capsys.readouterr().err


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert _retry_after("12") == 12.0
    assert _retry_after("100000") == 60.0  # capped
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past
    assert _retry_after("soon") is None


def test_summarize_nct04067336_from_the_server(
    server: tuple[str, Script], capsys: pytest.CaptureFixture[str]
) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "records" / "NCT04067336.json"
    if not example.is_file():
        pytest.skip(f"{example} is absent")
    url, script = server
    script.add("NCT04067336", 200, example.read_bytes())
    assert plainlang.fetch("NCT04067336", base_url=url).id == "NCT04067336"
    assert main(["summarize", "NCT04067336", "--api-url", url, "--today", "2025-01-01"]) == 0
    assert "https://clinicaltrials.gov/study/NCT04067336" in capsys.readouterr().out
