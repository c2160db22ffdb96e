"""Glossary packs shipped with plainlang (YAML data, read through importlib.resources)."""
