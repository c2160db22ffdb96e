"""Trial → Document laid out as a patient trial page.

Sections, in order: about this summary (top disclaimers), summary, what the study tests, who can
join, what the researchers measure, where the study runs, status and dates, conditions, and the
end disclaimers. Every sentence that states a fact cites the record fields it came from; the
connecting words are ours, from the wording tables.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator

from plainlang.compose.cite import Citer, blocks, items, note, paragraph, split_sentences
from plainlang.compose.phrasing import (
    end_sentence,
    plain_case,
    say_age,
    say_count,
    say_date,
    say_list,
    sentence_case,
)
from plainlang.compose.wording import Wording
from plainlang.model import (
    Block,
    DateField,
    Field,
    Outcome,
    Passage,
    Section,
    Sentence,
    Trial,
)
from plainlang.policy import Policy

MAX_CRITERIA = 8  # bullets shown per list before "other rules apply"
MAX_CONDITIONS_IN_SUMMARY = 3


def trial_sections(trial: Trial, wording: Wording, policy: Policy) -> tuple[Section, ...]:
    cite = Citer(trial.id)
    sections = (
        _about(policy),
        _summary(trial, wording, cite),
        _what_is_tested(trial, wording, cite),
        _who_can_join(trial, wording, cite),
        _what_is_measured(trial, cite),
        _where(trial, wording, cite),
        _status_and_dates(trial, wording, cite),
        _conditions(trial, cite),
        _disclaimer(policy),
    )
    return tuple(section for section in sections if section is not None and section.blocks)


# --- phrases shared by several sections -------------------------------------------------------


def phase_name(trial: Trial, wording: Wording) -> str:
    """``phase 1/2`` for combined phases, ``phase 3``, or "" when the record has none."""
    phases = trial.design.phases.value if trial.design.phases else ()
    names = [wording.phrase("phase", p, "name") for p in phases]
    names = [n for n in names if n]
    if not names:
        return ""
    if len(names) == 2 and all(n.startswith("phase ") for n in names):
        return f"phase {names[0].removeprefix('phase ')}/{names[1].removeprefix('phase ')}"
    return say_list(names)


def study_noun(trial: Trial, wording: Wording) -> str:
    study_type = trial.design.study_type.value if trial.design.study_type else None
    return "study" if study_type != "EXPANDED_ACCESS" else wording.phrase("study_type", study_type, "name")


def who(trial: Trial, wording: Wording) -> str:
    """``adults``, ``children and adults``, ``people`` from the standard age groups."""
    ages = trial.eligibility.std_ages.value if trial.eligibility.std_ages else ()
    if "CHILD" in ages and ("ADULT" in ages or "OLDER_ADULT" in ages):
        return "children and adults"
    if "CHILD" in ages:
        return "children"
    if ages and set(ages) <= {"ADULT", "OLDER_ADULT"}:
        return "older adults" if ages == ("OLDER_ADULT",) else "adults"
    return "people"


def condition_phrase(trial: Trial, limit: int = MAX_CONDITIONS_IN_SUMMARY) -> str:
    names = [plain_case(c.value) for c in trial.conditions[:limit]]
    phrase = say_list(names, "or")
    if len(trial.conditions) > limit:
        phrase += " and related illnesses"
    return phrase


def treatment_names(trial: Trial, limit: int = 4) -> list[Field[str]]:
    """The study's treatments, placebo last, without repeats."""
    seen: dict[str, Field[str]] = {}
    for intervention in trial.interventions:
        key = intervention.name.value.lower()
        seen.setdefault(key, intervention.name)
    names = sorted(seen.values(), key=lambda f: "placebo" in f.value.lower())
    return names[:limit]


def passage_sentences(passage: Passage | None, cite: Citer) -> Iterator[Block]:
    """A registry passage as our blocks: paragraphs stay paragraphs, list items stay items."""
    if passage is None:
        return
    for block in passage.blocks:
        if block.kind == "item":
            yield Block("item", (cite.say(end_sentence(block.text), passage),))
        else:  # paragraphs, and headings such as "The study has two parts:" that lead a list
            sentences = [cite.say(end_sentence(s), passage) for s in split_sentences(block.text)]
            if sentences:
                yield Block("paragraph", tuple(sentences))


