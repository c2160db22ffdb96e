"""Options shared by several commands, and turning them into a Profile."""

from __future__ import annotations

import argparse
import dataclasses

from plainlang.config import Profile


def add_profile_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--policy", metavar="FILE", help="a publisher's policy YAML")
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="the date written as 'accessed' in references (default: today), for reproducible output",
    )


def profile_from(args: argparse.Namespace, base: Profile | None = None) -> Profile:
    profile = base or Profile()
    changes = {
        name: getattr(args, name) for name in ("policy", "today") if getattr(args, name, None) is not None
    }
    return dataclasses.replace(profile, **changes)
