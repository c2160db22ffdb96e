"""Sections about the study itself: summary, details, what it could mean, what it tests and measures."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from plainlang.compose.cite import Citer, blocks, items, note, paragraph
from plainlang.compose.facts import (
    display_name,
    passage_blocks,
    plain_units,
    run_in,
    study_type,
    without_type,
)
from plainlang.compose.naming import is_no_treatment, is_no_treatment_name
from plainlang.compose.phrasing import end_sentence, lower_start, say_count, say_list, sentence_case, unshout
from plainlang.compose.plainness import Gate, gated_units
from plainlang.compose.wording import Wording
from plainlang.explain.fit import words
from plainlang.model import Block, Intervention, Outcome, Section, Sentence, SourceRef, Trial

MAX_OTHER_NAMES = 3
MAX_DESCRIPTION_SENTENCES = 2  # of an intervention's description or one outcome measure
MAX_MAIN_MEASURES = 5
MAX_OTHER_MEASURES = 3
MEASURE_ROOM = 1  # hard words a main (primary) measure may hold beyond the gate's budget
MAX_LABEL_WORDS = 8  # a longer name as a bullet's label makes its line a long sentence


def details(trial: Trial, cite: Citer, gate: Gate) -> Section:
    """The registry's brief summary, rewritten in plainer words, what passes the plainness gate."""
    return Section("details", "More about the study", tuple(passage_blocks(trial.brief_summary, cite, gate)))


def _holds_terms(name: str, gate: Gate) -> bool:
    """True when ``name`` holds a glossary term other than the whole name."""
    return any((m.start, m.end) != (0, len(name)) for m in gate.glossary.find(name))


def what_is_tested(
    trial: Trial, wording: Wording, cite: Citer, gate: Gate, other_names: int = MAX_OTHER_NAMES
) -> Section:
    """Design, each treatment, the groups. ``other_names``: how many other names of a treatment
    to give (a page that reads too hard gives none; the full record has them, and the page says
    it says more)."""
    design = trial.design
    explain = wording.phrase("study_type", study_type(trial), "explain")
    overview: list[Sentence | None] = [cite.say(explain, design.study_type) if explain else None]
    for phase in design.phases.value if design.phases else ():
        purpose = wording.phrase("phase", phase, "purpose")
        if purpose:
            # "Phase 2 is a test of ...": a defining sentence, so the explain stage adds no
            # glossary definition of the phase after our own
            name = wording.phrase("phase", phase, "name")
            overview.append(
                cite.say(
                    f"This is a {name} study. {name[:1].upper()}{name[1:]} {purpose}",
                    design.phases,
                    keep=(f"{name} study",),
                )
            )
    purpose = wording.phrase(
        "primary_purpose", design.primary_purpose.value if design.primary_purpose else None
    )
    if purpose and purpose != "for another reason":
        overview.append(cite.say(f"Its key goal is {purpose}.", design.primary_purpose))
    for table, value in (
        ("allocation", design.allocation),
        ("intervention_model", design.intervention_model),
        ("masking", design.masking),
    ):
        phrase = wording.phrase(table, value.value if value else None)
        if phrase:
            overview.append(cite.say(phrase, value))
    parts: list[Block | tuple[Block, ...] | None] = [paragraph(overview)]
    described_elsewhere = 0
    for number, intervention in enumerate(trial.interventions, start=1):
        line, cut = _intervention_item(intervention, number, wording, cite, gate, other_names)
        described_elsewhere += cut
        parts.append(line)
    if described_elsewhere:
        parts.append(
            paragraph(
                (
                    cite.derived(
                        _more_in_record(described_elsewhere, len(trial.interventions)),
                        "protocolSection.armsInterventionsModule.interventions",
                        "count(interventions with a description not shown)",
                    ),
                )
            )
        )
    parts.extend(_arms(trial, wording, cite, gate))
    return Section("what-is-tested", "What the study tests", blocks(*parts))