def _date_sentence(cite: Citer, date: DateField | None, past: str, planned: str) -> Sentence | None:
    """``{on}`` in a template becomes "on" before a full date and "in" before a month or year."""
    if date is None:
        return None
    template = planned if date.kind == "ESTIMATED" else past
    on = "on" if date.iso.count("-") == 2 else "in"
    return cite.say(template.format(date=say_date(date.iso), on=on), date)


# --- sections -----------------------------------------------------------------------------


def _about(policy: Policy) -> Section:
    return Section(
        "about",
        "About this summary",
        tuple(note(d.text) for d in policy.disclaimers_at("top")),
    )


def _disclaimer(policy: Policy) -> Section:
    return Section(
        "disclaimer",
        "Before you decide",
        tuple(note(d.text) for d in policy.disclaimers_at("end")),
    )


def _summary(trial: Trial, wording: Wording, cite: Citer) -> Section:
    design = trial.design
    phase = phase_name(trial, wording)
    noun = study_noun(trial, wording)
    article = "An" if phase.startswith(("early", "8", "11", "18")) else "A"
    lead = f"{article} {phase} {noun}".replace("  ", " ") if phase else f"This {noun}"
    names = treatment_names(trial, limit=3)
    whom = who(trial, wording)
    condition = condition_phrase(trial)
    in_whom = f"{whom} with {condition}" if condition else whom
    study_type = design.study_type.value if design.study_type else None
    if names and study_type != "OBSERVATIONAL":
        what = f"{lead} tests {say_list([n.value for n in names])} in {in_whom}."
        first = cite.say(what, design.phases, *names, *trial.conditions[:3], trial.eligibility.std_ages)
    else:
        what = f"{lead} looks at {in_whom}."
        first = cite.say(what, design.phases, *trial.conditions[:3], trial.eligibility.std_ages)
    size = None
    if design.enrollment is not None:
        count = design.enrollment.count
        kind = design.enrollment.kind.value if design.enrollment.kind else "ESTIMATED"
        people = "person" if count.value == 1 else "people"
        verb = wording.phrase("enrollment_kind", kind, default="are planned to take part")
        if count.value == 1 and verb.startswith("are "):
            verb = "is" + verb[3:]
        size = cite.say(f"About {say_count(count.value)} {people} {verb}.", count, design.enrollment.kind)
        if kind == "ACTUAL":
            size = cite.say(f"{say_count(count.value)} {people} {verb}.", count, design.enrollment.kind)
    measured = None
    if trial.primary_outcomes:
        outcome = trial.primary_outcomes[0]
        measured = cite.say(
            f"The main thing the researchers measure is: {end_sentence(_lower_first(outcome.measure.value))}",
            outcome.measure,
        )
    status = trial.status
    state = wording.phrase("overall_status", status.overall.value, "state")
    status_sentence = cite.say(f"The study {state}.", status.overall) if state else None
    return Section("summary", "Summary", blocks(paragraph((first, size, measured, status_sentence))))


def _lower_first(text: str) -> str:
    """An outcome or time frame to run on inside a sentence: ``Overall Survival`` → ``overall survival``.

    Title Case text is lowered word by word (acronyms kept); otherwise only the first word.
    """
    words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 4]
    if words and sum(w[:1].isupper() for w in words) / len(words) >= 0.6:
        return plain_case(text)
    first, _, rest = text.partition(" ")
    return f"{plain_case(first)} {rest}".strip() if first else text


def _without_type(name: str) -> str:
    """v2 arm groups list interventions as "Drug: Venetoclax"; the type is said elsewhere."""
    kind, sep, rest = name.partition(": ")
    return (
        rest
        if sep
        and kind.replace(" ", "").replace("/", "").isalpha()
        and kind.upper() == kind.upper()
        and len(kind) < 25
        else name
    )


