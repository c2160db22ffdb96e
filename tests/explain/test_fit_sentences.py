"""The "fit" style's sentence-by-sentence shortcuts answer what the plain functions answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.explain import fit
from plainlang.explain.apply import Edit, Plan
from plainlang.explain.fit_sentences import SentenceFit, same_sentence
from plainlang.explain.glossary import Glossary
from plainlang.explain.packs import Term
from plainlang.explain.spans import sentence_start
from plainlang.explain.usage import ScanState, scan

# Every character that sentence_start, sentence_end or the walk past "e.g." reads specially
_SENTENCEY = st.lists(
    st.sampled_from(
        [*"aZ1 \n\t.!?)(]['\"”-*+•>#", "e.g.", "etc.", "Dr. ", "a) ", "12. ", ".[1] ", "2.5", "x."]
    ),
    max_size=20,
).map("".join)


@given(_SENTENCEY, st.data())
def test_same_sentence_means_the_same_bounds(text: str, data: st.DataObject) -> None:
    known = data.draw(st.integers(0, len(text)))
    at = data.draw(st.integers(0, len(text)))
    if same_sentence(text, known, sentence_start(text, known), at):
        assert fit.sentence_bounds(text, at) == fit.sentence_bounds(text, known)


def test_same_sentence_holds_across_a_decimal_and_a_closing_parenthesis() -> None:
    text = "Adults with AML (18 or older) took 2.5 mg of the drug. Then a placebo."
    known, at = text.index("with"), text.index("drug")
    assert same_sentence(text, known, sentence_start(text, known), at)
    assert not same_sentence(text, known, sentence_start(text, known), text.index("placebo"))


def test_a_list_number_near_the_start_ends_the_sentence_reach() -> None:
    # from "a" the sentence starts at "a"; from "word" the step-over takes "a) " as a list number
    text = "a) word"
    assert fit.sentence_bounds(text, 0) != fit.sentence_bounds(text, 3)
    assert not same_sentence(text, 0, sentence_start(text, 0), 3)


@given(_SENTENCEY, st.data())
def test_sentence_fit_bounds_agree_with_sentence_bounds(
    mini: Glossary, text: str, data: st.DataObject
) -> None:
    positions = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    sizes = SentenceFit(text, (), mini, fit.DEFAULT_SENTENCE_WORDS)
    for at in positions:
        assert sizes.bounds(at) == fit.sentence_bounds(text, at)


_TERMY = st.lists(
    st.sampled_from(
        [
            "AML",
            "EFS",
            "CR",
            "relapse",
            "refractory",
            "placebo",
            "acute myeloid leukemia",
            "randomized",
            "word",
            "two words",
            "e.g.",
            "(",
            ")",
            ". ",
            ".\n",
            "\n",
            "2.5",
            ", ",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=150)
@given(_TERMY, st.integers(0, 12), st.data())
def test_sentence_fit_agrees_with_fits_and_reserve(
    mini: Glossary, text: str, limit: int, data: st.DataObject
) -> None:
    uses, _ = scan(text, mini, ScanState())
    sizes = SentenceFit(text, uses, mini, limit)
    edits: list[Edit] = []
    for use in uses:
        at = use.match.start
        settled = len(edits)
        # what a plan adds for this use: a parenthesis, an expansion (or nothing), around it;
        # SentenceFit assumes no order among the edits
        for _ in range(data.draw(st.integers(0, 2))):
            start = data.draw(st.integers(max(at - 3, 0), min(at + 12, len(text))))
            end = data.draw(st.integers(start, min(start + 30, len(text))))
            new = data.draw(st.sampled_from(["", "x", "two words", "a (longer one, with words)"]))
            edits.append(Edit(start, end, new))
        expected = fit.fits(text, edits, at, limit, fit.reserve(text, at, uses, mini))
        assert sizes.fits(edits, settled, at) == expected
        if data.draw(st.booleans()):
            del edits[settled:]  # taken back, as plan_text does when the parenthesis does not fit


@settings(max_examples=150)
@given(_TERMY, st.integers(0, 12), st.data())
def test_sentence_fit_over_and_fits_in_any_order_agree_with_the_plain_functions(
    mini: Glossary, text: str, limit: int, data: st.DataObject
) -> None:
    # A sentence met again adds only the changes settled since it was last counted; edits that
    # change no words (written as they are) are never visited again. Asked in any mix, over and
    # fits must still answer what fit.fits answers from scratch.
    uses, _ = scan(text, mini, ScanState())
    sizes = SentenceFit(text, uses, mini, limit)
    edits: list[Edit] = []
    for use in uses:
        at = use.match.start
        settled = len(edits)
        reserve = fit.reserve(text, at, uses, mini)
        if data.draw(st.booleans()):
            assert sizes.over(edits, settled, at) is not fit.fits(text, edits, at, limit, reserve)
        for _ in range(data.draw(st.integers(0, 2))):
            start = data.draw(st.integers(max(at - 3, 0), min(at + 12, len(text))))
            end = data.draw(st.integers(start, min(start + 30, len(text))))
            new = data.draw(st.sampled_from(["", "x", "two words", text[start:end], "a (longer one)"]))
            edits.append(Edit(start, end, new))
        if data.draw(st.booleans()):
            assert sizes.fits(edits, settled, at) == fit.fits(text, edits, at, limit, reserve)
        if data.draw(st.booleans()):
            del edits[settled:]


def test_a_settled_edit_reaching_past_the_sentence_end_is_not_counted_in_it(mini: Glossary) -> None:
    text = "Relapse and placebo here. Then more words follow."
    uses, _ = scan(text, mini, ScanState())
    first, second = text.index("Relapse"), text.index("placebo")
    # "here. Then" (2 words) becomes "x" (1): it is not inside the first sentence, so that
    # sentence keeps its 4 words, over a limit of 3
    edits = [Edit(text.index("here"), text.index("more"), "x")]
    sizes = SentenceFit(text, uses, mini, 3)
    assert sizes.fits(edits, 0, first) is fit.fits(text, edits, first, 3) is False
    assert sizes.fits(edits, 1, second) is fit.fits(text, edits, second, 3) is False
    inside = [Edit(text.index("and"), text.index("placebo"), "")]  # "and " → "": 3 words
    assert SentenceFit(text, uses, mini, 3).fits(inside, 1, second) is True


def test_every_abbreviation_and_initial_before_its_full_stop_is_not_a_sentence_end() -> None:
    from plainlang.explain.fit import _NOT_AN_END_WORDS, not_an_end

    for word in (*_NOT_AN_END_WORDS, "J", "Z"):
        for text in (f"See {word}.", f'See ({word}.)"', f"See {word}.\n", f"See {word}.)\n"):
            assert not_an_end(text, len(text)), text
    for text in ("See study.", "See mg.", "See 2.", "See it.)", "See a.", "See it.\n", "See e.g.\n\n"):
        assert not not_an_end(text, len(text)), text


_PARENTHESIZED = st.lists(
    st.sampled_from(
        [
            "AML", "EFS (EFS)", "a AML", "an EFS", "the placebo", "a placebo", "CR", "( CR )",
            "acute myeloid leukemia (AML)", "relapse", "refractory", "word", ". ", "\n", "x",
        ]
    ),
    max_size=20,
).map(" ".join)  # fmt: skip


@given(_PARENTHESIZED)
def test_a_parenthesis_never_takes_words_away(mini: Glossary, text: str) -> None:
    from plainlang.explain.apply import Plan, _parenthetical

    uses, _ = scan(text, mini, ScanState())
    for use in uses:
        term = mini.get(use.match.term)
        if term is None:
            continue
        plan = Plan()
        _parenthetical(text, use.match, term, plan)
        for edit in plan.edits:
            assert fit.words(edit.text) >= fit.words(text[edit.start : edit.end])


@settings(max_examples=60)
@given(_PARENTHESIZED, st.integers(0, 12))
def test_skipping_a_parenthesis_in_a_sentence_already_over_plans_what_trying_it_planned(
    mini: Glossary, text: str, limit: int
) -> None:
    from unittest import mock

    from plainlang.explain.apply import plan_text

    fast = plan_text(text, mini, "fit", ScanState(), limit=limit)
    with mock.patch.object(SentenceFit, "over", lambda *_: False):
        tried = plan_text(text, mini, "fit", ScanState(), limit=limit)
    assert (fast.edits, fast.sentences, fast.words, fast.explained) == (
        tried.edits,
        tried.sentences,
        tried.words,
        tried.explained,
    )


def test_a_sentence_met_again_counts_every_edit_settled_since(mini: Glossary) -> None:
    text = "Relapse and placebo and refractory here."
    uses, _ = scan(text, mini, ScanState())
    sizes = SentenceFit(text, uses, mini, 4)
    assert sizes.fits([], 0, text.index("Relapse")) is False  # 6 words
    first, second = text.index("and"), text.rindex("and")
    edits = [Edit(first, first + 4, ""), Edit(second, second + 4, "")]  # both "and " gone: 4
    at = text.index("refractory")
    assert sizes.fits(edits, 2, at) is fit.fits(text, edits, at, 4) is True


@given(_SENTENCEY, st.data())
def test_sentence_ends_finds_what_sentence_end_finds_at_each_position(text: str, data: st.DataObject) -> None:
    from plainlang.explain.spans import sentence_end, sentence_ends

    positions = data.draw(st.lists(st.integers(0, len(text) + 1), max_size=8))
    if data.draw(st.booleans()):
        positions.sort()
    assert sentence_ends(text, positions) == [sentence_end(text, p) for p in positions]


@given(_SENTENCEY, st.data())
def test_an_edit_that_writes_what_is_there_changes_no_words(text: str, data: st.DataObject) -> None:
    from plainlang.explain.fit_sentences import _change

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    new = data.draw(st.one_of(st.just(text[start:end]), _SENTENCEY))
    assert _change(text, Edit(start, end, new)) == fit.words(new) - fit.words(text[start:end])


def _sentence_after_now(
    plan: Plan, pending: dict[int, tuple[Term, str]], position: int, term: Term, surface: str
) -> None:
    plan.sentences.append((position, fit.sentence_after(term, surface)))


_LISTS_OF_TERMS = st.lists(
    st.lists(
        st.sampled_from(
            ["AML", "EFS", "CR", "relapse", "refractory", "placebo", "relapses", "word", "(placebo)", "x. Y"]
        ),
        min_size=1,
        max_size=9,
    ).map(lambda words: "Adults with " + ", ".join(words) + "."),
    min_size=1,
    max_size=4,
).map(" ".join)


@settings(max_examples=80)
@given(st.one_of(_LISTS_OF_TERMS, _PARENTHESIZED), st.integers(0, 12))
def test_writing_sentences_after_once_the_cap_is_known_plans_what_writing_them_at_once_planned(
    mini: Glossary, text: str, limit: int
) -> None:
    from unittest import mock

    from plainlang.explain.apply import plan_text

    later = plan_text(text, mini, "fit", ScanState(), limit=limit)
    with mock.patch("plainlang.explain.apply._sentence_after_later", _sentence_after_now):
        now = plan_text(text, mini, "fit", ScanState(), limit=limit)
    assert (later.edits, later.sentences, later.words, later.explained, later.ends) == (
        now.edits,
        now.sentences,
        now.words,
        now.explained,
        now.ends,
    )
    assert all(sentence for _, sentence in later.sentences)


@settings(max_examples=200)
@given(_TERMY, st.integers(0, 8), st.data())
def test_a_sentence_over_the_limit_is_counted_again_once_a_settled_edit_takes_words_away(
    mini: Glossary, text: str, limit: int, data: st.DataObject
) -> None:
    # over answers a sentence found over without counting while every settled edit only adds
    # words; an edit that takes some away (here: "" for a stretch) must end that shortcut
    uses, _ = scan(text, mini, ScanState())
    sizes = SentenceFit(text, uses, mini, limit)
    edits: list[Edit] = []
    for use in uses:
        at = use.match.start
        settled = len(edits)
        reserve = fit.reserve(text, at, uses, mini)
        assert sizes.over(edits, settled, at) is not fit.fits(text, edits, at, limit, reserve)
        start = data.draw(st.integers(max(at - 20, 0), min(at + 12, len(text))))
        end = data.draw(st.integers(start, min(start + 40, len(text))))
        edits.append(Edit(start, end, data.draw(st.sampled_from(["", "x y z", text[start:end]]))))


def test_over_counts_again_after_an_edit_took_the_sentence_under_the_limit(mini: Glossary) -> None:
    text = "Relapse and more and more and placebo and refractory here."
    uses, _ = scan(text, mini, ScanState())
    sizes = SentenceFit(text, uses, mini, 6)
    first, second, third = (text.index(word) for word in ("Relapse", "placebo", "refractory"))
    assert sizes.over([], 0, first)  # 10 words
    assert sizes.over([], 0, second)
    # "and more and more and " (5 words) → "": 5 words, under 6 with the settled edit
    edits = [Edit(text.index("and"), second, "")]
    assert fit.fits(text, edits, third, 6)
    assert not sizes.over(edits, 1, third)
