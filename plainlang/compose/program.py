"""Several trials of one programme → an overview page, every sentence citing its records.

Layout: contents, overview (phases covered, settings, total planned enrollment), a section per
trial, the key outcomes across trials, and who may join across trials. Numbers that no single
record states (a total enrollment, a count of studies) carry the computation in their provenance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from plainlang.compose.cite import Citer, blocks, items, note, paragraph
from plainlang.compose.facts import condition_phrase, phase_name, run_in, study_type, who
from plainlang.compose.frame_sections import headline
from plainlang.compose.naming import describe, tested
from plainlang.compose.phrasing import end_sentence, say_age, say_count, say_list
from plainlang.compose.wording import Wording
from plainlang.explain import Glossary
from plainlang.model import Block, Section, Sentence, SourceRef, Trial
from plainlang.policy import Policy

_ENROLLMENT = "protocolSection.designModule.enrollmentInfo.count"
_PHASES = "protocolSection.designModule.phases"


def program_sections(
    trials: Sequence[Trial], wording: Wording, policy: Policy, glossary: Glossary
) -> tuple[Section, ...]:
    per_trial = tuple(_trial_section(t, wording, glossary, policy) for t in trials)
    body = (
        _overview(trials, wording, glossary, policy),
        *per_trial,
        _key_outcomes(trials),
        _who_may_join(trials),
    )
    # "nav" blocks are links to sections (label = section id), not facts: they cite nothing
    contents = Section(
        "contents", "Contents", tuple(Block("nav", (Sentence(s.title),), s.id) for s in body if s.blocks)
    )
    return tuple(
        s
        for s in (
            Section("about", "About this page", tuple(note(d.text) for d in policy.disclaimers_at("top"))),
            contents,
            *body,
            Section(
                "disclaimer", "Before you decide", tuple(note(d.text) for d in policy.disclaimers_at("end"))
            ),
        )
        if s.blocks
    )


def _all(trials: Sequence[Trial], path: str, derivation: str | None = None) -> tuple[SourceRef, ...]:
    return tuple(SourceRef(t.id, path, derivation) for t in trials)


def _overview(trials: Sequence[Trial], wording: Wording, glossary: Glossary, policy: Policy) -> Section:
    # only plain names: a programme's treatments named by code would open the page with codes
    names = list(dict.fromkeys(n.value for t in trials for n in tested(t, wording, glossary, policy, 2)[0]))
    conditions = list(dict.fromkeys(condition_phrase(t, limit=1) for t in trials if t.conditions))
    lines: list[Sentence] = [
        Sentence(
            f"This overview covers {len(trials)} {'study' if len(trials) == 1 else 'studies'}.",
            _all(trials, "protocolSection.identificationModule.nctId", "count(records)"),
        )
    ]
    if names:
        lines.append(
            Sentence(
                f"They test {say_list(names[:4])}.",
                _all(trials, "protocolSection.armsInterventionsModule.interventions"),
                keep=tuple(names[:4]),
            )
        )
    if conditions:
        lines.append(
            Sentence(
                f"They are for people with {say_list(conditions[:4], 'or')}.",
                _all(trials, "protocolSection.conditionsModule.conditions"),
            )
        )
    phases = [phase_name(t, wording) for t in trials]
    covered = list(dict.fromkeys(p for p in phases if p))
    if covered:
        lines.append(Sentence(f"The studies are in {say_list(covered)}.", _all(trials, _PHASES)))
    # "men and women" and "children" read as "men, women and children", not "men and women and children"
    settings = list(dict.fromkeys(part for t in trials for part in re.split(r", | and ", who(t))))
    lines.append(
        Sentence(
            f"They include {say_list(settings)}.",
            _all(trials, "protocolSection.eligibilityModule.stdAges")
            + _all([t for t in trials if t.eligibility.sex], "protocolSection.eligibilityModule.sex"),
        )
    )
    counted = [t for t in trials if t.design.enrollment is not None]
    if counted:
        total = sum(t.design.enrollment.count.value for t in counted if t.design.enrollment is not None)
        lines.append(
            Sentence(
                f"Together they plan to include about {say_count(total)} people.",
                _all(counted, _ENROLLMENT, "sum(enrollment.count)"),
            )
        )
    return Section("overview", "Overview", blocks(paragraph(lines)))


def _trial_section(trial: Trial, wording: Wording, glossary: Glossary, policy: Policy) -> Section:
    cite = Citer(trial.id)
    phase = phase_name(trial, wording)
    condition = condition_phrase(trial)
    target = f"{who(trial)} with {condition}" if condition else who(trial)
    kind = f"a study in {phase}" if phase else "a study"
    lines: list[Sentence | None] = [
        cite.say(
            f"{trial.id} is {kind} in {target}.",
            trial.identification.primary_id,
            trial.design.phases,
            *trial.conditions[:3],
        )
    ]
    names, unnamed = tested(trial, wording, glossary, policy)
    if (names or unnamed) and study_type(trial) != "OBSERVATIONAL":
        what = describe([n.value for n in names], unnamed, wording)
        if unnamed:
            lines.append(
                cite.derived(
                    f"It tests {what}.",
                    "protocolSection.armsInterventionsModule.interventions",
                    "count(interventions by type, not named)",
                )
            )
        else:
            lines.append(cite.say(f"It tests {what}.", *names, keep=[n.value for n in names]))
    state = wording.phrase("overall_status", trial.status.overall.value, "state")
    if state:
        lines.append(cite.say(f"The study {state}.", trial.status.overall))
    enrollment = trial.design.enrollment
    if enrollment is not None:
        count = say_count(enrollment.count.value)
        actual = enrollment.kind is not None and enrollment.kind.value == "ACTUAL"
        text = f"{count} people took part." if actual else f"About {count} people are planned to take part."
        lines.append(cite.say(text, enrollment.count, enrollment.kind))
    if trial.primary_outcomes:
        outcome = trial.primary_outcomes[0]
        lines.append(
            cite.say(
                f"The key thing measured is {end_sentence(run_in(outcome.measure.value))}", outcome.measure
            )
        )
    return Section(
        f"trial-{trial.id.lower()}", headline(trial, wording, glossary, policy), blocks(paragraph(lines))
    )


def _key_outcomes(trials: Sequence[Trial]) -> Section:
    lines = []
    for trial in trials:
        cite = Citer(trial.id)
        for outcome in trial.primary_outcomes[:3]:
            text = f"In {trial.id}: {end_sentence(run_in(outcome.measure.value))}"
            lines.append(cite.say(text, outcome.measure))
    return Section("key-outcomes", "Key outcomes being measured", items(lines))


def _who_may_join(trials: Sequence[Trial]) -> Section:
    lines: list[Sentence] = []
    for trial in trials:
        cite = Citer(trial.id)
        rules = trial.eligibility
        ages = ""
        if rules.minimum_age and rules.maximum_age:
            ages = f" aged {say_age(rules.minimum_age.value)} to {say_age(rules.maximum_age.value)}"
        elif rules.minimum_age:
            ages = f" aged {say_age(rules.minimum_age.value)} or older"
        condition = condition_phrase(trial)
        target = f"{who(trial)}{ages}" + (f" with {condition}" if condition else "")
        lines.append(
            cite.say(
                f"{trial.id} is for {target}.",
                rules.minimum_age,
                rules.maximum_age,
                rules.std_ages,
                rules.sex,
                *trial.conditions[:3],
            )
        )
    closing = note("Each study has its own rules. The study team checks them with you.")
    return Section("who-may-join", "Who may join these studies", blocks(items(lines), closing))
