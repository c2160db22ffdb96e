"""WHO ICTRP data-provider XML (``<trials><trial><main>...``) → Trial, one per ``<trial>``.

The WHO International Clinical Trials Registry Platform gathers records from national registries
(REPEC in Peru, TCTR in Thailand, ...) in one flat XML shape, usually ISO-8859-1 encoded (the XML
declaration says so and the parser honours it). Values are free text from each registry: phases
as "III", "Phase 2" or "N/A", dates day-first ("27/10/1995"), statuses in each registry's own
words, and "01/01/1900" or "N.A." where the registry had nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plainlang.errors import FieldTypeError, Location
from plainlang.model import (
    Design,
    Eligibility,
    Field,
    Identification,
    Intervention,
    Organization,
    Outcome,
    Passage,
    SecondaryId,
    Source,
    Sponsors,
    Status,
    TextBlock,
    Trial,
)
from plainlang.model import (
    Location as Site,
)
from plainlang.records import vocabulary as vocab
from plainlang.records.access import Node
from plainlang.records.common import date_field, enrollment, passage, phases_field
from plainlang.records.registries import REGISTRIES
from plainlang.records.xmltree import head, parse, to_dict

FORMAT = "ictrp-xml"
REGISTRY = REGISTRIES["ictrp"]
_ROOT = re.compile(r"<trials[\s>]")
_PLACEHOLDERS = {"n a", "na", "none", "nil", "not applicable", "not provided", "01 01 1900"}


def detect(data: bytes) -> bool:
    start = head(data)
    return _ROOT.search(start) is not None and "<main>" in start


def read_all(data: bytes, origin: str | None = None) -> Iterator[Trial]:
    root = parse(data, origin)
    tree = Node(to_dict(root), "", origin)
    for trial in tree.items("trial"):
        if not isinstance(trial.value, dict):
            raise FieldTypeError("expected a <trial> element with fields", Location(origin, field=trial.path))
        yield read(trial)


def _text(node: Node, key: str) -> Field[str] | None:
    """A value, or None where the registry wrote a placeholder ("N.A.", "01/01/1900")."""
    found = node.text(key)
    if found is None or vocab.fold(found.value) in _PLACEHOLDERS:
        return None
    return found


def read(trial: Node) -> Trial:
    main = trial.child("main")
    trial_id = main.require_text("trial_id")
    criteria = trial.child("criteria")
    return Trial(
        source=Source(
            REGISTRY.name,
            trial_id.value,
            FORMAT,
            REGISTRY.url(trial_id.value),
            trial.file,
        ),
        identification=Identification(
            primary_id=trial_id,
            secondary_ids=tuple(
                SecondaryId(sid, None, node.text("issuing_authority"))
                for node in trial.child("secondary_ids").items("secondary_id")
                if isinstance(node.value, dict) and (sid := _text(node, "sec_id")) is not None
            ),
            acronym=_text(main, "acronym"),
            brief_title=_text(main, "public_title"),
            official_title=_text(main, "scientific_title"),
        ),
        status=Status(
            overall=vocab.to_v2("status", _text(main, "recruitment_status"))
            or Field("UNKNOWN", main.path_of("recruitment_status")),
            start=date_field(_text(main, "date_enrolment"), None, trial.file),
            first_posted=date_field(_text(main, "date_registration"), None, trial.file),
        ),
        sponsors=Sponsors(
            Organization(lead) if (lead := _sponsor(main.text("primary_sponsor"))) else None,
            tuple(Organization(name) for name in trial.child("secondary_sponsor").texts("sponsor_name")),
        ),
        conditions=_lines(trial.child("health_condition_keyword"), "hc_keyword")
        or _lines(main, "hc_freetext"),
        design=Design(
            study_type=vocab.to_v2("study_type", _text(main, "study_type")),
            phases=phases_field(_text(main, "phase")),
            enrollment=enrollment(main.integer("target_size"), _text(main, "type_enrolment")),
        ),
        interventions=tuple(
            Intervention(name) for name in _lines(trial.child("intervention_keyword"), "i_keyword")
        ),
        primary_outcomes=_outcomes(trial.child("primary_outcome"), "prim_outcome"),
        secondary_outcomes=_outcomes(trial.child("secondary_outcome"), "sec_outcome"),
        eligibility=_eligibility(criteria),
        locations=tuple(Site(country=country) for country in trial.child("countries").texts("country2")),
        brief_summary=passage(main, "i_freetext"),
    )


def _sponsor(found: Field[str] | None) -> Field[str] | None:
    """ "ELI LILLY INTERAMERICA INC., " → without the dangling comma."""
    if found is None:
        return None
    name = found.value.strip().rstrip(",").strip()
    return Field(name, found.path) if name else None


def _lines(node: Node, key: str) -> tuple[Field[str], ...]:
    """Every non-blank line of every ``key`` element: ICTRP puts one term a line."""
    out: list[Field[str]] = []
    for value in node.texts(key):
        for line in value.value.splitlines():
            text = line.strip().lstrip("-").strip()
            if text and vocab.fold(text) not in _PLACEHOLDERS:
                out.append(Field(text, value.path))
    return tuple(out)


# "Lupus nephritis activity [Timeframe 2 years Urinary cytokine levels]"
_TIMEFRAME = re.compile(r"^(?P<measure>.*?)\s*\[\s*time\s*frame:?\s*(?P<time>[^\]]*)\]\s*$", re.IGNORECASE)


def _outcomes(node: Node, key: str) -> tuple[Outcome, ...]:
    out = []
    for line in _lines(node, key):
        match = _TIMEFRAME.match(line.value)
        if match and match["measure"]:
            out.append(Outcome(Field(match["measure"], line.path), Field(match["time"].strip(), line.path)))
        else:
            out.append(Outcome(line))
    return tuple(out)


def _eligibility(criteria: Node) -> Eligibility:
    inclusion = passage(criteria, "inclusion_criteria")
    exclusion = passage(criteria, "exclusion_criteria")
    minimum = vocab.age_field(_text(criteria, "agemin"))
    maximum = vocab.age_field(_text(criteria, "agemax"))
    return Eligibility(
        criteria=_joined(inclusion, exclusion, criteria.path),
        inclusion=_items(inclusion),
        exclusion=_items(exclusion),
        minimum_age=minimum,
        maximum_age=maximum,
        sex=vocab.to_v2("sex", _text(criteria, "gender")),
    )


def _items(found: Passage | None) -> tuple[Field[str], ...]:
    if found is None:
        return ()
    return tuple(
        Field(block.text, f"{found.path}#{index}")
        for index, block in enumerate(found.blocks)
        if block.kind != "heading"
    )


def _joined(inclusion: Passage | None, exclusion: Passage | None, path: str) -> Passage | None:
    """Both lists as one criteria passage, each under its own heading, as v2 writes it."""
    blocks: list[TextBlock] = []
    for heading, found in (("Inclusion Criteria:", inclusion), ("Exclusion Criteria:", exclusion)):
        if found is not None:
            blocks.append(TextBlock("heading", heading))
            blocks.extend(found.blocks)
    return Passage(tuple(blocks), path) if blocks else None
