"""Closed intervals with exact rational endpoints.

A written figure stands for every value that rounds to it, so every number is an
interval.  Verdicts compare closures: a boundary value counts as reachable, since
writers round half up, half even or simply truncate.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

__all__ = ["Interval"]


def _fraction(value: Fraction | int | str) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)


@attrs.frozen(order=False)
class Interval:
    """The closed interval [low, high] of exact rationals."""

    low: Fraction = attrs.field(converter=_fraction)
    high: Fraction = attrs.field(converter=_fraction)

    def __attrs_post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"empty interval [{self.low}, {self.high}]")

    @classmethod
    def point(cls, value: Fraction | int) -> Interval:
        return cls(value, value)

    @classmethod
    def around(cls, value: Fraction, half_width: Fraction) -> Interval:
        return cls(value - half_width, value + half_width)

    @property
    def midpoint(self) -> Fraction:
        return (self.low + self.high) / 2

    @property
    def is_point(self) -> bool:
        return self.low == self.high

    def contains(self, value: Fraction | int) -> bool:
        return self.low <= value <= self.high

    def meets(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

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
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def __mul__(self, other: Interval) -> Interval:
        products = [a * b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.low <= 0 <= other.high:
            raise ZeroDivisionError("division by an interval that contains zero")
        return self * Interval(1 / other.high, 1 / other.low)

    def __str__(self) -> str:
        if self.is_point:
            return _short(self.low)
        return f"[{_short(self.low)}, {_short(self.high)}]"


def _short(value: Fraction) -> str:
    return f"{float(value):.6g}"
