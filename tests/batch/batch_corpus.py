"""Small record corpora written into a temporary folder: good records with new ids, and bad ones."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "v2_small.json"


def record(number: int) -> dict[str, object]:
    """The small v2 fixture under a new NCT id (NCT0999xxxx)."""
    data: dict[str, object] = json.loads(FIXTURE.read_text("utf-8"))
    data["protocolSection"]["identificationModule"]["nctId"] = f"NCT{9990000 + number:08d}"  # type: ignore[index]
    return data


def write_corpus(folder: Path, kinds: list[str]) -> Path:
    """One entry per kind: "good" (a .json file), "bad" (invalid JSON), "ndjson" (two good lines and
    a bad one), "zip" (two members). Names keep the walk order equal to the list order."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, kind in enumerate(kinds):
        stem = f"{index:03d}"
        if kind == "good":
            (folder / f"{stem}.json").write_text(json.dumps(record(index * 10)))
        elif kind == "bad":
            (folder / f"{stem}.json").write_text('{"protocolSection": ')
        elif kind == "ndjson":
            lines = [json.dumps(record(index * 10 + 1)), "", "{oops", json.dumps(record(index * 10 + 2))]
            (folder / f"{stem}.ndjson").write_text("\n".join(lines) + "\n")
        elif kind == "zip":
            with zipfile.ZipFile(folder / f"{stem}.zip", "w") as archive:
                archive.writestr("a.json", json.dumps(record(index * 10 + 3)))
                archive.writestr("b.json", json.dumps(record(index * 10 + 4)))
        else:
            raise ValueError(kind)
    return folder
