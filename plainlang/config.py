"""Profile: every setting a stage takes, passed explicitly (there is no global state).

Reading ``[tool.plainlang]`` from pyproject.toml or ``plainlang.yaml`` into a Profile also lives
here, so that one place knows every key and reports unknown ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ExplanationStyle = Literal["parenthetical", "sentence", "words-to-know", "replace", "none", "fit"]


@dataclass(frozen=True)
class Profile:
    """Settings for summarizing, explaining, scoring and checking.

    ``today`` is the date written into references as "accessed"; pass a fixed ISO date for
    reproducible output. ``None`` means the real date at the time of the call.
    """

    language: str = "en"
    target_smog: float = 8.0
    target_fkgl: float = 8.0
    long_sentence_words: int = 20
    # "fit": a parenthesis while the sentence stays within long_sentence_words, else a sentence after
    explanation_style: ExplanationStyle = "fit"
    glossaries: tuple[str, ...] = ()  # extra pack paths or entry-point names; built-ins always load
    mask_contacts: bool = True
    today: str | None = None
    policy: str | None = None  # path of a publisher's policy YAML; None is the built-in one
    # The registry's own brief summary, rewritten in plainer words, as a "More about the study"
    # section. Off by default: even rewritten, registry prose reads far above grade 8.
    include_registry_summary: bool = False
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    # plainlang check, readability.grade per section: a section is graded only when its prose
    # (paragraph sentences; lists and tables are not prose) has at least this many words.
    # Readability formulas were normed on samples of 100 words or more (see check/measures.py).
    section_grade_words: int = 100


DEFAULT_PROFILE = Profile()
