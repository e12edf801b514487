"""The command line on hostile input: ``python -m factcheck extract FILE``.

Contract (factcheck/_cli.py): exit 0 and a closing "N quantities, M time anchors" line on
success; exit 2 and exactly one line on standard error for an input it cannot read; never
a traceback; never a raw control character on the terminal.

The ``timeout=`` of each run only guards against a hang; no test asserts on speed.
"""

from __future__ import annotations

import codecs
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

HANG_GUARD = 300  # seconds; a run that takes this long is stuck, not slow
SUMMARY = re.compile(r"^(\d+) quantities, (\d+) time anchors$")
# What no output line may carry raw: C0/C1 controls (newline aside), DEL, bidi overrides.
RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

RELEASE = (
    "ASTANA. In 2023 the ministry spent more than 2.1 trillion tenge on 79 projects, or 53% of the plan.\n"
    "Exports rose 2.4-fold to $6bln, and grain output reached 45 thousand tons.\n"
)


def run(*arguments: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *arguments],
        input=stdin, capture_output=True, timeout=HANG_GUARD, check=False,
    )


def out(result: subprocess.CompletedProcess) -> str:  # type: ignore[type-arg]
    return result.stdout.decode("utf-8")


def err(result: subprocess.CompletedProcess) -> str:  # type: ignore[type-arg]
    return result.stderr.decode("utf-8", errors="replace")


def assert_ok(result: subprocess.CompletedProcess) -> tuple[int, int]:  # type: ignore[type-arg]
    """Exit 0, no traceback, and the summary line; returns (quantities, anchors)."""
    assert "Traceback" not in err(result), err(result)[-2000:]
    assert result.returncode == 0, err(result)[-2000:]
    lines = out(result).splitlines()
    assert lines, "no output"
    summary = SUMMARY.match(lines[-1])
    assert summary, lines[-1]
    assert len(lines) == int(summary.group(1)) + 1  # one line per quantity, then the summary
    return int(summary.group(1)), int(summary.group(2))


def assert_input_error(result: subprocess.CompletedProcess, *words: str) -> str:  # type: ignore[type-arg]
    """Exit 2, nothing on stdout, one "factcheck: error: ..." line on stderr."""
    message = err(result)
    assert "Traceback" not in message, message[-2000:]
    assert result.returncode == 2, (result.returncode, message)
    assert out(result) == ""
    lines = message.splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: "), message
    assert not RAW_CONTROL.search(lines[0])
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def write(tmp_path: Path, data: bytes | str, name: str = "release.txt") -> str:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return str(path)


# -- readable input ------------------------------------------------------------------------------

def test_a_release(tmp_path: Path) -> None:
    quantities, anchors = assert_ok(run("extract", write(tmp_path, RELEASE)))
    assert (quantities, anchors) == (6, 1)
    assert "2.1 trillion tenge" in out(run("extract", write(tmp_path, RELEASE)))


def test_empty_file(tmp_path: Path) -> None:
    result = run("extract", write(tmp_path, b""))
    assert assert_ok(result) == (0, 0)
    assert out(result).strip() == "0 quantities, 0 time anchors"


def test_utf8_with_bom(tmp_path: Path) -> None:
    plain = assert_ok(run("extract", write(tmp_path, RELEASE.encode("utf-8"), "plain.txt")))
    result = run("extract", write(tmp_path, codecs.BOM_UTF8 + RELEASE.encode("utf-8")))
    assert assert_ok(result) == plain
    assert "\ufeff" not in out(result)
    # the BOM is not part of the text: columns are the same as without it
    assert out(result) == out(run("extract", str(tmp_path / "plain.txt")))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[encoding]
    data = bom + RELEASE.encode(encoding)  # Python's "utf-16" writes its own BOM
    result = run("extract", write(tmp_path, data))
    assert assert_ok(result) == (6, 1)
    assert out(result) == out(run("extract", write(tmp_path, RELEASE, "plain.txt")))


def test_stdin(tmp_path: Path) -> None:
    result = run("extract", "-", stdin=RELEASE.encode("utf-8"))
    assert assert_ok(result) == (6, 1)
    assert out(result) == out(run("extract", write(tmp_path, RELEASE)))


def test_empty_stdin() -> None:
    assert assert_ok(run("extract", "-", stdin=b"")) == (0, 0)


