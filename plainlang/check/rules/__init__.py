"""The rules of ``plainlang check``, loaded from ``plainlang/check/data/rules.yaml``.

Every rule there names a type, a dotted id (also its config key and output key), a default
severity, a message template, parameters, and examples that must fail and must pass. Loading
refuses a rule without both kinds of example, so no rule ships untested.
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any

import yaml

from plainlang.check.report import SEVERITIES
from plainlang.check.rules.base import RULE_ID, Hit, Rule
from plainlang.check.rules.types import TYPES
from plainlang.errors import CheckError, Location

RULES_FILE = "plainlang/check/data/rules.yaml"
_KEYS = {"id", "type", "severity", "message", "description", "params", "examples"}


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader that records the line of each mapping, so errors can point at a rule."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def parse_rules(text: str, source: str) -> tuple[Rule, ...]:
    """Rules from YAML text; every error names the file, the line and the rule."""
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise CheckError(
            f"invalid YAML: {getattr(error, 'problem', error)}",
            Location(source, mark.line + 1 if mark else None, mark.column + 1 if mark else None),
            code="K003",
        ) from None
    entries = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CheckError("a rules file must be a mapping with a 'rules' list", Location(source), code="K003")
    rules = tuple(_rule(entry, index, source) for index, entry in enumerate(entries))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise CheckError(
                f"rule {rule.id!r} is defined twice", Location(source, field=rule.id), code="K004"
            )
        seen.add(rule.id)
    return rules


def _rule(entry: Any, index: int, source: str) -> Rule:
    if not isinstance(entry, dict):
        raise CheckError("a rule must be a mapping", Location(source, field=f"rules[{index}]"), code="K003")
    line = entry.get("__line__")
    rule_id = entry.get("id")
    where = Location(source, line, None, str(rule_id) if rule_id else f"rules[{index}]")
    unknown = sorted(set(entry) - _KEYS - {"__line__"})
    if unknown:
        raise CheckError(
            f"unknown key {unknown[0]!r}", where, hint="known: " + ", ".join(sorted(_KEYS)), code="K003"
        )
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise CheckError(
            "a rule id must be dotted lower-case words, like 'jargon.unexplained'", where, code="K003"
        )
    type_name = entry.get("type")
    if type_name not in TYPES:
        raise CheckError(
            f"unknown rule type {type_name!r}", where, hint="known: " + ", ".join(TYPES), code="K003"
        )
    severity = entry.get("severity")
    if severity not in SEVERITIES:
        raise CheckError(f"severity must be one of {', '.join(SEVERITIES)}", where, code="K003")
    examples = entry.get("examples")
    fail = examples.get("fail") if isinstance(examples, dict) else None
    passing = examples.get("pass") if isinstance(examples, dict) else None
    if not (isinstance(fail, list) and fail and isinstance(passing, list) and passing):
        raise CheckError(
            "a rule needs examples that must fail and examples that must pass",
            where,
            hint="add examples: {fail: [...], pass: [...]}",
            code="K005",
        )
    against = examples.get("against") if isinstance(examples, dict) else None
    common = {
        "id": rule_id,
        "severity": severity,
        "message": str(entry.get("message") or ""),
        "description": str(entry.get("description") or "").strip(),
        "fail": tuple(str(e) for e in fail),
        "passing": tuple(str(e) for e in passing),
        # A small record (as data) that the examples of a fidelity rule are checked against.
        "against": json.dumps(_strip_lines(against)) if isinstance(against, dict) else None,
    }
    if not common["message"]:
        raise CheckError("a rule needs a message", where, code="K003")
    params = _strip_lines(entry.get("params") or {})
    return TYPES[type_name].build(common, params, where)


@functools.cache
def builtin_rules() -> tuple[Rule, ...]:
    text = files("plainlang.check").joinpath("data", "rules.yaml").read_text("utf-8")
    return parse_rules(text, RULES_FILE)


def rule_ids() -> tuple[str, ...]:
    return tuple(rule.id for rule in builtin_rules())


__all__ = ["Hit", "Rule", "builtin_rules", "parse_rules", "rule_ids"]
