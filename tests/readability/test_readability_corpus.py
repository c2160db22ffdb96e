"""Real registry text from ../shared/data: a sensible grade where plain textstat gives > 40."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import RECORDS, require_shared, shared_records

from plainlang import score
from plainlang._textstat import textstat
from plainlang.readability.segment import segment

V2 = shared_records("ctgov-v2", "*.json")


def criteria(path: Path) -> str:
    record = json.loads(path.read_text("utf-8"))
    text: str = record["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    return text


def test_an_unpunctuated_bullet_list_gets_a_sensible_grade() -> None:
    """NCT02552212's eligibility criteria (axial spondyloarthritis) are 267 words of Markdown
    bullets with not one full stop, so textstat counts a single sentence and reports a
    Flesch–Kincaid grade above 100. Each bullet is a sentence of its own here.

    The band 5-20 is "a grade a reader could have": below 5 would mean the segmenter cut
    phrases into fragments; above 20 (beyond graduate school) would mean sentences still run
    together. Dense eligibility criteria written for clinicians honestly sit at about 10-15.
    """
    require_shared()
    text = criteria(RECORDS / "ctgov-v2" / "NCT02552212.json")
    ts: Any = textstat()
    assert ts.flesch_kincaid_grade(text) > 40
    assert ts.smog_index(text) > 40
    document = score(text).document
    assert 5 <= document.flesch_kincaid_grade <= 20
    assert 5 <= document.smog <= 20
    assert document.sentences >= 15  # one per bullet, heading lines included


@pytest.mark.parametrize("path", V2, ids=[p.stem for p in V2])
def test_every_v2_eligibility_text_scores_below_grade_25(path: Path) -> None:
    result = score(criteria(path))
    assert not result.empty
    assert 0 < result.document.flesch_kincaid_grade < 25
    assert all(math.isfinite(s.scores.smog) for s in result.sentences)


@pytest.mark.parametrize("path", V2, ids=[p.stem for p in V2])
def test_every_scored_word_of_real_text_lies_within_its_sentence_offsets(path: Path) -> None:
    text = criteria(path)
    for seg in segment(text):
        source = text[seg.start : seg.end]
        position = 0
        for word in re.findall(r"\w+", seg.text):
            position = source.index(word, position) + len(word)  # in order, nothing invented
