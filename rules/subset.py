"""Parts of a whole: figures said to be included in a larger one.

What it checks:
    "4 projects worth 13 billion tenge, including 2.6 billion ... and 3.6 billion ...",
    "11 bln of this sum was allocated": the parts, together, must not exceed the whole.

Why it matters:
    Lists of examples are often edited independently of the whole they belong to; a part
    larger than its whole is a plain contradiction.

Consistent example:
    "A package of 13 billion tenge, including 2.6 billion and 3.6 billion tenge of loans."

Discrepancy example:
    "A package of 13 billion tenge, including 9.6 billion and 3.6 billion tenge of loans."
    9.6 + 3.6 = 13.2 > 13.

Tolerance:
    The parts' smallest possible sum is compared with the whole's largest possible value.
    A list that does not claim to be complete may fall short of the whole.
"""

from factcheck._rule import Rule

RULE = Rule(
    code="FC07",
    name="parts-within-whole",
    kind="subset",
    summary="Parts included in a whole do not exceed it.",
    relation="part <= whole",
    arithmetic="{part} = {computed} <= {whole}",
)
