"""Suppressions, severity overrides, the library API and the rules' own behaviour in detail."""

from __future__ import annotations

from pathlib import Path

from _pages import disclaimers
from hypothesis import given, settings
from hypothesis import strategies as st

import plainlang
from plainlang.check import check
from plainlang.check.engine import suppressions
from plainlang.check.fidelity import facts_of, normalise_number
from plainlang.check.rules.sources import normalise
from plainlang.policy import load_policy

PROMO = "This breakthrough helps."


def _ids(text: str, **kwargs: object) -> list[str]:
    return [f.rule_id for f in check(text, **kwargs).findings]  # type: ignore[arg-type]


def test_inline_disable_and_enable_suppress_only_between_them() -> None:
    text = (
        f"{PROMO}\n\n<!-- plainlang-disable wording.promotional -->\n\n{PROMO}\n\n"
        f"<!-- plainlang-enable wording.promotional -->\n\n{PROMO}\n"
    )
    lines = [f.line for f in check(text).findings if f.rule_id == "wording.promotional"]
    assert lines == [1, 9]


def test_disable_without_ids_suppresses_every_rule_to_the_end() -> None:
    text = f"{PROMO}\n\n<!-- plainlang-disable -->\n\n{PROMO} Mail a@b.example.\n"
    findings = check(text).findings
    assert {f.line for f in findings if f.rule_id in ("wording.promotional", "pii.contact")} == {1}


def test_disable_names_several_rules_separated_by_commas() -> None:
    ranges = suppressions("<!-- plainlang-disable pii.contact, style.passive -->x").ranges
    assert set(ranges) == {"pii.contact", "style.passive"}


def test_api_accepts_a_path_and_reads_the_format_from_its_suffix(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>This <b>breakthrough</b> helps.</p>", "utf-8")
    report = plainlang.check(page)
    assert not report.ok
    assert [f.file for f in report.findings if f.rule_id == "wording.promotional"] == [str(page)]


DISCLAIMERS = disclaimers()


def test_report_ok_follows_the_fail_level() -> None:
    text = "The drug is given by a nurse.\n\n" + DISCLAIMERS  # style.passive is info
    assert "style.passive" in _ids(text)
    assert check(text, fail_level="error").ok
    assert not check(text, fail_level="info").ok


def test_repr_html_escapes_every_value() -> None:
    report = check("Write to x@evil.example about the breakthrough.")
    rendered = report._repr_html_()
    assert "<table" in rendered and "x@evil.example" in rendered
    assert "<text>" not in rendered and "&lt;text&gt;" in rendered  # the file name, escaped
    assert "&#39;breakthrough&#39;" in rendered  # quotes of the message, escaped (Jinja2's entity)
    assert "<code>" in rendered  # rule ids, through plainlang.display's report template


def test_disclaimers_match_despite_white_space_quotes_dashes_and_case() -> None:
    assert normalise("It’s  a  “test” — ok") == normalise('it\'s a "TEST" - ok')


def test_policy_disclaimers_written_loosely_still_count() -> None:
    loose = "\n\n".join(
        d.text.upper().replace(" ", "  \n ", 1).replace("'", "’") for d in load_policy().disclaimers
    )
    assert "disclaimer.missing" not in _ids(loose)
    assert "disclaimer.missing" in _ids(loose.split("\n\n")[0])


def test_citation_dangling_reports_both_directions() -> None:
    text = "Fact one.[1] Fact two.[2]\n\n## References\n\n1. One.\n3. Three.\n"
    messages = [f.message for f in check(text).findings if f.rule_id == "citation.dangling"]
    assert messages == ["[2] has no reference", "reference 3 is never cited"]


def test_abbreviation_expanded_at_first_use_passes_and_unexpanded_later_one_fails() -> None:
    text = "People with acute myeloid leukemia (AML) can join. People with CML cannot."
    flagged = [f.message for f in check(text).findings if f.rule_id == "abbreviation.unexpanded"]
    assert len(flagged) == 1 and "'CML'" in flagged[0]


def test_fidelity_dates_count_in_any_spelling() -> None:
    facts = facts_of({"start": "2024-06-24", "other": "June 2023", "n": 1200}, "<r>")
    ok = "Started June 24, 2024. Also 24 June 2024 and 2024-06 and Jun 2023. We need 1,200 people."
    assert "fidelity.number" not in _ids(ok, against=facts)
    assert "fidelity.number" in _ids("Started June 25, 2024.", against=facts)
    assert "fidelity.number" in _ids("We need 1,300 people.", against=facts)


def test_fidelity_ignores_registry_ids_citations_and_names_with_digits() -> None:
    facts = facts_of({"n": 5}, "<r>")
    text = "Study NCT01234567 on COVID-19 and H1N1 has 5 arms.[3]"
    assert "fidelity.number" not in _ids(text, against=facts)


def test_fidelity_accepts_the_count_of_a_list_in_the_record() -> None:
    facts = facts_of({"locations": [{"city": "A"}, {"city": "B"}, {"city": "C"}]}, "<r>")
    assert "fidelity.number" not in _ids("The study runs at 3 sites.", against=facts)


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**9))
def test_number_normalising_removes_thousands_separators(value: int) -> None:
    assert normalise_number(f"{value:,}") == normalise_number(str(value)) == str(value)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("abc .,\n[]1*_#-<>!"), max_size=80))
def test_check_never_fails_and_findings_point_inside_the_text(text: str) -> None:
    report = check(text)
    lines = text.split("\n")
    for finding in report.findings:
        assert 1 <= finding.line <= len(lines)
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1
