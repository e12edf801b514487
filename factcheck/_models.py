"""The data model: immutable records that later stages read and never change."""

from __future__ import annotations

import enum
from fractions import Fraction

import attrs

from ._interval import Interval

__all__ = ["Bound", "Hedge", "Kind", "Quantity", "TimeAnchor"]


class Kind(str, enum.Enum):
    """What a number measures."""

    AMOUNT = "amount"  # money or a physical quantity: "2 trillion tenge", "865 km"
    COUNT = "count"  # things counted: "79 projects"
    NUMBER = "number"  # a bare figure whose unit the text leaves to context: a table cell
    PERCENT = "percent"  # "53%", "a third"
    POINTS = "points"  # percentage points and basis points, kept in percentage points
    FACTOR = "factor"  # "5 times", "2.4-fold", "doubled"


# The kinds as plain module names: Python 3.11 reads an Enum member off its class through
# the metaclass's __getattr__ hook, ten times slower, and relation finding and extraction
# read kinds thousands of times a release.
AMOUNT, COUNT, NUMBER, PERCENT, POINTS, FACTOR = (
    Kind.AMOUNT, Kind.COUNT, Kind.NUMBER, Kind.PERCENT, Kind.POINTS, Kind.FACTOR)


class Bound(str, enum.Enum):
    """How a hedge moves a figure away from its written value."""

    ABOVE = "above"  # more than, over, exceeding
    AT_LEAST = "at_least"  # at least, not less than
    BELOW = "below"  # almost, nearly, just under
    AT_MOST = "at_most"  # up to, less than, not exceeding
    ABOUT = "about"  # about, around, approximately


@attrs.frozen
class Hedge:
    text: str
    start: int
    end: int
    bound: Bound


@attrs.frozen(cache_hash=True)
class Quantity:
    """One numeric mention, kept next to its source span.

    ``value`` is the written value in the unit's base (2 trillion tenge -> 2e12 KZT;
    53% -> 53).  ``precision`` is the place of the last written digit; ``rounding``
    the place of the last non-zero digit, coarser when an integer ends in zeros that
    may themselves be rounding ("390", "4 trillion").  ``exact`` marks counts of
    things, which are whole numbers as written.
    """

    start: int
    end: int
    text: str
    # equal figures hash alike without their Fractions, whose hashes are slow to compute
    value: Fraction = attrs.field(hash=False)
    precision: Fraction = attrs.field(hash=False)
    rounding: Fraction = attrs.field(hash=False)
    kind: Kind
    unit: str | None = None
    noun: str | None = None
    hedge: Hedge | None = None
    exact: bool = False
    scale: int = 1  # the scale word's factor: 10**9 for "billion", 1 for none
    unit_implied: bool = False  # unit or scale taken from a neighbour ("from 45 to 90 thousand tons")
    # the two readings below, worked out on first use: most figures are never judged.  Plain
    # slots rather than cached properties, whose __getattr__ hook would slow every other
    # attribute lookup of every quantity, and relation finding makes hundreds of thousands
    _interval: Interval | None = attrs.field(default=None, init=False, eq=False, repr=False)
    _rounded_interval: Interval | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def interval(self) -> Interval:
        """Every value the figure stands for, read with its written precision."""
        if self._interval is None:
            if self.hedge is not None:
                interval = _widen(self.value, self.rounding, self.hedge.bound)
            elif self.exact:
                interval = Interval.point(self.value)
            else:
                interval = Interval.rounding(self.value, self.precision)
            object.__setattr__(self, "_interval", interval)
        return self._interval  # type: ignore[return-value]

    @property
    def rounded_interval(self) -> Interval:
        """The wider reading in which trailing zeros are rounding too ("390" as 385..395)."""
        if self._rounded_interval is None:
            rounded = self.interval if self.hedge is not None or not self.is_round \
                else Interval.rounding(self.value, self.rounding)
            object.__setattr__(self, "_rounded_interval", rounded)
        return self._rounded_interval  # type: ignore[return-value]

    @property
    def is_round(self) -> bool:
        """True when trailing zeros make a wider, rounded reading possible."""
        return self.rounding > self.precision


def _widen(value: Fraction, step: Fraction, bound: Bound) -> Interval:
    """Move a hedged figure by one unit of its last significant digit."""
    if bound is Bound.ABOVE or bound is Bound.AT_LEAST:
        return Interval(value, value + step)
    if bound is Bound.BELOW:
        return Interval(value - step, value)
    if bound is Bound.AT_MOST:
        return Interval(min(0, value), value)
    return Interval(value - step, value + step)


@attrs.frozen
class TimeAnchor:
    """A year, period or date: not a quantity, but it tells when quantities hold."""

    start: int
    end: int
    text: str
    kind: str  # "year", "period", "date"
    first_year: int | None = None
    last_year: int | None = None
