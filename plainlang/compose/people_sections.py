"""Sections about taking part: who can join, where, status and dates, conditions."""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from collections import OrderedDict
from dataclasses import replace

from plainlang.compose.cite import Citer, HasPath, blocks, items, note, paragraph
from plainlang.compose.facts import age_group, date_sentence, is_contact_text, plain_units
from plainlang.compose.naming import condition_names, more_problems, pick_conditions
from plainlang.compose.phrasing import end_sentence, say_age, say_count, say_date, say_list, sentence_case
from plainlang.compose.plainness import Gate
from plainlang.compose.wording import Wording
from plainlang.model import Block, DateField, Field, Section, Sentence, SourceRef, Trial

MAX_CONDITION_WORDS = 10  # named conditions in "Who can join"; the rest are counted
MAX_CONDITIONS_ABOUT = 4  # named in "What the study is about" before the full list
MAX_CONDITION_WORDS_ABOUT = 10
# Conditions listed as entered: enough to recognise one's own illness; a registry list of 28
# long names ("Recurrent Childhood Small Noncleaved Cell Lymphoma") is the full record's to give.
MAX_CONDITIONS_LISTED = 8
_CONDITIONS = "protocolSection.conditionsModule.conditions"
MAX_CRITERIA = 6  # bullets shown in all before "other rules apply"
MAX_SENTENCES_PER_RULE = 2  # a rule needing more is the study team's to explain
# ClinicalTrials.gov calls a study's status unknown when its record is not checked for two years;
# a record still saying "looking for people" after that may no longer be true.
STALE_AFTER_DAYS = 2 * 365


def who_can_join(
    trial: Trial, wording: Wording, cite: Citer, gate: Gate, conditions_listed: bool = True, most: int = 3
) -> Section:
    """Age, sex, healthy volunteers, the conditions (``most`` named, the rest counted: where they
    are listed depends on ``conditions_listed``, as ``conditions`` gives them), then the rules."""
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
        lines.append(cite.say(wording.phrase("sex", rules.sex.value, age_group(trial)), rules.sex))
    if rules.healthy_volunteers is not None:
        key = "true" if rules.healthy_volunteers.value else "false"
        lines.append(cite.say(wording.phrase("healthy_volunteers", key), rules.healthy_volunteers))
    shown, others = pick_conditions(trial, most, MAX_CONDITION_WORDS)
    if shown:
        names = condition_names(shown)
        lines.append(cite.say(f"The study is for people with {say_list(names, 'or')}.", *shown, keep=names))
        if others:
            lines.append(
                cite.derived(
                    f"The study lists {more_problems(others)} at the end of this page."
                    if conditions_listed
                    else f"The full record lists {more_problems(others)}.",
                    _CONDITIONS,
                    "count(conditions) - count(named here)",
                )
            )
    parts: list[Block | tuple[Block, ...] | None] = [paragraph(lines)]
    parts.extend(_criteria(rules.inclusion, rules.exclusion, rules.criteria, cite, gate))
    return Section("who-can-join", "Who can join", blocks(*parts))


