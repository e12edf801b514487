"""Judging a candidate relation: exact interval arithmetic over every figure's reading.

A relation passes when some values of every figure's interval satisfy it, is a
discrepancy when none do, and is ambiguous when the readings of the text disagree.
When it holds only because a round figure ("500", "4 trillion") may itself be rounded,
it passes with a note saying so.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable

import attrs

from ._findings import Finding, Number, Reading, ReadingResult
from ._interval import Interval
from ._models import Quantity
from ._rule import Relation, Rule, Verdict
from ._text import format_number

__all__ = ["Candidate", "judge"]


@attrs.frozen
class Candidate:
    """A relation the text states, with each figure in its role, not yet judged."""

    kind: str
    numbers: tuple[Number, ...]
    cue: str
    readings: tuple[Reading, ...] = (Reading(),)
    assumes: str = ""  # a link the relation rests on that the text implies but does not state


    def quantities(self, role: str) -> tuple[Quantity, ...]:
        return tuple(number.quantity for number in self.numbers if number.role == role)


@attrs.frozen
class _Outcome:
    holds: bool
    computed: Interval | None  # the stated figure's required interval (None for inequalities)
    face: Fraction  # the arithmetic on the written values
    face_holds: bool
    gap: Fraction
    notes: tuple[str, ...]
    doubtful: bool = False  # holds only by rounding a figure whose siblings are written more precisely


def judge(rule: Rule, candidate: Candidate) -> Finding:
    relation = rule.equation
    outcomes = [_evaluate(relation, candidate, reading) for reading in candidate.readings]
    held = [outcome.holds for outcome in outcomes]
    verdict = Verdict.PASS if all(held) else Verdict.DISCREPANCY if not any(held) else Verdict.AMBIGUOUS
    if verdict is Verdict.PASS and any(outcome.doubtful for outcome in outcomes):
        verdict = Verdict.AMBIGUOUS  # "T500 billion" beside "T976.3 billion" is hardly a rounded figure
    first = outcomes[0]
    arithmetic = _arithmetic(rule, candidate, first.face)
    readings = tuple(
        ReadingResult(reading, Verdict.PASS if outcome.holds else Verdict.DISCREPANCY, outcome.computed,
                      _reading_detail(rule, relation, candidate, reading, outcome))
        for reading, outcome in zip(candidate.readings, outcomes)
    )
    notes = tuple(dict.fromkeys(note for outcome in outcomes if outcome.holds for note in outcome.notes))
    if candidate.assumes:
        notes += (f"read as saying that {candidate.assumes}",)
    message = _message(rule, relation, candidate, verdict, arithmetic, first, readings)
    corrections = _corrections(rule, relation, candidate) if verdict is Verdict.DISCREPANCY else ()
    if verdict is Verdict.DISCREPANCY and candidate.assumes:
        # an unstated link is a reading, not a fact: its failure may mean the link is not meant
        verdict, corrections = Verdict.AMBIGUOUS, ()
        message = f"{message}; this fails only if {candidate.assumes}, which the text does not say"
    return Finding(
        rule=rule.code, name=rule.name, kind=rule.kind, verdict=verdict, message=message,
        numbers=candidate.numbers, readings=readings, notes=notes, corrections=corrections,
        expected=first.computed, cue=candidate.cue, assumes=candidate.assumes,
    )


# -- evaluation ----------------------------------------------------------------------------

Reader = Callable[[Quantity], Interval]


def _written(quantity: Quantity) -> Interval:
    return quantity.interval


def _face(quantity: Quantity) -> Interval:
    return Interval.point(quantity.value)


def _values(relation: Relation, candidate: Candidate, reading: Reading,
            read: Callable[[Quantity], Interval]) -> dict[str, Interval]:
    values: dict[str, Interval] = {}
    for role in relation.roles:
        figures = candidate.quantities(role)
        if not figures:
            continue
        total = read(figures[0])
        for figure in figures[1:]:
            total = total + read(figure)
        values[role] = reading.apply(total) if role == relation.stated else total
    return values


def _holds(relation: Relation, values: dict[str, Interval]) -> tuple[bool, Interval | None, Fraction]:
    """Whether the relation can hold, the stated role's required interval, and the gap."""
    if relation.is_inequality:
        lesser = values[relation.lesser]  # type: ignore[index]
        greater = values[relation.greater] if relation.greater else Interval.point(relation.limit)  # type: ignore[arg-type]
        return lesser.low <= greater.high, None, max(Fraction(0), lesser.low - greater.high)
    stated = relation.stated
    assert stated is not None
    others = {role: value for role, value in values.items() if role != stated}
    try:
        computed = relation.solutions[stated](others)
    except ZeroDivisionError:
        return True, None, Fraction(0)  # a zero base says nothing
    return computed.meets(values[stated]), computed, computed.gap(values[stated])


