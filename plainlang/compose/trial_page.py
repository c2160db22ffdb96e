"""Trial → the sections of a patient trial page (its headline is ``frame_sections.headline``).

Order: about this summary (top disclaimers), summary, what this could mean, more about the study
(the registry's summary rewritten, when the profile asks for it),
what the study tests, who can join, what the study measures, where, status and dates,
conditions, and the end disclaimers. Every sentence that states a fact cites the record fields
it came from; the connecting words are ours, from the wording tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from plainlang.compose import frame_sections as frame
from plainlang.compose import people_sections as people
from plainlang.compose import study_sections as study
from plainlang.compose.cite import Citer, note, today
from plainlang.compose.parts import Part, Remembered, fresh
from plainlang.compose.plainness import Gate, build_gate
from plainlang.compose.wording import Wording
from plainlang.config import Profile
from plainlang.explain import Glossary
from plainlang.model import Document, Section, Trial
from plainlang.policy import Policy


@dataclass(frozen=True)
class Shorter:
    """How much of a page's long lists is given in full. A page that reads above the target grade
    with every list in it gives its lists in fewer words, one step at a time: hospital names
    counted by country, the conditions' list as entered left to the full record, a treatment's
    other names left out, one condition named in "Who can join", the other measures counted only. Each step leaves a line that says the full record has the rest."""

    places_named: bool = True
    conditions_listed: bool = True
    other_names: int = study.MAX_OTHER_NAMES
    conditions_named: int = 3  # in "Who can join" (and, when 1, in "What the study is about")
    other_measures: int = study.MAX_OTHER_MEASURES


STEPS = (
    Shorter(),
    Shorter(places_named=False),
    Shorter(places_named=False, conditions_listed=False),
    Shorter(places_named=False, conditions_listed=False, other_names=0),
    Shorter(places_named=False, conditions_listed=False, other_names=0, conditions_named=1),
    Shorter(places_named=False, conditions_listed=False, other_names=0, conditions_named=1, other_measures=0),
)
# The estimate is not the check's page grade (explain words some definitions in brackets, the
# check reads the rendered page): on the 307 pages of ../shared/data it is 0.05 over on average,
# 0.12 either way as a rule, and up to 0.3 under near the target. With this margin every one of
# them passes the check, and 293 of them keep every list (0.15 passes them too, on less room).
PAGE_MARGIN = 0.2


def trial_sections(
    trial: Trial,
    wording: Wording,
    policy: Policy,
    profile: Profile,
    glossary: Glossary,
    gate: Gate | None = None,
    step: Shorter = STEPS[0],
    short: Section | None = None,
) -> tuple[Section, ...]:
    """The page's sections, its long lists as full as ``step`` says (``compose_trial`` takes the
    first step of ``STEPS`` whose page reads at the target grade: a plain page keeps every list).
    ``short``: the page's ``in_short`` section when the caller has it (no step changes it)."""
    gate = gate if gate is not None else build_gate(profile, policy, trial, glossary)
    short = short if short is not None else in_short(trial, wording, policy, profile, glossary)
    return _sections(trial, wording, policy, profile, glossary, gate, short, step)


def in_short(
    trial: Trial,
    wording: Wording,
    policy: Policy,
    profile: Profile,
    glossary: Glossary,
    seen: dict[str, frame.Estimate] | None = None,
) -> Section:
    """The "In short" section: it finds its own wording for the target grade (``frame.summary``),
    so it is the same at every step of the page. ``seen``: the page's memo of what each text
    holds (``page_grade`` reads its sentences again)."""
    return frame.summary(trial, wording, glossary, policy, Citer(trial.id), profile.target_smog, seen)


def page_grade(
    document: Document, glossary: Glossary, seen: dict[str, frame.Estimate] | None = None
) -> float:
    """The estimated SMOG of a composed page: its title, every heading and sentence (an item's
    label read with its first sentence, as a page shows it), with the definitions explain will
    add. ``seen``: what each text holds, remembered across the steps of one page (most of its
    sentences are the same at every step)."""
    texts: list[str] = [document.title]
    for section in document.sections:
        texts.append(section.title)
        for block in section.blocks:
            for index, sentence in enumerate(block.sentences):
                texts.append(
                    f"{block.label}: {sentence.text}" if block.label and index == 0 else sentence.text
                )
    return frame.estimated_smog(texts, glossary, seen)


class PageSections:
    """The sections of one page at each step of ``STEPS``, each section built once for the
    ``Shorter`` fields it reads: a step changes one or two lists (``people.where`` reads only
    ``places_named``), so the other sections of the step before are taken as they are. The
    section functions are pure (the gate's readings memo only remembers), so a section built
    for the same fields is the section built again (tests/compose/test_page_sections.py)."""

    def __init__(
        self,
        trial: Trial,
        wording: Wording,
        policy: Policy,
        profile: Profile,
        glossary: Glossary,
        gate: Gate,
        short: Section,
    ) -> None:
        self._page = (trial, wording, policy, profile, glossary, gate, short)
        self._part = Remembered()

    def at(self, step: Shorter) -> tuple[Section, ...]:
        """The page's sections at ``step``: the same as ``trial_sections`` gives."""
        return _sections(*self._page, step, self._part)


def _sections(
    trial: Trial,
    wording: Wording,
    policy: Policy,
    profile: Profile,
    glossary: Glossary,
    gate: Gate,
    short: Section,
    step: Shorter,
    part: Part = fresh,
) -> tuple[Section, ...]:
    """The page's sections at ``step``. ``part(key, make)`` gives a section (``make()``, or the
    one made before for the same key): each key names the section and every ``step`` field it
    reads, and nothing else varies within a page."""
    cite = Citer(trial.id)
    named = people.MAX_CONDITIONS_ABOUT if step.conditions_named > 1 else 1
    sections = (
        part(
            ("about",),
            lambda: Section(
                "about", "About this page", tuple(note(d.text) for d in policy.disclaimers_at("top"))
            ),
        ),
        short,
        part(("meaning",), lambda: frame.meaning(trial, wording, cite)),
        part(("details",), lambda: study.details(trial, cite, gate))
        if profile.include_registry_summary
        else None,
        part(
            ("tested", step.other_names),
            lambda: study.what_is_tested(trial, wording, cite, gate, step.other_names),
        ),
        part(
            ("join", step.conditions_listed, step.conditions_named),
            lambda: people.who_can_join(
                trial, wording, cite, gate, step.conditions_listed, step.conditions_named
            ),
        ),
        part(
            ("measured", step.other_measures),
            lambda: study.what_is_measured(trial, cite, gate, step.other_measures),
        ),
        part(("where", step.places_named), lambda: people.where(trial, wording, cite, step.places_named)),
        part(("status",), lambda: people.status_and_dates(trial, wording, cite, gate, today(profile))),
        part(
            ("conditions", step.conditions_listed, named),
            lambda: people.conditions(trial, cite, step.conditions_listed, named),
        ),
        part(
            ("disclaimer",),
            lambda: Section(
                "disclaimer", "Before you decide", tuple(note(d.text) for d in policy.disclaimers_at("end"))
            ),
        ),
    )
    return tuple(section for section in sections if section is not None and section.blocks)
