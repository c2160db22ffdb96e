"""Change notes: plain sentences saying what changed between two versions of one record.

``changes(old, new)`` compares the facts a patient cares about (status, enrollment target,
dates, sites, outcomes, eligibility rules, treatments) and returns one ``Change`` per difference,
in that order. Each change cites the fields of both versions it was built from, so a reader can
check it against either record. Sentences come from the wording table
``compose/data/changes.en.yaml``; nothing is paraphrased.

``note_history`` puts "Updated N times" next to the trial page's "Last updated" date when the
older versions of a record are known.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from importlib.resources import files
from typing import Any, TypeVar

import yaml

from plainlang.compose.phrasing import end_sentence, say_age, say_count, say_date
from plainlang.compose.wording import load_wording
from plainlang.errors import ConfigError, Location
from plainlang.model import DateField, Document, Field, Outcome, Sentence, SourceRef, Trial
from plainlang.model import Location as Site

MAX_PER_KIND = 10  # sites (or rules, or results) named one by one before "N more"

T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """One difference between two versions of a record, as a plain sentence.

    ``old_sources`` name the fields of the older version, ``new_sources`` those of the newer one
    (either is empty when the fact is only in the other version).
    """

    kind: str  # status, enrollment, dates.start, site.added, outcome.removed, eligibility.age ...
    text: str
    old_sources: tuple[SourceRef, ...] = ()
    new_sources: tuple[SourceRef, ...] = ()

    @property
    def sentence(self) -> Sentence:
        return Sentence(self.text, self.old_sources + self.new_sources)


@functools.cache
def load_change_wording(language: str = "en") -> dict[str, Any]:
    resource = files("plainlang.compose").joinpath("data", f"changes.{language}.yaml")
    if not resource.is_file():
        raise ConfigError(
            f"no change-note wording for language {language!r}",
            Location(field="language"),
            hint="plainlang ships English ('en') wording",
        )
    data: dict[str, Any] = yaml.safe_load(resource.read_text("utf-8"))
    return data


@dataclass(frozen=True)
class _Say:
    """Fills the wording table's sentences and cites both versions."""

    old: Trial
    new: Trial
    words: dict[str, Any]

    def __call__(
        self,
        kind: str,
        template: str,
        old_fields: Iterable[Any] = (),
        new_fields: Iterable[Any] = (),
        **values: Any,
    ) -> Change:
        return Change(
            kind,
            template.format(**values),
            tuple(SourceRef(self.old.id, f.path) for f in old_fields if f is not None),
            tuple(SourceRef(self.new.id, f.path) for f in new_fields if f is not None),
        )


def changes(old: Trial, new: Trial, language: str = "en") -> tuple[Change, ...]:
    """What changed from ``old`` to ``new`` (two versions of one record), as plain sentences."""
    say = _Say(old, new, load_change_wording(language))
    return (
        *_status(say),
        *_enrollment(say),
        *_dates(say),
        *_sites(say, language),
        *_outcomes(say),
        *_eligibility(say),
        *_interventions(say),
    )


def _status(say: _Say) -> list[Change]:
    old, new = say.old.status.overall, say.new.status.overall
    if old.value == new.value:
        return []
    return [
        say(
            "status",
            say.words["status"],
            [old],
            [new],
            old=_status_phrase(old.value),
            new=_status_phrase(new.value),
        )
    ]


def _status_phrase(value: str) -> str:
    return load_wording().phrase("site_status", value) or value.lower().replace("_", " ")


def _enrollment(say: _Say) -> list[Change]:
    old, new = say.old.design.enrollment, say.new.design.enrollment
    if old is None or new is None or old.count.value == new.count.value:
        return []
    old_kind = old.kind.value if old.kind else None
    new_kind = new.kind.value if new.kind else None
    if new_kind == "ACTUAL" and old_kind != "ACTUAL":
        template = say.words["enrollment_actual"]
    elif new_kind == old_kind == "ESTIMATED":
        template = say.words["enrollment_planned"]
    else:
        template = say.words["enrollment_changed"]
    fields_old, fields_new = [old.count, old.kind], [new.count, new.kind]
    return [
        say(
            "enrollment",
            template,
            fields_old,
            fields_new,
            old=say_count(old.count.value),
            new=say_count(new.count.value),
        )
    ]


