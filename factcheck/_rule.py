"""What a rule is: a named relation between roles, declared once as an equation.

A rule module in ``rules/`` ends with one ``RULE = Rule(...)`` value.  The relation is
written the way sympy parses it ("stated = 100 * part / whole", "part <= whole"); sympy
is imported only when a relation is first solved, and each relation is solved once.
"""

from __future__ import annotations

import enum
from fractions import Fraction
from functools import cache
from typing import Any, Callable, NamedTuple

import attrs

from ._interval import Interval
from ._interval import product as interval_product

__all__ = ["Relation", "Rule", "Verdict"]


class Verdict(str, enum.Enum):
    PASS = "pass"
    DISCREPANCY = "discrepancy"
    AMBIGUOUS = "ambiguous"


PASS, DISCREPANCY, AMBIGUOUS = Verdict.PASS, Verdict.DISCREPANCY, Verdict.AMBIGUOUS  # plain names: see models.AMOUNT


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
    # the stated role's value from the others' written values taken as exact: the face arithmetic
    face: Callable[[dict[str, Fraction]], Fraction] | None = None


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
            solutions[symbol.name] = _compile(solved[0], _INTERVALS)
    face = _compile(right, _FRACTIONS)
    return Relation(tuple(s.name for s in symbols), left.name, False, solutions, face=face)


def _fraction_product(multipliers: list[Fraction], divisors: list[Fraction]) -> Fraction:
    """The product of ``multipliers`` over that of ``divisors``, normalised once rather
    than at every step (a zero divisor raises ZeroDivisionError, as ``/`` would)."""
    numerator = denominator = 1
    for factor in multipliers:
        numerator *= factor.numerator
        denominator *= factor.denominator
    for divisor in divisors:
        numerator *= divisor.denominator
        denominator *= divisor.numerator
    return Fraction(numerator, denominator)


class _Arithmetic(NamedTuple):
    """The exact arithmetic a relation is compiled to."""

    constant: Callable[[Fraction], Any]
    product: Callable[[list[Any], list[Any]], Any]  # the multipliers' product over the divisors'


_INTERVALS = _Arithmetic(Interval.point, interval_product)
_FRACTIONS = _Arithmetic(Fraction, _fraction_product)


def _compile(expression: Any, arithmetic: _Arithmetic) -> Callable[[dict[str, Any]], Any]:
    """Turn a sympy expression into exact arithmetic over named roles: interval arithmetic
    for the solutions, plain Fractions for the face.

    Each relation is written so that every role appears once in each solved form; then
    naive interval evaluation is exact (no dependency widening)."""
    import sympy

    if expression.is_Symbol:
        name = expression.name
        return lambda values: values[name]
    if expression.is_Rational:
        value = arithmetic.constant(Fraction(int(expression.p), int(expression.q)))
        return lambda values: value
    if isinstance(expression, sympy.Add):
        return _compile_sum(expression.args, arithmetic)
    if isinstance(expression, sympy.Mul) or _is_reciprocal(expression):
        return _compile_product(sympy.Mul.make_args(expression), arithmetic)
    raise ValueError(f"unsupported relation term: {expression}")


def _compile_sum(terms: tuple[Any, ...], arithmetic: _Arithmetic) -> Callable[[dict[str, Any]], Any]:
    """``a - b`` as one subtraction rather than adding ``-1 * b``: the same exact value, fewer steps."""
    import sympy

    negated = [term for term in terms if term.is_Mul and term.args[0] == -1]
    added = [_compile(term, arithmetic) for term in terms if term not in negated] \
        or [_compile(sympy.S.Zero, arithmetic)]
    subtracted = [_compile(-term, arithmetic) for term in negated]

    def add(values: dict[str, Any]) -> Any:
        total = added[0](values)
        for term in added[1:]:
            total = total + term(values)
        for term in subtracted:
            total = total - term(values)
        return total
    return add


def _compile_product(factors: tuple[Any, ...], arithmetic: _Arithmetic) -> Callable[[dict[str, Any]], Any]:
    """``a * b / c`` as one division rather than multiplying by ``1 / c``: the same exact value, fewer steps."""
    import sympy

    divisors = [_compile(factor.base, arithmetic) for factor in factors if _is_reciprocal(factor)]
    multipliers = [_compile(factor, arithmetic) for factor in factors if not _is_reciprocal(factor)] \
        or [_compile(sympy.S.One, arithmetic)]
    product = arithmetic.product

    def multiply(values: dict[str, Any]) -> Any:
        return product([factor(values) for factor in multipliers], [divisor(values) for divisor in divisors])
    return multiply


def _is_reciprocal(expression: Any) -> bool:
    return bool(expression.is_Pow and expression.exp == -1)
