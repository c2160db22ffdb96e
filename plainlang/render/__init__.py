"""Summary → text a reader sees: Markdown (default), HTML, plain text or JSON.

Markdown, HTML and plain text come from Jinja2 templates, selectable by name (``markdown``,
``html``, ``text``) or overridden by a path to a publisher's own template. HTML is autoescaped;
Markdown escapes every character of registry text that Markdown would read as markup, so a
record cannot inject a link, an image or raw HTML through either.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any, Literal

import jinja2

from plainlang._gc import collector_paused
from plainlang.errors import ConfigError, Location
from plainlang.model import Document, Sentence, Summary

Format = Literal["markdown", "html", "text", "json"]
FORMATS: tuple[Format, ...] = ("markdown", "html", "text", "json")
SUMMARY_SCHEMA = "plainlang.summary/1"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])|<(?=[A-Za-z/!?])|&(?=#?\w+;)|^([#>+-])|^(\d+)([.)])", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Escape what Markdown would read as markup: emphasis, links, code, raw HTML, entities."""

    def repl(match: re.Match[str]) -> str:
        if match.group(1):
            return "\\" + match.group(1)
        if match.group(2):
            return "\\" + match.group(2)
        if match.group(3):
            return match.group(3) + "\\" + match.group(4)
        if match.group(0) == "<":
            return "&lt;"
        return "&amp;"

    return _MD_SPECIAL.sub(repl, text)


def _markers(sentence: Sentence) -> str:
    return "".join(f"[{n}]" for n in sentence.citations)


@functools.cache
def _environment(kind: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("plainlang.render", "templates"),
        autoescape=kind == "html",
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = escape_markdown
    env.filters["markers"] = _markers
    return env


def _template(kind: str, template: str | Path | None) -> jinja2.Template:
    if template is None:
        return _environment(kind).get_template(f"page.{'md' if kind == 'markdown' else kind}.j2")
    path = Path(template)
    try:
        source = path.read_text("utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read template: {error.strerror}", Location(str(path))) from None
    try:
        return _environment(kind).from_string(source)
    except jinja2.TemplateSyntaxError as error:
        raise ConfigError(f"template error: {error.message}", Location(str(path), error.lineno)) from None


def render(
    summary: Summary | Document, format: Format = "markdown", template: str | Path | None = None
) -> str:
    """The summary as text in ``format``; ``template`` overrides the built-in template."""
    document = summary.document if isinstance(summary, Summary) else summary
    if format == "json":
        return to_json(summary)
    if format not in FORMATS:
        raise ConfigError(
            f"unknown format {format!r}", Location(field="format"), hint="use one of " + ", ".join(FORMATS)
        )
    explained = summary.explained if isinstance(summary, Summary) else ()
    page = _template(format, template)
    with collector_paused():  # see plainlang._gc: rendering makes many objects, no garbage
        return page.render(document=document, explained=explained)


def to_dict(summary: Summary | Document) -> dict[str, Any]:
    """The summary as plain data, in the documented ``plainlang.summary/1`` shape."""
    document = summary.document if isinstance(summary, Summary) else summary
    explained = summary.explained if isinstance(summary, Summary) else ()
    return {
        "schema": SUMMARY_SCHEMA,
        "title": document.title,
        "language": document.language,
        "generated": document.generated,
        "records": list(document.record_ids),
        "sections": [
            {
                "id": section.id,
                "title": section.title,
                "blocks": [
                    {
                        "kind": block.kind,
                        "label": block.label,
                        "sentences": [
                            {
                                "text": sentence.text,
                                "citations": list(sentence.citations),
                                "sources": [
                                    {"record_id": s.record_id, "path": s.path, "derivation": s.derivation}
                                    for s in sentence.sources
                                ],
                            }
                            for sentence in block.sentences
                        ],
                    }
                    for block in section.blocks
                ],
            }
            for section in document.sections
        ],
        "references": [
            {
                "number": r.number,
                "registry": r.registry,
                "record_id": r.record_id,
                "title": r.title,
                "url": r.url,
                "last_updated": r.last_updated,
                "accessed": r.accessed,
            }
            for r in document.references
        ],
        "explained_terms": [
            {
                "term": t.term,
                "definition": t.definition,
                "section": t.section_id,
                "sentence": t.sentence_index,
                "surface": t.surface,
            }
            for t in explained
        ],
    }


def to_json(summary: Summary | Document) -> str:
    return json.dumps(to_dict(summary), ensure_ascii=False, indent=2) + "\n"


__all__ = ["FORMATS", "SUMMARY_SCHEMA", "Format", "escape_markdown", "render", "to_dict", "to_json"]
