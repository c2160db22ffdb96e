"""plainlang's JSON page (``plainlang.summary/1``) is read as the page it describes.

The JSON holds a summary's blocks with their kinds, labels and sentences; the Markdown page
prints them as headings, paragraphs and list items with bold lead labels. The check must judge
the same prose on both, so the JSON reader rebuilds what the Markdown page shows: the same
blocks, kinds, sections and labels (``plainlang.check.summary_json``).
"""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st

import plainlang
from plainlang.check import check
from plainlang.check.jargon import label_end
from plainlang.check.markdown import extract_markdown
from plainlang.check.prose import Block as ProseBlock
from plainlang.check.prose import Prose
from plainlang.check.summary_json import extract_summary_json, fold_lines
from plainlang.model import Block, Document, Reference, Section, Sentence
from plainlang.render import render

PROFILE = plainlang.Profile(today="2026-11-21")


def _page(*blocks: Block, title: str = "What the study tests") -> Document:
    reference = Reference(
        1, "ClinicalTrials.gov", "NCT01234567", "T", "https://example.org/x", None, "2026-11-21"
    )
    return Document("A study", (Section("tests", title, blocks),), (reference,), ("NCT01234567",))


def _cited(text: str) -> Sentence:
    return Sentence(text, citations=(1,))


def _blocks(prose: Prose) -> list[tuple[str, str, str, str | None]]:
    """(kind, section title, text, lead label) of every block outside the reference list; the
    label as the page says it (JSON) or as its markup shows (``jargon.label_end``)."""
    rows = []
    for block in prose.blocks:
        section = prose.sections[block.section]
        if section.references:
            continue
        end = block.label
        if end is None:
            end = label_end(prose.source, block.kind, block.text, block.origin)
        rows.append((block.kind, section.title, block.text, None if end is None else block.text[:end]))
    return rows


def _both(document: Document) -> tuple[Prose, Prose]:
    return extract_markdown(render(document, "markdown")), extract_summary_json(render(document, "json"))


def test_list_kinds_read_as_items_and_paragraphs_and_notes_as_paragraphs() -> None:
    document = _page(
        Block("paragraph", (_cited("The study tests a drug."),)),
        Block("item", (_cited("Drug A is a medicine."),)),
        Block("definition", (Sentence("a shot of medicine"),), label="injection"),
        Block("nav", (Sentence("Who can join"),), label="who"),
        Block("note", (Sentence("Talk with your doctor."),)),
    )
    markdown, json = _both(document)
    kinds = [b.kind for b in json.blocks if not json.sections[b.section].references]
    assert kinds == ["heading", "heading", "paragraph", "item", "item", "item", "paragraph"]
    assert _blocks(json) == _blocks(markdown)


def test_item_label_is_read_as_the_lead_label_before_its_colon() -> None:
    document = _page(Block("item", (_cited("This group gets the drug."),), label="Arm A: high dose"))
    markdown, json = _both(document)
    (item,) = [b for b in json.blocks if b.kind == "item"]
    assert item.text == "Arm A: high dose: This group gets the drug.[1]"
    assert item.text[: item.label] == "Arm A: high dose"
    assert _blocks(json) == _blocks(markdown)


def test_label_of_a_paragraph_or_a_nav_entry_is_not_printed() -> None:
    document = _page(
        Block("paragraph", (_cited("A paragraph."),), label="unused"),
        Block("nav", (Sentence("Who can join"), Sentence("not shown")), label="who-can-join"),
    )
    markdown, json = _both(document)
    texts = [b.text for b in json.blocks if b.kind != "reference"]
    assert texts[-2:] == ["A paragraph.[1]", "Who can join"]  # a nav entry: its first sentence only
    assert _blocks(json) == _blocks(markdown)


def test_line_break_inside_a_sentence_reads_as_one_space_at_the_break() -> None:
    document = _page(Block("item", (_cited("solid tumors (including  \n   medulloblastoma)."),)))
    markdown, json = _both(document)
    (item,) = [b for b in json.blocks if b.kind == "item"]
    assert item.text == "solid tumors (including medulloblastoma).[1]"
    space = item.text.index(" medullo")
    assert json.source[item.origin(space) : item.origin(space) + 2] == "\\n"  # the escape "\n"
    assert _blocks(json) == _blocks(markdown)


def test_fold_lines_keeps_the_label_on_the_folded_text() -> None:
    text = "two\nlines: the text\n here"
    block = ProseBlock("item", text, tuple(range(len(text))), 0, label=text.index(":"))
    folded = fold_lines(block)
    assert folded.text == "two lines: the text here"
    assert folded.label is not None and folded.text[: folded.label] == "two lines"


def test_reference_list_is_the_references_section() -> None:
    _, json = _both(_page(Block("paragraph", (_cited("A fact."),))))
    (reference,) = json.references()
    assert json.sections[reference.section].title == "References"
    assert json.sections[reference.section].references and reference.number == 1


def _unexplained(source: str, format: str) -> list[str]:
    report = check(source, PROFILE, format=format)  # type: ignore[arg-type]
    return [f.message.split("'")[1] for f in report.findings if f.rule_id == "jargon.unexplained"]


def test_glossary_word_in_an_item_label_is_no_use_in_json_as_in_markdown() -> None:
    # "Assess" is a glossary word; in a label it is the registry's arm name, left as written
    labelled = _page(Block("item", (_cited("This group gets the drug."),), label="Assess the drug"))
    for format in ("markdown", "json"):
        assert "Assess" not in _unexplained(render(labelled, format), format)  # type: ignore[arg-type]
    running = _page(Block("item", (_cited("Assess the drug. This group gets the drug."),)))
    for format in ("markdown", "json"):
        assert "Assess" in _unexplained(render(running, format), format)  # type: ignore[arg-type]


def test_every_example_record_reads_the_same_as_json_and_as_markdown() -> None:
    records = sorted(Path(EXAMPLES).glob("*.json"))
    assert records
    for record in records:
        markdown, json = _both(plainlang.summarize(record, PROFILE).document)
        assert _blocks(json) == _blocks(markdown), record.name


# Words start with a letter, so no line of a sentence opens a Markdown construct of its own
# (the renderer escapes "-" or "#" starting a line, not after a space: " -" under a line is a
# setext heading; that is the renderer's business, not the reader's).
_WORD = st.tuples(st.sampled_from("abcXYZ"), st.text(alphabet="abcdeXYZ.,()/:-'", max_size=7)).map("".join)
_TEXT = st.lists(st.tuples(_WORD, st.sampled_from([" ", " ", "\n", " \n  "])), min_size=1, max_size=6).map(
    lambda pairs: "".join(w + s for w, s in pairs).strip()
)
_LABEL = st.text(alphabet="abcXYZ ,()", min_size=0, max_size=12).map(str.strip)
_BLOCK = st.builds(
    Block,
    st.sampled_from(["paragraph", "item", "definition", "note", "nav"]),
    st.lists(st.builds(Sentence, _TEXT, citations=st.sampled_from([(), (1,)])), min_size=1, max_size=3).map(
        tuple
    ),
    label=_LABEL.filter(lambda label: not label or (label[0].isalpha() and label[-1].isalpha())),
)


@given(st.lists(_BLOCK, min_size=1, max_size=6))
def test_json_reads_the_blocks_kinds_sections_and_labels_of_its_markdown_page(blocks: list[Block]) -> None:
    markdown, json = _both(_page(*blocks))
    assert _blocks(json) == _blocks(markdown)
