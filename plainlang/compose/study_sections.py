"""Sections about the study itself: summary, details, what it could mean, what it tests and measures."""

from __future__ import annotations

import re

from plainlang.compose.cite import Citer, HasPath, blocks, items, note, paragraph
from plainlang.compose.facts import (
    condition_phrase,
    display_name,
    passage_blocks,
    phase_name,
    plain_sentences,
    run_in,
    study_type,
    treatment_names,
    who,
    without_type,
)
from plainlang.compose.phrasing import end_sentence, plain_case, say_count, say_date, say_list, sentence_case
from plainlang.compose.wording import Wording
from plainlang.model import Block, Outcome, Section, Sentence, Trial

MAX_OTHER_NAMES = 3
SMALL_STUDY = 50  # fewer planned people than this: we say plainly that the study is small
# Harms a record may name; the page lists those it finds, in the record's own words.
_HARMS = re.compile(
    r"\b(graft[- ]versus[- ]host disease|cytokine release syndrome|infections?|bleeding|"
    r"neutropenia|thrombocytopenia|anemia|nausea|vomiting|diarrh(?:o)?ea|fatigue|rash|"
    r"liver (?:damage|injury|toxicity)|kidney (?:damage|injury)|differentiation syndrome|"
    r"QT(?:c)? prolongation|tumou?r lysis syndrome|allergic reactions?|neurotoxicity|hair loss)\b",
    re.IGNORECASE,
)


def summary(trial: Trial, wording: Wording, cite: Citer) -> Section:
    """3–5 short sentences: the phase, what is tested in whom, how many, how long, what is measured."""
    design = trial.design
    phase = phase_name(trial, wording)
    # "This study is in phase 2." lets the explain stage define the phase right after the term,
    # rather than in the middle of "a phase 2 (...) study".
    in_phase = cite.say(f"This study is in {phase}.", design.phases) if phase else None
    names = treatment_names(trial, limit=3)
    whom = who(trial)
    condition = condition_phrase(trial)
    in_whom = f"{whom} with {condition}" if condition else whom
    subject = "It" if phase else "This study"
    if names and study_type(trial) != "OBSERVATIONAL":
        what = cite.say(
            f"{subject} tests {say_list([n.value for n in names])} in {in_whom}.",
            *names,
            *trial.conditions[:3],
            trial.eligibility.std_ages,
            keep=(*(n.value for n in names), *_condition_names(trial)),
        )
    else:
        what = cite.say(
            f"{subject} watches and records what happens to {in_whom}.",
            design.study_type,
            *trial.conditions[:3],
            trial.eligibility.std_ages,
            keep=_condition_names(trial),
        )
    return Section(
        "summary",
        "In short",
        blocks(
            paragraph(
                (
                    in_phase,
                    what,
                    _size(trial, wording, cite),
                    _duration(trial, wording, cite),
                    _main_measure(trial, cite),
                )
            )
        ),
    )


def _condition_names(trial: Trial) -> list[str]:
    return [plain_case(c.value) for c in trial.conditions]


def _size(trial: Trial, wording: Wording, cite: Citer) -> Sentence | None:
    enrollment = trial.design.enrollment
    if enrollment is None:
        return None
    count = enrollment.count.value
    kind = enrollment.kind.value if enrollment.kind else "ESTIMATED"
    people = "person" if count == 1 else "people"
    verb = wording.phrase("enrollment_kind", kind, default="are planned to take part")
    if count == 1:
        verb = verb.replace("are ", "is ", 1)
    text = (
        f"{say_count(count)} {people} {verb}."
        if kind == "ACTUAL"
        else f"About {say_count(count)} {people} {verb}."
    )
    return cite.say(sentence_case(text), enrollment.count, enrollment.kind)


def _duration(trial: Trial, wording: Wording, cite: Citer) -> Sentence | None:
    status = trial.status
    start, end = status.start, status.completion or status.primary_completion
    if start is None or end is None:
        return None
    if start.kind == "ESTIMATED":
        key = "planned"
    elif end.kind == "ESTIMATED":
        key = "ongoing"
    else:
        key = "past"
    template = wording.phrase("duration", key)
    # month precision reads best for a span ("from June 2024 to December 2028")
    return cite.say(template.format(start=say_date(start.iso[:7]), end=say_date(end.iso[:7])), start, end)


