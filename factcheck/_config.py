"""Project settings: ``[tool.factcheck]`` in pyproject.toml, or a factcheck.toml.

    [tool.factcheck]                 # or the top level of factcheck.toml
    select = ["FC0"]                 # codes, rule names ("share-of-total") or code prefixes
    ignore = ["per-unit"]
    fail-on = "discrepancy"          # or "ambiguous": ambiguous findings fail too
    baseline = "factcheck-baseline.json"   # relative to the settings file
    exclude = ["drafts/", "*.old.txt"]     # globs, relative to the settings file's folder
    extensions = [".txt", ".md", ".html", ".docx"]

The settings file is found from the checked file's folder upwards: the first folder with
a factcheck.toml, or a pyproject.toml that has a ``[tool.factcheck]`` table, wins.
Every mistake in it (an unknown key, a wrong type, an unknown rule) is an ``InputError``
naming the key and the file, so a typo never silently turns a rule off.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from pathlib import Path, PurePosixPath
from typing import Any, Iterable

import attrs

from ._source import InputError, read_bytes

__all__ = [
    "DEFAULT_EXTENSIONS", "FAIL_ON", "Settings", "find_config", "load_settings", "resolve_rules",
]

FAIL_ON = ("discrepancy", "ambiguous")
DEFAULT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
_KEYS = ("select", "ignore", "fail-on", "baseline", "exclude", "extensions")


def _check_fail_on(instance: object, attribute: attrs.Attribute, value: str) -> None:  # type: ignore[type-arg]
    if value not in FAIL_ON:
        raise InputError(f"fail-on must be one of {', '.join(FAIL_ON)}, not {value!r}")


def _optional_codes(value: Iterable[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(value)


@attrs.frozen
class Settings:
    """What to check and when to fail; the defaults check every rule."""

    select: frozenset[str] | None = attrs.field(default=None, converter=_optional_codes)  # None: every rule
    ignore: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    fail_on: str = attrs.field(default="discrepancy", validator=_check_fail_on)
    baseline: str | None = None  # made relative to the settings file's folder when read from one
    exclude: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    extensions: tuple[str, ...] = attrs.field(default=DEFAULT_EXTENSIONS, converter=tuple)
    source: str | None = None  # the settings file, or None for the defaults

    def selects(self, code: str) -> bool:
        """Whether the rule with this code is checked."""
        return (self.select is None or code in self.select) and code not in self.ignore

    def merge(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        fail_on: str | None = None,
    ) -> Settings:
        """These settings with command-line options laid over them; the command line wins.

        A command-line ``select`` replaces the file's, and re-enables any rule the file
        ignores; a command-line ``ignore`` adds to the file's.  Rules are codes, names or
        code prefixes, as in the file.
        """
        new_select = self.select
        new_ignore = self.ignore
        if select is not None:
            new_select = resolve_rules(select)
            new_ignore = new_ignore - new_select
        if ignore is not None:
            new_ignore = new_ignore | resolve_rules(ignore)
        if fail_on is not None and fail_on not in FAIL_ON:
            raise InputError(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
        return attrs.evolve(
            self, select=new_select, ignore=new_ignore, fail_on=self.fail_on if fail_on is None else fail_on
        )

    @property
    def root(self) -> Path | None:
        """The settings file's folder, which relative globs and paths are read against."""
        return None if self.source is None else Path(self.source).parent

    def excluded(self, path: str | Path) -> bool:
        """Whether a path matches an ``exclude`` glob: the glob matches the whole path
        relative to the settings file's folder, one of its parent folders, or, for a
        glob without a folder, the path's tail ("*.old.txt", "drafts")."""
        if not self.exclude:
            return False
        parts = _relative_parts(Path(path), self.root)
        prefixes = ["/".join(parts[: index + 1]) for index in range(len(parts))]
        for glob in self.exclude:
            pattern = glob.replace("\\", "/").removeprefix("./").rstrip("/")
            if not pattern:
                continue
            for prefix in prefixes:
                if fnmatch.fnmatchcase(prefix, pattern):
                    return True
                if not pattern.startswith("/") and PurePosixPath(prefix).match(pattern):
                    return True
        return False

    def has_extension(self, path: str | Path) -> bool:
        """Whether a file found in a folder is one to check, by its extension."""
        return Path(path).suffix.lower() in self.extensions

    def fails(self, report: Any) -> bool:
        """Whether a report (already filtered) should fail the run under ``fail-on``."""
        if report.discrepancies:
            return True
        return self.fail_on == "ambiguous" and bool(report.ambiguous)

    def filter(self, report: Any) -> Any:
        """The report with only the findings of selected rules."""
        kept = tuple(finding for finding in report.findings if self.selects(finding.rule))
        return report if len(kept) == len(report.findings) else attrs.evolve(report, findings=kept)