def _what_is_tested(trial: Trial, wording: Wording, cite: Citer) -> Section:
    parts: list[Block | tuple[Block, ...] | None] = []
    design = trial.design
    study_type = design.study_type.value if design.study_type else None
    explain = wording.phrase("study_type", study_type, "explain")
    overview = [cite.say(explain, design.study_type) if explain else None]
    phases = design.phases.value if design.phases else ()
    for phase in phases:
        purpose = wording.phrase("phase", phase, "purpose")
        name = wording.phrase("phase", phase, "name")
        if purpose:
            overview.append(cite.say(f"In a {name} study: {_lower_first(purpose)}", design.phases))
    for table, value in (
        ("allocation", design.allocation),
        ("intervention_model", design.intervention_model),
        ("masking", design.masking),
    ):
        phrase = wording.phrase(table, value.value if value else None)
        if phrase:
            overview.append(cite.say(phrase, value))
    parts.append(paragraph(overview))
    for intervention in trial.interventions:
        kind = wording.phrase("intervention_type", intervention.type.value if intervention.type else None)
        lines = [
            cite.say(
                f"{intervention.name.value} is {kind}." if kind else f"{intervention.name.value}.",
                intervention.name,
                intervention.type,
            )
        ]
        if intervention.other_names:
            others = say_list([o.value for o in intervention.other_names])
            lines.append(cite.say(f"It is also called {others}.", *intervention.other_names))
        parts.append(items(lines[:1], label=intervention.name.value))
        parts.append(paragraph(lines[1:]))
        description = intervention.description
        if (
            description is not None
            and description.text.strip(" .").lower() != intervention.name.value.lower()
        ):
            parts.extend(tuple(passage_sentences(description, cite)))
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
        names = say_list([_without_type(n.value) for n in arm.intervention_names])
        text = f"This group {role}." if role else ""
        if names:
            text += f" Treatment: {names}."
        if text.strip():
            parts.append(
                items(
                    (cite.say(text.strip(), arm.label, arm.type, *arm.intervention_names),),
                    label=arm.label.value,
                )
            )
    return Section("what-is-tested", "What the study tests", blocks(*parts))


def _who_can_join(trial: Trial, wording: Wording, cite: Citer) -> Section:
    rules = trial.eligibility
    lines: list[Sentence | None] = []
    low, high = rules.minimum_age, rules.maximum_age
    if low and high:
        lines.append(
            cite.say(f"People aged {say_age(low.value)} to {say_age(high.value)} can join.", low, high)
        )
    elif low:
        lines.append(cite.say(f"People aged {say_age(low.value)} or older can join.", low))
    elif high:
        lines.append(cite.say(f"People up to {say_age(high.value)} old can join.", high))
    if rules.sex:
        lines.append(cite.say(wording.phrase("sex", rules.sex.value), rules.sex))
    if rules.healthy_volunteers is not None:
        key = "true" if rules.healthy_volunteers.value else "false"
        lines.append(cite.say(wording.phrase("healthy_volunteers", key), rules.healthy_volunteers))
    condition = condition_phrase(trial)
    if condition:
        lines.append(cite.say(f"The study is for people with {condition}.", *trial.conditions[:3]))
    parts: list[Block | tuple[Block, ...] | None] = [paragraph(lines)]
    shown = 0
    for title, criteria in (
        ("You may be able to join if:", rules.inclusion),
        ("You may not be able to join if:", rules.exclusion),
    ):
        if not criteria:
            continue
        room = max(MAX_CRITERIA - shown, 2)
        parts.append(note(title))
        parts.append(items(cite.say(end_sentence(sentence_case(c.value)), c) for c in criteria[:room]))
        shown += min(room, len(criteria))
    hidden = max(0, len(rules.inclusion) + len(rules.exclusion) - shown)
    if hidden and rules.criteria is not None:
        parts.append(
            paragraph(
                (
                    cite.derived(
                        f"Other rules apply: {hidden} more are listed in the full record. "
                        "The study team checks them with you.",
                        rules.criteria.path,
                        "count(criteria) - shown",
                    ),
                )
            )
        )
    return Section("who-can-join", "Who can join", blocks(*parts))


def _outcome_sentence(outcome: Outcome, cite: Citer) -> Sentence:
    text = end_sentence(sentence_case(outcome.measure.value))
    if outcome.time_frame:
        text += f" When: {end_sentence(_lower_first(outcome.time_frame.value))}"
    return cite.say(text, outcome.measure, outcome.time_frame)


