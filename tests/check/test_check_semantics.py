"""What a demanding publisher expects of the rules: every explanation style the explain stage
writes passes ``jargon.unexplained`` and ``abbreviation.unexpanded``; names of organisations
are not jargon; a section is graded only on enough prose; and the faster rule machinery finds
exactly what the plain version did."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plainlang
from plainlang.check import CheckRun, check
from plainlang.check.markup import read_prose
from plainlang.check.page import Page
from plainlang.check.prose import BlockBuilder, mask_urls
from plainlang.check.rules import builtin_rules, parse_rules
from plainlang.check.rules.base import alternatives, first_letters, word_start
from plainlang.check.rules.sources import _any_of, _may_hold_contact, normalise
from plainlang.check.summary_json import decode_literal
from plainlang.explain import explain
from plainlang.explain.apply import STYLES
from plainlang.explain.names import in_name, names
from plainlang.policy import find_contacts, load_policy

GLOSSARY_RULES = ("jargon.unexplained", "abbreviation.unexpanded")
# Terms the built-in glossary knows, used first as an abbreviation (AML), as a word (placebo,
# refractory), in a list item (biopsy) and under a second heading (infusion).
TEXTS = (
    "The study is for adults with AML. People with AML get the study drug once a week.",
    "Your blood is tested often. Some people get a placebo.\n\n- Adults with refractory AML.\n"
    "- People who had a biopsy.",
    "## Who can join\n\nAdults with AML who had chemotherapy.\n\n## What happens\n\n"
    "You get an infusion. The team checks for adverse events and AML relapse.",
)


def _glossary_findings(text: str, profile: plainlang.Profile | None = None) -> list[str]:
    return [str(f) for f in check(text, profile).findings if f.rule_id in GLOSSARY_RULES]


@pytest.mark.parametrize("style", [s for s in STYLES if s != "none"])
@pytest.mark.parametrize("text", TEXTS, ids=["abbreviation-first", "list-items", "two-sections"])
def test_a_text_explained_in_each_style_passes_the_glossary_rules(style: str, text: str) -> None:
    explained = explain(text, style=style).text  # type: ignore[arg-type]
    assert explained is not None
    assert _glossary_findings(text), "the raw text must need explaining, or the test proves nothing"
    assert _glossary_findings(explained) == [], explained


@pytest.mark.parametrize(
    "text",
    [
        # the sentence-after form the "fit" style writes when a parenthesis would make a
        # sentence too long: the term's own sentence, then one that says what it means
        "The study is for adults whose illness is refractory after two or more earlier medicines. "
        "Refractory means the illness did not get better with treatment.",
        "- Adults whose illness is refractory after two earlier medicines. Refractory means the "
        "illness did not get better with treatment.",
        # the parenthesis form
        "The study is for adults whose illness is refractory (did not get better with treatment).",
        # a "Words to know" section
        "The study is for adults whose illness is refractory.\n\n## Words to know\n\n"
        "- **refractory**: did not get better with treatment",
    ],
    ids=["sentence-after", "sentence-after-in-item", "parenthesis", "words-to-know"],
)
def test_each_written_explanation_form_counts_as_explained(text: str) -> None:
    assert _glossary_findings(text) == []


def test_the_same_text_without_its_explanation_is_flagged() -> None:
    assert _glossary_findings("The study is for adults whose illness is refractory.")


def test_an_abbreviation_with_its_definition_after_it_in_the_parenthesis_is_spelled_out() -> None:
    text = (
        "Adults with acute myeloid leukemia (AML, a blood cancer) can join. People with AML get the medicine."
    )
    assert _glossary_findings(text) == []


def test_the_full_term_then_the_bare_abbreviation_is_still_unexpanded() -> None:
    text = "Acute myeloid leukemia (a blood cancer) is what this study is about. People with AML can join."
    assert any("abbreviation.unexpanded" in f for f in _glossary_findings(text))


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The study runs at the Joint Clinical Research Centre in Kampala.",
            "Joint Clinical Research Centre",
        ),
        (
            "It runs at Baylor College of Medicine Children's Foundation, Gaborone.",
            "Baylor College of Medicine Children's Foundation",
        ),
        ("They go to MRC/UVRI Uganda Research Unit on AIDS today.", "MRC/UVRI Uganda Research Unit on AIDS"),
        (
            "Texas Cardiac Arrhythmia Institute, Austin, Texas: looking for people.",
            "Texas Cardiac Arrhythmia Institute",
        ),
    ],
)
def test_a_run_of_capitalised_words_with_an_organisation_word_is_a_name(text: str, name: str) -> None:
    assert [text[n.start : n.end] for n in names(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "People get Allogeneic Hematopoietic Stem Cell Transplantation.",  # a treatment label
        "Some people get Usual Care in the Usual Care Group.",  # "Group" names study arms too
        "Recurrent Childhood Acute Lymphoblastic Leukemia.",  # a condition as registered
        "Hospital care is given.",  # one capitalised word at the start of a sentence
    ],
)
def test_title_case_without_an_organisation_word_is_not_a_name(text: str) -> None:
    assert names(text) == ()


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("The site is UZ Leuven.", "UZ"),
        ("CHU de Nantes is looking for people.", "CHU"),
        ("ASST Fatebenefratelli Sacco closed.", "ASST"),
    ],
)
def test_an_organisation_acronym_makes_a_name_and_is_part_of_it(text: str, acronym: str) -> None:
    start = text.index(acronym)
    assert in_name(names(text), start, start + len(acronym))
    assert all(f"'{acronym}'" not in f for f in _glossary_findings(text))


def test_a_glossary_term_inside_a_name_is_not_judged_but_its_later_use_is() -> None:
    name_only = "The study runs at the Joint Clinical Research Centre in Kampala."
    assert _glossary_findings(name_only) == []
    later = name_only + " Clinical research takes years."
    assert [f for f in _glossary_findings(later) if "'Clinical research'" in f]


def test_capitals_inside_a_name_are_not_abbreviations_but_the_same_capitals_alone_are() -> None:
    assert _glossary_findings("The study runs at the MRC/UVRI Uganda Research Unit on AIDS in Entebbe.") == []
    alone = _glossary_findings("The study runs at the MRC Unit in Entebbe.")
    assert any("'MRC'" in f for f in alone)


def test_an_organisation_word_that_is_a_term_is_part_of_a_name_with_another_title_word() -> None:
    text = "Mayo Clinic in Rochester is looking for people."
    assert in_name(names(text), 5, 11)  # "Clinic"
    assert not in_name(names("The clinic is open."), 4, 10)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Entebbe: MRC /UVRI Uganda Research Unit on AIDS.", "MRC /UVRI Uganda Research Unit on AIDS"),
        (
            "IKCU, Ataturk Training and Research Hospital, Department of Emergency Medicine.",
            "IKCU, Ataturk Training and Research Hospital, Department of Emergency Medicine",
        ),
        ("Toronto General Hospital - UHN is looking for people.", "Toronto General Hospital - UHN"),
        ("Ames: McFarland Clinic, PC.", "McFarland Clinic, PC"),
        (
            "Basel: St. Claraspital AG - Department of Pulmonary Medicine.",
            "St. Claraspital AG - Department of Pulmonary Medicine",
        ),
        (
            "Antwerp: SGS Life Sciences, Clinical Pharmacology Unit.",
            "SGS Life Sciences, Clinical Pharmacology Unit",
        ),
    ],
)
def test_parts_joined_to_a_name_by_a_comma_or_dash_at_the_clause_edge_are_in_the_name(
    text: str, name: str
) -> None:
    assert [text[n.start : n.end] for n in names(text)] == [name]
    assert _glossary_findings(text) == []


@pytest.mark.parametrize(
    ("text", "abbreviation"),
    [
        ("Mayo Clinic, HIV and AIDS clinics are here.", "AIDS"),  # mid-sentence: text
        ("People with LCM, Mayo Clinic runs the study.", "LCM"),  # not at a line or label start
        ("The study runs at the MRC Unit in Entebbe.", "MRC"),  # one Title Case word: no name
    ],
)
def test_capitals_next_to_a_name_in_running_text_are_still_judged(text: str, abbreviation: str) -> None:
    assert any(f"'{abbreviation}'" in f for f in _glossary_findings(text))


def test_a_place_after_a_comma_is_not_part_of_the_name() -> None:
    text = "It runs at Baylor College of Medicine Children's Foundation, Gaborone."
    assert [text[n.start : n.end] for n in names(text)] == [
        "Baylor College of Medicine Children's Foundation"
    ]


def test_a_term_that_is_the_whole_run_is_not_a_name() -> None:
    text = "Intensive Care Unit"
    assert not in_name(names(text), 0, len(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ABCDEFGHabcdefgh /.-'", max_size=80))
def test_names_lie_inside_the_text_and_never_overlap(text: str) -> None:
    found = names(text)
    ends = -1
    for name in found:
        assert 0 <= name.start < name.end <= len(text)
        assert name.start >= ends
        ends = name.end
        assert all(name.start <= s < e <= name.end for s, e in name.organisation)


# --- per-section grades ------------------------------------------------------------------------

HARD = (
    "Participants demonstrating hematological malignancies receive investigational immunotherapeutic "
    "interventions administered intravenously."
)
LIST_SECTION = "## Where the study runs\n\n" + "".join(
    f"- Comprehensive Pediatric Hematology Oncology Institute Number {n}, Minneapolis, Minnesota.\n"
    for n in ("One", "Two", "Three", "Four", "Five", "Six")
)
EASY = "You take the pill each day. A nurse sees you each week. You can stop at any time. " * 4


def _section_grades(text: str, profile: plainlang.Profile | None = None) -> list[str]:
    return [f.message for f in check(text, profile).findings if "of section" in f.message]


def test_a_list_section_is_not_graded_on_its_own() -> None:
    page = f"## What happens\n\n{EASY}\n\n{LIST_SECTION}"
    assert _section_grades(page) == []


def test_a_prose_section_of_enough_words_above_target_is_graded() -> None:
    prose = " ".join([HARD] * 11)  # 11 sentences, 110 words
    page = f"## What happens\n\n{EASY}\n\n## Treatment\n\n{prose}\n"
    assert any("section 'Treatment'" in m for m in _section_grades(page))


def test_a_short_prose_section_is_graded_when_the_profile_lowers_the_minimum() -> None:
    page = f"## What happens\n\n{EASY}\n\n## Treatment\n\n{HARD} {HARD} {HARD}\n"
    assert _section_grades(page) == []
    strict = dataclasses.replace(plainlang.Profile(), section_grade_words=20)
    assert any("section 'Treatment'" in m for m in _section_grades(page, strict))


def test_section_grade_words_is_read_from_the_configuration_file(tmp_path: Path) -> None:
    (tmp_path / "plainlang.yaml").write_text("section_grade_words: 20\n", "utf-8")
    page = tmp_path / "page.md"
    page.write_text(f"## What happens\n\n{EASY}\n\n## Treatment\n\n{HARD} {HARD} {HARD}\n", "utf-8")
    messages = [f.message for f in CheckRun().run([page]).findings]
    assert any("section 'Treatment'" in m for m in messages)


# --- the faster machinery finds what the plain one did -------------------------------------------

PATTERN_PIECES = st.lists(
    st.sampled_from([r"\b", "a", "b", "|", "(", ")", "[|]", r"\|", "(?:", "x*", "[^]|]"]), max_size=12
)


@given(PATTERN_PIECES)
def test_alternatives_join_back_to_the_pattern(pieces: list[str]) -> None:
    pattern = "".join(pieces)
    assert "|".join(alternatives(pattern)) == pattern


def test_alternatives_split_only_at_the_top_level() -> None:
    assert alternatives(r"\(\s*{0}\s*\)|\b{0}s?(a|b)|[|]x") == (r"\(\s*{0}\s*\)", r"\b{0}s?(a|b)", "[|]x")


WORDS = st.text(alphabet="abcne fr-—–  \n\t“”'’", max_size=60)


@settings(max_examples=300)
@given(WORDS, WORDS, WORDS)
def test_text_found_verbatim_is_found_after_normalising(before: str, part: str, after: str) -> None:
    # Required.hits skips normalising when the text is on the page as written: sound only if
    # normalising keeps a part of the page a part of it.
    assert normalise(part) in normalise(before + part + after)


PHRASES = ((r"\bnew (?:drugs?|cures?)\b", re.IGNORECASE), (r"\bfree\b|\bat no cost\b", re.IGNORECASE))


@settings(max_examples=300)
@given(st.text(alphabet="newfr dugsatocNEWFRE.-", max_size=40))
def test_one_pattern_for_all_phrases_matches_where_some_phrase_does(text: str) -> None:
    some = any(re.search(p, text, f) for p, f in PHRASES)
    assert bool(_any_of(PHRASES).search(text)) == some


def test_a_substitution_whose_swap_has_its_own_group_suggests_the_right_word() -> None:
    rules = parse_rules(
        "rules:\n  - id: wording.test\n    type: substitution\n    severity: info\n"
        "    message: '{replacement}'\n    description: d\n"
        "    params: {swap: {'(?:pri)(or) to': before, 'utili[sz]e': use}}\n"
        "    examples: {fail: ['x'], pass: ['y']}\n",
        "<test>",
    )
    page_hits = [h.values["replacement"] for h in rules[0].hits(_page("Prior to that, utilise it."))]
    assert page_hits == ["before", "use"]


def _page(text: str) -> Page:
    return Page(read_prose(text, "markdown"), "<t>", plainlang.Profile(), load_policy())


@pytest.mark.parametrize(
    "text", ["Call 1-877-CTLILLY for details.", "Write to a.b@example.org.", "Call +1 555 123 4567 today."]
)
def test_contact_details_are_found_past_the_quick_prefilter(text: str) -> None:
    assert "pii.contact" in [f.rule_id for f in check(text).findings]


@pytest.mark.parametrize("address", ["https://example.org/a", "WWW.Example.org", "ftp://x.example"])
def test_web_addresses_are_masked_past_the_quick_prefilter(address: str) -> None:
    masked = mask_urls(f"See {address} now.")
    assert address not in masked
    assert len(masked) == len(f"See {address} now.")


@settings(max_examples=500)
@given(st.text(alphabet="0123456789 .-+()@abAB8\n,[]", max_size=40))
def test_a_block_the_contact_prefilter_passes_over_holds_no_contact(text: str) -> None:
    if not _may_hold_contact(text):
        assert find_contacts(text) == ()


@pytest.mark.parametrize(
    ("pattern", "letters"),
    [
        (r"\bnew (?:drugs?|cures?)\b", {"n"}),
        (r"\b(?:is|are)\s+safe\b|\bno side effects\b", {"i", "a", "n"}),
        (r"\bcur(?:e|es)\b", {"c"}),
        (r"\b(?:is)?\s+safe", None),  # an optional first part
        (r"\b[Cc]ure", None),  # a class
        (r"\bs?afe", None),
        (r"\b\w+ly\b", None),
    ],
)
def test_first_letters_of_a_phrase_pattern_or_none_when_unsure(
    pattern: str, letters: set[str] | None
) -> None:
    assert first_letters(pattern) == letters


MIXED = ((r"\bnew drugs?\b", re.IGNORECASE), (r"\bFree\b", 0))


@settings(max_examples=300)
@given(st.text(alphabet="newfr dugsFREEW.-", max_size=30))
def test_phrases_with_different_flags_still_match_where_one_does(text: str) -> None:
    some = any(re.search(p, text, f) for p, f in MIXED)
    assert bool(_any_of(MIXED).search(text)) == some


SHIPPED = {r.id: r for r in builtin_rules()}
PASSIVE = r"\b(?:is|was|were)\s+(?:\w+ly\s+)?(?:\w+ed|given)\b"


@settings(max_examples=300)
@given(st.text(alphabet="is wa ergvnedly.UTILSEAPR", max_size=40))
def test_a_class_of_first_letters_before_the_alternation_changes_no_match(text: str) -> None:
    plain = re.compile(PASSIVE, re.IGNORECASE)
    fast = re.compile(word_start((PASSIVE,)) + f"(?:{PASSIVE})", re.IGNORECASE)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_shipped_pattern_rules_start_with_a_class_of_first_letters() -> None:
    for rule_id in ("style.passive", "wording.simpler"):
        pattern = getattr(SHIPPED[rule_id], "pattern", None)
        assert pattern is not None and pattern.pattern.startswith(r"\b(?=[")


@settings(max_examples=300)
@given(st.text(max_size=40), st.booleans())
def test_a_json_literal_decodes_to_its_string_with_each_character_at_its_place(
    text: str, ascii_only: bool
) -> None:
    literal = json.dumps(text, ensure_ascii=ascii_only)
    source = f"[{literal}]"
    out = BlockBuilder()
    decode_literal(source, 1, 1 + len(literal), out)
    assert "".join(out.chars) == text
    for char, offset in zip(out.chars, out.offsets, strict=True):
        assert source[offset] == char or source[offset] == "\\"
    assert out.offsets == sorted(out.offsets)


def test_a_term_right_before_a_citation_marker_is_its_first_use() -> None:
    # "leukemia.[1]" is one token to a spaCy-style tokenizer; the marker must not hide the use
    text = (
        "The study is for people with acute myeloid leukemia.[1]\n\nLater, acute myeloid leukemia again.[1]\n"
    )
    findings = _glossary_findings(text)
    assert len(findings) == 1 and findings[0].startswith("<text>:1:"), findings


@pytest.mark.parametrize(
    ("before", "short", "expected"),
    [
        ("children with retinopathy of prematurity ", "ROP", True),
        ("children with respiratory syncytial virus ", "RSV", True),
        ("adults with obstructive sleep apnea or ", "OSA", False),  # "or" is no part of it
        ("children with retinopathy ", "ROP", False),
        ("children with retinopathy of prematurity, ", "ROP", False),  # not right before it
    ],
)
def test_full_words_right_before_an_abbreviation_spell_it_out(
    before: str, short: str, expected: bool
) -> None:
    from plainlang.check.jargon import written_out_before

    assert written_out_before(before, short) is expected


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["# Head", "Some words.", "- An item.", "", "Two. Sentences."]), max_size=8))
def test_a_page_block_span_covers_its_whole_block_in_order(lines: list[str]) -> None:
    page = _page("\n\n".join(lines) + "\n")
    assert [(s.block, s.start, s.end, s.text) for s in page.block_spans] == [
        (b, 0, len(b.text), b.text) for b in page.blocks
    ]
    assert page.block_spans is page.block_spans  # built once per page
