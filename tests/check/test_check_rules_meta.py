"""Every rule ships with examples that must fail and must pass, and they do (proselint's rule).

Loading refuses a rule without both kinds of example, so this file also proves that refusal.
"""

from __future__ import annotations

import json

import pytest

from plainlang.check import check
from plainlang.check.fidelity import facts_of
from plainlang.check.report import SEVERITIES
from plainlang.check.rules import Rule, builtin_rules, parse_rules
from plainlang.errors import CheckError
from plainlang.policy import load_policy

RULES = builtin_rules()
POLICY = load_policy()
REQUIRED_IDS = {
    "readability.grade",
    "readability.long-sentence",
    "abbreviation.unexpanded",
    "disclaimer.missing",
    "citation.missing",
    "citation.dangling",
    "citation.registry-id",
    "pii.contact",
    "wording.promotional",
    "fidelity.number",
    "style.passive",
}


def _ids(rule: Rule, text: str) -> list[str]:
    against = facts_of(json.loads(rule.against), "<example>") if rule.against else None
    return [f.rule_id for f in check(text, against=against).findings]


def test_every_rule_the_issue_names_is_shipped() -> None:
    assert {rule.id for rule in RULES} >= REQUIRED_IDS


def test_style_passive_is_info_level_by_default() -> None:
    assert next(r for r in RULES if r.id == "style.passive").severity == "info"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples_that_must_fail_and_must_pass(rule: Rule) -> None:
    assert rule.fail and rule.passing
    assert rule.severity in SEVERITIES
    assert rule.description


@pytest.mark.parametrize(
    ("rule", "example"),
    [(r, e) for r in RULES for e in r.examples(POLICY, "fail")],
    ids=lambda v: getattr(v, "id", ""),
)
def test_failing_example_gives_a_finding_of_its_rule(rule: Rule, example: str) -> None:
    assert rule.id in _ids(rule, example), example


@pytest.mark.parametrize(
    ("rule", "example"),
    [(r, e) for r in RULES for e in r.examples(POLICY, "pass")],
    ids=lambda v: getattr(v, "id", ""),
)
def test_passing_example_gives_no_finding_of_its_rule(rule: Rule, example: str) -> None:
    assert rule.id not in _ids(rule, example), example


BASE = """
rules:
  - id: demo.rule
    type: existence
    severity: warning
    message: "found {match}"
    params: {patterns: ['\\bdemo\\b']}
"""


@pytest.mark.parametrize(
    "examples",
    [
        "",
        "    examples: {fail: [demo]}\n",
        "    examples: {pass: [ok]}\n",
        "    examples: {fail: [], pass: [ok]}\n",
    ],
)
def test_loading_refuses_a_rule_without_both_kinds_of_example(examples: str) -> None:
    with pytest.raises(CheckError) as caught:
        parse_rules(BASE + examples, "rules.yaml")
    assert caught.value.code == "K005"
    assert "rules.yaml:3" in str(caught.value) and "demo.rule" in str(caught.value)


def test_loading_accepts_a_rule_with_both_kinds_of_example() -> None:
    (rule,) = parse_rules(BASE + "    examples: {fail: [a demo], pass: [fine]}\n", "rules.yaml")
    assert rule.id == "demo.rule" and rule.fail == ("a demo",)


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (("type: existence", "type: magic"), "unknown rule type 'magic'"),
        (("severity: warning", "severity: fatal"), "severity must be one of"),
        (("id: demo.rule", "id: Demo"), "dotted lower-case"),
        (("'\\bdemo\\b'", "'(unclosed'"), "invalid pattern"),
    ],
)
def test_a_bad_rule_is_refused_with_its_place(change: tuple[str, str], needle: str) -> None:
    text = (BASE + "    examples: {fail: [a demo], pass: [fine]}\n").replace(*change)
    with pytest.raises(CheckError, match=r"rules\.yaml") as caught:
        parse_rules(text, "rules.yaml")
    assert needle in str(caught.value)


def test_a_rule_defined_twice_is_refused() -> None:
    one = BASE + "    examples: {fail: [a demo], pass: [fine]}\n"
    with pytest.raises(CheckError, match="defined twice"):
        parse_rules(one + one.replace("rules:\n", ""), "rules.yaml")
