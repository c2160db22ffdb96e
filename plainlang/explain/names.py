"""Proper names on a page: where a glossary term or an abbreviation is part of a name.

"Joint Clinical Research Centre", "Baylor College of Medicine Children's Foundation" and
"MRC/UVRI Uganda Research Unit on AIDS" are names of places that run studies. A reader does not
need "clinical research" or "AIDS" explained inside them, and a publisher cannot rewrite them.
So ``jargon.unexplained`` and ``abbreviation.unexpanded`` do not judge a term or an abbreviation
that stands inside a name.

A name is a run of capitalised words (Title Case or all capitals, "of", "for", "and"... may join
them) with at least two words in Title Case, one of which says the run names an organisation
("University", "Hospital", "Institute", "Centre"...). Capitals alone are not enough: on the
pages plainlang writes from registry records, Title Case is just as often a label for a
treatment or a study group ("Allogeneic Hematopoietic Stem Cell Transplantation", "Laboratory
Biomarker Analysis", "Usual Care Group"), and those are the words a reader most needs explained.
The organisation word must stand outside the judged term, and the run must be longer than the
term: "Intensive Care Unit" written alone is a term, not a name. When the judged word is itself
the organisation word ("Unit" in "Uganda Research Unit on AIDS", "Clinic" in "Mayo Clinic"), a
Title Case word outside it makes the run a name.

A run that contains none of the organisation words (a site named "UZ Leuven") is judged as text:
a missed name costs a publisher one suppression comment; a missed explanation costs a reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = rf"[{_UPPER}](?:[\w'’/&-]|\.(?=\w))*"
_JOINER = r"(?:of|for|on|and|the|de|di|du|des|del|della|la|le|y|van|von|der|&)"
# A run starts at a capital not preceded by a word character; the look-behind comes after the
# capital so that the regex engine can skip to capitals (twice as fast as looking behind first).
_RUN = re.compile(rf"[{_UPPER}](?<![\w'’/&.-][{_UPPER}])(?:[\w'’/&-]|\.(?=\w))*(?:(?: {_JOINER})* {_TOKEN})+")
_WORD = re.compile(_TOKEN)
_TITLE = re.compile(rf"[{_UPPER}][a-zà-öø-ÿ]")

# Words that make a run of capitals the name of an organisation (English and the languages of
# the registries plainlang reads), compared in lower case.
ORGANISATION_WORDS = frozenset(
    (  # noqa: SIM905
        "university universities college school faculty institute institutes institution centre center "
        "centres centers hospital hospitals clinic clinics foundation unit department laboratories "
        "associates services solutions trust society council association network consortium agency "
        "ministry campus infirmary alliance federation inc ltd llc gmbh corporation company "
        "universität universite université università universidad universidade hôpital hopital "
        "ospedale klinikum klinik kliniken clinica clínica clinique centro instituto istituto institut "
        "fundación fondazione fondation policlinico azienda ziekenhuis"
    ).split()
)


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    organisation: tuple[tuple[int, int], ...]  # where its organisation words are
    titles: tuple[tuple[int, int], ...] = ()  # where its Title Case words are

    def title_words_outside(self, start: int, end: int) -> int:
        return sum(1 for t_start, t_end in self.titles if t_end <= start or t_start >= end)


def names(text: str) -> tuple[Name, ...]:
    """The names in ``text`` (see the module docstring), in order."""
    found: list[Name] = []
    for run in _RUN.finditer(text):
        words = list(_WORD.finditer(text, run.start(), run.end()))
        if sum(1 for w in words if _TITLE.match(w[0])) < 2:
            continue
        organisation = tuple(w.span() for w in words if _bare(w[0]) in ORGANISATION_WORDS)
        if organisation:
            titles = tuple(w.span() for w in words if _TITLE.match(w[0]))
            found.append(Name(run.start(), run.end(), organisation, titles))
    return tuple(found)


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word).lower()


def in_name(found: tuple[Name, ...], start: int, end: int) -> bool:
    """True when ``text[start:end]`` lies inside one of the names ``found``, the name is longer
    than it, and an organisation word of the name stands outside it."""
    for name in found:
        if name.start > start:
            return False
        longer = end <= name.end and (name.start, name.end) != (start, end)
        if not longer:
            continue
        if any(o_end <= start or o_start >= end for o_start, o_end in name.organisation):
            return True
        # the judged word is the organisation word itself ("Unit" in "Uganda Research Unit on
        # AIDS", "Clinic" in "Mayo Clinic"): the run is a name when a Title Case word stands
        # outside it ("Intensive Care Unit" alone is matched whole, as the longer term)
        if (start, end) in name.organisation and name.title_words_outside(start, end) >= 1:
            return True
    return False
