"""Edited releases: what changed since a previous version, and what an edit left behind.

``changed_lines`` and ``focus`` narrow a report to the lines an edit touched;
``previous_from_git`` fetches the previous version; ``stale_relations`` finds the edit
that breaks a derived figure elsewhere: a figure changed, but the share, total or
growth rate computed from it was left as it was.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from pathlib import Path
from typing import Callable, Sequence

import attrs

from ._findings import Finding, Report
from ._models import Quantity
from ._rule import Verdict
from ._source import InputError, decode

__all__ = [
    "STATED_ROLES", "Stale", "align_quantities", "changed_items", "changed_lines", "focus",
    "previous_bytes_from_git", "previous_from_git", "stale_relations",
]

# The figure a relation derives, in the order a finding's roles are looked up.
STATED_ROLES = ("stated", "total", "whole")
_GIT_TIMEOUT = 60


# Changed lines ---------------------------------------------------------------------------


def changed_items(previous: Sequence[str], current: Sequence[str]) -> set[int]:
    """1-based indexes of the items of ``current`` that were added or changed
    (lines of a text, or paragraphs of a .docx)."""
    matcher = difflib.SequenceMatcher(None, list(previous), list(current), autojunk=False)
    changed: set[int] = set()
    for tag, _, _, first, last in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            changed.update(range(first + 1, last + 1))
    return changed


def _lines(text: str) -> list[str]:
    # Lines as Source.position counts them (split at "\n"); a CRLF file compares like LF.
    return [line.removesuffix("\r") for line in text.split("\n")]


def changed_lines(previous: str, current: str) -> set[int]:
    """1-based numbers of the lines of ``current`` that were added or changed since ``previous``."""
    return changed_items(_lines(previous), _lines(current))


def focus(report: Report, source_positions: Callable[[int], tuple[int, int]], changed: set[int]) -> Report:
    """The report with only the findings that have a figure on a changed line;
    ``source_positions`` maps an offset to its (line, column), e.g. ``Source.position``."""
    kept = tuple(
        finding for finding in report.findings
        if any(source_positions(number.quantity.start)[0] in changed for number in finding.numbers)
    )
    return attrs.evolve(report, findings=kept)


# The previous version from git -------------------------------------------------------------


def _git(arguments: list[str], folder: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *arguments], cwd=folder, capture_output=True, timeout=_GIT_TIMEOUT, check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise InputError("git: not found; install git to compare with a revision") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"git {' '.join(arguments)}: no answer in {_GIT_TIMEOUT} s") from None
    except OSError as error:
        raise InputError(f"git: cannot run: {error.strerror or error}") from None


def _git_message(result: subprocess.CompletedProcess[bytes], fallback: str) -> str:
    lines = [line.strip() for line in result.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    # git prints hints after the error on some failures; the "fatal:" line says what went wrong
    for line in lines:
        if line.startswith(("fatal:", "error:")):
            return line
    return lines[0] if lines else fallback


def previous_bytes_from_git(path: str | os.PathLike[str], rev: str) -> bytes | None:
    """The bytes of ``path`` as committed at ``rev`` in the file's own repository, or None
    when the file did not exist at that revision.  Any git failure (not a repository, an
    unknown revision) is an ``InputError`` carrying git's message."""
    name = os.fspath(path)
    if name in ("-", "<stdin>"):
        raise InputError("standard input has no previous version in git")
    if not rev or rev.startswith("-"):
        raise InputError(f"{rev!r}: not a git revision")
    file = Path(os.path.realpath(name))
    folder = file.parent
    if not folder.is_dir():
        raise InputError(f"{name}: no such folder {str(folder)!r}")
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        raise InputError(f"{name}: {_git_message(top, 'not in a git repository')}")
    toplevel = Path(os.path.realpath(top.stdout.decode("utf-8", "surrogateescape").strip()))
    try:
        relative = file.relative_to(toplevel).as_posix()
    except ValueError:
        raise InputError(f"{name}: outside its git repository {str(toplevel)!r}") from None
    commit = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], toplevel)
    if commit.returncode != 0:
        shown = _git(["cat-file", "-t", "--end-of-options", rev], toplevel)  # --quiet said nothing
        raise InputError(f"git: {_git_message(shown, f'unknown revision {rev!r}')}")
    sha = commit.stdout.decode("ascii").strip()
    blob = _git(["cat-file", "blob", f"{sha}:{relative}"], toplevel)  # raw: no textconv, no filters
    if blob.returncode == 0:
        return blob.stdout
    exists = _git(["cat-file", "-e", f"{sha}:{relative}"], toplevel)
    if exists.returncode != 0:
        return None  # the file is new since rev
    raise InputError(f"git: {_git_message(blob, f'cannot read {relative} at {rev}')}")


