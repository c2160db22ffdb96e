"""Trial → the sections of a patient trial page (its headline is ``frame_sections.headline``).

Order: about this summary (top disclaimers), summary, what this could mean, more about the study
(the registry's summary rewritten, when the profile asks for it),
what the study tests, who can join, what the study measures, where, status and dates,
conditions, and the end disclaimers. Every sentence that states a fact cites the record fields
it came from; the connecting words are ours, from the wording tables.
"""

from __future__ import annotations

from plainlang.compose import frame_sections as frame
from plainlang.compose import people_sections as people
from plainlang.compose import study_sections as study
from plainlang.compose.cite import Citer, note, today
from plainlang.compose.plainness import Gate, build_gate
from plainlang.compose.wording import Wording
from plainlang.config import Profile
from plainlang.explain import Glossary
from plainlang.model import Section, Trial
from plainlang.policy import Policy


def trial_sections(
    trial: Trial,
    wording: Wording,
    policy: Policy,
    profile: Profile,
    glossary: Glossary,
    gate: Gate | None = None,
) -> tuple[Section, ...]:
    cite = Citer(trial.id)
    gate = gate if gate is not None else build_gate(profile, policy, trial, glossary)
    sections = (
        Section("about", "About this page", tuple(note(d.text) for d in policy.disclaimers_at("top"))),
        frame.summary(trial, wording, glossary, policy, cite, profile.target_smog),
        frame.meaning(trial, wording, cite),
        study.details(trial, cite, gate) if profile.include_registry_summary else None,
        study.what_is_tested(trial, wording, cite, gate),
        people.who_can_join(trial, wording, cite, gate),
        study.what_is_measured(trial, cite, gate),
        people.where(trial, wording, cite),
        people.status_and_dates(trial, wording, cite, gate, today(profile)),
        people.conditions(trial, cite),
        Section("disclaimer", "Before you decide", tuple(note(d.text) for d in policy.disclaimers_at("end"))),
    )
    return tuple(section for section in sections if section is not None and section.blocks)
