"""Small pure helpers that turn registry values into plain phrases: dates, ages, lists, names."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def say_date(iso: str) -> str:
    """``2024-06-24`` → ``June 24, 2024``; ``2024-06`` → ``June 2024``; ``2024`` → ``2024``."""
    parts = iso.split("-")
    if len(parts) == 1 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
        return parts[0]
    month = _MONTH_NAMES[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{month} {int(parts[2])}, {parts[0]}"


def say_count(number: int) -> str:
    """Thousands get a comma (1,320), as readers expect; digits are never spelled out."""
    return f"{number:,}"


def say_list(items: Sequence[str], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = [item for item in items if item]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$")


def say_age(age: str) -> str:
    """``18 Years`` → ``18 years``; ``1 Year`` → ``1 year``; anything else as written."""
    found = _AGE.match(age)
    if not found:
        return age.strip()
    number, unit = found[1], found[2].lower()
    if number == "1" and unit.endswith("s"):
        unit = unit[:-1]
    return f"{number} {unit}"


# Pure, and called for the same names again and again (each condition, outcome and time frame,
# in several sections of a page, and the same wording across pages): worth remembering.
@functools.lru_cache(maxsize=8192)
def plain_case(name: str) -> str:
    """Title Case registry names in running text: ``Acute Myeloid Leukemia`` → ``acute myeloid leukemia``.

    Words written all in capitals or with inner capitals (AML, COVID-19, SARS-CoV-2, mRNA)
    are names or codes and keep their case.
    """
    words = name.split(" ")
    return " ".join(_lower_word(word) for word in words)


def _lower_word(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return word
    bare = word.lower().strip(".,;:")
    proper = _PROPER.get(bare) or _PROPER.get(re.sub(r"['’]s$", "", bare))
    if proper is not None:
        # "covid19" and "Covid-19" are COVID-19 as a reader knows it; "Parkinson's" stays a name
        return word.lower().replace(proper.lower(), proper, 1)
    if re.match(r"[A-Z]-", word):
        return word  # "B-cell", "T-Cell": the letter is a name, as in "B-cell lymphoma"
    if any(c.isdigit() for c in word):
        return word  # a code or a name with a number ("Covid19", "H1N1") keeps its case
    if word[:1].isupper() and all(c.islower() for c in letters[1:]):
        return word.lower()
    return word


# Names a page writes with capitals wherever the record lowers them, keyed by their lower case:
# people's names in illness names and the few illness and germ names written in capitals.
_PROPER: dict[str, str] = {
    name.lower(): name
    for name in (
        "COVID-19",
        "COVID19",
        "COVID",
        "HIV",
        "AIDS",
        "SARS-CoV-2",
        "Alzheimer",
        "Parkinson",
        "Hodgkin",
        "Crohn",
        "Wilms",
        "Huntington",
        "Hashimoto",
        "Sjögren",
        "Ewing",
        "Kaposi",
        "Burkitt",
        "Waldenström",
        "Tourette",
        "Cushing",
        "Addison",
        "Duchenne",
        "Behçet",
        "Raynaud",
        "Guillain-Barré",
        "Barrett",
        "Lyme",
        "Ebola",
        "Zika",
    )
}


def lower_start(text: str) -> str:
    """Undo the capital the rewriting gave a phrase that now runs on inside our sentence."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:2].islower() else text


_SHOUTED = re.compile(r"[A-Z]{7,}")


def unshout(name: str) -> str:
    """A one-word drug name typed in capitals reads as a name: ``GEMCITABINE`` → ``Gemcitabine``.

    Only a word a reader would say as a word changes: letters only, seven or more, at least
    three vowels making up a third of it. Abbreviations and codes (AML, HIV, CD20, ABT-199,
    BCG) are short, hold digits or hyphens, or have too few vowels to say, and keep their case.
    """
    if not _SHOUTED.fullmatch(name):
        return name
    vowels = sum(c in "AEIOUY" for c in name)
    return name.capitalize() if vowels >= 3 and vowels * 3 >= len(name) else name


