"""Percent change: "up 21.3% from A", "a decrease of 7.3% compared to A", table rows.

What it checks:
    "net sales of B, a decrease of 7.3% compared to A", "rose 13 per cent to B from A",
    and rows of results tables under a "% Change" header: the percentage must equal
    100 * (new / old - 1), signed by the direction the text gives.

Why it matters:
    Percent changes are recomputed by every reader; a stale one undermines the release.

Consistent example:
    "Net sales were $122.9 million, a decrease of 7.3% compared to $132.6 million."
    122.9 / 132.6 - 1 = -7.32%.

Discrepancy example:
    "Net sales were $122.9 million, a decrease of 9.3% compared to $132.6 million."

Tolerance:
    Every figure's rounding is taken into account (122.9 is 122.85..122.95), so a change
    that is off at face value but reachable within rounding passes with a note.
    "Increased by 108%" is ambiguous when above 100: growth of 108%, or an index of 108%
    of the previous level (+8%); both readings are shown when they disagree.
"""

from factcheck._rule import Rule

RULE = Rule(
    code="FC03",
    name="percent-change",
    kind="percent_change",
    summary="A stated percent change equals new / old - 1.",
    relation="stated = 100 * new / old - 100",
    arithmetic="{new} / {old} - 1 = {computed}",
    unit="%",
)
