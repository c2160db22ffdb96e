"""plainlang: plain-language summaries of clinical-trial registry records, and checks for them.

    >>> import plainlang
    >>> trial = plainlang.load("examples/records/NCT06529731.json")
    >>> summary = plainlang.summarize(trial)
    >>> print(plainlang.render(summary, "markdown"))

The public API is what ``__all__`` lists; everything else may change.

The names are imported on first use (module ``__getattr__``, PEP 562), not by ``import
plainlang``: importing every stage took ~220 ms, which each command, each ``--jobs`` worker and
each ``import plainlang.x`` paid whether it used the stage or not. ``from plainlang import
summarize`` and ``plainlang.summarize`` work as before; type checkers read the imports below.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plainlang.batch import BatchResult, summarize_many
    from plainlang.changes import Change, changes
    from plainlang.check import Finding, Report, check
    from plainlang.config import Profile
    from plainlang.errors import PlainlangError
    from plainlang.explain import Explained, Glossary, explain
    from plainlang.model import Document, Summary, Trial
    from plainlang.pipeline import summarize, summarize_program
    from plainlang.readability import Readability, Scores, score
    from plainlang.records import RecordResult, load, load_many, read_records

    # the function from its module: imported from plainlang.records, mypy takes it for the module
    from plainlang.records.fetch import fetch
    from plainlang.render import render, to_dict

__version__ = "0.1.0"

# Each public name and the module that defines it (what the imports above say, for run time).
_EXPORTS: dict[str, str] = {
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

# Functions named like the subpackage that defines them: ``plainlang.check`` is the function
# ``check``, not the package ``plainlang.check``. Importing a submodule makes the import system
# set it as an attribute of its parent, which would hide the function; ``_Package.__setattr__``
# puts the function there instead (the package stays in ``sys.modules``, as it did when every
# name was imported eagerly and the ``from ... import`` rebound the attribute).
_SHADOWING = frozenset(name for name, module in _EXPORTS.items() if module == f"{__name__}.{name}")


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups find it without this call
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


class _Package(types.ModuleType):
    """This package's module type: keeps ``plainlang.check`` (and the like) the function."""

    def __setattr__(self, name: str, value: object) -> None:
        if (
            name in _SHADOWING
            and isinstance(value, types.ModuleType)
            and value.__name__ == f"{__name__}.{name}"
        ):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "BatchResult",
    "Change",
    "Document",
    "Explained",
    "Finding",
    "Glossary",
    "PlainlangError",
    "Profile",
    "Readability",
    "RecordResult",
    "Report",
    "Scores",
    "Summary",
    "Trial",
    "__version__",
    "changes",
    "check",
    "explain",
    "fetch",
    "load",
    "load_many",
    "read_records",
    "render",
    "score",
    "summarize",
    "summarize_many",
    "summarize_program",
    "to_dict",
]
