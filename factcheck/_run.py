"""The report pipeline for many files: load, check, filter, and gather what to print.

Each file is independent, so ``--jobs N`` spreads them over processes; the baseline,
which counts the entries it used across files, is applied afterwards in this process.
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

import attrs

from ._config import Settings
from ._document import Document
from ._findings import Finding
from ._render import CheckedFile
from ._source import InputError, read_bytes
from ._sources import Source, Suppression

__all__ = ["FileResult", "Options", "check_files"]


@attrs.frozen
class Options:
    settings: Settings
    stdin_filename: str | None = None
    diff_base: str | None = None  # a git revision
    previous: str | None = None  # a file holding the previous version (of a single checked file)


@attrs.frozen
class FileResult:
    checked: CheckedFile | None
    error: str | None = None
    suppressed: int = 0
    unused_suppressions: tuple[Suppression, ...] = ()
    stale: tuple[str, ...] = ()  # figures that changed while a relation using them did not
    previous_unknown: bool = False  # no previous version: every line counts as changed
    path: str = ""  # the file as named (standard input: --stdin-filename or "<stdin>")
    unchanged: tuple[Finding, ...] = ()  # diff modes: findings left out as not on a changed line


def check_files(paths: list[str], options: Options, jobs: int = 1, stdin: bytes | None = None,
                progress: bool = False) -> Iterator[FileResult]:
    """Check each path; results come back in the order of ``paths``."""
    tasks = [(path, options, stdin if path == "-" else None) for path in paths]
    if jobs > 1 and len(tasks) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results: Iterable[FileResult] = pool.map(_check_task, tasks, chunksize=max(1, len(tasks) // (jobs * 8)))
            yield from _with_progress(results, len(tasks), progress)
    else:
        yield from _with_progress(map(_check_task, tasks), len(tasks), progress)


def _with_progress(results: Iterable[FileResult], total: int, shown: bool) -> Iterator[FileResult]:
    for done, result in enumerate(results, 1):
        if shown:
            sys.stderr.write(f"\rchecked {done}/{total} files")
            sys.stderr.flush()
        yield result
    if shown:
        sys.stderr.write("\r" + " " * 40 + "\r")


def _check_task(task: tuple[str, Options, bytes | None]) -> FileResult:
    path, options, stdin = task
    name = (options.stdin_filename or "<stdin>") if path == "-" else path
    try:
        return _check_one(path, options, stdin)
    except InputError as error:
        return FileResult(None, str(error), path=name)


def _check_one(path: str, options: Options, stdin: bytes | None) -> FileResult:
    from ._baseline import apply_suppressions
    from ._check import check
    from ._sources import load_source

    name = (options.stdin_filename or "<stdin>") if path == "-" else path
    data = stdin if path == "-" else read_bytes(path)
    assert data is not None
    source = load_source(name, data, _format_hint(options, path))
    document = Document(source.text)
    # Suppressions first, then the rule selection: a comment for a rule that is switched
    # off is not "unused", it just has nothing to do in this run.
    report, suppressed, unused = apply_suppressions(check(document), source)
    report = options.settings.filter(report)
    stale: tuple[str, ...] = ()
    unchanged: tuple[Finding, ...] = ()
    diffing, previous = _previous_version(path, options)
    if previous is not None:
        from ._diff import focus, stale_relations

        label = options.previous if options.previous is not None else f"{name} at {options.diff_base}"
        previous_source = load_source(label, previous, source.format)  # named as itself, read as this file
        previous_report = options.settings.filter(check(Document(previous_source.text)))
        changed = _changed(previous_source, previous, source, data)
        stale = tuple(s.message() for s in stale_relations(previous_report, report))
        focused = focus(report, source.position, changed)
        kept = {id(finding) for finding in focused.findings}
        unchanged = tuple(finding for finding in report.findings if id(finding) not in kept)
        report = focused
    new_file = diffing and previous is None  # a new file: every line is a changed line
    return FileResult(CheckedFile(source, document, report), None, suppressed, tuple(unused), stale, new_file, name,
                      unchanged)


def _changed(previous_source: Source, previous: bytes, source: Source, data: bytes) -> set[int]:
    """The lines (a .docx: the paragraphs) of the file that changed, numbered as
    ``Source.position`` numbers them.  Lines are those of the file, not of the prose:
    HTML and Markdown prose holds paragraph breaks where the file has a tag."""
    from ._diff import changed_items, changed_lines
    from ._source import decode

    if source.format == "docx":
        return changed_items(_paragraphs(previous_source), _paragraphs(source))
    return changed_lines(decode(previous, previous_source.path), decode(data, source.path))


def _paragraphs(source: Source) -> list[str]:
    starts = list(source.paragraph_starts) or [0]
    ends = [start - 2 for start in starts[1:]] + [len(source.text)]  # paragraphs are joined by "\n\n"
    return [source.text[start:end] for start, end in zip(starts, ends)]


def _previous_version(path: str, options: Options) -> tuple[bool, bytes | None]:
    """Whether the run compares with a previous version, and that version's bytes (None
    when the file did not exist then)."""
    if options.previous is not None:
        return True, read_bytes(options.previous)
    if options.diff_base is None or path == "-":
        return False, None
    from ._diff import previous_bytes_from_git

    return True, previous_bytes_from_git(path, options.diff_base)


def _format_hint(options: Options, path: str) -> str | None:
    if path == "-" and options.stdin_filename:
        from ._sources import format_of

        return format_of(options.stdin_filename)
    return None
