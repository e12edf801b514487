"""The report formats beyond text and json: concise, GitHub Actions commands and job
summary, SARIF 2.1.0, Markdown and the HTML page; each on a report of releases written
here, and each with a hostile release whose text must stay text wherever it goes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import factcheck
from factcheck._document import Document
from factcheck._render import (
    CheckedFile,
    github_data,
    github_property,
    markdown_text,
    render_concise,
    render_github,
    render_html,
    render_markdown,
    render_sarif,
    render_text,
    write_step_summary,
)
from factcheck._rule import Verdict
from factcheck._sources import Source
from factcheck.rules import all_rules

CONSISTENT = (
    "Exports reached 390 billion tenge. Machine builders shipped 200 of the 390 billion tenge, "
    "or 51% of the total.\n\n"
    "Of 79 projects signed, 68 have been completed and 11 are under way.\n\n"
    "Output grew 3 times more, from 120 billion tenge to 480 billion tenge.\n"
)
SLIPPED = CONSISTENT.replace("51%", "71%")

# Everything a release could hold to break out of its destination: workflow commands
# (own lines, %-encoded line breaks, a bare CR), HTML and Markdown markup, a mention,
# terminal escapes, a bell and a right-to-left override.
HOSTILE = (
    "Machine builders ::error file=x.txt::injected %0A::warning::also injected\r::set-output name=a::b\r "
    "shipped 200 of the 390 billion tenge, or 71% of the total.\n\n"
    "<script>alert('x')</script> Output grew 3 times more, from 120 billion tenge to 480 billion tenge "
    "<img src=x onerror=alert(1)></mark><b>| `code` |.\n\n"
    "Of 79 projects \x1b[31m\x07\u202e signed, 68 have been completed and 11 are under way, *bold* _it_ ~~gone~~ "
    "@octocat & &amp;\\| [link](javascript:alert(document.cookie)).\n"
)
HOSTILE_PATH = "evil,dir:name\n::error::x/release <b>.txt"


def checked(path: str, text: str) -> CheckedFile:
    """As ``python -m factcheck report`` builds it."""
    source = Source(path, text, "text")
    document = Document(source.text)
    return CheckedFile(source, document, factcheck.check(document))


@pytest.fixture(scope="module")
def files() -> list[CheckedFile]:
    return [checked("releases/good.txt", CONSISTENT), checked("releases/bad.txt", SLIPPED)]


@pytest.fixture(scope="module")
def hostile() -> list[CheckedFile]:
    return [checked(HOSTILE_PATH, HOSTILE)]


def verdicts(item: CheckedFile) -> dict[str, str]:
    return {finding.kind: finding.verdict.value for finding in item.report.findings}


def test_the_examples_hold_every_verdict(files: list[CheckedFile], hostile: list[CheckedFile]) -> None:
    assert verdicts(files[0]) == {"share": "pass", "sum": "pass", "ratio": "ambiguous"}
    assert verdicts(files[1]) == {"share": "discrepancy", "sum": "pass", "ratio": "ambiguous"}
    assert verdicts(hostile[0]) == {"share": "discrepancy", "ratio": "ambiguous", "sum": "pass"}


# -- concise ------------------------------------------------------------------------

CONCISE_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<code>FC\d\d) "
                          r"(?P<verdict>pass|discrepancy|ambiguous) (?P<message>.+)$")


def test_concise_one_line_per_finding_then_the_summary(files: list[CheckedFile]) -> None:
    lines = render_concise(files).splitlines()
    findings = [(item, finding) for item in files for finding in item.report.findings]
    assert len(lines) == len(findings) + 1
    assert lines[-1] == render_text(files).splitlines()[-1] == "3 passed, 1 discrepancy, 2 ambiguous in 2 files"
    for line, (item, finding) in zip(lines, findings):
        match = CONCISE_LINE.match(line)
        assert match, line
        assert match["path"] == item.path and match["code"] == finding.rule
        assert match["verdict"] == finding.verdict.value and match["message"] == finding.message
        assert (int(match["line"]), int(match["column"])) == item.source.position(finding.start)
    bad = next(line for line in lines if " discrepancy " in line)
    assert bad.startswith("releases/bad.txt:1:") and "71%" in bad


def test_concise_quiet_hides_passes(files: list[CheckedFile]) -> None:
    lines = render_concise(files, quiet=True).splitlines()
    assert len(lines) == 1 + 2 + 1  # a discrepancy, two ambiguous, the summary
    assert not any(" pass " in line for line in lines)


def test_concise_escapes_control_characters(hostile: list[CheckedFile]) -> None:
    output = render_concise(hostile)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", output)
    assert len(output.splitlines()) == len(hostile[0].report.findings) + 1  # the newline in the path is escaped
    assert output.startswith("evil,dir:name\\n::error::x/release <b>.txt:")


# -- GitHub Actions -------------------------------------------------------------------

COMMAND = re.compile(r"^::(?P<command>error|warning) (?P<properties>[^:]*)::(?P<data>.*)$")


def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def parse_commands(output: str) -> tuple[list[tuple[str, dict[str, str], str]], str]:
    """Each line as the runner reads it: ``::command k=v,k=v::data``; the last is the summary."""
    assert "\r" not in output
    *lines, summary = output.splitlines()
    commands = []
    for line in lines:
        match = COMMAND.match(line)
        assert match, line
        properties = dict(pair.split("=", 1) for pair in match["properties"].split(","))
        assert all("%" not in value or re.fullmatch(r"(?:[^%]|%25|%0A|%0D|%3A|%2C)*", value)
                   for value in properties.values())
        assert re.fullmatch(r"(?:[^%\r\n]|%25|%0A|%0D)*", match["data"]), match["data"]
        commands.append((match["command"], {k: unescape_property(v) for k, v in properties.items()},
                         unescape_data(match["data"])))
    return commands, summary


def test_github_annotates_discrepancies_as_errors_and_ambiguity_as_warnings(files: list[CheckedFile]) -> None:
    output = render_github(files)
    commands, summary = parse_commands(output)
    assert summary == "3 passed, 1 discrepancy, 2 ambiguous in 2 files"
    assert [command for command, _, _ in commands] == ["warning", "error", "warning"]  # no passes
    expected = [(item, f) for item in files for f in item.report.findings if f.verdict is not Verdict.PASS]
    for (command, properties, data), (item, finding) in zip(commands, expected):
        line, column = item.source.position(finding.start)
        end_line, end_column = item.source.position(finding.end - 1)
        assert properties["file"] == item.path
        assert (int(properties["line"]), int(properties["endLine"])) == (line, end_line)
        if line == end_line:
            assert (int(properties["col"]), int(properties["endColumn"])) == (column, end_column)
        assert properties["title"] == f"{finding.rule} {finding.name}"
        assert data.splitlines()[0] == f"{finding.verdict.value}: {finding.message}"
    error = commands[1][2]
    assert "[71%]" in error and 'to agree, one of: "71%" would have to be' in error


def test_github_escaping_rules() -> None:
    assert github_data("100% done\r\n::error::x") == "100%25 done%0D%0A::error::x"
    assert github_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert github_data("%0A") == "%250A"  # an encoded line break in a release stays text


def test_github_hostile_release_cannot_inject_commands(hostile: list[CheckedFile]) -> None:
    output = render_github(hostile)
    lines = output.splitlines()
    assert all(line.startswith(("::error ", "::warning ")) for line in lines[:-1])
    assert not lines[-1].startswith("::")
    assert len(lines) == 3  # one error, one warning, the summary: nothing of the release became a line
    commands, _ = parse_commands(output)
    (_, properties, data), _ = commands
    assert properties["file"] == "evil,dir:name\\n::error::x/release <b>.txt"  # the newline shown, not kept
    assert "%0A::warning" not in output.replace("%250A", "")  # the release's %0A is %250A
    assert "::error file=x.txt::injected %0A::warning::also injected ::set-output name=a::b shipped" in data
    assert "\x1b" not in output and "\\x1b" not in data  # the sum with the escape sequence is a pass


def test_write_step_summary_appends_markdown(files: list[CheckedFile], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert write_step_summary(files) is None  # not in GitHub Actions: nothing written
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert write_step_summary(files) == str(summary)
    explicit = tmp_path / "explicit.md"
    assert write_step_summary(files, explicit) == str(explicit)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n") and render_markdown(files) in text
    assert explicit.read_text(encoding="utf-8") == render_markdown(files) + "\n"


# -- Markdown -----------------------------------------------------------------------


def table_cells(row: str) -> list[str]:
    """A GFM table row split at its unescaped pipes (the renderer never writes a
    backslash before a pipe except to escape it)."""
    assert row.startswith("| ") and row.endswith(" |"), row
    return re.split(r"(?<!\\)\|", row[1:-1])


def test_markdown_table(files: list[CheckedFile]) -> None:
    output = render_markdown(files)
    lines = output.splitlines()
    assert lines[0] == "**factcheck**: 3 passed, 1 discrepancy, 2 ambiguous in 2 files"
    assert lines[2] == "| | File:line | Rule | Verdict | Finding |"
    assert lines[3] == "|---|---|---|---|---|"
    rows = lines[4:]
    assert len(rows) == 6
    for row in [lines[2], *rows]:
        assert len(table_cells(row)) == 5, row
    bad = next(table_cells(row) for row in rows if "| **discrepancy** |" in row)
    assert [cell.strip() for cell in bad[:4]] == ["✗", "releases/bad.txt:1", "FC01 share-of-total", "**discrepancy**"]
    assert "**71%**" in bad[4] and "would have to be 51.09..51.48%" in bad[4]
    assert not re.search(r"[\U0001F300-\U0001FAFF\u2705\u274c\u26a0]", output)  # no emoji
    quiet = render_markdown(files, quiet=True).splitlines()
    assert len(quiet) == 4 + 3 and not any("| pass |" in row for row in quiet)


def test_markdown_text_escapes_markup() -> None:
    assert markdown_text("a|b`c*d_e[f]g<h>i&j\\k~l\nm") == (
        "a\\|b\\`c\\*d\\_e\\[f\\]g&lt;h&gt;i&amp;j&#92;k\\~l m")
    assert markdown_text("@octocat") == "@<!-- -->octocat"


def test_markdown_hostile_release_stays_text(hostile: list[CheckedFile]) -> None:
    from markdown_it import MarkdownIt

    output = render_markdown(hostile)
    rows = [line for line in output.splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + 3 and all(len(table_cells(row)) == 5 for row in rows)
    # The only markup is the renderer's own: <br> between parts, <!-- --> after an @.
    assert set(re.findall(r"<[^>]*>", output)) <= {"<br>", "<!-- -->"}
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", output)
    # Rendered as GitHub would (raw HTML allowed): still a five-column table, and
    # nothing of the release became an element, a link or emphasis.
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(output)
    tags = TagCollector.parse(rendered)
    assert {tag for tag, _ in tags} <= {"p", "strong", "table", "thead", "tbody", "tr", "th", "td", "br"}
    assert re.findall(r"<tr>(.*?)</tr>", rendered, re.DOTALL) and all(
        cells.count("<td>") in (0, 5) for cells in re.findall(r"<tr>(.*?)</tr>", rendered, re.DOTALL))
    text = html_unescape_text(rendered)
    for fragment in ("<script>alert('x')</script>", "<img src=x onerror=alert(1)></mark><b>", "| `code` |",
                     "[link](javascript:alert(document.cookie))", "*bold* _it_ ~~gone~~ @octocat & &amp;\\|", "\\x1b[31m",
                     "::error file=x.txt::injected %0A::warning::also injected ::set-output"):
        assert fragment in text, fragment


def html_unescape_text(rendered: str) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]*>", "", rendered))


# -- SARIF ----------------------------------------------------------------------------

# The parts of the SARIF 2.1.0 schema (https://json.schemastore.org/sarif-2.1.0.json)
# that a factcheck log uses, in JSON Schema (draft 7) terms, property lists complete.
_BAG = {"$ref": "#/definitions/propertyBag"}
_MESSAGE = {"$ref": "#/definitions/message"}
_MULTIFORMAT = {"$ref": "#/definitions/multiformatMessageString"}
_INDEX = {"type": "integer", "minimum": -1}
_POSITIVE = {"type": "integer", "minimum": 1}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}


def _object(properties: dict[str, object], required: list[str] = (), **more: object) -> dict[str, object]:
    return {"type": "object", "additionalProperties": False, "properties": properties,
            "required": list(required), **more}


def _any(*names: str) -> dict[str, object]:
    return {name: {} for name in names}


SARIF_SCHEMA = {
    "$ref": "#/definitions/sarifLog",
    "definitions": {
        "sarifLog": _object({
            "$schema": {"type": "string", "format": "uri"}, "version": {"enum": ["2.1.0"]},
            "runs": {"type": "array", "items": {"$ref": "#/definitions/run"}},
            "inlineExternalProperties": {"type": "array"}, "properties": _BAG,
        }, ["version", "runs"]),
        "run": _object({
            "tool": {"$ref": "#/definitions/tool"},
            "invocations": {"type": "array", "items": {"$ref": "#/definitions/invocation"}},
            "results": {"type": "array", "items": {"$ref": "#/definitions/result"}},
            "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
            "properties": _BAG,
            **_any("conversion", "language", "versionControlProvenance", "originalUriBaseIds", "artifacts",
                   "logicalLocations", "graphs", "automationDetails", "runAggregates", "baselineGuid",
                   "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences",
                   "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
                   "translations", "policies", "webRequests", "webResponses", "specialLocations"),
        }, ["tool"]),
        "tool": _object({"driver": {"$ref": "#/definitions/toolComponent"},
                         "extensions": {"type": "array"}, "properties": _BAG}, ["driver"]),
        "toolComponent": _object({
            "name": {"type": "string"}, "version": {"type": "string"},
            "informationUri": {"type": "string", "format": "uri"},
            "rules": {"type": "array", "uniqueItems": True, "items": {"$ref": "#/definitions/reportingDescriptor"}},
            "shortDescription": _MULTIFORMAT, "fullDescription": _MULTIFORMAT, "properties": _BAG,
            **_any("guid", "organization", "product", "productSuite", "fullName", "semanticVersion",
                   "dottedQuadFileVersion", "releaseDateUtc", "downloadUri", "globalMessageStrings",
                   "notifications", "taxa", "locations", "language", "contents", "isComprehensive",
                   "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion",
                   "associatedComponent", "translationMetadata", "supportedTaxonomies"),
        }, ["name"]),
        "reportingDescriptor": _object({
            "id": {"type": "string"}, "name": {"type": "string"},
            "shortDescription": _MULTIFORMAT, "fullDescription": _MULTIFORMAT, "help": _MULTIFORMAT,
            "defaultConfiguration": {"$ref": "#/definitions/reportingConfiguration"},
            "helpUri": {"type": "string", "format": "uri"}, "properties": _BAG,
            **_any("deprecatedIds", "guid", "deprecatedGuids", "deprecatedNames", "messageStrings",
                   "relationships"),
        }, ["id"]),
        "reportingConfiguration": _object({
            "enabled": {"type": "boolean"}, "level": _LEVEL,
            "rank": {"type": "number", "minimum": -1, "maximum": 100}, "parameters": _BAG, "properties": _BAG,
        }),
        "multiformatMessageString": _object(
            {"text": {"type": "string"}, "markdown": {"type": "string"}, "properties": _BAG}, ["text"]),
        "invocation": _object({
            "executionSuccessful": {"type": "boolean"}, "properties": _BAG,
            **_any("commandLine", "arguments", "responseFiles", "startTimeUtc", "endTimeUtc", "exitCode",
                   "ruleConfigurationOverrides", "notificationConfigurationOverrides",
                   "toolExecutionNotifications", "toolConfigurationNotifications", "exitCodeDescription",
                   "exitSignalName", "exitSignalNumber", "processStartFailureMessage", "machine", "account",
                   "processId", "executableLocation", "workingDirectory", "environmentVariables", "stdin",
                   "stdout", "stderr", "stdoutStderr"),
        }, ["executionSuccessful"]),
        "result": _object({
            "ruleId": {"type": "string"}, "ruleIndex": _INDEX,
            "kind": {"enum": ["notApplicable", "pass", "fail", "review", "open", "informational"]},
            "level": _LEVEL, "message": _MESSAGE,
            "locations": {"type": "array", "items": {"$ref": "#/definitions/location"}},
            "relatedLocations": {"type": "array", "uniqueItems": True, "items": {"$ref": "#/definitions/location"}},
            "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
            "fingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
            "rank": {"type": "number", "minimum": -1, "maximum": 100}, "properties": _BAG,
            **_any("rule", "analysisTarget", "guid", "correlationGuid", "occurrenceCount", "stacks", "codeFlows",
                   "graphs", "graphTraversals", "suppressions", "baselineState", "attachments",
                   "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest", "webResponse"),
        }, ["message"]),
        "message": _object({
            "text": {"type": "string"}, "markdown": {"type": "string"}, "id": {"type": "string"},
            "arguments": {"type": "array", "items": {"type": "string"}}, "properties": _BAG,
        }, anyOf=[{"required": ["text"]}, {"required": ["id"]}]),
        "location": _object({
            "id": _INDEX, "physicalLocation": {"$ref": "#/definitions/physicalLocation"}, "message": _MESSAGE,
            "properties": _BAG, **_any("logicalLocations", "annotations", "relationships"),
        }),
        "physicalLocation": _object({
            "artifactLocation": {"$ref": "#/definitions/artifactLocation"},
            "region": {"$ref": "#/definitions/region"}, "contextRegion": {"$ref": "#/definitions/region"},
            "address": {}, "properties": _BAG,
        }, anyOf=[{"required": ["address"]}, {"required": ["artifactLocation"]}]),
        "artifactLocation": _object({
            "uri": {"type": "string", "format": "uri-reference"}, "uriBaseId": {"type": "string"},
            "index": _INDEX, "description": _MESSAGE, "properties": _BAG,
        }),
        "region": _object({
            "startLine": _POSITIVE, "startColumn": _POSITIVE, "endLine": _POSITIVE, "endColumn": _POSITIVE,
            "charOffset": _INDEX, "charLength": {"type": "integer", "minimum": 0}, "byteOffset": _INDEX,
            "byteLength": {"type": "integer", "minimum": 0}, "snippet": {"$ref": "#/definitions/artifactContent"},
            "message": _MESSAGE, "sourceLanguage": {"type": "string"}, "properties": _BAG,
        }),
        "artifactContent": _object({"text": {"type": "string"}, "binary": {"type": "string"},
                                    "rendered": _MULTIFORMAT, "properties": _BAG}),
        "propertyBag": {"type": "object", "properties": {
            "tags": {"type": "array", "uniqueItems": True, "items": {"type": "string"}}}},
    },
}

_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "number": (int, float), "integer": int}


def schema_errors(value: object, schema: dict[str, object], where: str = "$",
                  root: dict[str, object] = SARIF_SCHEMA) -> list[str]:
    """The draft-7 keywords the schema above uses, checked (jsonschema is not a dependency)."""
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        return schema_errors(value, root["definitions"][name], where, root)  # type: ignore[index]
    errors = []
    kind = schema.get("type")
    if kind is not None:
        expected = _TYPES[str(kind)]
        if not isinstance(value, expected) or (kind in ("integer", "number") and isinstance(value, bool)):
            return [f"{where}: not {kind}: {value!r}"]
    if "enum" in schema and value not in schema["enum"]:  # type: ignore[operator]
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:  # type: ignore[operator]
            errors.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:  # type: ignore[operator]
            errors.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, str) and schema.get("format") in ("uri", "uri-reference"):
        parts = urlsplit(value)
        if (schema["format"] == "uri" and not parts.scheme) or re.search(r"[\s<>\"{}|\\^`]", value):
            errors.append(f"{where}: not a {schema['format']}: {value!r}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", ()):  # type: ignore[union-attr]
            if name not in value:
                errors.append(f"{where}: {name} is required")
        for alternatives in [schema.get("anyOf")] if schema.get("anyOf") else []:
            if not any(all(name in value for name in option["required"]) for option in alternatives):  # type: ignore
                errors.append(f"{where}: none of {alternatives}")
        for name, item in value.items():
            if name in properties:  # type: ignore[operator]
                errors += schema_errors(item, properties[name], f"{where}.{name}", root)  # type: ignore[index]
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: unexpected property {name!r}")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += schema_errors(item, schema["additionalProperties"], f"{where}.{name}", root)  # type: ignore
    if isinstance(value, list):
        if schema.get("uniqueItems") and len({json.dumps(v, sort_keys=True) for v in value}) != len(value):
            errors.append(f"{where}: items not unique")
        if "items" in schema:
            for position, item in enumerate(value):
                errors += schema_errors(item, schema["items"], f"{where}[{position}]", root)  # type: ignore[arg-type]
    return errors


def sarif_for(*items: CheckedFile, include_passes: bool = False) -> dict:
    return json.loads(render_sarif(list(items), include_passes=include_passes))


def region_text(text: str, region: dict[str, int]) -> str:
    """The text a region covers, columns in code points (the run's columnKind)."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:region["startLine"] - 1]) + region["startColumn"] - 1
    end = sum(len(line) + 1 for line in lines[:region["endLine"] - 1]) + region["endColumn"] - 1
    return text[start:end]


def check_sarif(log: dict, texts: dict[str, str]) -> None:
    """Schema, then what the schema cannot say: rule references, kind and level, regions
    that cover their snippets in the file, unique related ids and fingerprints."""
    errors = schema_errors(log, SARIF_SCHEMA)
    assert not errors, errors
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json" and log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    rules = driver["rules"]
    assert driver["name"] == "factcheck" and driver["version"] == factcheck.__version__
    assert [rule["id"] for rule in rules] == [rule.code for rule in all_rules()]
    fingerprints = set()
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert (result["kind"] == "fail") == (result["level"] in ("error", "warning"))
        if result["kind"] != "fail":
            assert result["level"] == "none"  # SARIF 3.27.10
        assert result["message"]["text"]
        (location,) = result["locations"]
        physical = [location["physicalLocation"]] + [r["physicalLocation"] for r in result.get("relatedLocations", [])]
        for place in physical:
            uri = place["artifactLocation"]["uri"]
            region = place["region"]
            assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
            assert region_text(texts[unquote(uri)], region) == region["snippet"]["text"]
        ids = [related["id"] for related in result.get("relatedLocations", [])]
        assert len(set(ids)) == len(ids)
        for related in result.get("relatedLocations", []):
            assert related["message"]["text"].split(": ", 1)[0] in ("part", "whole", "stated", "old", "new",
                                                                     "total", "minuend", "subtrahend", "count")
        fingerprint = (result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                       result["partialFingerprints"]["factcheck/v1"])
        assert re.fullmatch(r"[0-9a-f]{64}:\d+", fingerprint[1])
        assert fingerprint not in fingerprints
        fingerprints.add(fingerprint)


def test_sarif_log(files: list[CheckedFile]) -> None:
    log = sarif_for(*files)
    check_sarif(log, {"releases/good.txt": CONSISTENT, "releases/bad.txt": SLIPPED})
    run = log["runs"][0]
    levels = [(r["ruleId"], r["level"]) for r in run["results"]]
    assert levels == [("FC02", "warning"), ("FC01", "error"), ("FC02", "warning")]
    error = run["results"][1]
    region = error["locations"][0]["physicalLocation"]["region"]
    assert region["snippet"]["text"] == "71%" and region["startLine"] == 1  # the stated figure
    assert {r["message"]["text"] for r in error["relatedLocations"]} == {"part: 200", "whole: 390 billion tenge"}
    assert error["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "releases/bad.txt", "uriBaseId": "%SRCROOT%"}
    share = next(rule for rule in run["tool"]["driver"]["rules"] if rule["id"] == "FC01")
    assert share["name"] == "share-of-total" and share["defaultConfiguration"]["level"] == "error"
    assert share["fullDescription"]["text"].startswith("Share of a total:")
    assert "\n\n" not in share["fullDescription"]["text"] and "What it checks" in share["help"]["text"]


def test_sarif_passes_only_on_request(files: list[CheckedFile]) -> None:
    log = sarif_for(*files, include_passes=True)
    check_sarif(log, {"releases/good.txt": CONSISTENT, "releases/bad.txt": SLIPPED})
    results = log["runs"][0]["results"]
    assert len(results) == 6
    passes = [r for r in results if r["kind"] == "pass"]
    assert len(passes) == 3 and all(r["level"] == "none" for r in passes)


def test_sarif_fingerprints_survive_unrelated_lines_above(files: list[CheckedFile]) -> None:
    moved = "Press release\nFor immediate publication.\n\n" + SLIPPED.replace(
        "\n\nOutput", "\n\nThe figures are preliminary.\n\nOutput")
    before = sarif_for(checked("releases/bad.txt", SLIPPED))["runs"][0]["results"]
    after_log = sarif_for(checked("releases/bad.txt", moved))
    check_sarif(after_log, {"releases/bad.txt": moved})
    after = after_log["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in (*before, *after)]
    assert lines[len(before):] != lines[:len(before)]  # the results did move
    # A different sentence is a different result; the same sentence repeated is told apart.
    other = sarif_for(checked("releases/bad.txt", SLIPPED.replace("Machine builders", "Farms")))
    assert other["runs"][0]["results"][0]["partialFingerprints"] != before[0]["partialFingerprints"]
    twice = sarif_for(checked("releases/bad.txt", SLIPPED + "\n" + SLIPPED))["runs"][0]["results"]
    prints = [r["partialFingerprints"]["factcheck/v1"] for r in twice]
    assert len(set(prints)) == len(prints) == 2 * len(before)


def test_sarif_hostile_release(hostile: list[CheckedFile]) -> None:
    output = render_sarif(hostile)
    assert "\x1b" not in output and "\x07" not in output
    log = json.loads(output)
    check_sarif(log, {HOSTILE_PATH: HOSTILE})
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "evil%2Cdir%3Aname%0A%3A%3Aerror%3A%3Ax/release%20%3Cb%3E.txt"


def test_sarif_uris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    inside, outside = tmp_path / "docs" / "q3 release.txt", tmp_path.parent / "elsewhere.txt"

    def uri(path: str) -> dict:
        return sarif_for(checked(path, SLIPPED))["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
            "artifactLocation"]

    assert uri(str(inside)) == {"uri": "docs/q3%20release.txt", "uriBaseId": "%SRCROOT%"}
    assert uri("./docs/q3 release.txt") == {"uri": "docs/q3%20release.txt", "uriBaseId": "%SRCROOT%"}
    assert uri(str(outside)) == {"uri": outside.as_uri()}
    assert uri("<stdin>")["uri"] == "%3Cstdin%3E"


@pytest.mark.skipif(not shutil.which("python3"), reason="no system python3")
def test_sarif_subset_schema_agrees_with_jsonschema(files: list[CheckedFile], tmp_path: Path) -> None:
    """The hand-written check above, cross-checked by the real jsonschema validator of the
    system Python, when it has one (it is not a dependency of factcheck)."""
    probe = subprocess.run(["python3", "-c", "import jsonschema"], check=False, capture_output=True, timeout=60)
    if probe.returncode:
        pytest.skip("the system python3 has no jsonschema module")
    (tmp_path / "schema.json").write_text(json.dumps(SARIF_SCHEMA), encoding="utf-8")
    (tmp_path / "log.json").write_text(render_sarif(files, include_passes=True), encoding="utf-8")
    broken = sarif_for(*files)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    (tmp_path / "broken.json").write_text(json.dumps(broken), encoding="utf-8")
    assert len(schema_errors(broken, SARIF_SCHEMA)) == 2
    script = (
        "import json, sys, jsonschema\n"
        "schema = json.load(open(sys.argv[1]))\n"
        "checker = jsonschema.Draft7Validator(schema)\n"
        "print(json.dumps([len(list(checker.iter_errors(json.load(open(p))))) for p in sys.argv[2:]]))\n"
    )
    result = subprocess.run(["python3", "-c", script, *(str(tmp_path / name) for name in
                                                         ("schema.json", "log.json", "broken.json"))],
                            check=False, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [0, 2]


# -- HTML ------------------------------------------------------------------------------


class TagCollector(HTMLParser):
    """Start tags with their attributes, and the text, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @classmethod
    def parse(cls, page: str) -> list[tuple[str, dict[str, str | None]]]:
        collector = cls()
        collector.feed(page)
        collector.close()
        return collector.tags


def marks(page: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in TagCollector.parse(page) if tag == "mark"]


def test_html_page_highlights_every_checked_figure(files: list[CheckedFile]) -> None:
    page = render_html(files)
    assert page.startswith("<!DOCTYPE html>")
    found = marks(page)
    # Each file's figures: 390 billion, 200, 51%/71% (share), 79, 68, 11 (sum), 3 times, 120, 480 (ratio).
    assert len(found) == 2 * 9
    by_text = {}
    collector = MarkTexts.of(page)
    for attrs, text in zip(found, collector):
        assert attrs["class"].split()[0] == "fc-figure" and attrs["tabindex"] == "0"
        assert attrs["title"] and attrs["data-rule"]
        by_text.setdefault(text, []).append(attrs)
    assert by_text["71%"][0]["class"] == "fc-figure fc-discrepancy" and by_text["71%"][0]["data-rule"] == "FC01"
    assert by_text["51%"][0]["class"] == "fc-figure fc-pass"
    assert all(a["class"] == "fc-figure fc-ambiguous" for a in by_text["3 times"] + by_text["480 billion tenge"])
    assert all(a["class"] == "fc-figure fc-pass" for a in by_text["79"])
    title = by_text["71%"][0]["title"]
    assert "200 / 390 billion tenge = 51.28%" in title and '"71%" would have to be 51.09..51.48%' in title
    # Every figure points at findings that the page lists, with the arithmetic.
    ids = {attrs["id"] for tag, attrs in TagCollector.parse(page) if tag == "li" and attrs.get("id")}
    assert all(set(a["data-findings"].split()) <= ids for a in found)


class MarkTexts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.texts = 0, []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "mark":
            self.depth += 1
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.texts[-1] += data

    @classmethod
    def of(cls, page: str) -> list[str]:
        parser = cls()
        parser.feed(page)
        return parser.texts


def test_html_figure_in_several_findings_takes_the_worst_verdict() -> None:
    # "200" is the part of a share that does not hold and of a sum that does.
    text = ("Exports reached 390 billion tenge. Machine builders shipped 200 of the 390 billion tenge, or 71% of "
            "the total, and metal works 154 billion tenge. In total, the two exported 354 billion tenge.\n")
    item = checked("two.txt", text)
    assert {f.kind: f.verdict.value for f in item.report.findings} == {"share": "discrepancy", "sum": "pass"}
    page = render_html([item])
    figures = dict(zip(MarkTexts.of(page), marks(page)))
    assert figures["200"]["class"] == "fc-figure fc-discrepancy"
    assert figures["200"]["data-rule"] == "FC01 FC05"
    assert len(figures["200"]["data-findings"].split()) == 2
    assert figures["154 billion tenge"]["class"] == "fc-figure fc-pass"


def test_html_is_self_contained_with_a_content_security_policy(files: list[CheckedFile]) -> None:
    page = render_html(files)
    tags = TagCollector.parse(page)
    policy = next(a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy and "'unsafe-eval'" not in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", policy)
    assert not any(t in ("link", "img", "iframe", "object", "embed") for t, _ in tags)
    assert not any(a.get("src") or (a.get("href") or "#").startswith(("http", "//")) for _, a in tags)
    assert [t for t, _ in tags].count("script") == 1 and [t for t, _ in tags].count("style") == 1
    assert not any(name.startswith("on") for _, a in tags for name in a)  # no inline handlers
    import base64
    import hashlib

    script = re.search(r"<script>(.*?)</script>", page, re.DOTALL)[1]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy


def test_html_paragraphs_and_full_text(files: list[CheckedFile]) -> None:
    import html

    page = render_html(files[1:])
    section = re.search(r'<div class="fc-text">(.*?)</div>', page, re.DOTALL)[1]
    paragraphs = re.findall(r"<p>(.*?)</p>", section, re.DOTALL)
    assert len(paragraphs) == 3
    shown = "\n\n".join(html.unescape(re.sub(r"<[^>]*>", "", p)) for p in paragraphs)
    assert shown == SLIPPED


def test_html_hostile_release_is_text(hostile: list[CheckedFile]) -> None:
    page = render_html(hostile)
    tags = TagCollector.parse(page)
    assert [t for t, _ in tags].count("script") == 1  # only the page's own
    assert not any(t in ("img", "iframe", "object") for t, _ in tags)
    assert all(a["href"].startswith("#fc-") for t, a in tags if t == "a")
    bold = re.findall(r"<b>(.*?)</b>", page)  # the page's own: the figures in each quoted sentence
    assert set(bold) == set(MarkTexts.of(page))
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e]", page)
    assert len(marks(page)) == 9 and MarkTexts.of(page) == [
        "200", "390 billion tenge", "71%", "3 times", "120 billion tenge", "480 billion tenge", "79", "68", "11"]
    collector = TagCollector()
    collector.feed(page)
    text = "".join(collector.text)
    assert "<script>alert('x')</script>" in text and "<img src=x onerror=alert(1)></mark><b>" in text
    assert "\\x1b[31m\\x07\\u202e" in text  # shown, not obeyed
    assert "[link](javascript:alert(document.cookie))" in text
    assert HOSTILE_PATH in text