def previous_from_git(path: str, rev: str) -> str | None:
    """The text of ``path`` at git revision ``rev`` (``git show REV:relative/path`` in the
    file's repository), or None when the file did not exist at ``rev``."""
    data = previous_bytes_from_git(path, rev)
    return None if data is None else decode(data, f"{path} at {rev}")


# Stale relations -------------------------------------------------------------------------


@attrs.frozen(eq=False)
class Stale:
    """A relation whose inputs changed while its stated figure did not."""

    finding: Finding  # the current finding
    changed: list[tuple[str, str]]  # (old text, new text) of each figure that changed
    kept: str  # the stated figure's text, unchanged
    previous: Finding | None = None  # the same relation in the previous version

    @property
    def broken(self) -> bool:
        """The edit turned an agreeing relation into a disagreeing one."""
        return self.previous is not None and self.previous.verdict is Verdict.PASS \
            and self.finding.verdict is not Verdict.PASS

    def message(self) -> str:
        changes = ", ".join(f"{old} -> {new}" for old, new in self.changed)
        return f"{changes} changed, but {self.kept} was not updated ({self.finding.rule} {self.finding.name})"


def _key(quantity: Quantity) -> tuple[str, str | None]:
    return quantity.kind.value, quantity.unit


def align_quantities(previous: Sequence[Quantity], current: Sequence[Quantity]) -> dict[int, int]:
    """Index in ``current`` -> index in ``previous`` of the same figure, by the position
    in the sequence of figure texts; a changed figure is paired with the one it replaced."""
    matcher = difflib.SequenceMatcher(None, [q.text for q in previous], [q.text for q in current], autojunk=False)
    pairs: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs.update((j1 + k, i1 + k) for k in range(j2 - j1))
        elif tag == "replace":  # figures added or merged too: pair those of the same kind and unit
            inner = difflib.SequenceMatcher(
                None, [_key(q) for q in previous[i1:i2]], [_key(q) for q in current[j1:j2]], autojunk=False
            )
            for block in inner.get_matching_blocks():
                pairs.update((j1 + block.b + k, i1 + block.a + k) for k in range(block.size))
    return pairs


def _stated(finding: Finding) -> int | None:
    for role in STATED_ROLES:
        for index, number in enumerate(finding.numbers):
            if number.role == role:
                return index
    return None


def stale_relations(previous_report: Report, current_report: Report) -> list[Stale]:
    """Relations found in both versions whose figures changed while the stated figure
    (role "stated", else "total", else "whole") stayed as it was."""
    previous_quantities, current_quantities = previous_report.quantities, current_report.quantities
    pairs = align_quantities(previous_quantities, current_quantities)
    previous_index = {(q.start, q.end): index for index, q in enumerate(previous_quantities)}
    current_index = {(q.start, q.end): index for index, q in enumerate(current_quantities)}
    earlier: dict[tuple[str, tuple[tuple[str, int], ...]], Finding] = {}
    for finding in previous_report.findings:
        signature = []
        for number in finding.numbers:
            index = previous_index.get((number.quantity.start, number.quantity.end))
            if index is None:
                break
            signature.append((number.role, index))
        else:
            earlier.setdefault((finding.rule, tuple(sorted(signature))), finding)
    stale: list[Stale] = []
    for finding in current_report.findings:
        stated = _stated(finding)
        if stated is None:
            continue
        signature = []
        for number in finding.numbers:
            index = current_index.get((number.quantity.start, number.quantity.end))
            if index is None or index not in pairs:
                break
            signature.append((number.role, pairs[index]))
        else:
            before = earlier.get((finding.rule, tuple(sorted(signature))))
            if before is None:
                continue
            olds = [previous_quantities[index] for _, index in signature]
            changed = [
                (old.text, number.quantity.text)
                for old, number in zip(olds, finding.numbers, strict=True)
                if (old.value, old.unit) != (number.quantity.value, number.quantity.unit)
            ]
            stated_old, stated_new = olds[stated], finding.numbers[stated].quantity
            if changed and (stated_old.value, stated_old.unit) == (stated_new.value, stated_new.unit):
                stale.append(Stale(finding, changed, stated_new.text, before))
    return stale