def _evaluate(relation: Relation, candidate: Candidate, reading: Reading) -> _Outcome:
    face_values = _values(relation, candidate, reading, _face)
    face_holds, face_computed, _ = _holds(relation, face_values)
    face = face_computed.low if face_computed is not None else face_values[relation.lesser].low  # type: ignore[index]
    written_holds, computed, gap = _holds(relation, _values(relation, candidate, reading, _written))
    stated_figures = candidate.quantities(relation.stated) if relation.stated else ()
    face_in_stated = face_holds or (
        computed is not None and stated_figures
        and reading.apply(stated_figures[0].interval).contains(face)
    )
    if written_holds:
        notes = () if face_in_stated else ("holds only within the rounding of the figures",)
        return _Outcome(True, computed, face, bool(face_in_stated), gap, notes)
    round_figures = [n.quantity for n in candidate.numbers if n.quantity.is_round]
    # one round figure at a time: reading several as rounded at once would excuse almost anything
    for figures in [[figure] for figure in round_figures]:
        def rounded(quantity: Quantity, chosen: list[Quantity] = figures) -> Interval:
            return quantity.rounded_interval if quantity in chosen else quantity.interval

        holds, _, _ = _holds(relation, _values(relation, candidate, reading, rounded))
        if holds:
            named = " and ".join(f'"{figure.text}"' for figure in figures)
            note = f"holds only if {named} {'is a rounded figure' if len(figures) == 1 else 'are rounded figures'}"
            doubtful = any(_finer_sibling(candidate, figure) for figure in figures)
            if doubtful:
                note += ", though the figures beside it are written more precisely; taken as exact, it fails"
            return _Outcome(True, computed, face, False, gap, (note,), doubtful)
    return _Outcome(False, computed, face, False, gap, ())


def _finer_sibling(candidate: Candidate, figure: Quantity) -> bool:
    """Whether a figure of the same unit is written more finely than ``figure``
    would be if it were rounded: beside "976.3 billion", "500 billion" is hardly rounded to
    the hundred billion, nor "70" beside "11"."""
    return any(
        n.quantity is not figure and n.quantity.unit == figure.unit and n.quantity.precision < figure.rounding
        for n in candidate.numbers
    )


# -- messages ------------------------------------------------------------------------------

def _figure_list(candidate: Candidate, role: str) -> str:
    return " + ".join(" ".join(q.text.split()) for q in candidate.quantities(role))


def _unit_suffix(rule: Rule, candidate: Candidate) -> str:
    if rule.unit:
        return rule.unit
    unit = candidate.numbers[0].quantity.unit
    return "" if unit in (None, "count") else f" {unit}"


def _arithmetic(rule: Rule, candidate: Candidate, face: Fraction) -> str:
    roles = {number.role for number in candidate.numbers}
    fields = {role: _figure_list(candidate, role) for role in roles}
    fields["computed"] = format_number(face) + _unit_suffix(rule, candidate)
    try:
        return rule.arithmetic.format(**fields)
    except KeyError:
        return fields["computed"]


def _stated_text(relation: Relation, candidate: Candidate) -> str:
    return _figure_list(candidate, relation.stated) if relation.stated else ""


def _message(rule: Rule, relation: Relation, candidate: Candidate, verdict: Verdict, arithmetic: str,
             first: _Outcome, readings: tuple[ReadingResult, ...]) -> str:
    stated = _stated_text(relation, candidate)
    if verdict is Verdict.AMBIGUOUS:
        if len(readings) == 1:
            lead = f"{arithmetic}; stated {stated}" if stated else arithmetic
            return f"{lead}: holds only under a doubtful reading of the figures"
        shown = "; ".join(f"read as {r.reading.label}: {r.verdict.value}" for r in readings)
        return f"{arithmetic}; stated {stated}: {shown}"
    if relation.is_inequality:
        if verdict is Verdict.PASS:
            return arithmetic
        return f"{arithmetic} fails: the parts exceed the whole by at least {format_number(first.gap)}{_unit_suffix(rule, candidate)}"
    if readings[0].reading.label and len(readings) == 1:
        stated = f"{stated} ({readings[0].reading.label})"
    if verdict is Verdict.PASS:
        return f"{arithmetic}; stated {stated}"
    expected = first.computed
    should = f"{format_number(expected.low)}..{format_number(expected.high)}" if expected and not expected.is_point \
        else format_number(first.face)
    return f"{arithmetic}; stated {stated}, which should be {should}{_unit_suffix(rule, candidate)}"


def _reading_detail(rule: Rule, relation: Relation, candidate: Candidate, reading: Reading,
                    outcome: _Outcome) -> str:
    if outcome.computed is None:
        return ""
    stated = candidate.quantities(relation.stated)[0] if relation.stated else None
    shown = format_number(reading.apply_value(stated.value)) if stated else ""
    return f"{shown}{rule.unit} against {format_number(outcome.face)}{_unit_suffix(rule, candidate)}"


def _corrections(rule: Rule, relation: Relation, candidate: Candidate) -> tuple[str, ...]:
    """For each figure alone: the values that would make the relation hold."""
    if relation.is_inequality:
        return ()
    values = _values(relation, candidate, candidate.readings[0], _written)
    found = []
    for role, solve in relation.solutions.items():
        figures = candidate.quantities(role)
        if len(figures) != 1:
            continue
        others = {name: value for name, value in values.items() if name != role}
        try:
            needed = solve(others)
        except ZeroDivisionError:
            continue
        if role == relation.stated:
            needed = candidate.readings[0].invert(needed)
        found.append(f'"{figures[0].text}" would have to be {_span(needed, figures[0])}')
    return tuple(found)


def _span(interval: Interval, like: Quantity) -> str:
    suffix = "" if like.unit in (None, "count", "factor", "percent", "pp") else f" {like.unit}"
    suffix = {"percent": "%", "pp": " pp", "factor": " times"}.get(like.unit or "", suffix)
    if interval.is_point or format_number(interval.low) == format_number(interval.high):
        return f"{format_number(interval.low)}{suffix}"
    return f"{format_number(interval.low)}..{format_number(interval.high)}{suffix}"
