"""Judging a candidate relation: exact interval arithmetic over every figure's reading.

A relation passes when some values of every figure's interval satisfy it, is a
discrepancy when none do, and is ambiguous when the readings of the text disagree.
When it holds only because a round figure ("500", "4 trillion") may itself be rounded,
it passes with a note saying so.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable, NamedTuple

import attrs

from ._findings import Finding, Number, Reading, ReadingResult
from ._interval import Interval
from ._models import Quantity
from ._rule import AMBIGUOUS, DISCREPANCY, PASS, Relation, Rule, Verdict
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
    # the figures of each role, in order of first mention, grouped once: judging asks for them
    # many times (a field, not a cached property, whose hook would slow every attribute lookup)
    by_role: dict[str, tuple[Quantity, ...]] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(lambda self: _by_role(self.numbers), takes_self=True))

    def quantities(self, role: str) -> tuple[Quantity, ...]:
        return self.by_role.get(role, ())


def _by_role(numbers: tuple[Number, ...]) -> dict[str, tuple[Quantity, ...]]:
    grouped: dict[str, list[Quantity]] = {}
    for number in numbers:
        grouped.setdefault(number.role, []).append(number.quantity)
    return {role: tuple(figures) for role, figures in grouped.items()}


_ZERO = Fraction(0)


class _Outcome(NamedTuple):
    """One reading's result: a named tuple, as judging makes one per reading and attrs
    classes are slower to build."""

    holds: bool
    computed: Interval | None  # the stated figure's required interval (None for inequalities)
    excess: Fraction  # for an inequality: how far the lesser role exceeds the greater, at least
    notes: tuple[str, ...]
    doubtful: bool = False  # holds only by rounding a figure whose siblings are written more precisely


def judge(rule: Rule, candidate: Candidate) -> Finding:
    relation = rule.equation
    face = _face(relation, candidate)  # the same under every reading: only the stated figure is read
    outcomes = [_evaluate(relation, candidate, reading, face) for reading in candidate.readings]
    held = [outcome.holds for outcome in outcomes]
    verdict = PASS if all(held) else DISCREPANCY if not any(held) else AMBIGUOUS
    if verdict is PASS and any(outcome.doubtful for outcome in outcomes):
        verdict = AMBIGUOUS  # "T500 billion" beside "T976.3 billion" is hardly a rounded figure
    first = outcomes[0]
    suffix = _unit_suffix(rule, candidate)
    face_text = format_number(face) + suffix
    figures = _figure_lists(candidate)
    arithmetic = _arithmetic(rule, figures, face_text)
    readings = tuple([
        ReadingResult(reading, PASS if outcome.holds else DISCREPANCY, outcome.computed,
                      _reading_detail(rule, relation, candidate, reading, outcome, face_text))
        for reading, outcome in zip(candidate.readings, outcomes)
    ])
    notes = tuple(dict.fromkeys([note for outcome in outcomes if outcome.holds for note in outcome.notes]))
    if candidate.assumes:
        notes += (f"read as saying that {candidate.assumes}",)
    stated = figures.get(relation.stated, "")  # type: ignore[arg-type]
    message = _message(relation, verdict, arithmetic, stated, first, readings, face_text, suffix)
    corrections = _corrections(rule, relation, candidate) if verdict is DISCREPANCY else ()
    if verdict is DISCREPANCY and candidate.assumes:
        # an unstated link is a reading, not a fact: its failure may mean the link is not meant
        verdict, corrections = AMBIGUOUS, ()
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


def _values(relation: Relation, candidate: Candidate, reading: Reading,
            read: Callable[[Quantity], Interval]) -> dict[str, Interval]:
    """Each role's figures read and summed; the reading applies to the stated role.
    Roles the relation does not name never enter its arithmetic, which reads roles by name."""
    values: dict[str, Interval] = {}
    for role, figures in candidate.by_role.items():
        total = read(figures[0])
        for figure in figures[1:]:
            total = total + read(figure)
        values[role] = total
    if relation.stated in values:
        values[relation.stated] = reading.apply(values[relation.stated])  # type: ignore[index]
    return values


def _face_total(figures: tuple[Quantity, ...]) -> Fraction:
    """The sum of a role's written values."""
    total = figures[0].value
    for figure in figures[1:]:
        total = total + figure.value
    return total


def _face(relation: Relation, candidate: Candidate) -> Fraction:
    """The arithmetic on the written values: the stated role from the others, or an
    inequality's lesser role."""
    if relation.is_inequality:
        return _face_total(candidate.quantities(relation.lesser))  # type: ignore[arg-type]
    # the face expression never reads the stated role, so every role may go in
    totals = {role: _face_total(figures) for role, figures in candidate.by_role.items()}
    try:
        return relation.face(totals)  # type: ignore[misc]
    except ZeroDivisionError:
        return _ZERO  # a zero base says nothing; _holds lets such a relation pass


def _face_holds(relation: Relation, candidate: Candidate, reading: Reading, face: Fraction) -> bool:
    """Whether the relation holds on the written values taken as exact."""
    if relation.is_inequality:
        greater = _face_total(candidate.quantities(relation.greater)) if relation.greater else relation.limit
        return face <= greater  # type: ignore[operator]
    return face == reading.apply_value(_face_total(candidate.quantities(relation.stated)))  # type: ignore[arg-type]