def _dates(say: _Say) -> list[Change]:
    out: list[Change] = []
    for name, table in say.words["dates"].items():
        old: DateField | None = getattr(say.old.status, name)
        new: DateField | None = getattr(say.new.status, name)
        kind = f"dates.{name}"
        if old is not None and new is not None and old.iso != new.iso:
            out.append(
                say(kind, table["changed"], [old], [new], old=say_date(old.iso), new=say_date(new.iso))
            )
        elif old is None and new is not None:
            out.append(say(kind, table["added"], [], [new], new=say_date(new.iso)))
        elif old is not None and new is None:
            out.append(say(kind, table["removed"], [old], []))
    return out


def _site_key(site: Site) -> tuple[str, ...]:
    return tuple(_norm(f.value) if f else "" for f in (site.facility, site.city, site.country))


def _site_name(site: Site) -> str:
    parts = [f.value.strip() for f in (site.facility, site.city, site.country) if f and f.value.strip()]
    return ", ".join(dict.fromkeys(parts)) or "a place with no name given"


def _sites(say: _Say, language: str) -> list[Change]:
    old = _index(say.old.locations, _site_key)
    new = _index(say.new.locations, _site_key)
    added = [site for key, site in new.items() if key not in old]
    removed = [site for key, site in old.items() if key not in new]
    moved = [
        (old[key], site)
        for key, site in new.items()
        if key in old and _value(old[key].status) != _value(site.status) and site.status is not None
    ]
    w = say.words

    def fields(site: Site) -> list[Field[str] | None]:
        return [site.facility, site.city, site.country]

    out = _capped(
        say,
        "site.added",
        [say("site.added", w["site_added"], [], fields(s), name=_site_name(s)) for s in added],
        w["sites_more_added"],
    )
    out += _capped(
        say,
        "site.removed",
        [say("site.removed", w["site_removed"], fields(s), [], name=_site_name(s)) for s in removed],
        w["sites_more_removed"],
    )
    out += _capped(
        say,
        "site.status",
        [
            say(
                "site.status",
                w["site_status"],
                [a.status],
                [b.status, *fields(b)],
                name=_site_name(b),
                old=_status_phrase(_value(a.status) or "UNKNOWN"),
                new=_status_phrase(_value(b.status) or "UNKNOWN"),
            )
            for a, b in moved
        ],
        w["sites_more_status"],
    )
    return out


def _outcomes(say: _Say) -> list[Change]:
    out: list[Change] = []
    for group in ("primary", "secondary"):
        old = _index(getattr(say.old, f"{group}_outcomes"), _outcome_key)
        new = _index(getattr(say.new, f"{group}_outcomes"), _outcome_key)
        added = [
            say(
                "outcome.added",
                say.words[f"{group}_outcome_added"],
                [],
                [o.measure],
                name=end_sentence(o.measure.value),
            )
            for k, o in new.items()
            if k not in old
        ]
        removed = [
            say(
                "outcome.removed",
                say.words[f"{group}_outcome_removed"],
                [o.measure],
                [],
                name=end_sentence(o.measure.value),
            )
            for k, o in old.items()
            if k not in new
        ]
        timed = [
            say(
                "outcome.time_frame",
                say.words["outcome_time_frame"],
                [old[k].time_frame],
                [o.time_frame],
                name=o.measure.value.strip(),
                old=_value(old[k].time_frame).strip(),
                new=_value(o.time_frame).strip(),
            )
            for k, o in new.items()
            if k in old
            and old[k].time_frame
            and o.time_frame
            and _norm(_value(old[k].time_frame)) != _norm(_value(o.time_frame))
        ]
        more = say.words["more_items"]
        out += _capped(say, "outcome.added", added, more) + _capped(say, "outcome.removed", removed, more)
        out += _capped(say, "outcome.time_frame", timed, more)
    return out


def _outcome_key(outcome: Outcome) -> str:
    return _norm(outcome.measure.value)


