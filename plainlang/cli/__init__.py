"""The ``plainlang`` command line: a thin argparse front end over the public API.

Each sub-command lives in its own module here and exposes ``register(subparsers)``, which adds
its parser and sets ``run`` to a function ``(argparse.Namespace) -> int``. Exit codes are shared
by every command: 0 success, 1 findings or failed records, 2 usage, configuration or input error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from plainlang.errors import PlainlangError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

# Modules under plainlang.cli that define a sub-command, in the order --help lists them.
COMMANDS: tuple[str, ...] = ("summarize", "program", "score", "check", "glossary", "preview")


def build_parser() -> argparse.ArgumentParser:
    from plainlang import __version__

    parser = argparse.ArgumentParser(
        prog="plainlang",
        description="Plain-language summaries of clinical-trial records, and checks for them.",
    )
    parser.add_argument("--version", action="version", version=f"plainlang {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"plainlang.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code: int = run(args)
    except PlainlangError as error:
        print(f"plainlang: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `plainlang ... | head` closed the pipe: not an error of ours
        return EXIT_OK
    return code
