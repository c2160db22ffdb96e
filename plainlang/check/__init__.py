"""``plainlang check``: lint a page before it is published.

    >>> import plainlang
    >>> report = plainlang.check("docs/trial.md")
    >>> report.ok, [str(f) for f in report.findings]

A page (Markdown, HTML, plain text or plainlang's JSON) is read into prose with offsets into
the original file (``markup``), the rules (data in ``data/rules.yaml``, typed in ``rules``) run
over it, inline suppressions and the configuration's overrides apply (``engine``, ``config``),
and the findings come back in a ``Report`` that ``formats`` writes as text, JSON, SARIF or
GitHub annotations.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from plainlang.check.config import CheckConfig, find_config, load_config
from plainlang.check.engine import run_rules
from plainlang.check.fidelity import facts_of, load_record
from plainlang.check.markup import format_of, read_prose
from plainlang.check.page import Page, RecordFacts
from plainlang.check.prose import Format
from plainlang.check.report import DEFAULT_FAIL_LEVEL, Finding, Report, Severity, rank
from plainlang.check.rules import Rule, builtin_rules
from plainlang.config import Profile
from plainlang.errors import CheckError, Location, PlainlangError
from plainlang.policy import Policy, load_policy

RecordArg = str | os.PathLike[str] | dict[str, object] | RecordFacts | None


def check(
    text_or_path: str | os.PathLike[str],
    profile: Profile | None = None,
    *,
    format: Format | None = None,
    against: RecordArg = None,
    fail_level: Severity | None = None,
) -> Report:
    """Check one page: a path to a file, or the text of a page (Markdown unless ``format``).

    For a file, the configuration next to it (``[tool.plainlang]`` or ``plainlang.yaml``,
    found by walking up) applies; ``profile``, when given, replaces its Profile settings.
    ``against`` is the record the page was written from (a path, the raw record as a dict):
    with it, ``fidelity.number`` checks every number and date.
    """
    facts = _facts(against)
    if isinstance(text_or_path, os.PathLike) or ("\n" not in text_or_path and _is_file(text_or_path)):
        path = Path(text_or_path)
        run = CheckRun(profile=profile, record=facts, fail_level=fail_level)
        findings = run.check_file(path, format or format_of(path) or "text")
        return Report(findings, (str(path),), run.fail_level_for(path))
    config = CheckConfig()
    page = _page(str(text_or_path), format or "markdown", "<text>", profile or config.profile, facts)
    return Report(run_rules(page, builtin_rules()), ("<text>",), fail_level or DEFAULT_FAIL_LEVEL)


def _is_file(text: str) -> bool:
    try:
        return len(text) < 4096 and Path(text).is_file()
    except (OSError, ValueError):
        return False


def _facts(against: RecordArg) -> RecordFacts | None:
    if against is None or isinstance(against, RecordFacts):
        return against
    if isinstance(against, dict):
        return facts_of(against, "<record>")
    return load_record(os.fspath(against))


def _page(text: str, format: Format, file: str, profile: Profile, record: RecordFacts | None) -> Page:
    prose = read_prose(text, format, file)
    return Page(prose, file, profile, _policy(profile.policy), record)


def _policy(path: str | None) -> Policy:
    return load_policy(path)


@dataclass
class CheckRun:
    """One run over many files: the configuration cache and the options of the command line.

    Mutable on purpose: it caches the configuration of each folder for the length of one run
    (a later run reads the files again, so edits to a config file are seen).
    """

    profile: Profile | None = None
    config: CheckConfig | None = None  # --config: one file for every page
    record: RecordFacts | None = None
    fail_level: Severity | None = None
    rules: tuple[Rule, ...] = field(default_factory=builtin_rules)
    include: tuple[str, ...] = ()  # replace the config's include globs (command line)
    exclude: tuple[str, ...] = ()  # added to the config's exclude globs (command line)
    policy: str | None = None  # replaces the config's policy (command line)
    _configs: dict[Path, CheckConfig] = field(default_factory=dict)
    _by_folder: dict[Path, CheckConfig] = field(default_factory=dict)
    _adjusted: dict[int, CheckConfig] = field(default_factory=dict)

    def config_for(self, path: Path) -> CheckConfig:
        if self.config is not None:
            config = self.config
        else:
            # Per folder as named, before find_config resolves it (a system call per file).
            config = self._by_folder.get(path.parent) or find_config(path.parent, self._configs)
            self._by_folder[path.parent] = config
        if not (self.include or self.exclude or self.policy):
            return config
        key = id(config)
        if key not in self._adjusted:
            profile = config.profile
            if self.policy:
                profile = dataclasses.replace(profile, policy=self.policy)
            self._adjusted[key] = dataclasses.replace(
                config,
                include=self.include or config.include,
                exclude=(*config.exclude, *self.exclude),
                profile=profile,
            )
        return self._adjusted[key]

    def fail_level_for(self, path: Path | None = None) -> Severity:
        if self.fail_level is not None:
            return self.fail_level
        config = self.config if path is None else self.config_for(path)
        return (config.fail_level if config else None) or DEFAULT_FAIL_LEVEL

    def check_file(self, path: Path, format: Format) -> tuple[Finding, ...]:
        config = self.config_for(path)
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            raise CheckError(
                "not UTF-8 text", Location(str(path)), hint="save the page as UTF-8", code="K002"
            ) from None
        except OSError as error:
            raise CheckError(f"cannot read: {error.strerror}", Location(str(path)), code="K002") from None
        try:
            page = _page(text, format, str(path), self.profile or config.profile, self.record)
        except PlainlangError as error:
            raise error.with_file(str(path)) from None
        return run_rules(page, self.rules, config.severities_for(path))

    def files(self, paths: Iterable[str | Path]) -> Iterator[tuple[Path, Format]]:
        """The pages to check: files as given, and pages found under folders (include/exclude
        of each folder's configuration apply; a JSON file that is not a plainlang summary is
        not a page and is passed over)."""
        for item in paths:
            path = Path(item)
            if path.is_dir():
                yield from self._walk(path)
            elif path.is_file():
                # A file named on the command line is checked whatever `include` says, but
                # `exclude` still applies: pre-commit names every changed file.
                if not self.config_for(path).excluded(path):
                    yield path, format_of(path) or "text"
            else:
                raise CheckError(
                    "no such file or directory", Location(str(path)), hint="check the path", code="K002"
                )

    def _walk(self, directory: Path) -> Iterator[tuple[Path, Format]]:
        for root, folders, names in os.walk(directory):
            folders[:] = sorted(
                f for f in folders if not f.startswith(".") and f not in ("node_modules", "__pycache__")
            )
            for name in sorted(names):
                path = Path(root) / name
                page_format = format_of(path)
                if page_format is None or not self.config_for(path).included(path):
                    continue
                if page_format == "json" and not _declares_summary(path):
                    continue
                yield path, page_format

    def run(self, paths: Iterable[str | Path], warmed: Callable[[], object] | None = None) -> Report:
        """Check every page of ``paths``; ``warmed`` is called once, after the first page, when
        the rules, glossary and policy are loaded (the command line freezes the garbage
        collector there: see ``plainlang.cli.check``)."""
        findings: list[Finding] = []
        files: list[str] = []
        levels: list[Severity] = []
        for path, page_format in self.files(paths):
            files.append(str(path))
            levels.append(self.fail_level_for(path))
            findings.extend(self.check_file(path, page_format))
            if warmed is not None:
                warmed()
                warmed = None
        # One report, one fail level: the strictest any of the files asked for.
        level = DEFAULT_FAIL_LEVEL if not levels else min(levels, key=rank)
        if self.fail_level is not None:
            level = self.fail_level
        return Report(tuple(findings), tuple(files), level)


def _declares_summary(path: Path) -> bool:
    try:
        with path.open("r", encoding="utf-8") as handle:
            head = handle.read(4096)
    except (OSError, UnicodeDecodeError):
        return False
    return '"plainlang.summary/' in head


__all__ = ["CheckConfig", "CheckRun", "Finding", "Report", "check", "load_config"]