def _holds(relation: Relation, values: dict[str, Interval]) -> tuple[bool, Interval | None, Fraction]:
    """Whether the relation can hold, the stated role's required interval, and an
    inequality's excess."""
    if relation.is_inequality:
        least = values[relation.lesser].low  # type: ignore[index]
        most = values[relation.greater].high if relation.greater else relation.limit
        holds = least <= most  # type: ignore[operator]
        return holds, None, _ZERO if holds else least - most  # type: ignore[operator]
    stated = relation.stated
    assert stated is not None
    try:
        computed = relation.solutions[stated](values)  # a role's solution never reads the role itself
    except ZeroDivisionError:
        return True, None, _ZERO  # a zero base says nothing
    return computed.meets(values[stated]), computed, _ZERO


def _evaluate(relation: Relation, candidate: Candidate, reading: Reading, face: Fraction) -> _Outcome:
    written_holds, computed, excess = _holds(relation, _values(relation, candidate, reading, _written))
    if written_holds:
        unrounded = _face_in_stated(relation, candidate, reading, face, computed)
        notes = () if unrounded else ("holds only within the rounding of the figures",)
        return _Outcome(True, computed, excess, notes)
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
            return _Outcome(True, computed, excess, (note,), doubtful)
    return _Outcome(False, computed, excess, ())


def _face_in_stated(relation: Relation, candidate: Candidate, reading: Reading, face: Fraction,
                    computed: Interval | None) -> bool:
    """Whether the face arithmetic falls within the stated figure as written (no rounding
    of the figures needed)."""
    stated_figures = candidate.quantities(relation.stated) if relation.stated else ()
    if computed is not None and stated_figures and reading.apply(stated_figures[0].interval).contains(face):
        return True
    return _face_holds(relation, candidate, reading, face)


def _finer_sibling(candidate: Candidate, figure: Quantity) -> bool:
    """Whether a figure of the same unit is written more finely than ``figure``
    would be if it were rounded: beside "976.3 billion", "500 billion" is hardly rounded to
    the hundred billion, nor "70" beside "11"."""
    return any(
        n.quantity is not figure and n.quantity.unit == figure.unit and n.quantity.precision < figure.rounding
        for n in candidate.numbers
    )


# -- messages ------------------------------------------------------------------------------

def _figure_lists(candidate: Candidate) -> dict[str, str]:
    """Each role's figures as written: "45 + 90 thousand tons"."""
    return {role: " + ".join([" ".join(q.text.split()) for q in figures]) for role, figures in candidate.by_role.items()}


def _unit_suffix(rule: Rule, candidate: Candidate) -> str:
    if rule.unit:
        return rule.unit
    unit = candidate.numbers[0].quantity.unit
    return "" if unit in (None, "count") else f" {unit}"


def _arithmetic(rule: Rule, figures: dict[str, str], face_text: str) -> str:
    try:
        return rule.arithmetic.format_map({**figures, "computed": face_text})
    except KeyError:
        return face_text


def _message(relation: Relation, verdict: Verdict, arithmetic: str, stated: str, first: _Outcome,
             readings: tuple[ReadingResult, ...], face_text: str, suffix: str) -> str:
    if verdict is AMBIGUOUS:
        if len(readings) == 1:
            lead = f"{arithmetic}; stated {stated}" if stated else arithmetic
            return f"{lead}: holds only under a doubtful reading of the figures"
        shown = "; ".join(f"read as {r.reading.label}: {r.verdict.value}" for r in readings)
        return f"{arithmetic}; stated {stated}: {shown}"
    if relation.is_inequality:
        if verdict is PASS:
            return arithmetic
        return f"{arithmetic} fails: the parts exceed the whole by at least {format_number(first.excess)}{suffix}"
    if readings[0].reading.label and len(readings) == 1:
        stated = f"{stated} ({readings[0].reading.label})"
    if verdict is PASS:
        return f"{arithmetic}; stated {stated}"
    expected = first.computed
    should = face_text if expected is None or expected.is_point \
        else f"{format_number(expected.low)}..{format_number(expected.high)}{suffix}"
    return f"{arithmetic}; stated {stated}, which should be {should}"


def _reading_detail(rule: Rule, relation: Relation, candidate: Candidate, reading: Reading,
                    outcome: _Outcome, face_text: str) -> str:
    if outcome.computed is None:
        return ""
    stated = candidate.quantities(relation.stated)[0] if relation.stated else None
    shown = format_number(reading.apply_value(stated.value)) if stated else ""
    return f"{shown}{rule.unit} against {face_text}"


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
        try:
            needed = solve(values)
        except ZeroDivisionError:
            continue
        if role == relation.stated:
            needed = candidate.readings[0].invert(needed)
        found.append(f'"{figures[0].text}" would have to be {_span(needed, figures[0])}')
    return tuple(found)


def _span(interval: Interval, like: Quantity) -> str:
    suffix = "" if like.unit in (None, "count", "factor", "percent", "pp") else f" {like.unit}"
    suffix = {"percent": "%", "pp": " pp", "factor": " times"}.get(like.unit or "", suffix)
    low = format_number(interval.low)
    high = low if interval.is_point else format_number(interval.high)
    return f"{low}{suffix}" if low == high else f"{low}..{high}{suffix}"
