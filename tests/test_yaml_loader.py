"""plainlang._yaml.safe_load: the C loader gives what yaml.safe_load gives, errors included."""

from __future__ import annotations

from importlib.resources import files

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from plainlang._yaml import safe_load

SHIPPED = [
    ("plainlang.compose", "data/wording.en.yaml"),
    ("plainlang.compose", "data/plain-words.en.yaml"),
    ("plainlang.policy", "data/default.yaml"),
]


@pytest.mark.parametrize(("package", "name"), SHIPPED)
def test_shipped_tables_load_to_the_same_data_as_the_python_loader(package: str, name: str) -> None:
    text = files(package).joinpath(name).read_text("utf-8")
    assert safe_load(text) == yaml.safe_load(text)


scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=20)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@given(documents)
def test_any_dumped_document_reads_back_as_the_python_loader_reads_it(document: object) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    assert safe_load(text) == yaml.safe_load(text)


def test_a_syntax_error_is_a_yaml_error_with_its_line() -> None:
    with pytest.raises(yaml.YAMLError) as caught:
        safe_load("a: 1\nb: [2\n")
    mark = getattr(caught.value, "problem_mark", None)
    assert mark is not None and mark.line >= 1


def test_python_objects_are_refused_like_safe_load_refuses_them() -> None:
    with pytest.raises(yaml.YAMLError):
        safe_load("!!python/object/apply:os.system ['true']")
