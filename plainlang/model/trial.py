"""The Trial: one registry record, read into frozen dataclasses.

Every value that came from the record is wrapped with the field path it was read from
(``Field``, ``Passage``, ``DateField``), and the trial knows its registry and record id
(``Source``), so any sentence built from it can say exactly where its facts came from.

Values are kept as the registry gives them, normalised only in form: enumerations use the
ClinicalTrials.gov API v2 spelling (``RECRUITING``, ``PHASE2``, ``ACTUAL``) whatever the format
read, dates are ISO 8601 (``2024-06`` or ``2024-06-24``), and text is split into blocks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Source:
    """Which record a trial was read from."""

    registry: str  # display name: "ClinicalTrials.gov", "EU Clinical Trials Register", ...
    record_id: str  # the registry's own id: NCT04067336, 2019-001234-56, ISRCTN12345678
    format: str  # the reader that produced it: "ctgov-v2", "ctgov-classic", "ctgov-xml", ...
    url: str  # the record's public page
    file: str | None = None  # file (and "#line" in NDJSON, "!member" in a ZIP) it came from


@dataclass(frozen=True)
class Field(Generic[T]):
    """A value read from a record, with the path of the field it came from."""

    value: T
    path: str


TextBlockKind = Literal["paragraph", "item", "heading"]


@dataclass(frozen=True)
class TextBlock:
    """A paragraph, a list item or a heading of registry text.

    ``depth`` is the list nesting (0 for a top-level item or for a paragraph); ``marker`` is the
    item's original marker ("-", "*", "1.", "a)") so numbered lists keep their numbers.
    """

    kind: TextBlockKind
    text: str
    depth: int = 0
    marker: str = ""


@dataclass(frozen=True)
class Passage:
    """A free-text field split into blocks, with the field path it came from."""

    blocks: tuple[TextBlock, ...]
    path: str

    @property
    def text(self) -> str:
        """The passage as plain text, one block a line."""
        return "\n".join(block.text for block in self.blocks)

    def __iter__(self) -> Iterator[TextBlock]:
        return iter(self.blocks)


DateKind = Literal["ACTUAL", "ESTIMATED"]


@dataclass(frozen=True)
class DateField:
    """A date as precise as the registry gave it: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

    iso: str
    path: str
    kind: DateKind | None = None  # registries say ANTICIPATED or ESTIMATED for planned dates


@dataclass(frozen=True)
class SecondaryId:
    id: Field[str]
    type: Field[str] | None = None
    domain: Field[str] | None = None


@dataclass(frozen=True)
class Identification:
    primary_id: Field[str]
    secondary_ids: tuple[SecondaryId, ...] = ()
    org_study_id: Field[str] | None = None
    acronym: Field[str] | None = None
    brief_title: Field[str] | None = None
    official_title: Field[str] | None = None


@dataclass(frozen=True)
class Status:
    overall: Field[str]
    last_known: Field[str] | None = None
    why_stopped: Field[str] | None = None
    start: DateField | None = None
    primary_completion: DateField | None = None
    completion: DateField | None = None
    first_posted: DateField | None = None
    last_update: DateField | None = None
    verified: DateField | None = None


@dataclass(frozen=True)
class Organization:
    name: Field[str]
    kind: Field[str] | None = None  # INDUSTRY, NIH, OTHER, ...


@dataclass(frozen=True)
class Sponsors:
    lead: Organization | None = None
    collaborators: tuple[Organization, ...] = ()


@dataclass(frozen=True)
class Enrollment:
    count: Field[int]
    kind: Field[str] | None = None  # ACTUAL or ESTIMATED


@dataclass(frozen=True)
class Design:
    study_type: Field[str] | None = None  # INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS
    phases: Field[tuple[str, ...]] | None = None  # ("PHASE1", "PHASE2"), ("NA",)
    allocation: Field[str] | None = None
    intervention_model: Field[str] | None = None
    masking: Field[str] | None = None
    who_masked: Field[tuple[str, ...]] | None = None
    primary_purpose: Field[str] | None = None
    observational_model: Field[str] | None = None
    time_perspective: Field[str] | None = None
    enrollment: Enrollment | None = None


@dataclass(frozen=True)
class Arm:
    label: Field[str]
    type: Field[str] | None = None  # EXPERIMENTAL, PLACEBO_COMPARATOR, ...
    description: Passage | None = None
    intervention_names: tuple[Field[str], ...] = ()


@dataclass(frozen=True)
class Intervention:
    name: Field[str]
    type: Field[str] | None = None  # DRUG, BIOLOGICAL, PROCEDURE, ...
    description: Passage | None = None
    other_names: tuple[Field[str], ...] = ()
    arm_labels: tuple[Field[str], ...] = ()


@dataclass(frozen=True)
class Outcome:
    measure: Field[str]
    time_frame: Field[str] | None = None
    description: Passage | None = None


@dataclass(frozen=True)
class Eligibility:
    criteria: Passage | None = None  # the whole text as registered
    inclusion: tuple[Field[str], ...] = ()
    exclusion: tuple[Field[str], ...] = ()
    minimum_age: Field[str] | None = None  # as registered: "18 Years", "6 Months"
    maximum_age: Field[str] | None = None
    sex: Field[str] | None = None  # ALL, FEMALE, MALE
    healthy_volunteers: Field[bool] | None = None
    std_ages: Field[tuple[str, ...]] | None = None  # CHILD, ADULT, OLDER_ADULT
    study_population: Passage | None = None


@dataclass(frozen=True)
class Contact:
    """A person or office to contact. Personal data: kept for the publisher, never rendered."""

    name: Field[str] | None = None
    role: Field[str] | None = None
    phone: Field[str] | None = None
    email: Field[str] | None = None

    personal_data = True  # class constant: renderers and checks treat every field as personal


@dataclass(frozen=True)
class Location:
    facility: Field[str] | None = None
    city: Field[str] | None = None
    state: Field[str] | None = None
    zip: Field[str] | None = None
    country: Field[str] | None = None
    status: Field[str] | None = None  # RECRUITING, NOT_YET_RECRUITING, ...
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class Publication:
    """A publication the record cites (a summary's own reference list is model.Reference)."""

    citation: Field[str]
    pmid: Field[str] | None = None
    type: Field[str] | None = None  # BACKGROUND, RESULT, DERIVED


@dataclass(frozen=True)
class Trial:
    """One trial as one registry describes it."""

    source: Source
    identification: Identification
    status: Status
    sponsors: Sponsors = Sponsors()
    conditions: tuple[Field[str], ...] = ()
    keywords: tuple[Field[str], ...] = ()
    mesh_terms: tuple[Field[str], ...] = ()
    design: Design = Design()
    arms: tuple[Arm, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    primary_outcomes: tuple[Outcome, ...] = ()
    secondary_outcomes: tuple[Outcome, ...] = ()
    eligibility: Eligibility = Eligibility()
    locations: tuple[Location, ...] = ()
    contacts: tuple[Contact, ...] = ()
    publications: tuple[Publication, ...] = ()
    brief_summary: Passage | None = None
    detailed_description: Passage | None = None
    plain_summary: Passage | None = None  # a registry's own lay summary (ISRCTN, EU CTR)
    has_results: bool = False

    @property
    def id(self) -> str:
        return self.identification.primary_id.value

    @property
    def title(self) -> str:
        ident = self.identification
        for title in (ident.brief_title, ident.official_title):
            if title is not None and title.value:
                return title.value
        return self.id

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the main facts, each with the record field it came from."""
        from plainlang.display.show import trial_html  # lazy: keeps `import plainlang` light

        return trial_html(self)
