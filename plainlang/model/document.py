"""The Document a composer writes and the Summary handed to renderers.

A Document is sections of blocks of sentences. Each sentence knows the record fields it was
built from (``SourceRef``) and, once the document is finished, the numbers of the references
that cite those records; that is what lets every printed sentence carry ``[1]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the readability stage builds on this module, not the other way round
    from plainlang.readability import Readability


@dataclass(frozen=True)
class SourceRef:
    """One record field a sentence relies on.

    ``derivation`` names a computation when a sentence states a number the record does not
    hold verbatim (``count(locations)``, ``sum(enrollment.count)``).
    """

    record_id: str
    path: str
    derivation: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of a page.

    ``keep`` lists phrases of the text to keep as written: names (a drug, a site, a condition as
    the registrant entered it) and our own already-plain wording ("phase 2 study"). The explain
    stage explains a glossary term inside one only when the term is the whole phrase, so
    "donor lymphocyte infusion" is explained but "interferon" inside "interferon gamma-1b" is not.
    """

    text: str
    sources: tuple[SourceRef, ...] = ()
    citations: tuple[int, ...] = ()  # reference numbers, filled in when the document is finished
    keep: tuple[str, ...] = ()

    @property
    def record_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(source.record_id for source in self.sources))


BlockKind = Literal["paragraph", "item", "definition", "note", "nav"]


@dataclass(frozen=True)
class Block:
    """A paragraph (sentences run together), a list item, a glossary definition, a note or a link.

    Consecutive items (and definitions, and links) render as one list. ``label`` is a short bold
    lead-in for an item, such as a site's name or a word in "Words to know"; for a "nav" block
    (a contents entry) it is the id of the section it links to. Notes and links are our own
    text, not facts from a record: they cite nothing.
    """

    kind: BlockKind
    sentences: tuple[Sentence, ...]
    label: str = ""


@dataclass(frozen=True)
class Section:
    id: str  # stable, used as the HTML anchor and the JSON key: "summary", "who-can-join"
    title: str
    blocks: tuple[Block, ...]
    intro: str = ""  # one line under the heading saying what the section is, not a fact

    def sentences(self) -> Iterator[Sentence]:
        for block in self.blocks:
            yield from block.sentences


@dataclass(frozen=True)
class Reference:
    """An entry of the summary's reference list: the registry record a sentence cites."""

    number: int
    registry: str
    record_id: str
    title: str
    url: str
    last_updated: str | None  # ISO date of the record's last update, as the registry gives it
    accessed: str  # ISO date the summary was made (injectable, for reproducible output)


@dataclass(frozen=True)
class Document:
    title: str
    sections: tuple[Section, ...]
    references: tuple[Reference, ...] = ()
    record_ids: tuple[str, ...] = ()
    language: str = "en"
    generated: str = ""  # ISO date

    def sentences(self) -> Iterator[Sentence]:
        for section in self.sections:
            yield from section.sentences()

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass(frozen=True)
class ExplainedTerm:
    """A glossary term the explain stage explained in this document, and where."""

    term: str
    definition: str
    section_id: str
    sentence_index: int  # index of the sentence within the section's sentences
    surface: str  # the words as they appeared in the text


@dataclass(frozen=True)
class Summary:
    """What ``plainlang.summarize`` returns: the finished document and what was done to it.

    ``explained`` lists the glossary terms the explain stage explained, where; ``readability``
    holds the document's scores (None for a Summary built by hand without scoring).
    """

    document: Document
    explained: tuple[ExplainedTerm, ...] = field(default=())
    readability: Readability | None = field(default=None, compare=False)

    @property
    def title(self) -> str:
        return self.document.title

    def _repr_html_(self) -> str:
        """Jupyter's rich display: terms, sentence grades, hard words and scores marked."""
        from plainlang.display.show import summary_html  # lazy: keeps `import plainlang` light

        return summary_html(self)

    def _repr_markdown_(self) -> str:
        """For front ends that show Markdown but not HTML: the page as published."""
        from plainlang.render import render

        return render(self, "markdown")