def _eligibility(say: _Say) -> list[Change]:
    old, new = say.old.eligibility, say.new.eligibility
    out: list[Change] = []
    more = say.words["more_items"]
    for group in ("inclusion", "exclusion"):
        before = _index(getattr(old, group), _field_key)
        after = _index(getattr(new, group), _field_key)
        added = [
            say(
                f"eligibility.{group}.added", say.words[f"{group}_added"], [], [f], name=end_sentence(f.value)
            )
            for k, f in after.items()
            if k not in before
        ]
        removed = [
            say(
                f"eligibility.{group}.removed",
                say.words[f"{group}_removed"],
                [f],
                [],
                name=end_sentence(f.value),
            )
            for k, f in before.items()
            if k not in after
        ]
        out += _capped(say, f"eligibility.{group}.added", added, more)
        out += _capped(say, f"eligibility.{group}.removed", removed, more)
    old_ages = (_value(old.minimum_age), _value(old.maximum_age))
    new_ages = (_value(new.minimum_age), _value(new.maximum_age))
    if old_ages != new_ages:
        out.append(
            say(
                "eligibility.age",
                say.words["age_changed"],
                [old.minimum_age, old.maximum_age],
                [new.minimum_age, new.maximum_age],
                old=_age_range(*old_ages),
                new=_age_range(*new_ages),
            )
        )
    if old.sex and new.sex and old.sex.value != new.sex.value:
        wording = load_wording()
        out.append(
            say(
                "eligibility.sex",
                say.words["sex_changed"],
                [old.sex],
                [new.sex],
                old=wording.phrase("sex", old.sex.value, default=old.sex.value),
                new=wording.phrase("sex", new.sex.value, default=new.sex.value),
            )
        )
    return out


def _age_range(low: str, high: str) -> str:
    if low and high:
        return f"{say_age(low)} to {say_age(high)}"
    if low:
        return f"{say_age(low)} or older"
    if high:
        return f"up to {say_age(high)}"
    return "any age"


def _interventions(say: _Say) -> list[Change]:
    old = _index(say.old.interventions, lambda i: _norm(i.name.value))
    new = _index(say.new.interventions, lambda i: _norm(i.name.value))
    more = say.words["more_items"]
    added = [
        say("intervention.added", say.words["intervention_added"], [], [i.name], name=i.name.value.strip())
        for k, i in new.items()
        if k not in old
    ]
    removed = [
        say(
            "intervention.removed", say.words["intervention_removed"], [i.name], [], name=i.name.value.strip()
        )
        for k, i in old.items()
        if k not in new
    ]
    return _capped(say, "intervention.added", added, more) + _capped(
        say, "intervention.removed", removed, more
    )


def _capped(say: _Say, kind: str, found: list[Change], more: str) -> list[Change]:
    """At most MAX_PER_KIND changes named one by one; the rest counted in one sentence."""
    if len(found) <= MAX_PER_KIND:
        return found
    rest = found[MAX_PER_KIND:]
    count = Change(
        f"{kind}.more",
        more.format(count=say_count(len(rest))),
        tuple(s for c in rest for s in c.old_sources),
        tuple(s for c in rest for s in c.new_sources),
    )
    return [*found[:MAX_PER_KIND], count]


def _index(items: Iterable[T], key: Callable[[T], Hashable]) -> dict[Hashable, T]:
    """Items by key, first one winning, in record order (so the output order is the record's)."""
    out: dict[Hashable, T] = {}
    for item in items:
        out.setdefault(key(item), item)
    return out


def _field_key(field: Field[str]) -> str:
    return _norm(field.value)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _value(field: Field[str] | None) -> str:
    return field.value if field is not None else ""


def note_history(
    document: Document, trial: Trial, history: Sequence[Trial], language: str = "en"
) -> Document:
    """The trial page with "Updated N times" after its "Last updated" date.

    ``history`` holds older versions of the record; N counts the distinct older versions (by
    their own last-update date), each of which an update replaced. The sentence that cites the
    record's last-update field is the one rewritten; a page without that date is left as is.
    """
    last = trial.status.last_update
    if last is None:
        return document
    older = {
        v.status.last_update.iso
        for v in history
        if v.status.last_update and v.status.last_update.iso < last.iso
    }
    if not older:
        return document
    words = load_change_wording(language)
    template = words["updated_once"] if len(older) == 1 else words["updated_times"]
    text = template.format(date=say_date(last.iso), count=say_count(len(older)))
    derived = SourceRef(trial.id, last.path, "count(distinct older versions' lastUpdate dates)")

    def fix(sentence: Sentence) -> Sentence:
        if any(
            s.record_id == trial.id and s.path == last.path and s.derivation is None for s in sentence.sources
        ):
            return replace(sentence, text=text, sources=(*sentence.sources, derived))
        return sentence

    sections = tuple(
        replace(
            section,
            blocks=tuple(replace(b, sentences=tuple(fix(s) for s in b.sentences)) for b in section.blocks),
        )
        if section.id == "status"
        else section
        for section in document.sections
    )
    return replace(document, sections=sections)


__all__ = ["Change", "changes", "note_history"]
