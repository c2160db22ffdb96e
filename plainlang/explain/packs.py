"""Glossary packs: reading the YAML files into frozen Term and Pack values, with where each came from.

A pack is a YAML file (format: ``glossaries/schema.json``). Every term, key and value keeps the
file, line and column it was written at, so that the linter and the loader can say exactly where
a problem is (``glossaries/oncology.yaml:41:5: [G003] ...``). To get those marks we compose the
YAML node graph ourselves (a SafeLoader subclass; the libyaml one when it is installed, for
speed) and build plain values from it while recording each node's start mark.

Loading for use does not need the marks, and recording ~15,000 of them was a third of a cold
load; so values are built from the nodes alone, and the marks are worked out when first asked
for (an error to report, ``glossary show``, the linter) by composing the pack's text again.

Packs come from three places: the built-in ones shipped as the package ``plainlang.glossaries``
(read with importlib.resources), files named by path, and installed packages that declare an
entry point in the group ``plainlang.glossaries`` (a publisher can ship its own pack that way).
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from plainlang.errors import GlossaryError, Location

if TYPE_CHECKING:
    import importlib.metadata

ENTRY_POINT_GROUP = "plainlang.glossaries"
BUILTIN_PACKAGE = "plainlang.glossaries"
# Built-in packs live in glossaries/ at the repository root, where writers edit them; errors name
# that path so a writer can jump to the line.
BUILTIN_DISPLAY_DIR = "glossaries"

PACK_KEYS = ("name", "title", "language", "version", "description", "terms")
TERM_KEYS = (
    "term",
    "aliases",
    "abbreviations",
    "definition",
    "explanation",
    "plain",
    "category",
    "see_also",
)

# libyaml's loader is several times faster and still gives line and column marks.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _MarkedLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader we only use to compose nodes; values are built by ``_build``."""


@dataclass(frozen=True)
class Mark:
    """A position in a pack file: 1-based line and column."""

    line: int
    column: int


@dataclass(frozen=True)
class Term:
    """One glossary entry, as written, with the marks of its parts.

    ``marks`` maps a key ("term", "definition", "aliases[1]", ...) to where its value starts;
    ``key_marks`` maps a key to where the key itself is written.
    """

    term: str
    definition: str
    category: str
    pack: str
    index: int  # position in the pack's term list
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    explanation: str | None = None
    plain: str | None = None
    see_also: tuple[str, ...] = ()
    file: str = ""
    source: PackMarks | None = field(default=None, compare=False, repr=False)

    @property
    def forms(self) -> tuple[str, ...]:
        """The written forms matched case-insensitively: the term and its aliases."""
        return (self.term, *self.aliases)

    @property
    def marks(self) -> tuple[tuple[str, Mark], ...]:
        """Where each value of the entry starts, by key ("term", "aliases[1]", ...)."""
        return tuple(self.source.term_marks(self.index)[0].items()) if self.source else ()

    @property
    def key_marks(self) -> tuple[tuple[str, Mark], ...]:
        """Where each key of the entry is written."""
        return tuple(self.source.term_marks(self.index)[1].items()) if self.source else ()

    def mark(self, key: str = "term") -> Mark | None:
        return self.source.term_marks(self.index)[0].get(key) if self.source else None

    def location(self, key: str = "term") -> Location:
        mark = self.mark(key) or self.mark("term")
        field = f"terms[{self.index}].{key}"
        if mark is None:
            return Location(self.file or None, field=field)
        return Location(self.file or None, mark.line, mark.column, field)


@dataclass(frozen=True)
class RawPack:
    """A pack file as read: the built value plus the marks of every node, before checking."""

    file: str  # display path used in messages
    data: Any
    source: PackMarks = field(compare=False, repr=False)

    @property
    def marks(self) -> tuple[tuple[str, Mark], ...]:
        """ "terms[3].definition" -> mark of the value, for every value."""
        return tuple(self.source.values.items())

    @property
    def key_marks(self) -> tuple[tuple[str, Mark], ...]:
        """ "terms[3].defintion" -> mark of the key, for every key."""
        return tuple(self.source.keys.items())

    def mark(self, path: str) -> Mark | None:
        return self.source.values.get(path)

    def key_mark(self, path: str) -> Mark | None:
        return self.source.keys.get(path)

    def location(self, path: str, *, key: bool = False) -> Location:
        mark = (self.key_mark(path) if key else None) or self.mark(path)
        # a missing path is located at its nearest written parent
        parent = path
        while mark is None and parent:
            parent = parent.rpartition(".")[0] if "." in parent else ""
            parent = parent.rsplit("[", 1)[0] if parent.endswith("]") else parent
            mark = self.mark(parent)
        if mark is None:
            return Location(self.file, field=path or None)
        return Location(self.file, mark.line, mark.column, path or None)