def _more_in_record(count: int, total: int) -> str:
    if total == 1:
        return "The full record says more about it."
    if count == total:
        return "The full record says more about each of these."
    return f"The full record says more about {say_count(count)} of these."


def _intervention_item(
    intervention: Intervention,
    number: int,
    wording: Wording,
    cite: Citer,
    gate: Gate,
    other_names: int = MAX_OTHER_NAMES,
) -> tuple[Block, int]:
    """Type, what the glossary says it is, how it is given, and the description if it is plain.

    Returns the item and 1 when the record's description had more than the page shows.
    """
    shown = display_name(intervention)
    name = replace(shown, value=unshout(shown.value))
    if is_no_treatment(intervention):
        # "observational" or "No Intervention" typed where a treatment's name goes: the study
        # gives nothing here, and the page says so instead of calling it "a kind of care"
        return Block("item", (cite.say(_NO_TREATMENT_SENTENCE, name, intervention.type),)), 0
    kind = wording.phrase("intervention_type", intervention.type.value if intervention.type else None)
    plain_name = words(name.value) <= MAX_LABEL_WORDS and _sayable(name.value, gate)
    known = _glossary_definition(name.value, gate) if plain_name else ""
    # A plain name opens the first sentence, so the bullet needs no label (a label would repeat
    # it, and a reader or the check reads "Name: Name is a medicine" as one long sentence).
    # A name that fails the gate (codes, abbreviations no one spells out, too long) is left to the
    # full record, as arm labels are: "Study part 2" says where it stands in the record's list,
    # and opens the sentence for the same reason a plain name does.
    subject = name.value if plain_name else f"Study part {number}"
    # "Peripheral Blood Stem Cell Transplantation (PBSCT)": an other name that is the name's
    # initials is spelled out where a reader meets it, not listed later as "also called PBSCT"
    initials = next((o.value for o in intervention.other_names if initials_of(o.value, name.value)), "")
    as_written = (name.value, initials) if plain_name and initials else (name.value,) if plain_name else ()
    if plain_name and initials:
        subject = f"{name.value} ({initials})"
    first = cite.say(
        f"{subject} is {known}." if known else f"{subject} is {kind}." if kind else end_sentence(subject),
        name,
        intervention.type,
        keep=as_written,
    )
    if not plain_name:
        # "Study part 2" is its place in the record's list: a number we made, so say how
        first = replace(
            first, sources=(*first.sources, SourceRef(cite.record_id, name.path, "position(interventions)"))
        )
    line: list[Sentence | None] = [first]
    if not plain_name:
        line.append(cite.say("The full record gives its name.", name))
    # a drug can have dozens of chemical and brand names; a few plain ones are enough to recognise it
    # the same name in other capitals ("GEMCITABINE" for Gemcitabine) is not another name
    others = [o.value for o in intervention.other_names if o.value.lower() != name.value.lower()]
    if intervention.name.value.lower() != name.value.lower():
        others.insert(0, intervention.name.value)
    # an other name that holds glossary words ("Biological Sample Collection") would need them
    # explained, maybe in the wrong sense; brand and chemical names help a reader recognise it
    # the first few plain ones; the rest are not read (a drug may have dozens of names)
    plain_others = (
        o
        for o in others
        if o != initials and not _CODE.search(o) and _plain_name(o, gate) and not _holds_terms(o, gate)
    )
    others = list(itertools.islice(plain_others, other_names + 1))
    # names left out are in the full record: the page's "says more" line counts this one
    unnamed = len(others) > other_names
    others = others[:other_names]
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
    cut = 0
    if description is not None and description.text.strip(" .").lower() != intervention.name.value.lower():
        route = how_given(description.text)
        if route:
            line.append(cite.say(f"It is given {route}.", description))
        units = plain_units(description.text, gate.language)
        if route:
            units = [u for u in units if not (len(u) == 1 and _ONLY_ROUTE.match(u[0]) and words(u[0]) <= 8)]
        kept, dropped = gated_units(units, gate, MAX_DESCRIPTION_SENTENCES)
        line.extend(cite.say(s, description) for s in kept)
        cut = 1 if dropped else 0
    if unnamed and other_names < MAX_OTHER_NAMES:
        cut = 1
    return Block("item", tuple(s for s in line if s is not None)), cut


