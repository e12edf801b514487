"""Scoring against an annotated corpus (the layout of shared/corpus/FORMAT.md)."""

from __future__ import annotations

import json
import math
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from ._extract import scan
from ._models import Bound, Kind, Quantity
from ._source import read_text

__all__ = ["ExtractionScore", "RelationScore", "score_extraction", "score_gold_spans", "score_relations"]

_GOLD_HEDGES = {">": Bound.ABOVE, ">=": Bound.AT_LEAST, "<": Bound.BELOW, "<=": Bound.AT_MOST, "~": Bound.ABOUT}
_CLAIM_KINDS = ("quantity", "multiplier")


@attrs.frozen
class ExtractionScore:
    claims: int
    found: int
    values_right: int
    units_right: int
    multipliers: int
    multipliers_right: int
    hedges: int
    hedges_right: int
    hedges_invented: int
    dates: int
    dates_reported: int
    misses: tuple[str, ...]

    def lines(self) -> list[str]:
        def share(part: int, whole: int) -> str:
            return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "0/0"

        return [
            f"claims found:          {share(self.found, self.claims)}",
            f"values right:          {share(self.values_right, self.claims)}",
            f"units right:           {share(self.units_right, self.claims)}",
            f"multipliers right:     {self.multipliers_right}/{self.multipliers}",
            f"hedges typed right:    {self.hedges_right}/{self.hedges} ({self.hedges_invented} invented)",
            f"dates as quantities:   {self.dates_reported}/{self.dates}",
        ]


def _overlapping(quantities: tuple[Quantity, ...], start: int, end: int) -> Quantity | None:
    """The quantity whose span contains the mention's span, or is contained in it."""
    for quantity in quantities:
        if quantity.start < end and start < quantity.end:
            if (quantity.start <= start and end <= quantity.end) or (start <= quantity.start and quantity.end <= end):
                return quantity
    return None


def _unit_right(quantity: Quantity, mention: dict[str, Any]) -> bool:
    gold = mention["unit"]
    if gold == "count" or (gold is not None and gold == mention.get("noun")):
        return quantity.kind is Kind.COUNT
    return quantity.unit == gold


def score_extraction(text: str, mentions: list[dict[str, Any]]) -> ExtractionScore:
    """Compare factcheck's reading of ``text`` with hand-reviewed mentions (seed.numbers.json)."""
    quantities = scan(text).quantities
    counts = dict.fromkeys(
        ("claims", "found", "values_right", "units_right", "multipliers", "multipliers_right",
         "hedges", "hedges_right", "hedges_invented", "dates", "dates_reported"), 0)
    misses = []
    for mention in mentions:
        quantity = _overlapping(quantities, mention["start"], mention["end"])
        if mention["kind"] == "date":
            counts["dates"] += 1
            counts["dates_reported"] += quantity is not None
            continue
        if mention["kind"] not in _CLAIM_KINDS:
            continue
        counts["claims"] += 1
        gold_hedge = mention.get("hedge")
        counts["hedges"] += gold_hedge is not None
        if mention["kind"] == "multiplier":
            counts["multipliers"] += 1
        if quantity is None:
            misses.append(f"{mention['start']}: {mention['surface']!r} not found")
            continue
        counts["found"] += 1
        value_right = math.isclose(float(quantity.value), mention["value"], rel_tol=1e-9)
        counts["values_right"] += value_right
        unit_right = _unit_right(quantity, mention)
        counts["units_right"] += unit_right
        if mention["kind"] == "multiplier":
            counts["multipliers_right"] += value_right and quantity.kind is Kind.FACTOR
        if gold_hedge is not None:
            counts["hedges_right"] += quantity.hedge is not None and quantity.hedge.bound is _GOLD_HEDGES[gold_hedge["type"]]
        elif quantity.hedge is not None:
            counts["hedges_invented"] += 1
        if not (value_right and unit_right):
            misses.append(f"{mention['start']}: {mention['surface']!r} read as {float(quantity.value):g} "
                          f"{quantity.unit or quantity.kind.value}, gold {mention['value']:g} {mention['unit']}")
    return ExtractionScore(misses=tuple(misses), **counts)


