"""Checks on glossary packs, each finding with a stable code and the file:line:col it is about.

Codes:
    G001  the file cannot be read or is not valid YAML
    G002  unknown key (or a key written twice)
    G003  a term, alias or abbreviation is already defined (in this pack or another)
    G004  a required field is missing or a value has the wrong type (schema)
    G005  an empty definition, explanation or plain form
    G006  a definition or explanation above grade 6 (Flesch–Kincaid)
    G007  a definition uses another glossary term that is itself hard (not a Dale–Chall easy
          word, three syllables or more) and that its see_also does not name
    G008  see_also links form a cycle (a warning)
    G009  see_also names a term no loaded pack defines
    G010  the pack's name is not its file name
    G011  a definition ends with a full stop (it is read inside parentheses)
    G012  an explanation does not name its term, an alias or an abbreviation (read as a
          sentence of its own, it must say which word it explains)

G001–G005 make a pack unusable, and ``Glossary.load`` raises on them; the others are quality
findings that only the linter reports.

Severities: every code is an error except G008, a warning. A see_also cycle does not hurt a
reader (each definition still stands on its own words), so it is shown for a writer to tidy,
and ``plainlang glossary lint`` fails on it only with ``--strict``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from plainlang.errors import GlossaryError, Location
from plainlang.explain.lint_names import check_explanations_name_terms
from plainlang.explain.matcher import CompiledMatcher
from plainlang.explain.packs import (
    PACK_KEYS,
    TERM_KEYS,
    Pack,
    PackSource,
    RawPack,
    Term,
    build_pack,
    read_raw,
)

MAX_GRADE = 6.0
BLOCKING = frozenset({"G001", "G002", "G003", "G004", "G005"})
WARNINGS = frozenset({"G008"})


def severity_of(code: str) -> str:
    """``warning`` for the codes in WARNINGS, ``error`` for every other."""
    return "warning" if code in WARNINGS else "error"


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    location: Location
    hint: str = ""

    @property
    def severity(self) -> str:
        return severity_of(self.code)

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        text = f"{self.location}: [{self.code}] {label}{self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def error(self) -> GlossaryError:
        return GlossaryError(self.message, self.location, hint=self.hint, code=self.code)


@cache
def _schema_validator() -> Any:
    import jsonschema

    schema = json.loads(files("plainlang.glossaries").joinpath("schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _path_text(parts: Iterable[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def check_structure(raw: RawPack, *, full_schema: bool = True) -> Iterator[Finding]:
    """Unknown keys (G002), schema violations (G004), empty texts (G005), file name (G010).

    ``full_schema`` validates with jsonschema against glossaries/schema.json, as editors do;
    without it a built-in check of the same rules runs, which spares loading jsonschema
    (about 0.1 s) when a glossary is only being loaded.
    """
    data = raw.data
    if not isinstance(data, dict):
        yield Finding(
            "G004",
            "a pack must be a mapping with name, language, version and terms",
            raw.location(""),
            "see glossaries/schema.json",
        )
        return
    for key in data:
        if key not in PACK_KEYS:
            yield Finding(
                "G002",
                f"unknown key {key!r}",
                raw.location(key, key=True),
                f"known keys: {', '.join(PACK_KEYS)}",
            )
    terms = data.get("terms")
    for index, entry in enumerate(terms if isinstance(terms, list) else []):
        if not isinstance(entry, dict):
            continue
        for key in entry:
            if key not in TERM_KEYS:
                path = f"terms[{index}].{key}"
                yield Finding(
                    "G002",
                    f"unknown key {key!r} in term {entry.get('term')!r}",
                    raw.location(path, key=True),
                    f"known keys: {', '.join(TERM_KEYS)}",
                )
        for key in ("definition", "explanation", "plain"):
            value = entry.get(key)
            if isinstance(value, str) and not value.strip():
                yield Finding(
                    "G005",
                    f"empty {key} for term {entry.get('term')!r}",
                    raw.location(f"terms[{index}].{key}"),
                    "write it, or remove the key" if key != "definition" else "every term needs a definition",
                )
    if not full_schema:
        yield from quick_schema_check(raw)
        return
    for error in sorted(_schema_validator().iter_errors(data), key=lambda e: list(e.path)):
        if error.validator == "additionalProperties":
            continue  # reported above as G002, at the key
        path = _path_text(error.absolute_path)
        if error.validator == "minLength" and isinstance(error.instance, str) and not error.instance.strip():
            continue  # reported above as G005
        if error.validator == "required":
            message = f"missing {error.message.split(' is a required')[0]}"
        else:
            message = f"{path or 'pack'}: {error.message}"
        yield Finding("G004", message, raw.location(path), "see glossaries/schema.json")
    name = data.get("name")
    stem = re.sub(r"\.ya?ml$", "", raw.file.replace("\\", "/").rsplit("/", 1)[-1].split(":")[-1])
    if isinstance(name, str) and name != stem:
        yield Finding(
            "G010",
            f"pack name {name!r} differs from the file name {stem!r}",
            raw.location("name"),
            "make them the same",
        )


_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LANGUAGE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
_TERM_LISTS = ("aliases", "abbreviations", "see_also")
_TERM_TEXTS = {"term": 1, "definition": 3, "explanation": 3, "plain": 1, "category": 1}


def quick_schema_check(raw: RawPack) -> Iterator[Finding]:
    """The rules of glossaries/schema.json (besides unknown keys) without jsonschema."""

    def bad(path: str, message: str) -> Finding:
        return Finding("G004", message, raw.location(path), "see glossaries/schema.json")

    data = raw.data
    for key in ("name", "language", "version", "terms"):
        if key not in data:
            yield bad("", f"missing {key!r}")
    for key, pattern in (("name", _NAME), ("language", _LANGUAGE)):
        value = data.get(key)
        if key in data and not (isinstance(value, str) and pattern.match(value)):
            yield bad(key, f"{key}: {value!r} does not match {pattern.pattern!r}")
    if "version" in data and not isinstance(data["version"], (int, str)):
        yield bad("version", "version: must be an integer or a string")
    for key in ("title", "description"):
        if key in data and not isinstance(data[key], str):
            yield bad(key, f"{key}: must be a string")
    terms = data.get("terms")
    if "terms" in data and (not isinstance(terms, list) or not terms):
        yield bad("terms", "terms: must be a non-empty list")
        return
    for index, entry in enumerate(terms or []):
        path = f"terms[{index}]"
        if not isinstance(entry, dict):
            yield bad(path, f"{path}: each term must be a mapping")
            continue
        for key in ("term", "definition", "category"):
            if key not in entry:
                yield bad(path, f"missing {key!r}")
        for key, shortest in _TERM_TEXTS.items():
            if key in entry and not isinstance(entry[key], str):
                yield bad(f"{path}.{key}", f"{path}.{key}: must be a string")
            elif key in entry and len(entry[key]) < shortest and entry[key].strip():
                yield bad(f"{path}.{key}", f"{path}.{key}: shorter than {shortest} characters")
        for key in _TERM_LISTS:
            value = entry.get(key)
            if key not in entry:
                continue
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                yield bad(f"{path}.{key}", f"{path}.{key}: must be a list of non-empty strings")
            elif len(set(value)) != len(value):
                yield bad(f"{path}.{key}", f"{path}.{key}: has repeated items")


def _short(location: Location) -> str:
    file = (location.file or "<input>").replace("\\", "/").rsplit("/", 1)[-1]
    return f"{file}:{location.line}" if location.line is not None else file


def check_collisions(packs: Sequence[Pack], report: Sequence[Pack] | None = None) -> Iterator[Finding]:
    """G003: a form (term, alias, abbreviation) defined twice, in one pack or across packs.

    Terms and aliases compare without case; abbreviations compare exactly, as they are matched.
    Only packs in ``report`` get findings (the others are context, such as the built-ins).
    """
    shown = {id(p) for p in (report if report is not None else packs)}
    seen: dict[tuple[str, str], tuple[Term, str]] = {}  # form -> (term, key of its mark)
    for pack in packs:
        for term in pack.terms:
            forms = [("term", term.term, term.term.lower(), "term")]
            forms += [("alias", a, a.lower(), f"aliases[{i}]") for i, a in enumerate(term.aliases)]
            forms += [("abbreviation", a, a, f"abbreviations[{i}]") for i, a in enumerate(term.abbreviations)]
            own: set[tuple[str, str]] = set()
            for kind, form, key_text, mark_key in forms:
                key = ("abbr" if kind == "abbreviation" else "word", key_text)
                # an abbreviation written in capitals may equal a lower-cased word form of
                # another term only if matching would confuse them: compare words to words.
                if key in own:
                    continue
                own.add(key)
                if key in seen:
                    other, other_key = seen[key]
                    if id(pack) in shown:
                        where = _short(other.location(other_key))
                        yield Finding(
                            "G003",
                            f"{form!r} is already defined in {where}"
                            + (f" (term {other.term!r})" if other.term != form else ""),
                            term.location(mark_key),
                            "remove one, or make it an alias of the other",
                        )
                    continue
                # the location only when reported: working out marks is the slow part of a load
                seen[key] = (term, mark_key)


def grade(text: str) -> float:
    from plainlang._textstat import textstat

    return float(textstat().flesch_kincaid_grade(text))


def without_term(sentence: str, term: Term) -> str:
    """The explanation with the term itself replaced by "it": the term is what is taught."""
    forms = sorted({*term.forms, *term.abbreviations}, key=len, reverse=True)
    for form in forms:
        sentence = re.sub(rf"(?i)(?<!\w){re.escape(form)}(?!\w)", "it", sentence)
    return sentence


def check_grades(packs: Sequence[Pack], max_grade: float = MAX_GRADE) -> Iterator[Finding]:
    """G006 and G011: definitions and explanations a grade-6 reader can follow."""
    for pack in packs:
        for term in pack.terms:
            if term.definition.strip():
                level = grade(term.definition)
                if level > max_grade:
                    yield Finding(
                        "G006",
                        f"the definition of {term.term!r} reads at grade {level:.1f}, above {max_grade:g}",
                        term.location("definition"),
                        "use shorter words and sentences",
                    )
                if term.definition.rstrip().endswith("."):
                    yield Finding(
                        "G011",
                        f"the definition of {term.term!r} ends with a full stop",
                        term.location("definition"),
                        "it is read inside parentheses: drop the full stop",
                    )
            if term.explanation and term.explanation.strip():
                level = grade(without_term(term.explanation, term))
                if level > max_grade:
                    yield Finding(
                        "G006",
                        f"the explanation of {term.term!r} reads at grade {level:.1f}, above {max_grade:g}",
                        term.location("explanation"),
                        "use shorter words and sentences",
                    )


def check_uses_of_terms(
    packs: Sequence[Pack], matcher: CompiledMatcher, report: Sequence[Pack] | None = None
) -> Iterator[Finding]:
    """G007: a definition that leans on another hard term, unless see_also declares the link.

    A reader who needs "refractory" explained should not meet "chemotherapy" in the
    explanation; if the definition truly builds on the other term, naming it in see_also says so.
    A term whose words a grade-6 reader already knows ("blood cancer", "bone marrow") is
    fine to use: only a term with a hard word (the readability engine's test: not on the
    Dale–Chall list and three syllables or more) is reported.
    """
    shown = {id(p) for p in (report if report is not None else packs)}
    for pack in packs:
        if id(pack) not in shown:
            continue
        for term in pack.terms:
            allowed = {term.term.lower(), *(s.lower() for s in term.see_also)}
            for key in ("definition", "explanation"):
                text = term.definition if key == "definition" else term.explanation
                if not text:
                    continue
                used = [m for m in matcher.find(text) if m.term.lower() not in allowed and is_hard(m.surface)]
                for name in dict.fromkeys(m.term for m in used):
                    surface = next(m.surface for m in used if m.term == name)
                    yield Finding(
                        "G007",
                        f"the {key} of {term.term!r} uses the glossary term {surface!r}",
                        term.location(key),
                        f"say it more plainly, or add {name!r} to see_also if it is needed",
                    )


def is_hard(words: str) -> bool:
    """Some word of ``words`` is hard for the readability engine (not easy, 3+ syllables)."""
    from plainlang.readability.counts import count

    return bool(count(words).hard)


def check_see_also(packs: Sequence[Pack], report: Sequence[Pack] | None = None) -> Iterator[Finding]:
    """G009 unknown targets and G008 cycles in see_also links."""
    shown = {id(p) for p in (report if report is not None else packs)}
    terms: dict[str, tuple[Term, bool]] = {}
    for pack in packs:
        for term in pack.terms:
            terms.setdefault(term.term.lower(), (term, id(pack) in shown))
    graph: dict[str, list[str]] = {}
    for key, (term, visible) in terms.items():
        graph[key] = []
        for i, target in enumerate(term.see_also):
            if target.lower() in terms:
                graph[key].append(target.lower())
            elif visible:
                yield Finding(
                    "G009",
                    f"see_also of {term.term!r} names {target!r}, which no pack defines",
                    term.location(f"see_also[{i}]"),
                    "fix the spelling or remove it",
                )
    for cycle in _cycles(graph):
        first, visible = terms[cycle[0]]
        if not visible:
            continue
        path = " → ".join([*(terms[k][0].term for k in cycle), first.term])
        yield Finding(
            "G008",
            f"see_also links form a cycle: {path}",
            first.location("see_also"),
            "link one way only, from the narrower term to the broader one",
        )


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """One cycle per strongly connected component that has one (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child_i = work.pop()
            if child_i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = graph[node]
            if child_i < len(children):
                work.append((node, child_i + 1))
                child = children[child_i]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return [_cycle_in(graph, sorted(c, key=list(graph).index)) for c in components]


def _cycle_in(graph: dict[str, list[str]], component: list[str]) -> list[str]:
    """The shortest cycle through the component's first node, for the message."""
    members = set(component)
    start = component[0]
    parents: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for child in graph[node]:
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(parents[path[-1]])
                return path[::-1]
            if child in members and child not in parents:
                parents[child] = node
                queue.append(child)
    return [start]


def lint(
    sources: Sequence[PackSource],
    context: Sequence[PackSource] = (),
    *,
    max_grade: float = MAX_GRADE,
) -> list[Finding]:
    """Every finding for the packs in ``sources``; ``context`` packs (the built-ins, when a user
    pack is linted) count for collisions, see_also and term use but are not reported on."""
    findings: list[Finding] = []
    shown: list[Pack] = []
    everything: list[Pack] = []
    for source, report in [(s, False) for s in context] + [(s, True) for s in sources]:
        try:
            raw = read_raw(source)
        except GlossaryError as error:
            if report:
                findings.append(Finding(error.code, error.message, error.location, error.hint))
            continue
        if report:
            findings.extend(check_structure(raw))
        pack = build_pack(raw)
        everything.append(pack)
        if report:
            shown.append(pack)
    findings.extend(check_collisions(everything, shown))
    findings.extend(check_grades(shown, max_grade))
    matcher = CompiledMatcher([t for p in everything for t in p.terms])
    findings.extend(check_uses_of_terms(everything, matcher, shown))
    findings.extend(check_see_also(everything, shown))
    findings.extend(check_explanations_name_terms(everything, shown))
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple[str, int, int, str]:
    loc = finding.location
    return (loc.file or "", loc.line or 0, loc.column or 0, finding.code)
