"""What a rule is: a named relation between roles, declared once as an equation.

A rule module in ``rules/`` ends with one ``RULE = Rule(...)`` value.  The relation is
written the way sympy parses it ("stated = 100 * part / whole", "part <= whole"); sympy
is imported only when a relation is first solved, and each relation is solved once.
"""

from __future__ import annotations

import enum
from fractions import Fraction
from functools import cache
from typing import Any, Callable

import attrs

from ._interval import Interval

__all__ = ["Relation", "Rule", "Verdict"]


class Verdict(str, enum.Enum):
    PASS = "pass"
    DISCREPANCY = "discrepancy"
    AMBIGUOUS = "ambiguous"


@attrs.frozen
class Rule:
    """One kind of arithmetic relation a release can state."""

    code: str  # stable identifier, "FC01"
    name: str  # readable name, "share-of-total"
    kind: str  # the relation kind of FORMAT.md: share, ratio, percent_change...
    summary: str  # one line
    relation: str  # "stated = 100 * part / whole" or "part <= whole"
    arithmetic: str  # how a finding shows the numbers: "{part} / {whole} = {computed}%"
    unit: str = ""  # the stated figure's unit in messages: "%", " times", " pp"
    doc: str = ""  # the module docstring, filled in by discovery

    @property
    def equation(self) -> Relation:
        return _solved(self.relation)


@attrs.frozen
class Relation:
    """A relation solved for each of its roles, with interval evaluators."""

    roles: tuple[str, ...]
    stated: str | None  # the role on the left of "=", or None for an inequality
    is_inequality: bool
    solutions: dict[str, Callable[[dict[str, Interval]], Interval]]  # role -> its value from the others
    lesser: str | None = None  # for "a <= b": the role that must not exceed the other
    greater: str | None = None  # the role it must not exceed, or None when it is a constant
    limit: Fraction | None = None  # the constant of "part <= 100"


@cache
def _solved(relation: str) -> Relation:
    import sympy

    if "<=" in relation:
        left, right = (sympy.sympify(side.strip()) for side in relation.split("<="))
        if right.is_Number:
            limit = Fraction(int(right.p), int(right.q))
            return Relation((left.name,), None, True, {}, left.name, None, limit)
        return Relation((left.name, right.name), None, True, {}, left.name, right.name)
    left_text, right_text = relation.split("=")
    left = sympy.Symbol(left_text.strip())
    right = sympy.sympify(right_text.strip())
    equation = sympy.Eq(left, right)
    symbols = [left, *sorted(right.free_symbols, key=lambda s: s.name)]
    solutions = {}
    for symbol in symbols:
        solved = sympy.solve(equation, symbol)
        if len(solved) == 1:
            solutions[symbol.name] = _compile(solved[0])
    return Relation(tuple(s.name for s in symbols), left.name, False, solutions)


def _compile(expression: Any) -> Callable[[dict[str, Interval]], Interval]:
    """Turn a sympy expression into exact interval arithmetic over named roles.

    Each relation is written so that every role appears once in each solved form; then
    naive interval evaluation is exact (no dependency widening)."""
    import sympy

    if expression.is_Symbol:
        name = expression.name
        return lambda values: values[name]
    if expression.is_Rational:
        constant = Interval.point(Fraction(int(expression.p), int(expression.q)))
        return lambda values: constant
    arguments = [_compile(argument) for argument in expression.args]
    if isinstance(expression, sympy.Add):
        def add(values: dict[str, Interval]) -> Interval:
            total = arguments[0](values)
            for argument in arguments[1:]:
                total = total + argument(values)
            return total
        return add
    if isinstance(expression, sympy.Mul):
        def multiply(values: dict[str, Interval]) -> Interval:
            product = arguments[0](values)
            for argument in arguments[1:]:
                product = product * argument(values)
            return product
        return multiply
    if isinstance(expression, sympy.Pow) and expression.exp == -1:
        base = arguments[0]
        return lambda values: Interval.point(1) / base(values)
    raise ValueError(f"unsupported relation term: {expression}")
