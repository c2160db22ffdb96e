"""summarize(): a real trial page, every fact cited, contacts masked, output deterministic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import is_glossary_sentence

import plainlang
from plainlang.policy import find_contacts

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "v2_small.json"
PROFILE = plainlang.Profile(today="2026-11-21")
SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "summary.schema.json"


@pytest.fixture(scope="module")
def summary() -> plainlang.Summary:
    return plainlang.summarize(FIXTURE, PROFILE)


def test_page_has_every_section_in_order(summary: plainlang.Summary) -> None:
    ids = [s.id for s in summary.document.sections]
    assert ids == [
        "about",
        "summary",
        "meaning",
        "what-is-tested",
        "who-can-join",
        "what-is-measured",
        "where",
        "status",
        "conditions",
        "disclaimer",
    ]


def test_summary_paragraph_says_what_whom_how_many_and_what_is_measured(summary: plainlang.Summary) -> None:
    section = summary.document.section("summary")
    assert section is not None
    text = " ".join(s.text for s in section.sentences())
    assert "phase 1/2" in text
    # a drug code is not a name a reader can say: the summary names the treatment by its kind
    assert "PL-101" not in text
    assert "It tests a medicine." in text
    # explained at first use: in a parenthesis, or (the sentence being long) right after it
    assert (
        "women with acute myeloid leukemia (a fast-growing cancer of the blood and bone marrow)" in text
        or "Acute myeloid leukemia means a fast-growing cancer of the blood and bone marrow." in text
    )
    assert "or relapsed AML" in text
    # who and how many in one sentence
    assert "About 45 men and women with acute myeloid leukemia" in text
    assert text.count("are planned to take part.") == 1
    # two key measures, too long to quote in passing: counted, and listed in full further down
    assert "The study team measures 2 key things." in text
    assert "The study started in June 2024 and is planned to end in December 2028." in text


def test_every_fact_sentence_cites_reference_1_and_notes_cite_nothing(summary: plainlang.Summary) -> None:
    for section in summary.document.sections:
        for block in section.blocks:
            for sentence in block.sentences:
                if block.kind == "note" or is_glossary_sentence(sentence):
                    assert sentence.citations == () and sentence.sources == ()
                else:
                    assert sentence.citations == (1,), sentence.text
                    assert all(s.record_id == "NCT09990001" for s in sentence.sources)


def test_references_resolve_with_registry_id_url_and_dates(summary: plainlang.Summary) -> None:
    (reference,) = summary.document.references
    assert (reference.number, reference.registry, reference.record_id) == (
        1,
        "ClinicalTrials.gov",
        "NCT09990001",
    )
    assert reference.url == "https://clinicaltrials.gov/study/NCT09990001"
    assert reference.last_updated == "2025-01-15"
    assert reference.accessed == "2026-11-21"


def test_sites_are_listed_with_their_recruiting_status(summary: plainlang.Summary) -> None:
    where = summary.document.section("where")
    assert where is not None
    texts = [s.text for s in where.sentences()]
    assert "The study runs at 2 places in 2 countries." in texts
    assert "Example Cancer Center is looking for people." in texts
    assert "Example University Hospital has not opened yet." in texts


def test_sites_are_grouped_by_country_then_city_with_the_city_as_the_item_label(
    summary: plainlang.Summary,
) -> None:
    where = summary.document.section("where")
    assert where is not None
    shown = [(b.kind, b.label or b.sentences[0].text) for b in where.blocks[1:]]
    assert shown == [
        ("note", "In France:"),
        ("item", "Lyon"),
        ("note", "In the United States:"),
        ("item", "Seattle, Washington"),
    ]


def test_derived_numbers_record_their_computation(summary: plainlang.Summary) -> None:
    where = summary.document.section("where")
    assert where is not None
    first = next(where.sentences())
    assert first.sources[0].derivation == "count(locations), count(distinct country)"


def test_contact_details_never_reach_the_output(summary: plainlang.Summary) -> None:
    for fmt in ("markdown", "html", "text", "json"):
        out = plainlang.render(summary, fmt)
        assert not find_contacts(out), fmt
        for secret in ("jane.example@example.org", "206-555-0100", "nurse@example.org", "Jane Example"):
            assert secret not in out


def test_contact_instructions_in_registry_text_are_left_out() -> None:
    raw = plainlang.load(FIXTURE).brief_summary
    assert raw is not None and "trials@example.org" in raw.text  # the record has them...
    profile = plainlang.Profile(today="2026-11-21", include_registry_summary=True)
    details = plainlang.summarize(FIXTURE, profile).document.section("details")
    assert details is not None
    text = " ".join(s.text for s in details.sentences())
    # ...but "Contact ... for details." says how to reach the sponsor, not a fact of the study
    assert "Contact" not in text and "example.org" not in text and "555" not in text
    assert "This study tests PL-101" in text  # the rest of the summary is still there


def test_finishing_masks_contact_data_in_any_sentence() -> None:
    from plainlang.compose import finish
    from plainlang.model import Block, Document, Section, Sentence
    from plainlang.policy import load_policy

    trial = plainlang.load(FIXTURE)
    leaky = Sentence("Write to jane@example.org or call +1 206-555-0143.")
    document = Document("t", (Section("x", "X", (Block("paragraph", (leaky,)),)),))
    (masked,) = finish(document, (trial,), load_policy(), PROFILE).sentences()
    assert masked.text == "Write to •••••@••••• or call •••-•••-••••."


def test_disclaimers_of_the_policy_are_on_the_page(summary: plainlang.Summary) -> None:
    markdown = plainlang.render(summary)
    assert (
        "This page is only here to help you learn about a study. It does not take the place of talking with a doctor."
        in markdown
    )
    assert "Talk with your doctor or care team before you decide to join a study." in markdown
    assert "A short page like this can leave things out." in markdown


def test_markdown_carries_citation_markers_and_the_reference_list(summary: plainlang.Summary) -> None:
    markdown = plainlang.render(summary)
    assert re.search(r"take part\.\[1\]", markdown)
    assert "1. ClinicalTrials.gov. NCT09990001: " in markdown
    assert "<https://clinicaltrials.gov/study/NCT09990001>" in markdown


def test_json_output_matches_the_documented_schema(summary: plainlang.Summary) -> None:
    data = json.loads(plainlang.render(summary, "json"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text("utf-8")))
    assert data["schema"] == "plainlang.summary/1"
    sentence = data["sections"][1]["blocks"][0]["sentences"][0]
    assert sentence["citations"] == [1]
    assert {
        "record_id": "NCT09990001",
        "path": "protocolSection.designModule.phases",
        "derivation": None,
    } in (sentence["sources"])


def test_same_record_gives_the_same_bytes_twice() -> None:
    first = plainlang.render(plainlang.summarize(FIXTURE, PROFILE))
    second = plainlang.render(plainlang.summarize(FIXTURE, PROFILE))
    assert first == second


def test_html_escapes_hostile_registry_text() -> None:
    data = json.loads(FIXTURE.read_text("utf-8"))
    data["protocolSection"]["identificationModule"]["briefTitle"] = (
        '<script>alert(1)</script><img src=x onerror="x()">'
    )
    data["protocolSection"]["conditionsModule"]["conditions"] = ["[click](javascript:alert(1))"]
    summary = plainlang.summarize(data, PROFILE)
    html = plainlang.render(summary, "html")
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    markdown = plainlang.render(summary, "markdown")
    assert "<script>" not in markdown and "[click](javascript" not in markdown
    assert r"\[click\](javascript:alert(1))" in markdown


def test_registry_summary_section_only_when_the_profile_asks() -> None:
    profile = plainlang.Profile(today="2026-11-21", include_registry_summary=True)
    ids = [s.id for s in plainlang.summarize(FIXTURE, profile).document.sections]
    assert ids.index("details") == ids.index("meaning") + 1
    details = plainlang.summarize(FIXTURE, profile).document.section("details")
    assert details is not None
    # rewritten: "Patients must be >= 18 years old." keeps its number and sign
    assert any(">= 18 years old" in s.text for s in details.sentences())


def test_big_trials_group_places_by_country_and_name_only_open_ones() -> None:
    data = json.loads(FIXTURE.read_text("utf-8"))
    sites = []
    for n in range(40):
        sites.append(
            {
                "facility": f"Hospital {n}",
                "city": f"City {n % 7}",
                "country": "France" if n % 2 else "Spain",
                "status": "RECRUITING" if n < 3 else "COMPLETED",
            }
        )
    data["protocolSection"]["contactsLocationsModule"]["locations"] = sites
    where = plainlang.summarize(data, PROFILE).document.section("where")
    assert where is not None
    texts = [s.text for s in where.sentences()]
    assert texts[0] == "The study runs at 40 places in 2 countries."
    assert "France: 20 places in 7 cities, 1 open." in texts
    assert "Spain: 20 places in 7 cities, 2 open." in texts
    named = [(b.label, b.sentences[0].text) for b in where.blocks if b.kind == "item" and b.label]
    assert named == [
        ("City 1", "Hospital 1 is looking for people."),
        ("City 0", "Hospital 0 is looking for people."),
        ("City 2", "Hospital 2 is looking for people."),
    ]


def test_glossary_terms_are_explained_once_and_listed_in_the_summary(summary: plainlang.Summary) -> None:
    terms = [t.term for t in summary.explained]
    assert "acute myeloid leukemia" in terms
    assert len(terms) == len(set(terms))
    assert summary.readability is not None and summary.readability.document.words > 100


def test_names_are_not_explained_in_part() -> None:
    data = json.loads(FIXTURE.read_text("utf-8"))
    intervention = data["protocolSection"]["armsInterventionsModule"]["interventions"][0]
    intervention["name"] = "Plainlamab"
    intervention["otherNames"] = ["Biological Sample Kit"]
    page = plainlang.render(plainlang.summarize(data, PROFILE))
    assert "Biological (" not in page  # never explained inside the name
    # an other name that holds glossary words is left to the record rather than explained
    assert "Biological Sample Kit" not in page


def test_a_contact_instruction_in_the_facility_field_is_left_out_and_names_stay_whole() -> None:
    data = json.loads(FIXTURE.read_text("utf-8"))
    site = data["protocolSection"]["contactsLocationsModule"]["locations"][1]
    site["facility"] = "For more information, contact 1-877-CTLILLY Mon - Fri (UTC/GMT - 5 hours)"
    where = plainlang.summarize(data, PROFILE).document.section("where")
    assert where is not None
    texts = [s.text for s in where.sentences()]
    # the site is still listed under its city, without a name
    lyon = next(b for b in where.blocks if b.label == "Lyon")
    assert [s.text for s in lyon.sentences] == ["One place here has not opened yet."]
    assert not any("CTLILLY" in t or "•••" in t or "GMT" in t for t in texts)


def test_unscored_summary_is_the_scored_page_without_readability(summary: plainlang.Summary) -> None:
    unscored = plainlang.summarize(FIXTURE, PROFILE, scored=False)
    assert unscored.readability is None
    assert summary.readability is not None
    assert unscored == summary  # same document and explained terms (readability is not compared)
    assert plainlang.render(unscored) == plainlang.render(summary)
    assert plainlang.render(unscored, "json") == plainlang.render(summary, "json")
