"""Packaging: every subpackage ships, and glossaries/ is readable as plainlang.glossaries."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "plainlang").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_glossary_schema_is_readable_through_importlib_resources() -> None:
    schema = files("plainlang.glossaries").joinpath("schema.json")
    assert schema.is_file()
    assert '"terms"' in schema.read_text("utf-8")
