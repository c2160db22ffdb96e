"""plainlang: plain-language summaries of clinical-trial registry records, and checks for them.

    >>> import plainlang
    >>> trial = plainlang.load("examples/records/NCT06529731.json")
    >>> summary = plainlang.summarize(trial)
    >>> print(plainlang.render(summary, "markdown"))

The public API is what ``__all__`` lists; everything else may change.
"""

from plainlang.batch import BatchResult, summarize_many
from plainlang.changes import Change, changes
from plainlang.check import Finding, Report, check
from plainlang.config import Profile
from plainlang.errors import PlainlangError
from plainlang.explain import Explained, Glossary, explain
from plainlang.model import Document, Summary, Trial
from plainlang.pipeline import summarize, summarize_program
from plainlang.readability import Readability, Scores, score
from plainlang.records import RecordResult, fetch, load, load_many, read_records
from plainlang.render import render, to_dict

__version__ = "0.1.0"

__all__ = [
    "BatchResult",
    "Change",
    "Document",
    "Explained",
    "Finding",
    "Glossary",
    "PlainlangError",
    "Profile",
    "Readability",
    "RecordResult",
    "Report",
    "Scores",
    "Summary",
    "Trial",
    "__version__",
    "changes",
    "check",
    "explain",
    "fetch",
    "load",
    "load_many",
    "read_records",
    "render",
    "score",
    "summarize",
    "summarize_many",
    "summarize_program",
    "to_dict",
]
