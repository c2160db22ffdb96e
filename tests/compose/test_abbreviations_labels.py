"""An abbreviation a page uses only in item labels is spelled out inside the first such item."""

from __future__ import annotations

from plainlang.compose.abbreviations import spell_out
from plainlang.model import Block, Document, Section, Sentence

KNOWN = {"LSG": "laparoscopic sleeve gastrectomy"}


def _doc(*blocks: Block) -> Document:
    return Document("A study", (Section("groups", "Groups", blocks),))


def test_a_label_only_abbreviation_is_spelled_out_by_a_sentence_in_its_item() -> None:
    doc = spell_out(
        _doc(Block("item", (Sentence("This group gets surgery."),), label="LSG Procedure")), KNOWN
    )
    texts = [s.text for s in doc.sections[0].blocks[0].sentences]
    assert texts == ["This group gets surgery.", "LSG stands for laparoscopic sleeve gastrectomy."]


def test_an_abbreviation_also_used_in_running_text_is_spelled_out_there_not_after_the_label() -> None:
    doc = spell_out(
        _doc(
            Block("item", (Sentence("This group gets surgery."),), label="LSG Procedure"),
            Block("paragraph", (Sentence("Everyone gets LSG."),)),
        ),
        KNOWN,
    )
    first, second = doc.sections[0].blocks
    assert [s.text for s in first.sentences] == ["This group gets surgery."]
    assert second.sentences[0].text == "Everyone gets LSG (laparoscopic sleeve gastrectomy)."


def test_a_label_only_abbreviation_is_spelled_out_once() -> None:
    item = Block("item", (Sentence("This group gets surgery."),), label="LSG Procedure")
    doc = spell_out(_doc(item, item), KNOWN)
    counts = [sum("stands for" in s.text for s in b.sentences) for b in doc.sections[0].blocks]
    assert counts == [1, 0]


def test_a_code_in_parentheses_after_a_label_abbreviation_does_not_spell_it_out() -> None:
    known = {"GRA": "glucagon receptor antagonist"}
    doc = spell_out(
        _doc(Block("item", (Sentence("This group gets the drug."),), label="GRA (REMD-477) Group")), known
    )
    assert doc.sections[0].blocks[0].sentences[-1].text == "GRA stands for glucagon receptor antagonist."


def test_an_abbreviation_is_spelled_out_after_its_terms_plural_came_earlier() -> None:
    # explain explained "post-traumatic stress disorder" at "...disorders" and will not spell
    # "PTSD" out later, so the page must do it
    known = {"PTSD": "post-traumatic stress disorder"}
    forms = {"PTSD": ("post-traumatic stress disorder",)}
    doc = spell_out(
        _doc(
            Block("paragraph", (Sentence("The study is for people with post-traumatic stress disorders."),)),
            Block("item", (Sentence("Mild PTSD symptoms."),)),
        ),
        known,
        forms,
    )
    assert (
        doc.sections[0].blocks[1].sentences[0].text == "Mild PTSD (post-traumatic stress disorder) symptoms."
    )


def test_an_abbreviation_is_left_to_explain_when_no_form_of_its_term_came_earlier() -> None:
    known = {"PTSD": "post-traumatic stress disorder"}
    forms = {"PTSD": ("post-traumatic stress disorder",)}
    doc = spell_out(_doc(Block("item", (Sentence("Mild PTSD symptoms."),))), known, forms)
    assert doc.sections[0].blocks[0].sentences[0].text == "Mild PTSD symptoms."
