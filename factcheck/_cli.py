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
    report.add_argument("files", nargs="+", help="text files, or - for standard input")
    report.add_argument("--format", choices=("text", "json"), default="text")
    report.add_argument("--quiet", action="store_true", help="hide passes")
    report.set_defaults(run=_run_report)

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


def _run_report(arguments: argparse.Namespace) -> int:
    import os

    from ._check import check
    from ._document import Document
    from ._render import CheckedFile, render_json, render_text
    from ._sources import Source

    checked, errors = [], []
    for name in arguments.files:
        try:
            text = _read_input(name)
        except InputError as error:
            errors.append((name, str(error)))
            continue
        source = Source("<stdin>" if name == "-" else name, text, "text")
        document = Document(source.text)
        checked.append(CheckedFile(source, document, check(document)))
    if arguments.format == "json":
        sys.stdout.write(render_json(checked, errors))
    else:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        sys.stdout.write(render_text(checked, quiet=arguments.quiet, color=color))
    for _, message in errors:
        print(f"factcheck: error: {_one_line(message)}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if any(item.report.discrepancies for item in checked) else EXIT_OK


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
