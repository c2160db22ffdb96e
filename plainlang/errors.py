"""Errors plainlang raises on purpose.

Every error has a stable code (``P1xx`` records, ``G0xx`` glossaries, ``C0xx`` configuration,
``K0xx`` checks) and, where it knows one, a location: a file, a line and column, and a field path
inside a record. ``str(error)`` reads like a compiler message, so a CLI can print it as is:

    examples/bad.json:3:14: [P101] invalid JSON: Expecting ',' delimiter
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where a problem is: any of file, line (1-based), column (1-based) and field path."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        text = ":".join(parts)
        if self.field:
            text += f" ({self.field})"
        return text


class PlainlangError(Exception):
    """Base class of every error plainlang raises on purpose."""

    code = "P000"

    def __init__(
        self,
        message: str,
        location: Location | None = None,
        *,
        hint: str = "",
        code: str | None = None,
    ) -> None:
        # A subclass names its family's default code; a finer code (G003: defined twice) may
        # be given per error so that tools can match on it.
        if code is not None:
            self.code = code
        self.message = message
        self.location = location or Location()
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.location}: [{self.code}] {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def with_file(self, file: str) -> PlainlangError:
        """The same error, located in ``file`` when it did not know its file yet."""
        if self.location.file is not None:
            return self
        loc = Location(file, self.location.line, self.location.column, self.location.field)
        return type(self)(self.message, loc, hint=self.hint, code=self.code)

    def __reduce__(self) -> tuple[object, ...]:
        # Batch workers (processes, Dask) send errors back pickled; the default reduction would
        # rebuild from str(self) alone and lose the location, hint and code.
        return (_rebuild, (type(self), self.message, self.location, self.hint, self.code))


def _rebuild(
    cls: type[PlainlangError], message: str, location: Location, hint: str, code: str
) -> PlainlangError:
    return cls(message, location, hint=hint, code=code)


class RecordError(PlainlangError):
    """A registry record could not be read."""

    code = "P100"


class InvalidJSONError(RecordError):
    code = "P101"


class UnknownFormatError(RecordError):
    code = "P102"


class MissingFieldError(RecordError):
    code = "P103"


class FieldTypeError(RecordError):
    code = "P104"


class SourceNotFoundError(RecordError):
    code = "P105"


class InvalidXMLError(RecordError):
    code = "P106"


class FetchError(RecordError):
    """A record could not be fetched from a registry (offline, timeout, HTTP error)."""

    code = "P110"


class GlossaryError(PlainlangError):
    """A glossary pack is invalid."""

    code = "G000"


class ConfigError(PlainlangError):
    """A profile or configuration file is invalid (unknown key, bad value)."""

    code = "C000"


class CheckError(PlainlangError):
    """A text could not be checked (unreadable file, unknown rule id)."""

    code = "K000"
