"""Renderers: views of a Report for people (text) and for pipelines (json).

They read the report and the document's offset map and nothing else; every piece of
the release they print is escaped for where it goes.
"""

from __future__ import annotations

import json
from typing import Iterable

import attrs

from ._document import Document
from ._findings import Finding, Report
from ._rule import Verdict
from ._sources import Source
from ._text import terminal_safe

__all__ = ["CheckedFile", "render_json", "render_text"]

JSON_VERSION = 1


@attrs.frozen
class CheckedFile:
    """One checked input: where it came from, its text, and what checking found."""

    source: Source
    document: Document
    report: Report

    @property
    def path(self) -> str:
        return self.source.path


def finding_json(finding: Finding, source: Source) -> dict[str, object]:
    numbers = []
    for number in finding.numbers:
        line, column = source.position(number.quantity.start)
        numbers.append({
            "role": number.role, "text": number.quantity.text, "start": number.quantity.start,
            "end": number.quantity.end, "line": line, "column": column,
            "value": float(number.quantity.value), "low": float(number.quantity.interval.low),
            "high": float(number.quantity.interval.high), "unit": number.quantity.unit,
        })
    expected = finding.expected
    return {
        "rule": finding.rule, "name": finding.name, "kind": finding.kind, "verdict": finding.verdict.value,
        "message": finding.message, "numbers": numbers,
        "readings": [
            {"label": r.reading.label, "verdict": r.verdict.value, "detail": r.detail}
            for r in finding.readings if len(finding.readings) > 1
        ],
        "notes": list(finding.notes), "corrections": list(finding.corrections),
        "expected": None if expected is None else {"low": float(expected.low), "high": float(expected.high)},
    }


def render_json(files: Iterable[CheckedFile], errors: Iterable[tuple[str, str]] = ()) -> str:
    checked = list(files)
    payload = {
        "version": JSON_VERSION,
        "files": [
            {"path": item.path, "findings": [finding_json(f, item.source) for f in item.report.findings]}
            for item in checked
        ],
        "errors": [{"path": path, "message": message} for path, message in errors],
        "summary": _summary_counts(checked),
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def _summary_counts(files: list[CheckedFile]) -> dict[str, int]:
    counts = {verdict.value: 0 for verdict in Verdict}
    for item in files:
        for finding in item.report.findings:
            counts[finding.verdict.value] += 1
    return counts


_MARKS = {Verdict.PASS: "ok", Verdict.DISCREPANCY: "DISCREPANCY", Verdict.AMBIGUOUS: "ambiguous"}


def render_text(files: Iterable[CheckedFile], quiet: bool = False, color: bool = False) -> str:
    lines: list[str] = []
    checked = list(files)
    for item in checked:
        for finding in item.report.findings:
            if quiet and finding.verdict is Verdict.PASS:
                continue
            lines.extend(_finding_lines(item, finding, color))
    counts = _summary_counts(checked)
    discrepancies = "discrepancy" if counts["discrepancy"] == 1 else "discrepancies"
    lines.append(
        f"{counts['pass']} passed, {counts['discrepancy']} {discrepancies}, {counts['ambiguous']} ambiguous "
        f"in {len(checked)} file{'s' if len(checked) != 1 else ''}"
    )
    return "\n".join(lines) + "\n"


_COLORS = {Verdict.PASS: "\x1b[32m", Verdict.DISCREPANCY: "\x1b[1;31m", Verdict.AMBIGUOUS: "\x1b[33m"}


def _finding_lines(item: CheckedFile, finding: Finding, color: bool) -> list[str]:
    line, column = item.source.position(finding.start)
    mark = _MARKS[finding.verdict]
    if color:
        mark = f"{_COLORS[finding.verdict]}{mark}\x1b[0m"
    out = [f"{terminal_safe(item.path)}:{line}:{column}: {finding.rule} {mark} [{finding.name}] "
           f"{terminal_safe(finding.message)}"]
    out.append(f"    | {marked_sentence(item.document, finding)}")
    for reading in finding.readings if len(finding.readings) > 1 else ():
        out.append(f"    - read as {terminal_safe(reading.reading.label)}: {reading.verdict.value}"
                   f" ({terminal_safe(reading.detail)})")
    out.extend(f"    note: {terminal_safe(note)}" for note in finding.notes)
    if finding.corrections:
        out.append("    to agree, one of: " + "; ".join(terminal_safe(c) for c in finding.corrections))
    return out


def marked_sentence(document: Document, finding: Finding, width: int = 220) -> str:
    """The text around a finding's figures, each figure in [brackets], escaped for a terminal."""
    start = min(document.sentence_of(finding.start)[0], finding.start)
    end = max(document.sentence_of(finding.end - 1)[1], finding.end)
    first_line, _ = document.position(finding.start)
    if document.position(finding.end)[0] == first_line and "\n" in document.text[start:end]:
        start = document.text.rfind("\n", 0, finding.start) + 1  # a table row: its line is its sentence
        line_end = document.text.find("\n", finding.end)
        end = line_end if line_end >= 0 else len(document.text)
    if end - start > width:
        start, end = max(start, finding.start - 60), min(end, finding.end + 60)
    pieces, cursor = [], start
    for number in sorted(finding.numbers, key=lambda n: n.quantity.start):
        quantity = number.quantity
        if quantity.start < cursor or quantity.end > end:
            continue
        pieces.append(_flat(document.text[cursor:quantity.start]))
        pieces.append(f"[{_flat(quantity.text)}]")
        cursor = quantity.end
    pieces.append(_flat(document.text[cursor:end]))
    return "".join(pieces).strip()


def _flat(text: str) -> str:
    """One line: runs of white space become one space, then anything else unsafe is escaped."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return terminal_safe(lead + " ".join(text.split()) + tail)
