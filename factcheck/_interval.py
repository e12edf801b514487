"""Closed intervals with exact rational endpoints.

A written figure stands for every value that rounds to it, so every number is an
interval.  Verdicts compare closures: a boundary value counts as reachable, since
writers round half up, half even or simply truncate.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import gcd

__all__ = ["Interval", "product"]


def _fraction(value: Fraction | int | str) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)


class Interval:
    """The closed interval [low, high] of exact rationals.

    Like a Fraction, an interval keeps each end as two integers in lowest terms (the
    denominator positive) in private slots, and shows it as a Fraction through a read-only
    property, made on first use.  Verdicts add, multiply and compare ends in integers:
    building a Fraction at every step would cost several times more, and judging a release
    takes thousands of steps."""

    __slots__ = ("_low_numerator", "_low_denominator", "_high_numerator", "_high_denominator", "_low", "_high",
                 "__weakref__")
    __match_args__ = ("low", "high")

    _low_numerator: int
    _low_denominator: int
    _high_numerator: int
    _high_denominator: int
    _low: Fraction | None
    _high: Fraction | None

    def __init__(self, low: Fraction | int | str, high: Fraction | int | str) -> None:
        low, high = _fraction(low), _fraction(high)
        if low > high:
            raise ValueError(f"empty interval [{low}, {high}]")
        self._low_numerator, self._low_denominator, self._low = low.numerator, low.denominator, low
        self._high_numerator, self._high_denominator, self._high = high.numerator, high.denominator, high

    @property
    def low(self) -> Fraction:
        if self._low is None:
            self._low = Fraction(self._low_numerator, self._low_denominator)
        return self._low

    @property
    def high(self) -> Fraction:
        if self._high is None:
            self._high = Fraction(self._high_numerator, self._high_denominator)
        return self._high

    @classmethod
    def point(cls, value: Fraction | int) -> Interval:
        value = _fraction(value)
        return _reduced(cls, value.numerator, value.denominator, value.numerator, value.denominator)

    @classmethod
    def around(cls, value: Fraction, half_width: Fraction) -> Interval:
        return cls(value - half_width, value + half_width) if half_width >= 0 else cls(value, value)

    @classmethod
    def rounding(cls, value: Fraction, step: Fraction) -> Interval:
        """Every value that rounds to ``value`` at ``step``: half a step either side, both
        ends over one common denominator."""
        value_denominator, step_denominator = value.denominator, step.denominator
        common = 2 * value_denominator * step_denominator
        middle = 2 * value.numerator * step_denominator
        offset = step.numerator * value_denominator
        return _ends(cls, middle - offset, common, middle + offset, common)

    @property
    def midpoint(self) -> Fraction:
        return (self.low + self.high) / 2

    @property
    def is_point(self) -> bool:
        return self._low_numerator == self._high_numerator and self._low_denominator == self._high_denominator

    def contains(self, value: Fraction | int) -> bool:
        if type(value) is not Fraction and type(value) is not int:
            return self.low <= value <= self.high  # a float, a Decimal, a subclass: their own comparison
        numerator, denominator = value.numerator, value.denominator
        return self._low_numerator * denominator <= numerator * self._low_denominator \
            and numerator * self._high_denominator <= self._high_numerator * denominator

    def meets(self, other: Interval) -> bool:
        return self._low_numerator * other._high_denominator <= other._high_numerator * self._low_denominator \
            and other._low_numerator * self._high_denominator <= self._high_numerator * other._low_denominator

    def gap(self, other: Interval) -> Fraction:
        """Distance between the two intervals; 0 when they meet."""
        if other.low > self.high:
            return other.low - self.high
        if self.low > other.high:
            return self.low - other.high
        return Fraction(0)

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.low, other.low), max(self.high, other.high))

    def __add__(self, other: Interval) -> Interval:
        return _ends(Interval, *_sum(self._low_numerator, self._low_denominator, other._low_numerator, other._low_denominator),
                     *_sum(self._high_numerator, self._high_denominator, other._high_numerator, other._high_denominator))

    def __sub__(self, other: Interval) -> Interval:
        return _ends(Interval, *_sum(self._low_numerator, self._low_denominator, -other._high_numerator, other._high_denominator),
                     *_sum(self._high_numerator, self._high_denominator, -other._low_numerator, other._low_denominator))

    def __neg__(self) -> Interval:
        return _reduced(Interval, -self._high_numerator, self._high_denominator, -self._low_numerator, self._low_denominator)

    def __mul__(self, other: Interval) -> Interval:
        if self._low_numerator >= 0 and other._low_numerator >= 0:
            return _ends(Interval, self._low_numerator * other._low_numerator, self._low_denominator * other._low_denominator,
                         self._high_numerator * other._high_numerator, self._high_denominator * other._high_denominator)
        products = [a * b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other._low_numerator <= 0 <= other._high_numerator:
            raise ZeroDivisionError("division by an interval that contains zero")
        if other._high_numerator < 0:  # [a, b] < 0: 1/[a, b] is [1/b, 1/a], each with the sign moved up
            reciprocal = _reduced(Interval, -other._high_denominator, -other._high_numerator,
                                  -other._low_denominator, -other._low_numerator)
        else:
            reciprocal = _reduced(Interval, other._high_denominator, other._high_numerator,
                                  other._low_denominator, other._low_numerator)
        return self * reciprocal

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._low_numerator == other._low_numerator and self._low_denominator == other._low_denominator \
            and self._high_numerator == other._high_numerator and self._high_denominator == other._high_denominator

    def __hash__(self) -> int:
        return hash((self._low_numerator, self._low_denominator, self._high_numerator, self._high_denominator))

    def __reduce__(self) -> tuple[type[Interval], tuple[Fraction, Fraction]]:
        return self.__class__, (self.low, self.high)  # pickled and copied by its ends, under every protocol

    def __repr__(self) -> str:
        return f"Interval(low={self.low!r}, high={self.high!r})"

    def __str__(self) -> str:
        if self.is_point:
            return _short(self.low)
        return f"[{_short(self.low)}, {_short(self.high)}]"


def _sum(first_numerator: int, first_denominator: int, second_numerator: int, second_denominator: int) -> tuple[int, int]:
    """a/b + c/d, not yet in lowest terms (decimals mostly share a denominator)."""
    if first_denominator == second_denominator:
        return first_numerator + second_numerator, first_denominator
    return first_numerator * second_denominator + second_numerator * first_denominator, first_denominator * second_denominator


def _reduced(cls: type[Interval], low_numerator: int, low_denominator: int,
             high_numerator: int, high_denominator: int) -> Interval:
    """An interval from ends already in lowest terms, with positive denominators, in order."""
    interval = object.__new__(cls)
    interval._low_numerator, interval._low_denominator = low_numerator, low_denominator
    interval._high_numerator, interval._high_denominator = high_numerator, high_denominator
    interval._low = interval._high = None
    return interval


def _ends(cls: type[Interval], low_numerator: int, low_denominator: int,
          high_numerator: int, high_denominator: int) -> Interval:
    """An interval from ordered ends with positive denominators, brought to lowest terms."""
    interval = object.__new__(cls)
    divisor = gcd(low_numerator, low_denominator)
    interval._low_numerator, interval._low_denominator = low_numerator // divisor, low_denominator // divisor
    divisor = gcd(high_numerator, high_denominator)
    interval._high_numerator, interval._high_denominator = high_numerator // divisor, high_denominator // divisor
    interval._low = interval._high = None
    return interval


def product(multipliers: Sequence[Interval], divisors: Sequence[Interval]) -> Interval:
    """The product of ``multipliers`` divided by that of ``divisors``.

    When no multiplier spans zero and no divisor reaches it, the low end is the least ends'
    product and the high end the greatest ends' (a negative multiplier is taken by its
    magnitude and flips the result): each is one fraction of integer products, reduced
    once rather than at every step.  Otherwise the product goes step by step."""
    low_top = low_bottom = high_top = high_bottom = 1
    negative = False
    for factor in multipliers:
        low_numerator, low_denominator = factor._low_numerator, factor._low_denominator
        high_numerator, high_denominator = factor._high_numerator, factor._high_denominator
        if low_numerator < 0:
            if high_numerator > 0:
                return _stepwise_product(multipliers, divisors)
            # [a, b] <= 0 as its magnitude [-b, -a]
            low_numerator, low_denominator, high_numerator, high_denominator = \
                -high_numerator, high_denominator, -low_numerator, low_denominator
            negative = not negative
        low_top, low_bottom = low_top * low_numerator, low_bottom * low_denominator
        high_top, high_bottom = high_top * high_numerator, high_bottom * high_denominator
    for divisor in divisors:  # dividing by [low, high] multiplies by [1/high, 1/low]
        if divisor._low_numerator <= 0:
            return _stepwise_product(multipliers, divisors)
        low_top, low_bottom = low_top * divisor._high_denominator, low_bottom * divisor._high_numerator
        high_top, high_bottom = high_top * divisor._low_denominator, high_bottom * divisor._low_numerator
    if negative:
        return _ends(Interval, -high_top, high_bottom, -low_top, low_bottom)
    return _ends(Interval, low_top, low_bottom, high_top, high_bottom)


def _stepwise_product(multipliers: Sequence[Interval], divisors: Sequence[Interval]) -> Interval:
    result = multipliers[0]
    for factor in multipliers[1:]:
        result = result * factor
    for divisor in divisors:
        result = result / divisor
    return result


def _short(value: Fraction) -> str:
    return f"{float(value):.6g}"
