"""Difference: a stated gap between two figures ("D more than", "increased by D to B from A").

What it checks:
    "sales increased $3.9 million to $18.2 million from $14.3 million", "1.9 trillion, or
    1.1 trillion more than in 2015 (2015 - 844.6 billion)": D must equal the later or larger
    figure minus the other.

Why it matters:
    A difference restates two figures at once; when either is revised it silently breaks.

Consistent example:
    "Sales increased $3.9 million to $18.2 million from $14.3 million."

Discrepancy example:
    "Sales increased $4.9 million to $18.2 million from $14.3 million."

Tolerance:
    The rounding of both figures adds up: 18.2 - 14.3 may be anything from 3.8 to 4.0.
"""

from factcheck._rule import Rule

RULE = Rule(
    code="FC06",
    name="difference",
    kind="difference",
    summary="A stated difference equals minuend - subtrahend.",
    relation="stated = minuend - subtrahend",
    arithmetic="{minuend} - {subtrahend} = {computed}",
)