def sentence_case(text: str) -> str:
    """The first letter in capitals, the rest as written."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def end_sentence(text: str) -> str:
    """Add a full stop unless the text already ends a sentence."""
    text = text.strip()
    if not text or text[-1] in ".!?":
        return text
    if text[-1] in ":;,":
        text = text[:-1]
    return text + "."


# Words spelled with a vowel that start with a consonant sound ("a unit", "a one-time dose") and
# words spelled with a consonant that start with a vowel sound ("an hour", "an honest answer").
_CONSONANT_SOUND = re.compile(
    r"^(?:uni(?!nf|nt|nd|ns|nv|nh|nl|nc)|use|usu|uti|ura|ure|uri|uro|eu|ewe|one\b|once|onc(?=e))",
    re.IGNORECASE,
)
_VOWEL_SOUND = re.compile(r"^(?:hour|honest|honou?r|heir)", re.IGNORECASE)
# Letters whose names start with a vowel sound: "an MRI", "an HIV test", "an X-ray", but "a UK site".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")


def article(word: str) -> str:
    """``a`` or ``an`` before ``word``, by the sound it starts with, not its first letter."""
    word = word.lstrip("\"'(“‘")
    if not word:
        return "a"
    if word[0].isdigit():
        # "an 8-week course", "an 11-year-old", "an 18-month study"; other numbers take "a"
        number = re.match(r"\d+", word)
        digits = number[0] if number else ""
        return (
            "an"
            if digits[:1] == "8" or digits in ("11", "18") or re.fullmatch(r"1[18]\d{2}", digits)
            else "a"
        )
    head = re.split(r"[\s\-/,.;:()]", word, maxsplit=1)[0]
    letters = "".join(c for c in head if c.isalpha())
    if len(letters) >= 2 and letters.isupper() and not _SAYABLE_CAPITALS.fullmatch(letters):
        # an abbreviation read letter by letter
        return "an" if letters[0] in _VOWEL_LETTERS else "a"
    if _VOWEL_SOUND.match(word):
        return "an"
    if _CONSONANT_SOUND.match(word):
        return "a"
    return "an" if word[:1].lower() in "aeiou" else "a"


# Capitals read as a word, not letter by letter ("a NATO site", "an AIDS clinic", "a COVID test").
_SAYABLE_CAPITALS = re.compile(r"AIDS|COVID|NATO|UNICEF|OPEC|SARS|MERS|ECOG|GOG|NICE|ASCO|RECIST")

# The text before a capital "A" ends in a word or a comma: the A is not opening a sentence.
_MID_SENTENCE = re.compile(r"[\w,)][ \t]+$")
# An article stands at the start, after a space, or after an opening bracket or quote: "done.A"
# or "x-a" is not one.
_ARTICLE = re.compile(r"(?<![^\s(\"“‘])(a|an|A|An|AN)\s+(?=([\w\"“‘(][^\s]*))")


def fix_articles(text: str) -> str:
    """Make each ``a``/``an`` agree with the sound of the word after it ("a early" → "an early").

    Only the article changes; its capital is kept, so a sentence may start with "An".
    """

    def agree(match: re.Match[str]) -> str:
        said, following = match[1], match[2]
        if following.lower() in ("a", "an"):
            return match[0]
        if said == "A" and _MID_SENTENCE.search(text, 0, match.start()):
            return match[0]  # a capital A after a word is a letter: "immunoglobulin A (IgA)", "group A"
        wanted = article(following)
        if said.lower() == wanted:
            return match[0]
        if said == "AN":
            return "A" + match[0][2:]
        fixed = wanted.capitalize() if said[:1].isupper() else wanted
        return fixed + match[0][len(said) :]

    return _ARTICLE.sub(agree, text)
