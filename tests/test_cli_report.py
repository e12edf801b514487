"""`python -m factcheck report|baseline|rules|rule`, run as a user runs them: the real
command in a subprocess, on files the test writes into a temporary folder.

One test (or one parametrized case) per input kind, output format, exit status, rule
selection, suppression and diff mode.  Every run's working folder is the test's own
tmp_path, so the paths in the output are the relative names the test passed, and no
settings file of the project itself is found.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The example release: one share and one sum, both consistent ...
SHARE = "Exports reached 390 billion tenge. Machine builders shipped 200 of the 390 billion tenge, or 51% of the total."
PROJECTS = "Of 79 projects signed, 68 have been completed and 11 are under way."
CLEAN = f"{SHARE}\n\n{PROJECTS}\n"
# ... and the copy in which an editor's slip turned 51% into 71% (200/390 is 51.28%).
SHARE_SLIP = SHARE.replace("51%", "71%")
SLIPPED = f"{SHARE_SLIP}\n\n{PROJECTS}\n"
# 68 + 15 = 83, not 79
PROJECTS_SLIP = PROJECTS.replace("11 are", "15 are")
# "2.3 times more": x2.3 agrees (1.9 trillion / 844.6 billion = 2.25), x3.3 does not
AMBIGUOUS_FACTOR = "Output grew 2.3 times more than in 2015, from 844.6 billion tenge to 1.9 trillion tenge."
# a round total beside precise parts: 500 + 976.3 + 909.4 = 2385.7 billion, "2.3 trillion" only if rounded loosely
AMBIGUOUS_SUM = ("The 2.3 trillion tenge was allocated as follows: in 2023 - 500 billion tenge, "
                 "in 2024 - 976.3 billion tenge, in 2025 - 909.4 billion tenge.")

SUMMARY = re.compile(r"^\d+ passed, \d+ discrepanc(y|ies), \d+ ambiguous in \d+ files?$")
TIMEOUT = 120  # a hang guard only; a run takes about a second


def run(*arguments: str, cwd: Path, stdin: str | bytes | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m factcheck ARGUMENTS`` in ``cwd``; stdout and stderr decoded as UTF-8."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("NO_COLOR", "GITHUB_STEP_SUMMARY", "GITHUB_ACTIONS")}
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env or {})
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", *arguments], check=False, input=data, capture_output=True, cwd=cwd,
        env=environment, timeout=TIMEOUT, stdin=None if data is not None else subprocess.DEVNULL,
    )
    return subprocess.CompletedProcess(result.args, result.returncode,
                                       result.stdout.decode("utf-8"), result.stderr.decode("utf-8"))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def json_run(*arguments: str, cwd: Path, **keywords: object) -> tuple[subprocess.CompletedProcess[str], dict]:  # type: ignore[type-arg]
    result = run("report", *arguments, "--format", "json", cwd=cwd, **keywords)  # type: ignore[arg-type]
    assert result.stdout, result.stderr
    return result, json.loads(result.stdout)


def verdicts(payload: dict) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    """(path, rule, verdict) of every finding, in output order, paths with forward slashes."""
    return [(Path(item["path"]).as_posix(), finding["rule"], finding["verdict"])
            for item in payload["files"] for finding in item["findings"]]


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    errors = [line for line in result.stderr.splitlines() if line.startswith("factcheck: error:")]
    assert len(errors) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in errors[0], errors[0]


def assert_numbers_point_into(text: str, findings: list[dict]) -> None:  # type: ignore[type-arg]
    """Every number's start/end are offsets into ``text`` and its line/column name the same place."""
    lines = text.split("\n")
    assert findings
    for finding in findings:
        for number in finding["numbers"]:
            assert text[number["start"]:number["end"]] == number["text"], number
            assert lines[number["line"] - 1][number["column"] - 1:].startswith(number["text"]), number


@pytest.fixture()
def releases(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path, "clean.txt", CLEAN), write(tmp_path, "slipped.txt", SLIPPED)


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


# Inputs -----------------------------------------------------------------------------------


