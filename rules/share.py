"""Share of a total: a percentage stated as the part a figure is of a whole.

What it checks:
    "X, or P% of Y" (and "P% (X) of Y", "X of these, or P%", "which is P% of the budget"):
    P must equal 100 * X / Y.

Why it matters:
    Shares are the commonest derived figure in a release and the easiest to leave stale
    when one of the amounts is revised.

Consistent example:
    "Exporters shipped 200 of the 390 billion tenge, or 51% of the total." 200/390 = 51.3%.

Discrepancy example:
    "Exporters shipped 200 of the 390 billion tenge, or 61% of the total." 200/390 = 51.3%,
    and no rounding of 200, 390 or 61 reaches it.

Tolerance:
    Each figure stands for every value that rounds to it (51% is 50.5..51.5; 390 billion is
    389.5..390.5 billion); "more than 2 trillion" is 2..3 trillion. A round figure such as
    "4 trillion" may also be rounded itself; a share that holds only then passes with a note.
"""

from factcheck._rule import Rule

RULE = Rule(
    code="FC01",
    name="share-of-total",
    kind="share",
    summary="A stated percentage equals part / whole.",
    relation="stated = 100 * part / whole",
    arithmetic="{part} / {whole} = {computed}",
    unit="%",
)
