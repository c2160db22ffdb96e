"""Registry dates → ISO 8601 at the precision the registry gave (year, month or day)."""

from __future__ import annotations

import re

from plainlang.model.trial import DateKind

_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_MONTH_DAY_YEAR = re.compile(
    r"^([A-Za-z]+)\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$"
)  # "November 14, 2018", "June 2023"
_DAY_MONTH_YEAR = re.compile(
    r"^(\d{1,2})[\s/-]([A-Za-z]+)[\s/-](\d{4})$"
)  # "14 November 2018", "14/Nov/2018"
_SLASHED_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")  # "14/11/2018" (EU and WHO registers)


def to_iso(text: str, *, day_first: bool = True) -> str | None:
    """The date written in ``text`` as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None if unreadable.

    ``day_first`` decides "01/02/2020" (EU and WHO registers write day first).
    """
    value = text.strip()
    if (iso := _ISO.match(value)) is not None:
        return _join(int(iso[1]), _int(iso[2]), _int(iso[3]))
    if (mdy := _MONTH_DAY_YEAR.match(value)) is not None:
        month = _MONTHS.get(mdy[1].lower())
        return _join(int(mdy[3]), month, _int(mdy[2])) if month else None
    if (dmy := _DAY_MONTH_YEAR.match(value)) is not None:
        month = _MONTHS.get(dmy[2].lower())
        return _join(int(dmy[3]), month, int(dmy[1])) if month else None
    if (slashed := _SLASHED_DMY.match(value)) is not None:
        first, second = int(slashed[1]), int(slashed[2])
        day, month = (first, second) if day_first else (second, first)
        return _join(int(slashed[3]), month, day)
    return None


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _join(year: int, month: int | None, day: int | None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def normalise_kind(kind: str | None) -> DateKind | None:
    """ACTUAL stays; ANTICIPATED (older records), ESTIMATED and EXPECTED all mean planned."""
    if kind is None:
        return None
    upper = kind.strip().upper()
    if upper == "ACTUAL":
        return "ACTUAL"
    if upper in ("ESTIMATED", "ANTICIPATED", "EXPECTED"):
        return "ESTIMATED"
    return None
