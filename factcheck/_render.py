"""Renderers: views of a Report for people (text, concise, an HTML page, a Markdown
table for a pull request) and for pipelines (json, SARIF, GitHub Actions commands).

They read the report and the document's offset map and nothing else; every piece of
the release they print is escaped for where it goes: a terminal, a workflow-command
line, Markdown, HTML or JSON.  Every location comes from ``Source.position``, so it is
a line and column of the file as the user has it.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import quote

import attrs

from ._document import Document
from ._findings import Finding, Number, Report
from ._rule import Rule, Verdict
from ._sources import Source
from ._text import terminal_safe

__all__ = [
    "CheckedFile", "render_concise", "render_github", "render_html", "render_json", "render_markdown",
    "render_sarif", "render_text", "write_step_summary",
]

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
    lines.append(summary_line(checked))
    return "\n".join(lines) + "\n"


def summary_line(files: list[CheckedFile]) -> str:
    """"8 passed, 2 discrepancies, 0 ambiguous in 1 file": counts only, nothing from a release."""
    counts = _summary_counts(files)
    discrepancies = "discrepancy" if counts["discrepancy"] == 1 else "discrepancies"
    return (
        f"{counts['pass']} passed, {counts['discrepancy']} {discrepancies}, {counts['ambiguous']} ambiguous "
        f"in {len(files)} file{'s' if len(files) != 1 else ''}"
    )


_COLORS = {Verdict.PASS: "\x1b[32m", Verdict.DISCREPANCY: "\x1b[1;31m", Verdict.AMBIGUOUS: "\x1b[33m"}


def _finding_lines(item: CheckedFile, finding: Finding, color: bool) -> list[str]:
    line, column = item.source.position(finding.start)
    mark = _MARKS[finding.verdict]
    if color:
        mark = f"{_COLORS[finding.verdict]}{mark}\x1b[0m"
    out = [f"{terminal_safe(item.path)}:{line}:{column}: {finding.rule} {mark} [{finding.name}] "
           f"{terminal_safe(finding.message)}"]
    out.append(f"    | {marked_sentence(item.document, finding)}")
    out.extend(f"    {line}" for line in _details(finding))
    return out


def _details(finding: Finding) -> list[str]:
    """The readings weighed, the rounding notes and the corrections, escaped for a terminal."""
    lines = [f"- read as {terminal_safe(r.reading.label)}: {r.verdict.value} ({terminal_safe(r.detail)})"
             for r in (finding.readings if len(finding.readings) > 1 else ())]
    lines.extend(f"note: {terminal_safe(note)}" for note in finding.notes)
    if finding.corrections:
        lines.append("to agree, one of: " + "; ".join(terminal_safe(c) for c in finding.corrections))
    return lines


def sentence_span(document: Document, finding: Finding, width: int | None = 220) -> tuple[int, int]:
    """Where the sentence (or table row) holding a finding's figures starts and ends; cut to
    about ``width`` characters around the figures when longer (``None``: never cut)."""
    start = min(document.sentence_of(finding.start)[0], finding.start)
    end = max(document.sentence_of(finding.end - 1)[1], finding.end)
    first_line, _ = document.position(finding.start)
    if document.position(finding.end)[0] == first_line and "\n" in document.text[start:end]:
        start = document.text.rfind("\n", 0, finding.start) + 1  # a table row: its line is its sentence
        line_end = document.text.find("\n", finding.end)
        end = line_end if line_end >= 0 else len(document.text)
    if width is not None and end - start > width:
        start, end = max(start, finding.start - 60), min(end, finding.end + 60)
    return start, end


def marked_sentence(document: Document, finding: Finding, escape: Callable[[str], str] = terminal_safe,
                    mark: Callable[[str], str] = "[{}]".format, width: int = 220) -> str:
    """The text around a finding's figures on one line, each figure marked (in [brackets]
    by default); every piece of the release is escaped for where it goes."""
    start, end = sentence_span(document, finding, width)
    pieces, cursor = [], start
    for number in sorted(finding.numbers, key=lambda n: n.quantity.start):
        quantity = number.quantity
        if quantity.start < cursor or quantity.end > end:
            continue
        pieces.append(escape(_flat(document.text[cursor:quantity.start])))
        pieces.append(mark(escape(_flat(quantity.text))))
        cursor = quantity.end
    pieces.append(escape(_flat(document.text[cursor:end])))
    return "".join(pieces).strip()


def _flat(text: str) -> str:
    """One line: each run of white space becomes one space, the edges kept."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return lead + " ".join(text.split()) + tail


