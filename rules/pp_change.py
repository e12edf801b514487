"""Percentage-point change: the difference of two percentages, in points.

What it checks:
    "coverage rose from 93.2% to 95.4%, or 2.2 percentage points": the points must equal
    new - old.

Why it matters:
    Points and percent are easily confused ("up 2.2%" for a 2.2-point rise), and a wrong
    difference misstates the size of the change.

Consistent example:
    "Access rose from 93.2% to 95.4%, or 2.2 percentage points."

Discrepancy example:
    "Access rose from 93.2% to 95.4%, or 3.2 percentage points."

Tolerance:
    Each percentage stands for its rounding interval (93.2% is 93.15..93.25), so the
    difference may be off by up to the sum of half-units.
"""

from factcheck._rule import Rule

RULE = Rule(
    code="FC04",
    name="percentage-point-change",
    kind="pp_change",
    summary="A stated change in percentage points equals new - old.",
    relation="stated = new - old",
    arithmetic="{new} - {old} = {computed}",
    unit=" pp",
)