@dataclass(frozen=True)
class Pack:
    name: str
    language: str
    version: str
    terms: tuple[Term, ...]
    file: str
    title: str = ""
    description: str = ""


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _walk_marks(
    node: yaml.Node, path: str, loader: yaml.SafeLoader, marks: dict[str, Mark], key_marks: dict[str, Mark]
) -> None:
    """Record the mark of every value and key under ``node``, by the paths ``_build`` uses."""
    marks[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_text = str(_scalar(key_node, loader))
            child = f"{path}.{key_text}" if path else key_text
            key_marks[child] = _mark(key_node)
            _walk_marks(value_node, child, loader, marks, key_marks)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk_marks(item, f"{path}[{i}]", loader, marks, key_marks)


def _scalar(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    """A node's value; strings, nearly every value of a pack, straight from the node."""
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG:
        return node.value
    return loader.construct_object(node, deep=True)


_TERM_PATH = re.compile(r"^terms\[(\d+)\]\.(.+)$")


class PackMarks:
    """The marks of one pack's values and keys, worked out on first use from its text.

    Composing the text again costs a few milliseconds per pack, paid only when a location is
    asked for; loading for use skips it.
    """

    def __init__(self, text: str) -> None:
        self._text = text

    @functools.cached_property
    def _tables(self) -> tuple[dict[str, Mark], dict[str, Mark]]:
        marks: dict[str, Mark] = {}
        key_marks: dict[str, Mark] = {}
        loader = _MarkedLoader(self._text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _walk_marks(node, "", loader, marks, key_marks)
        except yaml.YAMLError:  # cannot happen for a text that parsed once; no marks then
            pass
        finally:
            loader.dispose()
        return marks, key_marks

    @property
    def values(self) -> dict[str, Mark]:
        return self._tables[0]

    @property
    def keys(self) -> dict[str, Mark]:
        return self._tables[1]

    @functools.cached_property
    def _by_term(self) -> dict[int, tuple[dict[str, Mark], dict[str, Mark]]]:
        grouped: dict[int, tuple[dict[str, Mark], dict[str, Mark]]] = {}
        for side, table in enumerate(self._tables):
            for path, mark in table.items():
                m = _TERM_PATH.match(path)
                if m is not None:
                    grouped.setdefault(int(m.group(1)), ({}, {}))[side][m.group(2)] = mark
        return grouped

    def term_marks(self, index: int) -> tuple[dict[str, Mark], dict[str, Mark]]:
        """The value marks and key marks of term ``index``, by key within the term."""
        return self._by_term.get(index, ({}, {}))


_STR_TAG = "tag:yaml.org,2002:str"


def _build(node: yaml.Node, path: str, loader: yaml.SafeLoader) -> Any:
    """Plain Python values from a composed node; a key written twice is an error (G002)."""
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, loader)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_text = str(_scalar(key_node, loader))
            if key_text in result:
                child = f"{path}.{key_text}" if path else key_text
                raise GlossaryError(
                    f"key {key_text!r} is written twice in the same mapping",
                    Location(None, *_line_col(key_node), child),
                    hint="keep one of them",
                    code="G002",
                )
            result[key_text] = _build(value_node, f"{path}.{key_text}" if path else key_text, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, f"{path}[{i}]", loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _line_col(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse_pack_text(text: str, file: str) -> RawPack:
    """Parse one pack's YAML into values (marks on demand); raises G001 on a YAML syntax error."""
    loader = _MarkedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise GlossaryError("the file is empty", Location(file, 1, 1), code="G001")
        try:
            data = _build(node, "", loader)
        except GlossaryError as error:
            raise error.with_file(file) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise GlossaryError(
            f"invalid YAML: {error.problem or error.context}",
            Location(file, line, column),
            hint="fix the YAML syntax",
            code="G001",
        ) from None
    finally:
        loader.dispose()
    return RawPack(file, data, PackMarks(text))


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _optional_text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def build_pack(raw: RawPack) -> Pack:
    """Frozen Pack and Terms from a parsed pack, taking what is well-typed and skipping the rest.

    Validation is separate (``plainlang.explain.lint``): this only never fails, so the linter
    can report every problem of a pack at once instead of the first.
    """
    data = raw.data if isinstance(raw.data, dict) else {}
    terms: list[Term] = []
    entries = data.get("terms")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict) or not isinstance(entry.get("term"), str):
            continue
        terms.append(
            Term(
                term=entry["term"],
                definition=_optional_text(entry.get("definition")) or "",
                category=str(entry.get("category", "")),
                pack=str(data.get("name", "")),
                index=index,
                aliases=_strings(entry.get("aliases")),
                abbreviations=_strings(entry.get("abbreviations")),
                explanation=_optional_text(entry.get("explanation")),
                plain=_optional_text(entry.get("plain")),
                see_also=_strings(entry.get("see_also")),
                file=raw.file,
                source=raw.source,
            )
        )
    return Pack(
        name=str(data.get("name", "")),
        language=str(data.get("language", "")),
        version=str(data.get("version", "")),
        terms=tuple(terms),
        file=raw.file,
        title=str(data.get("title", "")),
        description=str(data.get("description", "")),
    )


# --- where packs come from -------------------------------------------------------------------


@dataclass(frozen=True)
class PackSource:
    """A pack file to read: its text comes from ``read``; ``file`` is the path shown in messages."""

    file: str
    read: Callable[[], str]


def _traversable_source(item: Traversable, display: str) -> PackSource:
    return PackSource(display, lambda: item.read_text("utf-8"))


def _yaml_children(root: Traversable) -> list[Traversable]:
    return sorted(
        (p for p in root.iterdir() if p.name.endswith((".yaml", ".yml")) and p.is_file()),
        key=lambda p: p.name,
    )


def builtin_sources() -> tuple[PackSource, ...]:
    """The packs shipped with plainlang, in file-name order (that order breaks ties)."""
    root = files(BUILTIN_PACKAGE)
    return tuple(_traversable_source(p, f"{BUILTIN_DISPLAY_DIR}/{p.name}") for p in _yaml_children(root))


def _entry_points() -> dict[str, importlib.metadata.EntryPoint]:
    # imported here: importlib.metadata (and the email package it pulls in) is a fifth of
    # importing plainlang.explain, and only installed packs need it
    import importlib.metadata

    found = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    return {ep.name: ep for ep in sorted(found, key=lambda ep: ep.name)}


def _sources_from_object(obj: Any, label: str) -> Iterator[PackSource]:
    """An entry point names a package holding *.yaml packs, or a callable returning paths."""
    if isinstance(obj, types.ModuleType):
        for item in _yaml_children(files(obj)):
            yield _traversable_source(item, f"{label}:{item.name}")
        return
    if callable(obj):
        for item in obj():
            if isinstance(item, (str, Path)):
                yield path_source(Path(item))
            else:
                yield _traversable_source(item, f"{label}:{item.name}")
        return
    raise GlossaryError(
        f"entry point {label!r} is neither a package of .yaml packs nor a callable",
        Location(field=f"entry-points.{ENTRY_POINT_GROUP}.{label}"),
        hint="point it at a package (mypkg.glossaries) or a function returning pack paths",
        code="G001",
    )


def entry_point_sources(names: Iterable[str] | None = None) -> tuple[PackSource, ...]:
    """Packs installed by other packages; all of them when ``names`` is None."""
    available = _entry_points()
    wanted = sorted(available) if names is None else list(names)
    sources: list[PackSource] = []
    for name in wanted:
        if name not in available:
            raise GlossaryError(
                f"no glossary pack or installed entry point named {name!r}",
                Location(field=f"glossaries.{name}"),
                hint=f"give a path to a .yaml pack, or one of: {', '.join(available) or 'none'}",
                code="G001",
            )
        sources.extend(_sources_from_object(available[name].load(), name))
    return tuple(sources)


def path_source(path: Path) -> PackSource:
    def read() -> str:
        try:
            return path.read_text("utf-8")
        except OSError as error:
            raise GlossaryError(
                f"cannot read the pack: {error.strerror}",
                Location(str(path)),
                hint="check the path",
                code="G001",
            ) from None

    return PackSource(str(path), read)


def looks_like_path(source: str) -> bool:
    return source.endswith((".yaml", ".yml")) or "/" in source or "\\" in source


def sources_for(names: Iterable[str]) -> tuple[PackSource, ...]:
    """Pack sources for user-given names: files, directories of packs, or entry-point names."""
    sources: list[PackSource] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            sources.extend(path_source(p) for p in sorted(path.glob("*.y*ml")))
        elif path.exists() or looks_like_path(name):
            sources.append(path_source(path))
        else:
            sources.extend(entry_point_sources([name]))
    return tuple(sources)


def read_raw(source: PackSource) -> RawPack:
    return parse_pack_text(source.read(), source.file)
