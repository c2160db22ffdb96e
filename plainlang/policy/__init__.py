"""Publishing policy: required disclaimers, citation style, contact masking, forbidden wording.

A policy is YAML data. The built-in default ships in ``plainlang/policy/data/default.yaml``;
a publisher passes its own file through ``Profile.policy``. The composer uses the policy to add
disclaimers and mask contact data, and never writes forbidden wording; ``plainlang check`` uses
the same policy to test published text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

import yaml

from plainlang._yaml import safe_load
from plainlang.errors import ConfigError, Location

Placement = Literal["top", "end"]


@dataclass(frozen=True)
class Disclaimer:
    id: str
    text: str
    placement: Placement


@dataclass(frozen=True)
class WordingRule:
    """A phrase the output must not contain, unless ``unless`` matches the same sentence."""

    id: str
    pattern: re.Pattern[str]
    message: str
    unless: re.Pattern[str] | None = None

    def violations(self, sentence: str) -> tuple[re.Match[str], ...]:
        matches = tuple(self.pattern.finditer(sentence))
        if matches and self.unless is not None and self.unless.search(sentence):
            return ()
        return matches

    def breaks(self, sentence: str) -> bool:
        """True when ``violations(sentence)`` is not empty."""
        return self.pattern.search(sentence) is not None and (
            self.unless is None or self.unless.search(sentence) is None
        )


@dataclass(frozen=True)
class Masking:
    emails: bool = True
    phones: bool = True
    contact_names: bool = True
    email_mask: str = "•••••@•••••"
    phone_mask: str = "•••-•••-••••"


@dataclass(frozen=True)
class Policy:
    name: str
    disclaimers: tuple[Disclaimer, ...]
    forbidden: tuple[WordingRule, ...]
    masking: Masking
    citation_style: str = "numeric"
    source: str = "<built-in>"

    def disclaimers_at(self, placement: Placement) -> tuple[Disclaimer, ...]:
        return tuple(d for d in self.disclaimers if d.placement == placement)

    def forbidden_in(self, sentence: str) -> tuple[tuple[WordingRule, re.Match[str]], ...]:
        """Every forbidden phrase in one sentence, with the rule it breaks."""
        return tuple((rule, m) for rule in self.forbidden for m in rule.violations(sentence))

    def forbids(self, sentence: str) -> bool:
        """True when ``forbidden_in(sentence)`` finds anything: one search per rule, no matches
        collected (the plainness gate asks this of every registry sentence)."""
        return any(rule.breaks(sentence) for rule in self.forbidden)


# An e-mail address, and a phone number: 9 to 15 digits in groups with separators, optionally
# with a country code. Dates, registry ids and counts do not match: they have fewer digits,
# letters in front, or no separators of the phone kind.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(
    r"(?<![\w/.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,5}){1,4}(?![\w/-])"
)
# ISO dates and EudraCT numbers (2019-001234-56) have phone-like digit groups.
# Toll-free numbers written with letters: 1-877-CTLILLY, 1 800 FLOWERS.
VANITY_PHONE = re.compile(
    r"(?<![\w-])(?:\+?1[\s.-])?8(?:00|33|44|55|66|77|88)[\s.-][A-Z0-9]{3}[\s.-]?[A-Z0-9]{4,7}\b"
)
_NOT_PHONE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{6}-\d{2}$")


_NINE_DIGITS = re.compile(r"\d(?:\D*\d){8}")  # a phone number has at least 9 digits


def _is_phone(text: str) -> bool:
    digits = sum(c.isdigit() for c in text)
    return 9 <= digits <= 15 and not _NOT_PHONE.match(text.strip())


def mask_contacts(text: str, masking: Masking) -> str:
    """``text`` with e-mail addresses and phone numbers replaced by the policy's masks."""
    # The cheap tests first: most sentences hold no "@" and fewer digits than any phone number,
    # and the regular expressions are the pipeline's hottest spot (measured in benchmarks/).
    if masking.emails and "@" in text:
        text = EMAIL.sub(masking.email_mask, text)
    if masking.phones and _NINE_DIGITS.search(text):
        text = PHONE.sub(lambda m: masking.phone_mask if _is_phone(m[0]) else m[0], text)
    if masking.phones and "8" in text:
        text = VANITY_PHONE.sub(masking.phone_mask, text)
    return text


