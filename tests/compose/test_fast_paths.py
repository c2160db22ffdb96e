"""The shortcuts compose takes for speed answer exactly what the plain versions they replace answer.

Each test keeps the former, straightforward definition and compares it with the fast one on
text built from the pieces that decide the answer (glossary terms, abbreviations, forbidden
wording, fragments, definitions in parentheses).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.compose.abbreviations import (
    _BREAK,
    _CANDIDATE,
    _after_last_break,
    _is_short_form,
    long_form_for,
    page_abbreviations,
    record_abbreviations,
)
from plainlang.compose.cite import Citer, note, paragraph
from plainlang.compose.people_sections import MAX_CRITERIA, _criteria, _criterion
from plainlang.compose.phrasing import say_count, say_list
from plainlang.compose.plainness import (
    _CUT_LEAD,
    _FRAGMENT_END,
    _LEADS_INTO_LIST,
    _LIST_HEADING,
    _OTHER_TRIAL,
    MAX_TERMS,
    Gate,
    Limits,
    abbreviation_spans,
    build_gate,
    defined_abbreviations,
    expansion_words,
    hard_words,
    is_fragment,
    rejection,
    says_forbidden,
)
from plainlang.compose.study_sections import (
    MAX_OTHER_MEASURES,
    MAX_OTHER_NAMES,
    _holds_terms,
    _intervention_item,
    _measure,
    _plain_name,
    what_is_measured,
)
from plainlang.compose.wording import load_wording
from plainlang.config import Profile
from plainlang.explain import Glossary
from plainlang.explain.fit import words
from plainlang.model import Block, Document, Field, Intervention, Outcome, Section, Sentence
from plainlang.policy import load_policy
from plainlang.records import load


def _rejection_step_by_step(sentence: str, gate: Gate) -> str:
    """The former ``rejection``: every rule in turn, the glossary scan and each term's policy
    check done afresh for every sentence."""
    if words(sentence) > gate.limits.words:
        return "long"
    if is_fragment(sentence):
        return "fragment"
    if gate.policy.forbidden_in(sentence):
        return "wording"
    if _OTHER_TRIAL.search(sentence):
        return "id"
    matches = gate.glossary.find(sentence)
    for term in {t for m in matches if (t := gate.glossary.get(m.term)) is not None}:
        if says_forbidden(term, gate.policy):
            return "wording"
    if words(sentence) + expansion_words(matches, gate.glossary) > gate.limits.words:
        return "long"
    known = (
        {m.surface for m in matches if m.is_abbreviation} | gate.defined | defined_abbreviations([sentence])
    )
    inside = [(m.start, m.end) for m in matches]
    for start, end, short in abbreviation_spans(sentence):
        if short not in known and not any(s <= start and end <= e for s, e in inside):
            return "abbreviation"
    if hard_words(sentence, [(m.start, m.end) for m in matches]) > gate.limits.hard_words:
        return "hard"
    if len({m.term for m in matches}) > MAX_TERMS:
        return "hard"
    return ""


# Pieces that decide verdicts: plain words, hard words, glossary terms and abbreviations (known,
# unknown, plural, spelled out), a term whose definition or explanation the policy forbids
# ("curative", "ECOG performance status"), forbidden wording, another trial's id, fragment ends.
_PIECES = [
    "people",
    "can",
    "join",
    "the",
    "study",
    "age",
    "18",
    "years",
    "or",
    "older",
    "documented",
    "cardiovascular",
    "abnormality",
    "investigational",
    "chemotherapy",
    "acute myeloid leukemia",
    "AML",
    "GVHD",
    "CT scan",
    "IV",
    "LCM",
    "SAEs",
    "R/R",
    "PL-101",
    "COVID-19",
    "Laboratory plus Clinical Monitoring (LCM)",
    "(AML)",
    "curative therapy",
    "ECOG performance status",
    "a new drug",
    "a cure",
    "NCT00055523",
    "either",
    "following:",
    "(",
    ")",
    ",",
    "with",
    "of the",
    "placebo",
    "platelet count",
    "pregnant",
]
_SENTENCES = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map(
    lambda pieces: (text := " ".join(pieces))[0].upper() + text[1:] + "."
)


FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "v2_small.json"


@pytest.fixture(scope="module")
def gate() -> Gate:
    return build_gate(Profile(), load_policy())


@settings(max_examples=300, deadline=None)
@given(st.lists(_SENTENCES, min_size=1, max_size=6), st.integers(3, 30), st.integers(0, 4), st.data())
def test_gate_readings_give_the_verdicts_of_every_rule_asked_in_turn(
    gate: Gate, sentences: list[str], word_limit: int, hard_limit: int, data: st.DataObject
) -> None:
    # a fresh gate per example, asked in an order drawn by Hypothesis, and a roomier copy sharing
    # its readings: a reading learned under one limit must give the verdict of another
    page = Gate(Limits(word_limit, hard_limit), gate.glossary, gate.policy, gate.defined | {"GVHD"})
    room = data.draw(st.integers(0, 3))
    roomier = page.with_room(room)
    for sentence in data.draw(st.permutations(sentences + sentences)):
        asked = data.draw(st.sampled_from([page, roomier]))
        assert asked.reason(sentence) == _rejection_step_by_step(sentence, asked)
        assert rejection(sentence, asked) == _rejection_step_by_step(sentence, asked)
    assert roomier.readings is page.readings


def _is_short_form_by_counting(text: str) -> bool:
    capitals = sum(c.isupper() for c in text)
    return capitals >= 2 and capitals * 2 >= sum(c.isalpha() for c in text) and not text.isdigit()


@given(st.text(alphabet=st.sampled_from(list("aAbB1-é É ǅ")), min_size=1, max_size=10))
def test_short_form_test_agrees_with_counting_capitals(text: str) -> None:
    assert _is_short_form(text) == _is_short_form_by_counting(text)


def _page_abbreviations_word_by_word(document: Document, glossary: Glossary) -> dict[str, str]:
    """The former ``page_abbreviations`` for a page without records: every word tested in turn."""
    known: dict[str, str] = {}
    labels = [b.label for section in document.sections for b in section.blocks if b.label]
    texts = [document.title, *labels, *(s.text for section in document.sections for s in section.sentences())]
    used = {m[0] for text in texts for m in _CANDIDATE.finditer(text) if _is_short_form_by_counting(m[0])}
    for short in sorted(used - set(known)):
        entry = glossary.get(short)
        if entry is not None and short in entry.abbreviations and short not in entry.term:
            known[short] = entry.term
    return {short: long for short, long in known.items() if short in used}


@settings(deadline=None)
@given(st.lists(_SENTENCES, max_size=8), _SENTENCES, _SENTENCES)
def test_page_abbreviations_agree_with_testing_every_word(
    gate: Gate, sentences: list[str], title: str, label: str
) -> None:
    blocks = (
        Block("paragraph", tuple(Sentence(s) for s in sentences)),
        Block("item", (Sentence("This group gets the treatment."),), label=label),
    )
    document = Document(title, (Section("s", "S", blocks),))
    expected = _page_abbreviations_word_by_word(document, gate.glossary)
    assert page_abbreviations(document, (), gate.glossary) == expected


@given(st.text(alphabet=st.sampled_from(list("a .;:()[]{},-\n")), max_size=40))
def test_last_break_searched_from_the_end_is_where_matching_every_break_ends(text: str) -> None:
    assert _after_last_break(text) == max((m.end() for m in _BREAK.finditer(text)), default=0)


_POLICY_PIECES = st.sampled_from(
    [
        "a new drug",
        "investigational",
        "cure",
        "not",
        "is safe",
        "whether",
        "free of charge",
        "breakthrough",
        "pain",
        "promising",
        "will help",
        "to see",
        "the",
        "study",
        ".",
        "curing",
        "no side effects",
    ]
)


@given(st.lists(_POLICY_PIECES, max_size=8).map(" ".join))
def test_policy_forbids_exactly_when_it_finds_forbidden_wording(text: str) -> None:
    policy = load_policy()
    assert policy.forbids(text) == bool(policy.forbidden_in(text))
    for rule in policy.forbidden:
        assert rule.breaks(text) == bool(rule.violations(text))


def _long_form_letter_by_letter(short: str, before: str) -> str | None:
    """The former ``long_form_for``: every letter lowered and compared in turn."""
    words = before.split()
    limit = min(len(short) + 5, 2 * len(short))
    candidate = " ".join(words[-limit:])
    s, i = len(short) - 1, len(candidate) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (candidate[i].lower() != c or (s == 0 and i > 0 and candidate[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    found = candidate[i + 1 :].strip(" ,")
    if not found or found.lower() == short.lower() or len(found) <= len(short):
        return None
    if len(found.split()) < 2 and "-" not in found:
        return None
    return found


@given(
    st.text(alphabet=st.sampled_from(list("LCMaclm1-İΣ")), min_size=1, max_size=6),
    st.text(alphabet=st.sampled_from(list("LCMaclmxy1- ,İΣσ")), max_size=40),
)
def test_long_form_search_agrees_with_comparing_letter_by_letter(short: str, before: str) -> None:
    assert long_form_for(short, before) == _long_form_letter_by_letter(short, before)


@given(
    st.sampled_from(["LCM", "CDM", "R-CHOP", "mRNA", "AML"]),
    st.sampled_from(
        [
            "Laboratory plus Clinical Monitoring",
            "clinically driven monitoring",
            "acute myeloid leukemia",
            "messenger RNA",
            "rituximab cyclophosphamide doxorubicin vincristine prednisone",
            "a b c",
        ]
    ),
)
def test_long_form_search_agrees_on_real_definitions(short: str, before: str) -> None:
    assert long_form_for(short, before) == _long_form_letter_by_letter(short, before)


def _is_fragment_searching_everywhere(sentence: str) -> bool:
    """The former ``is_fragment``: every pattern searched over the whole sentence."""
    text = sentence.strip()
    unbalanced = text.count("(") != text.count(")") or text.count("[") != text.count("]")
    return unbalanced or any(
        p.search(text) for p in (_FRAGMENT_END, _LEADS_INTO_LIST, _CUT_LEAD, _LIST_HEADING)
    )


_FRAGMENT_PIECES = st.sampled_from(
    [
        "either",
        "or",
        "following",
        "including",
        "such as",
        "e.g",
        "the",
        "x",
        "xeither",
        "people",
        ":",
        ",",
        ".",
        "!",
        "?",
        " ",
        "  ",
        "\n",
        "\u00a0",
        "..",
        "(",
        ")",
        "of the following",
        "below",
        "Inclusion criteria",
        "<12",
        "join",
    ]
)


@given(st.lists(_FRAGMENT_PIECES, max_size=10).map("".join))
def test_fragment_end_searched_near_the_end_agrees_with_searching_everywhere(text: str) -> None:
    assert is_fragment(text) == _is_fragment_searching_everywhere(text)


@given(st.lists(_FRAGMENT_PIECES, max_size=10).map(" ".join))
def test_fragment_end_agrees_on_spaced_words(text: str) -> None:
    assert is_fragment(text) == _is_fragment_searching_everywhere(text)


_RULES = st.sampled_from(
    [
        "Age 18 years or older.",
        "Pregnant or breastfeeding.",
        "Able to give consent.",
        "Has had a heart attack in the last year.",
        "Documented uncontrolled intercurrent cardiovascular abnormality.",
        "Diagnosis of one of the following:",
        "Taking part in the DART trial OR.",
        "Not in study NCT00055523.",
    ]
)


def _criteria_reading_every_rule(
    inclusion: tuple[Field[str], ...],
    exclusion: tuple[Field[str], ...],
    whole: Field[str],
    cite: Citer,
    gate: Gate,
) -> list[Block | tuple[Block, ...] | None]:
    """The former ``_criteria``: every rule through the gate before the room is shared out."""
    plain_in = [b for c in inclusion if (b := _criterion(c, cite, gate)) is not None]
    plain_out = [b for c in exclusion if (b := _criterion(c, cite, gate)) is not None]
    room_in = min(
        len(plain_in), max(MAX_CRITERIA - min(len(plain_out), MAX_CRITERIA // 2), MAX_CRITERIA // 2)
    )
    room_out = min(len(plain_out), MAX_CRITERIA - room_in)
    parts: list[Block | tuple[Block, ...] | None] = []
    for title, bullets, room in (
        ("You may be able to join if:", plain_in, room_in),
        ("You may not be able to join if:", plain_out, room_out),
    ):
        if room:
            parts.append(note(title))
            parts.extend(bullets[:room])
    hidden = len(inclusion) + len(exclusion) - room_in - room_out
    if hidden:
        shown = room_in + room_out
        text = (
            f"There are other rules too. The full record lists {say_count(hidden)} more. The study team checks them with you."
            if shown
            else f"The full record lists {say_count(hidden)} rules for who can join. The study team checks them with you."
        )
        parts.append(paragraph((cite.derived(text, whole.path, "count(criteria) - count(shown)"),)))
    return parts


@settings(deadline=None)
@given(st.lists(_RULES, max_size=14), st.lists(_RULES, max_size=14))
def test_criteria_read_up_to_the_bullets_shown_give_what_reading_every_rule_gave(
    gate: Gate, inclusion: list[str], exclusion: list[str]
) -> None:
    cite = Citer("NCT00000001")
    whole = Field("all", "protocolSection.eligibilityModule.eligibilityCriteria")
    inc = tuple(Field(t, f"inclusion[{i}]") for i, t in enumerate(inclusion))
    exc = tuple(Field(t, f"exclusion[{i}]") for i, t in enumerate(exclusion))
    expected = _criteria_reading_every_rule(inc, exc, whole, cite, gate)
    assert _criteria(inc, exc, whole, cite, gate) == expected


@settings(deadline=None)
@given(st.lists(_RULES, max_size=10))
def test_other_measures_read_up_to_those_shown_are_the_first_plain_ones(
    gate: Gate, measures: list[str]
) -> None:
    trial = load(FIXTURE)
    outcomes = tuple(Outcome(Field(m, f"secondaryOutcomes[{i}].measure")) for i, m in enumerate(measures))
    trial = replace(trial, secondary_outcomes=outcomes)
    page_gate = build_gate(Profile(), load_policy(), trial, gate.glossary)
    plain = [m[0] for o in outcomes if len(m := _measure(o, page_gate)) == 1][:MAX_OTHER_MEASURES]
    section = what_is_measured(trial, Citer(trial.id), page_gate)
    texts = [b.sentences[0].text for b in section.blocks]
    if plain:
        lead = "Some of them:" if len(plain) < len(outcomes) else "They are:"
        at = texts.index(lead)
        assert texts[at + 1 : at + 1 + len(plain)] == plain
        assert len(texts) == at + 1 + len(plain)
    else:
        assert "Some of them:" not in texts and "They are:" not in texts


_NAMES = st.sampled_from(
    [
        "Venclexta",
        "ABT-199",
        "GDC-0199",
        "venetoclax tablets",
        "Bcl-2 inhibitor",
        "RO5537382",
        "Aspirin",
        "Tylenol",
        "chemotherapy drug",
        "a+b",
        "Biological Sample Collection",
        "AML drug",
        "Very Long Drug Name Here Yes",
    ]
)


@settings(deadline=None)
@given(st.lists(_NAMES, max_size=12))
def test_other_names_read_up_to_those_shown_are_the_first_plain_ones(gate: Gate, names: list[str]) -> None:
    intervention = Intervention(
        Field("Venetoclax", "interventions[0].name"),
        Field("DRUG", "interventions[0].type"),
        other_names=tuple(Field(n, f"interventions[0].otherNames[{i}]") for i, n in enumerate(names)),
    )
    others = [n for n in names if n != "Venetoclax"]
    plain = [o for o in others if _plain_name(o, gate) and not _holds_terms(o, gate)][:MAX_OTHER_NAMES]
    item, _ = _intervention_item(intervention, 1, load_wording(), Citer("NCT00000001"), gate)
    called = [s.text for s in item.sentences if s.text.startswith("It is also called")]
    assert called == ([f"It is also called {say_list(plain)}."] if plain else [])


_DEFINING = st.sampled_from(
    [
        "Laboratory plus Clinical Monitoring (LCM)",
        "Clinically Driven Monitoring (CDM)",
        "acute myeloid leukemia (AML)",
        "AML (acute myeloid leukemia)",
        "treatment-emergent adverse events (TEAEs)",
        "heart failure",
    ]
)


@settings(deadline=None)
@given(st.lists(_DEFINING, max_size=4), st.lists(_SENTENCES | _DEFINING, max_size=6))
def test_the_gate_collects_the_records_abbreviations_the_page_table_would_collect(
    gate: Gate, conditions: list[str], sentences: list[str]
) -> None:
    trial = replace(
        load(FIXTURE), conditions=tuple(Field(c, f"conditions[{i}]") for i, c in enumerate(conditions))
    )
    page_gate = build_gate(Profile(), load_policy(), trial, gate.glossary)
    assert page_gate.spelled == tuple(record_abbreviations(trial).items())
    document = Document(
        "Title", (Section("s", "S", (Block("paragraph", tuple(Sentence(s) for s in sentences)),)),)
    )
    once = page_abbreviations(document, (trial,), gate.glossary, (page_gate.spelled,))
    assert once == page_abbreviations(document, (trial,), gate.glossary)
