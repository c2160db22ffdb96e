"""A Trial's main facts as rows for the notebook, each with the record field it came from.

Showing the field path next to each value is the point: a writer who doubts a sentence in the
summary can see which field of the record it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass

from plainlang.model import DateField, Field, Trial


@dataclass(frozen=True)
class TrialRow:
    label: str
    value: str
    path: str


@dataclass(frozen=True)
class TrialView:
    registry: str
    record_id: str
    url: str | None
    rows: tuple[TrialRow, ...]


def _field(label: str, field: Field[str] | None) -> list[TrialRow]:
    return [TrialRow(label, str(field.value), field.path)] if field is not None and field.value else []


def _date(label: str, date: DateField | None) -> list[TrialRow]:
    if date is None:
        return []
    kind = f" ({date.kind.lower()})" if date.kind else ""
    return [TrialRow(label, date.iso + kind, date.path)]


def _many(label: str, fields: tuple[Field[str], ...]) -> list[TrialRow]:
    if not fields:
        return []
    # The fields of a list share a parent path: "…conditions[0]", "…conditions[1]" → "…conditions".
    path = fields[0].path.rsplit("[", 1)[0]
    return [TrialRow(label, "; ".join(f.value for f in fields), path)]


def trial_view(trial: Trial, url: str | None) -> TrialView:
    """The rows of a Trial; ``url`` is the record's page when it is a safe http(s) link."""
    ident, status, design = trial.identification, trial.status, trial.design
    rows: list[TrialRow] = []
    rows += _field("Title", ident.brief_title) or _field("Title", ident.official_title)
    rows += _field("Status", status.overall)
    if design.phases is not None:
        rows.append(TrialRow("Phase", ", ".join(design.phases.value), design.phases.path))
    rows += _field("Study type", design.study_type)
    rows += _many("Conditions", trial.conditions)
    if design.enrollment is not None:
        count = design.enrollment.count
        kind = f" ({design.enrollment.kind.value.lower()})" if design.enrollment.kind else ""
        rows.append(TrialRow("People", f"{count.value}{kind}", count.path))
    rows += _date("Start", status.start)
    rows += _date("End", status.completion)
    if trial.sponsors.lead is not None:
        rows += _field("Lead sponsor", trial.sponsors.lead.name)
    if trial.locations:
        rows.append(TrialRow("Places", str(len(trial.locations)), "count(locations)"))
    return TrialView(trial.source.registry, trial.id, url, tuple(rows))


__all__ = ["TrialRow", "TrialView", "trial_view"]
