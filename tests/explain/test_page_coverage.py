"""Coverage of generated pages: which hard words count, and which count as explained or replaced."""

from __future__ import annotations

from collections import Counter

from conftest import require_shared, shared_records
from hypothesis import given
from hypothesis import strategies as st

import plainlang
from plainlang.explain import Glossary
from plainlang.explain.coverage import is_easy
from plainlang.explain.page_coverage import (
    PageCoverage,
    hard_words,
    measure_page,
    replaced_hard_words,
)
from plainlang.model import Block, Document, ExplainedTerm, Section, Sentence, Summary
from plainlang.readability.counts import easy_words


def _page(*sentences: Sentence, explained: tuple[ExplainedTerm, ...] = ()) -> Summary:
    section = Section("summary", "In short", (Block("paragraph", sentences),))
    return Summary(Document("A page", (section,)), explained)


def test_inflections_of_easy_words_are_easy() -> None:
    easy = easy_words()
    words = (
        "years",
        "planned",
        "earlier",
        "larger",
        "stopped",
        "cities",
        "studied",
        "agreed",
        "using",
        "person's",
    )
    assert all(is_easy(w, easy) for w in words)
    assert not is_easy("refractory", easy)


def test_derivations_and_non_inflections_of_easy_words_are_hard() -> None:
    """Only regular inflections count (Chall and Dale 1995): not -ly, -ment, or a stray -d/-es/-er."""
    easy = easy_words()
    assert is_easy("week", easy) and not is_easy("weekly", easy)
    assert is_easy("treat", easy) and not is_easy("treatment", easy)
    assert is_easy("moo", easy) and not is_easy("mood", easy)  # -d only after e: agree → agreed
    assert not is_easy("angeles", easy)  # -es only after s, x, z, ch, sh, o
    assert is_easy("met", easy) and not is_easy("meter", easy)  # -er only on comparatives


def test_words_in_capitals_are_looked_up_as_written_not_inflected() -> None:
    easy = easy_words()
    assert is_easy("aid", easy) and not is_easy("AIDS", easy)
    assert not is_easy("HAMD", easy)


def test_a_glossary_abbreviation_is_hard_even_when_its_letters_spell_an_easy_word() -> None:
    text = "ALL of the children with ALL got better."
    assert [w for _, _, w in hard_words(text, easy_words(), abbreviations=frozenset({"ALL"}))] == [
        "ALL",
        "ALL",
    ]
    assert [w for _, _, w in hard_words(text, easy_words())] == []


def test_names_numbers_units_and_codes_are_not_hard_words() -> None:
    text = "People took 20 mg of Venetoclax and ABT199 for refractory AML."
    words = [w for _, _, w in hard_words(text, easy_words())]
    assert words == ["refractory", "AML"]


def test_roman_numerals_are_numbers_unless_the_glossary_knows_them_as_abbreviations() -> None:
    text = "People at stage III or IV got a pill or IV drip at step II."
    found = [w for _, _, w in hard_words(text, easy_words(), abbreviations=frozenset({"IV"}))]
    assert found == ["IV", "IV"]
    assert [w for _, _, w in hard_words(text, easy_words())] == []


def test_kept_phrases_are_names_and_do_not_count(mini: Glossary) -> None:
    sentence = Sentence("This study is about refractory anemia.", keep=("refractory anemia",))
    coverage = measure_page(_page(sentence), mini, easy_words())
    assert coverage.hard == Counter()


def test_an_explained_term_covers_its_words_everywhere_on_the_page(mini: Glossary) -> None:
    explained = (
        ExplainedTerm("refractory", "did not get better with treatment", "summary", 0, "refractory"),
    )
    page = _page(
        Sentence("The illness was refractory (did not get better with treatment)."),
        Sentence("Refractory illness is hard to treat with chemotherapy."),
        explained=explained,
    )
    coverage = measure_page(page, mini, easy_words())
    assert coverage.covered == Counter({"refractory": 2})
    # the inserted definition's words ("treatment") are the explaining, not counted
    assert coverage.hard == Counter({"refractory": 2, "illness": 2, "chemotherapy": 1})


def test_an_unexplained_term_is_not_covered(mini: Glossary) -> None:
    coverage = measure_page(_page(Sentence("The illness was refractory.")), mini, easy_words())
    assert coverage.hard["refractory"] == 1 and coverage.covered["refractory"] == 0


def test_replaced_words_count_as_hard_and_covered() -> None:
    replaced = replaced_hard_words(["participants", "prior to", "about"], easy_words())
    assert replaced == Counter({"participants": 1, "prior": 1})
    total = PageCoverage(Counter({"refractory": 2}), Counter(), replaced, 1)
    assert (total.hard_total, total.covered_total) == (4, 2)
    assert total.share == 0.5 and total.share_on_page == 0.0


@given(
    st.lists(
        st.sampled_from(["refractory", "12", "3.5", "NCT01234567", "mg", "the", "AML", ","]), max_size=30
    )
)
def test_hard_words_are_never_numbers_or_ids(words: list[str]) -> None:
    text = " ".join(words)
    for start, end, word in hard_words(text, easy_words()):
        assert text[start:end] == word
        assert not any(ch.isdigit() for ch in word)
        assert word in {"refractory", "AML"}


def test_a_real_generated_page_has_hard_words_and_some_are_explained() -> None:
    require_shared()
    paths = shared_records("ctgov-v2", "*.json")[:1]
    summary = plainlang.summarize(paths[0])
    glossary = Glossary.load()
    coverage = measure_page(summary, glossary, easy_words())
    assert coverage.pages == 1 and coverage.hard_total > 0
    assert 0 < coverage.covered_total <= coverage.hard_total


def test_an_abbreviation_explained_once_is_covered_at_every_later_use(mini: Glossary) -> None:
    explained = (ExplainedTerm("acute myeloid leukemia", "a fast blood cancer", "summary", 0, "AML"),)
    page = _page(
        Sentence("The study is for AML (acute myeloid leukemia)."),
        Sentence("People with AML get the drug."),
        Sentence("AML can come back."),
        explained=explained,
    )
    coverage = measure_page(page, mini, easy_words())
    assert coverage.hard["AML"] == 3 and coverage.covered["AML"] == 3


def test_a_term_the_page_defines_in_its_own_sentence_is_covered(mini: Glossary) -> None:
    page = _page(Sentence("The illness was refractory."), Sentence("Refractory means it did not get better."))
    coverage = measure_page(page, mini, easy_words())
    assert coverage.covered["refractory"] == 2


def test_a_term_only_used_not_defined_stays_uncovered(mini: Glossary) -> None:
    page = _page(Sentence("The illness was refractory."), Sentence("Refractory illness is hard to treat."))
    coverage = measure_page(page, mini, easy_words())
    assert coverage.covered["refractory"] == 0
