"""Eligibility criteria text → inclusion and exclusion items.

Registries write one free-text field with "Inclusion Criteria:" and "Exclusion Criteria:"
headings followed by lists. Sub-items (depth > 0) belong to the item above them and are joined
onto it, so each criterion reads on its own and nothing is dropped.
"""

from __future__ import annotations

import re

from plainlang.model import Field, Passage, TextBlock

_INCLUSION = re.compile(r"\binclusion\b|\beligible\b|\bkey inclusion\b", re.IGNORECASE)
_EXCLUSION = re.compile(r"\bexclusion\b|\bnot eligible\b|\bineligible\b", re.IGNORECASE)
# A heading written without its colon, as a line of its own: "Inclusion", "5.3 Exclusion",
# "Key Exclusion Criteria". Only these few words, so a criterion is never taken for one.
_BARE_HEADING = re.compile(
    r"\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:key\s+|main\s+)?(?:inclusion|exclusion)(?:\s+criteria)?\s*[.:]?\s*",
    re.IGNORECASE,
)


def _heading_side(block: TextBlock) -> str | None:
    """ "inclusion", "exclusion" or None for a block that may head a list."""
    if block.kind == "item":
        return None
    bare = _BARE_HEADING.fullmatch(block.text) is not None
    if (
        block.kind == "paragraph"
        and not bare
        and (len(block.text) > 80 or not block.text.rstrip().endswith(":"))
    ):
        return None
    if _EXCLUSION.search(block.text):
        return "exclusion"
    if _INCLUSION.search(block.text):
        return "inclusion"
    return None


def split_criteria(
    criteria: Passage | None,
) -> tuple[tuple[Field[str], ...], tuple[Field[str], ...]]:
    """(inclusion, exclusion) items; text before any heading counts as inclusion."""
    if criteria is None:
        return (), ()
    sides: dict[str, list[list[str]]] = {"inclusion": [], "exclusion": []}
    side = "inclusion"
    for block in criteria.blocks:
        heading = _heading_side(block)
        if heading is not None:
            side = heading
            continue
        if block.kind == "heading":
            continue
        items = sides[side]
        if block.kind == "item" and block.depth > 0 and items:
            items[-1].append(block.text)  # a sub-item completes the criterion above it
        else:
            items.append([block.text])

    def fields(name: str) -> tuple[Field[str], ...]:
        return tuple(
            Field(_join(parts), f"{criteria.path}#{name}[{index}]") for index, parts in enumerate(sides[name])
        )

    return fields("inclusion"), fields("exclusion")


def _join(parts: list[str]) -> str:
    head, *rest = parts
    if not rest:
        return head
    return head.rstrip() + " " + "; ".join(part.rstrip(";") for part in rest)