def find_contacts(text: str) -> tuple[re.Match[str], ...]:
    """E-mail addresses and phone numbers in ``text`` (for checks and tests)."""
    found = [
        *EMAIL.finditer(text),
        *(m for m in PHONE.finditer(text) if _is_phone(m[0])),
        *VANITY_PHONE.finditer(text),
    ]
    by_span = {m.span(): m for m in found}  # a number both patterns match is one finding
    return tuple(by_span[span] for span in sorted(by_span))


def load_policy(path: str | Path | None = None) -> Policy:
    """The built-in policy, or the one in ``path``. Errors name the file and key."""
    if path is None:
        return _builtin()
    file = Path(path)
    try:
        text = file.read_text("utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read policy: {error.strerror}", Location(str(file))) from None
    return _parse(text, str(file))


@functools.cache
def _builtin() -> Policy:
    text = files("plainlang.policy").joinpath("data", "default.yaml").read_text("utf-8")
    return _parse(text, "plainlang/policy/data/default.yaml")


_KEYS = {"name", "version", "disclaimers", "citations", "masking", "forbidden", "description"}


def _parse(text: str, source: str) -> Policy:
    try:
        data = safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(
            f"invalid YAML: {getattr(error, 'problem', error)}",
            Location(source, mark.line + 1 if mark else None, mark.column + 1 if mark else None),
        ) from None
    if not isinstance(data, dict):
        raise ConfigError("a policy must be a mapping", Location(source))
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(
            f"unknown key {unknown[0]!r}",
            Location(source, field=unknown[0]),
            hint="known keys: " + ", ".join(sorted(_KEYS)),
        )
    return Policy(
        name=str(data.get("name", Path(source).stem)),
        disclaimers=tuple(_disclaimer(d, i, source) for i, d in enumerate(data.get("disclaimers") or [])),
        forbidden=tuple(_rule(r, i, source) for i, r in enumerate(data.get("forbidden") or [])),
        masking=_masking(data.get("masking") or {}, source),
        citation_style=str((data.get("citations") or {}).get("style", "numeric")),
        source=source,
    )


def _require(entry: Any, key: str, field: str, source: str) -> str:
    if not isinstance(entry, dict) or not isinstance(entry.get(key), str) or not entry[key].strip():
        raise ConfigError(f"missing or empty {key!r}", Location(source, field=f"{field}.{key}"))
    value: str = entry[key].strip()
    return value


def _disclaimer(entry: Any, index: int, source: str) -> Disclaimer:
    field = f"disclaimers[{index}]"
    raw = entry.get("placement", "end") if isinstance(entry, dict) else "end"
    placement: Placement = "top" if raw == "top" else "end"
    if raw not in ("top", "end"):
        raise ConfigError(
            f"placement must be 'top' or 'end', not {raw!r}",
            Location(source, field=f"{field}.placement"),
        )
    return Disclaimer(_require(entry, "id", field, source), _require(entry, "text", field, source), placement)


def _compile(pattern: str, field: str, source: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ConfigError(f"invalid pattern: {error}", Location(source, field=field)) from None


def _rule(entry: Any, index: int, source: str) -> WordingRule:
    field = f"forbidden[{index}]"
    unless = entry.get("unless") if isinstance(entry, dict) else None
    return WordingRule(
        id=_require(entry, "id", field, source),
        pattern=_compile(_require(entry, "pattern", field, source), f"{field}.pattern", source),
        message=_require(entry, "message", field, source),
        unless=_compile(unless, f"{field}.unless", source) if unless else None,
    )


def _masking(entry: Any, source: str) -> Masking:
    if not isinstance(entry, dict):
        raise ConfigError("masking must be a mapping", Location(source, field="masking"))
    known = {"emails", "phones", "contact_names", "email_mask", "phone_mask"}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise ConfigError(f"unknown key {unknown[0]!r}", Location(source, field=f"masking.{unknown[0]}"))
    return Masking(**entry)


__all__ = [
    "Disclaimer",
    "Masking",
    "Policy",
    "WordingRule",
    "find_contacts",
    "load_policy",
    "mask_contacts",
]
