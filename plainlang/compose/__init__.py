"""Composition: Trial → Document, with citations, references and the policy applied.

``compose_trial`` writes the trial page; ``finish`` numbers the references, puts each
sentence's citation numbers on it and masks contact data in every sentence, whatever section
it is in, so no later change to a section can leak an e-mail address or a phone number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from plainlang.compose.abbreviations import expand_in_title, glossary_forms, page_abbreviations, spell_out
from plainlang.compose.cite import today
from plainlang.compose.frame_sections import Estimate, headline
from plainlang.compose.plainness import build_gate
from plainlang.compose.program import program_sections
from plainlang.compose.trial_page import PAGE_MARGIN, STEPS, PageSections, in_short, page_grade
from plainlang.compose.wording import load_wording
from plainlang.config import Profile
from plainlang.explain import Glossary
from plainlang.model import Block, Document, Reference, Section, Sentence, Trial
from plainlang.policy import Policy, load_policy, mask_contacts


def compose_trial(trial: Trial, profile: Profile, policy: Policy | None = None) -> Document:
    """The patient trial page for one trial, finished (cited and masked)."""
    policy = policy or load_policy(profile.policy)
    wording = load_wording(profile.language)
    glossary = Glossary.load(profile.glossaries)
    # one gate per page; the abbreviations the record spells out are collected once, for the
    # gate and for the page's abbreviation table
    gate = build_gate(profile, policy, trial, glossary)
    title = headline(trial, wording, glossary, policy)
    # A page that reads above the target grade gives its long lists in fewer words, a step at a
    # time (``STEPS``); each step is judged as the reader gets it, abbreviations spelled out.
    tried: list[tuple[float, Document]] = []
    # what each text holds, for the estimate at every step and for "In short" (whose sentences
    # are on the page too): it is a function of the text and the glossary, so one memo serves both
    seen: dict[str, Estimate] = {}
    short = in_short(trial, wording, policy, profile, glossary, seen)  # the same at every step
    # "In short" comes first and explains each term it uses: a registry rule that uses one again
    # brings no explanation along, so the gate does not count it against its term limit
    gate = gate.explaining_first(explained_first(short, glossary))
    # each section built once for the step fields it reads (a step changes one or two lists)
    sections = PageSections(trial, wording, policy, profile, glossary, gate, short)
    for step in STEPS:
        document = Document(
            title=title,
            sections=sections.at(step),
            record_ids=(trial.id,),
            language=profile.language,
            generated=today(profile),
        )
        document = _spelled_out(document, (trial,), glossary, spelled=(gate.spelled,))
        grade = page_grade(document, glossary, seen)
        if grade <= profile.target_smog - PAGE_MARGIN:
            break
        tried.append((grade, document))
    else:
        # No step reaches the target: the one that reads easiest (leaving out easy sentences,
        # such as "It is also called Neupogen.", can raise a grade), the earliest of equals.
        document = min(tried, key=lambda t: t[0])[1]
    return finish(document, (trial,), policy, profile)


def explained_first(section: Section, glossary: Glossary) -> frozenset[str]:
    """The glossary terms a section's body text uses: explain gives each its definition there
    (at its first use on the page, the section coming first) in every style that explains;
    with "none" no term brings anything along, so the gate's count matters no more."""
    return frozenset(
        match.term
        for block in section.blocks
        for sentence in block.sentences
        for match in glossary.find(sentence.text)
    )


def compose_program(
    trials: Sequence[Trial], title: str, profile: Profile, policy: Policy | None = None
) -> Document:
    """An overview of several trials (one programme), finished (cited and masked)."""
    policy = policy or load_policy(profile.policy)
    glossary = Glossary.load(profile.glossaries)
    document = Document(
        title=title,
        sections=program_sections(trials, load_wording(profile.language), policy, glossary),
        record_ids=tuple(t.id for t in trials),
        language=profile.language,
        generated=today(profile),
    )
    return finish(_spelled_out(document, trials, glossary, title=False), trials, policy, profile)


def _spelled_out(
    document: Document,
    trials: Sequence[Trial],
    glossary: Glossary,
    *,
    title: bool = True,
    spelled: Sequence[Iterable[tuple[str, str]]] | None = None,
) -> Document:
    """Abbreviations the records or the glossary spell out, written out at their first use on
    the page (and in full in a headline we wrote; a publisher's own title is left alone).
    ``spelled``: the records' own abbreviations, when already collected (by the page's gate)."""
    known = page_abbreviations(document, trials, glossary, spelled)
    document = spell_out(document, known, glossary_forms(known, glossary))
    return replace(document, title=expand_in_title(document.title, known)) if title else document


def finish(document: Document, trials: Sequence[Trial], policy: Policy, profile: Profile) -> Document:
    """Number the references, cite every sentence, mask contact data."""
    references = tuple(
        Reference(
            number=index,
            registry=trial.source.registry,
            record_id=trial.id,
            # the reference line puts its own full stop after the title
            title=trial.title.rstrip().rstrip("."),
            url=trial.source.url,
            last_updated=trial.status.last_update.iso if trial.status.last_update else None,
            accessed=today(profile),
        )
        for index, trial in enumerate(trials, start=1)
    )
    numbers = {reference.record_id: reference.number for reference in references}

    masking = policy.masking if profile.mask_contacts else None

    def mask(text: str) -> str:
        return mask_contacts(text, masking) if masking is not None else text

    # Sentences and blocks are made with their constructors, not dataclasses.replace, which
    # costs five times as much (it looks the fields up each call): a page has ~100 sentences.
    def fix(sentence: Sentence) -> Sentence:
        sources = sentence.sources
        cited = tuple(sorted({numbers[s.record_id] for s in sources if s.record_id in numbers}))
        # kept phrases are masked the same way, so they still match the masked text
        keep = tuple(mask(k) for k in sentence.keep) if sentence.keep else ()
        return Sentence(mask(sentence.text), sources, cited, keep)

    def fix_block(block: Block) -> Block:
        label = mask(block.label) if block.label else block.label
        return Block(block.kind, tuple(fix(s) for s in block.sentences), label)

    sections = tuple(
        replace(section, blocks=tuple(fix_block(b) for b in section.blocks)) for section in document.sections
    )
    title = mask_contacts(document.title, policy.masking) if profile.mask_contacts else document.title
    return replace(document, title=title, sections=sections, references=references)


__all__ = ["Section", "compose_trial", "finish", "headline"]