def score_gold_spans(corpus: Path) -> tuple[int, int, list[str]]:
    """How many number spans of the corpus's .gold.json files extraction finds."""
    total = found = 0
    misses = []
    for gold_path in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = read_text(corpus / gold["doc"])
        result = scan(text)
        spans = result.quantities + result.anchors  # type: ignore[operator]
        seen = set()
        for relation in gold["relations"]:
            for number in relation["numbers"]:
                key = (number["start"], number["end"])
                if key in seen:
                    continue
                seen.add(key)
                total += 1
                if _overlapping(spans, *key) is not None:
                    found += 1
                else:
                    misses.append(f"{gold['doc']}:{number['start']}: {number['text']!r}")
    return found, total, misses


# -- relations ------------------------------------------------------------------------------

_GOLD_VERDICTS = {"consistent": "pass", "inconsistent": "discrepancy", "ambiguous": "ambiguous"}
_MUTATION_FACTORS = (Fraction(3, 2), Fraction(2), Fraction(3), Fraction(1, 2), Fraction(1, 4), Fraction(10))
_NUMERAL = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?")


@attrs.frozen
class RelationScore:
    gold: int = 0
    matched: int = 0
    agreed: int = 0
    inconsistent: int = 0
    caught: int = 0
    consistent_matched: int = 0
    false_alarms: int = 0
    findings: int = 0
    matched_findings: int = 0
    unmatched_discrepancies: int = 0
    mutations: int = 0
    mutations_detected: int = 0
    notes: tuple[str, ...] = ()

    def __add__(self, other: RelationScore) -> RelationScore:
        merged = {f.name: getattr(self, f.name) + getattr(other, f.name) for f in attrs.fields(RelationScore)}
        return RelationScore(**merged)

    def lines(self) -> list[str]:
        def ratio(part: int, whole: int) -> str:
            return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a (0/0)"

        return [
            f"relation recall:                    {ratio(self.matched, self.gold)}",
            f"verdict agreement (on found):       {ratio(self.agreed, self.matched)}",
            f"inconsistent relations caught:      {self.caught}/{self.inconsistent}",
            f"false alarms on consistent:         {self.false_alarms}/{self.consistent_matched}",
            f"unmatched discrepancies:            {self.unmatched_discrepancies}",
            f"precision (findings matching gold): {ratio(self.matched_findings, self.findings)}",
            f"mutation detection:                 {ratio(self.mutations_detected, self.mutations)}",
        ]


def _overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _matches(finding: Any, relation: dict[str, Any]) -> bool:
    if finding.kind != relation["kind"]:
        return False
    gold_spans = [(n["start"], n["end"]) for n in relation["numbers"]]
    ours = [(n.quantity.start, n.quantity.end) for n in finding.numbers]
    if not all(any(_overlaps(span, gold) for gold in gold_spans) for span in ours):
        return False
    covered = sum(any(_overlaps(gold, span) for span in ours) for gold in gold_spans)
    return covered >= max(2, math.ceil(2 * len(gold_spans) / 3)) or covered == len(gold_spans)


