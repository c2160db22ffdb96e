"""Pages for tests, built from the active policy so they follow its disclaimer wording."""

from __future__ import annotations

from plainlang.policy import load_policy


def disclaimers() -> str:
    return "".join(f"{d.text}\n\n" for d in load_policy().disclaimers)


def good_page() -> str:
    """A page with no finding at or above warning under the default profile."""
    return (
        "# A study of a medicine for asthma\n\n"
        + disclaimers()
        + "The study tests a medicine for asthma (an illness that makes it hard to breathe). You take it once a day.\n"
    )


def bad_page() -> str:
    """``good_page()`` plus promotional wording on its last line."""
    return good_page() + "\nThis breakthrough drug is free treatment. Call 555-123-4567.\n"


def bad_line() -> int:
    return bad_page().count("\n")
