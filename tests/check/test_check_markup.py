"""Reading pages into prose: markup is not prose, and every character keeps its place in the file."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from plainlang.check import check
from plainlang.check.markup import read_prose
from plainlang.check.prose import Prose


def _texts(prose: Prose) -> list[str]:
    return [b.text for b in prose.blocks]


def _where(source: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first ``needle`` in ``source``."""
    offset = source.index(needle)
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def _aligned(prose: Prose) -> bool:
    """Every non-space character of every block is the character at its offset, or the start
    of the entity (``&lt;``) that stands for it."""
    return all(
        c.isspace() or prose.source[o] == c or (prose.source[o] == "&" and prose.source.find(";", o) > o)
        for b in prose.blocks
        for c, o in zip(b.text, b.offsets, strict=True)
    )


MARKDOWN = """---
title: "e-mail me at writer@example.org"
---
# Heading with `code_span`

Text with `inline_code` and a [link text](https://example.org/x?y=1) and <https://auto.example/link>.
A bare URL https://bare.example/page stays out, and *emphasis* and **strong** stay in.

```
fenced_code_should_not_count = 1
```

    indented_code_also_not

<div class="attr_value">html block text</div>

- item \\[1\\] &amp; more
"""


def test_markdown_code_urls_front_matter_and_tags_are_not_prose() -> None:
    prose = read_prose(MARKDOWN, "markdown")
    joined = " ".join(_texts(prose))
    for absent in (
        "code_span",
        "inline_code",
        "example.org",
        "auto.example",
        "bare.example",
        "fenced_code",
        "indented_code",
        "attr_value",
        "writer@example.org",
        "title:",
        "*",
        "`",
    ):
        assert absent not in joined, absent
    for present in ("Heading with", "link text", "emphasis", "strong", "html block text", "item [1] & more"):
        assert present in joined, present
    assert _aligned(prose)


def test_markdown_finding_points_at_the_original_line_and_column() -> None:
    source = "# Title\n\nSome `x` text and **a promising** drug.\n"
    (finding,) = [f for f in check(source).findings if f.rule_id == "wording.promotional"]
    assert (finding.line, finding.column) == _where(source, "promising")
    assert finding.end_column - finding.column == len("promising")


def test_markdown_escapes_and_entities_map_to_their_own_columns() -> None:
    source = "Costs \\*nothing\\* &amp; is a breakthrough.\n"
    (finding,) = [f for f in check(source).findings if f.rule_id == "wording.promotional"]
    assert (finding.line, finding.column) == _where(source, "breakthrough")


def test_markdown_reference_list_gives_numbered_reference_blocks() -> None:
    prose = read_prose("Fact 1.[1]\n\n## References\n\n1. First.\n3. Third.\n", "markdown")
    assert [(b.kind, b.number) for b in prose.references()] == [("reference", 1), ("reference", 3)]


def test_html_tags_attributes_scripts_and_code_are_not_prose() -> None:
    source = (
        "<html><head><title>t</title><style>.x{color:red}</style></head><body>\n"
        '<h1 class="miracle">Study</h1>\n<p title="breakthrough">A <b>plain</b> page &amp; more.'
        "<script>var cure = 1;</script> <code>cure()</code></p>\n"
        '<p>Text <a href="https://x.example/cure">link</a>.</p>\n</body></html>'
    )
    prose = read_prose(source, "html")
    joined = " ".join(_texts(prose))
    assert "A plain page & more." in joined and "link" in joined
    for absent in ("miracle", "breakthrough", "color", "cure", "x.example"):
        assert absent not in joined, absent
    assert _aligned(prose)
    assert [s.title for s in prose.sections] == ["", "Study"]


def test_html_finding_points_into_the_original_file() -> None:
    source = "<html><body>\n<p>Hello.</p>\n<p>Join for   <em>free treatment</em> now.</p>\n</body></html>\n"
    (finding,) = [f for f in check(source, format="html").findings if f.rule_id == "wording.promotional"]
    assert (finding.line, finding.column) == _where(source, "free treatment")


def test_plain_text_paragraphs_and_reference_list() -> None:
    source = "First line\nsecond line.[1]\n\nReferences\n\n[1] ClinicalTrials.gov NCT01234567\n"
    prose = read_prose(source, "text")
    assert _texts(prose)[0] == "First line second line.[1]"
    assert [(b.kind, b.number) for b in prose.blocks][-1] == ("reference", 1)


def test_plainlang_json_sentences_map_into_their_string_literals() -> None:
    page = {
        "schema": "plainlang.summary/1",
        "title": "Caf\u00e9 study",
        "sections": [
            {
                "id": "s",
                "title": "Summary",
                "blocks": [
                    {
                        "kind": "paragraph",
                        "label": "",
                        "sentences": [
                            {"text": "A caf\u00e9 breakthrough.", "citations": [1], "sources": []},
                        ],
                    },
                ],
            },
        ],
        "references": [
            {
                "number": 1,
                "registry": "ClinicalTrials.gov",
                "record_id": "NCT01234567",
                "title": "T",
                "url": "https://clinicaltrials.gov/study/NCT01234567",
            }
        ],
    }
    source = json.dumps(page, indent=2)  # ensure_ascii: é is written as \\u00e9
    (finding,) = [f for f in check(source, format="json").findings if f.rule_id == "wording.promotional"]
    assert (finding.line, finding.column) == _where(source, "breakthrough")
    prose = read_prose(source, "json")
    assert "A café breakthrough.[1]" in _texts(prose)


WORDS = st.text(alphabet=st.sampled_from("abcdefghij KLM"), min_size=1, max_size=12).filter(str.strip)
WRAPPERS = st.sampled_from(
    ["{}", "*{}*", "**{}**", "`{}`", "[{}](https://u.example/p)", "<b>{}</b>", "\\*{}", "{} &amp;"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(WRAPPERS, WORDS), min_size=1, max_size=6), min_size=1, max_size=5))
def test_markdown_prose_characters_always_sit_at_their_offsets(
    paragraphs: list[list[tuple[str, str]]],
) -> None:
    source = "\n\n".join(" ".join(w.format(t) for w, t in para) for para in paragraphs) + "\n"
    assert _aligned(read_prose(source, "markdown"))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(st.sampled_from(["{}", "<i>{}</i>", "{} &lt;", "<span a='x'>{}</span>"]), WORDS),
            min_size=1,
            max_size=6,
        ),
        min_size=1,
        max_size=5,
    )
)
def test_html_prose_characters_always_sit_at_their_offsets(paragraphs: list[list[tuple[str, str]]]) -> None:
    source = "".join("<p>" + " ".join(w.format(t) for w, t in para) + "</p>\n" for para in paragraphs)
    prose = read_prose(source, "html")
    assert _aligned(prose)
    assert len(prose.blocks) == len(paragraphs)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=4))
def test_json_sentence_characters_decode_from_their_offsets(sentences: list[str]) -> None:
    page = {
        "schema": "plainlang.summary/1",
        "title": "T",
        "sections": [
            {
                "title": "S",
                "blocks": [
                    {"kind": "paragraph", "sentences": [{"text": s, "citations": []} for s in sentences]}
                ],
            }
        ],
    }
    source = json.dumps(page, indent=1)
    prose = read_prose(source, "json")
    for block in prose.blocks:
        for char, offset in zip(block.text, block.offsets, strict=True):
            if not char.isspace():
                # the character is there literally, or an escape that decodes to it starts there
                assert source[offset] == char or source[offset] == "\\"