def test_json_output_is_valid_and_spans_match(tmp_path: Path) -> None:
    text = RELEASE + "Tabs\tand \x1b[31mescapes\x1b[0m: 12\ttons.\n"
    result = run("extract", "--format", "json", write(tmp_path, text))
    assert result.returncode == 0, err(result)
    payload = json.loads(out(result))
    assert payload["version"] == 1
    for item in payload["quantities"] + payload["time_anchors"]:
        assert text[item["start"]:item["end"]] == item["text"]
    assert any(item["text"] == "12\ttons" for item in payload["quantities"])


# -- text that must be escaped ------------------------------------------------------------------

def test_control_characters_are_escaped(tmp_path: Path) -> None:
    text = (
        "Sales rose \x1b[31m12\x1b[0m% while \x1b]0;title\x07 output hit 45\ttons.\n"
        "Costs \u202efell\u202c more\tthan 3 million dollars\x9b and 7\x0btons\x08 were lost.\r\n"
    )
    result = run("extract", write(tmp_path, text))
    quantities, _ = assert_ok(result)
    assert quantities >= 2
    stdout = out(result)
    assert "\x1b" not in stdout
    assert not RAW_CONTROL.search(stdout), repr(stdout)
    assert "45\\ttons" in stdout  # a tab inside a quantity's span is shown as an escape
    assert "more\\tthan" in stdout  # and inside a hedge


def test_control_characters_in_a_file_name_are_escaped(tmp_path: Path) -> None:
    line = assert_input_error(run("extract", str(tmp_path / "missing\x1b[2J.txt")), "no such file")
    assert "\x1b" not in line


# -- unreadable input: exit 2, one line --------------------------------------------------------

def test_binary_file(tmp_path: Path) -> None:
    data = bytes(range(256)) * 16
    assert_input_error(run("extract", write(tmp_path, data, "image.png")), "binary")


def test_text_with_a_nul_byte(tmp_path: Path) -> None:
    assert_input_error(run("extract", write(tmp_path, b"12 tons\x00 of grain")), "binary")


def test_invalid_utf8(tmp_path: Path) -> None:
    data = "Spending: 2 trillion tenge ".encode("utf-8") + b"\xff\xfe\xc3(" + b" and 5%"
    assert_input_error(run("extract", write(tmp_path, data)), "UTF-8")


def test_latin1_text_is_refused_not_misread(tmp_path: Path) -> None:
    assert_input_error(run("extract", write(tmp_path, "Caf\u00e9 sales: \u20ac12 million".encode("cp1252"))))


def test_invalid_utf8_on_stdin() -> None:
    assert_input_error(run("extract", "-", stdin=b"12 tons \xff"), "<stdin>")


def test_a_directory(tmp_path: Path) -> None:
    assert_input_error(run("extract", str(tmp_path)), "directory")


def test_a_missing_file(tmp_path: Path) -> None:
    assert_input_error(run("extract", str(tmp_path / "nowhere.txt")), "no such file")


def test_missing_argument() -> None:
    assert_input_error(run("extract"), "usage")


def test_unknown_command() -> None:
    assert_input_error(run("frobnicate", "x.txt"), "usage")


# -- large and pathological input ---------------------------------------------------------------

LARGE_MB = 8  # 50 MB took over three minutes on this machine (see the report), so the brief's fallback


def test_a_large_file_finishes(tmp_path: Path) -> None:
    paragraph = (
        "The regional administration said on Tuesday that work on the ring road went on through the winter, "
        "with crews laying asphalt on the northern section and finishing two overpasses. Officials said more "
        "than 2.1 trillion tenge has been committed to 79 projects, or 53% of the plan, and that grain output "
        "reached 45 thousand tons.\n\n"
    )
    count = LARGE_MB * 1024 * 1024 // len(paragraph)
    path = tmp_path / "large.txt"
    path.write_text(paragraph * count, encoding="utf-8")
    quantities, _ = assert_ok(run("extract", str(path)))
    assert quantities == 5 * count  # 2.1 trillion tenge, 79, 53%, 45 thousand tons, two


PATHOLOGICAL = {
    "digits": "7" * 200_000,
    "commas": "," * 200_000,
    "one-comma-pairs": "1," * 200_000,
    "spaces": " " * 200_000,
    "dots": "." * 200_000,
    "one-space-pairs": "1 " * 100_000,
    "open-parentheses": "(" * 100_000,
    "dashes": "-" * 200_000,
    "grouped-thousands": "1 000 " * 40_000,
    "newlines": "\n" * 200_000,
    "long-word": "bln" * 70_000,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_text_finishes(tmp_path: Path, name: str) -> None:
    assert_ok(run("extract", write(tmp_path, PATHOLOGICAL[name])))
