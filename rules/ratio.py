"""Growth factor: "N times", "N-fold", "doubled", "halved" between an old and a new figure.

What it checks:
    "grew 5 times, from 184 to 898 billion", "B, 1.7 times up from A", "doubled from A to B":
    the factor must equal new / old.

Why it matters:
    Multipliers are quoted in headlines and leads, far from the figures they summarise, so
    they survive edits that change the figures.

Consistent example:
    "Output grew 5 times, from 184 billion tenge to 898 billion tenge." 898/184 = 4.88.

Discrepancy example:
    "Output grew 7 times, from 184 billion tenge to 898 billion tenge." 4.88 is not 7.

Tolerance:
    "5 times" is 4.5..5.5 and "2.4 times" 2.35..2.45; "doubled" is read as "2 times".
    "N times more than" is ambiguous (x N, or x N+1 as "N times more" = +N*100%): each
    reading is evaluated, and when they disagree the finding is ambiguous.
"""

from factcheck._rule import Rule

RULE = Rule(
    code="FC02",
    name="growth-factor",
    kind="ratio",
    summary="A stated multiplier equals new / old.",
    relation="stated = new / old",
    arithmetic="{new} / {old} = {computed}",
    unit=" times",
)
