"""Per-unit figures: an average, price or rate stated beside its total and its count.

What it checks:
    "1,200 apartments for 14.4 billion tenge, or 12 million tenge per apartment":
    the rate must equal total / count.

Why it matters:
    Averages are quoted on their own, so when the total or the count changes they are
    rarely recomputed.

Consistent example:
    "The city bought 1,200 apartments for 14.4 billion tenge, or 12 million tenge per apartment."

Discrepancy example:
    "The city bought 1,200 apartments for 14.4 billion tenge, or 15 million tenge per apartment."

Tolerance:
    Counts of named things are exact; the total and the rate stand for their rounding
    intervals (14.4 billion is 14.35..14.45 billion).
"""

from factcheck._rule import Rule

RULE = Rule(
    code="FC09",
    name="per-unit",
    kind="per_unit",
    summary="A stated rate equals total / count.",
    relation="stated = total / count",
    arithmetic="{total} / {count} = {computed}",
)
