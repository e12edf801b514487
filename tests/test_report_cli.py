"""`python -m factcheck report`: the JSON contract, the text format and exit statuses,
run as a user runs it, in a subprocess, on files written by the test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CONSISTENT = (
    "Exports reached 390 billion tenge. Machine builders shipped 200 of the 390 billion tenge, "
    "or 51% of the total.\n\n"
    "Of 79 projects signed, 68 have been completed and 11 are under way.\n"
)
SLIPPED = CONSISTENT.replace("51%", "71%")


def run(*arguments: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *arguments], input=stdin, capture_output=True, text=True,
        timeout=120, cwd=cwd,
    )


@pytest.fixture()
def releases(tmp_path: Path) -> tuple[Path, Path]:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(CONSISTENT, encoding="utf-8")
    bad.write_text(SLIPPED, encoding="utf-8")
    return good, bad


def test_json_contract(releases: tuple[Path, Path]) -> None:
    good, bad = releases
    result = run("report", str(good), str(bad), "--format", "json")
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout)
    assert payload["version"] == 1
    assert [f["path"] for f in payload["files"]] == [str(good), str(bad)]
    text = SLIPPED
    verdicts = {finding["kind"]: finding["verdict"] for finding in payload["files"][1]["findings"]}
    assert verdicts == {"share": "discrepancy", "sum": "pass"}
    for finding in payload["files"][1]["findings"]:
        assert finding["rule"].startswith("FC") and finding["message"]
        assert finding["verdict"] in ("pass", "discrepancy", "ambiguous")
        for number in finding["numbers"]:
            assert set(number) >= {"role", "text", "start", "end", "line", "column"}
            assert text[number["start"]:number["end"]] == number["text"]
            line_text = text.splitlines()[number["line"] - 1]
            assert line_text[number["column"] - 1:].startswith(number["text"])
    share = next(f for f in payload["files"][1]["findings"] if f["kind"] == "share")
    assert {n["role"] for n in share["numbers"]} == {"part", "whole", "stated"}
    assert "51" in share["message"]  # the value the stated figure should have


def test_exit_zero_when_everything_agrees(releases: tuple[Path, Path]) -> None:
    good, _ = releases
    result = run("report", str(good))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed, 0 discrepancies, 0 ambiguous in 1 file" in result.stdout


def test_text_lists_passes_and_discrepancies_with_locations(releases: tuple[Path, Path]) -> None:
    _, bad = releases
    result = run("report", str(bad))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{bad}:3:4: FC05 ok") for line in lines), lines
    discrepancy = next(line for line in lines if "DISCREPANCY" in line)
    assert discrepancy.startswith(f"{bad}:1:")
    assert "[71%]" in result.stdout  # the sentence with its figures marked
    quiet = run("report", str(bad), "--quiet")
    assert " ok " not in quiet.stdout and "DISCREPANCY" in quiet.stdout


def test_standard_input() -> None:
    result = run("report", "-", "--format", "json", stdin=SLIPPED)
    assert result.returncode == 1
    assert json.loads(result.stdout)["files"][0]["path"] == "<stdin>"


def test_unreadable_file_is_a_one_line_error_and_others_are_still_checked(
        releases: tuple[Path, Path], tmp_path: Path) -> None:
    good, _ = releases
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    result = run("report", str(binary), str(good))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "binary" in result.stderr
    assert "2 passed" in result.stdout


def test_terminal_output_escapes_control_characters(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("Sales \x1b[31mrose\x1b[0m to 12 billion tenge, or 40% of the 30 billion tenge market.\n",
                       encoding="utf-8")
    result = run("report", str(hostile))
    assert "\x1b" not in result.stdout
    assert "\\x1b" in result.stdout
