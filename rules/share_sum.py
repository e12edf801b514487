"""Shares of one whole: percentages of the same total must not add up past 100%.

What it checks:
    "social services 38.3% of the budget ... economic services 29.3% of the budget ...":
    every share stated of the same whole, added up, is at most 100%.

Why it matters:
    When shares are rounded or copied from different drafts they can claim more than the
    whole.

Consistent example:
    "Industrial controls were 64.0% of net sales and medical systems 36.0% of net sales."

Discrepancy example:
    "Industrial controls were 74.0% of net sales and medical systems 36.0% of net sales."
    74 + 36 = 110%.

Tolerance:
    Each share stands for its rounding interval, so five shares given to one decimal may
    add up to as much as 100.25%.
"""

from factcheck._rule import Rule

RULE = Rule(
    code="FC08",
    name="shares-within-whole",
    kind="share_sum",
    summary="Shares of one whole add up to at most 100%.",
    relation="part <= 100",
    arithmetic="{part} = {computed} <= 100%",
    unit="%",
)