_NO_TREATMENT_SENTENCE = (
    "Here the study gives no medicine or other care. It only watches and records what happens."
)

# Capital letters a reader cannot say or look up: "G-CSF", "EBRT", "SKF S-104864-A". As another
# name they help no one recognise the treatment (brand and chemical names, and drug codes such as
# "KO-539" that other pages use, do).
_CODE = re.compile(r"(?<![\w-])[A-Z](?:[A-Z]|-(?=[A-Z])){1,6}(?![\w-])")
_SMALL_WORDS = frozenset({"of", "and", "the", "in", "for", "with", "to", "a", "an", "or", "by", "on"})


def initials_of(short: str, name: str) -> bool:
    """``short`` is the initials of ``name``'s words ("PBSCT", "Peripheral Blood Stem Cell
    Transplantation"), small joining words skipped or not, hyphenated parts counted apart."""
    letters = short.replace("-", "")
    if len(letters) < 2 or not letters.isalpha() or not letters.isupper():
        return False
    parts = [p for p in re.split(r"[\s-]+", name) if p]
    every = "".join(p[0] for p in parts).upper()
    main = "".join(p[0] for p in parts if p.lower() not in _SMALL_WORDS).upper()
    return letters in (every, main)


def _sayable(name: str, gate: Gate) -> bool:
    """A name a page can print: short, no abbreviation a reader cannot look up, no forbidden
    wording. Hard words are allowed: a name has no plainer form ("Clinically Driven Monitoring")."""
    return words(name) <= MAX_LABEL_WORDS and gate.reason(end_sentence(name)) in ("", "hard", "fragment")


def _plain_name(name: str, gate: Gate) -> bool:
    """Another name worth printing: short, and no code or abbreviation the reader cannot look up,
    and no systematic chemical name."""
    return (
        len(name.split()) <= 4
        and not any(c in name for c in "+:/>")
        and not _SYSTEMATIC.search(name)
        and _sayable(name, gate)
    )


# A systematic chemical name, which no reader says or looks up: position numbers
# ("2H-1,3,2-Oxazaphosphorine", "13-cis-Retinoate", "N,N'-"), brackets and signs of a formula
# ("[bis(2-chloroethyl)amino]", "(-)-"), or one word of 16 letters or more
# ("Phosphinothioylidynetrisaziridine", "Epipodophyllotoxin"). Brand names and drug codes
# ("Neupogen", "CB-3025") have none of these.
_SYSTEMATIC = re.compile(
    r"\d,\d|\d[A-Za-z]?-(?:[a-z]|\d)|[\[\]]|\(\s*[-+±]\s*\)|\b[A-Z],[A-Z]\b|[A-Za-z]{16,}"
)


def _glossary_definition(name: str, gate: Gate) -> str:
    """What the glossary says the intervention is, when that reads as "<name> is <definition>":
    "Placebo is a dummy pill or shot that has no medicine in it." says more, and more truly,
    than its type ("Placebo is a medicine."). Not the pack's longer explanation, and not a
    definition that uses other terms: each would need explaining in a sentence more."""
    term = gate.glossary.get(name)
    if term is None or (term.abbreviations and name in term.abbreviations):
        return ""
    definition = term.definition.strip().rstrip(".")
    if re.match(r"(?:a|an|the)\s", definition) and not gate.glossary.find(definition):
        return definition
    return ""


# An NCI-style description that only says the route ("Given IV.", "Oral tablets.", "IV (or
# another anthracycline).") says little the route sentence has not said in plain words.
_ONLY_ROUTE = re.compile(
    r"^(?:Given|Oral(?:ly)?|Intravenous(?:ly)?|Subcutaneous(?:ly)?|IV|PO|SC|SQ|By mouth)\b", re.IGNORECASE
)


