"""Sum of parts: a total stated with the complete list of its parts.

What it checks:
    "Of these, 68 have been completed and 11 are under way" after "79 projects";
    "200 ... an additional 154 ... in total 354": the parts must add up to the total.

Why it matters:
    Breakdowns are edited one line at a time; the total is the figure that goes stale.

Consistent example:
    "79 projects were signed. Of these, 68 have been completed and 11 are under way."

Discrepancy example:
    "79 projects were signed. Of these, 66 have been completed and 11 are under way."
    66 + 11 = 77.

Tolerance:
    Counts of named things are exact; amounts stand for their rounding intervals, so
    "7.5 + 9.5 billion" may total anything from 16.9 to 17.1 billion.
"""

from factcheck._rule import Rule

RULE = Rule(
    code="FC05",
    name="sum-of-parts",
    kind="sum",
    summary="A total equals the sum of its listed parts.",
    relation="total = part",
    arithmetic="{part} = {computed}",
)
