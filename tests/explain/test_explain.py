"""The explanation styles on text and on a Document."""

from __future__ import annotations

import dataclasses

import pytest

import plainlang
from plainlang.errors import ConfigError
from plainlang.explain import STYLES, Glossary, explain, unexplained_terms
from plainlang.model import Block, Document, Section, Sentence, SourceRef


def test_parenthetical_puts_the_definition_after_the_first_use_only(mini: Glossary) -> None:
    result = explain("The AML was refractory. Refractory AML is hard.", mini, "parenthetical")
    assert result.text == (
        "The acute myeloid leukemia (AML, a blood cancer that grows fast) was refractory "
        "(did not get better with treatment). Refractory AML is hard."
    )
    assert [(u.term, u.surface, result.text[u.start : u.end]) for u in result.terms] == [
        ("acute myeloid leukemia", "AML", "acute myeloid leukemia"),
        ("refractory", "refractory", "refractory"),
    ]


def test_sentence_style_adds_the_explanation_after_the_sentence(mini: Glossary) -> None:
    result = explain("The illness was refractory. It was hard.", mini, "sentence")
    assert result.text == (
        "The illness was refractory. Refractory means the illness did not get better with "
        "treatment. It was hard."
    )


def test_sentence_style_without_an_explanation_falls_back_to_parenthetical(mini: Glossary) -> None:
    result = explain("Survival was long.", mini, "sentence")
    assert result.text == "Survival (how long people live) was long."
    assert result.terms[0].style == "parenthetical"


def test_words_to_know_lists_definitions_at_the_end_and_expands_abbreviations(
    mini: Glossary,
) -> None:
    result = explain("AML can be refractory.", mini, "words-to-know")
    assert result.text == (
        "Acute myeloid leukemia (AML) can be refractory.\n\n"
        "Words to know\n\n"
        "- acute myeloid leukemia: a blood cancer that grows fast\n"
        "- refractory: did not get better with treatment\n"
    )


def test_replace_uses_the_plain_word_and_fixes_the_article(mini: Glossary) -> None:
    result = explain("They got a placebo. The placebo was a pill. It was refractory.", mini, "replace")
    assert result.text == ("They got a fake medicine. The fake medicine was a pill. It was hard to treat.")
    assert explain("Is it an AML?", mini, "replace").text == "Is it a fast blood cancer?"


def test_replace_without_a_plain_word_falls_back_to_parenthetical(mini: Glossary) -> None:
    assert explain("A relapse.", mini, "replace").text == "A relapse (the illness came back)."


def test_existing_abbreviation_after_the_term_takes_the_definition(mini: Glossary) -> None:
    result = explain("Adults with acute myeloid leukemia (AML) can join. AML is rare.", mini)
    assert result.text == (
        "Adults with acute myeloid leukemia (AML, a blood cancer that grows fast) can join. AML is rare."
    )


def test_headings_are_not_rewritten_and_the_body_gets_the_explanation(mini: Glossary) -> None:
    result = explain("# Refractory illness\n\nThe illness was refractory.", mini)
    assert result.text == (
        "# Refractory illness\n\nThe illness was refractory (did not get better with treatment)."
    )


def test_none_style_changes_nothing(mini: Glossary) -> None:
    assert explain("AML was refractory.", mini, "none").text == "AML was refractory."


def test_unknown_style_is_a_config_error(mini: Glossary) -> None:
    with pytest.raises(ConfigError):
        explain("AML", mini, "footnote")  # type: ignore[arg-type]


@pytest.mark.parametrize("style", [s for s in STYLES if s != "none"])
def test_explained_text_has_no_unexplained_terms_left(mini: Glossary, style: str) -> None:
    text = (
        "Adults with relapsed AML or ALL were randomised to a placebo.\n"
        "- Complete remission (CR) and event-free survival (EFS)\n- Tumours in 2 of 10"
    )
    out = explain(text, mini, style).text  # type: ignore[arg-type]
    assert out is not None
    assert unexplained_terms(out, mini) == ()


def _document() -> Document:
    src = SourceRef("NCT01234567", "protocolSection.descriptionModule.briefSummary")
    return Document(
        title="Refractory AML study",
        sections=(
            Section(
                "summary",
                "What is refractory AML?",
                (
                    Block(
                        "paragraph",
                        (
                            Sentence("This study is for adults with AML.", (src,), (1,)),
                            Sentence("Their illness was refractory.", (src,), (1,)),
                        ),
                    ),
                ),
            ),
            Section(
                "who-can-join",
                "Who can join",
                (
                    Block("item", (Sentence("Adults with refractory AML", (src,), (1,)),)),
                    Block("note", (Sentence("A placebo note is left alone."),)),
                ),
            ),
        ),
        record_ids=("NCT01234567",),
    )


def test_document_parenthetical_keeps_sources_and_citations(mini: Glossary) -> None:
    result = explain(_document(), mini, "parenthetical")
    assert result.document is not None
    summary = result.document.section("summary")
    assert summary is not None
    first, second = summary.blocks[0].sentences
    assert first.text == (
        "This study is for adults with acute myeloid leukemia (AML, a blood cancer that grows fast)."
    )
    assert second.text == "Their illness was refractory (did not get better with treatment)."
    assert first.sources == _document().sections[0].blocks[0].sentences[0].sources
    assert first.citations == (1,)
    assert summary.title == "What is refractory AML?"  # headings are not rewritten
    assert result.document.title == "Refractory AML study"
    later = result.document.sections[1]
    assert later.blocks[0].sentences[0].text == "Adults with refractory AML"
    assert later.blocks[1].sentences[0].text == "A placebo note is left alone."
    assert [(u.term, u.section_id, u.sentence_index) for u in result.terms] == [
        ("acute myeloid leukemia", "summary", 0),
        ("refractory", "summary", 1),
    ]
    sentence = summary.blocks[0].sentences[1].text
    use = result.terms[1]
    assert sentence[use.start : use.end] == "refractory"


