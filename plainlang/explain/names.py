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

Abbreviations that name a kind of organisation ("CHU de Nantes", "ASST Fatebenefratelli Sacco",
"UZ Leuven") count as organisation words and as capitalised words of the run. A run that contains
none of the organisation words is judged as text:
a missed name costs a publisher one suppression comment; a missed explanation costs a reader.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = rf"[{_UPPER}](?:[\w'’/&-]|\.(?=\w))*"
_JOINER = r"(?:of|for|on|and|the|de|di|du|des|del|della|la|le|y|van|von|der|&)"
# A run starts at a capital not preceded by a word character; the look-behind comes after the
# capital so that the regex engine can skip to capitals (twice as fast as looking behind first).
# Words are joined by spaces (with "of", "and"... between) or by a slash with spaces around it
# ("MRC /UVRI Uganda Research Unit on AIDS", as registries often write "MRC/UVRI").
_RUN = re.compile(
    rf"[{_UPPER}](?<![\w'’/&.-][{_UPPER}])(?:[\w'’/&-]|\.(?=\w))*(?:(?:(?: {_JOINER})* | ?/ ?){_TOKEN})+"
)
# A site's name often has parts split by a comma or a dash: the hospital, then its department
# or its company form ("IKCU, Ataturk Training and Research Hospital", "Toronto General Hospital
# - UHN", "McFarland Clinic, PC"). A run of capitals joined to a name that way is part of it when
# it stands at the edge of the clause: at the start of the text or a line, or before a full stop,
# a citation or "is"/"has"/"was" ("... - UHN is looking for people"). A run in mid-sentence
# ("Mayo Clinic, HIV and AIDS clinics") stays text, to be judged.
_PART = rf"{_TOKEN}(?:(?: {_JOINER})* {_TOKEN})*"
# before a name, a part may hold an abbreviation with a full stop ("St. Claraspital AG - ...")
_PART_BEFORE = re.compile(rf"(?:^|(?<=\n)|(?<=: ))({_TOKEN}\.?(?:(?: {_JOINER})* {_TOKEN}\.?)*)(?:,| [-–]) $")
_PART_AFTER = re.compile(rf"(?:,| [-–]) ({_PART})(?=[.;\[]|$| (?:is|has|was)\b)")
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


# Abbreviations that name a kind of organisation the way "Hospital" does, in the site names of
# the registries plainlang reads ("CHU de Nantes" is a university hospital, "ASST Fatebenefratelli
# Sacco" and "IRCCS-AUSL Reggio Emilia" Italian health authorities): written as they are, compared
# as written. A reader cannot be told what they stand for, and does not need to be.
ORGANISATION_ACRONYMS = frozenset(
    [
        "CHU",
        "CHR",
        "CHRU",
        "CHI",
        "AP-HP",
        "HCL",
        "ASST",
        "AUSL",
        "ASL",
        "AOU",
        "IRCCS",
        "IRCCS-AUSL",
        "AORN",
        "NHS",
        "UZ",
        "AZ",
        "UMC",
        "VA",
        "VAMC",
    ]
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
        acronyms = sum(1 for w in words if w[0] in ORGANISATION_ACRONYMS)
        if sum(1 for w in words if _TITLE.match(w[0])) + acronyms < 2:
            continue
        organisation = tuple(
            w.span() for w in words if _bare(w[0]) in ORGANISATION_WORDS or w[0] in ORGANISATION_ACRONYMS
        )
        if organisation:
            titles = tuple(w.span() for w in words if _TITLE.match(w[0]))
            start, end = _with_parts(text, run.start(), run.end())
            if found and start < found[-1].end:
                continue  # the part before was already taken into the name before
            found.append(Name(start, end, organisation, titles))
    return tuple(found)


def names_of_parts(parts: Sequence[str], separator: str = "\n\n") -> tuple[Name, ...]:
    """``names(separator.join(parts))``, found part by part and remembered by part.

    A name never reaches across a line break (its words are joined by spaces, slashes, commas
    and dashes), and what decides it looks no further than its line: the line start before it,
    and after it the end of the clause, where ``$`` matches only at the very end of the text. So
    each part is read with the separator after it (none after the last), which keeps ``$`` from
    matching at a part's end, and its names are shifted to where the part starts. Pages repeat
    most of their blocks (headings, stock sentences), so most parts are answered by the memo.
    """
    found: list[Name] = []
    position = 0
    last = len(parts) - 1
    for index, part in enumerate(parts):
        for start, end, organisation, titles in _part_names(part + separator if index < last else part):
            found.append(
                Name(
                    start + position,
                    end + position,
                    tuple((a + position, b + position) for a, b in organisation),
                    tuple((a + position, b + position) for a, b in titles),
                )
            )
        position += len(part) + len(separator)
    return tuple(found)


# Offsets only, in tuples of ints: nothing the garbage collector keeps tracking for the run.
_PartName = tuple[int, int, tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]


@functools.lru_cache(maxsize=16384)
def _part_names(text: str) -> tuple[_PartName, ...]:
    return tuple((n.start, n.end, n.organisation, n.titles) for n in names(text))


def _with_parts(text: str, start: int, end: int) -> tuple[int, int]:
    """The name's span grown by the comma- or dash-joined parts at the edges of its clause."""
    line_start = text.rfind("\n", 0, start) + 1
    before = _PART_BEFORE.search(text, max(line_start, start - 120), start)
    if before is not None and before.end() == start and _names_a_part(before[1]):
        start = before.start(1)
    after = _PART_AFTER.match(text, end)
    if after is not None and _names_a_part(after[1]):
        end = after.end(1)
    return start, end


_CAPITALS = re.compile(rf"\b[{_UPPER}]{{2,}}\b")


def _names_a_part(part: str) -> bool:
    """A joined part holds capitals ("UHN", "PC") or an organisation word ("Department of ..."):
    a plain place after a comma ("..., Gaborone") is where the site is, not part of its name."""
    if _CAPITALS.search(part):
        return True
    return any(_bare(w[0]) in ORGANISATION_WORDS for w in _WORD.finditer(part))


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
