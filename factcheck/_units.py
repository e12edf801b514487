"""Units through pint, loaded on first use only: a CLI run that needs no conversion never pays for it."""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["conversion_factor", "registry"]


@cache
def registry() -> Any:
    """factcheck's pint registry (units.txt), built once per process."""
    import pint

    definitions = resources.files("factcheck").joinpath("units.txt")
    with resources.as_file(definitions) as path:
        return pint.UnitRegistry(str(path), autoconvert_offset_to_baseunit=False)


@cache
def conversion_factor(source: str, target: str) -> Fraction | None:
    """How many ``target`` one ``source`` is (1000 for km -> m), or None when they do not convert."""
    if source == target:
        return Fraction(1)
    import pint

    units = registry()
    try:
        magnitude = units.Quantity(1, source).to(target).magnitude
    except (pint.DimensionalityError, pint.UndefinedUnitError):
        return None
    return Fraction(magnitude).limit_denominator(10**12)
