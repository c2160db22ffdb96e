"""``plainlang.score``: short and empty texts, sections, targets, Documents, unexplained terms."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

import pytest

import plainlang
from plainlang import Profile, Readability, score
from plainlang.errors import ConfigError
from plainlang.model import Block, Document, Section, Sentence, Summary
from plainlang.readability import NOTHING_TO_SCORE, SMOG_UNDER_30_SENTENCES, UNDER_100_WORDS

SHORT = "You can join if you are 18 or older."
PLAIN = " ".join(["You will visit the clinic once a week for a check."] * 40)


def test_a_short_text_gets_every_score_with_reliability_flags() -> None:
    result = score(SHORT)
    assert not result.empty
    assert result.document.words == 9
    assert result.document.sentences == 1
    assert result.document.flags == (SMOG_UNDER_30_SENTENCES, UNDER_100_WORDS)
    assert not result.document.reliable
    assert all(math.isfinite(getattr(result.document, f)) for f in ("smog", "ari", "dale_chall"))


def test_a_long_plain_text_has_no_reliability_flags() -> None:
    document = score(PLAIN).document
    assert document.sentences == 40
    assert document.flags == ()


@pytest.mark.parametrize("text", ["", "   \n\n", "--- *** !!!", "https://example.org [1]"])
def test_text_without_words_gives_a_nothing_to_score_result(text: str) -> None:
    result = score(text)
    assert result.empty
    assert result.document.flags == (NOTHING_TO_SCORE,)
    assert result.document.flesch_kincaid_grade == 0.0
    assert result.sentences == () and result.targets == () and result.targets_met


def test_the_textstat_version_is_recorded() -> None:
    from importlib.metadata import version

    assert score(SHORT).textstat_version == version("textstat")


def test_targets_default_to_grade_8_and_say_whether_they_are_met() -> None:
    easy = score(PLAIN)
    assert [(t.name, t.limit, t.met) for t in easy.targets] == [
        ("smog", 8.0, True),
        ("flesch_kincaid_grade", 8.0, True),
    ]
    hard = score(
        "Investigational immunomodulatory therapies demonstrated considerable hematological "
        "toxicity in participants with myelodysplastic syndromes."
    )
    assert not hard.targets_met
    assert all(not target.met for target in hard.targets)


def test_targets_come_from_the_profile() -> None:
    result = score(PLAIN, Profile(target_smog=3.0, target_fkgl=30.0))
    assert [(t.limit, t.met) for t in result.targets] == [(3.0, False), (30.0, True)]


def test_sections_start_at_the_repeated_heading_level_under_a_single_title() -> None:
    text = "# Trial\n\nIntro text here.\n\n## Who can join\n\nAdults can join.\n\n## Who can join\n\n* item one here\n"
    result = score(text)
    assert [(s.section_id, s.title) for s in result.sections] == [
        ("who-can-join", "Who can join"),
        ("who-can-join-2", "Who can join"),
    ]
    assert [s.section_id for s in result.sentences] == [
        None,
        None,
        "who-can-join",
        "who-can-join",
        "who-can-join-2",
        "who-can-join-2",
    ]
    assert sum(s.scores.words for s in result.sections) + 4 == result.document.words


def test_sentence_diagnostics_name_hard_words_long_sentences_and_passive_voice() -> None:
    text = (
        "The experimental medicine was given to volunteers in the hospital, and the doctors "
        "watched them carefully (every day) for a long time after that."
    )
    (sentence,) = score(text).sentences
    assert sentence.words == 24 and sentence.is_long
    # On the Dale–Chall list ("medicine", "hospital") or under three syllables: not hard.
    assert sentence.hard_words == ("experimental", "volunteers", "carefully")
    assert sentence.passive == ("was given",)
    assert (sentence.start, sentence.end) == (0, len(text))


def test_long_sentence_limit_comes_from_the_profile() -> None:
    (sentence,) = score(SHORT, Profile(long_sentence_words=5)).sentences
    assert sentence.is_long


def test_hardest_sentences_come_first_with_their_reasons() -> None:
    text = (
        "You can join. Investigational immunomodulatory therapies were administered "
        "intravenously. We will call you."
    )
    result = score(text)
    (hardest,) = result.hardest
    assert hardest.index == 1
    assert hardest.text.startswith("Investigational")
    reasons = " | ".join(hardest.reasons)
    assert "above the target 8" in reasons
    assert "hard words: Investigational, immunomodulatory" in reasons
    assert "passive voice: were administered" in reasons


def fake_unexplained(text: str) -> Sequence[tuple[int, int, str]]:
    """Stands in for the explain stage: every "AML" and "biopsy" is unexplained."""
    import re

    return [(m.start(), m.end(), m.group(0).lower()) for m in re.finditer(r"AML|biopsy", text)]


def test_unexplained_terms_from_a_callable_land_on_their_sentences() -> None:
    result = score("People with AML can join. A biopsy is needed. AML again.", unexplained=fake_unexplained)
    assert [s.unexplained_terms for s in result.sentences] == [("aml",), ("biopsy",), ("aml",)]
    assert any("terms not explained: biopsy" in r for h in result.hardest for r in h.reasons)


def test_the_callable_gets_the_whole_text_once() -> None:
    seen: list[str] = []

    def spy(text: str) -> Sequence[tuple[int, int, str]]:
        seen.append(text)
        return [(-5, -1, "bad"), (1000, 1001, "outside")]  # spans outside the text are ignored

    result = score("One short sentence. Another one here.", unexplained=spy)
    assert seen == ["One short sentence. Another one here."]
    assert all(s.unexplained_terms == () for s in result.sentences)


def document() -> Document:
    return Document(
        title="A study of a new pill",
        sections=(
            Section(
                "summary",
                "Summary",
                (Block("paragraph", (Sentence("This study tests a pill."), Sentence("It is new."))),),
            ),
            Section(
                "who-can-join",
                "Who can join",
                (
                    Block("item", (Sentence("Adults aged 18 or older"),)),
                    Block("item", (Sentence("People with AML who had a biopsy"),)),
                ),
            ),
        ),
    )


def test_a_document_is_scored_by_section_and_sentence() -> None:
    result = score(document(), unexplained=fake_unexplained)
    assert [s.section_id for s in result.sections] == ["summary", "who-can-join"]
    body = [s for s in result.sentences if s.kind != "heading"]
    assert [(s.section_id, s.sentence_index, s.kind, s.text) for s in body] == [
        ("summary", 0, "sentence", "This study tests a pill."),
        ("summary", 1, "sentence", "It is new."),
        ("who-can-join", 0, "item", "Adults aged 18 or older"),
        ("who-can-join", 1, "item", "People with AML who had a biopsy"),
    ]
    assert body[-1].unexplained_terms == ("aml", "biopsy")
    for sentence in result.sentences:  # offsets point into the plain rendering
        assert result.text[sentence.start : sentence.end] == sentence.text


def test_a_summary_scores_as_its_document() -> None:
    assert score(Summary(document())) == score(document())


def test_a_composed_trial_page_gets_scores(example_trial: plainlang.Trial) -> None:
    result = score(plainlang.summarize(example_trial))
    assert not result.empty and result.document.sentences > 10
    assert {s.section_id for s in result.sections} >= {"summary", "who-can-join"}


@pytest.fixture
def example_trial() -> plainlang.Trial:
    from conftest import EXAMPLES

    return plainlang.load(EXAMPLES / "NCT06529731.json")


def test_the_result_is_json_ready() -> None:
    result: Readability = score("# Title\n\nYou can join. It is free.", unexplained=fake_unexplained)
    data = json.loads(json.dumps(result.as_dict()))
    assert data["document"]["words"] == 7
    assert data["targets_met"] is True
    assert "text" not in data


def test_only_english_is_scored() -> None:
    with pytest.raises(ConfigError, match="English"):
        score(SHORT, Profile(language="de"))


def test_anything_but_text_or_a_document_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="str, Summary or Document"):
        score(42)  # type: ignore[arg-type]


def test_score_is_exported_from_plainlang() -> None:
    assert plainlang.score is score and "Scores" in plainlang.__all__


def test_the_explain_stage_plugs_in_as_the_unexplained_callable() -> None:
    import functools

    from plainlang.explain import Glossary, unexplained_terms

    glossary = Glossary.load()
    text = "People with AML can join this study. You will have a biopsy."
    found = unexplained_terms(text, glossary)
    assert found, "the shipped glossaries should know at least one of these terms"
    result = score(text, unexplained=functools.partial(unexplained_terms, glossary=glossary))
    flagged = {term for s in result.sentences for term in s.unexplained_terms}
    assert flagged == {match.term for match in found}