# How a treatment is given, as the record states it, in plain words. Case matters for the short
# forms: "IV" and "PO" are routes, "it" and "po" in running text are not.
_ROUTES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:orally|by mouth|per os|oral(?:ly)?)\b|\bPO\b", re.IGNORECASE), "by mouth"),
    (
        re.compile(
            r"\bintravenous(?:ly)?\b|(?<!stage )(?<!grade )(?<!class )\bIV\b|\binfusions?\b", re.IGNORECASE
        ),
        "into the blood through a needle",
    ),
    (
        re.compile(r"\bsubcutaneous(?:ly)?\b|\b(?:SC|SQ)\b|\bunder the skin\b", re.IGNORECASE),
        "as a shot under the skin",
    ),
    (re.compile(r"\bintramuscular(?:ly)?\b", re.IGNORECASE), "as a shot into a muscle"),
    (re.compile(r"\bintrathecal(?:ly)?\b", re.IGNORECASE), "into the fluid around the spine"),
    (re.compile(r"\binhal(?:ed|ation)\b", re.IGNORECASE), "by breathing it in"),
    (re.compile(r"\btopical(?:ly)?\b", re.IGNORECASE), "on the skin"),
)
_CASE_SENSITIVE_SHORT = re.compile(r"\b(?:PO|IV|SC|SQ)\b")


def how_given(text: str) -> str:
    """ "by mouth", "into a vein or as a shot under the skin": the routes the text names, or ""."""
    found: list[str] = []
    for pattern, plain in _ROUTES:
        for match in pattern.finditer(text):
            short = match[0].upper() == match[0] and len(match[0]) <= 2
            if short and not _CASE_SENSITIVE_SHORT.fullmatch(match[0]):
                continue
            if plain not in found:
                found.append(plain)
            break
    return say_list(found, "or")


def _arms(trial: Trial, wording: Wording, cite: Citer, gate: Gate) -> list[Block | tuple[Block, ...] | None]:
    parts: list[Block | tuple[Block, ...] | None] = []
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
    for number, arm in enumerate(trial.arms, start=1):
        role = wording.phrase("arm_type", arm.type.value if arm.type else None)
        every = [without_type(n.value) for n in arm.intervention_names]
        treatments = [t for t in every if not is_no_treatment_name(t)]
        if every and not treatments and arm.type is None:
            # an observational group whose only "treatment" is "observational"
            role = wording.phrase("arm_type", "NO_INTERVENTION")
        # "Treatment: X" under a group labelled X says nothing new; a list of codes says nothing
        names = say_list(treatments) if treatments != [arm.label.value] else ""
        listed = f"What they get: {names}." if names and gate.passes(f"What they get: {names}.") else ""
        long_label = not _sayable(arm.label.value, gate)
        text = " ".join(
            t
            for t in (
                f"This group {role}." if role else "",
                listed,
                "The full record gives its name." if long_label else "",
            )
            if t
        )
        if text:
            parts.append(
                items(
                    (
                        cite.say(
                            text,
                            arm.label,
                            arm.type,
                            *arm.intervention_names,
                            keep=treatments if listed else (),
                        ),
                    ),
                    label=f"Group {number}" if long_label else arm.label.value,
                )
            )
    return parts


# A time frame that only points elsewhere in the registry form ("See E.5.1", "Refer to section 3")
# tells a reader nothing.
_CROSS_REFERENCE = re.compile(r"\s*(?:see|refer to|as (?:above|below|described|in|per))\b", re.IGNORECASE)


def _when(outcome: Outcome, gate: Gate) -> str:
    """The time frame in plain words ("up to Day 210."), or "" when it is not short and plain."""
    if outcome.time_frame is None or _CROSS_REFERENCE.match(outcome.time_frame.value):
        return ""
    units = plain_units(sentence_case(run_in(outcome.time_frame.value)), gate.language)
    text = " ".join(s for unit in units for s in unit)
    return text if text and gate.passes(f"When: {text}") else ""


