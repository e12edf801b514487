"""The command line: ``python -m factcheck extract|eval ...``.

Exit status: 0 on success, 1 when a report finds a discrepancy, 2 for a usage or
input error (always one line on standard error, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from ._source import InputError

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError(f"usage: {message} (see --help)")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m factcheck", description="Check that the numbers in a press release agree.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    extract = commands.add_parser("extract", help="list every number of a release, read exactly")
    extract.add_argument("file", help="a UTF-8 or UTF-16 text file, or - for standard input")
    extract.add_argument("--format", choices=("text", "json"), default="text")
    extract.set_defaults(run=_run_extract)

    report = commands.add_parser("report", help="check releases and list passes and discrepancies")
    _add_selection(report)
    report.add_argument("--format", choices=FORMATS, default="text",
                        help="text (default), concise, json, github, sarif, markdown or html")
    report.add_argument("--quiet", action="store_true", help="hide passes")
    report.add_argument("--fail-on", choices=("discrepancy", "ambiguous"),
                        help="exit 1 on discrepancies (default), or on ambiguous findings too")
    report.add_argument("--exit-zero", action="store_true", help="report only: exit 0 even when something fails")
    report.add_argument("--baseline", help="a baseline file of accepted findings (see the baseline command)")
    diff = report.add_mutually_exclusive_group()
    diff.add_argument("--diff-base", metavar="REV", help="report only findings on lines changed since git REV")
    diff.add_argument("--previous", metavar="FILE", help="report only findings on lines changed since FILE")
    report.add_argument("--jobs", type=int, default=1, metavar="N", help="check files in N processes")
    report.set_defaults(run=_run_report)

    baseline = commands.add_parser("baseline", help="write a baseline accepting the current findings")
    _add_selection(baseline)
    baseline.add_argument("--output", "-o", default="factcheck-baseline.json", help="the baseline file to write")
    baseline.set_defaults(run=_run_baseline)

    rules = commands.add_parser("rules", help="list the rules")
    rules.set_defaults(run=_run_rules)
    rule = commands.add_parser("rule", help="print one rule's documentation")
    rule.add_argument("code", help="a rule code (FC01) or name (share-of-total)")
    rule.set_defaults(run=_run_rule)

    evaluate = commands.add_parser("eval", help="score factcheck against an annotated corpus folder")
    evaluate.add_argument("folder", type=Path, help="a folder of NAME.txt + NAME.gold.json (see FORMAT.md)")
    evaluate.add_argument("--verbose", action="store_true", help="list every miss")
    evaluate.add_argument("--no-mutations", action="store_true", help="skip the mutation test (faster)")
    evaluate.set_defaults(run=_run_eval)
    return parser


FORMATS = ("text", "concise", "json", "github", "sarif", "markdown", "html")


def _add_selection(command: argparse.ArgumentParser) -> None:
    command.add_argument("paths", nargs="+", help="files, folders (searched recursively), globs, or - for standard input")
    command.add_argument("--stdin-filename", metavar="NAME", help="the name (and so the format) of standard input")
    command.add_argument("--select", metavar="CODES", help="only these rules: codes or names, comma-separated")
    command.add_argument("--ignore", metavar="CODES", help="not these rules: codes or names, comma-separated")
    command.add_argument("--config", metavar="FILE", help="a factcheck.toml or pyproject.toml (default: found "
                         "from the first checked file's folder upwards)")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        arguments = _build_parser().parse_args(argv)
        return int(arguments.run(arguments))
    except InputError as error:
        print(f"factcheck: error: {_one_line(str(error))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head); nothing more to say
        return EXIT_OK


def _one_line(message: str) -> str:
    from ._text import terminal_safe

    return terminal_safe(message)


def _read_input(name: str) -> str:
    from ._source import MAX_BYTES, decode, read_text

    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError("<stdin>: input too large; not a press release")
        return decode(data, "<stdin>")
    return read_text(name)


def _settings(arguments: argparse.Namespace) -> object:
    from ._config import find_config, load_settings

    if arguments.config:
        config: Path | None = Path(arguments.config)
        if not config.is_file():  # type: ignore[union-attr]
            raise InputError(f"{arguments.config}: no such configuration file")
    else:
        first = next((p for p in arguments.paths if p != "-"), ".")
        start = Path(first) if Path(first).is_dir() else Path(first).parent
        config = find_config(start.resolve())
    settings = load_settings(config)
    return settings.merge(select=_rule_list(arguments.select, "--select"),
                          ignore=_rule_list(arguments.ignore, "--ignore"), fail_on=getattr(arguments, "fail_on", None))


def _rule_list(value: str | None, option: str) -> list[str] | None:
    """The comma-separated rules of --select/--ignore; an empty list is a usage error (an
    empty --select would otherwise check nothing, or everything, without a word)."""
    if value is None:
        return None
    names = [name.strip() for name in value.split(",") if name.strip()]
    if not names:
        raise InputError(f"usage: {option} needs rule codes or names, e.g. {option} FC01,share-of-total")
    return names


def _paths(arguments: argparse.Namespace, settings: object) -> list[str]:
    from ._sources import collect_paths

    paths = collect_paths(arguments.paths, settings.extensions)  # type: ignore[attr-defined]
    return [p for p in paths if p == "-" or not settings.excluded(p)]  # type: ignore[attr-defined]


def _results(arguments: argparse.Namespace, settings: object, jobs: int = 1) -> tuple[list[object], int]:
    """Check every path; returns the results and the paths' count."""
    from ._run import Options, check_files
    from ._source import MAX_BYTES

    paths = _paths(arguments, settings)
    if not paths:
        raise InputError("no files to check (all excluded, or no .txt/.md/.html/.docx in the folders)")
    if jobs < 1:
        raise InputError("usage: --jobs must be at least 1")
    stdin = sys.stdin.buffer.read(MAX_BYTES + 1) if "-" in paths else None  # more is refused by load_source
    options = Options(settings, arguments.stdin_filename, getattr(arguments, "diff_base", None),  # type: ignore[arg-type]
                      getattr(arguments, "previous", None))
    if options.previous is not None and len(paths) != 1:
        raise InputError("usage: --previous compares one file with its previous version; name one file")
    progress = sys.stderr.isatty() and len(paths) > 5
    return list(check_files(paths, options, jobs=jobs, stdin=stdin, progress=progress)), len(paths)