def _what_is_measured(trial: Trial, cite: Citer) -> Section:
    parts: list[Block | tuple[Block, ...] | None] = []
    if trial.primary_outcomes:
        parts.append(note("The main things the researchers measure:"))
        parts.append(items(_outcome_sentence(o, cite) for o in trial.primary_outcomes))
    secondary = trial.secondary_outcomes
    if secondary:
        shown = secondary[:3]
        names = say_list([_lower_first(o.measure.value).rstrip(".") for o in shown])
        if len(secondary) > len(shown):
            text = f"They also measure {len(secondary)} other things, such as: {names}."
            parts.append(
                paragraph(
                    (
                        cite.derived(
                            text,
                            "protocolSection.outcomesModule.secondaryOutcomes",
                            "count(secondaryOutcomes)",
                        ),
                    )
                )
            )
        else:
            parts.append(paragraph((cite.say(f"They also measure: {names}.", *(o.measure for o in shown)),)))
    return Section("what-is-measured", "What the researchers measure", blocks(*parts))


def _where(trial: Trial, wording: Wording, cite: Citer) -> Section:
    if not trial.locations:
        return Section("where", "Where the study runs", ())
    countries: OrderedDict[str, list[int]] = OrderedDict()
    for index, site in enumerate(trial.locations):
        countries.setdefault(site.country.value if site.country else "Country not given", []).append(index)
    path = "protocolSection.contactsLocationsModule.locations"
    sites = len(trial.locations)
    count_text = f"The study runs at {sites} {'site' if sites == 1 else 'sites'}"
    if len(countries) > 1:
        count_text += f" in {len(countries)} countries"
    parts: list[Block | tuple[Block, ...] | None] = [
        paragraph((cite.derived(count_text + ".", path, "count(locations), count(distinct country)"),))
    ]
    for country, indexes in sorted(countries.items()):
        parts.append(note(f"{country}:"))
        ordered = sorted(indexes, key=lambda i: _site_key(trial, i))
        lines = []
        for index in ordered:
            site = trial.locations[index]
            place = ", ".join(f.value for f in (site.facility, site.city, site.state) if f is not None)
            status = wording.phrase("site_status", site.status.value if site.status else None)
            text = f"{place}: {status}." if status else f"{place}."
            lines.append(cite.say(text, site.facility, site.city, site.state, site.country, site.status))
        parts.append(items(lines))
    return Section("where", "Where the study runs", blocks(*parts))


def _site_key(trial: Trial, index: int) -> tuple[str, str]:
    site = trial.locations[index]
    return (site.city.value if site.city else "", site.facility.value if site.facility else "")


def _status_and_dates(trial: Trial, wording: Wording, cite: Citer) -> Section:
    status = trial.status
    overall = status.overall.value
    lines: list[Sentence | None] = []
    state = wording.phrase("overall_status", overall, "state")
    reader = wording.phrase("overall_status", overall, "reader")
    if state:
        lines.append(cite.say(f"This study {state}.", status.overall))
    if reader:
        lines.append(cite.say(reader, status.overall))
    if status.why_stopped:
        lines.append(
            cite.say(f"The reason given: {end_sentence(status.why_stopped.value)}", status.why_stopped)
        )
    lines.append(
        _date_sentence(cite, status.start, "It started {on} {date}.", "It is planned to start {on} {date}.")
    )
    lines.append(
        _date_sentence(
            cite,
            status.primary_completion,
            "The main results were collected by {date}.",
            "The main results are planned by {date}.",
        )
    )
    lines.append(
        _date_sentence(
            cite,
            status.completion,
            "The study ended {on} {date}.",
            "The study is planned to end {on} {date}.",
        )
    )
    record_dates: list[Sentence | None] = [
        _date_sentence(cite, status.first_posted, "First posted: {date}.", "First posted: {date}."),
        _date_sentence(cite, status.last_update, "Last updated: {date}.", "Last updated: {date}."),
    ]
    return Section("status", "Status and dates", blocks(paragraph(lines), paragraph(record_dates)))


def _conditions(trial: Trial, cite: Citer) -> Section:
    if not trial.conditions:
        return Section("conditions", "Conditions", ())
    plain = cite.say(
        f"This study is about {say_list([plain_case(c.value) for c in trial.conditions])}.",
        *trial.conditions,
    )
    listed = [cite.say(c.value, c) for c in trial.conditions]  # exactly as entered
    return Section(
        "conditions",
        "Conditions",
        blocks(paragraph((plain,)), note("As listed by the registrant:"), items(listed)),
    )