def _main_measure(trial: Trial, cite: Citer) -> Sentence | None:
    if not trial.primary_outcomes:
        return None
    outcome = trial.primary_outcomes[0]
    measure = " ".join(plain_sentences(run_in(outcome.measure.value)))
    return cite.say(
        f"The main thing the study team measures is {_lower_start(end_sentence(measure))}", outcome.measure
    )


def _lower_start(text: str) -> str:
    """Undo the capital the rewriting gave a phrase that now runs on inside our sentence."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:2].islower() else text


def details(trial: Trial, cite: Citer, language: str) -> Section:
    """The registry's brief summary, rewritten in plainer words (facts kept, boilerplate gone)."""
    return Section(
        "details", "More about the study", tuple(passage_blocks(trial.brief_summary, cite, language))
    )


def meaning(trial: Trial, wording: Wording, cite: Citer) -> Section:
    """What success could lead to and what could go wrong, from facts in the record only."""
    design = trial.design
    phases = design.phases.value if design.phases else ()
    kind = study_type(trial)
    leads = wording.tables.get("meaning", {}).get("lead", {})
    # the latest phase decides what could come next; observational studies have their own lead
    key = (
        "OBSERVATIONAL"
        if kind == "OBSERVATIONAL"
        else next((p for p in reversed(phases) if p in leads), "OTHER")
    )
    lead = leads.get(key, "")
    could_lead: list[Sentence | None] = [cite.say(lead, design.phases or design.study_type)]
    risks_table = wording.tables.get("meaning", {}).get("risks", {})
    risks: list[Sentence | None] = []
    if kind != "OBSERVATIONAL":
        could_lead.append(cite.say(wording.tables["meaning"]["not_proven"], design.study_type))
        risks.append(cite.say(risks_table["side_effects"], design.study_type))
        if any(p in ("EARLY_PHASE1", "PHASE1") for p in phases):
            risks.append(cite.say(risks_table["early_phase"], design.phases))
    enrollment = design.enrollment
    if enrollment is not None and enrollment.count.value < SMALL_STUDY:
        risks.append(
            cite.say(
                f"This is a small study with {say_count(enrollment.count.value)} "
                f"{'person' if enrollment.count.value == 1 else 'people'}. Its results may not apply to everyone.",
                enrollment.count,
            )
        )
    model = design.intervention_model.value if design.intervention_model else None
    allocation = design.allocation.value if design.allocation else None
    if model == "SINGLE_GROUP":
        risks.append(cite.say(risks_table["single_group"], design.intervention_model))
    if allocation == "RANDOMIZED":
        risks.append(cite.say(risks_table["randomized"], design.allocation))
    placebo = [a for a in trial.arms if a.type is not None and a.type.value == "PLACEBO_COMPARATOR"]
    if placebo:
        risks.append(cite.say(risks_table["placebo"], placebo[0].type))
    harms = _named_harms(trial)
    parts: list[Block | tuple[Block, ...] | None] = [
        note("What this could lead to:"),
        paragraph(could_lead),
        note("What could go wrong:"),
        paragraph(risks),
    ]
    if harms:
        parts.append(note(wording.tables["meaning"]["named_harms_intro"]))
        parts.append(
            items(
                cite.say(end_sentence(sentence_case(name)), field, keep=(sentence_case(name),))
                for name, field in harms
            )
        )
    return Section("meaning", "What this could mean", blocks(*parts))


def _named_harms(trial: Trial) -> list[tuple[str, HasPath]]:
    """Harms named in the record's outcomes or summary, first mention of each, in the record's words."""
    found: dict[str, tuple[str, HasPath]] = {}
    fields: list[tuple[str, HasPath]] = [
        (o.measure.value, o.measure) for o in (*trial.primary_outcomes, *trial.secondary_outcomes)
    ]
    if trial.brief_summary is not None:
        fields.append((trial.brief_summary.text, trial.brief_summary))
    for text, field in fields:
        for match in _HARMS.finditer(text):
            found.setdefault(match[0].lower(), (match[0].lower(), field))
    return list(found.values())[:6]


