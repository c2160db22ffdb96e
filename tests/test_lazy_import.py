"""``import plainlang`` imports its stages on first use, and every public name is what it was."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import plainlang

# each public name and the module that defines it, as the eager imports of plainlang/__init__ said
_DEFINED_IN = {
    "BatchResult": "plainlang.batch",
    "summarize_many": "plainlang.batch",
    "Change": "plainlang.changes",
    "changes": "plainlang.changes",
    "Finding": "plainlang.check",
    "Report": "plainlang.check",
    "check": "plainlang.check",
    "Profile": "plainlang.config",
    "PlainlangError": "plainlang.errors",
    "Explained": "plainlang.explain",
    "Glossary": "plainlang.explain",
    "explain": "plainlang.explain",
    "Document": "plainlang.model",
    "Summary": "plainlang.model",
    "Trial": "plainlang.model",
    "summarize": "plainlang.pipeline",
    "summarize_program": "plainlang.pipeline",
    "Readability": "plainlang.readability",
    "Scores": "plainlang.readability",
    "score": "plainlang.readability",
    "RecordResult": "plainlang.records",
    "fetch": "plainlang.records",
    "load": "plainlang.records",
    "load_many": "plainlang.records",
    "read_records": "plainlang.records",
    "render": "plainlang.render",
    "to_dict": "plainlang.render",
}


def test_every_public_name_but_the_version_is_listed_with_its_module() -> None:
    assert set(plainlang.__all__) - {"__version__"} == set(_DEFINED_IN)


@pytest.mark.parametrize("name", sorted(_DEFINED_IN))
def test_a_public_name_is_the_object_its_module_defines(name: str) -> None:
    module = importlib.import_module(_DEFINED_IN[name])
    assert getattr(plainlang, name) is getattr(module, name)
    namespace: dict[str, object] = {}
    exec(f"from plainlang import {name}", namespace)
    assert namespace[name] is getattr(module, name)


def _fresh(code: str) -> str:
    """What ``code`` prints in a new interpreter (imports there start from nothing)."""
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return done.stdout.strip()


def test_importing_plainlang_imports_no_stage() -> None:
    loaded = _fresh(
        "import sys, plainlang; print(sorted(m for m in sys.modules if m.startswith('plainlang')))"
    )
    assert loaded == "['plainlang']"


def test_functions_named_like_their_subpackage_stay_functions_once_the_subpackage_is_imported() -> None:
    # importing plainlang.check (or .explain, .render, .changes) first sets the package as an
    # attribute of plainlang; the public name must still be the function
    code = (
        "import plainlang.check.engine, plainlang.explain.usage, plainlang.render, plainlang.changes, plainlang;"
        "print([callable(plainlang.check), callable(plainlang.explain), callable(plainlang.render),"
        " callable(plainlang.changes)])"
    )
    assert _fresh(code) == "[True, True, True, True]"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        plainlang.no_such_name  # type: ignore[attr-defined]  # noqa: B018
