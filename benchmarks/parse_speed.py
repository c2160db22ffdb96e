"""Parse throughput per registry format, and a 10,000-record AllPublicXML-style ZIP streamed.

    python benchmarks/parse_speed.py [--records ../shared/data/records] [--zip-size 10000]

For each format folder under ``--records``, every file is read into memory once and then parsed
(detection + reader) ``--rounds`` times; the script prints records per second and MB per second.
Then it builds a ZIP laid out like ClinicalTrials.gov's AllPublicXML download
(``NCT0000xxxx/NCT000012345.xml``), cycling through the legacy XML records with fresh NCT ids,
streams it through ``plainlang.read_records`` and reports the time and the peak Python memory
(tracemalloc) at two archive sizes: if streaming is flat, the peak does not grow with the archive.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

import plainlang
from plainlang.records import read_records

DEFAULT_RECORDS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "records"
FOLDERS = ("ctgov-v2", "ctgov-classic", "ctgov-xml", "euctr", "ctis", "isrctn", "ictrp")


def throughput(folder: Path, rounds: int) -> tuple[int, int, float, int]:
    """(records, bytes, seconds, failures) for parsing every file of ``folder`` ``rounds`` times."""
    blobs = [(p.suffix.lower(), p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file()]
    records = failures = 0
    start = time.perf_counter()
    for _ in range(rounds):
        for suffix, data in blobs:
            for result in read_records(data) if suffix == ".json" else _from_xml(data):
                records += 1
                failures += result.error is not None
    seconds = time.perf_counter() - start
    return records, sum(len(d) for _, d in blobs) * rounds, seconds, failures


def _from_xml(data: bytes) -> list[plainlang.RecordResult]:
    return list(read_records(data))  # bytes starting with "<" go through XML detection


def build_zip(xml_folder: Path, size: int, target: Path) -> int:
    """An AllPublicXML-like archive of ``size`` members; returns its size in bytes."""
    sources = [p.read_bytes() for p in sorted(xml_folder.glob("*.xml"))]
    nct = re.compile(rb"NCT\d{8}")
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index in range(size):
            new_id = f"NCT{90000000 + index:08d}"
            body = nct.sub(new_id.encode(), sources[index % len(sources)])
            archive.writestr(f"{new_id[:7]}xxxx/{new_id}.xml", body)
    return target.stat().st_size


def stream(path: Path, *, trace: bool) -> tuple[int, int, float, int]:
    """(records, failures, seconds, peak traced bytes) streaming the archive record by record.

    Timing runs untraced (tracemalloc slows parsing several times); the memory run is traced.
    """
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    records = failures = 0
    for result in read_records(path):
        records += 1
        failures += result.error is not None
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    if trace:
        tracemalloc.stop()
    return records, failures, seconds, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--records", type=Path, default=DEFAULT_RECORDS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--zip-size", type=int, default=10_000)
    parser.add_argument(
        "--no-memory", dest="memory", action="store_false", help="skip the (slow) traced memory runs"
    )
    args = parser.parse_args(argv)
    if not args.records.is_dir():
        print(f"no records at {args.records}", file=sys.stderr)
        return 2
    print(f"{'format':<14}{'records':>9}{'failed':>8}{'rec/s':>10}{'MB/s':>8}")
    for name in FOLDERS:
        folder = args.records / name
        if not folder.is_dir():
            continue
        records, size, seconds, failures = throughput(folder, args.rounds)
        print(f"{name:<14}{records:>9}{failures:>8}{records / seconds:>10.0f}{size / seconds / 1e6:>8.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (args.zip_size // 10, args.zip_size):
            path = Path(tmp) / f"AllPublicXML-{size}.zip"
            zip_bytes = build_zip(args.records / "ctgov-xml", size, path)
            records, failures, seconds, _ = stream(path, trace=False)
            print(
                f"AllPublicXML-style ZIP: {records} records ({failures} failed), {zip_bytes / 1e6:.1f} MB "
                f"zipped, streamed in {seconds:.1f} s ({records / seconds:.0f} rec/s)"
            )
            if args.memory:
                peak = stream(path, trace=True)[3]
                print(f"  peak Python memory while streaming (tracemalloc): {peak / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
