"""The precompiled index of the built-in packs, shipped as ``glossaries/builtin-index.marshal``.

A cold ``Glossary.load()`` + compile of the 1,600-odd built-in terms spends most of its time
in work whose result only depends on our own files: parsing the YAML and generating every
term's variants into the token tries. This index holds those results (each pack's parsed
values and ``CompiledMatcher.tables()``), made by

    python -m plainlang.explain.index

from the YAML. It is a build artifact of our own data, not a user cache: it is used only when
the SHA-256 digest stored inside equals the digest of what it was made from, worked out at
load time from the pack texts, the sources of the modules that read, check and compile packs
(``packs``, ``lint``, ``lint_names``, ``tokens``, ``variants``, ``matcher``, this one) and the
Dale–Chall easy-word list the variants consult. Any difference (a pack edited, a rule
changed, another textstat, even a reformatted comment) and the packs are read, checked and
compiled as usual, only slower; ``tests/explain/test_index.py`` fails until it is rebuilt.

Since the index is only written for packs that load without error, and the checking code is
in the digest, a glossary loaded from it skips the checks too (they could find nothing). The
marks (file:line:col) still come from the pack texts, on demand.

Measured with ``benchmarks/explain_speed.py`` (1,642 terms, a loaded 2-core machine): a cold
``Glossary.load()`` + compile takes ~26 ms from the index (reading the texts and the digest,
~8 ms of unmarshalling, ~3 ms to rebuild the keys) against ~160 ms from the YAML.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from plainlang._gc import collector_paused
from plainlang.explain.matcher import CompiledMatcher, Tables, TrieNode

INDEX_NAME = "builtin-index.marshal"
_FORMAT = 1
# the modules whose code decides the packs' values, their checks and the tables, read as text
# for the digest: a change to any of them may change what the index would hold
_TABLE_MODULES = (
    "packs.py",
    "lint.py",
    "lint_names.py",
    "tokens.py",
    "variants.py",
    "matcher.py",
    "index.py",
)


def digest(pack_texts: Sequence[tuple[str, str]]) -> str:
    """SHA-256 over the (file, text) of each pack, in order, and everything else the index
    depends on: the table-building modules' sources, the easy words, the marshal format."""
    from plainlang.readability.counts import easy_words

    sha = hashlib.sha256(f"plainlang-index {_FORMAT} marshal {marshal.version}\n".encode())
    for file, text in pack_texts:
        sha.update(f"pack {file} {len(text)}\n".encode())
        sha.update(text.encode("utf-8"))
    code = files("plainlang.explain")
    for name in _TABLE_MODULES:
        source = code.joinpath(name).read_text("utf-8")
        sha.update(f"module {name} {len(source)}\n".encode())
        sha.update(source.encode("utf-8"))
    words = "\n".join(sorted(easy_words()))
    sha.update(f"easy words {len(words)}\n".encode())
    sha.update(words.encode("utf-8"))
    return sha.hexdigest()


def read_index(pack_texts: Sequence[tuple[str, str]]) -> tuple[list[Any], Tables] | None:
    """The parsed packs and matcher tables stored for exactly these pack texts, or None.

    None when there is no index, it cannot be read, or it was made from other inputs.
    """
    try:
        data = files("plainlang.glossaries").joinpath(INDEX_NAME).read_bytes()
    except OSError:
        return None
    # ~30,000 lists and dicts: without the pause, the collections they set off took 40 ms
    # instead of 6 (see collector_paused)
    try:
        with collector_paused():
            index = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(index, dict) or index.get("format") != _FORMAT:
        return None
    packs, tables = index.get("packs"), index.get("tables")
    if not isinstance(packs, list) or len(packs) != len(pack_texts) or not isinstance(tables, tuple):
        return None
    try:
        current = digest(pack_texts)
    except OSError:  # an install without the modules' sources cannot vouch for the index
        return None
    if index.get("digest") != current:
        return None
    return packs, tables


def build_index() -> bytes:
    """The index for the built-in packs as they are now (they must load without error)."""
    from plainlang.explain.glossary import Glossary
    from plainlang.explain.packs import builtin_sources, read_raw

    sources = builtin_sources()
    texts = [(source.file, source.read()) for source in sources]
    glossary = Glossary.from_sources(sources)  # raises on a pack that cannot be used
    raws = [read_raw(source) for source in sources]
    tables = _shared_leaves(CompiledMatcher(glossary.terms).tables())
    index = {
        "format": _FORMAT,
        "digest": digest(texts),
        "packs": [raw.data for raw in raws],
        "tables": tables,
    }
    return marshal.dumps(index)


def _shared_leaves(tables: Tables) -> Tables:
    """The tables with one empty dict and one empty list shared by every trie node that has
    no children or no keys: marshal stores a shared object once, and loading makes ~10,000
    fewer objects. The tries are only read once built, so sharing is safe."""
    no_children: dict[str, TrieNode] = {}
    no_keys: list[int] = []

    def node(ids: list[int], children: dict[str, TrieNode]) -> TrieNode:
        return (ids or no_keys, {word: node(*child) for word, child in children.items()} or no_children)

    keys, words, abbreviations = tables
    return keys, node([], words)[1], node([], abbreviations)[1]


def index_path() -> Path:
    """Where the index is written: next to the built-in packs (glossaries/ in a checkout)."""
    return Path(str(files("plainlang.glossaries"))) / INDEX_NAME


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    target = Path(args[0]) if args else index_path()
    data = build_index()
    target.write_bytes(data)
    print(f"wrote {target} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
