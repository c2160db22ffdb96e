"""The registries plainlang reads: display name, record id shape and public page URL.

A summary cites the registry record it was made from (name, id, link), so each registry's public
URL pattern lives here, in one table, rather than in each reader.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Registry:
    key: str
    name: str  # as a citation names it
    id_pattern: re.Pattern[str]  # the shape of a record id
    url_pattern: str  # the record's public page; ``{id}`` is the record id

    def url(self, record_id: str) -> str:
        return self.url_pattern.format(id=record_id)


REGISTRIES: Mapping[str, Registry] = MappingProxyType(
    {
        registry.key: registry
        for registry in (
            Registry(
                "ctgov",
                "ClinicalTrials.gov",
                re.compile(r"^NCT\d{8}$"),
                "https://clinicaltrials.gov/study/{id}",
            ),
            Registry(
                "euctr",
                "EU Clinical Trials Register",
                re.compile(r"^\d{4}-\d{6}-\d{2}$"),
                "https://www.clinicaltrialsregister.eu/ctr-search/search?query={id}",
            ),
            Registry(
                "ctis",
                "EU Clinical Trials Information System (CTIS)",
                re.compile(r"^\d{4}-5\d{5}-\d{2}-\d{2}$"),
                "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT={id}",
            ),
            Registry(
                "isrctn",
                "ISRCTN registry",
                re.compile(r"^ISRCTN\d{8}$"),
                "https://www.isrctn.com/{id}",
            ),
            Registry(
                "ictrp",
                "WHO International Clinical Trials Registry Platform",
                re.compile(r"^\S+$"),
                "https://trialsearch.who.int/Trial2.aspx?TrialID={id}",
            ),
        )
    }
)

# One member state's version of an EU CTR record has a page of its own.
EUCTR_MEMBER_STATE_URL = "https://www.clinicaltrialsregister.eu/ctr-search/trial/{id}/{state}"

_NCT = re.compile(r"^NCT\d{8}$")


def is_registry_id(text: str) -> bool:
    """True when ``text`` is a record id plainlang can fetch: a ClinicalTrials.gov NCT number.

    The CLI uses it to tell ``plainlang summarize NCT04067336`` from a file name.
    """
    return bool(_NCT.match(text.strip().upper()))


def registry_for(record_id: str) -> Registry | None:
    """The registry whose ids look like ``record_id`` (ICTRP, which takes any id, excepted)."""
    for registry in REGISTRIES.values():
        if registry.key != "ictrp" and registry.id_pattern.match(record_id.strip()):
            return registry
    return None