def _relative_parts(path: Path, root: Path | None) -> tuple[str, ...]:
    if root is not None:
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).parts
        except ValueError:
            pass
    return tuple(part for part in path.as_posix().split("/") if part not in ("", "."))


# Rules --------------------------------------------------------------------------------


def _rule_table() -> tuple[tuple[str, str], ...]:
    from .rules import all_rules

    return tuple((rule.code, rule.name) for rule in all_rules())


class _UnknownRule(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


def _resolve(names: Iterable[str]) -> frozenset[str]:
    table = _rule_table()
    codes: set[str] = set()
    for raw in names:
        name = raw.strip()
        wanted = name.upper()
        by_name = [code for code, rule_name in table if rule_name == name.lower()]
        by_prefix = [code for code, _ in table if code.startswith(wanted)] if wanted else []
        found = by_name or by_prefix
        if not found:
            raise _UnknownRule(raw)
        codes.update(found)
    return frozenset(codes)


def resolve_rules(names: Iterable[str]) -> frozenset[str]:
    """Rule codes for codes ("FC01"), names ("share-of-total") or code prefixes ("FC0");
    case does not matter.  An unknown one is an ``InputError``."""
    if isinstance(names, str):
        names = [names]
    try:
        return _resolve(names)
    except _UnknownRule as error:
        raise InputError(f"unknown rule {error.name!r}; `python -m factcheck rules` lists them") from None


# Finding and reading the file -----------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The settings file for a checked file (or folder): from its folder upwards, the first
    factcheck.toml, or pyproject.toml with a ``[tool.factcheck]`` table; factcheck.toml
    wins in the same folder.  None when there is none up to the filesystem root."""
    start = Path(os.path.abspath(start))
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        dedicated = candidate / "factcheck.toml"
        if dedicated.is_file():
            return dedicated
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False  # not ours to judge; a pyproject we cannot read configures nothing
    if "factcheck" not in text:
        return False  # cheap, and an unrelated broken pyproject.toml is not our error
    tool = _parse(pyproject, text).get("tool")
    return isinstance(tool, dict) and "factcheck" in tool


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: invalid TOML: {error}") from None


def load_settings(path: Path | None) -> Settings:
    """Settings from a factcheck.toml (top level) or pyproject.toml (``[tool.factcheck]``);
    the defaults for None, or for a pyproject.toml without the table."""
    if path is None:
        return Settings()
    path = Path(path)
    try:
        text = read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not valid UTF-8 text") from None
    data = _parse(path, text)
    if path.name == "pyproject.toml":
        where = f"{path}: [tool.factcheck]"
        tool = data.get("tool", {})
        table = tool.get("factcheck") if isinstance(tool, dict) else None
        if table is None:
            return Settings()
        if not isinstance(table, dict):
            raise InputError(f"{where} must be a table")
    else:
        where, table = f"{path}:", data
    return _settings(table, where, path)


def _settings(table: dict[str, Any], where: str, path: Path) -> Settings:
    for key in table:
        if key not in _KEYS:
            hint = f" (did you mean {key.replace('_', '-')!r}?)" if key.replace("_", "-") in _KEYS else ""
            raise InputError(f"{where} unknown key {key!r}{hint}; known keys: {', '.join(_KEYS)}")
    values: dict[str, Any] = {"source": str(path)}
    for key in ("select", "ignore"):
        if key in table:
            names = _strings(table[key], key, where)
            try:
                values[key] = _resolve(names)
            except _UnknownRule as error:
                raise InputError(f"{where} unknown rule {error.name!r} in {key}") from None
    if "fail-on" in table:
        fail_on = table["fail-on"]
        if not isinstance(fail_on, str) or fail_on not in FAIL_ON:
            raise InputError(f"{where} 'fail-on' must be one of {', '.join(map(repr, FAIL_ON))}, not {fail_on!r}")
        values["fail_on"] = fail_on
    if "baseline" in table:
        baseline = table["baseline"]
        if not isinstance(baseline, str) or not baseline.strip():
            raise InputError(f"{where} 'baseline' must be a file name (a string)")
        values["baseline"] = str(path.parent / baseline) if not Path(baseline).is_absolute() else baseline
    if "exclude" in table:
        values["exclude"] = tuple(_strings(table["exclude"], "exclude", where))
    if "extensions" in table:
        extensions = _strings(table["extensions"], "extensions", where)
        if not extensions or any(not extension.strip(". ") for extension in extensions):
            raise InputError(f"{where} 'extensions' must list file extensions such as \".txt\"")
        values["extensions"] = tuple("." + extension.strip().lstrip(".").lower() for extension in extensions)
    return Settings(**values)


def _strings(value: Any, key: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(f"{where} {key!r} must be a list of strings, not {_describe(value)}")
    return value


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return "a list with " + ", ".join(sorted({type(item).__name__ for item in value if not isinstance(item, str)}))
    return f"{type(value).__name__} {value!r}"
