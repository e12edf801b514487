"""Speed figures for factcheck, from one run.

    python benchmarks/bench.py [--corpus DIR] [--quick]

Prints a table; it never asserts and never fails on speed (exit status 0 unless
the arguments are wrong). Sections:

1. extraction throughput (chars/s, warm, median of several runs) over a corpus:
   the .txt files of --corpus, else ../shared/corpus beside the repo, else examples/;
2. extraction throughput on pathological one-line inputs (~200k-1M chars each;
   a slow case is measured at a smaller size rather than blowing the time budget,
   and an exception is reported as such);
3. ``factcheck.check`` throughput on the same corpus, once ``check`` exists;
4. ``import factcheck`` time in a fresh interpreter, and whether it loads sympy/pint;
5. cold start of ``python -m factcheck extract`` against ``python -c pass``;
6. ``python -m factcheck report FOLDER`` over 1,000 release files (100 with
   --quick), without and with ``--jobs 2``, once the subcommand exists.

Sections 1-5 take well under two minutes; section 6 may take longer.
--quick also uses fewer repetitions and a smaller budget for section 2.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import math
import os
import random
import signal
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "examples/regional-briefing.txt"

TARGET_EXTRACT = 1_000_000  # chars/s over real releases
TARGET_CHECK_RATIO = 0.5  # check's throughput over extraction's
TARGET_IMPORT = 0.2  # seconds
TARGET_COLD = 0.5  # seconds over `python -c pass`

try:
    import factcheck
except ImportError:  # not installed: use the checkout itself
    sys.path.insert(0, str(ROOT))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    import factcheck


# ---------------------------------------------------------------- output


def _row(label: str, figure: str = "", target: str = "", note: str = "") -> None:
    """label, figure, target (if any), then a verdict or note; notes line up with targets."""
    line = f"  {label:<30} {figure:>22}"
    if target:
        line += f"   {target:<22} {note}"
    elif note:
        line += f"   {note}"
    print(line.rstrip(), flush=True)


def _section(title: str) -> None:
    print(f"\n{title}", flush=True)


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _rate(chars: float, seconds: float) -> str:
    return f"{chars / seconds:,.0f} chars/s" if seconds > 0 else "inf chars/s"


def _error(error: BaseException, width: int = 70) -> str:
    message = " ".join(f"{type(error).__name__}: {error}".split())
    return message if len(message) <= width else message[: width - 3] + "..."


# ---------------------------------------------------------------- timing helpers


class _Timeout(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _call(function: Callable[[], object], limit: float) -> tuple[float, object]:
    """(seconds, result) of one call; best effort: a call past ``limit`` raises _Timeout."""
    guard = hasattr(signal, "setitimer")
    if guard:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return _timed(function)
    finally:
        if guard:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _timed(function: Callable[[], object]) -> tuple[float, object]:
    """(seconds, result) of one call, after a collection so that no earlier garbage is charged to it."""
    gc.collect()
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def _seconds(function: Callable[[], object]) -> float:
    return _timed(function)[0]


def _median_time(function: Callable[[], object], runs: int) -> float:
    function()  # warm-up: compiled patterns, caches, lazy imports
    return statistics.median(_seconds(function) for _ in range(runs))


def _median_wall(command: Sequence[str], runs: int) -> tuple[float, int]:
    """Median wall time of a command, and its (last) exit status."""
    times, status = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        status = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), status


# ---------------------------------------------------------------- corpus


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig", errors="replace")


def _find_corpus(option: str | None) -> tuple[Path, list[Path]]:
    if option is not None:
        folder = Path(option)
        files = sorted(folder.glob("*.txt"))
        if not files:
            raise SystemExit(f"bench.py: error: {folder}: no .txt files")
        return folder, files
    shared = ROOT.parent / "shared" / "corpus"
    files = sorted(shared.glob("*.txt")) if shared.is_dir() else []
    if files:
        return shared, files
    examples = ROOT / "examples"
    return examples, sorted(examples.glob("*.txt"))


# ---------------------------------------------------------------- 1 + 3: corpus throughput


def _bench_corpus(name: str, function: Callable[[str], object], texts: list[str], runs: int,
                  target: int | None, count_quantities: bool = False) -> float | None:
    """Print a throughput row and return the rate (None on an error)."""
    chars = sum(map(len, texts))
    try:
        results = [function(text) for text in texts]  # also the warm-up
    except Exception as error:  # noqa: BLE001 - a benchmark reports, it does not fail
        _row(name, "error", note=_error(error))
        return None
    seconds = _median_time(lambda: [function(text) for text in texts], runs)
    rate = chars / seconds
    if target is None:
        _row(name, _rate(chars, seconds))
    else:
        _row(name, _rate(chars, seconds), f"target >= {target:,}", _verdict(rate >= target))
    if count_quantities:
        _row("  chars / quantities", f"{chars:,} / {sum(map(len, results)):,}")  # type: ignore[arg-type]
    return rate


def _paired_ratio(extract: Callable[[str], object], check: Callable[[str], object], texts: list[str], pairs: int) -> float:
    """Check's throughput over extraction's, from runs of the two taken in turn: the median
    of each pair's ratio, so that a machine's drift between runs (other work, clock
    changes) moves both halves of a pair alike rather than one throughput."""
    def extracting() -> object:
        return [extract(text) for text in texts]

    def checking() -> object:
        return [check(text) for text in texts]

    return statistics.median(_seconds(extracting) / _seconds(checking) for _ in range(pairs))


# ---------------------------------------------------------------- 2: pathological inputs


def _junk() -> str:
    return ("Revenue rose 12.5% to $1,234.5 million (up from €987m), ~3-4x; 2023-24: 1/2, 3 ¾, 10:30 "
            "-0.5pp; 1e6; 0x1F; 1.2.3.4; 45,67,890.12; (1,234) 5 bn 6 mln; $$$ %%% ,,, ... ((( ))) "
            "twenty-five thousand; 1st 2nd; 99°C 12 km² 3/4 of 7; US$ 5; 5 billion tenge; 'quoted 42' ")


def _printable(size: int) -> str:
    alphabet = string.ascii_letters + string.digits * 3 + string.punctuation + " " * 8
    rng = random.Random(20240601)
    return "".join(rng.choices(alphabet, k=size))


PATHOLOGICAL: list[tuple[str, Callable[[int], str]]] = [
    ("digits", lambda n: ("1234567890" * (n // 10 + 1))[:n]),
    ("commas", lambda n: "," * n),
    ("spaces", lambda n: " " * n),
    ("dots", lambda n: "." * n),
    ('"1," repeated', lambda n: "1," * (n // 2)),
    ('"1 " repeated', lambda n: "1 " * (n // 2)),
    ('"(" repeated', lambda n: "(" * n),
    ("mixed junk line", lambda n: (_junk() * (n // len(_junk()) + 1))[:n]),
    ("random printable", _printable),
]

PROBE = 20_000
SIZES = (200_000, 400_000, 1_000_000)


def _bench_pathological(name: str, make: Callable[[int], str], budget: float, runs: int) -> None:
    """Throughput at the largest size in SIZES that fits the budget (a smaller one for slow cases)."""
    limit = max(4 * budget, 10.0)  # give up on a single call past this
    probes: dict[int, float] = {}
    at = PROBE  # the size being run, for error messages
    try:
        for size in (PROBE, 2 * PROBE):
            at, sample = size, make(size)
            probes[size], _ = _call(lambda: factcheck.extract(sample), limit)
        small, large = probes[PROBE], probes[2 * PROBE]
        exponent = min(max(math.log(max(large, 1e-9) / max(small, 1e-9), 2), 1.0), 2.5)

        def predicted(n: int) -> float:
            return large * (n / (2 * PROBE)) ** exponent

        fitting = [n for n in SIZES if predicted(n) * 3 <= budget]  # room for ~3 runs
        if fitting:
            size = fitting[-1]
        elif predicted(SIZES[0]) <= 2.5 * budget:
            size = SIZES[0]  # a single run at the smallest real size
        else:  # too slow even for that: the largest size one run fits in, in steps of 20k
            size = max(2 * PROBE, int((budget / large) ** (1 / exponent) * 2 * PROBE) // PROBE * PROBE)
        at, text = size, make(size)
        first, result = _call(lambda: factcheck.extract(text), limit)
        times = [first]
        more = min(runs - 1, int((budget - first) / max(first, 1e-9)))
        for _ in range(max(more, 0)):
            times.append(_call(lambda: factcheck.extract(text), limit)[0])
    except _Timeout:
        _row(name, "timed out", note=f"one call > {limit:.0f} s (at {at // 1000}k chars)")
        return
    except Exception as error:  # noqa: BLE001
        _row(name, "error", note=_error(error, 56) + f" (at {at // 1000}k chars)")
        return
    seconds = statistics.median(times)
    grow = math.log(seconds / large, size / (2 * PROBE)) if size > 2 * PROBE and large > 0 else exponent
    note = f"{size // 1000:,}k chars, {len(times)} run{'s' * (len(times) > 1)}, ~n^{grow:.1f}"
    if len(result) > 0:  # type: ignore[arg-type]
        note += f", {len(result):,} quantit{'ies' if len(result) > 1 else 'y'}"  # type: ignore[arg-type]
    _row(name, _rate(size, seconds), note=note)


# ---------------------------------------------------------------- 4: import time


IMPORT_PROBE = (
    "import sys, time\n"
    "start = time.perf_counter()\n"
    "import factcheck\n"
    "took = time.perf_counter() - start\n"
    "print(took, int('sympy' in sys.modules), int('pint' in sys.modules))\n"
)


def _bench_import(runs: int) -> None:
    times, sympy, pint = [], False, False
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", IMPORT_PROBE], cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            _row("import factcheck", "error", note=(done.stderr.strip().splitlines() or ["?"])[-1][:70])
            return
        took, has_sympy, has_pint = done.stdout.split()
        times.append(float(took))
        sympy, pint = sympy or has_sympy == "1", pint or has_pint == "1"
    seconds = statistics.median(times)
    _row("import factcheck", f"{seconds:.3f} s", f"target <= {TARGET_IMPORT} s", _verdict(seconds <= TARGET_IMPORT))
    loaded = [name for name, flag in (("sympy", sympy), ("pint", pint)) if flag]
    _row("  loads sympy / pint", ", ".join(loaded) if loaded else "neither", "target: neither", _verdict(not loaded))


# ---------------------------------------------------------------- 5: cold start


def _bench_cold(runs: int) -> None:
    extract = [sys.executable, "-m", "factcheck", "extract", EXAMPLE]
    bare = [sys.executable, "-c", "pass"]
    _median_wall(extract, 1), _median_wall(bare, 1)  # warm the file cache
    times_extract, times_bare, status = [], [], 0
    for _ in range(runs):  # interleaved, so drift hits both alike
        seconds, status = _median_wall(extract, 1)
        times_extract.append(seconds)
        times_bare.append(_median_wall(bare, 1)[0])
    seconds_extract, seconds_bare = statistics.median(times_extract), statistics.median(times_bare)
    over = seconds_extract - seconds_bare
    _row("python -c pass", f"{seconds_bare:.3f} s")
    _row("python -m factcheck extract", f"{seconds_extract:.3f} s",
         note="" if status == 0 else f"(exit status {status})")
    _row("  difference", f"{over:.3f} s", f"target <= {TARGET_COLD} s", _verdict(over <= TARGET_COLD))


# ---------------------------------------------------------------- 6: report over many files


def _report_available() -> bool:
    done = subprocess.run([sys.executable, "-m", "factcheck", "report", "--help"], cwd=ROOT,
                          capture_output=True, text=True)
    return done.returncode == 0


def _bench_report(texts: list[str], count: int) -> None:
    if not _report_available():
        _row("report: not available yet")
        return
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as folder:
        chars = 0
        for index in range(count):
            text = texts[index % len(texts)]
            Path(folder, f"release-{index:04d}.txt").write_text(text, encoding="utf-8")
            chars += len(text)
        _row("  files / chars", f"{count:,} / {chars:,}")
        for label, extra in (("report", []), ("report --jobs 2", ["--jobs", "2"])):
            command = [sys.executable, "-m", "factcheck", "report", folder, *extra]
            start = time.perf_counter()
            try:
                done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      text=True, timeout=1800)
            except subprocess.TimeoutExpired:
                _row(label, "timed out", note="> 1800 s")
                continue
            seconds = time.perf_counter() - start
            if done.returncode == 2 and "usage" in done.stderr:
                _row(f"{label}: not available yet")
                continue
            if done.returncode not in (0, 1):  # 1 = findings, a normal outcome
                last = (done.stderr.strip().splitlines() or ["?"])[-1]
                _row(label, "error", note=f"exit {done.returncode}: {last[:60]}")
                continue
            _row(label, f"{count / seconds:,.1f} files/s", note=f"{_rate(chars, seconds)}, {seconds:.2f} s")


# ---------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", metavar="DIR", help="a folder of .txt releases (default: ../shared/corpus "
                        "beside the repo if present, else examples/)")
    parser.add_argument("--quick", action="store_true", help="100 files for `report`, fewer repetitions")
    arguments = parser.parse_args(argv)
    runs = 3 if arguments.quick else 7
    budget = 2.0 if arguments.quick else 6.0  # seconds per pathological case
    report_files = 100 if arguments.quick else 1000

    folder, files = _find_corpus(arguments.corpus)
    texts = [_decode(path.read_bytes()) for path in files]
    started = time.perf_counter()
    print(f"factcheck {getattr(factcheck, '__version__', '?')}, Python {sys.version.split()[0]} "
          f"({sys.platform}), {len(files)} corpus files from {folder}")

    _section(f"Throughput (warm, median of {runs})")
    extraction = _bench_corpus("extraction (corpus)", factcheck.extract, texts, runs, TARGET_EXTRACT,
                               count_quantities=True)
    check = getattr(factcheck, "check", None)
    if check is None:
        _row("check: not available yet")
    else:
        checking = _bench_corpus("check (corpus)", check, texts, runs, None)
        if extraction and checking:
            ratio = _paired_ratio(factcheck.extract, check, texts, 2 * runs + 1)
            _row("  check / extraction", f"{ratio:.2f}", f"target >= {TARGET_CHECK_RATIO}", _verdict(ratio >= TARGET_CHECK_RATIO))
            _row("    (median of runs in pairs)")

    _section("Extraction on pathological one-line inputs")
    for name, make in PATHOLOGICAL:
        _bench_pathological(name, make, budget, runs)

    _section(f"Start-up (fresh interpreters, median of {runs})")
    _bench_import(runs)
    _bench_cold(runs)
    print(f"\n  (sections 1-5 took {time.perf_counter() - started:.0f} s)", flush=True)

    _section(f"python -m factcheck report FOLDER ({report_files:,} files, one run each)")
    _bench_report(texts, report_files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
