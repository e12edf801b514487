"""Accepting known findings: suppression comments, and a baseline file.

Markdown and HTML can carry a ``<!-- factcheck: ignore[FC01] reason -->`` comment; plain
text and .docx cannot, so their known findings go in a baseline:

    {"version": 1, "accepted": [
        {"file": "releases/q3.txt", "rule": "FC01", "fingerprint": "5c0f...",
         "sentence": "Machine builders shipped 200 of the 390 billion tenge, or 71% of the total."}]}

A finding is matched by file, rule and fingerprint.  The fingerprint hashes the rule, the
figures in their roles and the sentence(s) holding them, whitespace collapsed: it does
not move when other lines are added or removed, and it changes when the sentence is
edited, so an accepted finding comes back for review once its figures change.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

import attrs

from ._document import Document
from ._findings import Finding, Report
from ._rule import Verdict
from ._source import InputError, read_bytes
from ._sources import Source, Suppression

__all__ = [
    "BASELINE_VERSION", "Baseline", "BaselineEntry", "apply_baseline", "apply_suppressions", "fingerprint",
    "load_baseline", "sentence_text", "write_baseline",
]

BASELINE_VERSION = 1


def _collapse(text: str) -> str:
    return " ".join(text.split())


def sentence_text(finding: Finding, document: Document) -> str:
    """The sentence(s) holding a finding's figures, in text order, whitespace collapsed."""
    spans = set()
    for number in finding.numbers:
        start, end = document.sentence_of(number.quantity.start)
        if start == end:  # outside every sentence: the figure itself
            start, end = number.quantity.start, number.quantity.end
        spans.add((start, end))
    return _collapse(" ".join(document.text[start:end] for start, end in sorted(spans)))