def _criteria(
    inclusion: tuple[Field[str], ...],
    exclusion: tuple[Field[str], ...],
    whole: HasPath | None,
    cite: Citer,
    gate: Gate,
) -> list[Block | tuple[Block, ...] | None]:
    """The criteria that read plainly, as bullets; the others counted ("41 more rules").

    A bullet is shown whole or not at all (the plainness gate): half a rule could mislead. The
    room is shared between the two lists, so both get bullets when both have plain ones.
    """
    # no list shows more than MAX_CRITERIA bullets, so rules past that many plain ones are not
    # read (each costs a pass through the gate); every count below stays what it was
    plain_in = _plain_rules(inclusion, cite, gate)
    plain_out = _plain_rules(exclusion, cite, gate)
    room_in = min(
        len(plain_in),
        max(MAX_CRITERIA - min(len(plain_out), MAX_CRITERIA // 2), MAX_CRITERIA // 2),
    )
    room_out = min(len(plain_out), MAX_CRITERIA - room_in)
    parts: list[Block | tuple[Block, ...] | None] = []
    for title, bullets, room in (
        ("You may be able to join if:", plain_in, room_in),
        ("You may not be able to join if:", plain_out, room_out),
    ):
        if room:
            parts.append(note(title))
            parts.extend(bullets[:room])
    hidden = len(inclusion) + len(exclusion) - room_in - room_out
    if hidden and whole is not None:
        shown = room_in + room_out
        text = (
            f"There are other rules too. The full record lists {say_count(hidden)} more. The study team checks them with you."
            if shown
            else f"The full record lists {say_count(hidden)} rules for who can join. The study team checks them with you."
        )
        parts.append(paragraph((cite.derived(text, whole.path, "count(criteria) - count(shown)"),)))
    return parts


def _plain_rules(rules: tuple[Field[str], ...], cite: Citer, gate: Gate) -> list[Block]:
    """The first MAX_CRITERIA rules that read plainly, as bullets."""
    bullets = (b for c in rules if (b := _criterion(c, cite, gate)) is not None)
    return list(itertools.islice(bullets, MAX_CRITERIA))


def _criterion(criterion: Field[str], cite: Citer, gate: Gate) -> Block | None:
    """One rule as a bullet, or None when any sentence of it fails the plainness gate."""
    units = plain_units(sentence_case(criterion.value), gate.language)
    sentences = [s for unit in units for s in unit]
    if not sentences or len(sentences) > MAX_SENTENCES_PER_RULE or not gate.unit(sentences):
        return None
    return Block("item", tuple(cite.say(s, criterion) for s in sentences))


MAX_SITE_LINE_WORDS = 20  # the sentence limit: a city label and its first site read as one
MAX_SITES_LISTED = 30  # more places than this are grouped by country, open places still named
FEW_SITES = 3  # so few places are named even on a page that reads too hard (``where``'s ``named``)
_OPEN = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE")
# Statuses of a study still going on (taking people, or not now but not ended): a stale record
# of one may no longer be true.
_GOING_ON = frozenset({*_OPEN, "ACTIVE_NOT_RECRUITING", "SUSPENDED", "TEMPORARILY_NOT_AVAILABLE"})
_LOCATIONS = "protocolSection.contactsLocationsModule.locations"


def where(trial: Trial, wording: Wording, cite: Citer, named: bool = True) -> Section:
    """Places grouped by country, then city: the city heads a list item, each site there is a
    short sentence saying whether it takes people ("Texas Children's Hospital is looking for
    people."). Big trials are counted by country and name their open places only.
    ``named=False`` (a page that reads above the target grade with every hospital's name in it)
    counts the places by country and names none (the full record does), unless there are only a few.

    A site's name is a name: it is kept as written and never explained. The sentences around
    the names are ours, so the section's own wording stays plain even when the names are long.
    """
    if not trial.locations:
        return Section("where", "Where the study runs", ())
    countries: OrderedDict[str, list[int]] = OrderedDict()
    for index, site in enumerate(trial.locations):
        countries.setdefault(site.country.value if site.country else "Country not given", []).append(index)
    sites = len(trial.locations)
    text = f"The study runs at {sites} {'place' if sites == 1 else 'places'}"
    if len(countries) > 1:
        text += f" in {len(countries)} countries"
    parts: list[Block | tuple[Block, ...] | None] = [
        paragraph((cite.derived(text + ".", _LOCATIONS, "count(locations), count(distinct country)"),))
    ]
    # a few places are always named: counting them ("Denmark: 1 place") saves a reader little
    named = named or sites <= FEW_SITES
    listed: list[int] = list(range(sites))
    if sites > MAX_SITES_LISTED or not named:
        listed = [
            i for i, s in enumerate(trial.locations) if s.status is not None and s.status.value in _OPEN
        ]
        if len(listed) > MAX_SITES_LISTED or not named:
            listed = []
        parts.append(_country_counts(trial, countries, cite))
        if listed:
            parts.append(note("These places are open or opening soon:"))
        elif not named:
            parts.append(_names_not_shown(cite))
    shown = set(listed)
    # sites are named while people can join; afterwards each city says how many places it had
    joinable = trial.status.overall.value in _OPEN
    for country, indexes in sorted(countries.items()):
        names = sorted((i for i in indexes if i in shown), key=lambda i: _site_key(trial, i))
        if not names:
            continue
        parts.append(note(f"In {_country_name(country)}:"))
        cities: OrderedDict[str, list[int]] = OrderedDict()
        for i in names:
            cities.setdefault(_city_label(trial, i), []).append(i)
        for city, group in cities.items():
            if joinable:
                said = tuple(_site_sentence(trial, i, wording, cite) for i in group)
            else:
                said = (_places_here(trial, group, cite),)
            parts.append(Block("item", said, city))
    if not joinable and shown:
        parts.append(_names_not_shown(cite))
    return Section("where", "Where the study runs", blocks(*parts))


def _places_here(trial: Trial, group: list[int], cite: Citer) -> Sentence:
    """A city's places counted, not named: in a study no one can join now, a list of long
    hospital names tells a reader little and makes the page hard to read."""
    if len(group) == 1:
        site = trial.locations[group[0]]
        return cite.say("There is one study place here.", site.facility, site.city, site.state, site.country)
    return cite.derived(
        f"There are {say_count(len(group))} study places here.", _LOCATIONS, "count(locations in this city)"
    )


# Country names read with "the" in running text: "in the United States", "in the Netherlands".
_WITH_THE = re.compile(
    r"^(?:United |Russian |Czech |Dominican |Central African |Democratic |Republic )|"
    r"(?:Netherlands|Philippines|Bahamas|Gambia|Islands|Emirates)$"
)


def _names_not_shown(cite: Citer) -> Block | None:
    """The pointer a page leaves when it does not name every place."""
    return paragraph(
        (
            cite.derived(
                "The full record gives the name of each place.", _LOCATIONS, "names(locations) not shown"
            ),
        )
    )


def _country_name(country: str) -> str:
    return f"the {country}" if _WITH_THE.search(country) else country


def _city_label(trial: Trial, index: int) -> str:
    site = trial.locations[index]
    city = _without_postal_codes(site.city.value) if site.city is not None else ""
    state = _without_postal_codes(site.state.value) if site.state is not None else ""
    if city and _POSTAL_PART.match(state):
        state = ""  # a province code after its city ("Milan, MI")
    return ", ".join(p for p in (city, state) if p) or "Place not given"


# A postal or province code in a place ("Austin, TX 78758", state "MI" for Milan, "Villejuif
# CEDEX"): letters a reader cannot look up, that add nothing to the place's name (terms2).
_POSTAL_PART = re.compile(r"^[A-Z]{2,5}(?: \d[\d -]*)?$")
_POSTAL_TAIL = re.compile(r"(?<=[a-z]) [A-Z]{2,5}(?: \d[\d -]*)?$")


def _without_postal_codes(place: str) -> str:
    parts = [_POSTAL_TAIL.sub("", p.strip()) for p in place.split(",")]
    kept = [p for p in parts if p and not _POSTAL_PART.match(p)]
    return ", ".join(kept) if kept else place.strip()


def _site_sentence(trial: Trial, index: int, wording: Wording, cite: Citer) -> Sentence:
    site = trial.locations[index]
    # Some records put "For more information, contact 1-877-..." where the facility name goes.
    facility = (
        site.facility if site.facility is not None and not is_contact_text(site.facility.value) else None
    )
    clause = wording.phrase("site_status_clause", site.status.value if site.status else None)
    name = facility.value.strip() if facility is not None else ""
    # A name is kept whole or not at all; one so long that the line (city label, name and
    # status) would make a long sentence is left to the full record.
    label = _city_label(trial, index)
    too_long = len(f"{label} {name} {clause}".split()) > MAX_SITE_LINE_WORDS
    if name and not too_long:
        text = f"{name} {clause}." if clause else end_sentence(name)
    else:
        text = f"One place here {clause}." if clause else "There is one place here."
        if name:
            text += " The full record gives its name."
        name = ""
    return cite.say(
        text,
        facility,
        site.city,
        site.state,
        site.country,
        site.status,
        keep=(name,) if name else (),
    )


def _country_counts(trial: Trial, countries: OrderedDict[str, list[int]], cite: Citer) -> tuple[Block, ...]:
    """One line per country: how many places, in how many cities, how many open."""
    lines = []
    for country, indexes in sorted(countries.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        cities = {city.value for i in indexes if (city := trial.locations[i].city) is not None}
        open_now = sum(
            1 for i in indexes if (s := trial.locations[i].status) is not None and s.value in _OPEN
        )
        text = f"{country}: {len(indexes)} {'place' if len(indexes) == 1 else 'places'}"
        if len(cities) > 1:
            text += f" in {len(cities)} cities"
        text += f", {open_now} open." if open_now else "."
        # the country is the record's name for a place (its location field), not our wording
        lines.append(
            cite.derived(text, _LOCATIONS, "count(locations by country, city, open status)", keep=(country,))
        )
    return items(lines)


def _site_key(trial: Trial, index: int) -> tuple[str, str]:
    site = trial.locations[index]
    return (site.city.value if site.city else "", site.facility.value if site.facility else "")


def _why_stopped(why: Field[str], cite: Citer, gate: Gate) -> list[Sentence]:
    """The reason a study stopped, in the record's words made plainer, when it reads plainly;
    else a pointer to the record. Registry reasons run long ("...; it was financially and
    logistically impossible to") and some are cut off mid-sentence."""
    units = plain_units(why.value, gate.language)
    sentences = [s for unit in units for s in unit]
    said = [f"The reason given: {sentences[0]}", *sentences[1:]] if sentences else []
    if said and len(said) <= MAX_SENTENCES_PER_RULE and gate.unit(said):
        return [cite.say(s, why) for s in said]
    return [cite.say("The full record gives the reason it stopped.", why)]


def stale_status(trial: Trial, wording: Wording, cite: Citer, today: str) -> Sentence | None:
    """A warning that an open status may be out of date, when the record was last checked
    (or, lacking that, updated) more than ``STALE_AFTER_DAYS`` before ``today`` (ISO date)."""
    status = trial.status
    checked = status.verified or status.last_update
    if status.overall.value not in _GOING_ON or checked is None:
        return None
    template = wording.phrase("notice", "stale_checked" if status.verified else "stale_updated")
    age = _days_between(checked, today)
    if not template or age is None or age <= STALE_AFTER_DAYS:
        return None
    derivation = f"summary date {today} minus {checked.iso} > {STALE_AFTER_DAYS} days"
    on = "on" if checked.iso.count("-") == 2 else "in"
    return cite.say(template.format(date=say_date(checked.iso), on=on), checked, derivation=derivation)


def _days_between(date: DateField, today: str) -> int | None:
    """Days from ``date`` (as precise as the registry gave it: its last day counts) to ``today``."""
    parts = date.iso.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 12
        day = int(parts[2]) if len(parts) > 2 else 1
        start = _dt.date(year, month, day)
        if len(parts) == 2:  # a month: count from its end, so a date is never called older than it is
            start = (start.replace(day=28) + _dt.timedelta(days=4)).replace(day=1) - _dt.timedelta(days=1)
        elif len(parts) == 1:
            start = _dt.date(year, 12, 31)
        return (_dt.date.fromisoformat(today) - start).days
    except ValueError:
        return None


def status_and_dates(trial: Trial, wording: Wording, cite: Citer, gate: Gate, today: str) -> Section:
    status = trial.status
    lines: list[Sentence | None] = []
    state = wording.phrase("overall_status", status.overall.value, "state")
    reader = wording.phrase("overall_status", status.overall.value, "reader")
    if state:
        lines.append(cite.say(f"This study {state}.", status.overall))
    if status.last_known and status.overall.value == "UNKNOWN":
        last = wording.phrase("overall_status", status.last_known.value, "state")
        if last:
            lines.append(cite.say(f"When it was last checked, it {last}.", status.last_known))
    if reader:
        lines.append(cite.say(reader, status.overall))
    lines.append(stale_status(trial, wording, cite, today))
    if status.why_stopped:
        lines.extend(_why_stopped(status.why_stopped, cite, gate))
    lines.append(
        date_sentence(cite, status.start, "It started {on} {date}.", "It is planned to start {on} {date}.")
    )
    lines.append(
        date_sentence(
            cite,
            status.primary_completion,
            "The study team had the facts for its key measures by {date}.",
            "The study team plans to have the facts for its key measures by {date}.",
        )
    )
    lines.append(
        date_sentence(
            cite,
            status.completion,
            "The study ended {on} {date}.",
            "The study is planned to end {on} {date}.",
        )
    )
    record_dates = (
        date_sentence(cite, status.first_posted, "First posted: {date}.", "First posted: {date}."),
        date_sentence(cite, status.last_update, "Last changed: {date}.", "Last changed: {date}."),
    )
    return Section("status", "Status and dates", blocks(paragraph(lines), paragraph(record_dates)))


def conditions(
    trial: Trial, cite: Citer, listed_too: bool = True, most: int = MAX_CONDITIONS_ABOUT
) -> Section:
    """What the study is about: the plainest names in a sentence, then every condition as the
    study team entered it. ``listed_too=False`` (a page that reads above the target grade) gives
    the sentence and a pointer to the full record's list instead of the list; ``most``: how many
    the sentence names (the rest are counted)."""
    if not trial.conditions:
        return Section("conditions", "What the study is about", ())
    shown, others = pick_conditions(trial, most, MAX_CONDITION_WORDS_ABOUT)
    names = condition_names(shown)
    plain: Sentence | None = None
    if shown:
        text = f"This study is about {say_list([*names, more_problems(others)] if others else names)}."
        plain = cite.say(text, *shown, keep=names)
        if others:
            # the count of the others is ours: the provenance says how it was made
            counted = SourceRef(trial.id, _CONDITIONS, "count(conditions) - count(named here)")
            plain = replace(plain, sources=(*plain.sources, counted))
    # Exactly as entered, never explained: keeping the whole sentence (with the full stop that is
    # the list's punctuation) means no glossary term can ever be the whole kept phrase.
    if not listed_too and plain is not None:
        pointer = cite.derived(
            "The full record lists them as the study team wrote them.",
            _CONDITIONS,
            "names(conditions) not shown",
        )
        return Section("conditions", "What the study is about", blocks(paragraph((plain, pointer))))
    listed = [
        cite.say(end_sentence(c.value), c, keep=(end_sentence(c.value),))
        for c in trial.conditions[:MAX_CONDITIONS_LISTED]
    ]
    hidden = len(trial.conditions) - len(listed)
    rest = (
        paragraph(
            (
                cite.derived(
                    f"The full record lists {say_count(hidden)} more.",
                    _CONDITIONS,
                    "count(conditions) - count(listed here)",
                ),
            )
        )
        if hidden > 0
        else None
    )
    return Section(
        "conditions",
        "What the study is about",
        # the registrant is whoever entered the record: to a reader, the study team
        blocks(paragraph((plain,)), note("As the study team listed them:"), items(listed), rest),
    )
