"""Small pieces every non-v2 reader needs: dates, passages, enrollment, value lists.

Each takes the value *and* the path it was read from, so provenance is never lost on the way
into the Trial, and each raises a FieldTypeError naming that path when a value cannot be read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from plainlang.errors import FieldTypeError, Location
from plainlang.model import DateField, Enrollment, Field, Passage
from plainlang.records import vocabulary
from plainlang.records.access import Node
from plainlang.records.dates import normalise_kind, to_iso
from plainlang.records.text import to_passage


def date_field(
    found: Field[str] | None,
    kind: str | None,
    file: str | None,
    *,
    day_first: bool = True,
) -> DateField | None:
    """A registry date ("November 14, 2018", "June 2023", "14/11/2018") as a DateField."""
    if found is None:
        return None
    iso = to_iso(found.value, day_first=day_first)
    if iso is None:
        raise FieldTypeError(
            f"expected a date such as 'November 14, 2018' or '2018-11-14', found {found.value!r}",
            Location(file, field=found.path),
            hint="fix the date or leave the field out",
        )
    return DateField(iso, found.path, normalise_kind(vocabulary.convert("date_kind", kind) if kind else None))


def passage(node: Node | None, key: str, *, line_breaks: bool = False) -> Passage | None:
    """A free-text field as a Passage; None when absent or blank (see ``to_passage``)."""
    if node is None:
        return None
    raw = node.raw_text(key)
    return to_passage(raw[0], raw[1], line_breaks=line_breaks) if raw else None


def enrollment(count: Field[int] | None, kind: Field[str] | None) -> Enrollment | None:
    if count is None:
        return None
    return Enrollment(count, vocabulary.to_v2("enrollment_kind", kind))


def enum_tuple(table: str, values: Sequence[Field[str]], path: str) -> Field[tuple[str, ...]] | None:
    """Several enumeration values (who is masked, age groups) as one v2 tuple field."""
    converted = unique(vocabulary.convert(table, value.value) for value in values)
    return Field(converted, path) if converted else None


def phases_field(
    found: Field[str] | Sequence[Field[str]] | None, path: str | None = None
) -> Field[tuple[str, ...]] | None:
    """Phases from one value ("Phase 1/Phase 2") or several, in the v2 spelling."""
    if found is None:
        return None
    values = [found] if isinstance(found, Field) else list(found)
    if not values:
        return None
    converted = unique(phase for value in values for phase in vocabulary.phases(value.value))
    return Field(converted, path or values[0].path)


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """The values in first-seen order, each once."""
    return tuple(dict.fromkeys(values))


def yes_no(value: Field[str] | None) -> Field[bool] | None:
    """ "Yes"/"No" (and "Accepts Healthy Volunteers") → bool; anything else → None."""
    if value is None:
        return None
    text = vocabulary.fold(value.value)
    if text in ("yes", "true", "accepts healthy volunteers", "1"):
        return Field(True, value.path)
    if text in ("no", "false", "0"):
        return Field(False, value.path)
    return None