# -- shared ---------------------------------------------------------------------------

_SEVERITY = {Verdict.PASS: 0, Verdict.AMBIGUOUS: 1, Verdict.DISCREPANCY: 2}


def worst_verdict(verdicts: Iterable[Verdict]) -> Verdict:
    """discrepancy > ambiguous > pass; pass for none."""
    return max(verdicts, key=_SEVERITY.__getitem__, default=Verdict.PASS)


def _reported(files: list[CheckedFile], quiet: bool) -> Iterator[tuple[CheckedFile, Finding]]:
    for item in files:
        for finding in item.report.findings:
            if not (quiet and finding.verdict is Verdict.PASS):
                yield item, finding


def primary_number(finding: Finding) -> Number:
    """The figure a finding is about: the stated one, or else the first (a total, a whole)."""
    return next((number for number in finding.numbers if number.role == "stated"), finding.numbers[0])


# -- concise ---------------------------------------------------------------------------


def render_concise(files: Iterable[CheckedFile], quiet: bool = False) -> str:
    """One line per finding, ``path:line:col: CODE verdict message``, then the summary line."""
    checked = list(files)
    lines = []
    for item, finding in _reported(checked, quiet):
        line, column = item.source.position(finding.start)
        lines.append(f"{terminal_safe(item.path)}:{line}:{column}: {finding.rule} {finding.verdict.value} "
                     f"{terminal_safe(finding.message)}")
    lines.append(summary_line(checked))
    return "\n".join(lines) + "\n"


# -- GitHub Actions workflow commands ---------------------------------------------------

_GITHUB_COMMANDS = {Verdict.DISCREPANCY: "error", Verdict.AMBIGUOUS: "warning"}


