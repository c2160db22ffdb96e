"""Typed, path-aware reading of parsed JSON (or XML turned into dicts).

Readers walk a record through ``Node`` so that every value they keep knows its field path and
every wrong type becomes a ``FieldTypeError`` naming that path, never a KeyError or TypeError.
Unknown keys are simply never asked for, which is how readers ignore them.

Reading is the costliest stage per record (a v2 record with hundreds of sites has thousands of
fields), so the scalar readers (``text``, ``integer``...) look a value up directly and build its
path string only when the value is kept, instead of wrapping every child in a Node first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from plainlang.errors import FieldTypeError, Location, MissingFieldError
from plainlang.model import Field


class Node(NamedTuple):
    """A value inside a record and the path that leads to it.

    Immutable like the frozen dataclasses elsewhere, but a NamedTuple: a reader makes one per
    object of the record, and a tuple is made in half the time of a frozen dataclass.
    """

    value: object
    path: str
    file: str | None = None

    def _child_path(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def path_of(self, key: str | int) -> str:
        """The path of the child at ``key``, present or not (for values a reader derives)."""
        return self._child_path(key)

    def child(self, key: str) -> Node:
        """The object at ``key``, or an empty one at the right path when absent, so chains of
        optional objects (``ProtocolSection.DesignModule.DesignInfo``) read without checks."""
        return self.obj(key) or Node({}, self._child_path(key), self.file)

    def _fail(self, path: str, expected: str, got: object) -> FieldTypeError:
        return FieldTypeError(
            f"expected {expected}, found {type(got).__name__}",
            Location(self.file, field=path),
            hint="the record does not follow the registry's schema; fix or drop this field",
        )

    def _raw(self, key: str) -> object:
        """The plain value at ``key`` (None when absent or null), with no Node around it."""
        if not isinstance(self.value, dict):
            raise self._fail(self.path, "an object", self.value)
        return self.value.get(key)

    def get(self, key: str) -> Node | None:
        """The child object at ``key``; None when absent or null."""
        child = self._raw(key)
        return None if child is None else Node(child, self._child_path(key), self.file)

    def obj(self, key: str) -> Node | None:
        child = self.get(key)
        if child is not None and not isinstance(child.value, dict):
            raise self._fail(child.path, "an object", child.value)
        return child

    def items(self, key: str) -> Iterator[Node]:
        """The elements of the list at ``key`` (none when absent)."""
        child = self.get(key)
        if child is None:
            return
        elements = child.value
        if elements == {}:
            return  # an empty list exported as an empty object
        if isinstance(elements, dict | str):
            # some exporters (XML turned into JSON) collapse a list of one into the element
            yield Node(elements, child.path, self.file)
            return
        if not isinstance(elements, list):
            raise self._fail(child.path, "a list", elements)
        for index, element in enumerate(elements):
            if element is not None:
                yield Node(element, child._child_path(index), self.file)

    def text(self, key: str) -> Field[str] | None:
        """A string field, stripped; None when absent, null or blank."""
        value = self._raw(key)
        if isinstance(value, str):  # the common case first
            stripped = value.strip()
            return Field(stripped, self._child_path(key)) if stripped else None
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return Field(str(value), self._child_path(key))  # ids and zips sometimes arrive as numbers
        raise self._fail(self._child_path(key), "a string", value)

    def raw_text(self, key: str) -> tuple[str, str] | None:
        """A string field as it is (for free text to be split into blocks), with its path."""
        value = self._raw(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self._fail(self._child_path(key), "a string", value)
        return (value, self._child_path(key)) if value.strip() else None

    def texts(self, key: str) -> tuple[Field[str], ...]:
        """A list of strings; blanks dropped."""
        out = []
        for element in self.items(key):
            if not isinstance(element.value, str):
                raise self._fail(element.path, "a string", element.value)
            if element.value.strip():
                out.append(Field(element.value.strip(), element.path))
        return tuple(out)

    def integer(self, key: str) -> Field[int] | None:
        child = self.get(key)
        if child is None:
            return None
        value = child.value
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise self._fail(child.path, "a whole number", value)
        try:
            number = int(value) if not isinstance(value, float) or value.is_integer() else None
        except ValueError:
            number = None
        if number is None:
            raise self._fail(child.path, "a whole number", value)
        return Field(number, child.path)

    def boolean(self, key: str) -> Field[bool] | None:
        child = self.get(key)
        if child is None:
            return None
        if isinstance(child.value, bool):
            return Field(child.value, child.path)
        if isinstance(child.value, str) and child.value.strip().lower() in ("yes", "no", "true", "false"):
            return Field(child.value.strip().lower() in ("yes", "true"), child.path)
        raise self._fail(child.path, "true or false", child.value)

    def require_text(self, key: str) -> Field[str]:
        found = self.text(key)
        if found is None:
            raise MissingFieldError(
                "required field is missing or empty",
                Location(self.file, field=self._child_path(key)),
                hint="a record without it cannot be identified",
            )
        return found
