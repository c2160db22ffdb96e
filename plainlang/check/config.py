"""Configuration for ``plainlang check``: ``[tool.plainlang]`` in pyproject.toml or ``plainlang.yaml``.

The configuration of a page is found by walking up from the page's folder: the first folder
with a ``plainlang.yaml``, or a ``pyproject.toml`` that has a ``[tool.plainlang]`` table, wins
(plainlang.yaml first when a folder has both). Paths and globs in it are relative to its folder.

    [tool.plainlang]                 # Profile settings, shared with the other commands
    target_smog = 8
    long_sentence_words = 22
    policy = "policy/ours.yaml"

    [tool.plainlang.check]
    fail-level = "warning"           # info | warning | error
    include = ["**/*.md", "**/*.html"]
    exclude = ["drafts/**"]

    [tool.plainlang.check.rules]     # a severity or "off", by rule id
    "style.passive" = "off"
    "readability.long-sentence" = "error"

    [tool.plainlang.check.per-file-ignores]
    "legacy/**" = ["readability.grade"]

An unknown key or a bad value stops the run (exit 2) with a message naming the key and the file.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import sys
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from plainlang.check.report import SEVERITIES, Severity
from plainlang.config import Profile
from plainlang.errors import ConfigError, Location

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

YAML_NAME = "plainlang.yaml"
PYPROJECT = "pyproject.toml"
CHECK_KEYS = ("fail-level", "include", "exclude", "rules", "per-file-ignores")
DEFAULT_INCLUDE = ("**/*.md", "**/*.markdown", "**/*.html", "**/*.htm", "**/*.txt", "**/*.json")
# Profile fields a config file may set (``extra`` is for code, not for files).
_PROFILE_KEYS = tuple(f.name for f in dataclasses.fields(Profile) if f.name != "extra")


@dataclass(frozen=True)
class CheckConfig:
    """One configuration file, read and validated (or the defaults, with ``source`` None)."""

    source: str | None = None
    root: Path = field(default_factory=Path.cwd)
    profile: Profile = field(default_factory=Profile)
    fail_level: Severity | None = None
    rules: Mapping[str, Severity | None] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def severities_for(self, path: Path | None) -> dict[str, Severity | None]:
        """Rule severities for one file: the overrides, and ``None`` for rules ignored there."""
        severities = dict(self.rules)
        if path is not None:
            relative = self.relative(path)
            for pattern, ids in self.per_file_ignores:
                if glob_match(relative, pattern):
                    severities.update(dict.fromkeys(ids))
        return severities

    def included(self, path: Path) -> bool:
        relative = self.relative(path)
        return any(glob_match(relative, p) for p in self.include) and not self.excluded(path)

    def excluded(self, path: Path) -> bool:
        relative = self.relative(path)
        return any(
            glob_match(relative, p) or glob_match(relative, p.rstrip("/") + "/**") for p in self.exclude
        )


def glob_match(path: str, pattern: str) -> bool:
    """Glob match where ``**`` spans folders and a pattern without ``/`` matches a file name."""
    if "/" not in pattern:
        return fnmatch.fnmatchcase(PurePosixPath(path).name, pattern)
    if pattern.startswith("**/") and glob_match(path, pattern[3:]):
        return True
    return fnmatch.fnmatchcase(path, pattern)


def find_config(directory: Path, cache: dict[Path, CheckConfig] | None = None) -> CheckConfig:
    """The configuration that governs files in ``directory`` (walking up), or the defaults."""
    cache = {} if cache is None else cache
    start = directory.resolve()
    visited: list[Path] = []
    config: CheckConfig | None = None
    for folder in (start, *start.parents):
        if folder in cache:
            config = cache[folder]
            break
        visited.append(folder)
        config = _config_in(folder)
        if config is not None:
            break
    if config is None:
        config = CheckConfig()
    for folder in visited:
        cache[folder] = config
    return config


def _config_in(folder: Path) -> CheckConfig | None:
    yaml_file = folder / YAML_NAME
    if yaml_file.is_file():
        return load_config(yaml_file)
    pyproject = folder / PYPROJECT
    if pyproject.is_file():
        table = _pyproject_table(pyproject)
        if table is not None:
            return parse_config(table, str(pyproject), folder, prefix="tool.plainlang.")
    return None


def load_config(path: str | Path) -> CheckConfig:
    """Read one configuration file (plainlang.yaml or pyproject.toml) named by the user."""
    file = Path(path)
    if not file.is_file():
        raise ConfigError("no such configuration file", Location(str(file)), hint="check the path")
    if file.suffix == ".toml":
        table = _pyproject_table(file)
        return parse_config(table or {}, str(file), file.parent, prefix="tool.plainlang.")
    try:
        data = yaml.safe_load(file.read_text("utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(
            f"invalid YAML: {getattr(error, 'problem', error)}",
            Location(str(file), mark.line + 1 if mark else None, mark.column + 1 if mark else None),
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("the configuration must be a mapping of keys to values", Location(str(file)))
    return parse_config(data, str(file), file.parent)


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"invalid TOML: {error}", Location(str(path))) from None
    table = data.get("tool", {}).get("plainlang")
    if table is not None and not isinstance(table, dict):
        raise ConfigError("[tool.plainlang] must be a table", Location(str(path), field="tool.plainlang"))
    return table


def parse_config(data: Mapping[str, Any], source: str, root: Path, prefix: str = "") -> CheckConfig:
    """Validate a configuration mapping; every error names the key (with ``prefix``) and file."""
    from plainlang.check.rules import rule_ids

    def error(key: str, message: str, hint: str = "") -> ConfigError:
        return ConfigError(message, Location(source, field=prefix + key), hint=hint)

    allowed = (*_PROFILE_KEYS, "check")
    for key in data:
        if key not in allowed:
            raise error(key, f"unknown key {key!r}", "known keys: " + ", ".join(allowed))
    profile_values = {
        key: _profile_value(key, data[key], error, root) for key in _PROFILE_KEYS if key in data
    }
    check = data.get("check", {})
    if not isinstance(check, dict):
        raise error("check", "'check' must be a table of settings")
    for key in check:
        if key not in CHECK_KEYS:
            raise error(f"check.{key}", f"unknown key {key!r}", "known keys: " + ", ".join(CHECK_KEYS))
    fail_level = check.get("fail-level")
    if fail_level is not None and fail_level not in SEVERITIES:
        raise error(
            "check.fail-level", f"fail-level must be one of {', '.join(SEVERITIES)}, not {fail_level!r}"
        )
    known_ids = rule_ids()
    rules: dict[str, Severity | None] = {}
    rule_table = check.get("rules", {})
    if not isinstance(rule_table, dict):
        raise error("check.rules", "'rules' must be a table of rule id = severity")
    for rule_id, value in rule_table.items():
        if rule_id not in known_ids:
            raise error(
                f"check.rules.{rule_id}", f"unknown rule {rule_id!r}", "known rules: " + ", ".join(known_ids)
            )
        if value != "off" and value not in SEVERITIES:
            raise error(
                f"check.rules.{rule_id}", f"must be one of {', '.join(SEVERITIES)} or 'off', not {value!r}"
            )
        rules[rule_id] = None if value == "off" else value
    ignores: list[tuple[str, tuple[str, ...]]] = []
    ignore_table = check.get("per-file-ignores", {})
    if not isinstance(ignore_table, dict):
        raise error("check.per-file-ignores", "'per-file-ignores' must be a table of glob = [rule ids]")
    for pattern, ids in ignore_table.items():
        key = f"check.per-file-ignores.{pattern}"
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise error(key, "must be a list of rule ids")
        for rule_id in ids:
            if rule_id not in known_ids:
                raise error(key, f"unknown rule {rule_id!r}", "known rules: " + ", ".join(known_ids))
        ignores.append((pattern, tuple(ids)))
    return CheckConfig(
        source=source,
        root=root,
        profile=dataclasses.replace(Profile(), **profile_values),
        fail_level=fail_level,
        rules=rules,
        include=_globs(check, "include", error) or DEFAULT_INCLUDE,
        exclude=_globs(check, "exclude", error),
        per_file_ignores=tuple(ignores),
    )


def _globs(check: Mapping[str, Any], key: str, error: Any) -> tuple[str, ...]:
    value = check.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise error(f"check.{key}", f"'{key}' must be a list of glob patterns")
    return tuple(value)


def _profile_value(key: str, value: Any, error: Any, root: Path) -> Any:
    """``value`` checked against the type of Profile's field ``key``."""
    hint = typing.get_type_hints(Profile)[key]
    if not _fits(value, hint):
        raise error(key, f"{key!r} must be {_describe(hint)}, not {value!r}")
    if key == "policy" and isinstance(value, str):
        return str((root / value).resolve())
    if key == "glossaries":
        return tuple(str((root / v).resolve()) if v.endswith((".yaml", ".yml")) else v for v in value)
    return float(value) if hint is float else value


def _fits(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, arg) for arg in typing.get_args(hint))
    if origin is tuple:
        (item, *_) = typing.get_args(hint)
        return isinstance(value, list) and all(_fits(v, item) for v in value)
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(hint, type) and isinstance(value, hint)


def _describe(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(hint))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(a) for a in typing.get_args(hint))
    if origin is tuple:
        return "a list of " + _describe(typing.get_args(hint)[0])
    if hint is type(None):
        return "absent"
    return {float: "a number", int: "a whole number", str: "a string", bool: "true or false"}.get(
        hint, str(hint)
    )