def fingerprint(finding: Finding, document: Document) -> str:
    """16 hex digits of SHA-256 over the rule code, the figures in their roles and the
    normalised sentence(s) containing them; independent of where the sentence is."""
    figures = "\x1f".join(sorted(f"{number.role}={_collapse(number.quantity.text)}" for number in finding.numbers))
    key = "\x1e".join((finding.rule, figures, sentence_text(finding, document)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@attrs.frozen
class BaselineEntry:
    file: str  # relative to the baseline's folder, with forward slashes
    rule: str
    fingerprint: str
    sentence: str = ""  # for people reading the file; not used for matching

    def to_json(self) -> dict[str, str]:
        return {"file": self.file, "rule": self.rule, "fingerprint": self.fingerprint, "sentence": self.sentence}


def _relative_file(file: str | os.PathLike[str], root: Path) -> str:
    """A checked file's name as a baseline stores it: relative to the baseline's folder,
    forward slashes; standard input and names outside that folder's drive kept as given."""
    name = os.fspath(file)
    if name.startswith("<") and name.endswith(">"):  # <stdin>
        return name
    try:
        relative = os.path.relpath(os.path.abspath(name), os.path.abspath(root))
    except ValueError:  # another drive on Windows
        relative = os.path.abspath(name)
    return relative.replace(os.sep, "/")


class Baseline:
    """The accepted findings of a baseline file; remembers which entries were used."""

    def __init__(self, entries: Iterable[BaselineEntry], root: Path | str = ".", path: Path | str | None = None):
        self.entries = tuple(entries)
        self.root = Path(root)
        self.path = None if path is None else Path(path)
        self._index: dict[tuple[str, str, str], list[int]] = {}
        for index, entry in enumerate(self.entries):
            self._index.setdefault((entry.file, entry.rule, entry.fingerprint), []).append(index)
        self._used: set[int] = set()

    def __len__(self) -> int:
        return len(self.entries)

    def accepts(self, file: str | os.PathLike[str], finding: Finding, document: Document) -> bool:
        """Whether the baseline accepts this finding of this file (a pass never needs to be)."""
        if finding.verdict is Verdict.PASS:
            return False
        key = (_relative_file(file, self.root), finding.rule, fingerprint(finding, document))
        indexes = self._index.get(key)
        if not indexes:
            return False
        self._used.update(indexes)
        return True

    def unused(self) -> list[BaselineEntry]:
        """Entries that accepted nothing so far: fixed findings, or edited sentences."""
        return [entry for index, entry in enumerate(self.entries) if index not in self._used]


def apply_baseline(report: Report, file: str, document: Document, baseline: Baseline) -> tuple[Report, int]:
    """The report without the findings the baseline accepts, and how many it accepted."""
    kept = tuple(finding for finding in report.findings if not baseline.accepts(file, finding, document))
    return attrs.evolve(report, findings=kept), len(report.findings) - len(kept)


def write_baseline(path: str | os.PathLike[str], items: Iterable[tuple[str, Finding, Document]]) -> int:
    """Write a baseline accepting every discrepancy and ambiguous finding of ``items``
    (file name, finding, its document); returns how many entries were written.  Files
    are named relative to the baseline's folder; the file is replaced atomically."""
    path = Path(path)
    root = path.parent
    entries: dict[tuple[str, str, str], BaselineEntry] = {}
    for file, finding, document in items:
        if finding.verdict is Verdict.PASS:
            continue
        entry = BaselineEntry(
            _relative_file(file, root), finding.rule, fingerprint(finding, document),
            sentence_text(finding, document),
        )
        entries.setdefault((entry.file, entry.rule, entry.fingerprint), entry)
    ordered = sorted(entries.values(), key=lambda entry: entry.file)  # stable: text order within a file
    payload = {"version": BASELINE_VERSION, "accepted": [entry.to_json() for entry in ordered]}
    data = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=root or ".")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise InputError(f"{path}: cannot write baseline: {error.strerror or error}") from None
    return len(ordered)


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline file; anything but a version-1 baseline is an ``InputError``."""
    path = Path(path)
    raw = read_bytes(path, kind="baseline file")
    try:
        payload = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a baseline: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: not a baseline: invalid JSON ({error.msg} at line {error.lineno})") from None
    if not isinstance(payload, dict):
        raise InputError(f"{path}: not a baseline: expected a JSON object")
    version = payload.get("version")
    if version != BASELINE_VERSION:
        raise InputError(f"{path}: unsupported baseline version {version!r} (expected {BASELINE_VERSION})")
    accepted = payload.get("accepted", [])
    if not isinstance(accepted, list):
        raise InputError(f"{path}: not a baseline: 'accepted' must be a list")
    entries = [_entry(item, index, path) for index, item in enumerate(accepted)]
    return Baseline(entries, root=path.parent, path=path)


def _entry(item: Any, index: int, path: Path) -> BaselineEntry:
    fields = ("file", "rule", "fingerprint")
    if not isinstance(item, dict) or not all(isinstance(item.get(field), str) for field in fields):
        raise InputError(f"{path}: not a baseline: entry {index + 1} needs string file, rule and fingerprint")
    sentence = item.get("sentence", "")
    if not isinstance(sentence, str):
        sentence = ""
    return BaselineEntry(item["file"].replace("\\", "/"), item["rule"], item["fingerprint"], sentence)


def apply_suppressions(report: Report, source: Source) -> tuple[Report, int, list[Suppression]]:
    """Drop the discrepancies and ambiguous findings that a suppression comment covers.

    A finding is covered when one of its figures starts in the comment's paragraph span
    [start, end) and the comment names no codes or names the finding's rule.  Passes are
    kept: they need no suppressing.  Returns the kept report, how many findings were
    suppressed, and the comments that suppressed nothing (in file order)."""
    if not source.suppressions:
        return report, 0, []
    used: set[int] = set()
    kept: list[Finding] = []
    suppressed = 0
    for finding in report.findings:
        covering = [] if finding.verdict is Verdict.PASS else [
            index for index, suppression in enumerate(source.suppressions)
            if (not suppression.codes or finding.rule in suppression.codes)
            and any(suppression.start <= number.quantity.start < suppression.end for number in finding.numbers)
        ]
        if covering:
            used.update(covering)
            suppressed += 1
        else:
            kept.append(finding)
    unused = [suppression for index, suppression in enumerate(source.suppressions) if index not in used]
    return attrs.evolve(report, findings=tuple(kept)), suppressed, unused
