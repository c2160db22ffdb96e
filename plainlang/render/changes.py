"""Change notes → text: Markdown (default), plain text or JSON.

Each sentence ends with citation numbers: [1] is the older version of the record, [2] the newer
one, listed at the end with their last-update dates, so a reader can check either.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from plainlang.changes import Change
from plainlang.compose.phrasing import say_date
from plainlang.model import Trial
from plainlang.render import escape_markdown

ChangeFormat = Literal["markdown", "text", "json"]
CHANGE_FORMATS: tuple[ChangeFormat, ...] = ("markdown", "text", "json")
CHANGES_SCHEMA = "plainlang.changes/1"


def _version(trial: Trial) -> str:
    last = trial.status.last_update
    return f"the version last updated on {say_date(last.iso)}" if last else "a version with no update date"


def _markers(change: Change) -> str:
    return ("[1]" if change.old_sources else "") + ("[2]" if change.new_sources else "")


def render_changes(old: Trial, new: Trial, found: Sequence[Change], format: ChangeFormat = "markdown") -> str:
    if format == "json":
        return json.dumps(_as_dict(old, new, found), indent=2, ensure_ascii=False) + "\n"
    md = format == "markdown"

    def esc(text: str) -> str:
        return escape_markdown(text) if md else text

    lines = [
        f"{'# ' if md else ''}What changed in {esc(new.id)}",
        "",
        f"From {_version(old)} [1] to {_version(new)} [2].",
        "",
    ]
    if not found:
        lines += ["No changes were found in the facts this note covers.", ""]
    for change in found:
        lines.append(f"- {esc(change.text)} {_markers(change)}".rstrip())
    if found:
        lines.append("")
    lines += [f"{'## ' if md else ''}References", ""]
    for number, trial in ((1, old), (2, new)):
        lines.append(
            f"{number}. {trial.source.registry}, record {esc(trial.id)}, {_version(trial)}. {trial.source.url}"
        )
    return "\n".join(lines) + "\n"


def _as_dict(old: Trial, new: Trial, found: Sequence[Change]) -> dict[str, object]:
    def version(trial: Trial) -> dict[str, object]:
        last = trial.status.last_update
        return {"record": trial.id, "last_updated": last.iso if last else None, "file": trial.source.file}

    return {
        "schema": CHANGES_SCHEMA,
        "record": new.id,
        "old": version(old),
        "new": version(new),
        "changes": [
            {
                "kind": c.kind,
                "text": c.text,
                "old_fields": [s.path for s in c.old_sources],
                "new_fields": [s.path for s in c.new_sources],
            }
            for c in found
        ],
    }