def what_is_tested(trial: Trial, wording: Wording, cite: Citer, language: str) -> Section:
    design = trial.design
    explain = wording.phrase("study_type", study_type(trial), "explain")
    overview: list[Sentence | None] = [cite.say(explain, design.study_type) if explain else None]
    for phase in design.phases.value if design.phases else ():
        purpose = wording.phrase("phase", phase, "purpose")
        if purpose:
            overview.append(
                cite.say(
                    f"This is a {wording.phrase('phase', phase, 'name')} study. {purpose}",
                    design.phases,
                    keep=(f"{wording.phrase('phase', phase, 'name')} study",),
                )
            )
    purpose = wording.phrase(
        "primary_purpose", design.primary_purpose.value if design.primary_purpose else None
    )
    if purpose and purpose != "for another reason":
        overview.append(cite.say(f"Its main goal is {purpose}.", design.primary_purpose))
    for table, value in (
        ("allocation", design.allocation),
        ("intervention_model", design.intervention_model),
        ("masking", design.masking),
    ):
        phrase = wording.phrase(table, value.value if value else None)
        if phrase:
            overview.append(cite.say(phrase, value))
    parts: list[Block | tuple[Block, ...] | None] = [paragraph(overview)]
    for intervention in trial.interventions:
        name = display_name(intervention)
        kind = wording.phrase("intervention_type", intervention.type.value if intervention.type else None)
        line = [
            cite.say(
                f"{name.value} is {kind}." if kind else f"{name.value}.",
                name,
                intervention.type,
                keep=(name.value,),
            )
        ]
        # a drug can have dozens of chemical and brand names; the first few are enough to recognise it
        others = [o.value for o in intervention.other_names if o.value != name.value][:MAX_OTHER_NAMES]
        if intervention.name.value != name.value:
            others.insert(0, intervention.name.value)
        if others:
            line.append(
                cite.say(
                    f"It is also called {say_list(others)}.",
                    intervention.name,
                    *intervention.other_names,
                    keep=others,
                )
            )
        description = intervention.description
        if (
            description is not None
            and description.text.strip(" .").lower() != intervention.name.value.lower()
        ):
            line.extend(cite.say(s, description) for s in plain_sentences(description.text, language))
        parts.append(Block("item", tuple(s for s in line if s is not None), name.value))
    if len(trial.arms) > 1:
        parts.append(
            paragraph(
                (
                    cite.derived(
                        f"The study has {len(trial.arms)} groups.",
                        "protocolSection.armsInterventionsModule.armGroups",
                        "count(armGroups)",
                    ),
                )
            )
        )
    for arm in trial.arms:
        role = wording.phrase("arm_type", arm.type.value if arm.type else None)
        names = say_list([without_type(n.value) for n in arm.intervention_names])
        text = (f"This group {role}." if role else "") + (f" Treatment: {names}." if names else "")
        if text.strip():
            parts.append(
                items(
                    (
                        cite.say(
                            text.strip(),
                            arm.label,
                            arm.type,
                            *arm.intervention_names,
                            keep=[without_type(n.value) for n in arm.intervention_names],
                        ),
                    ),
                    label=arm.label.value,
                )
            )
    return Section("what-is-tested", "What the study tests", blocks(*parts))


def _outcome_item(outcome: Outcome, cite: Citer, language: str) -> Block:
    measure = sentence_case(run_in(outcome.measure.value))
    sentences = [cite.say(s, outcome.measure) for s in plain_sentences(measure, language)]
    if outcome.time_frame:
        sentences.append(
            cite.say(f"When: {end_sentence(run_in(outcome.time_frame.value))}", outcome.time_frame)
        )
    return Block("item", tuple(sentences))


def what_is_measured(trial: Trial, cite: Citer, language: str) -> Section:
    parts: list[Block | tuple[Block, ...] | None] = []
    if trial.primary_outcomes:
        parts.append(note("The main things the study measures:"))
        parts.extend(_outcome_item(o, cite, language) for o in trial.primary_outcomes)
    secondary = trial.secondary_outcomes
    if secondary:
        shown = secondary[:3]
        names = say_list([run_in(o.measure.value).rstrip(".") for o in shown])
        if len(secondary) > len(shown):
            parts.append(
                paragraph(
                    (
                        cite.derived(
                            f"They also measure {len(secondary)} other things. Some of them are: {names}.",
                            "protocolSection.outcomesModule.secondaryOutcomes",
                            "count(secondaryOutcomes)",
                        ),
                    )
                )
            )
        else:
            parts.append(paragraph((cite.say(f"They also measure: {names}.", *(o.measure for o in shown)),)))
    return Section("what-is-measured", "What the study measures", blocks(*parts))


__all__ = ["details", "meaning", "summary", "what_is_measured", "what_is_tested"]
