"""Closed intervals with exact rational endpoints.

A written figure stands for every value that rounds to it, so every number is an
interval.  Verdicts compare closures: a boundary value counts as reachable, since
writers round half up, half even or simply truncate.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import attrs

__all__ = ["Interval", "product"]


def _fraction(value: Fraction | int | str) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)


def _at_most(first: Fraction | int, second: Fraction | int) -> bool:
    """first <= second, by cross-multiplying (denominators are positive, and an int's is 1):
    a Fraction's own comparison first asks the numbers ABC what the other operand is."""
    return first.numerator * second.denominator <= second.numerator * first.denominator


@attrs.frozen(order=False)
class Interval:
    """The closed interval [low, high] of exact rationals.

    The arithmetic reads signs off numerators (a Fraction's denominator is positive):
    comparing a Fraction with 0 costs several times more, and verdicts do it often."""

    low: Fraction = attrs.field(converter=_fraction)
    high: Fraction = attrs.field(converter=_fraction)

    def __attrs_post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"empty interval [{self.low}, {self.high}]")

    @classmethod
    def point(cls, value: Fraction | int) -> Interval:
        value = _fraction(value)
        return cls._of(value, value)

    @classmethod
    def around(cls, value: Fraction, half_width: Fraction) -> Interval:
        return cls._of(value - half_width, value + half_width) if half_width >= 0 else cls(value, value)

    @classmethod
    def rounding(cls, value: Fraction, step: Fraction) -> Interval:
        """Every value that rounds to ``value`` at ``step``: half a step either side.

        Both ends are built over one common denominator, two normalisations where Fraction
        arithmetic would spend three operations (the half step, a difference and a sum)."""
        common = 2 * value.denominator * step.denominator
        middle = 2 * value.numerator * step.denominator
        offset = step.numerator * value.denominator
        return cls._of(Fraction(middle - offset, common), Fraction(middle + offset, common))

    @property
    def midpoint(self) -> Fraction:
        return (self.low + self.high) / 2

    @property
    def is_point(self) -> bool:
        return self.low == self.high

    def contains(self, value: Fraction | int) -> bool:
        if type(value) is not Fraction and type(value) is not int:
            return self.low <= value <= self.high  # a float, a Decimal, a subclass: their own comparison
        return _at_most(self.low, value) and _at_most(value, self.high)

    def meets(self, other: Interval) -> bool:
        return _at_most(self.low, other.high) and _at_most(other.low, self.high)

    def gap(self, other: Interval) -> Fraction:
        """Distance between the two intervals; 0 when they meet."""
        if other.low > self.high:
            return other.low - self.high
        if self.low > other.high:
            return self.low - other.high
        return Fraction(0)

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.low, other.low), max(self.high, other.high))

    @classmethod
    def _of(cls, low: Fraction, high: Fraction) -> Interval:
        """An interval from endpoints already known to be ordered Fractions (the hot path
        of verdicts: no conversion, no check)."""
        interval = object.__new__(cls)
        object.__setattr__(interval, "low", low)
        object.__setattr__(interval, "high", high)
        return interval

    def __add__(self, other: Interval) -> Interval:
        return Interval._of(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval._of(self.low - other.high, self.high - other.low)

    def __neg__(self) -> Interval:
        return Interval._of(-self.high, -self.low)

    def __mul__(self, other: Interval) -> Interval:
        if self.low.numerator >= 0 and other.low.numerator >= 0:
            return Interval._of(self.low * other.low, self.high * other.high)
        products = [a * b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval._of(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.low.numerator <= 0 <= other.high.numerator:
            raise ZeroDivisionError("division by an interval that contains zero")
        if self.low.numerator >= 0 and other.low.numerator > 0:
            return Interval._of(self.low / other.high, self.high / other.low)
        return self * Interval._of(1 / other.high, 1 / other.low)

    def __str__(self) -> str:
        if self.is_point:
            return _short(self.low)
        return f"[{_short(self.low)}, {_short(self.high)}]"


def product(multipliers: Sequence[Interval], divisors: Sequence[Interval]) -> Interval:
    """The product of ``multipliers`` divided by that of ``divisors``.

    When no multiplier spans zero and no divisor reaches it, the low end is the least ends'
    product and the high end the greatest ends' (a negative multiplier is taken by its
    magnitude and flips the result): each is one fraction of integer products, normalised
    once rather than at every step.  Otherwise the product goes step by step."""
    low_top = low_bottom = high_top = high_bottom = 1
    negative = False
    for factor in multipliers:
        low, high = factor.low, factor.high
        low_numerator, high_numerator = low.numerator, high.numerator
        if low_numerator < 0:
            if high_numerator > 0:
                return _stepwise_product(multipliers, divisors)
            low, high = high, low  # [a, b] <= 0 as its magnitude [-b, -a]
            low_numerator, high_numerator = -high_numerator, -low_numerator
            negative = not negative
        low_top, low_bottom = low_top * low_numerator, low_bottom * low.denominator
        high_top, high_bottom = high_top * high_numerator, high_bottom * high.denominator
    for divisor in divisors:  # dividing by [low, high] multiplies by [1/high, 1/low]
        low, high = divisor.low, divisor.high
        if low.numerator <= 0:
            return _stepwise_product(multipliers, divisors)
        low_top, low_bottom = low_top * high.denominator, low_bottom * high.numerator
        high_top, high_bottom = high_top * low.denominator, high_bottom * low.numerator
    if negative:
        return Interval._of(Fraction(-high_top, high_bottom), Fraction(-low_top, low_bottom))
    return Interval._of(Fraction(low_top, low_bottom), Fraction(high_top, high_bottom))


def _stepwise_product(multipliers: Sequence[Interval], divisors: Sequence[Interval]) -> Interval:
    result = multipliers[0]
    for factor in multipliers[1:]:
        result = result * factor
    for divisor in divisors:
        result = result / divisor
    return result


def _short(value: Fraction) -> str:
    return f"{float(value):.6g}"
