"""Parts of a page made once for the step fields they read.

A page (and its "In short") is tried at several steps (``trial_page.STEPS``); a step changes one
or two lists, so most sections and sentences are the same at every step. The builders take a
``Part``: ``part(key, make)`` gives ``make()``, or what it made before for the same key, where the
key names the part and every step field it reads. ``fresh`` makes every part again (the plain
path, and the oracle of the tests); ``Remembered`` keeps them for one page. Speed only: the
builders are pure, so a part made for the same key is the part made again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
Key = tuple[object, ...]


class Part(Protocol):
    """``part(key, make)``: ``make()``, or what it made before for the same key."""

    def __call__(self, key: Key, make: Callable[[], T]) -> T: ...


def fresh(key: Key, make: Callable[[], T]) -> T:
    """Every part made again."""
    return make()


class Remembered:
    """Each part made once per key, for one page."""

    def __init__(self) -> None:
        self._made: dict[Key, Any] = {}

    def __call__(self, key: Key, make: Callable[[], T]) -> T:
        if key not in self._made:
            self._made[key] = make()
        made: T = self._made[key]
        return made


__all__ = ["Key", "Part", "Remembered", "fresh"]