def github_data(text: str) -> str:
    """A workflow command's message, escaped as the runner unescapes it: no line break survives."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A workflow command's property value: as a message, and ``:`` and ``,`` too."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(files: Iterable[CheckedFile]) -> str:
    """GitHub Actions annotations: ``::error`` for each discrepancy, ``::warning`` for each
    ambiguous finding (passes are not annotated), then the summary line.

    Every line of the output is one command or the summary: release text reaches a command
    only escaped (``%``, CR and LF always; ``:`` and ``,`` in properties), so it can neither
    end the command line nor start one of its own.  The annotation covers the finding's
    figures; columns are given only when they are on one line, as GitHub requires."""
    checked = list(files)
    lines = []
    for item, finding in _reported(checked, quiet=True):
        command = _GITHUB_COMMANDS[finding.verdict]
        line, column = item.source.position(finding.start)
        end_line, end_column = item.source.position(finding.end - 1)  # inclusive: the last character
        properties = [("file", item.path), ("line", str(line))]
        if end_line == line:
            properties.append(("col", str(column)))
        properties.append(("endLine", str(end_line)))
        if end_line == line:
            properties.append(("endColumn", str(end_column)))
        properties.append(("title", f"{finding.rule} {finding.name}"))
        rendered = ",".join(f"{name}={github_property(terminal_safe(value))}" for name, value in properties)
        lines.append(f"::{command} {rendered}::{github_data(_github_message(item, finding))}")
    lines.append(summary_line(checked))
    return "\n".join(lines) + "\n"


def _github_message(item: CheckedFile, finding: Finding) -> str:
    """Several lines (the runner shows them), each one escaped for a terminal first."""
    parts = [f"{finding.verdict.value}: {terminal_safe(finding.message)}",
             f"| {marked_sentence(item.document, finding)}", *_details(finding)]
    return "\n".join(parts)


def write_step_summary(files: Iterable[CheckedFile], path: str | os.PathLike[str] | None = None,
                       quiet: bool = False) -> str | None:
    """Append ``render_markdown`` to the job summary file: ``path``, or else the file
    named by ``$GITHUB_STEP_SUMMARY``.  Returns the file written, or None when neither
    names one (not running in GitHub Actions)."""
    target = os.fspath(path) if path is not None else os.environ.get("GITHUB_STEP_SUMMARY", "")
    if not target:
        return None
    with open(target, "a", encoding="utf-8", newline="\n") as handle:
        handle.write(render_markdown(files, quiet=quiet) + "\n")
    return target


# -- Markdown (a pull-request comment, a job summary) ----------------------------------

_MARKDOWN_VERDICTS = {Verdict.PASS: "pass", Verdict.DISCREPANCY: "**discrepancy**", Verdict.AMBIGUOUS: "ambiguous"}
_MARKDOWN_SIGNS = {Verdict.PASS: "✓", Verdict.DISCREPANCY: "✗", Verdict.AMBIGUOUS: "?"}
_MARKDOWN_ESCAPES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;",  # no HTML, no autolinks
    "\\": "&#92;",  # never a backslash before a pipe: parsers split "\\|" differently
    "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|", "~": "\\~",
    "@": "@<!-- -->",  # "@name" in a release must not notify a GitHub user of that name
}
_MARKDOWN_SPECIAL = re.compile(r"[&<>\\`*_\[\]|~@]")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def markdown_text(text: str) -> str:
    """Release text as inert Markdown inline text, on one line (a table cell)."""
    text = terminal_safe(_LINE_BREAKS.sub(" ", text))
    return _MARKDOWN_SPECIAL.sub(lambda match: _MARKDOWN_ESCAPES[match.group()], text)


def render_markdown(files: Iterable[CheckedFile], quiet: bool = False) -> str:
    """A summary line, then a table: | | File:line | Rule | Verdict | Finding |."""
    checked = list(files)
    lines = [f"**factcheck**: {summary_line(checked)}"]
    rows = []
    for item, finding in _reported(checked, quiet):
        line, _ = item.source.position(finding.start)
        cells = [
            _MARKDOWN_SIGNS[finding.verdict],
            markdown_text(f"{item.path}:{line}"),
            markdown_text(f"{finding.rule} {finding.name}"),
            _MARKDOWN_VERDICTS[finding.verdict],
            "<br>".join(_markdown_finding(item, finding)),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    if rows:
        lines += ["", "| | File:line | Rule | Verdict | Finding |", "|---|---|---|---|---|", *rows]
    elif checked:
        lines += ["", "No discrepancies and nothing ambiguous." if quiet else "No figures were checked."]
    return "\n".join(lines) + "\n"


def _markdown_finding(item: CheckedFile, finding: Finding) -> list[str]:
    parts = [markdown_text(finding.message), f"\u201c{marked_sentence(item.document, finding, markdown_text, '**{}**'.format)}\u201d"]
    for reading in finding.readings if len(finding.readings) > 1 else ():
        parts.append(markdown_text(f"read as {reading.reading.label}: {reading.verdict.value} ({reading.detail})"))
    parts.extend(markdown_text(f"note: {note}") for note in finding.notes)
    if finding.corrections:
        parts.append(markdown_text("to agree, one of: " + "; ".join(finding.corrections)))
    return parts


# -- SARIF 2.1.0 -------------------------------------------------------------------------

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "factcheck/v1"
_SARIF_LEVELS = {Verdict.DISCREPANCY: "error", Verdict.AMBIGUOUS: "warning"}
_DIGITS = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")


def render_sarif(files: Iterable[CheckedFile], include_passes: bool = False) -> str:
    """One SARIF 2.1.0 run: every rule, and a result per discrepancy (level "error") and
    per ambiguous finding ("warning"); with ``include_passes``, passes too, as
    ``kind: "pass"`` with ``level: "none"`` (the spec, 3.27.10, allows no other level for
    a result that is not a failure)."""
    from .rules import all_rules

    rules = all_rules()
    index = {rule.code: position for position, rule in enumerate(rules)}
    results = []
    for item in files:
        seen: dict[str, int] = {}
        for finding in item.report.findings:
            if finding.verdict is Verdict.PASS and not include_passes:
                continue
            results.append(_sarif_result(item, finding, index, seen))
    driver: dict[str, object] = {"name": "factcheck"}
    uri = _information_uri()
    if uri:
        driver["informationUri"] = uri
    driver["version"] = _version()
    driver["rules"] = [_sarif_rule(rule) for rule in rules]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [{"executionSuccessful": True}],
            "columnKind": "unicodeCodePoints",  # columns count characters, as Source.position does
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_rule(rule: Rule) -> dict[str, object]:
    doc = rule.doc or rule.summary
    first_paragraph = " ".join(doc.split("\n\n")[0].split())
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": first_paragraph},
        "help": {"text": doc},
        "defaultConfiguration": {"level": "error"},
        "properties": {"kind": rule.kind, "relation": rule.relation},
    }


def _sarif_result(item: CheckedFile, finding: Finding, index: dict[str, int], seen: dict[str, int]) -> dict[str, object]:
    primary = primary_number(finding)
    result: dict[str, object] = {"ruleId": finding.rule}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.verdict is Verdict.PASS:
        result["kind"], result["level"] = "pass", "none"
    else:
        result["kind"], result["level"] = "fail", _SARIF_LEVELS[finding.verdict]
    result["message"] = {"text": _sarif_text(_sarif_message(finding))}
    result["locations"] = [{"physicalLocation": _physical_location(item, primary)}]
    related = [number for number in finding.numbers if number is not primary]
    if related:
        result["relatedLocations"] = [
            {"id": position, "physicalLocation": _physical_location(item, number),
             "message": {"text": _sarif_text(f"{number.role}: {number.quantity.text}")}}
            for position, number in enumerate(related, start=1)
        ]
    base = fingerprint(item.document, finding)
    seen[base] = seen.get(base, 0) + 1
    result["partialFingerprints"] = {FINGERPRINT_KEY: f"{base}:{seen[base]}"}
    result["properties"] = {"verdict": finding.verdict.value, "relationKind": finding.kind}
    return result


def _sarif_message(finding: Finding) -> str:
    parts = [f"{finding.verdict.value}: {finding.message}."]
    for reading in finding.readings if len(finding.readings) > 1 else ():
        parts.append(f"Read as {reading.reading.label}: {reading.verdict.value} ({reading.detail}).")
    parts.extend(f"Note: {note}." for note in finding.notes)
    if finding.corrections:
        parts.append("To agree, one of: " + "; ".join(finding.corrections) + ".")
    return " ".join(parts)


def _sarif_text(text: str) -> str:
    """Plain message text: SARIF reads ``[text](id)`` as a link, so brackets are escaped."""
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def _physical_location(item: CheckedFile, number: Number) -> dict[str, object]:
    quantity = number.quantity
    start_line, start_column = item.source.position(quantity.start)
    end_line, end_column = item.source.position(quantity.end)  # SARIF's end column is exclusive
    location: dict[str, object] = {"artifactLocation": sarif_artifact(item.path)}
    location["region"] = {
        "startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column,
        "snippet": {"text": quantity.text},
    }
    return location


def sarif_artifact(path: str) -> dict[str, str]:
    """An artifactLocation: a relative URI (forward slashes, percent-escaped) against the
    source root; an absolute path outside the working directory is given as a file: URI."""
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
        except ValueError:  # on another drive
            relative = os.pardir
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return {"uri": Path(path).as_uri()}
        path = relative
    for separator in {os.sep, os.altsep} - {None, "/"}:
        path = path.replace(separator, "/")  # type: ignore[arg-type]
    return {"uri": quote(posixpath.normpath(path), safe="/"), "uriBaseId": "%SRCROOT%"}


def fingerprint(document: Document, finding: Finding) -> str:
    """What identifies a finding across edits elsewhere in the file: the rule, the roles,
    and the words of its sentence with every number masked.  No offset or line number
    goes in, so inserting lines above leaves it unchanged; changing a figure of the
    sentence (the fix) does too, so a result keeps its identity while it is being fixed.
    The renderer adds ":N" for the Nth finding with the same identity in a file."""
    start, end = sentence_span(document, finding, width=None)
    sentence = " ".join(_DIGITS.sub("0", document.text[start:end]).casefold().split())
    roles = ",".join(sorted(number.role for number in finding.numbers))
    return hashlib.sha256(f"{finding.rule}\x1f{roles}\x1f{sentence}".encode()).hexdigest()


def _version() -> str:
    from . import __version__

    return __version__


def _information_uri() -> str:
    """The project's home page from its installed metadata ([project.urls] or Home-page)."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        meta = metadata("factcheck")
    except (ImportError, PackageNotFoundError):
        return ""
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "repository", "source", "documentation"):
            return url.strip()
    return (meta.get("Home-page") or "").strip()


# -- HTML --------------------------------------------------------------------------------


def render_html(files: Iterable[CheckedFile]) -> str:
    """One self-contained HTML page: each release with its checked figures highlighted,
    and the arithmetic behind each (see ``_html_page``)."""
    from ._html_page import html_page

    return html_page(list(files))
