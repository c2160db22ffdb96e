"""Making frozen dataclass instances on the hot path of ``explain``, without their ``__init__``.

A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__``:
about 1 µs for an ``ExplainedUse`` of eight fields, and explaining 1,000 words makes ~100 of
them. ``filled`` writes the instance dict in one step instead (a third of the cost). The
records that never leave the explain stage (``Use``, ``Edit``, ``Explanation``) are named
tuples instead, cheaper still; the public ones (``TermMatch``, ``ExplainedUse``) stay
dataclasses. The result is the same
object: same fields, equality, hash and repr; it is only for classes without ``__post_init__``
or ``__slots__``, every field given. ``tests/explain/test_records.py`` holds each maker to
the class's own constructor.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")

_new = object.__new__


def filled(cls: type[T], fields: dict[str, Any]) -> T:
    """An instance of the frozen dataclass ``cls`` with exactly ``fields``."""
    obj: T = _new(cls)
    obj.__dict__.update(fields)
    return obj
