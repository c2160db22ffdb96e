"""The page's frame: its headline, "In short" and "What this could mean".

These are the parts a reader sees first, so they are written in our own words from the record's
facts, never copied from its free text: treatments are named only when the name is plain (see
``naming``), the main measure is quoted only when it is short, and every number is either in the
record or counted with the count recorded in the sentence's provenance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from plainlang.compose.cite import Citer, HasPath, blocks, items, note, paragraph, split_sentences
from plainlang.compose.facts import phase_name, plain_sentences, run_in, study_type, who
from plainlang.compose.naming import condition_names, describe, more_problems, pick_conditions, tested
from plainlang.compose.parts import Part, Remembered, fresh
from plainlang.compose.phrasing import (
    end_sentence,
    lower_start,
    say_count,
    say_date,
    say_list,
    sentence_case,
)
from plainlang.compose.wording import Wording
from plainlang.explain import Glossary
from plainlang.model import Block, Section, Sentence, SourceRef, Trial
from plainlang.policy import Policy
from plainlang.readability.counts import Counts, token
from plainlang.readability.formulas import smog

SMALL_STUDY = 50  # fewer planned people than this: we say plainly that the study is small
MAX_MEASURE_WORDS = 12
# longer main measures are counted here and given in full further down
# Words the named conditions may take: "In short" is the part most readers read, so it names one
# or two plain conditions and counts the rest; the headline names one.
MAX_SUMMARY_CONDITION_WORDS = 6
SUMMARY_NAMES = 2  # treatments named in "In short"; each name the glossary knows adds a sentence
MAX_HEADLINE_CONDITION_WORDS = 5
_INTERVENTIONS = "protocolSection.armsInterventionsModule.interventions"
# Harms a record may name; the page lists those it finds, in the record's own words.
_HARMS = re.compile(
    r"\b(graft[- ]versus[- ]host disease|cytokine release syndrome|infections?|bleeding|"
    r"neutropenia|thrombocytopenia|anemia|nausea|vomiting|diarrh(?:o)?ea|fatigue|rash|"
    r"liver (?:damage|injury|toxicity)|kidney (?:damage|injury)|differentiation syndrome|"
    r"QT(?:c)? prolongation|tumou?r lysis syndrome|allergic reactions?|neurotoxicity|hair loss)\b",
    re.IGNORECASE,
)


def headline(trial: Trial, wording: Wording, glossary: Glossary, policy: Policy) -> str:
    """A plain headline built from facts, not the registry title (which is full of codes).

    "Testing venetoclax and azacitidine in adults with acute myeloid leukemia"; treatments whose
    names are not plain are named by kind ("Testing medicines and kinds of care in children with
    ..."); observational studies: "Looking at ... in ...". It carries no citation, so it holds
    no counts. Without treatments or conditions: "A study in <people>".
    """
    names, unnamed = tested(trial, wording, glossary, policy, limit=2)
    plain = [n.value for n in names if "placebo" not in n.value.lower()]
    condition = _conditions(trial, limit=1)
    whom = who(trial)
    target = f"{whom} with {condition}" if condition else whom
    if study_type(trial) == "OBSERVATIONAL":
        return sentence_case(
            f"Looking at {condition} in {whom}" if condition else f"A study that follows {whom}"
        )
    what = describe(plain, unnamed, wording, counted=False)
    if what:
        return sentence_case(f"Testing {what} in {target}")
    return sentence_case(f"A study in {target}")


@dataclass(frozen=True)
class _Plainer:
    """How much "In short" names: a step down names less and counts more."""

    treatments: int  # treatments named (the rest counted by kind)
    conditions: int | None  # conditions named; None: one, or two when the record has only two
    measure: bool  # quote the main measure when it is short


# From most said to least: the main measure is given in full further down, so it goes first;
# then treatment names, whose glossary definitions each add a sentence full of long words, and
# conditions (one is always named: it tells a reader whether the study is for them).
_STEPS = (
    _Plainer(SUMMARY_NAMES, None, True),
    _Plainer(SUMMARY_NAMES, None, False),
    _Plainer(1, None, False),
    _Plainer(1, 1, False),
    _Plainer(0, 1, False),  # one condition is always named: it tells a reader if the study is for them
)


def summary(
    trial: Trial,
    wording: Wording,
    glossary: Glossary,
    policy: Policy,
    cite: Citer,
    target_smog: float = 8.0,
    seen: dict[str, Estimate] | None = None,
) -> Section:
    """3–5 short sentences: the phase, what is tested in whom, how many, how long, what is measured.

    It is the part most readers read, so it must read at the target grade with the definitions
    the explain stage will add: when the names make it too hard, it names fewer and counts more
    ("It tests Fulvestrant and one more medicine."); the sections below give every name.
    ``seen``: what each text holds (``estimated_smog``), when the caller keeps it for the page.
    """
    tried: list[tuple[float, list[Sentence]]] = []
    seen = {} if seen is None else seen  # the steps share most sentences: each is read once
    part = Remembered()  # each sentence made once for the step fields it reads

    for step in _STEPS:
        sentences = _summary_sentences(trial, wording, glossary, policy, cite, step, part)
        grade = estimated_smog([s.text for s in sentences], glossary, seen)
        if grade <= target_smog - _SMOG_MARGIN:
            return Section("summary", "In short", blocks(paragraph(sentences)))
        tried.append((round(grade, 2), sentences))
    # No step reaches the target: the last says least. When it reads no easier than the first
    # ("It tests a medicine." for "It tests Blinatumomab."), stepping down only took away the
    # names a reader would look up, so the first is kept. (Steps in between are not chosen on
    # the estimate alone: it is too rough to rank near-equal ones.)
    first, last = tried[0], tried[-1]
    return Section("summary", "In short", blocks(paragraph(first[1] if last[0] >= first[0] else last[1])))


# The estimate reads definitions as sentences of their own; explain sometimes puts one inside the
# sentence, in brackets, which reads a little harder: a small margin covers that. A larger one
# would name less in 'In short' for little gain.
_SMOG_MARGIN = 0.15


# What the estimate needs of one text: how many of its sentences have words and how many
# polysyllables they hold (all SMOG reads of the counts), and the glossary terms it uses as
# (term, surface), in order; and of one definition sentence, the same two numbers.
Estimate = tuple[int, int, tuple[tuple[str, str], ...]]
_WORDS, _POLYSYLLABLES = 0, 6  # indexes in readability.counts.token's tuple (Counts field order)


def _smog_counts(sentence: str) -> tuple[int, int]:
    """(sentences, polysyllables) of one sentence, as ``count(sentence).counts`` has them: SMOG
    needs only these two of the ten sums, so the others are not added up (speed only)."""
    rows = [token(raw) for raw in sentence.split()]
    return (1 if any(row[_WORDS] for row in rows) else 0), sum(row[_POLYSYLLABLES] for row in rows)


def estimated_smog(
    texts: Sequence[str], glossary: Glossary, seen: dict[str, Estimate] | None = None
) -> float:
    """SMOG of ``texts`` with one "X means ..." sentence for each glossary term's first use, as
    the explain stage will add them. ``seen`` remembers what each text holds, for a caller that
    asks about the same texts again (counts add up: the sums are the same)."""
    seen = {} if seen is None else seen
    sentences = polysyllables = 0
    uses: list[tuple[str, str]] = []
    for text in texts:
        known = seen.get(text)
        if known is None:
            said = [_smog_counts(s) for s in split_sentences(text)]
            found = tuple((match.term, match.surface) for match in glossary.find(text))
            known = seen[text] = (sum(c[0] for c in said), sum(c[1] for c in said), found)
        sentences += known[0]
        polysyllables += known[1]
        uses.extend(known[2])
    terms: set[str] = set()
    for name, surface in uses:
        if name in terms:
            continue
        term = glossary.get(name)
        if term is None:
            continue
        terms.add(name)
        sentence = f"{surface} means {term.definition}"
        key = "\0" + sentence  # no page text starts so: a text that reads like one keeps its terms
        known = seen.get(key)
        if known is None:
            known = seen[key] = (*_smog_counts(sentence), ())
        sentences += known[0]
        polysyllables += known[1]
    return smog(Counts(sentences=sentences, polysyllables=polysyllables))


def _summary_sentences(
    trial: Trial,
    wording: Wording,
    glossary: Glossary,
    policy: Policy,
    cite: Citer,
    step: _Plainer,
    part: Part = fresh,
) -> list[Sentence]:
    """The "In short" sentences at ``step``; ``part`` keys each on the step fields it reads."""
    design = trial.design
    phase = phase_name(trial, wording)
    # "This study is in phase 2." lets the explain stage define the phase right after the term,
    # rather than in the middle of "a phase 2 (...) study".
    in_phase = cite.say(f"This study is in {phase}.", design.phases) if phase else None
    subject = "It" if phase else "This study"
    if study_type(trial) != "OBSERVATIONAL" and trial.interventions:
        what = part(
            ("what", step.treatments),
            lambda: _what_is_tested(
                trial, wording, glossary, policy, cite, f"{subject} tests {{what}}.", step.treatments
            ),
        )
    else:
        what = cite.say(f"{subject} watches and records what happens to the people in it.", design.study_type)
    found = (
        in_phase,
        what,
        *part(("whom", step.conditions), lambda: _for_whom(trial, wording, cite, step.conditions)),
        part(("duration",), lambda: _duration(trial, wording, cite)),
        part(("measure", step.measure), lambda: _main_measure(trial, cite, glossary, quote=step.measure)),
    )
    return [s for s in found if s is not None and s.text]


def _what_is_tested(
    trial: Trial,
    wording: Wording,
    glossary: Glossary,
    policy: Policy,
    cite: Citer,
    template: str,
    limit: int = SUMMARY_NAMES,
) -> Sentence:
    names, unnamed = tested(trial, wording, glossary, policy, limit=limit)
    text = template.format(what=describe([n.value for n in names], unnamed, wording))
    fields: list[HasPath | None] = list(names)
    sources = [SourceRef(trial.id, f.path) for f in fields if f is not None]
    if unnamed:
        # the counts are ours: the provenance says how they were made
        sources.append(SourceRef(trial.id, _INTERVENTIONS, "count(interventions by type, not named)"))
    return Sentence(text, tuple(sources), keep=tuple(n.value for n in names if n.value in text))


def _conditions(trial: Trial, limit: int) -> str:
    """``mucositis and more``: the plainest ``limit`` named conditions, for the headline (which
    carries no citation, so no count)."""
    shown, others = pick_conditions(trial, limit, MAX_HEADLINE_CONDITION_WORDS)
    phrase = say_list(condition_names(shown), "or")
    return phrase + " and more" if phrase and others else phrase


def _for_whom(
    trial: Trial, wording: Wording, cite: Citer, most: int | None = None
) -> tuple[Sentence, Sentence | None]:
    """Who takes part and how many: "About 45 adults with acute myeloid leukemia are planned to
    take part." With many conditions, one or two plain ones are named and a second short
    sentence counts the rest ("The study lists 26 more health matters below.")."""
    # one plain name when there are many: each hard one brings a sentence that explains it
    if most is None:
        most = 2 if len(trial.conditions) <= 2 else 1
    shown, others = pick_conditions(trial, most, MAX_SUMMARY_CONDITION_WORDS)
    condition = say_list(condition_names(shown), "or")
    whom = who(trial)
    # "men and women" says the age groups and the sex the record allows: both are cited
    fields: list[HasPath | None] = [*shown, trial.eligibility.std_ages, trial.eligibility.sex]
    keep = condition_names(shown)
    more = (
        cite.derived(
            f"The study lists {more_problems(others)} below."
            if shown
            else f"The study lists the health {'matter' if others == 1 else 'matters'} it is about below.",
            "protocolSection.conditionsModule.conditions",
            "count(conditions) - count(named here)",
        )
        if others
        else None
    )
    enrollment = trial.design.enrollment
    if enrollment is None:
        text = f"It is for {whom} with {condition}." if condition else f"It is for {whom}."
        return cite.say(text, *fields, keep=keep), more
    count = enrollment.count.value
    kind = enrollment.kind.value if enrollment.kind else "ESTIMATED"
    verb = wording.phrase("enrollment_kind", kind, default="are planned to take part")
    if count == 1:
        whom, verb = "person", verb.replace("are ", "is ", 1)
    group = f"{whom} with {condition}" if condition else whom
    about = "" if kind == "ACTUAL" else "About "
    text = sentence_case(f"{about}{say_count(count)} {group} {verb}.")
    return cite.say(text, enrollment.count, enrollment.kind, *fields, keep=keep), more


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


def _main_measure(trial: Trial, cite: Citer, glossary: Glossary, *, quote: bool = True) -> Sentence | None:
    """The main measure when it is short and plain enough to read in passing (one glossary term
    at most: each one adds a sentence that defines it); otherwise how many there are (the
    section "What the study measures" lists them all)."""
    if not trial.primary_outcomes:
        return None
    outcome = trial.primary_outcomes[0]
    measure = " ".join(plain_sentences(run_in(outcome.measure.value)))
    if (
        quote
        and len(trial.primary_outcomes) == 1
        and len(measure.split()) <= MAX_MEASURE_WORDS
        and ":" not in measure
        and len({m.term for m in glossary.find(measure)}) <= 1
    ):
        return cite.say(
            f"The key thing the study team measures is {lower_start(end_sentence(measure))}",
            outcome.measure,
        )
    # a count only: "What the study measures" shows the measures that read plainly, and says
    # the full record has the others, so "listed below" would not always be true
    count = len(trial.primary_outcomes)
    return cite.derived(
        f"The study team measures {say_count(count)} key {'thing' if count == 1 else 'things'}.",
        "protocolSection.outcomesModule.primaryOutcomes",
        "count(primaryOutcomes)",
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
    else:
        # a study that only watches gives no treatment to go wrong; what it finds has its own limit
        risks.append(cite.say(risks_table["observational"], design.study_type))
    enrollment = design.enrollment
    if enrollment is not None and enrollment.count.value < SMALL_STUDY:
        risks.append(
            cite.say(
                f"This is a small study with {say_count(enrollment.count.value)} "
                f"{'person' if enrollment.count.value == 1 else 'people'}. What it finds may not hold true for everyone.",
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
        *_led(note("What this could lead to:"), paragraph(could_lead)),
        *_led(note("What could go wrong:"), paragraph(risks)),
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


def _led(lead: Block, body: Block | None) -> tuple[Block, ...]:
    """A lead-in ("What could go wrong:") only with something after it: a heading over nothing
    reads as if the page lost its text."""
    return (lead, body) if body is not None else ()


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


__all__ = ["headline", "meaning", "summary"]
