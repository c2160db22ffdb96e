"""The whole pipeline works with the network switched off, textstat's syllables included."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any, NoReturn

import pytest

import plainlang
from plainlang._textstat import textstat

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "v2_small.json"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> NoReturn:
        raise OSError("network access attempted during an offline test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_summarize_and_score_with_the_network_blocked(no_network: None) -> None:
    summary = plainlang.summarize(FIXTURE, plainlang.Profile(today="2026-11-21"))
    markdown = plainlang.render(summary)
    # English syllables need the CMU dictionary: textstat would download it through NLTK
    grade = textstat().flesch_kincaid_grade(markdown)
    assert 0 < grade < 30
    assert textstat().syllable_count("leukemia") == 4  # a CMU dictionary answer, not a guess