def score_relations(text: str, gold: dict[str, Any], mutate: bool = True) -> RelationScore:
    from ._check import check

    report = check(text)
    relations = [r for r in gold["relations"] if r["kind"] != "other"]
    counts = dict.fromkeys(("matched", "agreed", "inconsistent", "caught", "consistent_matched", "false_alarms",
                            "mutations", "mutations_detected"), 0)
    notes: list[str] = []
    matched_findings: set[int] = set()
    for relation in relations:
        expected = _GOLD_VERDICTS[relation["verdict"]]
        counts["inconsistent"] += expected == "discrepancy"
        matching = [i for i, f in enumerate(report.findings) if _matches(f, relation)]
        if not matching:
            notes.append(f"missed {gold['doc']} {relation['id']} {relation['kind']} "
                         f"{[n['text'] for n in relation['numbers']]}")
            continue
        matched_findings.update(matching)
        finding = report.findings[matching[0]]
        counts["matched"] += 1
        verdict = finding.verdict.value
        counts["agreed"] += verdict == expected
        counts["caught"] += expected == "discrepancy" and verdict == "discrepancy"
        if expected == "pass":
            counts["consistent_matched"] += 1
            counts["false_alarms"] += verdict == "discrepancy"
        if verdict != expected:
            notes.append(f"verdict {gold['doc']} {relation['id']}: {verdict}, gold {relation['verdict']}: {finding.message}")
        if mutate and expected == "pass" and verdict == "pass":
            outcome = _mutation_detected(text, relation, finding)
            if outcome is not None:
                counts["mutations"] += 1
                counts["mutations_detected"] += outcome
                if not outcome:
                    notes.append(f"mutation missed {gold['doc']} {relation['id']} {relation['kind']}")
    unmatched = [f for i, f in enumerate(report.findings) if i not in matched_findings]
    for finding in unmatched:
        if finding.verdict.value == "discrepancy":
            notes.append(f"unmatched discrepancy {gold['doc']}: {finding.message}")
    return RelationScore(
        gold=len(relations), findings=len(report.findings), matched_findings=len(matched_findings),
        unmatched_discrepancies=sum(f.verdict.value == "discrepancy" for f in unmatched),
        notes=tuple(notes), **counts,
    )


def _mutation_target(relation: dict[str, Any]) -> dict[str, Any] | None:
    roles = {n["role"]: n for n in relation["numbers"]}
    for role in ("stated", "total", "whole"):
        if role in roles:
            return roles[role]
    parts = [n for n in relation["numbers"] if n["role"] == "part"]
    return parts[0] if parts else None


def _mutation_detected(text: str, relation: dict[str, Any], finding: Any) -> bool | None:
    """Edit one stated figure so that the relation clearly breaks, as an editor's slip
    would; None when no such edit exists for this relation."""
    from ._check import check
    from ._verdict import Candidate, judge
    from .rules import all_rules

    target = _mutation_target(relation)
    if target is None:
        return None
    numeral = _NUMERAL.search(target["text"])
    if numeral is None:
        return None
    rule = next(r for r in all_rules() if r.kind == relation["kind"])
    start = target["start"] + numeral.start()
    end = target["start"] + numeral.end()
    for factor in _MUTATION_FACTORS if relation["kind"] not in ("subset",) else tuple(reversed(_MUTATION_FACTORS)):
        replacement = _scaled_numeral(numeral.group(), factor)
        if replacement is None or replacement == numeral.group():
            continue
        mutated = text[:start] + replacement + text[end:]
        shift = len(replacement) - len(numeral.group())
        moved = check(mutated)
        breaks = _clearly_breaks(moved, finding, start, shift, rule, Candidate, judge)
        if not breaks:
            continue
        return any(
            f.verdict.value == "discrepancy"
            and any(n.quantity.start <= start < n.quantity.end + 1 for n in f.numbers)
            for f in moved.findings
        )
    return None


def _clearly_breaks(moved: Any, finding: Any, start: int, shift: int, rule: Any, candidate_type: Any, judge: Any) -> bool:
    """The same figures as the original finding, re-read from the edited text, fail the rule."""
    numbers = []
    for number in finding.numbers:
        offset = number.quantity.start + (shift if number.quantity.start > start else 0)
        quantity = next((q for q in moved.quantities if q.start <= offset < q.end), None)
        if quantity is None:
            return False
        numbers.append(attrs.evolve(number, quantity=quantity))
    rebuilt = candidate_type(finding.kind, tuple(numbers), finding.cue, _readings_of(finding), finding.assumes)
    return judge(rule, rebuilt).verdict.value == "discrepancy"


def _readings_of(finding: Any) -> Any:
    return tuple(result.reading for result in finding.readings)


def _scaled_numeral(written: str, factor: Fraction) -> str | None:
    digits = written.replace(",", "")
    try:
        value = Fraction(digits)
    except ValueError:
        return None
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    scaled = value * factor
    text = f"{float(scaled):.{decimals}f}"
    if "," in written:
        whole, _, fraction = text.partition(".")
        text = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    return text