def _run_report(arguments: argparse.Namespace) -> int:
    import os

    import attrs

    from . import _render

    settings = _settings(arguments)
    results, _ = _results(arguments, settings, jobs=arguments.jobs)
    baseline = None
    baseline_path = arguments.baseline or settings.baseline  # type: ignore[attr-defined]
    if baseline_path:
        from ._baseline import apply_baseline, load_baseline

        baseline = load_baseline(baseline_path)
    checked, errors, notes = [], [], []
    for result in results:
        if result.error is not None:  # type: ignore[attr-defined]
            errors.append((result.path, result.error))  # type: ignore[attr-defined]
            continue
        item = result.checked  # type: ignore[attr-defined]
        if baseline is not None:
            report, _ = apply_baseline(item.report, item.path, item.document, baseline)
            item = _render.CheckedFile(item.source, item.document, report)
            # findings a diff mode left out still use their entries: those are not stale
            apply_baseline(attrs.evolve(report, findings=result.unchanged), item.path, item.document, baseline)
        checked.append(item)
        for suppression in result.unused_suppressions:  # type: ignore[attr-defined]
            codes = ",".join(sorted(suppression.codes)) or "all rules"
            notes.append(f"{item.path}:{suppression.line}: unused suppression ({codes})")
        notes.extend(f"{item.path}: {message}" for message in result.stale)  # type: ignore[attr-defined]
    if baseline is not None:
        notes.extend(f"{baseline_path}: unused baseline entry for {entry.file} ({entry.rule}): "
                     f"{entry.sentence[:80]}" for entry in _unused_entries(baseline, results, settings))
    fmt = arguments.format
    if fmt == "json":
        output = _render.render_json(checked, errors)
    elif fmt == "concise":
        output = _render.render_concise(checked, quiet=arguments.quiet)
    elif fmt == "github":
        output = _render.render_github(checked)
        summary = os.environ.get("GITHUB_STEP_SUMMARY") or None
        try:
            _render.write_step_summary(checked, summary, quiet=arguments.quiet)
        except OSError as error:
            errors.append((summary, f"{summary}: cannot write the job summary: {error.strerror or error}"))
    elif fmt == "sarif":
        output = _render.render_sarif(checked)
    elif fmt == "markdown":
        output = _render.render_markdown(checked, quiet=arguments.quiet)
    elif fmt == "html":
        output = _render.render_html(checked)
    else:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")  # no-color.org: set and not empty
        output = _render.render_text(checked, quiet=arguments.quiet, color=color)
    sys.stdout.write(output)
    for note in notes:
        print(f"factcheck: note: {_one_line(note)}", file=sys.stderr)
    for message in dict.fromkeys(message for _, message in errors):  # one git failure is said once
        print(f"factcheck: error: {_one_line(message)}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    failed = any(settings.fails(item.report) for item in checked)  # type: ignore[attr-defined]
    return EXIT_FINDINGS if failed and not arguments.exit_zero else EXIT_OK


def _unused_entries(baseline: object, results: list[object], settings: object) -> list[object]:
    """The baseline's unused entries that this run could have used: those of a file it
    checked and a rule it ran (a baseline for a whole folder, used on one file or with
    --select, is not stale for the rest)."""
    from ._baseline import _relative_file

    files = {_relative_file(r.checked.path, baseline.root)  # type: ignore[attr-defined]
             for r in results if r.checked is not None}  # type: ignore[attr-defined]
    return [entry for entry in baseline.unused()  # type: ignore[attr-defined]
            if entry.file in files and settings.selects(entry.rule)]  # type: ignore[attr-defined]


def _run_baseline(arguments: argparse.Namespace) -> int:
    from ._baseline import write_baseline

    settings = _settings(arguments)
    results, _ = _results(arguments, settings)
    errors = [r.error for r in results if r.error is not None]  # type: ignore[attr-defined]
    for message in errors:
        print(f"factcheck: error: {_one_line(message)}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    items = [(r.checked.path, finding, r.checked.document)  # type: ignore[attr-defined]
             for r in results for finding in r.checked.report.findings]  # type: ignore[attr-defined]
    written = write_baseline(arguments.output, items)
    print(f"wrote {written} accepted finding{'s' if written != 1 else ''} to {arguments.output}")
    return EXIT_OK


def _run_rules(arguments: argparse.Namespace) -> int:
    from .rules import all_rules

    for rule in all_rules():
        print(f"{rule.code}  {rule.name:<26} {rule.kind:<15} {rule.summary}")
    return EXIT_OK


def _run_rule(arguments: argparse.Namespace) -> int:
    from .rules import all_rules

    wanted = arguments.code.strip().lower()
    for rule in all_rules():
        if wanted in (rule.code.lower(), rule.name):
            print(f"{rule.code} {rule.name} ({rule.kind})\n")
            print(f"Relation: {rule.relation}\n")
            print(rule.doc)
            return EXIT_OK
    raise InputError(f"unknown rule {arguments.code!r}; `python -m factcheck rules` lists them")


def _run_extract(arguments: argparse.Namespace) -> int:
    from ._document import Document
    from ._extract import scan
    from ._text import format_number, terminal_safe

    text = _read_input(arguments.file)
    document = Document(text)
    result = scan(document)
    if arguments.format == "json":
        payload = {
            "version": 1,
            "quantities": [_quantity_json(q, document) for q in result.quantities],
            "time_anchors": [
                {"text": a.text, "start": a.start, "end": a.end, "kind": a.kind,
                 "first_year": a.first_year, "last_year": a.last_year}
                for a in result.anchors
            ],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    for quantity in result.quantities:
        line, column = document.position(quantity.start)
        interval = quantity.interval
        described = quantity.unit if quantity.unit not in (None, "count") else quantity.kind.value
        if quantity.noun:
            described += f" of {quantity.noun}"
        hedge = f"  ({quantity.hedge.text}: {quantity.hedge.bound.value})" if quantity.hedge else ""
        print(
            f"{line}:{column}  {terminal_safe(quantity.text)}  = {format_number(quantity.value)} "
            f"{terminal_safe(described)}  [{format_number(interval.low)} .. {format_number(interval.high)}]"
            f"{terminal_safe(hedge)}"
        )
    print(f"{len(result.quantities)} quantities, {len(result.anchors)} time anchors")
    return EXIT_OK


def _quantity_json(quantity: object, document: object) -> dict[str, object]:
    from ._models import Quantity

    assert isinstance(quantity, Quantity)
    line, column = document.position(quantity.start)  # type: ignore[attr-defined]
    interval = quantity.interval
    return {
        "text": quantity.text, "start": quantity.start, "end": quantity.end, "line": line, "column": column,
        "value": float(quantity.value), "exact_value": str(quantity.value),
        "low": float(interval.low), "high": float(interval.high),
        "unit": quantity.unit, "kind": quantity.kind.value, "noun": quantity.noun,
        "hedge": None if quantity.hedge is None else {
            "text": quantity.hedge.text, "start": quantity.hedge.start, "end": quantity.hedge.end,
            "bound": quantity.hedge.bound.value,
        },
        "precision": float(quantity.precision), "rounded_low": float(quantity.rounded_interval.low),
        "rounded_high": float(quantity.rounded_interval.high), "unit_implied": quantity.unit_implied,
    }


def _run_eval(arguments: argparse.Namespace) -> int:
    from ._evaluate import RelationScore, score_extraction, score_gold_spans, score_relations
    from ._source import read_text

    folder: Path = arguments.folder
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    golds = sorted(folder.glob("*.gold.json"))
    if not golds:
        raise InputError(f"{folder}: no *.gold.json files (see FORMAT.md)")
    for numbers in sorted(folder.glob("*.numbers.json")):
        reference = _load_json(numbers)
        doc = folder / reference.get("seed", numbers.name.replace(".numbers.json", ".txt"))
        score = score_extraction(read_text(doc), reference["mentions"])
        print(f"Extraction against {numbers.name}:")
        for line in score.lines():
            print(f"  {line}")
        if arguments.verbose:
            for miss in score.misses:
                print(f"    miss {miss}")
    found, total, misses = score_gold_spans(folder)
    print(f"Number spans of {len(golds)} gold files extracted: {found}/{total}")
    if arguments.verbose:
        for miss in misses:
            print(f"    miss {miss}")
    score = RelationScore()
    seed = None
    for gold_path in golds:
        gold = _load_json(gold_path)
        document_score = score_relations(read_text(folder / gold["doc"]), gold, mutate=not arguments.no_mutations)
        score = score + document_score
        if gold["doc"].startswith("seed"):
            seed = document_score
    print(f"Relations of {len(golds)} gold files:")
    for line in score.lines():
        print(f"  {line}")
    if seed is not None:
        print(f"  seed: {seed.matched}/{seed.gold} relations found, {seed.agreed} with the right verdict")
    if arguments.verbose:
        for note in score.notes:
            print(f"    {note}")
    return EXIT_OK


def _load_json(path: Path) -> dict:  # type: ignore[type-arg]
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError) as error:
        raise InputError(f"{path}: cannot read JSON: {error}") from None
