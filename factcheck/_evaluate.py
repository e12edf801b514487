"""Scoring against an annotated corpus (the layout of shared/corpus/FORMAT.md)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import attrs

from ._extract import scan
from ._models import Bound, Kind, Quantity
from ._source import read_text

__all__ = ["ExtractionScore", "score_extraction", "score_gold_spans"]

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
