"""The wording tables: plain phrases for every registry enumeration value, as YAML data."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from plainlang._yaml import safe_load
from plainlang.errors import ConfigError, Location


@dataclass(frozen=True)
class Wording:
    """Plain phrases keyed by table name and v2 enumeration value."""

    tables: dict[str, dict[str, Any]]
    source: str

    def phrase(self, table: str, value: str | None, key: str | None = None, default: str = "") -> str:
        """The phrase for ``value`` in ``table`` (its ``key`` part for two-part entries).

        Unknown values give ``default``: a registry may add a value before we word it, and a
        summary without that phrase is better than no summary.
        """
        if value is None:
            return default
        entry = self.tables.get(table, {}).get(value)
        if entry is None:
            return default
        if key is not None:
            return str(entry.get(key, default)) if isinstance(entry, dict) else default
        return str(entry)

    def values(self, table: str) -> tuple[str, ...]:
        return tuple(self.tables.get(table, {}))


@functools.cache
def load_wording(language: str = "en") -> Wording:
    name = f"wording.{language}.yaml"
    resource = files("plainlang.compose").joinpath("data", name)
    if not resource.is_file():
        raise ConfigError(
            f"no wording tables for language {language!r}",
            Location(field="language"),
            hint="plainlang ships English ('en') wording",
        )
    data = safe_load(resource.read_text("utf-8"))
    tables = {key: value for key, value in data.items() if isinstance(value, dict)}
    return Wording(tables, f"plainlang/compose/data/{name}")