def _measure(outcome: Outcome, gate: Gate, room: int = 0) -> list[str]:
    """The outcome's measure as plain sentences, or [] when it does not pass the gate.

    What is measured is what a page must tell, so a main measure may hold ``room`` hard words
    more than other registry text ("Progression-free survival at 2 years" has no plainer name).
    """
    gate = gate.with_room(room)
    units = plain_units(sentence_case(run_in(outcome.measure.value)), gate.language)
    kept, dropped = gated_units(units, gate, MAX_DESCRIPTION_SENTENCES)
    return [] if dropped else kept


def _measures(count: int) -> str:
    return "measure" if count == 1 else "measures"


def what_is_measured(
    trial: Trial, cite: Citer, gate: Gate, other_measures: int = MAX_OTHER_MEASURES
) -> Section:
    """Main measures that read plainly, with their time frames; the rest counted, not copied.
    ``other_measures``: how many of the other measures to name (none on a page that reads too
    hard: the page then says the full record lists them)."""
    parts: list[Block | tuple[Block, ...] | None] = []
    primary = trial.primary_outcomes
    shown: list[Block] = []
    hidden_times: list[Sentence] = []
    for outcome in primary:
        measure = _measure(outcome, gate, MEASURE_ROOM)
        when = _when(outcome, gate)
        if measure and len(shown) < MAX_MAIN_MEASURES:
            sentences = [cite.say(s, outcome.measure) for s in measure]
            if when:
                sentences.append(cite.say(f"When: {lower_start(when)}", outcome.time_frame))
            shown.append(Block("item", tuple(sentences)))
        elif when:
            hidden_times.append(cite.say(when, outcome.time_frame))
    hidden = len(primary) - len(shown)
    if shown:
        parts.append(note("The key things the study measures:"))
        parts.extend(shown)
    if hidden:
        more = " more" if shown else ""
        parts.append(
            paragraph(
                (
                    cite.derived(
                        f"The full record lists {say_count(hidden)}{more} key {_measures(hidden)}.",
                        "protocolSection.outcomesModule.primaryOutcomes",
                        "count(primaryOutcomes) - count(shown)",
                    ),
                )
            )
        )
        # with none shown, their time frames still tell a reader how long the study follows people
        times = _unique(hidden_times)[:MAX_MAIN_MEASURES]
        if times and not shown:
            parts.append(
                note("It is checked at this time:" if hidden == 1 else "They are checked at these times:")
            )
            parts.extend(items(times))
    secondary = trial.secondary_outcomes
    if secondary:
        # the first few that read plainly; the rest are not read (each costs a pass through the gate)
        plainly = ((o, m[0]) for o in secondary if len(m := _measure(o, gate)) == 1)
        plain = list(itertools.islice(plainly, other_measures))
        count = len(secondary)
        said = [
            cite.derived(
                f"The study also measures {say_count(count)} other {'thing' if count == 1 else 'things'}.",
                "protocolSection.outcomesModule.secondaryOutcomes",
                "count(secondaryOutcomes)",
            )
        ]
        if not other_measures:
            said.append(
                cite.derived(
                    "The full record lists them.",
                    "protocolSection.outcomesModule.secondaryOutcomes",
                    "names(secondaryOutcomes) not shown",
                )
            )
        parts.append(paragraph(said))
        if plain:
            parts.append(note("Some of them:" if len(plain) < count else "They are:"))
            parts.extend(items(cite.say(text, outcome.measure) for outcome, text in plain))
    return Section("what-is-measured", "What the study measures", blocks(*parts))


def _unique(sentences: list[Sentence]) -> list[Sentence]:
    seen: set[str] = set()
    out = []
    for sentence in sentences:
        if sentence.text not in seen:
            seen.add(sentence.text)
            out.append(sentence)
    return out


__all__ = ["details", "what_is_measured", "what_is_tested"]
