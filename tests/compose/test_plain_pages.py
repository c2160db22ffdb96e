"""The page's own wording reads plainly: articles agree, names keep their capitals, long lists are
counted, placeholders are worded, "In short" stays at the target grade, no lead-in stands alone."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from conftest import RECORDS, require_shared
from hypothesis import example, given
from hypothesis import strategies as st

import plainlang
from plainlang.check import CheckRun
from plainlang.compose.cite import Citer
from plainlang.compose.naming import is_no_treatment_name, uninvert
from plainlang.compose.people_sections import conditions
from plainlang.compose.people_sections import where as where_section
from plainlang.compose.phrasing import article, fix_articles, plain_case, unshout
from plainlang.compose.wording import load_wording
from plainlang.records import load

PROFILE = plainlang.Profile(today="2026-11-21")


def _page(folder: str, record: str) -> str:
    require_shared()
    path = next((RECORDS / folder).glob(f"{record}.*"))
    return plainlang.render(plainlang.summarize(path, PROFILE), "markdown")


def _section(page: str, title: str) -> str:
    found = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", page, re.MULTILINE | re.DOTALL)
    assert found is not None, f"no section {title!r}"
    return found[1]


def _findings(page: str, tmp_path: Path, rule: str) -> list[str]:
    path = tmp_path / "page.md"
    path.write_text(page, "utf-8")
    return [f"{x.line}: {x.message}" for x in CheckRun().run([path]).failing() if x.rule_id == rule]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("This is a early phase 1 study.", "This is an early phase 1 study."),
        ("Took part in a investigational study.", "Took part in an investigational study."),
        ("Have had a earlier transplant.", "Have had an earlier transplant."),
        ("A urine test.", "A urine test."),
        ("an unit of blood", "a unit of blood"),
        ("a hour", "an hour"),
        ("a MRI scan", "an MRI scan"),
        ("an US site", "a US site"),
        ("a 8-week course", "an 8-week course"),
        ("an one-time dose", "a one-time dose"),
        ("A apple and an banana.", "An apple and a banana."),
        ("Known immunoglobulin A (IgA) deficiency.", "Known immunoglobulin A (IgA) deficiency."),
        ("Group A gets a early dose.", "Group A gets an early dose."),
        ("Hepatitis A infection.", "Hepatitis A infection."),
    ],
)
def test_a_or_an_agrees_with_the_sound_of_the_next_word(text: str, fixed: str) -> None:
    assert fix_articles(text) == fixed


_WORDS = st.lists(
    st.one_of(
        st.sampled_from(["a", "an", "A", "An", "early", "unit", "hour", "MRI", "test", "8-week", "one"]),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.,()", min_size=1),
    ),
    max_size=12,
)


@given(_WORDS)
@example([".A", "early"])  # glued to a full stop: not an article
@example(["(a", "early"])  # after an opening bracket: an article
@example(["0(A", "early"])
def test_fixing_articles_changes_only_articles_and_twice_is_once(words: list[str]) -> None:
    text = " ".join(words)
    fixed = fix_articles(text)
    assert fix_articles(fixed) == fixed
    before, after = text.split(" "), fixed.split(" ")
    assert len(before) == len(after)
    for old, new in zip(before, after, strict=True):
        # an article is a whole word, or follows an opening bracket or quote ("(a", "0(a")
        cut = max(old.rfind(c) for c in '("“‘') + 1
        head, rest, fixed_rest = old[:cut], old[cut:], new[cut:]
        assert old == new or (new.startswith(head) and {rest.lower(), fixed_rest.lower()} == {"a", "an"})


@pytest.mark.parametrize("word", ["early", "investigational", "hour", "MRI", "8-week", "HIV"])
def test_words_with_a_vowel_sound_take_an(word: str) -> None:
    assert article(word) == "an"


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("Covid19", "COVID19"),
        ("Covid-19 Pneumonia", "COVID-19 pneumonia"),
        ("Parkinson's Disease", "Parkinson's disease"),
        ("Recurrent Wilms Tumor", "recurrent Wilms tumor"),
        ("Childhood Hodgkin Lymphoma", "childhood Hodgkin lymphoma"),
        ("Acute Myeloid Leukemia", "acute myeloid leukemia"),
        ("H1n1 Influenza", "H1n1 influenza"),
        ("B-cell Acute Lymphoblastic Leukemia", "B-cell acute lymphoblastic leukemia"),
    ],
)
def test_names_with_digits_and_peoples_names_keep_their_capitals(name: str, plain: str) -> None:
    assert plain_case(name) == plain


@pytest.mark.parametrize("name", ["observational", "No Intervention", "Other: observational", "None", "N/A"])
def test_placeholders_for_no_treatment_are_recognised(name: str) -> None:
    assert is_no_treatment_name(name)


@pytest.mark.parametrize("name", ["Nivolumab", "Observation of sleep", "Normal saline"])
def test_real_treatments_are_not_placeholders(name: str) -> None:
    assert not is_no_treatment_name(name)


def test_a_record_with_many_conditions_names_a_few_and_counts_the_rest() -> None:
    page = _page("ctgov-v2", "NCT01305200")
    about = _section(page, "What the study is about")
    first = about.strip().split("\n")[0].split(".[1]")[0] + ".[1]"
    assert re.search(r"and 2\d more health matters\.\[1\]$", first), first
    assert len(first.split()) <= 20
    # a page this hard (27 long condition names) leaves the list as entered to the full record
    assert "The full record lists them as the study team wrote them.[1]" in about
    assert "- Unspecified Childhood Solid Tumor, Protocol Specific.[1]" not in about
    short = _section(page, "In short")
    assert "more health matters below" in short
    assert "in remission or childhood" not in short


def test_the_conditions_as_listed_stop_after_eight_and_count_the_rest() -> None:
    require_shared()
    path = next((RECORDS / "ctgov-v2").glob("NCT01305200.*"))
    trial = load(path)
    # the section as a page that reads plainly gives it (this page is too hard to list them all)
    about = conditions(trial, Citer(trial.id))
    listed = [b for b in about.blocks if b.kind == "item"]
    assert len(listed) == 8
    rest = about.blocks[-1].sentences[0]
    assert rest.text == "The full record lists 19 more."  # 27 conditions in the record
    assert rest.sources[0].derivation == "count(conditions) - count(listed here)"


def test_an_observational_placeholder_is_worded_as_no_treatment() -> None:
    page = _page("ctgov-classic", "NCT04323787")
    tested = _section(page, "What the study tests")
    assert "observational is" not in tested
    assert "What they get: observational" not in tested
    assert "Here the study gives no medicine or other care." in tested
    assert "This group gets nothing the study is testing." in tested


def test_a_lead_in_never_stands_without_text_after_it() -> None:
    for folder, record in (("ctgov-classic", "NCT04323787"), ("ctgov-xml", "NCT00000112")):
        page = _page(folder, record)
        meaning = _section(page, "What this could mean")
        paragraphs = [p for p in meaning.split("\n\n") if p.strip()]
        assert paragraphs and not paragraphs[-1].rstrip().endswith(":"), meaning
        for lead, after in itertools.pairwise(paragraphs):
            if lead.rstrip().endswith(":"):
                assert not after.rstrip().endswith(":"), meaning


def test_condition_names_keep_their_capitals_on_the_page() -> None:
    page = _page("ctgov-classic", "NCT04395482")
    assert "people with covid19" not in page
    assert "COVID19" in page or "COVID-19" in page


def test_an_early_phase_1_study_is_called_an_early_phase_1_study() -> None:
    page = _page("ctgov-classic", "NCT03305341")
    assert "a early" not in page
    assert "This is an early phase 1 study." in page
    assert "with lots of parts told" not in page


@pytest.mark.parametrize(
    ("folder", "record"),
    [("ctgov-v2", "NCT00567567"), ("ctgov-v2", "NCT00763412"), ("ctgov-classic", "NCT04780568")],
)
def test_in_short_reads_at_the_target_grade(folder: str, record: str, tmp_path: Path) -> None:
    page = _page(folder, record)
    grades = _findings(page, tmp_path, "readability.grade")
    assert not [g for g in grades if "In short" in g], grades


@pytest.mark.parametrize(
    ("folder", "record"),
    [
        ("ctgov-classic", "NCT04403672"),  # a 30-word site name
        ("ctgov-classic", "NCT04780217"),  # nine conditions
        ("ctgov-classic", "NCT04780308"),  # a procedure with no plain name, as a labelled bullet
        ("ctgov-classic", "NCT04845048"),  # a long site name under a city label
        ("ctgov-xml", "NCT00294060"),  # a long reason for stopping
        ("ctgov-xml", "NCT02465060"),  # 40 conditions
    ],
)
def test_our_sentences_stay_under_the_sentence_limit(folder: str, record: str, tmp_path: Path) -> None:
    assert _findings(_page(folder, record), tmp_path, "readability.long-sentence") == []


def test_a_closed_study_counts_its_places_by_city() -> None:
    require_shared()
    trial = load(next((RECORDS / "ctgov-xml").glob("NCT00998946.*")))
    # the section as a page that reads plainly gives it (this page names no place at all)
    section = where_section(trial, load_wording("en"), Citer(trial.id))
    where = " ".join(x.text for b in section.blocks for x in b.sentences)
    assert "is looking for people" not in where
    assert re.search(r"There (?:is one study place|are \d+ study places) here\.", where), where
    assert "The full record gives the name of each place." in where


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Influenza, Human", "Human Influenza"),
        ("Lymphoma, B-Cell", "B-Cell Lymphoma"),
        ("Acute Lymphoblastic Leukemia, Adult", "Adult Acute Lymphoblastic Leukemia"),
        ("Head and Neck Cancer", "Head and Neck Cancer"),
        ("Cancer, of the breast, left side", "Cancer, of the breast, left side"),
    ],
)
def test_index_order_condition_names_are_said_front_first(name: str, said: str) -> None:
    assert uninvert(name) == said


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("GEMCITABINE", "Gemcitabine"),
        ("CARBOPLATIN", "Carboplatin"),
        ("CISPLATIN", "Cisplatin"),
        # abbreviations and codes keep their capitals
        ("AML", "AML"),
        ("HIV", "HIV"),
        ("CD20", "CD20"),
        ("ABT-199", "ABT-199"),
        ("BCG", "BCG"),
        ("CYP2C19", "CYP2C19"),
        ("Gemcitabine", "Gemcitabine"),
        ("DOCETAXEL INJECTION", "DOCETAXEL INJECTION"),  # more than one word: left as written
    ],
)
def test_one_word_drug_names_in_capitals_read_as_names(name: str, said: str) -> None:
    assert unshout(name) == said


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789- ", max_size=20))
def test_unshouting_changes_only_case_and_only_long_sayable_words(name: str) -> None:
    said = unshout(name)
    assert said.lower() == name.lower()
    if said != name:
        assert name.isalpha() and len(name) >= 7
    assert unshout(said) == said


def test_a_drug_name_in_capitals_is_written_as_a_name_on_the_page() -> None:
    page = _page("ctis", "2022-500676-59-00")
    assert "GEMCITABINE" not in page.split("## References")[0]
    assert "Gemcitabine" in page


def test_in_short_keeps_a_treatment_name_when_dropping_it_reads_no_easier() -> None:
    # every step of "In short" is above the target here; naming less would not read easier
    short = _section(_page("ctgov-xml", "NCT01207388"), "In short")
    assert "It tests Blinatumomab (" in short
