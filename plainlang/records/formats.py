"""The registry formats plainlang reads, and how a document is recognised as one of them.

A JSON format says which study objects a parsed document holds (``studies``; None when the
document is not in that format) and turns one study object into a Trial (``read``). A text
format (XML) does both from the raw bytes. Formats are tried in the order listed; the first that
recognises a document reads it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from plainlang.model import Trial
from plainlang.records import ctgov_classic, ctgov_v2, ctgov_xml, ctis, euctr, ictrp, isrctn


@dataclass(frozen=True)
class JsonFormat:
    name: str
    description: str
    studies: Callable[[object], Iterator[object] | None]
    read: Callable[[object, str | None], Trial]


@dataclass(frozen=True)
class TextFormat:
    """A format read from bytes (XML): ``read`` yields every record the bytes hold."""

    name: str
    description: str
    detect: Callable[[bytes], bool]
    read: Callable[[bytes, str | None], Iterator[Trial]]


JSON_FORMATS: tuple[JsonFormat, ...] = (
    JsonFormat(
        "ctgov-v2",
        "ClinicalTrials.gov API v2 study, search page or NDJSON",
        ctgov_v2.studies,
        ctgov_v2.read,
    ),
    JsonFormat(
        "ctgov-classic",
        "ClinicalTrials.gov classic API JSON (FullStudiesResponse page or one Study)",
        ctgov_classic.studies,
        ctgov_classic.read,
    ),
    JsonFormat(
        "euctr",
        "EU Clinical Trials Register protocol (flattened JSON; a list of member-state versions merges)",
        euctr.studies,
        euctr.read,
    ),
    JsonFormat("ctis", "EU CTIS public trial record (JSON, both generations)", ctis.studies, ctis.read),
    JsonFormat("isrctn", "ISRCTN registry record (JSON)", isrctn.studies, isrctn.read),
)

TEXT_FORMATS: tuple[TextFormat, ...] = (
    TextFormat(
        "ctgov-xml",
        "ClinicalTrials.gov legacy XML (<clinical_study>, as in the AllPublicXML ZIP)",
        ctgov_xml.detect,
        ctgov_xml.read_all,
    ),
    TextFormat(
        "ictrp-xml",
        "WHO ICTRP data-provider XML (<trials><trial><main>)",
        ictrp.detect,
        ictrp.read_all,
    ),
)


def accepted() -> str:
    """A sentence listing the accepted formats, for error messages."""
    names = [f.description for f in JSON_FORMATS] + [f.description for f in TEXT_FORMATS]
    return "accepted formats: " + "; ".join(names) + "; or a directory or .zip of such files"
