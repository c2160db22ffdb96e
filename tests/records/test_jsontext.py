"""``records.jsontext.loads`` reads what ``json.loads`` reads, and fails where it fails, alike."""

from __future__ import annotations

import json

from hypothesis import example, given, settings
from hypothesis import strategies as st

from plainlang.records.jsontext import loads


def _outcome(decode: object, text: str) -> tuple[str, str]:
    """The value read (its repr: -0.0 is not 0.0, 1.0 is not 1) or the error, with its message."""
    try:
        return "value", repr(decode(text))  # type: ignore[operator]
    except json.JSONDecodeError as error:
        return type(error).__name__, f"{error.msg} {error.lineno}:{error.colno}"
    except RecursionError:
        return "RecursionError", ""


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
)


@settings(max_examples=500, deadline=None)
@given(_VALUES, st.booleans())
def test_documents_json_writes_are_read_as_json_reads_them(value: object, ascii_only: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)
    assert _outcome(loads, text) == _outcome(json.loads, text)


# pieces of JSON text and of what is not JSON: numbers at the edges of 64 bits, exponents that
# overflow, escapes (a lone surrogate), control characters, BOMs, NaN, stray commas
_PIECES = st.sampled_from(
    [
        "{", "}", "[", "]", ",", ":", " ", "\n", "\t", '"', '"a"', '"\\ud800"', '"\\u00e9"', "\\",
        "1", "-", "0", "-0", "0.5", "1e400", "1E5", ".", "e", "18446744073709551616", "9223372036854775807",
        "-9223372036854775809", "12345678901234567890123", "NaN", "Infinity", "-Infinity", "true",
        "null", "\x00", "\ufeff", "é", "01",
    ]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
@example('{"a": 1, "a": 2}')
@example("[-9223372036854775809]")
@example("[18446744073709551616]")
@example('["\\ud800"]')
@example("[NaN]")
@example("[1e400]")
@example("[1]x")
def test_any_text_gives_the_value_or_the_error_json_gives(text: str) -> None:
    assert _outcome(loads, text) == _outcome(json.loads, text)
