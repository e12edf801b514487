"""Finding the relations a release states: cue patterns over typed quantities.

After extraction a sentence reads as text with typed slots ("AMOUNT(KZT), or PERCENT of
the total AMOUNT(KZT)").  Each detector (in this package's modules for tables, changes,
shares and lists, over the ground that _figures lays) looks for one family of cues within a
sentence (and, for a whole named earlier, back through the paragraph and the text) and
fills the roles of a candidate relation.  Figures only combine when their units agree:
tenge never adds to tons and schools are not seats.  A relation whose roles cannot all be
filled is not proposed: an unresolved claim is never reported as a discrepancy."""

from __future__ import annotations

from .._document import Document
from .._extract import Scan
from .._verdict import Candidate
from ._figures import (
    _Text,
    _lead_end,
)
from ._tables import (
    _table_restatements,
    _table_sums,
    _tables,
)
from ._changes import (
    _differences,
    _per_unit,
    _percent_changes,
    _point_changes,
    _ratios,
    _restated_factors,
)
from ._shares import (
    _share_sums,
    _shares,
)
from ._lists import (
    _breakdowns,
    _contributions,
    _earlier_period_sums,
    _kinds_of_a_thing,
    _kinds_within_a_total,
    _led_changes,
    _partial_lists,
    _partitions,
    _status_counts,
    _subsets,
    _totals,
    _with_parts,
    _year_breakdowns,
)

__all__ = ["find_candidates"]


def find_candidates(document: Document, scan: Scan) -> list[Candidate]:
    text = _Text.build(document, scan)
    candidates: list[Candidate] = []
    detectors = (_tables, _table_sums, _ratios, _percent_changes, _point_changes, _differences, _per_unit,
                 _shares, _partitions, _totals, _year_breakdowns, _breakdowns, _subsets, _led_changes, _with_parts, _contributions,
                 _status_counts, _kinds_of_a_thing, _kinds_within_a_total)
    for detector in detectors:
        candidates.extend(detector(text, candidates))
    candidates.extend(_table_restatements(text))
    candidates.extend(_share_sums(text, candidates))
    candidates.extend(_earlier_period_sums(candidates))
    candidates.extend(_restated_factors(text, candidates))
    return _unique(_partial_lists(candidates), text)


def _unique(candidates: list[Candidate], text: _Text) -> list[Candidate]:
    """One candidate per relation: the same figures in the same roles once; and a claim in
    the headline or lead that the body repeats word for word is one claim, not two."""
    lead_end = _lead_end(text)
    seen: set[object] = set()
    claims: dict[object, Candidate] = {}
    unique = []
    for candidate in candidates:
        spans = tuple(sorted((n.role, n.quantity.start) for n in candidate.numbers))
        claim = (candidate.kind, tuple(sorted((n.role, n.quantity.text, n.quantity.unit or "") for n in candidate.numbers)))
        earlier = claims.get(claim)
        if spans in seen or (earlier is not None and earlier.numbers[0].quantity.start < lead_end):
            continue
        seen.add(spans)
        claims.setdefault(claim, candidate)
        unique.append(candidate)
    return unique