def test_a_folder_is_searched_recursively_for_the_known_extensions(tmp_path: Path) -> None:
    write(tmp_path, "press/a.txt", CLEAN)
    write(tmp_path, "press/q3/b.md", f"# Exports\n\n{SHARE_SLIP}\n")
    write(tmp_path, "press/q3/web/c.html", f"<p>{SHARE_SLIP}</p>\n")
    make_docx(tmp_path / "press/q3/d.docx", [SHARE_SLIP])
    write(tmp_path, "press/q3/figures.csv", SHARE_SLIP)  # not a release format: not checked
    write(tmp_path, "press/.drafts/e.txt", SHARE_SLIP)  # hidden folders are skipped
    result, payload = json_run("press", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert [Path(item["path"]).as_posix() for item in payload["files"]] == [
        "press/a.txt", "press/q3/b.md", "press/q3/d.docx", "press/q3/web/c.html"]
    assert payload["summary"] == {"pass": 2, "discrepancy": 3, "ambiguous": 0}


def test_a_glob_names_the_files_it_matches(tmp_path: Path) -> None:
    write(tmp_path, "press/a.txt", CLEAN)
    write(tmp_path, "press/q3/b.md", f"{SHARE_SLIP}\n")
    write(tmp_path, "press/q3/c.txt", SLIPPED)
    result, payload = json_run("press/**/*.md", cwd=tmp_path)
    assert result.returncode == 1
    assert [Path(item["path"]).as_posix() for item in payload["files"]] == ["press/q3/b.md"]
    result, payload = json_run("press/*.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert [Path(item["path"]).as_posix() for item in payload["files"]] == ["press/a.txt"]
    missing = run("report", "press/*.docx", cwd=tmp_path)
    assert missing.returncode == 2
    assert_one_line_error(missing, "press/*.docx")


def test_standard_input_is_read_as_the_format_stdin_filename_names(tmp_path: Path) -> None:
    notes = f"# Notes\n\n{PROJECTS}\n\n```\n{SHARE_SLIP}\n```\n"
    result, payload = json_run("-", "--stdin-filename", "notes.md", cwd=tmp_path, stdin=notes)
    assert result.returncode == 0, result.stdout  # the slip is in a code block: not prose
    assert payload["files"][0]["path"] == "notes.md"
    assert verdicts(payload) == [("notes.md", "FC05", "pass")]
    assert_numbers_point_into(notes, payload["files"][0]["findings"])
    # without the name it is plain text, and the figure in the code block is checked
    result, payload = json_run("-", cwd=tmp_path, stdin=notes)
    assert result.returncode == 1
    assert payload["files"][0]["path"] == "<stdin>"
    assert ("<stdin>", "FC01", "discrepancy") in verdicts(payload)


def test_markdown_front_matter_and_code_are_not_checked_and_positions_are_the_files(tmp_path: Path) -> None:
    text = (
        "---\n"
        f"summary: {SHARE.replace('51%', '91%')}\n"
        "---\n"
        "\n"
        "# Exports in 2024\n"
        "\n"
        "Exports reached 390 billion tenge. Machine builders\n"
        "shipped 200 of the 390 billion tenge, or **71%** of the total.\n"
        "\n"
        "```text\n"
        f"{SHARE.replace('51%', '91%')}\n"
        "```\n"
        "\n"
        f"> {PROJECTS}\n"
        "\n"
        "Inline `code: 200 of the 390 billion tenge, or 91%` is not prose either.\n"
    )
    path = write(tmp_path, "release.md", text)
    result, payload = json_run(path.name, cwd=tmp_path)
    assert result.returncode == 1
    findings = payload["files"][0]["findings"]
    assert verdicts(payload) == [("release.md", "FC01", "discrepancy"), ("release.md", "FC05", "pass")]
    assert "91%" not in [number["text"] for finding in findings for number in finding["numbers"]]
    assert_numbers_point_into(text, findings)
    stated = next(n for n in findings[0]["numbers"] if n["role"] == "stated")
    assert (stated["text"], stated["line"], stated["column"]) == ("71%", 8, 44)
    concise = run("report", path.name, "--format", "concise", cwd=tmp_path)
    assert concise.stdout.splitlines()[0].startswith("release.md:8:9: FC01 discrepancy ")


def test_html_scripts_and_styles_are_not_checked_and_positions_are_the_files(tmp_path: Path) -> None:
    hidden = SHARE.replace("51%", "91%")
    text = (
        "<!DOCTYPE html>\n<html><head><title>Release</title>\n"
        f"<style>/* {hidden} */ p {{ margin: 200px }}</style>\n"
        f"<script>var lead = \"{hidden}\";</script>\n"
        "</head>\n<body>\n"
        "<h1>Exports</h1>\n"
        "<p>Exports reached 390 billion tenge.\n"
        "Machine builders shipped 200 of the 390 billion tenge, or <b>71%</b> of the total.</p>\n"
        f"<ul><li>{PROJECTS}</li></ul>\n"
        "</body></html>\n"
    )
    path = write(tmp_path, "release.html", text)
    result, payload = json_run(path.name, cwd=tmp_path)
    assert result.returncode == 1
    findings = payload["files"][0]["findings"]
    assert verdicts(payload) == [("release.html", "FC01", "discrepancy"), ("release.html", "FC05", "pass")]
    assert "91%" not in [number["text"] for finding in findings for number in finding["numbers"]]
    assert_numbers_point_into(text, findings)
    part = next(n for n in findings[0]["numbers"] if n["role"] == "part")
    assert (part["line"], part["column"]) == (9, 26)


def test_a_docx_is_located_by_paragraph_number(tmp_path: Path) -> None:
    paragraphs = ["Press release", SHARE_SLIP, PROJECTS]
    make_docx(tmp_path / "release.docx", paragraphs)
    result, payload = json_run("release.docx", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert verdicts(payload) == [("release.docx", "FC01", "discrepancy"), ("release.docx", "FC05", "pass")]
    for finding in payload["files"][0]["findings"]:
        for number in finding["numbers"]:
            paragraph = paragraphs[number["line"] - 1]
            assert paragraph[number["column"] - 1:].startswith(number["text"]), number
    assert {n["line"] for n in payload["files"][0]["findings"][0]["numbers"]} == {2}
    concise = run("report", "release.docx", "--format", "concise", cwd=tmp_path).stdout.splitlines()
    assert concise[0].startswith("release.docx:2:61: FC01 discrepancy ")
    assert concise[1] == "release.docx:3:4: FC05 pass 68 + 11 = 79; stated 79"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_utf16_and_utf8_with_a_byte_order_mark_read_like_utf8(tmp_path: Path, encoding: str) -> None:
    data = SLIPPED.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (tmp_path / "encoded.txt").write_bytes(data)
    write(tmp_path, "plain.txt", SLIPPED)
    result, payload = json_run("plain.txt", "encoded.txt", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    plain, encoded = payload["files"]
    assert encoded["findings"] == plain["findings"]  # same figures, same offsets, lines and columns
    assert_numbers_point_into(SLIPPED, encoded["findings"])


def test_a_binary_file_is_a_one_line_error_and_the_others_are_still_checked(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", CLEAN)
    (tmp_path / "chart.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    write(tmp_path, "b.md", f"{SHARE_SLIP}\n")
    result = run("report", "a.txt", "chart.txt", "b.md", cwd=tmp_path)
    assert result.returncode == 2
    assert_one_line_error(result, "chart.txt", "binary")
    assert result.stdout.splitlines()[-1] == "2 passed, 1 discrepancy, 0 ambiguous in 2 files"
    result, payload = json_run("a.txt", "chart.txt", "b.md", cwd=tmp_path)
    assert result.returncode == 2
    assert [item["path"] for item in payload["files"]] == ["a.txt", "b.md"]
    assert [error["path"] for error in payload["errors"]] == ["chart.txt"]
    assert "binary" in payload["errors"][0]["message"]


@pytest.mark.skipif(os.name == "nt", reason="a colon cannot be in a Windows file name")
def test_an_error_names_its_file_even_with_a_colon_in_the_name(tmp_path: Path) -> None:
    (tmp_path / "scan:2024.txt").write_bytes(b"\x00\x01\x02")
    result, payload = json_run("scan:2024.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert [error["path"] for error in payload["errors"]] == ["scan:2024.txt"]  # not "scan"


# Output formats ---------------------------------------------------------------------------


def test_text_lists_passes_and_discrepancies_and_quiet_hides_the_passes(releases: tuple[Path, Path]) -> None:
    clean, slipped = releases
    result = run("report", clean.name, slipped.name, cwd=clean.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "clean.txt:1:61: FC01 ok [share-of-total] 200 / 390 billion tenge = 51.28%; stated 51%" in lines
    assert any(line.startswith("slipped.txt:1:61: FC01 DISCREPANCY [share-of-total]") for line in lines)
    assert "    | Machine builders shipped [200] of the [390 billion tenge], or [71%] of the total." in lines
    assert any(line.startswith("    to agree, one of: \"71%\" would have to be 51.09..51.48%") for line in lines)
    assert lines[-1] == "3 passed, 1 discrepancy, 0 ambiguous in 2 files"
    assert "\x1b" not in result.stdout  # not a terminal: no colour
    quiet = run("report", clean.name, slipped.name, "--quiet", cwd=clean.parent)
    assert quiet.returncode == 1
    assert " ok " not in quiet.stdout and "DISCREPANCY" in quiet.stdout
    assert quiet.stdout.splitlines()[-1] == "3 passed, 1 discrepancy, 0 ambiguous in 2 files"


def run_on_a_terminal(arguments: list[str], cwd: Path, env: dict[str, str]) -> str:
    """The command's standard output when it is a terminal (a pseudo-terminal)."""
    pty = pytest.importorskip("pty")
    environment = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    environment.update({"PYTHONIOENCODING": "utf-8", **env})
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen([sys.executable, "-m", "factcheck", *arguments], cwd=cwd, env=environment,
                                   stdin=subprocess.DEVNULL, stdout=terminal, stderr=subprocess.DEVNULL)
    finally:
        os.close(terminal)
    output = b""
    try:
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: the command has exited
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(controller)
        process.wait(timeout=TIMEOUT)
    return output.decode("utf-8")


@pytest.mark.skipif(not sys.platform.startswith(("linux", "darwin")), reason="needs a pseudo-terminal")
def test_colour_only_on_a_terminal_and_never_with_no_color(releases: tuple[Path, Path]) -> None:
    _, slipped = releases
    coloured = run_on_a_terminal(["report", slipped.name], slipped.parent, {})
    assert "\x1b[1;31mDISCREPANCY\x1b[0m" in coloured
    plain = run_on_a_terminal(["report", slipped.name], slipped.parent, {"NO_COLOR": "1"})
    assert "DISCREPANCY" in plain and "\x1b" not in plain
    # no-color.org: "when present and not an empty string"
    empty = run_on_a_terminal(["report", slipped.name], slipped.parent, {"NO_COLOR": ""})
    assert "\x1b[1;31mDISCREPANCY" in empty


def test_no_color_is_harmless_when_not_on_a_terminal(releases: tuple[Path, Path]) -> None:
    _, slipped = releases
    plain = run("report", slipped.name, cwd=slipped.parent)
    no_color = run("report", slipped.name, cwd=slipped.parent, env={"NO_COLOR": "1"})
    assert no_color.stdout == plain.stdout and no_color.returncode == plain.returncode == 1


def test_concise_is_one_line_per_finding(releases: tuple[Path, Path]) -> None:
    clean, slipped = releases
    result = run("report", clean.name, slipped.name, "--format", "concise", cwd=clean.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    assert lines[0] == "clean.txt:1:61: FC01 pass 200 / 390 billion tenge = 51.28%; stated 51%"
    assert lines[2].startswith("slipped.txt:1:61: FC01 discrepancy 200 / 390 billion tenge = 51.28%; stated 71%")
    assert lines[3] == "slipped.txt:3:4: FC05 pass 68 + 11 = 79; stated 79"
    assert SUMMARY.match(lines[4])
    quiet = run("report", clean.name, slipped.name, "--format", "concise", "--quiet", cwd=clean.parent)
    assert quiet.stdout.splitlines() == [lines[2], lines[4]]


def test_json_is_the_versioned_contract(releases: tuple[Path, Path]) -> None:
    clean, slipped = releases
    result, payload = json_run(clean.name, slipped.name, cwd=clean.parent)
    assert result.returncode == 1
    assert set(payload) == {"version", "files", "errors", "summary"}
    assert payload["version"] == 1
    assert payload["errors"] == []
    assert payload["summary"] == {"pass": 3, "discrepancy": 1, "ambiguous": 0}
    assert [item["path"] for item in payload["files"]] == ["clean.txt", "slipped.txt"]
    findings = payload["files"][1]["findings"]
    for finding in findings:
        assert {"rule", "name", "kind", "verdict", "message", "numbers", "readings", "notes", "corrections",
                "expected"} <= set(finding)
        for number in finding["numbers"]:
            assert {"role", "text", "start", "end", "line", "column", "value", "low", "high", "unit"} <= set(number)
    assert_numbers_point_into(SLIPPED, findings)
    share = findings[0]
    assert (share["rule"], share["name"], share["kind"], share["verdict"]) == (
        "FC01", "share-of-total", "share", "discrepancy")
    assert share["message"].startswith("200 / 390 billion tenge = 51.28%; stated 71%")
    roles = {number["role"]: number for number in share["numbers"]}
    assert set(roles) == {"part", "whole", "stated"}
    assert (roles["stated"]["text"], roles["stated"]["start"], roles["stated"]["end"]) == ("71%", 93, 96)
    assert (roles["stated"]["line"], roles["stated"]["column"]) == (1, 94)
    assert 51.0 < share["expected"]["low"] < share["expected"]["high"] < 51.5
    assert (findings[1]["rule"], findings[1]["kind"], findings[1]["verdict"]) == ("FC05", "sum", "pass")


def test_github_annotates_only_what_fails_and_writes_the_step_summary(tmp_path: Path) -> None:
    write(tmp_path, "slipped.txt", SLIPPED)
    write(tmp_path, "unclear.txt", f"{AMBIGUOUS_FACTOR}\n")
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = run("report", "slipped.txt", "unclear.txt", "--format", "github", cwd=tmp_path,
                 env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=slipped.txt,line=1,col=61,endLine=1,endColumn=96,"
                               "title=FC01 share-of-total::discrepancy: ")
    assert lines[1].startswith("::warning file=unclear.txt,line=1,")
    assert SUMMARY.match(lines[2]) and len(lines) == 3  # passes are not annotated
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("earlier step\n**factcheck**: 1 passed, 1 discrepancy, 1 ambiguous in 2 files")
    assert "| | File:line | Rule | Verdict | Finding |" in table
    assert "| ✗ | slipped.txt:1 | FC01 share-of-total | **discrepancy** |" in table
    # outside GitHub Actions no summary is written anywhere
    before = sorted(tmp_path.iterdir())
    again = run("report", "slipped.txt", "--format", "github", cwd=tmp_path)
    assert again.returncode == 1 and sorted(tmp_path.iterdir()) == before


def test_github_step_summary_that_cannot_be_written_is_a_one_line_error(tmp_path: Path) -> None:
    write(tmp_path, "slipped.txt", SLIPPED)
    result = run("report", "slipped.txt", "--format", "github", cwd=tmp_path,
                 env={"GITHUB_STEP_SUMMARY": str(tmp_path / "no-such-folder" / "summary.md")})
    assert result.returncode == 2
    assert_one_line_error(result, "summary.md", "job summary")
    assert result.stdout.startswith("::error file=slipped.txt,")  # the annotations are still printed


def test_sarif_is_a_valid_2_1_0_log_with_regions(tmp_path: Path) -> None:
    write(tmp_path, "slipped.txt", SLIPPED)
    write(tmp_path, "unclear.txt", f"{AMBIGUOUS_FACTOR}\n")
    result = run("report", "slipped.txt", "unclear.txt", "--format", "sarif", cwd=tmp_path)
    assert result.returncode == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0" and "sarif" in log["$schema"]
    (sarif_run,) = log["runs"]
    assert [rule["id"] for rule in sarif_run["tool"]["driver"]["rules"]] == [f"FC0{n}" for n in range(1, 10)]
    results = sarif_run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("FC01", "error"), ("FC02", "warning")]
    share = results[0]
    location = share["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "slipped.txt"
    region = location["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (1, 94, 1, 97)
    assert region["snippet"]["text"] == "71%"
    line = SLIPPED.split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "71%"
    related = [r["physicalLocation"]["region"]["snippet"]["text"] for r in share["relatedLocations"]]
    assert related == ["200", "390 billion tenge"]
    assert share["message"]["text"].startswith("discrepancy: 200 / 390 billion tenge = 51.28%")


def test_markdown_is_a_summary_and_a_table(releases: tuple[Path, Path]) -> None:
    clean, slipped = releases
    result = run("report", clean.name, slipped.name, "--format", "markdown", cwd=clean.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "**factcheck**: 3 passed, 1 discrepancy, 0 ambiguous in 2 files"
    assert lines[2:4] == ["| | File:line | Rule | Verdict | Finding |", "|---|---|---|---|---|"]
    rows = lines[4:]
    assert len(rows) == 4 and all(row.startswith("| ") and row.endswith(" |") for row in rows)
    discrepancy = next(row for row in rows if "**discrepancy**" in row)
    assert discrepancy.startswith("| ✗ | slipped.txt:1 | FC01 share-of-total | **discrepancy** | ")
    assert "Machine builders shipped **200** of the **390 billion tenge**, or **71%** of the total." in discrepancy
    quiet = run("report", clean.name, slipped.name, "--format", "markdown", "--quiet", cwd=clean.parent)
    assert [row for row in quiet.stdout.splitlines() if row.startswith("| ✓")] == []
    assert sum(row.startswith("| ✗") for row in quiet.stdout.splitlines()) == 1


def test_html_is_one_page_with_the_release_text_marked(releases: tuple[Path, Path]) -> None:
    clean, slipped = releases
    result = run("report", clean.name, slipped.name, "--format", "html", cwd=clean.parent)
    assert result.returncode == 1
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count("<html") == 1 and page.count("</body>") == 1
    assert "clean.txt" in page and "slipped.txt" in page
    marks = re.findall(r'<mark class="fc-figure fc-(\w+)"[^>]*>([^<]*)</mark>', page)
    assert ("discrepancy", "71%") in marks and ("discrepancy", "200") in marks and ("pass", "51%") in marks
    assert re.search(r"Machine builders shipped <mark[^>]*>200</mark> of the <mark[^>]*>390 billion tenge</mark>, "
                     r"or <mark[^>]*>71%</mark> of the total\.", page)


# Exit statuses ----------------------------------------------------------------------------


def test_exit_0_when_clean_1_on_a_discrepancy(releases: tuple[Path, Path]) -> None:
    clean, slipped = releases
    assert run("report", clean.name, cwd=clean.parent).returncode == 0
    assert run("report", slipped.name, cwd=clean.parent).returncode == 1
    assert run("report", clean.name, slipped.name, cwd=clean.parent).returncode == 1


@pytest.mark.parametrize("arguments, words", [
    (["report", "no-such.txt"], ["no-such.txt"]),
    (["report", "clean.txt", "--format", "yaml"], ["usage", "yaml"]),
    (["report", "clean.txt", "--no-such-option"], ["usage", "--no-such-option"]),
    (["report", "clean.txt", "--jobs", "0"], ["--jobs"]),
    (["report", "clean.txt", "--fail-on", "pass"], ["usage", "--fail-on"]),
    (["report", "clean.txt", "--baseline", "no-such-baseline.json"], ["no-such-baseline.json"]),
    (["report"], ["usage"]),
    (["frobnicate"], ["usage"]),
])
def test_exit_2_on_a_usage_or_input_error(releases: tuple[Path, Path], arguments: list[str], words: list[str]) -> None:
    clean, _ = releases
    result = run(*arguments, cwd=clean.parent)
    assert result.returncode == 2
    assert_one_line_error(result, *words)


def test_exit_zero_turns_a_discrepancy_into_0_but_not_an_error(releases: tuple[Path, Path]) -> None:
    clean, slipped = releases
    result = run("report", slipped.name, "--exit-zero", cwd=clean.parent)
    assert result.returncode == 0
    assert "DISCREPANCY" in result.stdout  # still reported
    (clean.parent / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    assert run("report", slipped.name, "broken.txt", "--exit-zero", cwd=clean.parent).returncode == 2


@pytest.mark.parametrize("sentence, rule", [(AMBIGUOUS_FACTOR, "FC02"), (AMBIGUOUS_SUM, "FC05")])
def test_fail_on_ambiguous(tmp_path: Path, sentence: str, rule: str) -> None:
    write(tmp_path, "unclear.txt", f"{sentence}\n")
    result, payload = json_run("unclear.txt", cwd=tmp_path)
    assert verdicts(payload) == [("unclear.txt", rule, "ambiguous")]
    assert result.returncode == 0  # ambiguous does not fail by default
    assert run("report", "unclear.txt", "--fail-on", "ambiguous", cwd=tmp_path).returncode == 1
    assert run("report", "unclear.txt", "--fail-on", "discrepancy", cwd=tmp_path).returncode == 0
    assert run("report", "unclear.txt", "--fail-on", "ambiguous", "--exit-zero", cwd=tmp_path).returncode == 0
    write(tmp_path, "factcheck.toml", 'fail-on = "ambiguous"\n')
    assert run("report", "unclear.txt", cwd=tmp_path).returncode == 1
    assert run("report", "unclear.txt", "--fail-on", "discrepancy", cwd=tmp_path).returncode == 0  # the flag wins


# Rule selection -----------------------------------------------------------------------------


@pytest.mark.parametrize("option, value, expected_rules, status", [
    ("--select", "FC05", {"FC05"}, 0),
    ("--select", "sum-of-parts", {"FC05"}, 0),
    ("--select", "FC01,FC05", {"FC01", "FC05"}, 1),
    ("--ignore", "FC01", {"FC05"}, 0),
    ("--ignore", "share-of-total", {"FC05"}, 0),
    ("--ignore", "sum-of-parts", {"FC01"}, 1),
])
def test_select_and_ignore_by_code_and_by_name(releases: tuple[Path, Path], option: str, value: str,
                                              expected_rules: set[str], status: int) -> None:
    _, slipped = releases
    result, payload = json_run(slipped.name, option, value, cwd=slipped.parent)
    assert result.returncode == status
    assert {rule for _, rule, _ in verdicts(payload)} == expected_rules


def test_settings_are_found_from_the_checked_files_folder_upwards(tmp_path: Path) -> None:
    project = tmp_path / "project"
    release = write(project, "press/2024/q3/slipped.txt", SLIPPED)
    write(project, "pyproject.toml", '[project]\nname = "press"\n\n[tool.factcheck]\nignore = ["share-of-total"]\n')
    write(project, "press/2024/pyproject.toml", '[project]\nname = "unrelated"\n')  # no table: passed over
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result, payload = json_run(str(release), cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert {rule for _, rule, _ in verdicts(payload)} == {"FC05"}
    # a factcheck.toml nearer the file wins over the pyproject.toml above it
    write(project, "press/factcheck.toml", 'ignore = ["FC05"]\n')
    result, payload = json_run(str(release), cwd=elsewhere)
    assert result.returncode == 1
    assert {rule for _, rule, _ in verdicts(payload)} == {"FC01"}
    # the command line adds to the file's ignore list
    result, payload = json_run(str(release), "--ignore", "FC01", cwd=elsewhere)
    assert result.returncode == 0 and verdicts(payload) == []


@pytest.mark.parametrize("name, content, words", [
    ("factcheck.toml", 'fail_on = "ambiguous"\n', ["fail_on", "factcheck.toml"]),
    ("factcheck.toml", 'select = ["FC01", "FC42"]\n', ["FC42", "factcheck.toml"]),
    ("factcheck.toml", 'ignore = ["share-of-totals"]\n', ["share-of-totals"]),
    ("pyproject.toml", '[tool.factcheck]\nignroe = ["FC01"]\n', ["ignroe", "pyproject.toml"]),
    ("pyproject.toml", '[tool.factcheck]\nselect = ["FC99"]\n', ["FC99", "pyproject.toml"]),
    ("factcheck.toml", 'select = "FC01"\n', ["select"]),
    ("factcheck.toml", "select = [\n", ["factcheck.toml", "TOML"]),
])
def test_a_mistake_in_the_settings_is_exit_2_naming_it(releases: tuple[Path, Path], name: str, content: str,
                                                        words: list[str]) -> None:
    clean, _ = releases
    write(clean.parent, name, content)
    result = run("report", clean.name, cwd=clean.parent)
    assert result.returncode == 2 and result.stdout == ""
    assert_one_line_error(result, *words)


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_rule_on_the_command_line_is_exit_2_naming_it(releases: tuple[Path, Path], option: str) -> None:
    clean, _ = releases
    result = run("report", clean.name, option, "FC01,FC99", cwd=clean.parent)
    assert result.returncode == 2
    assert_one_line_error(result, "FC99")


@pytest.mark.parametrize("value", ["", ",", " , "])
def test_an_empty_rule_list_is_a_usage_error_not_a_silent_check_of_nothing(releases: tuple[Path, Path],
                                                                          value: str) -> None:
    _, slipped = releases
    result = run("report", slipped.name, "--select", value, cwd=slipped.parent)
    assert result.returncode == 2
    assert_one_line_error(result, "--select")


def test_config_names_the_settings_file(tmp_path: Path) -> None:
    write(tmp_path, "press/slipped.txt", SLIPPED)
    write(tmp_path, "press/factcheck.toml", 'select = ["FC01"]\n')  # found, but --config wins
    write(tmp_path, "settings/strict.toml", 'ignore = ["FC01"]\n')
    result, payload = json_run("press/slipped.txt", "--config", "settings/strict.toml", cwd=tmp_path)
    assert result.returncode == 0
    assert {rule for _, rule, _ in verdicts(payload)} == {"FC05"}
    write(tmp_path, "settings/pyproject.toml", '[tool.factcheck]\nselect = ["sum-of-parts"]\n')
    result, payload = json_run("press/slipped.txt", "--config", "settings/pyproject.toml", cwd=tmp_path)
    assert result.returncode == 0 and {rule for _, rule, _ in verdicts(payload)} == {"FC05"}
    missing = run("report", "press/slipped.txt", "--config", "settings/none.toml", cwd=tmp_path)
    assert missing.returncode == 2
    assert_one_line_error(missing, "settings/none.toml")


# Suppression and baselines ----------------------------------------------------------------


SUPPRESSED = {
    "release.md": f"# Exports\n\n<!-- factcheck: ignore[FC01] accepted by editor -->\n{SHARE_SLIP}\n\n{PROJECTS}\n",
    "release.html": (f"<html><body>\n<h1>Exports</h1>\n<!-- factcheck: ignore[FC01] accepted by editor -->\n"
                     f"<p>{SHARE_SLIP}</p>\n<p>{PROJECTS}</p>\n</body></html>\n"),
}


@pytest.mark.parametrize("name", sorted(SUPPRESSED))
def test_a_suppression_comment_accepts_the_finding_of_its_paragraph(tmp_path: Path, name: str) -> None:
    text = SUPPRESSED[name]
    write(tmp_path, name, text)
    write(tmp_path, "unsuppressed/" + name, re.sub(r"<!-- factcheck:[^>]*-->\n", "", text))
    result, payload = json_run(name, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert verdicts(payload) == [(name, "FC05", "pass")]
    assert "unused" not in result.stderr
    without = run("report", "unsuppressed/" + name, cwd=tmp_path)
    assert without.returncode == 1


@pytest.mark.parametrize("name", sorted(SUPPRESSED))
def test_an_unused_suppression_is_reported(tmp_path: Path, name: str) -> None:
    text = SUPPRESSED[name].replace("ignore[FC01]", "ignore[FC05]")  # the sum agrees: nothing to suppress
    write(tmp_path, name, text)
    result = run("report", name, cwd=tmp_path)
    assert result.returncode == 1  # and the share is reported again
    assert f"factcheck: note: {name}:3: unused suppression (FC05)" in result.stderr.splitlines()
    # a suppression for a rule that is switched off is not unused: it has nothing to do in this run
    write(tmp_path, "accepted/" + name, SUPPRESSED[name])
    accepted = run("report", "accepted/" + name, "--ignore", "FC01", cwd=tmp_path)
    assert accepted.returncode == 0 and accepted.stderr == ""


def test_a_malformed_suppression_is_a_one_line_error(tmp_path: Path) -> None:
    write(tmp_path, "release.md", f"<!-- factcheck: ignore FC01 -->\n{SHARE_SLIP}\n")
    result = run("report", "release.md", cwd=tmp_path)
    assert result.returncode == 2
    assert_one_line_error(result, "release.md:1")


def test_a_baseline_accepts_the_findings_of_plain_text_until_they_are_fixed(tmp_path: Path) -> None:
    release = write(tmp_path, "press/release.txt", f"{SHARE_SLIP}\n\n{PROJECTS_SLIP}\n")
    written = run("baseline", "press/release.txt", "-o", "base.json", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert written.stdout.strip() == "wrote 2 accepted findings to base.json"
    baseline = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert baseline["version"] == 1
    assert sorted((e["file"], e["rule"]) for e in baseline["accepted"]) == [
        ("press/release.txt", "FC01"), ("press/release.txt", "FC05")]
    accepted = run("report", "press/release.txt", "--baseline", "base.json", cwd=tmp_path)
    assert accepted.returncode == 0, accepted.stdout
    assert accepted.stderr == ""
    # the editor fixes the share: its entry is no longer used, and says so
    release.write_text(f"{SHARE}\n\n{PROJECTS_SLIP}\n", encoding="utf-8")
    fixed = run("report", "press/release.txt", "--baseline", "base.json", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout
    notes = fixed.stderr.splitlines()
    assert len(notes) == 1
    assert notes[0].startswith("factcheck: note: base.json: unused baseline entry for press/release.txt (FC01): "
                               "Machine builders shipped 200 of the 390 billion tenge, or 71% of the total.")
    # a new slip is not in the baseline
    release.write_text(f"{SHARE.replace('51%', '81%')}\n\n{PROJECTS_SLIP}\n", encoding="utf-8")
    assert run("report", "press/release.txt", "--baseline", "base.json", cwd=tmp_path).returncode == 1


def test_a_baseline_is_found_through_the_settings_file(tmp_path: Path) -> None:
    write(tmp_path, "release.txt", SLIPPED)
    assert run("baseline", "release.txt", "-o", "accepted.json", cwd=tmp_path).returncode == 0
    write(tmp_path, "factcheck.toml", 'baseline = "accepted.json"\n')
    assert run("report", "release.txt", cwd=tmp_path).returncode == 0


def test_unused_baseline_entries_are_only_those_the_run_could_use(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", SLIPPED)
    write(tmp_path, "b.txt", f"{PROJECTS_SLIP}\n")
    assert run("baseline", ".", "-o", "base.json", cwd=tmp_path).returncode == 0
    # b.txt is not checked, FC01 is not run: neither entry is stale
    only_a = run("report", "a.txt", "--baseline", "base.json", cwd=tmp_path)
    assert only_a.returncode == 0 and only_a.stderr == ""
    ignored = run("report", "a.txt", "b.txt", "--baseline", "base.json", "--ignore", "FC01", cwd=tmp_path)
    assert ignored.returncode == 0 and ignored.stderr == ""
    # a diff mode leaves the accepted share out (its line did not change): its entry is not stale
    write(tmp_path, "before/a.txt", SLIPPED)
    write(tmp_path, "a.txt", f"{SHARE_SLIP}\n\n{PROJECTS} Work continues.\n")
    diffed = run("report", "a.txt", "--previous", "before/a.txt", "--baseline", "base.json", cwd=tmp_path)
    assert diffed.returncode == 0 and diffed.stderr == ""
    assert diffed.stdout.splitlines()[-1] == "1 passed, 0 discrepancies, 0 ambiguous in 1 file"


# Diff modes ---------------------------------------------------------------------------------


def test_previous_reports_only_findings_on_changed_lines_and_stale_figures(tmp_path: Path) -> None:
    write(tmp_path, "old.txt", f"{SHARE}\n\n{PROJECTS_SLIP}\n")
    write(tmp_path, "new.txt", f"{SHARE.replace('shipped 200', 'shipped 230')}\n\n{PROJECTS_SLIP}\n")
    result, payload = json_run("--previous", "old.txt", "new.txt", cwd=tmp_path)
    assert result.returncode == 1
    # the sum on line 3 is wrong too, but it was wrong before and the edit did not touch it
    assert verdicts(payload) == [("new.txt", "FC01", "discrepancy")]
    assert "factcheck: note: new.txt: 200 -> 230 changed, but 51% was not updated (FC01 share-of-total)" \
        in result.stderr.splitlines()
    # an edit elsewhere in the file leaves the old slip out of the report
    write(tmp_path, "edited.txt", f"{SHARE}\n\n{PROJECTS_SLIP} Work continues.\n")
    quiet_edit = run("report", "--previous", "old.txt", "edited.txt", "--format", "concise", cwd=tmp_path)
    assert quiet_edit.stdout.splitlines()[0].startswith("edited.txt:3:4: FC05 discrepancy")
    unchanged = run("report", "--previous", "old.txt", "old.txt", cwd=tmp_path)
    assert unchanged.returncode == 0
    assert unchanged.stdout.splitlines() == ["0 passed, 0 discrepancies, 0 ambiguous in 1 file"]


@pytest.mark.parametrize("kind", ["html", "docx", "md"])
def test_previous_counts_the_files_lines_or_paragraphs(tmp_path: Path, kind: str) -> None:
    def version(part: str) -> list[str]:
        return ["Exports", "Exports reached 390 billion tenge.", PROJECTS,
                f"Machine builders shipped {part} of the 390 billion tenge, or 51% of the total."]

    for name, part in (("old", "200"), ("new", "230")):
        paragraphs = version(part)
        if kind == "docx":
            make_docx(tmp_path / f"{name}.docx", paragraphs)
        elif kind == "html":  # a tag is a paragraph break in the prose, not in the file
            write(tmp_path, f"{name}.html", "<html><body>\n<h1>" + paragraphs[0] + "</h1>\n"
                  + "".join(f"<p>{p}</p>\n" for p in paragraphs[1:]) + "</body></html>\n")
        else:
            write(tmp_path, f"{name}.md", f"# {paragraphs[0]}\n\n<div>\n<p>{paragraphs[1]}</p>\n</div>\n\n"
                  + "\n\n".join(paragraphs[2:]) + "\n")
    result, payload = json_run("--previous", f"old.{kind}", f"new.{kind}", cwd=tmp_path)
    assert verdicts(payload) == [(f"new.{kind}", "FC01", "discrepancy")]
    assert result.returncode == 1
    assert "200 -> 230 changed, but 51% was not updated" in result.stderr


def test_previous_with_more_than_one_file_or_a_bad_previous_is_exit_2(releases: tuple[Path, Path]) -> None:
    clean, slipped = releases
    both = run("report", "--previous", clean.name, clean.name, slipped.name, cwd=clean.parent)
    assert both.returncode == 2
    assert_one_line_error(both, "--previous")
    (clean.parent / "old.txt").write_bytes(b"\x00\x01binary")
    broken = run("report", "--previous", "old.txt", clean.name, cwd=clean.parent)
    assert broken.returncode == 2
    assert_one_line_error(broken, "old.txt", "binary")  # names the previous version, not clean.txt


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=folder, check=True, capture_output=True, timeout=TIMEOUT)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_base_compares_with_a_git_revision(tmp_path: Path) -> None:
    repository = tmp_path / "repository"
    repository.mkdir()
    git(repository, "init", "-q")
    git(repository, "config", "user.email", "editor@example.org")
    git(repository, "config", "user.name", "Editor")
    git(repository, "config", "commit.gpgsign", "false")
    write(repository, "press/release.txt", f"{SHARE}\n\n{PROJECTS_SLIP}\n")
    write(repository, "press/other.txt", SLIPPED)
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "releases")
    write(repository, "press/release.txt", f"{SHARE.replace('shipped 200', 'shipped 230')}\n\n{PROJECTS_SLIP}\n")
    write(repository, "press/new.txt", f"{PROJECTS_SLIP}\n")  # not in HEAD: every line is new
    result, payload = json_run("--diff-base", "HEAD", "press", cwd=repository)
    assert result.returncode == 1
    assert verdicts(payload) == [("press/new.txt", "FC05", "discrepancy"), ("press/release.txt", "FC01", "discrepancy")]
    assert "factcheck: note: press/release.txt: 200 -> 230 changed, but 51% was not updated" in result.stderr
    # from outside the repository, with an absolute path
    outside = run("report", "--diff-base", "HEAD", str(repository / "press/release.txt"), "--format", "concise",
                  cwd=tmp_path)
    assert outside.returncode == 1 and "FC01 discrepancy" in outside.stdout
    unknown = run("report", "--diff-base", "no-such-revision", "press/release.txt", cwd=repository)
    assert unknown.returncode == 2
    assert_one_line_error(unknown, "no-such-revision")
    elsewhere = write(tmp_path, "loose/release.txt", CLEAN)  # tmp_path is no repository
    not_a_repository = run("report", "--diff-base", "HEAD", str(elsewhere), cwd=tmp_path)
    assert not_a_repository.returncode == 2
    assert_one_line_error(not_a_repository, "git repository")


# Many files ---------------------------------------------------------------------------------


def test_jobs_give_the_same_report_as_one_process(tmp_path: Path) -> None:
    texts = [CLEAN, SLIPPED, f"{AMBIGUOUS_FACTOR}\n", f"{PROJECTS_SLIP}\n", f"# Note\n\n{SHARE_SLIP}\n"]
    for index in range(30):
        suffix = ".md" if index % 5 == 4 else ".txt"
        write(tmp_path, f"press/{index // 10}/release-{index:02}{suffix}", texts[index % 5])
    one = run("report", "press", "--format", "json", "--jobs", "1", cwd=tmp_path)
    two = run("report", "press", "--format", "json", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stderr == two.stderr == ""
    assert two.stdout == one.stdout
    payload = json.loads(one.stdout)
    assert len(payload["files"]) == 30
    assert payload["summary"] == {"pass": 18, "discrepancy": 18, "ambiguous": 6}


# Rule documentation -------------------------------------------------------------------------


def test_rules_lists_every_rule(tmp_path: Path) -> None:
    result = run("rules", cwd=tmp_path)
    assert result.returncode == 0
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert codes == [f"FC0{number}" for number in range(1, 10)]
    assert "share-of-total" in result.stdout.splitlines()[0]


def test_rule_prints_one_rules_documentation_by_code_or_name(tmp_path: Path) -> None:
    by_code = run("rule", "FC01", cwd=tmp_path)
    by_name = run("rule", "share-of-total", cwd=tmp_path)
    assert by_code.returncode == by_name.returncode == 0
    assert by_code.stdout == by_name.stdout
    assert by_code.stdout.startswith("FC01 share-of-total (share)\n")
    assert "Relation: stated = 100 * part / whole" in by_code.stdout
    for heading in ("What it checks", "Why it matters", "Consistent example", "Discrepancy example", "Tolerance"):
        assert heading in by_code.stdout
    unknown = run("rule", "FC99", cwd=tmp_path)
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert_one_line_error(unknown, "FC99")


# Hostile input ------------------------------------------------------------------------------


HOSTILE = (
    "<script>alert('pwned')</script> Exports reached 390 billion tenge. Machine builders <script>x</script> "
    "\x1b[2J\x1b]0;title\x07shipped 200 of the 390 billion tenge, or 71% of the total.\n"
    "\n"
    "Of 79 projects signed,\n"
    "::error::injected annotation\n"
    "%0A::warning::encoded injection\r\n"
    "68 have been completed and 15 are under way.\n"
)


@pytest.mark.parametrize("output", ["text", "concise", "markdown"])
def test_hostile_text_reaches_a_terminal_escaped(tmp_path: Path, output: str) -> None:
    (tmp_path / "hostile.txt").write_bytes(HOSTILE.encode("utf-8"))
    result = run("report", "hostile.txt", "--format", output, cwd=tmp_path)
    assert result.returncode == 1
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.stdout)  # no ESC, BEL, CR...
    if output == "text":
        assert "Machine builders <script>x</script> \\x1b[2J\\x1b]0;title\\x07shipped [200]" in result.stdout
    elif output == "markdown":
        assert "&lt;script&gt;x&lt;/script&gt;" in result.stdout and "<script>" not in result.stdout


def test_hostile_text_cannot_inject_a_github_workflow_command(tmp_path: Path) -> None:
    (tmp_path / "hostile.txt").write_bytes(HOSTILE.encode("utf-8"))
    result = run("report", "hostile.txt", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.split("\n")
    assert lines[-1] == ""
    annotations, summary = lines[:-2], lines[-2]
    assert len(annotations) == 2 and SUMMARY.match(summary)
    for line in annotations:
        assert re.match(r"::error file=hostile\.txt,line=\d+,", line), line
        assert "\r" not in line and "\x1b" not in line
    # the would-be commands are there, inside a message, and a literal "%0A" stays literal
    assert "| Of [79] projects signed, ::error::injected annotation %250A::warning::encoded injection [68]" \
        in annotations[1]
    assert not any(line.startswith(("::error::", "::warning::")) for line in lines)


def test_hostile_text_stays_text_in_the_html_page(tmp_path: Path) -> None:
    (tmp_path / "hostile.txt").write_bytes(HOSTILE.encode("utf-8"))
    page = run("report", "hostile.txt", "--format", "html", cwd=tmp_path).stdout
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;script&gt;x&lt;/script&gt;" in page
