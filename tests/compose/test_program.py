"""The programme overview: several trials on one page, every sentence citing its records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import is_glossary_sentence

import plainlang
from plainlang.cli import main

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "v2_small.json"
PROFILE = plainlang.Profile(today="2026-11-21")


def _second() -> dict[str, object]:
    data = json.loads(FIXTURE.read_text("utf-8"))
    ident = data["protocolSection"]["identificationModule"]
    ident["nctId"] = "NCT09990002"
    data["protocolSection"]["designModule"]["phases"] = ["PHASE3"]
    data["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": 1320, "type": "ESTIMATED"}
    data["protocolSection"]["eligibilityModule"]["stdAges"] = ["CHILD"]
    return data


@pytest.fixture(scope="module")
def overview() -> plainlang.Summary:
    return plainlang.summarize_program([FIXTURE, _second()], "PL-101 studies", PROFILE)


def test_layout_contents_overview_a_section_per_trial_outcomes_and_who_may_join(
    overview: plainlang.Summary,
) -> None:
    ids = [s.id for s in overview.document.sections]
    assert ids == [
        "about",
        "contents",
        "overview",
        "trial-nct09990001",
        "trial-nct09990002",
        "key-outcomes",
        "who-may-join",
        "disclaimer",
    ]
    contents = overview.document.section("contents")
    assert contents is not None
    assert [b.label for b in contents.blocks] == ids[2:-1]


def test_overview_sums_enrollment_with_the_computation_recorded(overview: plainlang.Summary) -> None:
    section = overview.document.section("overview")
    assert section is not None
    total = next(s for s in section.sentences() if "Together" in s.text)
    assert total.text == "Together they plan to include about 1,365 people."
    assert {s.derivation for s in total.sources} == {"sum(enrollment.count)"}
    assert total.citations == (1, 2)


def test_phases_and_settings_across_trials(overview: plainlang.Summary) -> None:
    section = overview.document.section("overview")
    assert section is not None
    text = " ".join(s.text for s in section.sentences())
    assert "The studies are in phase 1/2 and phase 3" in text
    # each phase is explained: in a parenthesis while the sentence stays short, else right after it
    assert "phase 1/2 (" in text or "Phase 1/2 means " in text
    assert "phase 3 (" in text or "Phase 3 means " in text
    assert "men, women and children" in text


def test_each_trial_section_cites_only_its_own_record(overview: plainlang.Summary) -> None:
    for number, record in ((1, "NCT09990001"), (2, "NCT09990002")):
        section = overview.document.section(f"trial-{record.lower()}")
        assert section is not None
        assert all(s.citations == (number,) for s in section.sentences() if not is_glossary_sentence(s))


def test_every_sentence_outside_notes_and_contents_is_cited(overview: plainlang.Summary) -> None:
    for section in overview.document.sections:
        for block in section.blocks:
            for sentence in block.sentences:
                cited = block.kind not in ("note", "nav") and not is_glossary_sentence(sentence)
                assert bool(sentence.citations) == cited, sentence.text


def test_cli_program_writes_the_page(tmp_path: Path) -> None:
    second = tmp_path / "second.json"
    second.write_text(json.dumps(_second()))
    out = tmp_path / "overview.html"
    assert (
        main(
            [
                "program",
                str(FIXTURE),
                str(second),
                "--title",
                "PL-101 studies",
                "--format",
                "html",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    html = out.read_text("utf-8")
    assert '<nav aria-label="Contents">' in html and "NCT09990002" in html