def test_document_sentence_style_inserts_explanation_sentences(mini: Glossary) -> None:
    result = explain(_document(), mini, "sentence")
    assert result.document is not None
    texts = [s.text for s in result.document.sections[0].blocks[0].sentences]
    assert texts == [
        "This study is for adults with acute myeloid leukemia (AML).",
        "Acute myeloid leukemia is a blood cancer that grows fast.",
        "Their illness was refractory.",
        "Refractory means the illness did not get better with treatment.",
    ]
    added = result.document.sections[0].blocks[0].sentences[1]
    assert added.sources == () and added.citations == ()


def test_document_words_to_know_section_is_appended(mini: Glossary) -> None:
    result = explain(_document(), mini, "words-to-know")
    assert result.document is not None
    last = result.document.sections[-1]
    assert (last.id, last.title) == ("words-to-know", "Words to know")
    assert [(b.kind, b.label, b.sentences[0].text) for b in last.blocks] == [
        ("definition", "acute myeloid leukemia", "a blood cancer that grows fast"),
        ("definition", "refractory", "did not get better with treatment"),
    ]
    again = explain(result.document, mini, "words-to-know")
    assert again.document == result.document and again.terms == ()


@pytest.mark.parametrize("style", STYLES)
def test_document_explaining_twice_equals_once(mini: Glossary, style: str) -> None:
    once = explain(_document(), mini, style).document  # type: ignore[arg-type]
    assert once is not None
    assert explain(once, mini, style).document == once  # type: ignore[arg-type]


def test_explained_terms_convert_to_the_model_type(mini: Glossary) -> None:
    result = explain(_document(), mini)
    (first, _) = result.explained_terms
    assert (first.term, first.section_id, first.sentence_index, first.surface) == (
        "acute myeloid leukemia",
        "summary",
        0,
        "AML",
    )


def test_public_api_explain_uses_the_profile_style(mini: Glossary) -> None:
    profile = dataclasses.replace(plainlang.Profile(), explanation_style="replace")
    assert plainlang.explain("A placebo.", mini, profile=profile).text == "A fake medicine."


def test_a_first_use_inside_parentheses_gets_a_sentence_not_a_nested_parenthesis(mini: Glossary) -> None:
    result = explain("Some got a pill (or a placebo, by chance). Then we waited.", mini, "parenthetical")
    assert result.text == (
        "Some got a pill (or a placebo, by chance). A placebo is a fake medicine with no drug in it. "
        "Then we waited."
    )
    assert [(u.term, u.style, result.text[u.start : u.end]) for u in result.terms] == [
        ("placebo", "sentence", "placebo")
    ]
    assert unexplained_terms(result.text, mini) == ()


def test_inside_parentheses_a_term_without_explanation_gets_a_means_sentence(mini: Glossary) -> None:
    result = explain("We counted (by looking at survival) the results", mini, "parenthetical")
    assert (
        result.text == "We counted (by looking at survival) the results. Survival means how long people live."
    )
    assert "((" not in result.text and unexplained_terms(result.text, mini) == ()


def test_inside_parentheses_an_abbreviation_is_spelled_out_in_a_sentence(mini: Glossary) -> None:
    result = explain("Adults (with AML) can join.", mini, "parenthetical")
    assert result.text == (
        "Adults (with AML) can join. AML stands for acute myeloid leukemia. "
        "Acute myeloid leukemia is a blood cancer that grows fast."
    )
    assert unexplained_terms(result.text, mini) == ()


def test_outside_parentheses_the_parenthetical_style_is_unchanged(mini: Glossary) -> None:
    result = explain("(See below.) Some got a placebo.", mini, "parenthetical")
    assert result.text == "(See below.) Some got a placebo (a fake medicine with no drug in it)."


def _one_sentence_document(sentence: Sentence) -> Document:
    return Document(
        title="A study",
        sections=(Section("summary", "In short", (Block("paragraph", (sentence,)),)),),
        record_ids=("NCT01234567",),
    )


@pytest.mark.parametrize("style", [s for s in STYLES if s != "none"])
def test_a_term_inside_a_kept_name_is_explained_by_a_sentence_after_and_the_name_stays_whole(
    mini: Glossary, style: str
) -> None:
    name = "Refractory Disease Care Plan"
    sentence = Sentence(f"It tests the {name}.", keep=(name,))
    result = explain(_one_sentence_document(sentence), mini, style)  # type: ignore[arg-type]
    assert result.document is not None
    texts = [s.text for s in result.document.sections[0].blocks[0].sentences]
    assert texts == [f"It tests the {name}.", "Refractory means did not get better with treatment."]
    assert [(u.term, u.style) for u in result.terms] == [("refractory", "sentence")]
    assert unexplained_terms(" ".join(texts), mini) == ()


def test_a_term_inside_the_kept_name_of_an_organisation_is_part_of_the_name(mini: Glossary) -> None:
    name = "Refractory Anemia Research Hospital"
    sentence = Sentence(f"The study runs at the {name}.", keep=(name,))
    result = explain(_one_sentence_document(sentence), mini, "fit")
    assert result.document is not None
    assert [s.text for s in result.document.sections[0].blocks[0].sentences] == [sentence.text]
    assert result.terms == ()
