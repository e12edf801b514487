"""The result of checking: findings (one per relation) gathered in a report."""

from __future__ import annotations

from fractions import Fraction

import attrs

from ._interval import Interval
from ._models import Quantity
from ._rule import Verdict

__all__ = ["Finding", "Number", "Reading", "ReadingResult", "Report"]


@attrs.frozen
class Number:
    """A figure's part in a relation."""

    role: str  # part, whole, stated, old, new, total, minuend, subtrahend, count
    quantity: Quantity


@attrs.frozen
class Reading:
    """One interpretation of the stated figure, as an affine map of its written value
    ("2.3 times more" read as x3.3 is scale 1, shift 1; "down 21.3%" is scale -1)."""

    label: str = ""
    scale: Fraction = Fraction(1)
    shift: Fraction = Fraction(0)

    def apply(self, interval: Interval) -> Interval:
        if self.scale == 1 and not self.shift:
            return interval  # the plain reading, by far the commonest
        low, high = self.apply_value(interval.low), self.apply_value(interval.high)
        return Interval(low, high) if self.scale.numerator >= 0 else Interval(high, low)

    def apply_value(self, value: Fraction) -> Fraction:
        # skip the steps that change nothing: each Fraction operation is costly
        if self.scale != 1:
            value = value * self.scale
        return value + self.shift if self.shift else value

    def invert(self, interval: Interval) -> Interval:
        if self.scale == 1 and not self.shift:
            return interval
        ends = ((interval.low - self.shift) / self.scale, (interval.high - self.shift) / self.scale)
        return Interval(min(ends), max(ends))


@attrs.frozen
class ReadingResult:
    """What one reading of the text gives."""

    reading: Reading
    verdict: Verdict
    computed: Interval | None  # what the stated figure should be under this reading
    detail: str


@attrs.frozen
class Finding:
    rule: str  # rule code
    name: str  # rule name
    kind: str  # relation kind of FORMAT.md
    verdict: Verdict
    message: str  # the arithmetic and the verdict, one line
    numbers: tuple[Number, ...]
    readings: tuple[ReadingResult, ...] = ()  # one per reading of the text; several when it is ambiguous
    notes: tuple[str, ...] = ()  # rounding that the verdict relies on
    corrections: tuple[str, ...] = ()  # which single figure could be corrected, and to what
    expected: Interval | None = None  # the interval the stated figure should fall in
    cue: str = ""  # the wording that announced the relation
    assumes: str = ""  # a link between the figures that the text implies but does not state

    @property
    def start(self) -> int:
        return min(number.quantity.start for number in self.numbers)

    @property
    def end(self) -> int:
        return max(number.quantity.end for number in self.numbers)


@attrs.frozen
class Report:
    """Everything factcheck found in one text."""

    findings: tuple[Finding, ...]
    quantities: tuple[Quantity, ...] = ()

    def _with(self, verdict: Verdict) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.verdict is verdict)

    @property
    def passes(self) -> tuple[Finding, ...]:
        return self._with(Verdict.PASS)

    @property
    def discrepancies(self) -> tuple[Finding, ...]:
        return self._with(Verdict.DISCREPANCY)

    @property
    def ambiguous(self) -> tuple[Finding, ...]:
        return self._with(Verdict.AMBIGUOUS)

    @property
    def ok(self) -> bool:
        """True when no finding is a discrepancy."""
        return not self.discrepancies
