"""The on-disk cache of slow-to-build word tables: same value back, never a damaged one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainlang import _cache
from plainlang._textstat import cmu_dictionary, cmu_syllables
from plainlang.readability.counts import easy_words

_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
)


@given(_VALUES)
def test_a_value_decodes_to_what_was_encoded(value: object) -> None:
    assert _cache.decode(_cache.encode(value)) == value


@given(_VALUES, st.data())
def test_any_changed_byte_makes_the_file_unreadable_rather_than_wrong(
    value: object, data: st.DataObject
) -> None:
    encoded = bytearray(_cache.encode(value))
    at = data.draw(st.integers(0, len(encoded) - 1))
    encoded[at] ^= data.draw(st.integers(1, 255))
    assert _cache.decode(bytes(encoded)) is None


@given(_VALUES, st.data())
def test_a_truncated_file_is_unreadable(value: object, data: st.DataObject) -> None:
    encoded = _cache.encode(value)
    assert _cache.decode(encoded[: data.draw(st.integers(0, len(encoded) - 1))]) is None


def test_the_second_call_reads_the_file_instead_of_building(tmp_path: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"leukemia": 4}

    assert _cache.cached("table", "1.0", build, tmp_path) == {"leukemia": 4}
    assert _cache.cached("table", "1.0", build, tmp_path) == {"leukemia": 4}
    assert len(builds) == 1


def test_a_new_source_version_builds_a_new_file(tmp_path: Path) -> None:
    assert _cache.cached("table", "1.0", lambda: [1], tmp_path) == [1]
    assert _cache.cached("table", "2.0", lambda: [2], tmp_path) == [2]
    assert len(list(tmp_path.glob("table-*.marshal"))) == 2


def test_a_corrupt_file_is_rebuilt_and_rewritten(tmp_path: Path) -> None:
    _cache.cached("table", "1.0", lambda: ["good"], tmp_path)
    path = _cache.cache_path("table", "1.0", tmp_path)
    path.write_bytes(path.read_bytes()[:-3] + b"bad")
    assert _cache.cached("table", "1.0", lambda: ["rebuilt"], tmp_path) == ["rebuilt"]
    assert _cache.decode(path.read_bytes()) == ["rebuilt"]


def test_an_unwritable_folder_still_gives_the_value(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert _cache.cached("table", "1.0", lambda: {"a": 1}, blocker / "sub") == {"a": 1}


def test_the_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PLAINLANG_CACHE_DIR", str(tmp_path / "own"))
    assert _cache.cache_folder() == tmp_path / "own"
    monkeypatch.delenv("PLAINLANG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert _cache.cache_folder() == tmp_path / "xdg" / "plainlang"


def test_cached_syllables_are_the_first_pronunciations_vowel_count() -> None:
    dictionary = cmu_dictionary()
    table = cmu_syllables()
    assert table.keys() == dictionary.keys()
    for word in ("leukemia", "chemotherapy", "the", "placebo", "tear"):  # tear: two pronunciations
        assert table[word] == sum(1 for phone in dictionary[word][0] if phone[-1].isdigit())
    assert table["leukemia"] == 4


def test_cached_easy_words_are_textstats_list() -> None:
    from importlib.resources import files

    text = files("textstat").joinpath("resources/en/easy_words.txt").read_text("utf-8")
    assert easy_words() == frozenset(line.strip() for line in text.splitlines())
