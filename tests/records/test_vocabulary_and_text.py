"""The registry vocabulary table and the legacy text layout: examples and Hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainlang.model import Field
from plainlang.records import vocabulary as vocab
from plainlang.records.registries import REGISTRIES, registry_for
from plainlang.records.text import to_passage

TABLES = sorted(vocab.V2_VALUES)


@pytest.mark.parametrize(
    ("table", "registry_value", "v2"),
    [
        ("status", "Active, not recruiting", "ACTIVE_NOT_RECRUITING"),
        ("status", "Unknown status", "UNKNOWN"),
        ("status", "Not yet recruiting", "NOT_YET_RECRUITING"),
        ("status", "Prematurely Ended", "TERMINATED"),
        ("status", "Temporarily Halted", "SUSPENDED"),
        ("status", "Ongoing, recruiting", "RECRUITING"),
        ("status", "Authorised, not started", "NOT_YET_RECRUITING"),
        ("study_type", "Expanded Access", "EXPANDED_ACCESS"),
        ("intervention_model", "Single Group Assignment", "SINGLE_GROUP"),
        ("masking", "None (Open Label)", "NONE"),
        ("sex", "Both", "ALL"),
        ("std_age", "Older Adult", "OLDER_ADULT"),
        ("arm_type", "Placebo Comparator", "PLACEBO_COMPARATOR"),
        ("intervention_type", "Dietary Supplement", "DIETARY_SUPPLEMENT"),
        ("date_kind", "Anticipated", "ESTIMATED"),
        ("agency_class", "U.S. Fed", "FED"),
    ],
)
def test_registry_spellings_map_to_v2(table: str, registry_value: str, v2: str) -> None:
    assert vocab.convert(table, registry_value) == v2


@pytest.mark.parametrize(
    ("text", "phases"),
    [
        ("Phase 1/Phase 2", ("PHASE1", "PHASE2")),
        ("Early Phase 1", ("EARLY_PHASE1",)),
        ("N/A", ("NA",)),
        ("Not Applicable", ("NA",)),
        ("III", ("PHASE3",)),
        ("Phase II/III", ("PHASE2", "PHASE3")),
        ("Therapeutic exploratory (Phase II)", ("PHASE2",)),
        ("Phase I and Phase II (Integrated)- Other", ("PHASE1", "PHASE2")),
        ("Phase 0", ("EARLY_PHASE1",)),
    ],
)
def test_phases_are_read_from_every_registry_s_wording(text: str, phases: tuple[str, ...]) -> None:
    assert vocab.phases(text) == phases


def test_masking_with_roles_splits_into_level_and_who() -> None:
    assert vocab.masking("Double Blind (Subject, Investigator)") == (
        "DOUBLE",
        ("PARTICIPANT", "INVESTIGATOR"),
    )
    assert vocab.masking("None (Open Label)") == ("NONE", ())


def test_ages_take_the_v2_spelling_and_na_means_no_limit() -> None:
    assert vocab.age("18 years") == "18 Years"
    assert vocab.age("1 Years") == "1 Year"
    assert vocab.age("N/A") is None
    assert vocab.age("about eighteen") == "about eighteen"
    assert vocab.std_ages_for("18 Years", None) == ("ADULT", "OLDER_ADULT")
    assert vocab.std_ages_for("6 Months", "17 Years") == ("CHILD",)


@given(table=st.sampled_from(TABLES), data=st.data())
def test_every_v2_value_maps_to_itself_in_any_case(table: str, data: st.DataObject) -> None:
    value = data.draw(st.sampled_from(vocab.V2_VALUES[table]))
    spelled = data.draw(st.sampled_from([value, value.lower(), value.replace("_", " ").title()]))
    assert vocab.convert(table, spelled) == value


@given(table=st.sampled_from(TABLES), text=st.text())
def test_conversion_is_idempotent_and_keeps_unknown_values(table: str, text: str) -> None:
    once = vocab.convert(table, text)
    assert vocab.convert(table, once) == once
    if not vocab.known(table, text):
        assert once == text.strip()  # never dropped, never invented


@given(table=st.sampled_from(TABLES), text=st.text(), path=st.text())
def test_to_v2_keeps_the_field_path(table: str, text: str, path: str) -> None:
    converted = vocab.to_v2(table, Field(text, path))
    assert converted is not None and converted.path == path


@given(st.text())
def test_phases_never_return_nothing_for_text(text: str) -> None:
    found = vocab.phases(text)
    assert found
    assert all(p in vocab.V2_VALUES["phase"] for p in found) or found == (text.strip(),)


# --- hard-wrapped, indented legacy text ------------------------------------------------------

words = st.text(alphabet=st.characters(codec="ascii", categories=["L", "N"]), min_size=1, max_size=8)
lines = st.lists(words, min_size=1, max_size=6).map(" ".join)
blocks = st.lists(st.tuples(st.booleans(), st.lists(lines, min_size=1, max_size=3)), min_size=1, max_size=5)


def _layout(parts: list[tuple[bool, list[str]]], indent: int) -> str:
    """Text as AllPublicXML writes it: items "-  " with wrapped lines under their text."""
    pad = " " * indent
    out = []
    for is_item, wrapped in parts:
        if is_item:
            first, *rest = wrapped
            out.append(f"{pad}  -  {first}")
            out += [f"{pad}     {line}" for line in rest]
        else:
            out += [f"{pad}{line}" for line in wrapped]
        out.append("")
    return "\r\n".join(out)


@given(parts=blocks, indent=st.integers(0, 12))
def test_wrapped_items_and_paragraphs_come_back_whole_at_any_indent(
    parts: list[tuple[bool, list[str]]], indent: int
) -> None:
    passage = to_passage(_layout(parts, indent), "textblock")
    assert passage is not None
    assert [(b.kind == "item", b.text) for b in passage.blocks] == [
        (is_item, " ".join(wrapped)) for is_item, wrapped in parts
    ]


@given(parts=blocks, indent=st.integers(1, 12))
def test_block_indent_does_not_change_the_blocks(parts: list[tuple[bool, list[str]]], indent: int) -> None:
    assert to_passage(_layout(parts, indent), "p") == to_passage(_layout(parts, 0), "p")


def test_a_line_left_of_the_item_marker_starts_a_paragraph() -> None:
    text = "        Rules:\n          -  Age 18 or older,\n             any sex.\n        Able to visit.\n"
    passage = to_passage(text, "criteria")
    assert passage is not None
    assert [(b.kind, b.text) for b in passage.blocks] == [
        ("heading", "Rules:"),
        ("item", "Age 18 or older, any sex."),
        ("paragraph", "Able to visit."),
    ]


def test_every_registry_has_a_public_url_pattern_and_id_shape() -> None:
    assert REGISTRIES["ctgov"].url("NCT04067336") == "https://clinicaltrials.gov/study/NCT04067336"
    assert REGISTRIES["isrctn"].url("ISRCTN48721236") == "https://www.isrctn.com/ISRCTN48721236"
    assert registry_for("2022-500244-37-00") is REGISTRIES["ctis"]
    assert registry_for("2014-002606-20") is REGISTRIES["euctr"]
    assert registry_for("NCT04067336") is REGISTRIES["ctgov"]
    assert registry_for("hello") is None
    assert all("{id}" in registry.url_pattern for registry in REGISTRIES.values())


@given(
    st.text(alphabet=st.sampled_from(list("ab -*1.)#:\t\n\u00a0\u2028\x1c")) | st.characters(), max_size=80)
)
def test_every_block_is_folded_and_trimmed_whatever_its_lines(text: str) -> None:
    # to_passage joins a block's folded lines without folding a one-line block again: the
    # result must still be what folding the whole block gives.
    from plainlang.records.text import fold_spaces

    passage = to_passage(text, "p")
    for block in passage.blocks if passage else ():
        assert block.text == fold_spaces(block.text)
        assert block.text
